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
            for o in pred["outcomes"]:
                if o["event"] == key:
                    o["event"] = o["relation"] = None
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
