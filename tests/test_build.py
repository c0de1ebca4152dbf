"""`bordergraph build`: the whole flow on data/, deterministic and idempotent."""

from __future__ import annotations

from click.testing import CliRunner
from rdflib import RDF, Dataset
from rdflib.compare import isomorphic

from bordergraph.api import BorderGraph
from bordergraph.cli import main
from bordergraph.graph import iris
from bordergraph.graph.reference import load_reference
from bordergraph.graph.vocab import BG
from bordergraph.ingest.pipeline import release_files, repo_path


def _graphs(bg: BorderGraph) -> dict:
    return {g: bg.store.graph(g) for g in bg.store.graph_names()}


def test_build_loads_every_release_and_the_reference_graph(built):
    releases = list(release_files([repo_path("data/releases")]))
    names = built.store.graph_names()
    assert iris.ONTOLOGY_GRAPH in names and iris.REFERENCE_GRAPH in names
    assert {iris.release(p.stem) for p in releases} <= set(names)
    stats = built.stats()
    assert stats["graphs"]["release graphs"] == len(releases)
    reference = load_reference()
    for cls in (BG.Administration, BG.PortOfEntry, BG.Agency):
        expected = len(set(reference.subjects(RDF.type, cls)))
        assert expected > 0
        assert stats["classes"][cls.rsplit("#", 1)[-1]] >= expected


def test_build_twice_gives_the_same_graph(tmp_path):
    first = BorderGraph.open(tmp_path / "a")
    first.build(progress=False)
    before = _graphs(first)
    first.build(progress=False)
    after = _graphs(first)
    assert before.keys() == after.keys()
    for name in before:
        assert isomorphic(before[name], after[name]), name
    first.close()
    second = BorderGraph.open(tmp_path / "b")
    second.build(progress=False)
    other = _graphs(second)
    second.close()
    assert other.keys() == before.keys()
    for name in before:
        assert isomorphic(before[name], other[name]), name


def test_export_round_trips(built):
    for fmt, parser in (("trig", "trig"), ("nq", "nquads")):
        back = Dataset()
        back.parse(data=built.export(fmt), format=parser)
        for name in built.store.graph_names():
            assert isomorphic(back.graph(name), built.store.graph(name)), (fmt, name)


def test_cli_build_and_stats(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "cli-store")
    result = runner.invoke(main, ["build", "--store", store, "--no-explorer", "--format", "json"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["stats", "--store", store, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Administration" in result.output and "PortOfEntry" in result.output
    missing = runner.invoke(main, ["stats", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2
    assert "no store" in missing.output


def test_cli_build_can_skip_validation(tmp_path):
    seed = str(repo_path("data") / "releases" / "esc-13-plenary-2021.txt")
    runner = CliRunner()
    checked = runner.invoke(main, ["build", "--store", str(tmp_path / "a"), "--no-explorer", seed])
    assert checked.exit_code == 0, checked.output
    assert "SHACL:" in checked.output
    skipped = runner.invoke(main, ["build", "--store", str(tmp_path / "b"), "--no-explorer",
                                   "--no-validate", seed])
    assert skipped.exit_code == 0, skipped.output
    assert "SHACL:" not in skipped.output and "1 loaded" in skipped.output
