"""Parameters go into the WHERE group the SPARQL parser sees, never into a comment or a string
(issue 15, point 4)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from bordergraph.cli import main
from bordergraph.graph.binding import bind_values
from bordergraph.graph.open import open_store
from bordergraph.graph.store import StoreError

G = URIRef("https://w3id.org/bordergraph/release/one")
P = URIRef("urn:p")
ROWS = [(URIRef(f"urn:s{i}"), P, Literal(f"v{i}")) for i in range(5)]

# Each query selects ?s for the bound ?o: with the parameter honoured, exactly one row.
ADVERSARIAL = {
    "brace in a leading comment": "# see { the docs }\nSELECT ?s WHERE { ?s <urn:p> ?o }",
    "brace in a comment after SELECT": "SELECT ?s # { not here\nWHERE { ?s <urn:p> ?o }",
    "comment with a quote": "# it's { odd\nSELECT ?s WHERE { ?s <urn:p> ?o }",
    "brace in a string before the group": (
        'SELECT ?s (CONCAT("{", STR(?o)) AS ?x) WHERE { ?s <urn:p> ?o }'),
    "brace in a long string": (
        'SELECT ?s (""" a " { "" """ AS ?x) WHERE { ?s <urn:p> ?o }'),
    "brace in a single-quoted string": "SELECT ?s ('{' AS ?x) WHERE { ?s <urn:p> ?o }",
    "hash inside an IRI": "PREFIX x: <urn:x#a>\nSELECT ?s WHERE { ?s <urn:p> ?o }",
    "no WHERE keyword": "SELECT ?s { ?s <urn:p> ?o }",
    "subquery": "SELECT ?s WHERE { { SELECT ?s ?o WHERE { ?s <urn:p> ?o } } }",
    "EXISTS in the projection": (
        "SELECT ?s (EXISTS { ?s ?q ?r } AS ?e) WHERE { ?s <urn:p> ?o }"),
    "less-than in a filter": (
        "SELECT ?s WHERE { ?s <urn:p> ?o FILTER(STRLEN(?o)<10 && 1 > 0) }"),
}


@pytest.fixture(scope="module")
def store():
    s = open_store(":memory:")
    s.replace_graph(G, ROWS)
    return s


@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_adversarial_query_is_bound_in_its_where_group(store, case):
    rows = store.select(ADVERSARIAL[case], {"o": Literal("v3")}).rows
    assert [r[0] for r in rows] == [URIRef("urn:s3")], case


def test_construct_binds_after_the_template(store):
    q = "CONSTRUCT { ?s <urn:q> \"{\" } WHERE { ?s <urn:p> ?o }"
    bound = bind_values(q, {"o": Literal("v1")})
    assert bound.index("VALUES") > bound.index("WHERE")
    assert len(store.construct(bound)) == 1


def test_a_value_that_looks_like_sparql_stays_a_literal(store):
    rows = store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('"} UNION { ?s ?p ?o }')})
    assert rows.rows == []


def test_an_iri_with_an_angle_bracket_is_a_one_line_error():
    with pytest.raises(StoreError, match="invalid value") as info:
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": URIRef("urn:a>b")})
    assert "\n" not in str(info.value)


def test_query_file_with_brace_in_comment_keeps_its_parameter(tmp_path):
    """The issue's case: a comment with a brace above the query took the VALUES block."""
    store = tmp_path / "store"
    s = open_store(str(store))
    s.replace_graph(G, ROWS)
    s.close()
    q = tmp_path / "q.rq"
    q.write_text("# title: Who { says what }\n# question: Who says it?\n"
                 "# param: o text - - the value\n# columns: s\n"
                 "# { a brace in a comment }\nSELECT ?s WHERE { ?s <urn:p> ?o }\n",
                 encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "--store", str(store), "--file", str(q),
                                       "-p", "o=v2", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert [ln for ln in result.output.splitlines() if ln.strip()][1:] == ["urn:s2"]


def test_cli_iri_parameter_with_angle_bracket_is_one_line_exit_2(tmp_path):
    store = tmp_path / "store"
    open_store(str(store)).close()
    result = CliRunner().invoke(main, ["query", "counterparts", "--store", str(store),
                                       "-p", "person=https://w3id.org/x>y"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0, result.output
    assert result.output.startswith("error: parameter person: invalid value")
