"""Release identity: two different files never share a named graph (issue 15, point 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Literal, URIRef

from bordergraph.api import BorderGraph
from bordergraph.graph import iris
from bordergraph.graph.vocab import BG
from bordergraph.ingest.identity import source_key

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "releases" / "esc-13-plenary-2021.txt"
OTHER = ROOT / "data" / "releases" / "hled-relaunch-2021.txt"
HTML = ROOT / "data" / "releases" / "mariposa-lpoe-ribbon-2014.html"


def _releases(bg: BorderGraph) -> dict[str, str]:
    """Release graph -> the file name it says it was read from."""
    rows = bg.store.select(
        "PREFIX bg: <https://w3id.org/bordergraph/ontology#>\n"
        "SELECT ?g ?f WHERE { GRAPH ?g { ?g bg:fileName ?f } }"
    ).rows
    return {str(g): str(f) for g, f in rows}


def _load(store: Path, *paths: Path) -> tuple[list[tuple[str, str]], dict[str, str]]:
    with BorderGraph.open(store) as bg:
        report = bg.load(list(paths))
        return [(Path(r.path).name, r.status) for r in report.results], _releases(bg)


def test_same_stem_in_two_folders_gives_two_graphs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "release.txt")
    shutil.copy(OTHER, tmp_path / "b" / "release.txt")
    statuses, graphs = _load(tmp_path / "store", tmp_path / "a/release.txt",
                             tmp_path / "b/release.txt")
    assert statuses == [("release.txt", "loaded"), ("release.txt", "loaded")]
    assert len(graphs) == 2
    assert str(iris.release("release")) in graphs
    # the second is the slug plus the first 8 hex digits of its text's SHA-256
    other = next(g for g in graphs if g != str(iris.release("release")))
    assert other.startswith(str(iris.release("release")) + "-")
    assert len(other.rsplit("-", 1)[1]) == 8


def test_same_stem_different_extensions_give_two_graphs(tmp_path):
    shutil.copy(SEED, tmp_path / "r.txt")
    shutil.copy(HTML, tmp_path / "r.html")
    statuses, graphs = _load(tmp_path / "store", tmp_path)
    assert [s for _, s in statuses] == ["loaded", "loaded"]
    assert sorted(graphs.values()) == ["r.html", "r.txt"]


def test_stems_without_latin_letters_give_two_graphs(tmp_path):
    shutil.copy(SEED, tmp_path / "公告.txt")
    shutil.copy(OTHER, tmp_path / "通知.txt")
    statuses, graphs = _load(tmp_path / "store", tmp_path)
    assert [s for _, s in statuses] == ["loaded", "loaded"]
    assert sorted(graphs.values()) == ["公告.txt", "通知.txt"]


def test_reloading_keeps_every_graph_and_reports_unchanged(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
    shutil.copy(SEED, tmp_path / "a" / "release.txt")
    shutil.copy(OTHER, tmp_path / "b" / "release.txt")
    _, first = _load(tmp_path / "store", tmp_path)
    # the second folder alone first, then everything: the graphs found again, not swapped
    statuses, second = _load(tmp_path / "store", tmp_path / "b")
    assert statuses == [("release.txt", "unchanged")]
    statuses, third = _load(tmp_path / "store", tmp_path)
    assert [s for _, s in statuses] == ["unchanged", "unchanged"]
    assert first == second == third


def test_an_edited_file_replaces_its_own_graph(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
    shutil.copy(SEED, tmp_path / "a" / "release.txt")
    shutil.copy(OTHER, tmp_path / "b" / "release.txt")
    _, before = _load(tmp_path / "store", tmp_path)
    with (tmp_path / "b" / "release.txt").open("a", encoding="utf-8") as f:
        f.write("\nThe meeting ended at noon.\n")
    statuses, after = _load(tmp_path / "store", tmp_path / "b" / "release.txt")
    assert statuses == [("release.txt", "loaded")]
    assert before.keys() == after.keys()


def test_a_renamed_file_keeps_its_release(tmp_path):
    shutil.copy(SEED, tmp_path / "old-name.txt")
    _, before = _load(tmp_path / "store", tmp_path / "old-name.txt")
    (tmp_path / "old-name.txt").rename(tmp_path / "new-name.txt")
    statuses, after = _load(tmp_path / "store", tmp_path / "new-name.txt")
    assert statuses == [("new-name.txt", "renamed")]
    assert list(after) == list(before)  # same graph, now pointing at the new file
    with BorderGraph.open(tmp_path / "store") as bg:
        graph = URIRef(next(iter(after)))
        assert bg.store.graph(graph).value(graph, BG.sourcePath) == Literal(
            source_key(tmp_path / "new-name.txt"))


def test_a_copy_beside_its_original_is_a_duplicate(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    statuses, graphs = _load(tmp_path / "store", tmp_path)
    assert statuses == [("a.txt", "loaded"), ("b.txt", "duplicate")]
    assert list(graphs.values()) == ["a.txt"]


def test_a_store_from_before_source_paths_is_migrated(tmp_path):
    """A graph without bg:sourcePath (written by an earlier version) is adopted by the file of
    its name on reload, not duplicated; a different file of the same stem gets its own graph."""
    shutil.copy(SEED, tmp_path / "release.txt")
    (tmp_path / "other").mkdir()
    shutil.copy(OTHER, tmp_path / "other" / "release.html")
    store = tmp_path / "store"
    with BorderGraph.open(store) as bg:
        bg.load([tmp_path / "release.txt"])
        graph = iris.release("release")
        legacy = [t for t in bg.store.graph(graph) if t[1] != BG.sourcePath]
        bg.store.replace_graph(graph, legacy)  # as an earlier version wrote it
        assert bg.store.graph(graph).value(graph, BG.sourcePath) is None
    statuses, graphs = _load(store, tmp_path / "other" / "release.html", tmp_path / "release.txt")
    assert statuses == [("release.html", "loaded"), ("release.txt", "unchanged")]
    assert graphs[str(graph)] == "release.txt"
    assert sorted(graphs.values()) == ["release.html", "release.txt"]
    with BorderGraph.open(store) as bg:
        assert bg.store.graph(graph).value(graph, BG.sourcePath) is not None


def test_the_seed_release_keeps_its_iri(tmp_path):
    _, graphs = _load(tmp_path / "store", SEED)
    assert list(graphs) == [str(iris.release("esc-13-plenary-2021"))]
