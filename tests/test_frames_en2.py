"""Second-round frames for unseen wording: rounds of a body, dated bodies, calls beside a named
session, backdrop events ("As agreed at the last session, ..."), previous sessions, sessions still
to come, posts seated in a place, headline verbs, list openers, delegation heads, and working
groups a standing body sets up.

Every phrasing here is written for the test; none is copied from a release.
"""

from __future__ import annotations

import pytest

from bordergraph.ingest.extract.ordinals import ordinal
from bordergraph.ingest.extract.people import find_mentions
from bordergraph.ingest.extract.pipeline import extract_release
from bordergraph.ingest.extract.pipeline_es import extract_es
from bordergraph.ingest.extract.series import find_series
from bordergraph.records import ReleaseText, Source


def _run(body: str, lang: str = "en", issued: str = "2024-03-15", title: str | None = None):  # type: ignore[no-untyped-def]
    src = Source(issued=issued, language=lang, title=title)
    run = extract_es if lang == "es" else extract_release
    return run(ReleaseText("t.txt", body, src, "0")).to_json()


def _roles(rec) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    names = {e["key"]: e["name"] for e in rec["events"]}
    return {(p["name"], r["role"], names[r["event"]]) for p in rec["people"] for r in p["roles"]}


# --- events ----------------------------------------------------------------------------------


def test_a_round_of_an_unknown_body_is_its_session_and_a_date_is_not_part_of_its_name() -> None:
    rec = _run(
        "Canada and Mexico held the third round of the Gulf Coast Ferry Council on April 2-3 in "
        "Tampico, Tamaulipas. The sixth round will take place in Halifax next year."
    )
    first = rec["events"][0]
    assert first["series"] == "Gulf Coast Ferry Council"
    assert (first["ordinal"], first["date"], first["end_date"]) == (3, "2024-04-02", "2024-04-03")
    assert first["location"] == "Tampico, Tamaulipas"


def test_a_body_name_stops_before_a_month_or_weekday() -> None:
    hits = find_series("the second meeting of the Lakes Water Commission on Tuesday", "en", {})
    assert [h.written for h in hits] == ["Lakes Water Commission"]
    hits = find_series("the fifth session of the River Pilots Group on March 9", "en", {})
    assert [h.written for h in hits] == ["River Pilots Group"]


def test_a_round_of_talks_is_the_talks() -> None:
    rec = _run("Envoy Ana Ruiz Soto was in Ottawa today for a second round of talks on trade.")
    assert all("round" not in e["name"] for e in rec["events"])


def test_a_call_beside_a_session_it_prepares_is_the_readouts_event() -> None:
    rec = _run(
        "Today, Under Secretary Paula J. Whitmore spoke by phone with Canada's Deputy Minister "
        "of Transport, Louis Bergeron, to prepare the 4th meeting of the Northern Ports Board, "
        "which the two will co-chair in Windsor on May 2. The officials reviewed the Winter Lane "
        "Action Plan."
    )
    call = rec["events"][0]
    assert call["type"] == "BilateralMeeting" and call["mode"] == "virtual"
    assert call["location"] is None and call["date"] == "2024-03-15"
    board = next(e for e in rec["events"] if e["ordinal"] == 4)
    assert board["location"] == "Windsor"
    plan = next(o for o in rec["outcomes"] if o["name"] == "Winter Lane Action Plan")
    assert plan["event"] == call["key"] and plan["relation"] == "reviewed"


def test_as_agreed_at_the_last_session_is_a_backdrop_with_its_own_date_and_place() -> None:
    rec = _run(
        "The United States and Canada held the 7th round of the Great Lakes Shipping Council on "
        "March 12 in Duluth, Minnesota.\n\n"
        "As agreed at the last session, held in Toronto in October 2023, the delegations "
        "reviewed the Binational Icebreaking Plan."
    )
    main, last = rec["events"][0], rec["events"][1]
    assert last["date"] == "2023-10" and last["location"] == "Toronto"
    assert last["series"] == main["series"] == "Great Lakes Shipping Council"
    plan = next(o for o in rec["outcomes"] if o["name"] == "Binational Icebreaking Plan")
    assert plan["event"] == main["key"]
    assert {"from": main["key"], "relation": "builds_on", "to": last["key"]} in rec["event_links"]


