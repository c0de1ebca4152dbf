"""The event frame: trigger, ordinal, body or series (known or not), dates relative to the
release, place, announced sessions and back-references, in English and Spanish.

Every phrasing here is written for the test; none is copied from a release.
"""

from __future__ import annotations

import pytest

from bordergraph.ingest.extract.dates import find_dates
from bordergraph.ingest.extract.events import ordinal
from bordergraph.ingest.extract.pipeline import extract_release
from bordergraph.ingest.extract.pipeline_es import extract_es
from bordergraph.ingest.extract.series import find_series
from bordergraph.records import ReleaseText, Source


def _events(body: str, lang: str, issued: str = "2024-03-15"):  # type: ignore[no-untyped-def]
    src = Source(issued=issued, language=lang)
    run = extract_es if lang == "es" else extract_release
    return run(ReleaseText("t.txt", body, src, "0"))


# --- dates relative to the release ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("The envoys met yesterday in Nogales.", "en", "2024-03-14"),  # a Friday release
        ("Wednesday's talks ran late.", "en", "2024-03-13"),
        ("They spoke last Friday.", "en", "2024-03-08"),  # "last" on a Friday: a week ago
        ("They will meet next Monday.", "en", "2024-03-18"),
        ("The trip of last month ended well.", "en", "2024-02"),
        ("Los equipos se reunieron ayer.", "es", "2024-03-14"),
        ("El pasado martes sesionó el grupo.", "es", "2024-03-12"),
        ("Este lunes se firmó el convenio.", "es", "2024-03-11"),
        ("El año pasado se creó el comité.", "es", "2023"),
    ],
)
def test_relative_dates(text: str, lang: str, want: str) -> None:
    found = find_dates(text, lang, 2024, "2024-03-15")
    assert [d.value for d in found] == [want]


def test_weekday_before_a_full_date_is_that_date() -> None:
    found = find_dates("on Tuesday, March 12, 2024 in Laredo", "en", 2024, "2024-03-15")
    assert [d.value for d in found] == ["2024-03-12"]


def test_past_marked_yearless_date_rolls_back_a_year() -> None:
    found = find_dates("los acuerdos del pasado 20 de noviembre", "es", 2024, "2024-01-10")
    assert [d.value for d in found] == ["2023-11-20"]


# --- ordinals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "lang", "want"),
    [
        ("Thirty-Second", "en", 32),
        ("the 7th", "en", 7),
        ("XIX", "en", 19),
        ("inaugural", "en", 1),
        ("trigésima primera", "es", 31),
        ("XXIV", "es", 24),
        ("18.ª", "es", 18),
        ("cuarta", "es", 4),
    ],
)
def test_ordinals(words: str, lang: str, want: int) -> None:
    assert ordinal(words, lang) == want


# --- unknown bodies become series ---------------------------------------------------------------


def test_unknown_body_after_a_session_noun_is_a_series_with_its_acronym() -> None:
    acronyms: dict[str, str] = {}
    text = "for the fourth meeting of the U.S.-Mexico Cross-Border Rail Council (CBRC) in"
    [hit] = find_series(text, "en", acronyms)
    assert (hit.written, hit.key, hit.acronym) == (
        "U.S.-Mexico Cross-Border Rail Council",
        "Cross-Border Rail Council",
        "CBRC",
    )
    [later] = find_series("The CBRC will convene again in May.", "en", acronyms)
    assert later.key == "Cross-Border Rail Council"


def test_a_capitalised_run_without_a_session_is_no_series() -> None:
    assert find_series("She thanked the Regional Transit Council for its help.", "en", {}) == []


