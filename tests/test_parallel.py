"""Extraction in worker processes gives the same graph and report as the serial loader."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib.compare import isomorphic

from bordergraph.errors import ReleaseError
from bordergraph.graph.open import open_store
from bordergraph.ingest.parallel import extract_parallel
from bordergraph.ingest.pipeline import load_foundation, load_paths, repo_path
from bordergraph.records import ReleaseRecord, ReleaseText

RELEASES = repo_path("data/releases")


def _corpus(tmp_path: Path) -> list[Path]:
    """The real releases plus a file that cannot be read, in a directory of their own."""
    for source in sorted(RELEASES.iterdir()):
        if source.suffix in (".txt", ".html"):
            shutil.copy(source, tmp_path / source.name)
    (tmp_path / "empty-release.txt").write_bytes(b"")
    return sorted(tmp_path.iterdir())


def test_extract_parallel_keeps_file_order_and_reports_errors(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    results = list(extract_parallel(paths, jobs=2))
    assert [p for p, _t, _r in results] == paths
    broken = [(t, r) for p, t, r in results if p.name == "empty-release.txt"]
    assert len(broken) == 1 and isinstance(broken[0][0], ReleaseError)
    good = [(t, r) for p, t, r in results if p.name != "empty-release.txt"]
    assert all(isinstance(t, ReleaseText) and isinstance(r, ReleaseRecord) for t, r in good)
    serial = {p: r for p, _t, r in extract_parallel(paths, jobs=1)}
    assert {p: r for p, _t, r in results if isinstance(r, ReleaseRecord)} == {
        p: r for p, r in serial.items() if isinstance(r, ReleaseRecord)
    }


def test_two_jobs_write_the_same_graphs_as_one(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    serial, parallel = open_store(":memory:"), open_store(":memory:")
    for store in (serial, parallel):
        load_foundation(store)
    expected = load_paths(serial, paths)
    report = load_paths(parallel, paths, jobs=2)
    assert [(r.path, r.status, r.triples) for r in report.results] == [
        (r.path, r.status, r.triples) for r in expected.results
    ]
    assert [r.path for r in report.failed] == [str(tmp_path / "empty-release.txt")]
    assert parallel.graph_names() == serial.graph_names()
    for name in serial.graph_names():
        assert isomorphic(parallel.graph(name), serial.graph(name)), name
