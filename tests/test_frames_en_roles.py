"""English frames for roles and the events they hang on, in wordings written for these tests
(none is copied from a release): transcript headings that name the occasion, day headings of a
programme, visit spans, sessions held with a leader's cabinet, hosts of the meeting their verb
tells, collective subjects ("the two governors signed"), pronoun subjects ("he met with"),
participial chairs, speakers after long appositions, participant lists after a colon.
"""

from __future__ import annotations

from pathlib import Path

from bordergraph.ingest.extract.pipeline import extract_release
from bordergraph.ingest.read import read_release
from bordergraph.records import ReleaseText, Source


def _run(body: str, issued: str = "2024-03-15", title: str | None = None):  # type: ignore[no-untyped-def]
    src = Source(issued=issued, language="en", title=title)
    return extract_release(ReleaseText("t.txt", body, src, "0")).to_json()


def _read(tmp: Path, text: str):  # type: ignore[no-untyped-def]
    """A release read from a file, as a user loads it (the reader finds its title and date)."""
    path = tmp / "release.txt"
    path.write_text(text, encoding="utf-8")
    return extract_release(read_release(path)).to_json()


def _roles(rec) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    names = {e["key"]: e["name"] for e in rec["events"]}
    return {(p["name"], r["role"], names[r["event"]]) for p in rec["people"] for r in p["roles"]}


def test_a_press_conference_heading_names_the_occasion_and_its_date_line_dates_it(
    tmp_path: Path,
) -> None:
    rec = _read(
        tmp_path,
        "U.S. DEPARTMENT OF TRANSPORTATION\nOffice of Public Affairs\n\nTRANSCRIPT\n\n"
        "Jane Q. Whitfield\nDeputy Secretary of Transportation\n\n"
        "Press Conference After the Third Meeting of the Harbor Safety Council\n\n"
        "Port Authority Building\nGalveston, Texas\nMarch 12, 2024\n\n"
        "HOST: Good morning to all of you in the room today.\n\n"
        "We thank the guests from Canada, who led their delegation this morning: Deputy "
        "Minister Paul Tremblay; and Harbour Commissioner Anne Leblanc.\n",
    )
    main = rec["events"][0]
    assert "Harbor Safety Council" in main["name"]
    assert main["date"] == "2024-03-12"
    roles = _roles(rec)
    assert ("Paul Tremblay", "delegation_head", main["name"]) in roles
    assert ("Anne Leblanc", "delegation_head", main["name"]) in roles


def test_heading_the_u_s_side_with_a_dotted_country_is_a_delegation_head() -> None:
    rec = _run(
        "Secretary Dana L. Ortiz traveled to Ottawa today. Later that day, Secretary Ortiz and "
        "Consul General Mark T. Ellis headed the U.S. side at a bilateral trade meeting at the "
        "Department of Finance with Minister Claire Dubois."
    )
    heads = {p for p, role, _ in _roles(rec) if role == "delegation_head"}
    assert {"Dana L. Ortiz", "Mark T. Ellis"} <= heads


def test_a_session_with_a_leaders_cabinet_is_held_with_the_cabinet_and_seats_its_list() -> None:
    rec = _run(
        "Minister Harold J. Penn arrived in Lima on Monday for talks on fisheries.\n\n"
        "Penn then went to the Defence Ministry for a working session with President Rosa "
        "Quispe Mamani's national security council. Around the table sat Defence Minister "
        "Luis Torres Vega; and Interior Minister Carla Ramos Silva."
    )
    session = next(e for e in rec["events"] if "session" in e["name"])
    assert "security council" in session["name"] and "Quispe" not in session["name"]
    roles = _roles(rec)
    assert ("Luis Torres Vega", "participant", session["name"]) in roles
    assert ("Carla Ramos Silva", "participant", session["name"]) in roles