def test_an_event_a_cue_names_takes_no_roles_and_does_not_own_the_next_list() -> None:
    rec = _run(
        "Minister Rosa Delgado Pardo and Secretary John K. Farrow signed the Joint Declaration on "
        "Rail Safety in Calgary on March 14.\n\n"
        "The Declaration builds on the Rail Accord signed by both governments in Denver in May "
        "2019. Under it, the two governments:\n"
        "- adopted a Joint Strategy for Rail Safety; and\n"
        "- launched a Binational Rail Steering Committee."
    )
    main = rec["events"][0]
    strategy = next(o for o in rec["outcomes"] if o["name"].endswith("Strategy for Rail Safety"))
    assert strategy["event"] == main["key"]


# --- people and roles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "We thank the Consul in Calexico, Mariela Ortega Ruiz, for her work.",
            "Mariela Ortega Ruiz",
            "Consul in Calexico",
        ),
        (
            "CBP's Director of Field Operations in Tucson, Daniel P. Morrow, spoke.",
            "Daniel P. Morrow",
            "Director of Field Operations in Tucson",
        ),
        (
            "Pima County Supervisor Laura B. Kessler attended.",
            "Laura B. Kessler",
            "Pima County Supervisor",
        ),
        (
            "Nogales Municipal President Raúl Ibarra Soto attended.",
            "Raúl Ibarra Soto",
            "Nogales Municipal President",
        ),
    ],
)
def test_posts_seated_in_a_place_and_local_heads(text: str, name: str, post: str) -> None:
    found = [(m.name, m.post) for m in find_mentions(text, "en", None)]
    assert (name, post) in found


def test_a_headline_verb_after_a_post_is_no_person() -> None:
    rec = _run(
        "Governor Hosts Water Summit in Yuma\n\nYUMA, Ariz. — Arizona Governor Helen R. Marsh "
        "hosted the Water Summit of the Colorado River Users Group on March 14.",
        title="Governor Hosts Water Summit in Yuma",
    )
    assert [p["name"] for p in rec["people"]] == ["Helen R. Marsh"]


def test_led_the_technical_team_and_led_the_other_one_head_delegations() -> None:
    rec = _run(
        "The United States and Canada held the 2nd round of the Prairie Crossings Council on "
        "March 14 in Regina. Deputy Administrator Tom W. Heller led the U.S. technical team; "
        "Canada's Deputy Minister, Claire Fontaine, led the Canadian one."
    )
    roles = {(n, r) for n, r, _ in _roles(rec)}
    assert ("Tom W. Heller", "delegation_head") in roles
    assert ("Claire Fontaine", "delegation_head") in roles


def test_a_delegation_chaired_by_someone_is_headed_by_them() -> None:
    rec = _run(
        "The two governments held the first session of the Pacific Ports Mechanism on March 14 "
        "in Seattle. The Canadian delegation was chaired by Deputy Minister Anne Roussel."
    )
    roles = {(n, r) for n, r, _ in _roles(rec)}
    assert ("Anne Roussel", "delegation_head") in roles
    assert ("Anne Roussel", "chair") not in roles


@pytest.mark.parametrize(
    "opener", ["Attending were", "Among those attending were", "Also attending were"]
)
def test_list_openers_at_the_start_of_a_sentence(opener: str) -> None:
    rec = _run(
        "Governor Helen R. Marsh opened the new Rio Verde Bridge on March 14 in Yuma, Arizona. "
        f"{opener} Mayor Carl J. Benton; and the Consul in Yuma, Mariela Ortega Ruiz."
    )
    roles = {(n, r) for n, r, _ in _roles(rec)}
    assert ("Carl J. Benton", "participant") in roles
    assert ("Mariela Ortega Ruiz", "participant") in roles


