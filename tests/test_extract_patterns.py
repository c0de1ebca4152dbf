"""One small case per extraction pattern, on sentences written the way releases write them."""

from __future__ import annotations

import pytest

from bordergraph.ingest.extract import extract
from bordergraph.ingest.extract.dates import find_dates
from bordergraph.records import ReleaseRecord, ReleaseText, Source


def run(
    body: str,
    issued: str = "2022-10-13",
    publisher: str = "U.S. Department of State",
    language: str = "en",
) -> ReleaseRecord:
    src = Source(publisher=publisher, issued=issued, language=language)
    return extract(ReleaseText("case.txt", body, src, "0"))


def person(rec: ReleaseRecord, name: str):  # type: ignore[no-untyped-def]
    found = [p for p in rec.people if p.name == name]
    assert found, f"{name} not in {[p.name for p in rec.people]}"
    return found[0]


def roles(rec: ReleaseRecord, name: str) -> set[tuple[str, str]]:
    return {(r.event, r.role) for r in person(rec, name).roles}


def test_title_before_name_with_organization_and_country() -> None:
    rec = run(
        "The Department of State's Assistant Secretary for Western Hemisphere Affairs "
        "Jane Q. Doe and Mexico's Chief Officer for North America of the Secretariat of "
        "Foreign Relations Pedro Ruiz led their delegations at the 15th Plenary Meeting of "
        "the 21st Century Border Management Process Executive Steering Committee today."
    )
    doe, ruiz = person(rec, "Jane Q. Doe"), person(rec, "Pedro Ruiz")
    assert (doe.post, doe.organization, doe.country) == (
        "Assistant Secretary for Western Hemisphere Affairs",
        "Department of State",
        "US",
    )
    assert (ruiz.post, ruiz.organization, ruiz.country) == (
        "Chief Officer for North America",
        "Secretariat of Foreign Relations",
        "MX",
    )


def test_name_comma_title_and_rank() -> None:
    rec = run(
        "The Mexican side was headed by the Secretary of the Navy, Admiral Ana Torres "
        "Vega, together with Mexico's Ambassador to the United States, Luis Mora, at a "
        "hybrid meeting today. Sam Lee, director of field operations for CBP's Tucson "
        "Field Office, also attended.",
        publisher="Secretaría de Relaciones Exteriores",
    )
    assert person(rec, "Ana Torres Vega").post == "Secretary of the Navy"
    assert roles(rec, "Ana Torres Vega") == {("e1", "delegation_head")}
    assert roles(rec, "Luis Mora") == {("e1", "participant")}
    assert person(rec, "Luis Mora").country == "MX"
    assert person(rec, "Sam Lee").post == "director of field operations"
    assert rec.events[0].mode == "hybrid"


def test_short_forms_resolve_to_the_full_mention() -> None:
    rec = run(
        "Secretary of State Antony J. Blinken hosted the second High-Level Security "
        "Dialogue on October 13. Attorney General Merrick B. Garland joined the Secretary "
        "at the head of the U.S. delegation. Secretary Blinken said the talks were useful."
    )
    assert [p.name for p in rec.people] == ["Antony J. Blinken", "Merrick B. Garland"]
    assert roles(rec, "Antony J. Blinken") == {
        ("e1", "host"),
        ("e1", "delegation_head"),
        ("e1", "speaker"),
    }
    assert roles(rec, "Merrick B. Garland") == {("e1", "delegation_head")}


def test_led_delegation_sets_side() -> None:
    rec = run(
        "Foreign Secretary Ana Ruiz led the Mexican delegation, which included Governor "
        "Luis Vega, at the 14th Plenary Meeting of the Executive Steering Committee on "
        "May 4."
    )
    assert roles(rec, "Ana Ruiz") == {("e1", "delegation_head")}
    assert roles(rec, "Luis Vega") == {("e1", "participant")}
    assert person(rec, "Luis Vega").country == "MX"