def test_events_under_a_day_heading_take_that_day_until_another_heading() -> None:
    rec = _run(
        "Governor Alan B. Shaw of Arizona ended on Friday a three-day trip to Sonora.\n\n"
        "MONDAY, MARCH 11\n\n"
        "  - At the Government Palace in Hermosillo, Governor Luisa Olmedo Ruiz received "
        "Governor Shaw.\n\n"
        "BACKGROUND\n\n"
        "  - The two governors first spoke by phone with each other in 2023.",
        issued="2024-03-15",
    )
    met = next(e for e in rec["events"] if "Olmedo" in e["name"] or "Shaw" in e["name"])
    assert met["date"] == "2024-03-11"
    assert all(e["date"] != "2024-03-11" for e in rec["events"] if "phone" in e["name"])


def test_a_participle_co_chaired_by_after_a_comma_names_the_chairs() -> None:
    rec = _run(
        "The Gulf Ports Board held its spring meeting on March 4 in Mobile, co-chaired by "
        "Administrator Nora P. Kent and Mexico's Port Director Jaime Orozco Lira. Administrator "
        "Kent delivered opening remarks on dredging."
    )
    roles = _roles(rec)
    name = rec["events"][0]["name"]
    assert ("Nora P. Kent", "chair", name) in roles
    assert ("Jaime Orozco Lira", "chair", name) in roles
    assert ("Nora P. Kent", "speaker", name) in roles


def test_the_two_governors_who_signed_are_those_named_in_the_sentence_before() -> None:
    rec = _run(
        "Governor Ellen M. Crane of New Mexico received Governor Tomas Aguirre Beltran of "
        "Chihuahua at the State Capitol on Wednesday. The two governors signed an agreement on "
        "water sharing."
    )
    signers = {p for p, role, _ in _roles(rec) if role == "signatory"}
    assert signers == {"Ellen M. Crane", "Tomas Aguirre Beltran"}


def test_hosted_with_a_person_object_is_a_meeting_but_hosted_by_is_not() -> None:
    rec = _run(
        "Secretary of Agriculture Paula Venn hosted Mexican Secretary of Agriculture Hugo Leal "
        "Rivas at the Department of Agriculture on Monday for talks on screwworm. Later, "
        "Secretary Leal attended a lunch hosted by Senator Carl Boyd."
    )
    names = [e["name"] for e in rec["events"]]
    assert any(n.startswith("talks of Venn with Leal") for n in names), names
    assert not any("Boyd" in n for n in names)
    assert ("Paula Venn", "host", names[0]) in _roles(rec)


def test_a_delegation_led_by_two_heads_that_met_with_a_president_heads_only_its_side() -> None:
    rec = _run(
        "A Canadian delegation led by Deputy Minister Owen Tate and Ambassador Ruth Keane met "
        "with President Carmen Solis Ayala at the Casa Rosada on Tuesday."
    )
    heads = {p for p, role, _ in _roles(rec) if role == "delegation_head"}
    assert heads == {"Owen Tate", "Ruth Keane"}


def test_an_unknown_dialogue_a_country_hosted_is_a_session_with_its_attendees() -> None:
    rec = _run(
        "Chile hosted the Pacific Fisheries Dialogue in Valparaiso on Thursday. Attending were "
        "Commissioner Tom Reyes and Vice Minister Ines Vidal Soto."
    )
    main = rec["events"][0]
    assert (main["name"], main["type"]) == ("Pacific Fisheries Dialogue", "Dialogue")
    assert ("Ines Vidal Soto", "participant", main["name"]) in _roles(rec)


def test_the_two_officials_last_met_is_an_earlier_meeting_of_those_named_before() -> None:
    rec = _run(
        "Director Paul Grady met with Sonora Governor Elisa Duran Mora in Hermosillo on "
        "Tuesday. The two officials first met in February in Phoenix."
    )
    earlier = next(e for e in rec["events"] if e["date"] == "2024-02")
    assert (earlier["type"], earlier["location"]) == ("BilateralMeeting", "Phoenix")
    roles = _roles(rec)
    assert ("Paul Grady", "participant", earlier["name"]) in roles
    assert ("Elisa Duran Mora", "participant", earlier["name"]) in roles


