"""The extraction scorer against the gold files in data/releases."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bordergraph.quality.scoring import (
    CATEGORIES,
    FIELDS,
    evaluate,
    gold_files,
    mismatches,
    name_score,
    names_match,
    score_record,
)
from bordergraph.records import ReleaseRecord

RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"
GOLDS = {p.stem: json.loads(g.read_text(encoding="utf-8")) for p, g in gold_files(RELEASES)}


def gold(name: str) -> dict[str, Any]:
    return copy.deepcopy(GOLDS[name])


def read_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


def test_corpus_is_there() -> None:
    assert len(GOLDS) >= 13
    assert {g["source"]["language"] for g in GOLDS.values()} == {"en", "es"}


@pytest.mark.parametrize("name", sorted(GOLDS))
def test_gold_against_itself_is_perfect(name: str) -> None:
    for record in (GOLDS[name], ReleaseRecord.from_json(GOLDS[name]).to_json()):
        counts = score_record(record, GOLDS[name])
        rows = counts.table(detail=True)
        assert [r.f1 for r in rows] == [1.0] * len(rows), mismatches(record, GOLDS[name])
        assert counts.micro.fp == counts.micro.fn == 0
        assert counts.micro.tp > 5


PEOPLE = [(n, i) for n in sorted(GOLDS) for i in range(len(GOLDS[n]["people"]))]


@pytest.mark.parametrize(("name", "index"), PEOPLE, ids=[f"{n}-{i}" for n, i in PEOPLE])
def test_dropping_a_person_misses_exactly_their_facts(name: str, index: int) -> None:
    truth = GOLDS[name]
    person = truth["people"][index]
    facts = 1 + sum(person[f] is not None for f in FIELDS["person"][1]) + len(person["roles"])
    pred = gold(name)
    del pred["people"][index]
    full, dropped = score_record(truth, truth).micro, score_record(pred, truth).micro
    assert (dropped.tp, dropped.fp, dropped.fn) == (full.tp - facts, 0, facts)
    assert dropped.recall == pytest.approx((full.tp - facts) / full.tp)
    missed = [m for m in mismatches(pred, truth) if m.startswith("FN person:")]
    assert missed == [f"FN person: {person['name']}"]


def test_wrong_date_is_false_positive_and_miss() -> None:
    pred = gold("esc-13-plenary-2021")
    pred["events"][0]["date"] = "2021-12-03"
    counts = score_record(pred, GOLDS["esc-13-plenary-2021"])
    assert counts.kinds["event.date"] == (1, 1, 1)  # the other dated event is right
    assert counts.micro.fp == counts.micro.fn == 1
    lines = mismatches(pred, GOLDS["esc-13-plenary-2021"])
    assert [line[:14] for line in lines] == ["FP event.date:", "FN event.date:"]
    assert "'2021-12-02'" in lines[0] and "'2021-12-03'" in lines[0]


def test_filled_null_is_false_positive_and_empty_is_miss() -> None:
    pred = gold("esc-13-plenary-2021")
    pred["people"][2]["organization"] = "U.S. Embassy"  # gold: null
    pred["events"][0]["mode"] = None  # gold: virtual
    counts = score_record(pred, GOLDS["esc-13-plenary-2021"])
    assert counts.kinds["person.organization"].fp == 1
    assert counts.kinds["event.mode"].fn == 1
    assert counts.micro.fp == counts.micro.fn == 1


@pytest.mark.parametrize(("a", "b", "person"), [
    ("Brian Nichols", "Brian A. Nichols", True),
    ("Nichols", "Brian A. Nichols", True),
    ("López Obrador", "Andrés Manuel López Obrador", True),
    ("Brian Andrew Nichols", "Brian A. Nichols", True),
    ("Joseph R. Biden, Jr.", "Joseph Biden", True),
    ("San Ysidro", "San Ysidro Port of Entry", False),
    ("Secretaría de Economía", "SECRETARIA DE ECONOMIA", False),
    ("Action Plans", "Action Plan", False),
    ("U.S. Department of State", "Department of State", False),
])
def test_names_that_match(a: str, b: str, person: bool) -> None:
    assert names_match(a, b, person) and names_match(b, a, person)


@pytest.mark.parametrize(("a", "b", "person"), [
    ("High-Level Economic Dialogue", "High-Level Security Dialogue", False),
    # close in spelling (ratio >= 85) but a content word differs: never the same
    ("U.S.-Mexico High-Level Economic Dialogue", "U.S.-Mexico High-Level Security Dialogue", False),
    ("Bicentennial Framework for Security, Public Health and Safe Communities",
     "Bicentennial Framework for Security, Public Health and Safe Borders", False),
    ("Comisión Internacional de Límites y Aguas", "Comisión Internacional de Límites y Aduanas",
     False),
    ("United States Ambassador to Mexico", "Ambassador of Mexico to the United States", False),
    ("Mesa de Otay II", "Mesa de Otay III", False),
    ("X Cumbre de Líderes de América", "IX Cumbre de Líderes de América", False),
    ("Secretary of State", "Secretary of Commerce", False),
    ("Brian", "Brian A. Nichols", True),
    ("Serena Hoy", "Kenneth Salazar", True),
])
def test_names_that_do_not_match(a: str, b: str, person: bool) -> None:
    assert not names_match(a, b, person) and not names_match(b, a, person)


def test_equal_names_score_highest() -> None:
    assert name_score("High Level Economic Dialogue", "High-Level Economic Dialogue") == 1.0
    assert 0 < name_score("Economic Dialogue", "High-Level Economic Dialogue") < 0.95


def test_person_with_short_name_keeps_roles() -> None:
    truth = GOLDS["esc-13-plenary-2021"]
    pred = gold("esc-13-plenary-2021")
    pred["people"][0]["name"] = "Brian Nichols"
    assert score_record(pred, truth).micro == score_record(truth, truth).micro


def test_events_pair_by_date_and_type_when_names_differ() -> None:
    truth = GOLDS["esc-13-plenary-2021"]
    pred = gold("esc-13-plenary-2021")
    pred["events"][0]["name"] = "ESC plenary"
    assert name_score("ESC plenary", truth["events"][0]["name"]) == 0.0
    pred["events"][0]["series"] = pred["events"][0]["ordinal"] = None  # only date and type left
    counts = score_record(pred, truth)
    assert counts.category("role") == (9, 0, 0)  # roles and links follow the pairing
    assert counts.category("event_link") == (4, 0, 0)
    assert counts.micro.fp == 0 and counts.micro.fn == 2  # the two emptied fields


def test_events_pair_by_series_and_ordinal() -> None:
    truth = GOLDS["hlsd-second-meeting-2022"]
    pred = gold("hlsd-second-meeting-2022")
    pred["events"][1].update(name="the inaugural session", date=None, type=None)
    counts = score_record(pred, truth)
    assert counts.kinds["event"] == (4, 0, 0)
    assert counts.micro.fp == 0 and counts.micro.fn == 2


def test_events_without_any_pairing_key_stay_apart() -> None:
    truth = GOLDS["esc-13-plenary-2021"]
    pred = gold("esc-13-plenary-2021")
    pred["events"][0].update(name="ESC plenary", series=None, ordinal=None, type="Summit")
    counts = score_record(pred, truth)
    assert counts.kinds["event"] == (4, 1, 1)
    assert counts.category("role") == (2, 7, 7)  # the 7 roles at e1 go astray, not the 2 at e3


def test_same_outcome_at_two_events_pairs_by_event() -> None:
    truth = GOLDS["hlsd-second-meeting-2022"]
    pred = gold("hlsd-second-meeting-2022")
    pred["outcomes"].reverse()
    assert score_record(pred, truth).micro.fp == 0


def test_dangling_event_key_in_prediction_is_false() -> None:
    pred = gold("esc-13-plenary-2021")
    pred["people"][0]["roles"].append({"event": "nope", "role": "chair"})
    pred["event_links"].append({"from": "e1", "relation": "builds_on", "to": "nope"})
    counts = score_record(pred, GOLDS["esc-13-plenary-2021"])
    assert counts.category("role").fp == counts.category("event_link").fp == 1


def test_empty_prediction_misses_everything() -> None:
    truth = GOLDS["nals-mexico-city-2023"]
    counts = score_record({}, truth)
    assert counts.micro.tp == counts.micro.fp == 0
    assert counts.micro.fn == score_record(truth, truth).micro.tp
    assert (counts.micro.precision, counts.micro.recall, counts.micro.f1) == (1.0, 0.0, 0.0)


def test_evaluate_corpus_reports_by_language_quickly() -> None:
    start = time.perf_counter()
    report = evaluate(RELEASES, read_gold)
    assert time.perf_counter() - start < 1.0
    assert len(report.releases) == len(GOLDS)
    table = report.table()
    assert [r.category for r in table] == [*CATEGORIES, "micro"]
    assert all(r.f1 == 1.0 for r in table)
    langs = report.by_language()
    assert set(langs) == {"en", "es"}
    assert langs["en"].total.micro + langs["es"].total.micro == report.total.micro
    assert json.loads(json.dumps(report.to_json()))["total"][-1]["category"] == "micro"


def test_evaluate_counts_errors_per_release() -> None:
    def predict(path: Path) -> dict[str, Any]:
        record = read_gold(path)
        return {**record, "people": []} if record["id"] == "esc-13-plenary-2021" else record

    report = evaluate(RELEASES, predict)
    assert report.releases["esc-13-plenary-2021"].category("person").fn == 7 + 17  # + fields
    assert report.releases["hled-relaunch-2021"].micro.fn == 0


# --- property: deleting facts from a perfect prediction --------------------------------

def _delete(pred: dict[str, Any], draw: Any) -> None:
    """Delete one fact (with whatever hangs on it) from ``pred`` in place."""
    options: list[tuple[str, ...]] = []
    for key, fields in FIELDS.values():
        for i, item in enumerate(pred[key]):
            options.append(("entity", key, str(i)))
            options += [("field", key, str(i), f) for f in fields if item.get(f) is not None]
    for i, person in enumerate(pred["people"]):
        options += [("role", str(i), str(j)) for j in range(len(person["roles"]))]
    options += [("link", str(i)) for i in range(len(pred["event_links"]))]
    if not options:
        return
    op = draw(st.sampled_from(options))
    if op[0] == "entity":
        gone = pred[op[1]].pop(int(op[2]))
        if op[1] == "events":  # nothing may point at a deleted event
            key = gone["key"]
            links = pred["event_links"]
            pred["event_links"] = [x for x in links if key not in (x["from"], x["to"])]
            for p in pred["people"]:
                p["roles"] = [r for r in p["roles"] if r["event"] != key]
            # an outcome is its event's: it goes with it (GOLD_SCHEMA: facts of an entity
            # that was not found are all missed)
            pred["outcomes"] = [o for o in pred["outcomes"] if o["event"] != key]
    elif op[0] == "field":
        pred[op[1]][int(op[2])][op[3]] = None
    elif op[0] == "role":
        del pred["people"][int(op[1])]["roles"][int(op[2])]
    else:
        del pred["event_links"][int(op[1])]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(GOLDS)), steps=st.integers(1, 25), data=st.data())
def test_deleting_facts_keeps_precision_and_never_raises_recall(
    name: str, steps: int, data: st.DataObject
) -> None:
    truth = GOLDS[name]
    pred = gold(name)
    total = score_record(truth, truth).micro.tp
    recall = 1.0
    for _ in range(steps):
        _delete(pred, data.draw)
        micro = score_record(pred, truth).micro
        assert micro.fp == 0 and micro.precision == 1.0, mismatches(pred, truth)
        assert micro.tp + micro.fn == total
        assert micro.recall <= recall
        recall = micro.recall


# --- GOLD_SCHEMA: a post written with its organization matches the split form -------------

def _official(post: str | None, organization: str | None) -> dict[str, Any]:
    return {"people": [{"name": "Marta Quiroga Lenz", "country": "MX", "post": post,
                        "organization": organization, "roles": []}]}


@pytest.mark.parametrize(("joined", "split"), [
    (("head of the Tax Administration Service", None), ("head", "Tax Administration Service")),
    (("Chargé d'Affaires of the Embassy of Mexico", None), ("Chargé d'Affaires",
                                                             "Embassy of Mexico")),
    (("titular de la Agencia Nacional de Aduanas", None), ("titular",
                                                          "Agencia Nacional de Aduanas")),
])
def test_post_with_its_organization_matches_the_split_post_either_way(
    joined: tuple[str, None], split: tuple[str, str]
) -> None:
    for pred, truth in ((_official(*joined), _official(*split)),
                        (_official(*split), _official(*joined))):
        counts = score_record(pred, truth)
        assert counts.kinds["person.post"] == (1, 0, 0)
        assert counts.kinds["person.organization"] == (0, 0, 0)  # not counted
        assert counts.micro.fp == counts.micro.fn == 0, mismatches(pred, truth)


def test_organization_is_counted_when_the_post_does_not_hold_it() -> None:
    truth = _official("Undersecretary for North America", "Foreign Ministry")
    counts = score_record(_official("Undersecretary for North America", None), truth)
    assert counts.kinds["person.organization"] == (0, 0, 1)
    counts = score_record(_official("Undersecretary", "Interior Ministry"), truth)
    assert counts.kinds["person.organization"] == (0, 1, 1)  # a wrong organization is both
    assert counts.kinds["person.post"] == (1, 0, 0)  # the shorter post lies inside
    counts = score_record(_official("head of the Interior Ministry", None), truth)
    assert counts.kinds["person.organization"] == (0, 0, 1)  # another organization in the post
    assert counts.kinds["person.post"] == (0, 1, 1)


# --- GOLD_SCHEMA: facts of an entity that was not found are all missed -----------------------

TWO_EVENTS: dict[str, Any] = {
    "events": [
        {"key": "e1", "name": "Fourth Plenary of the Binational Water Board", "type": "Meeting",
         "series": "Binational Water Board", "ordinal": 4, "date": "2019-03-14", "mode": None,
         "location": "Mexicali"},
        {"key": "e2", "name": "Third Plenary of the Binational Water Board", "type": "Meeting",
         "series": "Binational Water Board", "ordinal": 3, "date": "2018-06-20", "mode": None,
         "location": None},
    ],
    "event_links": [{"from": "e1", "relation": "builds_on", "to": "e2"}],
    "people": [{"name": "Dana Whitcombe", "country": "US", "post": "Commissioner",
                "organization": None, "roles": [{"event": "e1", "role": "chair"},
                                                {"event": "e2", "role": "chair"}]}],
    "organizations": [], "ports_of_entry": [],
    "outcomes": [{"name": "Water Conservation Plan", "type": "ActionPlan", "event": "e2",
                  "relation": "adopted"},
                 {"name": "Water Conservation Plan", "type": "ActionPlan", "event": "e1",
                  "relation": "reviewed"}],
    "series": [{"name": "Binational Water Board", "established": None,
                "administrations_spanned": None}],
}


def test_an_unfound_event_takes_its_fields_roles_links_and_outcomes() -> None:
    pred = copy.deepcopy(TWO_EVENTS)
    del pred["events"][1]  # the third plenary is not found; everything else is right
    pred["event_links"] = []
    pred["people"][0]["roles"] = [{"event": "e1", "role": "chair"}]
    del pred["outcomes"][0]
    counts = score_record(pred, TWO_EVENTS)
    missed = [m for m in mismatches(pred, TWO_EVENTS) if m.startswith("FN")]
    assert counts.micro.fp == 0
    # the event and its 4 fields, the chair at it, the link to it, the outcome adopted there
    assert counts.micro.fn == 1 + 4 + 1 + 1 + 3, missed
    assert counts.category("role") == (1, 0, 1)
    assert counts.category("event_link") == (0, 0, 1)
    assert counts.category("outcome") == (3, 0, 3)


def test_what_hangs_on_an_unpaired_predicted_event_is_false_not_found() -> None:
    pred = copy.deepcopy(TWO_EVENTS)
    # the third plenary, predicted with a date months off: another event, not a wrong date
    pred["events"][1].update(name="Plenary of the Water Board", ordinal=None,
                             date="2018-09-20")
    counts = score_record(pred, TWO_EVENTS)
    assert counts.kinds["event"] == (1, 1, 1)
    assert counts.category("role") == (1, 1, 1)  # chair at the unpaired event: both
    assert counts.category("event_link") == (0, 1, 1)
    # the plan adopted at the unpaired event is another outcome, not a right name
    assert counts.kinds["outcome"] == (1, 1, 1)
    assert counts.kinds["outcome.type"] == (1, 1, 1)
    assert counts.kinds["outcome.relation"] == (1, 1, 1)


def test_an_outcome_at_another_event_is_another_outcome() -> None:
    pred = copy.deepcopy(TWO_EVENTS)
    pred["outcomes"] = [{**pred["outcomes"][0], "event": None, "relation": None}]
    counts = score_record(pred, TWO_EVENTS)
    assert counts.kinds["outcome"] == (0, 1, 2)


def test_a_wrong_day_in_the_right_month_is_a_wrong_date_of_the_same_event() -> None:
    pred = copy.deepcopy(TWO_EVENTS)
    pred["events"][1]["date"] = "2018-06-21"
    counts = score_record(pred, TWO_EVENTS)
    assert counts.kinds["event"] == (2, 0, 0)
    assert counts.kinds["event.date"] == (1, 1, 1)
    assert counts.micro.fp == counts.micro.fn == 1


def test_an_unfound_person_takes_their_fields_and_roles() -> None:
    pred = {**copy.deepcopy(TWO_EVENTS), "people": []}
    counts = score_record(pred, TWO_EVENTS)
    assert counts.micro.fp == 0
    assert counts.micro.fn == 1 + 2 + 2  # the person, post and country, two roles


# --- the diff: every missed and spurious fact, in the API and the CLI ------------------------

def _two_releases(tmp_path: Path) -> Path:
    for stem in ("esc-13-plenary-2021", "hled-relaunch-2021"):
        for path in RELEASES.glob(stem + ".*"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    return tmp_path


def _forget_nichols(path: Path) -> dict[str, Any]:
    record = read_gold(path)
    if record["id"] == "esc-13-plenary-2021":
        record["people"] = [p for p in record["people"] if p["name"] != "Brian A. Nichols"]
        record["events"][0]["date"] = "2021-12-03"
    return record


def test_report_lists_every_mismatch_with_gold_and_predicted_values(tmp_path: Path) -> None:
    report = evaluate(_two_releases(tmp_path), _forget_nichols)
    rows = report.mismatches()
    micro = report.total.micro
    assert len(rows) == micro.fp + micro.fn == 2 + 4 + 2  # date twice, Nichols + 3, 2 roles
    assert {r.release for r in rows} == {"esc-13-plenary-2021"}
    date = [r for r in rows if r.kind == "event.date"]
    assert [(r.error, r.gold, r.predicted) for r in date] == [
        ("spurious", "2021-12-02", "2021-12-03"), ("missed", "2021-12-02", "2021-12-03")]
    nichols = [r for r in rows if r.subject == "Brian A. Nichols"]
    assert {r.error for r in nichols} == {"missed"}
    assert [r.kind for r in nichols] == ["person", "person.post", "person.organization",
                                         "person.country", "role", "role"]
    assert {r.gold for r in nichols if r.kind == "role"} == {
        f"{role} at {report_event}" for role in ("delegation_head", "co_host")
        for report_event in [GOLDS["esc-13-plenary-2021"]["events"][0]["name"]]}
    frame = report.diff()
    assert list(frame.columns) == ["release", "language", "category", "kind", "error",
                                   "subject", "gold", "predicted"]
    assert frame.values.tolist() == [list(r) for r in rows]
    assert evaluate(tmp_path, read_gold).diff().empty


def test_api_evaluate_returns_a_report_with_a_diff(tmp_path: Path) -> None:
    import bordergraph

    report = bordergraph.evaluate(_two_releases(tmp_path))
    frame = report.diff()
    for release, counts in report.releases.items():
        mine = frame[frame.release == release]
        assert (mine.error == "missed").sum() == counts.micro.fn
        assert (mine.error == "spurious").sum() == counts.micro.fp
    assert set(frame.error) <= {"missed", "spurious"}


def test_cli_evaluate_diff_in_every_format(tmp_path: Path, monkeypatch: Any) -> None:
    import csv
    import io

    from click.testing import CliRunner

    from bordergraph import api
    from bordergraph.cli import main
    from bordergraph.quality.scoring import evaluate as score_directory

    folder = _two_releases(tmp_path)
    monkeypatch.setattr(api, "evaluate", lambda d: score_directory(Path(d), _forget_nichols))
    runner = CliRunner()
    as_json = runner.invoke(main, ["evaluate", str(folder), "--diff", "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    records = json.loads(as_json.output)
    assert len(records) == 8
    assert records[0] == {"release": "esc-13-plenary-2021", "language": "en",
                          "category": "event", "kind": "event.date", "error": "spurious",
                          "subject": GOLDS["esc-13-plenary-2021"]["events"][0]["name"],
                          "gold": "2021-12-02", "predicted": "2021-12-03"}
    as_csv = runner.invoke(main, ["evaluate", str(folder), "--diff", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [dict(r, gold=r["gold"] or None, predicted=r["predicted"] or None) for r in table] \
        == records
    as_table = runner.invoke(main, ["evaluate", str(folder), "--diff"], env={"COLUMNS": "250"})
    assert as_table.exit_code == 0
    assert "esc-13-plenary-2021 (en): 7 missed, 1 spurious" in as_table.output
    assert "hled-relaunch-2021 (es): 0 missed, 0 spurious, F1 1.000" in as_table.output
    assert "Brian A. Nichols" in as_table.output and "2021-12-03" in as_table.output
    scores = runner.invoke(main, ["evaluate", str(folder), "--format", "json"])
    micro = json.loads(scores.output)[-1]
    assert (micro["category"], micro["fp"], micro["fn"]) == ("micro", 1, 7)


def test_event_names_and_places_match_in_any_word_order() -> None:
    truth = {"events": [{"key": "e1", "name": "meeting of Governor Ruiz with Mayor Cole",
                         "type": None, "date": None, "location": "Civic Center, Yuma"}]}
    pred = {"events": [{"key": "x", "name": "meeting of Cole with Ruiz",
                        "location": "Yuma's Civic Center"}]}
    counts = score_record(pred, truth)
    assert counts.kinds["event"] == (1, 0, 0)
    assert counts.kinds["event.location"] == (1, 0, 0)
    # a post's word order still tells posts apart
    assert not names_match("Ambassador of Mexico to the United States",
                           "United States Ambassador to Mexico")


def test_diff_rows_of_a_found_person_carry_the_gold_name(tmp_path: Path) -> None:
    (tmp_path / "board.txt").write_text("text", encoding="utf-8")
    (tmp_path / "board.gold.json").write_text(json.dumps(
        {**TWO_EVENTS, "id": "board", "source": {"language": "en"}}), encoding="utf-8")
    pred = copy.deepcopy(TWO_EVENTS)
    pred["people"][0].update(name="Whitcombe", country="MX")
    pred["people"][0]["roles"][1]["role"] = "host"
    rows = evaluate(tmp_path, lambda _path: pred).mismatches()
    assert [(r.kind, r.error, r.subject, r.gold, r.predicted) for r in rows] == [
        ("person.country", "spurious", "Dana Whitcombe", "US", "MX"),
        ("person.country", "missed", "Dana Whitcombe", "US", "MX"),
        ("role", "spurious", "Dana Whitcombe", None,
         "host at Third Plenary of the Binational Water Board"),
        ("role", "missed", "Dana Whitcombe",
         "chair at Third Plenary of the Binational Water Board", None),
    ]


def test_a_role_or_link_stated_twice_counts_once() -> None:
    pred = copy.deepcopy(TWO_EVENTS)
    pred["people"][0]["roles"].append({"event": "e1", "role": "chair"})
    pred["event_links"].append({"from": "e1", "relation": "builds_on", "to": "e2"})
    assert score_record(pred, TWO_EVENTS).micro == score_record(TWO_EVENTS, TWO_EVENTS).micro


def test_roles_at_two_unpaired_predicted_events_are_two_false_facts() -> None:
    pred = copy.deepcopy(TWO_EVENTS)
    pred["events"] += [{"key": "x1", "name": "reception", "date": "2019-05-02"},
                       {"key": "x2", "name": "luncheon", "date": "2019-07-09"}]
    pred["people"][0]["roles"] += [{"event": "x1", "role": "host"},
                                   {"event": "x2", "role": "host"}]
    assert score_record(pred, TWO_EVENTS).category("role") == (2, 2, 0)