def test_english_unknown_body_sessions_future_and_inaugural() -> None:
    body = (
        "EL PASO, Texas, March 15, 2024 — Officials of both governments met yesterday in El Paso "
        "for the third session of the Binational Wildfire Response Council (BWRC). The "
        "council's inaugural meeting took place in Ciudad Juárez. That first meeting, held "
        "October 2 in Ciudad Juárez, Chihuahua, set the agenda. The BWRC is scheduled to meet "
        "again in July 2024."
    )
    rec = _events(body, "en")
    by_ord = {e.ordinal: e for e in rec.events}
    third = by_ord[3]
    assert (third.type, third.series, third.date) == (
        "Meeting",
        "Binational Wildfire Response Council",
        "2024-03-14",
    )
    assert by_ord[1].date == "2023-10-02" or by_ord[1].date == "2024-10-02"
    assert by_ord[1].series == "Binational Wildfire Response Council"
    nxt = [e for e in rec.events if e.date == "2024-07"]
    assert nxt and nxt[0].series == "Binational Wildfire Response Council"
    assert [s.name for s in rec.series] == ["Binational Wildfire Response Council"]


def test_spanish_unknown_body_sessions() -> None:
    body = (
        "Monterrey, Nuevo León, 15 de marzo de 2024.- Se celebró ayer la VIII Reunión del "
        "Consejo Binacional de Puertos Fronterizos, con la participación de ambos gobiernos."
    )
    [e] = _events(body, "es").events
    assert (e.ordinal, e.type, e.date, e.series) == (
        8,
        "Meeting",
        "2024-03-14",
        "Consejo Binacional de Puertos Fronterizos",
    )


def test_spanish_body_that_sits_or_is_installed() -> None:
    held = _events(
        "Tijuana, B.C., 15 de marzo de 2024.- Sesionó el pasado martes en Tijuana el Comité "
        "Regional de Cruces Ferroviarios (CRCF).",
        "es",
    ).events
    assert [(e.series, e.date) for e in held] == [
        ("Comité Regional de Cruces Ferroviarios", "2024-03-12")
    ]
    rec = _events(
        "Nogales, Son., 15 de marzo de 2024.- Quedó formalmente instalado hoy el Grupo "
        "Técnico de Aduanas Fronterizas, con representantes de los dos países.",
        "es",
    )
    [e] = rec.events
    assert (e.ordinal, e.date, e.series) == (
        1,
        "2024-03-15",
        "Grupo Técnico de Aduanas Fronterizas",
    )
    assert [(s.name, s.established) for s in rec.series] == [
        ("Grupo Técnico de Aduanas Fronterizas", "2024")
    ]


# --- meetings told by their verb ----------------------------------------------------------------


def test_english_meeting_verbs() -> None:
    body = (
        "WASHINGTON, March 15, 2024 — Secretary of Commerce Laura Benton met privately with "
        "Mexico's Secretary of Economy Tomás Arriaga yesterday at the Department of Commerce."
    )
    [e] = _events(body, "en").events
    assert (e.type, e.date) == ("BilateralMeeting", "2024-03-14")
    assert "Benton" in e.name and "Arriaga" in e.name


def test_received_needs_a_person_right_after_it() -> None:
    body = (
        "WASHINGTON, March 15, 2024 — The Department received applications from three "
        "states and sent them to Secretary Laura Benton for review on March 2."
    )
    assert [e for e in _events(body, "en").events if e.type == "BilateralMeeting"] == []


def test_spanish_meeting_verbs_and_personal_a() -> None:
    body = (
        "Ciudad de México, 15 de marzo de 2024.- La secretaria de Gobernación, Elena Robles "
        "Vidal, recibió ayer en el Salón Juárez a Peter Hollis, secretario adjunto de Estado."
    )
    [e] = _events(body, "es").events
    assert (e.type, e.date) == ("BilateralMeeting", "2024-03-14")
    assert "Robles" in e.name and "Hollis" in e.name


def test_spanish_held_working_meeting_is_a_new_event() -> None:
    body = (
        "Washington, D.C., 15 de marzo de 2024.- Se llevó a cabo hoy la reunión de trabajo "
        "entre el canciller Jorge Salinas Mora y la secretaria Karen Whitfield en el "
        "Departamento de Estado."
    )
    [e] = _events(body, "es").events
    assert (e.type, e.date) == ("BilateralMeeting", "2024-03-15")
    assert e.name.startswith("reunión de trabajo entre")


def test_a_visit_keeps_its_meetings() -> None:
    body = (
        "Ciudad de México, 15 de marzo de 2024.- El secretario de Energía, David Morrow, "
        "realizó una visita de trabajo a Monterrey, donde se reunió con el gobernador Luis "
        "Treviño Garza."
    )
    types = sorted(e.type for e in _events(body, "es").events)
    assert types == ["BilateralMeeting", "Visit"]