def test_a_session_agreed_for_later_is_not_the_event_of_the_sentences_after_it() -> None:
    rec = _run(
        "Governor Dana Whitcombe met with Governor Luis Ortega Vela in Juneau on Tuesday. The "
        "governors agreed to convene the Pacific Salmon Dialogue in October. Governor Whitcombe "
        "was accompanied by Commissioner Paul Hardy."
    )
    forum = next(e for e in rec["events"] if "Dialogue" in e["name"])
    assert all(event != forum["name"] for _, _, event in _roles(rec))
    assert any(p == "Paul Hardy" for p, _, _ in _roles(rec))


def test_a_three_day_visit_concluded_on_a_day_began_two_days_before() -> None:
    rec = _run(
        "Secretary of Energy Hal Brandt concluded a three-day visit to Monterrey on Thursday, "
        "where he met with Governor Ana Treviño Cruz at the Government Palace."
    )
    visit = next(e for e in rec["events"] if e["type"] == "Visit")
    assert (visit["date"], visit["end_date"]) == ("2024-03-12", "2024-03-14")
    rec = _run(
        "Minister Joan Avery began a two-day trip to Tijuana on Monday.", issued="2024-05-13"
    )
    trip = rec["events"][0]
    assert (trip["date"], trip["end_date"]) == ("2024-05-13", "2024-05-14")


def test_who_receives_hosts_the_meeting_the_verb_tells_not_the_releases_signing() -> None:
    rec = _run(
        "Prime Minister Ruth Ames and President Diego Salas Pinto signed a memorandum on rail "
        "safety on Monday.\n\nEarlier, Prime Minister Ames welcomed President Salas to her "
        "residence."
    )
    roles = _roles(rec)
    meeting = next(e["name"] for e in rec["events"] if e["type"] == "BilateralMeeting")
    signing = next(e["name"] for e in rec["events"] if e["type"] == "Signing")
    assert ("Ruth Ames", "host", meeting) in roles
    assert ("Ruth Ames", "host", signing) not in roles


def test_speakers_after_a_relative_clause_an_adverb_or_a_first_verb() -> None:
    rec = _run(
        "Governor Lena Fritz inaugurated the new Nogales Port of Entry on Friday. Omar Tello, who "
        "runs the regional produce growers association in Sonora, said the lanes would save hours. "
        "Mayor Ruth Ochoa also addressed the crowd. Director Sam Kline put the cost at $40 "
        "million and said work would end in May."
    )
    speakers = {p for p, role, _ in _roles(rec) if role == "speaker"}
    assert {"Omar Tello", "Ruth Ochoa", "Sam Kline"} <= speakers


def test_a_list_of_officials_after_a_colon_and_those_among_the_guests_take_part() -> None:
    rec = _run(
        "Canada and the United States inaugurated the new Coutts-Sweetgrass Port of Entry on "
        "Friday.\n\nOttawa sent two officials of its border agency: Vice President Jean Roy and "
        "Director Amy Clarke. Senator Tom Hale and Mayor Lucy Park were among the local "
        "dignitaries present."
    )
    roles = _roles(rec)
    main = rec["events"][0]["name"]
    for person in ("Jean Roy", "Amy Clarke", "Tom Hale", "Lucy Park"):
        assert (person, "participant", main) in roles


def test_the_hosts_were_and_a_country_sent_its_officials() -> None:
    rec = _run(
        "Canada, Mexico and the United States held the Atlantic Trade Dialogue in Halifax on "
        "Monday.\n\nMexico sent Economy Secretary Rosa Mendez Gil and Undersecretary Ivan "
        "Lara Ruiz. The hosts were Minister Claire Tremblay, together with Minister Paul Roy."
    )
    roles = _roles(rec)
    main = rec["events"][0]["name"]
    assert ("Rosa Mendez Gil", "participant", main) in roles
    assert ("Ivan Lara Ruiz", "participant", main) in roles
    assert ("Claire Tremblay", "host", main) in roles
    assert ("Paul Roy", "host", main) in roles