# --- outcomes --------------------------------------------------------------------------------


def test_a_working_group_a_standing_body_stands_up_is_its_subgroup() -> None:
    rec = _run(
        "Canada and the United States held the 5th round of the Northern Trade Council on March 14 "
        "in Ottawa. The Council agreed to:\n"
        "- stand up a Working Group on Winter Freight; and\n"
        "- adopt an updated Snow Emergency Plan."
    )
    wg = next(o for o in rec["outcomes"] if o["name"].startswith("Working Group on Winter"))
    assert (wg["type"], wg["relation"]) == ("WorkingGroup", "launched")


# --- language-neutral pieces in Spanish ------------------------------------------------------


@pytest.mark.parametrize(("words", "want"), [("vigésima segunda", 22), ("XXIII", 23), ("4a", 4)])
def test_ordinals_module_reads_spanish_ranks(words: str, want: int) -> None:
    assert ordinal(words, "es") == want


def test_spanish_body_names_are_unchanged_by_the_date_guard() -> None:
    hits = find_series(
        "la tercera reunión del Consejo Fronterizo de Puertos el 7 de junio", "es", {}
    )
    assert [h.written for h in hits] == ["Consejo Fronterizo de Puertos"]


# --- transcripts and occasions ---------------------------------------------------------------


def test_transcript_labels_make_speakers_of_the_occasion_in_the_heading() -> None:
    rec = _run(
        "Remarks by Deputy Minister Claire Fontaine at the Signing of the Lakes Ferry Arrangement\n"
        "Detroit, Michigan\n\n"
        "DEPUTY MINISTER FONTAINE: Good morning, and thank you, Governor Mark T. Ellison, for "
        "hosting us. Last month we sat down in Ottawa for the third meeting of our Ferry Group.\n\n"
        "GOVERNOR ELLISON: Thank you, Claire. This crossing matters to both of our economies.\n\n"
        "MODERATOR: That ends the event.",
        issued="2024-05-20",
    )
    main = next(e for e in rec["events"] if e["type"] == "Signing")
    assert "Lakes Ferry Arrangement" in main["name"]
    roles = _roles(rec)
    assert ("Claire Fontaine", "speaker", main["name"]) in roles
    assert ("Mark T. Ellison", "speaker", main["name"]) in roles
    deal = next(o for o in rec["outcomes"] if "Ferry Arrangement" in o["name"])
    assert deal["type"] == "Agreement"


def test_a_label_naming_a_post_alone_finds_its_single_holder() -> None:
    rec = _run(
        "The Minister of Transport, Claire Fontaine, opened the new Rainy River Bridge on May 2 in "
        "Fort Frances, Ontario.\n\nTHE MINISTER: Welcome to all of you."
    )
    assert ("Claire Fontaine", "speaker") in {(n, r) for n, r, _ in _roles(rec)}


def test_opening_a_lane_at_a_bridge_is_an_opening() -> None:
    rec = _run(
        "Canada Border Services opened a new Trusted Traveller Lane yesterday at the Peace Arch "
        "crossing in Surrey, British Columbia."
    )
    assert any(e["type"] == "Opening" for e in rec["events"])


def test_a_founding_clause_does_not_date_the_session() -> None:
    rec = _run(
        "Officials met by videoconference on March 12 for the third session of the Arctic Ports "
        "Working Group, created last year to plan icebreaker schedules."
    )
    session = next(e for e in rec["events"] if e["ordinal"] == 3)
    assert session["date"] == "2024-03-12" and session["mode"] == "virtual"


def test_a_post_marked_ad_interim_still_has_its_name() -> None:
    found = [m.name for m in find_mentions("Chargé d'Affaires a.i. Jane Q. Roe spoke.", "en", None)]
    assert "Jane Q. Roe" in found