def test_co_hosted_with_and_speaker() -> None:
    rec = run(
        "GSA Regional Administrator Ann Cole co-hosted a ribbon-cutting ceremony today at "
        "the Lukeville Land Port of Entry with Bob Dale, director of field operations for "
        "CBP. Mr. Dale said the port doubles capacity.",
        publisher="U.S. General Services Administration",
        issued="2014-10-15",
    )
    assert roles(rec, "Ann Cole") == {("e1", "co_host")}
    assert roles(rec, "Bob Dale") == {("e1", "co_host"), ("e1", "speaker")}
    e = rec.events[0]
    assert (e.type, e.date, e.location) == ("Opening", "2014-10-15", "Lukeville Land Port of Entry")
    assert [(p.name, p.country) for p in rec.ports_of_entry] == [
        ("Lukeville Land Port of Entry", "US")
    ]


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("met virtually on December 2, for the", 2021, [("2021-12-02", None)]),
        ("the November 2021 bilateral meeting", 2021, [("2021-11", None)]),
        ("set for September, will", 2022, [("2022-09", None)]),
        ("on May 2-3 at the invitation", 2013, [("2013-05-02", "2013-05-03")]),
        ("Release Date: Feb. 4, 2016", None, [("2016-02-04", None)]),
        ("in this format since 2016", 2021, [("2016", None)]),
        ("reunidos el 10 y 11 de junio de 2025", None, [("2025-06-10", "2025-06-11")]),
    ],
)
def test_dates(text: str, year: int | None, expected: list[tuple[str, str | None]]) -> None:
    lang = "es" if "junio" in text else "en"
    assert [(d.value, d.end_value) for d in find_dates(text, lang, year)] == expected


def test_may_the_verb_is_not_a_date() -> None:
    assert find_dates("the Framework may be updated", "en", 2022) == []


def test_ordinals_mode_and_yearless_date() -> None:
    rec = run(
        "Officials met virtually on December 2 for the 13th Plenary Meeting of the 21st "
        "Century Border Management Process Executive Steering Committee.",
        issued="2021-12-10",
    )
    e = rec.events[0]
    assert (e.ordinal, e.date, e.mode, e.type, e.series) == (
        13,
        "2021-12-02",
        "virtual",
        "Meeting",
        "21st Century Border Management Process",
    )


def test_word_ordinal_and_inaugurated_session_link() -> None:
    rec = run(
        "Second Meeting of the High-Level Security Dialogue\n\nThe Secretary of State "
        "Antony Blinken hosted the second High-Level Security Dialogue (HLSD) in "
        "Washington on October 13. The delegations reviewed the Bicentennial Framework, "
        "which the governments adopted when the HLSD was inaugurated in October 2021."
    )
    first = [e for e in rec.events if e.ordinal == 1]
    assert rec.events[0].ordinal == 2 and first and first[0].date == "2021-10"
    assert ("e1", "builds_on", first[0].key) in {
        (k.from_, k.relation, k.to) for k in rec.event_links
    }
    assert {(o.relation, o.event) for o in rec.outcomes} >= {("adopted", first[0].key)}
    assert rec.series[0].established == "2021"


def test_no_mode_without_words_for_it() -> None:
    rec = run(
        "The delegations gathered today at the Ministry of Foreign Affairs (SRE) for a "
        "meeting to present the Action Plan.",
        issued="2022-01-31",
    )
    assert rec.events[0].mode is None and rec.events[0].date == "2022-01-31"
    assert rec.events[0].location == "Ministry of Foreign Affairs (SRE)"


def test_paired_port_names_one_per_side() -> None:
    rec = run(
        "Officials opened the new Tornillo-Guadalupe Port of Entry today to inaugurate "
        "the crossing.",
        publisher="U.S. Department of Homeland Security",
        issued="2016-02-04",
    )
    assert [(p.name, p.country) for p in rec.ports_of_entry] == [
        ("Tornillo", "US"),
        ("Guadalupe", "MX"),
    ]
    assert rec.events[0].type == "Opening"


def test_general_promises_are_not_commitments() -> None:
    rec = run(
        "President Biden met with President López Obrador at the White House today for a "
        "bilateral meeting.\n\n"
        "Key outcomes include:\n- Mexico committed to invest $1.5 billion in border "
        "infrastructure.\n- Both governments will speed up bilateral trade facilitation.",
        publisher="The White House",
        issued="2022-07-12",
    )
    assert [(o.name, o.type) for o in rec.outcomes] == [
        ("invest $1.5 billion in border infrastructure", "Commitment")
    ]


def test_language_without_extractor_returns_source_only() -> None:
    rec = run("Le ministre a rencontré la délégation mexicaine à Paris.", language="fr")
    assert rec.source.language == "fr" and rec.events == () and rec.people == ()
