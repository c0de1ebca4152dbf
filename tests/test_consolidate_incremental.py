"""Consolidation after a load reconciles only the events of the releases just written (and what
those releases stated before a reload), and leaves the graph a whole-store pass leaves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import BNode

from bordergraph import api
from bordergraph.api import BorderGraph
from bordergraph.ingest.consolidate import CONSENSUS_GRAPH, consolidate
from bordergraph.ingest.pipeline import repo_path

UNION = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def _state(bg: BorderGraph) -> tuple[set, set]:
    """What queries read (the default graph) and the consensus graph, blank nodes aside."""
    union = {row for row in bg.store.select(UNION).rows
             if not any(isinstance(term, BNode) for term in row)}
    return union, set(bg.store.graph(CONSENSUS_GRAPH))


def _load_in_steps(files: list[Path], edited: Path) -> tuple[set, set]:
    bg = BorderGraph.open(":memory:")
    half = len(files) // 2
    bg.load(files[:half], progress=False)
    bg.load(files[half:], progress=False)
    # A release edited and loaded again: what it no longer says must come back from the others.
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text[: len(text) // 3], encoding="utf-8")
    bg.load([edited], progress=False)
    edited.write_text(text, encoding="utf-8")
    state = _state(bg)
    bg.close()
    return state


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("releases")
    source = Path(repo_path("data/releases"))
    for path in sorted(source.iterdir()):
        if path.suffix in (".txt", ".html"):
            shutil.copy(path, folder / path.name)
    return sorted(p for p in folder.iterdir())


def test_scoped_consolidation_leaves_the_graph_a_whole_store_pass_leaves(releases) -> None:
    # the release of the ESC's 13th plenary shares its events with several others
    edited = next(p for p in releases if p.stem == "esc-13-plenary-2021")
    scoped = _load_in_steps(releases, edited)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api, "consolidate", lambda store, *_scope: consolidate(store))
        whole = _load_in_steps(releases, edited)
    assert scoped[1] == whole[1] and len(scoped[1]) > 20
    assert scoped[0] == whole[0]


def test_a_load_reconciles_only_its_own_events() -> None:
    bg = BorderGraph.open(":memory:")
    bg.load([repo_path("data/releases/esc-13-plenary-2021.txt")], progress=False)
    first = consolidate(bg.store)
    other = repo_path("data/releases/abbott-chihuahua-coahuila-mous-2022.txt")
    report = bg.load([other], progress=False)
    scoped = consolidate(bg.store, report.written)
    assert 0 < scoped.labels < first.labels + scoped.labels == consolidate(bg.store).labels
    bg.close()
