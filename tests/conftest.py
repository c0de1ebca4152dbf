"""Shared fixtures: the graph built once per test session from the real data in data/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"


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
def gold() -> dict[str, dict]:
    """Every gold file in data/releases by release id."""
    import json

    return {
        p.name.removesuffix(".gold.json"): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(RELEASES.glob("*.gold.json"))
    }