# --- signings -----------------------------------------------------------------------------------


def test_english_signing_anywhere_in_the_text() -> None:
    body = (
        "AUSTIN, March 15, 2024 — The two governors discussed trade at length. Later, "
        "Governor Ann Porter and Governor Rafael Ibarra signed a Memorandum of Understanding on "
        "Cross-Border Water Planning in San Antonio."
    )
    sign = [e for e in _events(body, "en").events if e.type == "Signing"]
    assert [e.name for e in sign] == [
        "signing of a Memorandum of Understanding on Cross-Border Water Planning"
    ]
    assert sign[0].location == "San Antonio"


def test_spanish_signing() -> None:
    body = (
        "Mexicali, B.C., 15 de marzo de 2024.- Los titulares de ambas dependencias firmaron "
        "hoy el Convenio de Cooperación en Sanidad Vegetal."
    )
    sign = [e for e in _events(body, "es").events if e.type == "Signing"]
    assert sign and sign[0].date == "2024-03-15"
    assert "Convenio de Cooperación en Sanidad Vegetal" in sign[0].name


# --- openings, visits, calls, ranked sessions -----------------------------------------------------


def test_english_opening_of_a_named_facility() -> None:
    body = (
        "LAREDO, Texas, March 15, 2024 — The mayor welcomed officials from both countries for "
        "the ribbon-cutting of the Columbia Solidarity International Bridge expansion today."
    )
    [e] = [e for e in _events(body, "en").events if e.type == "Opening"]
    assert e.date == "2024-03-15"
    assert "Columbia Solidarity International Bridge" in e.name


def test_english_opening_of_a_facility_told_before() -> None:
    body = (
        "PRESIDIO, Texas, March 15, 2024 — Traffic has grown at the rail crossing. When the "
        "bridge reopened on June 3, 2023, two trains crossed within an hour."
    )
    [e] = [e for e in _events(body, "en").events if e.type == "Opening"]
    assert (e.name, e.date) == ("opening of the bridge", "2023-06-03")


def test_spanish_opening_noun_with_a_facility() -> None:
    body = (
        "Ojinaga, Chih., 15 de marzo de 2024.- Este lunes se celebró el inicio de operaciones "
        "del puerto fronterizo Ojinaga–Presidio, con la presencia de autoridades de ambos países."
    )
    [e] = [e for e in _events(body, "es").events if e.type == "Opening"]
    assert e.name.startswith("inicio de operaciones del puerto fronterizo Ojinaga")
    assert e.date == "2024-03-11"


def test_possessive_visit_to_a_place() -> None:
    body = (
        "WASHINGTON, March 15, 2024 — The agreement builds on commitments made during Secretary "
        "Grant's visit to Monterrey last October."
    )
    [e] = [e for e in _events(body, "en").events if e.type == "Visit"]
    assert (e.location, e.date) == ("Monterrey", "2023-10")


def test_spanish_call_told_by_a_relative_clause_is_virtual() -> None:
    body = (
        "Ciudad de México, 15 de marzo de 2024.- El encuentro da seguimiento a la llamada "
        "telefónica que ambos mandatarios sostuvieron el pasado 2 de marzo."
    )
    calls = [e for e in _events(body, "es").events if e.mode == "virtual"]
    assert [(e.type, e.date) for e in calls] == [("BilateralMeeting", "2024-03-02")]


def test_spanish_announced_ranked_session() -> None:
    body = (
        "Ciudad de México, 15 de marzo de 2024.- Ambos gobiernos integrarán un grupo de trabajo "
        "técnico, que celebrará su primera reunión en abril."
    )
    ranked = [e for e in _events(body, "es").events if e.ordinal == 1]
    assert ranked and ranked[0].date == "2024-04"