def test_signed_here_by_co_chaired_by_the_two_and_a_seated_list() -> None:
    rec = _run(
        "AUSTIN -- An agreement on wildfire response was signed here today by Governor Ann "
        "Lowry and Governor Raul Pena Ochoa.\n\nThe signing closed the annual session of the "
        "Rio Grande Fire Commission. The session was co-chaired by the two governors.\n\n"
        "Seated with the governors at the session were:\n\n"
        "  * Chief Dan Ortiz, Austin Fire Department\n"
        "  * Commander Elsa Ruiz Mora, Coahuila Civil Protection\n"
    )
    roles = _roles(rec)
    main = rec["events"][0]["name"]
    for person in ("Ann Lowry", "Raul Pena Ochoa"):
        assert (person, "signatory", main) in roles
        assert (person, "chair", main) in roles
    assert ("Dan Ortiz", "participant", main) in roles
    assert ("Elsa Ruiz Mora", "participant", main) in roles


def test_on_our_side_opens_a_list_of_participants() -> None:
    rec = _run(
        "Canada and Mexico held the Northern Energy Dialogue in Calgary on Tuesday.\n\n"
        "We welcome our guests. On our side, Minister Jonathan Wilkins, Deputy Minister Sara "
        "Lind and Ambassador Paul Ode."
    )
    roles = _roles(rec)
    main = rec["events"][0]["name"]
    assert ("Sara Lind", "participant", main) in roles


def test_which_the_two_will_co_chair_makes_both_chairs_of_the_coming_session() -> None:
    rec = _run(
        "Today, Minister Hugh Barrett spoke by phone with Mexico's Undersecretary Ana Toledo "
        "Paz to prepare the 4th meeting of the Gulf Ports Council, which the two will co-chair "
        "in Veracruz."
    )
    session = next(e["name"] for e in rec["events"] if e.get("ordinal") == 4)
    roles = _roles(rec)
    assert ("Hugh Barrett", "chair", session) in roles
    assert ("Ana Toledo Paz", "chair", session) in roles


def test_the_date_between_the_verb_and_the_visit_dates_it_not_a_later_one() -> None:
    rec = _run(
        "The Prime Minister of Canada, Louise Martel, concluded today a three-day official visit "
        "to Mexico City, made to mark the treaty's entry into force on March 1.",
        issued="2024-03-15",
    )
    visit = next(e for e in rec["events"] if e["type"] == "Visit")
    assert (visit["date"], visit["end_date"]) == ("2024-03-13", "2024-03-15")


def test_a_day_of_bilateral_talks_is_the_talks_with_their_heads() -> None:
    rec = _run(
        "OTTAWA -- Two fisheries accords were signed here today by Minister Joan Pell and "
        "Secretary Arturo Leal Diaz. The signatures closed a day of bilateral talks in which "
        "Minister Pell headed the Canadian delegation and Secretary Leal the Mexican one."
    )
    talks = next(e for e in rec["events"] if "talks" in e["name"])
    assert talks["type"] == "BilateralMeeting"
    assert ("Joan Pell", "delegation_head", talks["name"]) in _roles(rec)


def test_a_dinner_hosted_by_a_minister_is_an_event_of_the_visit() -> None:
    rec = _run(
        "Secretary Lee Hart arrived in Ottawa today for a two-day visit.\n\nLast night the "
        "Secretary attended a dinner hosted by Minister Rachel Boivin at the Chateau Laurier."
    )
    dinner = next(e for e in rec["events"] if "dinner" in e["name"])
    assert ("Rachel Boivin", "host", dinner["name"]) in _roles(rec)


def test_he_opening_a_sentence_is_the_person_who_opened_the_one_before() -> None:
    rec = _run(
        "Secretary Colin Baxter arrived in Panama City on Thursday. This morning he was received "
        "by President Elena Quiros at the Palacio de las Garzas. Later, he met with Minister "
        "Jorge Arias."
    )
    roles = _roles(rec)
    met = {e["name"] for e in rec["events"] if e["type"] == "BilateralMeeting"}
    assert any(("Elena Quiros", "host", n) in roles for n in met)
    assert any(("Colin Baxter", "participant", n) in roles for n in met)
    assert any(("Jorge Arias", "participant", n) in roles for n in met)


