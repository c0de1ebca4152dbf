"""Shared fixtures: the graph built once per test session from the real data in data/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"

# The 13 releases data/releases held before issue 14 shipped the 45 of the grown corpus. The
# extraction rules and the reference data were written from these 13, so tests that compare
# the graph with the gold hold them to the strict standard. Nobody wrote rules from the other
# 45 (written later, to vary the language on purpose): they are measured by per-language
# floors (test_extract_corpus.py) until the extractor reaches the targets.
ORIGINAL_RELEASES = (
    "bbbxg-plenary-2025",
    "bbbxg-regional-west-2021",
    "bicentennial-action-plan-2022",
    "biden-lopez-obrador-white-house-2022",
    "esc-13-plenary-2021",
    "hled-establishment-2013",
    "hled-relaunch-2021",
    "hlsd-second-meeting-2022",
    "mariposa-lpoe-ribbon-2014",
    "minute-328-tijuana-2022",
    "nals-mexico-city-2023",
    "nals-washington-2021",
    "tornillo-guadalupe-opening-2016",
)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """A BorderGraph on an on-disk store built from data/ (ontology, reference, releases)."""
    from bordergraph.api import BorderGraph

    location = tmp_path_factory.mktemp("store") / "store"
    bg = BorderGraph.open(location)
    report = bg.build(progress=False)
    assert not report.failed, [r.message for r in report.failed]
    yield bg
    bg.close()


@pytest.fixture(scope="session")
def original_gold(gold: dict[str, dict]) -> dict[str, dict]:
    """The gold files of the 13 original releases (``ORIGINAL_RELEASES``)."""
    return {rid: gold[rid] for rid in ORIGINAL_RELEASES}


@pytest.fixture(scope="session")
def corpus_report():
    """Extraction of every release in data/releases scored against its gold (a Report)."""
    from bordergraph.ingest.extract import extract
    from bordergraph.ingest.read import read_release
    from bordergraph.quality.scoring import evaluate

    return evaluate(RELEASES, lambda path: extract(read_release(path)).to_json())


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    """Every gold file in data/releases by release id."""
    import json

    return {
        p.name.removesuffix(".gold.json"): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(RELEASES.glob("*.gold.json"))
    }
