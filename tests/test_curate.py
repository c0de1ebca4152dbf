"""Analysts' corrections survive re-extraction and are marked as curated in provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import FOAF, RDFS

from bordergraph.api import BorderGraph
from bordergraph.graph import iris
from bordergraph.graph.vocab import BG
from bordergraph.ingest import curate

SEED = Path(__file__).resolve().parents[1] / "data" / "releases" / "esc-13-plenary-2021.txt"
CORRECTIONS = """
corrections:
  - release: seed
    category: people
    name: Kenneth Salazar
    action: suppress
  - release: seed
    category: people
    name: Serena Hoy
    action: fix
    values: {post: Assistant Secretary for International Affairs (acting)}
  - release: seed
    category: outcomes
    name: Border Master Plan update
    action: add
    values: {type: Strategy, event: e1, relation: reviewed}
"""


@pytest.fixture
def corrections(tmp_path, monkeypatch):
    folder = tmp_path / "curation"
    folder.mkdir()
    (folder / "mine.yaml").write_text(CORRECTIONS, encoding="utf-8")
    monkeypatch.setattr(curate, "CURATION_DIR", folder)
    return folder


def test_corrections_apply_and_survive_reloading(tmp_path, corrections):
    release = shutil.copy(SEED, tmp_path / "seed.txt")
    with BorderGraph.open(tmp_path / "store") as bg:
        for _ in range(2):  # a second load re-extracts; the corrections hold
            bg.load([release])
            graph = bg.store.graph(iris.release("seed"))
            names = {str(o) for o in graph.objects(None, FOAF.name)}
            assert "Kenneth Salazar" not in names and "Serena Hoy" in names
            labels = {str(o) for o in graph.objects(None, RDFS.label)}
            assert "Assistant Secretary for International Affairs (acting)" in labels
            assert "Border Master Plan update" in labels
            curated = set(graph.subjects(BG.curated, Literal(True)))
            assert len(curated) == 2  # the fixed person and the added outcome


def test_a_malformed_correction_names_the_file(tmp_path, monkeypatch):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "broken.yaml").write_text(
        "corrections:\n  - {release: x, category: nope, name: y, action: add}\n", "utf-8"
    )
    with pytest.raises(curate.CurationError, match=r"broken\.yaml"):
        curate.read_corrections(folder)