def test_the_opening_of_an_expanded_bridge_is_an_opening_named_without_a_full_stop() -> None:
    rec = _run(
        "NOGALES — Today, Governor Ann Kerr joined Sonora Governor Luis Duran Soto for the "
        "opening of the expanded Mariposa International Bridge."
    )
    opening = rec["events"][0]
    assert opening["type"] == "Opening"
    assert opening["name"] == "opening of the expanded Mariposa International Bridge"


def test_a_fact_sheet_whose_lead_comes_late_dates_its_days_too(tmp_path: Path) -> None:
    rec = _read(
        tmp_path,
        "U.S. EMBASSY IN LIMA\n\nFACT SHEET\nMarch 9, 2024\n\nTrade Mission to Lima, March 6-7, "
        "2024\n\nWHO TRAVELED\n  - Minister Carl Moss\n  - Deputy Minister Ada Lin\n\n"
        "THURSDAY, MARCH 7\n  - At the Government Palace, President Tomas Vega Ruiz received "
        "Minister Moss.\n\nBACKGROUND\n  - The two countries have worked together on trade for "
        "more than forty years, since the first accords of the 1980s.\n",
    )
    met = next(e for e in rec["events"] if e["type"] == "BilateralMeeting")
    assert met["date"] == "2024-03-07"


def test_people_who_were_at_the_table_or_on_hand_take_part() -> None:
    rec = _run(
        "Canada and Mexico held the Pacific Ports Dialogue in Vancouver on Monday.\n\n"
        "Minister Ruth Hale and Secretary Diego Paz Rivas were at the table. Mayor Ken Sim was "
        "also on hand."
    )
    roles = _roles(rec)
    main = rec["events"][0]["name"]
    for person in ("Ruth Hale", "Diego Paz Rivas", "Ken Sim"):
        assert (person, "participant", main) in roles


def test_the_two_ministers_who_signed_are_the_one_named_in_the_clause_and_the_one_before() -> None:
    rec = _run(
        "Minister Grace Olsen was in Santiago today for talks on mining.\n\nAt a meeting with "
        "Carlos Ibanez Soto, Chile's Minister of Mining, the two ministers signed a memorandum "
        "of understanding on lithium."
    )
    signers = {p for p, role, _ in _roles(rec) if role == "signatory"}
    assert signers == {"Grace Olsen", "Carlos Ibanez Soto"}


def test_touring_a_port_is_a_visit_and_receiving_a_briefing_hosts_no_one() -> None:
    rec = _run(
        "Secretary of Transportation Ian Cole toured the Otay Mesa Port of Entry on Wednesday "
        "with Port Director Sara Blum. During the visit, Secretary Cole received a briefing from "
        "Area Manager Tom Ruiz."
    )
    visit = rec["events"][0]
    assert (visit["type"], visit["location"]) == ("Visit", "Otay Mesa Port of Entry")
    assert not any(role == "host" for _, role, _ in _roles(rec))


def test_a_delegation_that_met_with_a_governor_holds_a_meeting_with_its_members() -> None:
    rec = _run(
        "The Canadian delegation included Deputy Minister Lee Park and Ambassador Tom Hill. The "
        "delegation met with Governor Ruth Diaz Leon in Monterrey on Friday.\n\nIn March, the "
        "two met in Toronto."
    )
    met = next(e for e in rec["events"] if e["location"] == "Monterrey")
    assert met["type"] == "BilateralMeeting"
    roles = _roles(rec)
    assert ("Tom Hill", "participant", met["name"]) in roles
    assert ("Ruth Diaz Leon", "participant", met["name"]) in roles


def test_a_meeting_judged_very_good_is_the_meeting_already_told() -> None:
    rec = _run(
        "Earlier today President Ana Ruiz Soto received Secretary Paul Grant at the Palace. "
        "Secretary Grant thanked President Ruiz for a very productive meeting."
    )
    assert len(rec["events"]) == 1
