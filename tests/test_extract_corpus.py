"""Extraction scored against the gold files of the English releases in data/releases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bordergraph.ingest.extract import extract
from bordergraph.ingest.read import read_release
from bordergraph.quality.scoring import score_record

RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"


def _english() -> list[Path]:
    out = []
    for gold in sorted(RELEASES.glob("*.gold.json")):
        if json.loads(gold.read_text(encoding="utf-8"))["source"]["language"] == "en":
            stem = gold.name.removesuffix(".gold.json")
            out.append(next(p for p in RELEASES.glob(stem + ".*") if p.suffix in (".txt", ".html")))
    return out


ENGLISH = _english()


def _gold(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


def test_all_english_releases_are_scored() -> None:
    assert len(ENGLISH) >= 9


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_release_scores_against_gold(path: Path) -> None:
    counts = score_record(extract(read_release(path)).to_json(), _gold(path))
    assert counts.micro.f1 >= 0.9, counts.table()


def test_corpus_categories() -> None:
    total = None
    for path in ENGLISH:
        c = score_record(extract(read_release(path)).to_json(), _gold(path))
        total = c if total is None else total + c
    assert total is not None
    assert total.micro.f1 >= 0.95
    for row in total.table():
        assert row.f1 >= 0.85, row


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_every_fact_has_evidence_in_the_body(path: Path) -> None:
    text = read_release(path)
    rec = extract(text)
    items = [
        *rec.events,
        *rec.event_links,
        *rec.people,
        *rec.organizations,
        *rec.ports_of_entry,
        *rec.outcomes,
        *[r for p in rec.people for r in p.roles],
    ]
    assert items
    for item in items:
        ev = item.evidence
        assert ev is not None, item
        assert text.body[ev.start : ev.end] == ev.text


def test_record_round_trips_through_json() -> None:
    from bordergraph.records import ReleaseRecord

    rec = extract(read_release(RELEASES / "esc-13-plenary-2021.txt"))
    again = ReleaseRecord.from_json(rec.to_json(evidence=True))
    assert again.to_json() == rec.to_json()


def test_extraction_is_deterministic() -> None:
    path = RELEASES / "hlsd-second-meeting-2022.txt"
    assert extract(read_release(path)).to_json() == extract(read_release(path)).to_json()