def test_yearless_month_told_as_ahead_is_next_year() -> None:
    found = find_dates("The working group will meet again in February.", "en", 2024, "2024-11-20")
    assert [d.value for d in found] == ["2025-02"]
    found = find_dates("el grupo sesionará de nuevo en febrero", "es", 2024, "2024-11-20")
    assert [d.value for d in found] == ["2025-02"]
    found = find_dates("The working group met in February.", "en", 2024, "2024-11-20")
    assert [d.value for d in found] == ["2024-02"]


def test_next_meeting_without_a_series() -> None:
    body = (
        "OTTAWA, November 20, 2024 — Ministers from the two countries reviewed the plan. They "
        "agreed to meet again in Monterrey in March."
    )
    nxt = [e for e in _events(body, "en", issued="2024-11-20").events if e.date == "2025-03"]
    assert [(e.name, e.type, e.location) for e in nxt] == [
        ("next meeting", "BilateralMeeting", "Monterrey")
    ]
    body = (
        "Monterrey, N.L., 20 de noviembre de 2024.- Los ministros revisaron el plan y acordaron "
        "reunirse nuevamente en marzo en Ottawa."
    )
    nxt = [e for e in _events(body, "es", issued="2024-11-20").events if e.date == "2025-03"]
    assert [e.name for e in nxt] == ["próxima reunión"]


def test_series_established_when_the_text_says_it() -> None:
    body = (
        "SAN DIEGO, March 15, 2024 — Delegates met today for the ninth session of the "
        "Binational Estuary Council. The Binational Estuary Council was brought into being in "
        "May 2011 by an exchange of notes."
    )
    rec = _events(body, "en")
    assert [(s.name, s.established) for s in rec.series] == [("Binational Estuary Council", "2011")]
    body = (
        "Tijuana, B.C., 15 de marzo de 2024.- Sesionó ayer el Consejo Binacional del Estuario. "
        "Desde 2011, el Consejo reúne a las autoridades ambientales de ambos países."
    )
    rec = _events(body, "es")
    assert [(s.name, s.established) for s in rec.series] == [
        ("Consejo Binacional del Estuario", "2011")
    ]


def test_rank_right_before_an_unknown_body() -> None:
    [hit] = find_series(
        "Remarks after the Third U.S.-Mexico Strategic Dialogue on Border Water Quality", "en", {}
    )
    assert (hit.written, hit.kind) == (
        "U.S.-Mexico Strategic Dialogue on Border Water Quality",
        "dialogue",
    )


def test_received_a_delegation() -> None:
    body = (
        "OTTAWA, March 15, 2024 — Prime Minister Laura Chen received a senior Mexican delegation "
        "at Parliament Hill today to review the border plan."
    )
    [e] = _events(body, "en").events
    assert (e.type, e.date, e.name) == (
        "BilateralMeeting",
        "2024-03-15",
        "meeting of Chen with the delegation",
    )
    body = (
        "Ciudad de México, 15 de marzo de 2024.- La secretaria Rosa Elvira Quintana recibió ayer "
        "en la Cancillería a una comitiva canadiense."
    )
    [e] = _events(body, "es").events
    assert (e.type, e.date) == ("BilateralMeeting", "2024-03-14")


def test_body_held_its_session_or_met() -> None:
    body = (
        "YUMA, Ariz., March 15, 2024 — The U.S.-Mexico Colorado River Salinity Group held its "
        "annual meeting in Yuma, Arizona, on March 12."
    )
    [e] = _events(body, "en").events
    assert (e.series, e.date, e.location) == (
        "U.S.-Mexico Colorado River Salinity Group",
        "2024-03-12",
        "Yuma, Arizona",
    )
    [e] = _events(
        "YUMA, Ariz., March 15, 2024 — The Colorado River Salinity Group met on March 12.", "en"
    ).events
    assert (e.series, e.date) == ("Colorado River Salinity Group", "2024-03-12")


def test_spanish_visit_with_its_visitor_before_the_place() -> None:
    body = (
        "Ottawa, 15 de marzo de 2024.- El acuerdo retoma lo pactado durante la visita de Estado "
        "del primer ministro Daniel Roy a Monterrey, en octubre de 2023."
    )
    [e] = [e for e in _events(body, "es").events if e.type == "Visit"]
    assert (e.location, e.date) == ("Monterrey", "2023-10")
