"""Extraction scored against the gold files of data/releases.

Two standards. The 13 original releases (``ORIGINAL_RELEASES`` in conftest.py) are the ones the
extraction rules were written from: each English one must score F1 >= 0.9 and together >= 0.95.
The whole corpus of 58 releases (45 of them written later, to vary the language; issue 14's
frames were written from all 58, and the sealed holdout judges whether they generalise) must
keep the micro F1 per language it measures today: a floor a little under the measured figure,
so that a regression fails. Issue 14's target (>= 0.92 per language on all 58) stays open;
raise the floors as the extractor improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bordergraph.ingest.extract import extract
from bordergraph.ingest.read import read_release
from bordergraph.quality.scoring import score_record
from conftest import ORIGINAL_RELEASES

RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"

# Micro F1 on all 58 releases (`bordergraph evaluate data/releases --by-language`), measured
# 2026-12-04: when the corpus was shipped en 0.574, es 0.645; after issue 14's frame extractor
# en 0.752 (P 0.871, R 0.662), es 0.831 (P 0.943, R 0.743); after the English role and event
# frames (roles, day headings, visit spans) en 0.794 (P 0.892, R 0.715); after the Spanish
# participation frames es 0.859 (P 0.946, R 0.787).
CORPUS_FLOORS = {"en": 0.77, "es": 0.84}


def _path(stem: str) -> Path:
    return next(p for p in RELEASES.glob(stem + ".*") if p.suffix in (".txt", ".html"))


def _gold(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


ENGLISH = [p for p in map(_path, ORIGINAL_RELEASES) if _gold(p)["source"]["language"] == "en"]


def test_all_original_english_releases_are_scored() -> None:
    assert len(ENGLISH) == 9


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


def test_the_whole_corpus_is_scored(corpus_report) -> None:  # type: ignore[no-untyped-def]
    languages = corpus_report.by_language()
    assert {lang: len(part.releases) for lang, part in languages.items()} == {"en": 37, "es": 21}
    assert set(ORIGINAL_RELEASES) <= set(corpus_report.releases)


@pytest.mark.parametrize("language", sorted(CORPUS_FLOORS))
def test_corpus_micro_f1_per_language_keeps_its_floor(  # type: ignore[no-untyped-def]
    corpus_report, language: str
) -> None:
    micro = corpus_report.by_language()[language].total.micro
    assert micro.f1 >= CORPUS_FLOORS[language], (language, micro)


EVERY = [_path(g.name.removesuffix(".gold.json")) for g in sorted(RELEASES.glob("*.gold.json"))]


@pytest.mark.parametrize("path", EVERY, ids=lambda p: p.stem)
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
