"""Spanish frames any comunicado of this kind uses, on wording no rule was written from: passive
heads and chairs, long posts before the name, a post's country from its organization, openings
told with a time word, meetings told by their noun or by a group, sessions named by rank alone,
back-references that date the event, transcripts' speaker labels, launched bodies.

Every phrasing here is written for the test; none is copied from a release or the validation set.
"""

from __future__ import annotations

from bordergraph.ingest.extract.people_es import find_mentions_es
from bordergraph.ingest.extract.pipeline_es import extract_es
from bordergraph.ingest.read import read_release
from bordergraph.records import ReleaseText, Source


def _run(body: str, issued: str | None = "2022-05-20"):  # type: ignore[no-untyped-def]
    return extract_es(ReleaseText("t.txt", body, Source(issued=issued, language="es"), "0"))


def _roles(rec) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    return {p.name: {r.role for r in p.roles} for p in rec.people}


def test_passive_heads_of_a_meeting() -> None:
    rec = _run(
        "Ayer se celebró en Monterrey la cuarta reunión del Comité de Aduanas del Noreste, "
        "encabezada por la subsecretaria de Hacienda, Irene Paz Luján, y por el subsecretario "
        "adjunto del Departamento de Estado, Paul Reed."
    )
    roles = _roles(rec)
    assert "delegation_head" in roles["Irene Paz Luján"]
    assert "delegation_head" in roles["Paul Reed"]
    assert {p.name: p.country for p in rec.people}["Paul Reed"] == "US"


def test_passive_chair_ends_at_its_clause() -> None:
    rec = _run(
        "Funcionarios de ambos países celebraron ayer una reunión técnica, presidida por el "
        "director de Aduanas, Ramón Ortiz Gil, para revisar los proyectos que impulsan la "
        "gobernadora de Sonora, Elena Ruiz Soto, y el alcalde de Yuma, Tom Clark."
    )
    roles = _roles(rec)
    assert "chair" in roles["Ramón Ortiz Gil"]
    assert "chair" not in roles.get("Elena Ruiz Soto", set())


def test_long_post_before_the_name_and_its_country() -> None:
    text = (
        "Asistió también el jefe de operaciones de la CBP en El Paso, Mario J. Lenz, y el "
        "alcalde de Agua Prieta, Sonora, Beto Cruz Ríos."
    )
    found = {m.name: m for m in find_mentions_es(text)}
    assert found["Mario J. Lenz"].country == "US"
    assert found["Mario J. Lenz"].post.startswith("jefe de operaciones")
    assert found["Beto Cruz Ríos"].country == "MX"


def test_a_second_person_is_not_a_long_post() -> None:
    text = "Acompañaron al canciller mexicano el director de Aduanas, Luis Peña Soto."
    names = [m.name for m in find_mentions_es(text) if m.name]
    assert names == ["Luis Peña Soto"]


def test_organization_set_off_before_the_post() -> None:
    text = (
        "Asistieron, del Departamento de Seguridad Nacional, el asesor para la frontera, "
        "Peter Cole."
    )
    m = next(m for m in find_mentions_es(text) if m.name)
    assert m.org == "Departamento de Seguridad Nacional" and m.country == "US"


def test_opening_told_with_a_time_word_and_its_heads() -> None:
    rec = _run(
        "El alcalde de Tecate, Raúl Vega Soto, y la cónsul de Estados Unidos, Ann Lee, "
        "encabezaron este martes la inauguración del nuevo carril peatonal en la garita de Tecate."
    )
    e = rec.events[0]
    assert (e.type, e.date) == ("Opening", "2022-05-17")
    assert e.location.startswith("garita de Tecate")
    assert _roles(rec)["Ann Lee"] == {"delegation_head"}


def test_meeting_told_by_its_noun_or_by_a_group() -> None:
    rec = _run(
        "La reunión de trabajo, que se efectuó el pasado 3 de mayo en Mexicali, reunió a "
        "técnicos de los dos gobiernos."
    )
    assert [(e.type, e.date, e.location) for e in rec.events] == [
        ("BilateralMeeting", "2022-05-03", "Mexicali")
    ]
    rec = _run("Autoridades de México y Estados Unidos se reunieron ayer en Nogales, Sonora.")
    assert rec.events[0].date == "2022-05-19" and rec.events[0].location.startswith("Nogales")


def test_sessions_named_by_rank_alone() -> None:
    rec = _run(
        "Hoy sesionó en Tijuana la VII Reunión del Consejo Binacional de Garitas. Se revisó lo "
        "acordado en la VI Reunión, celebrada en Yuma en marzo de 2021. La próxima reunión se "
        "celebrará en octubre en Laredo."
    )
    by_rank = {e.ordinal: e for e in rec.events}
    assert by_rank[6].location == "Yuma" and by_rank[6].date == "2021-03"
    future = [e for e in rec.events if e.ordinal is None]
    assert future and future[0].date == "2022-10"
    assert len(rec.event_links) >= 2


def test_back_reference_dates_the_event_it_refers_to() -> None:
    rec = _run(
        "La secretaria de Economía, Ana Ríos Paz, recibió en su oficina al embajador de Estados "
        "Unidos, John Doe. En la reunión, que se llevó a cabo el pasado 2 de mayo de manera "
        "presencial, revisaron la agenda comercial."
    )
    e = rec.events[0]
    assert (e.date, e.mode) == ("2022-05-02", "in_person")


def test_transcript_speaker_labels() -> None:
    rec = _run(
        "SUBSECRETARIA LAURA MÉNDEZ RÍOS: Buenos días. Con el director Paul Stone sostuvimos "
        "hoy una reunión de trabajo sobre los cruces.\n\nDIRECTOR PAUL STONE: Gracias, Laura."
    )
    roles = _roles(rec)
    assert "speaker" in roles["Laura Méndez Ríos"] and "speaker" in roles["Paul Stone"]
    assert rec.events and rec.events[0].type == "BilateralMeeting"


def test_numeric_dateline_follows_the_release_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    es = tmp_path / "es.txt"
    es.write_text(
        "Secretaría de Economía\n05/04/2021\n\nTítulo del comunicado\n\n"
        "Los funcionarios de los dos países se reunieron en la Ciudad de México.\n",
        encoding="utf-8",
    )
    en = tmp_path / "en.txt"
    en.write_text(
        "Department of Commerce\n05/04/2021\n\nTitle of the release\n\n"
        "The officials of the two countries met in Washington to review the ports.\n",
        encoding="utf-8",
    )
    assert read_release(str(es)).source.issued == "2021-04-05"
    assert read_release(str(en)).source.issued == "2021-05-04"


def test_body_dateline_after_a_byline() -> None:
    rec = _run(
        "Por Juan Pérez\nTijuana, Baja California, 9 de junio de 2021 (AX).- Funcionarios de "
        "ambos países se reunieron ayer en la garita de El Chaparral.",
        issued=None,
    )
    assert rec.events[0].date == "2021-06-08"
