"""Spanish extraction: one small case per Spanish pattern, and scores on the Spanish releases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bordergraph.ingest.extract import extract
from bordergraph.ingest.extract.dates import find_dates
from bordergraph.ingest.extract.events_es import ordinal
from bordergraph.ingest.extract.people_es import find_mentions_es
from bordergraph.ingest.read import read_release
from bordergraph.records import ReleaseText, Source

RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"
# The Spanish releases among the 13 the rules were written from (conftest.ORIGINAL_RELEASES):
# each must score F1 >= 0.85. The 21 Spanish releases of the whole corpus are held to a floor
# on their micro F1 in test_extract_corpus.py (measured 0.643 when the corpus was shipped).
SPANISH = [
    "hled-relaunch-2021",
    "nals-mexico-city-2023",
    "minute-328-tijuana-2022",
    "bbbxg-plenary-2025",
]


def _record(body: str, issued: str = "2022-10-13"):  # type: ignore[no-untyped-def]
    return extract(
        ReleaseText(
            "t.txt",
            body,
            Source(issued=issued, language="es", publisher="Secretaría de Relaciones Exteriores"),
            "0",
        )
    )


def test_post_before_name_with_and_without_comma():
    ms = find_mentions_es(
        "El canciller Marcelo Ebrard y la secretaria de Economía, Tatiana "
        "Clouthier Carrillo, se reunieron."
    )
    assert [(m.name, m.post) for m in ms] == [
        ("Marcelo Ebrard", "canciller"),
        ("Tatiana Clouthier Carrillo", "secretaria de Economía"),
    ]


def test_trailing_organization_is_split_from_the_post():
    m = find_mentions_es(
        "el jefe de la Unidad para América del Norte de la Secretaría de "
        "Relaciones Exteriores, Roberto Velasco Álvarez, asistió."
    )[0]
    assert (m.post, m.org) == (
        "jefe de la Unidad para América del Norte",
        "Secretaría de Relaciones Exteriores",
    )


def test_country_from_the_post():
    ms = find_mentions_es(
        "el embajador de México en Estados Unidos, Esteban Moctezuma; la "
        "ministra de Asuntos Exteriores de Canadá, Mélanie Joly"
    )
    assert [m.country for m in ms] == ["MX", "CA"]


@pytest.mark.parametrize(
    "text,value,end",
    [
        ("el pasado 2 de diciembre", "2021-12-02", None),
        ("los días 10 y 11 de junio", "2021-06-10", "2021-06-11"),
        ("Ciudad de México, 9 de septiembre de 2021", "2021-09-09", None),
        ("el lunes 9 de enero", "2021-01-09", None),
    ],
)
def test_spanish_dates(text, value, end):
    d = next(d for d in find_dates(text, "es", 2021) if d.precision == "day")
    assert (d.value, d.end_value) == (value, end)


@pytest.mark.parametrize(
    "word,n",
    [
        ("XIII", 13),
        ("X", 10),
        ("IX", 9),
        ("novena", 9),
        ("13a", 13),
        ("decimotercera", 13),
        ("primera", 1),
    ],
)
def test_ordinals(word, n):
    assert ordinal(word) == n


def test_relative_days_and_modes():
    rec = _record(
        "Ciudad de México, 13 de octubre de 2022. La víspera, el canciller Marcelo "
        "Ebrard encabezó la delegación mexicana en la novena reunión del Grupo "
        "Binacional sobre Puentes y Cruces Internacionales, en formato híbrido."
    )
    e = rec.events[0]
    assert (e.date, e.mode, e.ordinal, e.type) == ("2022-10-12", "hybrid", 9, "Meeting")
    assert [r.role for r in rec.people[0].roles] == ["delegation_head"]


@pytest.mark.parametrize(
    "phrase,mode",
    [
        ("de manera virtual", "virtual"),
        ("de manera presencial", "in_person"),
        ("de manera presencial y a distancia", "hybrid"),
    ],
)
def test_mode_words(phrase, mode):
    rec = _record(
        "Ciudad de México, 13 de octubre de 2022. Los gobiernos celebraron hoy "
        f"{phrase} el Diálogo de Alto Nivel en Seguridad en Washington."
    )
    assert rec.events[0].mode == mode
    assert rec.events[0].series == "Diálogo de Alto Nivel en Seguridad"


def test_verb_first_chair_and_speaker():
    rec = _record(
        "Ciudad de México, 13 de octubre de 2022. Presidió hoy la Reunión Plenaria "
        "del Grupo Binacional sobre Puentes y Cruces Internacionales el jefe de la "
        "Unidad para América del Norte, Roberto Velasco Álvarez, quien subrayó la "
        "importancia de la frontera."
    )
    roles = {r.role for r in rec.people[0].roles}
    assert roles == {"chair", "speaker"}


def test_semicolon_list_takes_the_stated_side():
    rec = _record(
        "Ciudad de México, 13 de octubre de 2022. Los funcionarios se reunieron hoy "
        "de manera virtual en la XIII Reunión Plenaria del Comité Ejecutivo Bilateral. "
        "Por Estados Unidos participaron el secretario de Estado, Antony Blinken; la "
        "secretaria de Comercio, Gina Raimondo, y el secretario de Seguridad Nacional, "
        "Alejandro Mayorkas."
    )
    assert {(p.name, p.country) for p in rec.people} == {
        ("Antony Blinken", "US"),
        ("Gina Raimondo", "US"),
        ("Alejandro Mayorkas", "US"),
    }
    assert all(p.roles[0].role == "participant" for p in rec.people)


def test_signing_by_verb_and_same_day():
    rec = _record(
        "Ciudad de México, 10 de enero de 2023. El presidente Andrés Manuel López "
        "Obrador recibió hoy en Palacio Nacional a sus homólogos para la X Cumbre de "
        "Líderes de América del Norte. La Cumbre estuvo precedida, el lunes 9 de "
        "enero, por una cena. Ese mismo día, el canciller Marcelo Ebrard suscribió la "
        "Declaración sobre Igualdad Racial.",
        issued="2023-01-10",
    )
    signing = next(e for e in rec.events if e.type == "Signing")
    assert signing.date == "2023-01-09"
    assert rec.outcomes[0].relation == "signed"
    ebrard = next(p for p in rec.people if p.name == "Marcelo Ebrard")
    assert [r.role for r in ebrard.roles] == ["signatory"]


@pytest.mark.parametrize("name", SPANISH)
def test_spanish_release_scores(name):
    from bordergraph.quality.scoring import score_record

    rec = extract(read_release(RELEASES / f"{name}.txt"))
    gold = json.loads((RELEASES / f"{name}.gold.json").read_text(encoding="utf-8"))
    counts = score_record(rec.to_json(), gold)
    assert counts.micro.f1 >= 0.85, counts.table()


def test_weekday_relative_to_issue_date_and_virtual_has_no_dateline_place():
    rec = _record("Ciudad de México, 1 de febrero de 2022. Este martes se celebró en formato "
                  "virtual la 14a reunión plenaria del Comité Ejecutivo Bilateral.",
                  issued="2022-02-01")
    e = rec.events[0]
    assert (e.date, e.ordinal, e.mode, e.location) == ("2022-02-01", 14, "virtual", None)
    assert e.name.startswith("14a reunión plenaria")


def test_meeting_with_a_counterpart_and_rank_before_name():
    rec = _record("Washington, D.C., 9 de enero de 2024. El canciller Marcelo Ebrard sostuvo "
                  "hoy una reunión de trabajo con el secretario de la Defensa Nacional, general "
                  "Luis Cresencio Sandoval, en Washington, D.C.", issued="2024-01-09")
    e = rec.events[0]
    assert (e.type, e.location) == ("BilateralMeeting", "Washington, D.C.")
    assert {p.name for p in rec.people} == {"Marcelo Ebrard", "Luis Cresencio Sandoval"}


def test_opening_of_a_port_is_an_event_and_a_completed_project():
    rec = _record("San Luis Río Colorado, Sonora, 15 de marzo de 2024. El embajador de Estados "
                  "Unidos en México, Ken Salazar, inauguró hoy la modernización del puerto "
                  "fronterizo de San Luis, junto con el gobernador de Sonora, Alfonso Durazo.",
                  issued="2024-03-15")
    assert rec.events[0].type == "Opening"
    assert [(o.type, o.relation) for o in rec.outcomes] == [("InfrastructureProject", "completed")]
    assert {(p.name, p.roles[0].role) for p in rec.people} == {
        ("Ken Salazar", "participant"), ("Alfonso Durazo", "participant")}


def test_announced_session_is_its_own_future_event():
    rec = _record("Ciudad de México, 3 de marzo de 2023. Los días 2 y 3 de marzo se llevó a cabo "
                  "la 2a reunión del Diálogo Económico de Alto Nivel. La próxima reunión del "
                  "Diálogo se celebrará en Washington en el segundo semestre de 2023.",
                  issued="2023-03-03")
    first, nxt = rec.events
    assert (first.ordinal, first.date, first.end_date) == (2, "2023-03-02", "2023-03-03")
    assert (nxt.date, nxt.location, nxt.series) == (None, "Washington", first.series)


def test_series_named_as_a_setting_is_not_a_session():
    rec = _record("Ciudad de México, 8 de octubre de 2021. En el marco del Diálogo de Alto Nivel "
                  "en Seguridad, el canciller Marcelo Ebrard recibió hoy al secretario de "
                  "Estado, Antony Blinken, para la primera reunión del Diálogo.",
                  issued="2021-10-08")
    assert [(e.name, e.ordinal) for e in rec.events] == [("primera reunión del Diálogo", 1)]
    assert {(p.name, p.country) for p in rec.people} == {("Marcelo Ebrard", "MX"),
                                                         ("Antony Blinken", "US")}
