"""`bordergraph query`, `queries`, `sparql` via click's CliRunner on the graph built from data/."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from bordergraph.cli import main
from bordergraph.views.queries import library

ROOT = Path(__file__).resolve().parents[1]
CBMP = "21st Century Border Management Process"


@pytest.fixture(scope="module")
def run(built):
    """Invoke the CLI on the built store (opened read-only beside the fixture's writer)."""
    runner = CliRunner()

    def invoke(*args: str, store: str | None = None):
        return runner.invoke(main, [*args, "--store", store or built.store.location])

    return invoke


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_query_csv(run):
    result = run("query", "delegation_heads", "--param", f"series={CBMP}", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(library()["delegation_heads"].columns)
    heads = {r["person_name"] for r in rows if r["date"] == "2021-12-02"}
    assert {"Brian A. Nichols", "Serena Hoy"} <= heads


@pytest.mark.parametrize("fmt", ["json", "tsv", "table"])
def test_query_formats(run, fmt):
    result = run("query", "series_span", "-p", f"series={CBMP}", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        (row,) = json.loads(result.stdout)
        assert (row["us_count"], row["mx_count"]) == (3, 3)
        # the seed's 13th plenary, or a later session another release reports
        meetings = run("query", "meetings", "-p", f"series={CBMP}", "--format", "json")
        dates = [m["date"] for m in json.loads(meetings.stdout) if m["date"]]
        assert row["last_meeting"] == max(dates) >= "2021-12-02"
    elif fmt == "tsv":
        header, line = result.stdout.splitlines()[:2]
        assert header.split("\t")[:3] == ["series", "series_label", "established"]
        assert CBMP in line.split("\t")
    else:
        # 14 columns fold in an 80-column terminal: check the title and the table frame.
        assert "Series span" in result.stdout and "┏" in result.stdout


def test_query_file_and_no_inferred(run):
    path = ROOT / "queries" / "counterparts.rq"
    result = run("query", "--file", str(path), "-p", "person=Serena Hoy", "--no-inferred",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    names = {r["counterpart_name"] for r in json.loads(result.stdout)}
    assert any(n.startswith("Esteban Moctezuma") for n in names), names


def test_queries_lists_the_library():
    result = CliRunner().invoke(main, ["queries", "--format", "json"])
    assert result.exit_code == 0
    listed = {r["name"]: r for r in json.loads(result.stdout)}
    assert set(listed) == set(library())
    assert listed["series_span"]["question"].startswith("For a dialogue or process")


def test_sparql_select_construct_describe_ask(run):
    releases = ("SELECT (COUNT(*) AS ?n) "
                "WHERE { ?r a <https://w3id.org/bordergraph/ontology#Release> }")
    select = run("sparql", releases, "--format", "json")
    assert select.exit_code == 0 and json.loads(select.stdout)[0]["n"] >= 13
    names = "CONSTRUCT { ?p <urn:name> ?n } WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"
    construct = run("sparql", names)
    assert construct.exit_code == 0
    assert len(Graph().parse(data=construct.stdout, format="turtle")) > 10
    describe = run("sparql", "DESCRIBE <https://w3id.org/bordergraph/id/country/mx>")
    assert describe.exit_code == 0 and "Mexico" in describe.stdout
    assert run("sparql", "ASK { ?s ?p ?o }").stdout.strip() == "true"


def test_errors_are_one_line_with_status_2(run, tmp_path):
    bad = run("sparql", "SELECT ?x WHERE { ?x ?y }")
    assert bad.exit_code == 2 and "syntax" in one_line_error(bad)
    unknown = run("query", "meetings", "-p", "year=2021")
    assert unknown.exit_code == 2 and "no parameter 'year'" in one_line_error(unknown)
    malformed = run("query", "meetings", "-p", "since")
    assert malformed.exit_code == 2 and "KEY=VALUE" in one_line_error(malformed)
    missing = run("query", "meetings", store=str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "no store" in one_line_error(missing)
    nameless = run("query", "nosuch")
    assert nameless.exit_code == 2 and "no query named" in one_line_error(nameless)
    assert run("query").exit_code == 2  # neither NAME nor --file


def test_injection_through_the_cli_returns_nothing(run):
    result = run("query", "event_roles", "-p", 'person=x" } UNION { ?s ?p ?o } #',
                 "--format", "json")
    # The text stays one literal: it matches no person, which is an error, not an injection.
    assert result.exit_code == 2 and result.stdout == ""
    assert "no person matches 'x\" } UNION" in one_line_error(result)


@pytest.mark.parametrize("command", ["query", "queries", "sparql"])
def test_help_has_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"bordergraph {command}" in result.stdout


def test_export_takes_its_syntax_from_the_file_name_and_refuses_a_workbook(run, tmp_path):
    nq = tmp_path / "graph.nq"
    assert run("export", "-o", str(nq)).exit_code == 0
    quads = nq.read_text(encoding="utf-8").splitlines()
    assert quads and all(line.rstrip().endswith(" .") for line in quads if line.strip())
    refused = run("export", "-o", str(tmp_path / "graph.xlsx"))
    assert refused.exit_code == 2 and "--format xlsx" in refused.stderr
    assert not (tmp_path / "graph.xlsx").exists()
