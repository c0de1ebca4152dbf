"""The store: atomic graph replacement, bound parameters, export round trips."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from bordergraph.graph.binding import bind_values
from bordergraph.graph.open import open_store
from bordergraph.graph.store import StoreError, StoreLockedError, export

G1 = URIRef("https://w3id.org/bordergraph/release/one")
G2 = URIRef("https://w3id.org/bordergraph/release/two")
S, P = URIRef("urn:s"), URIRef("urn:p")


def test_replace_graph_replaces_only_that_graph():
    store = open_store(":memory:")
    store.replace_graph(G1, [(S, P, Literal("old"))])
    store.replace_graph(G2, [(S, P, Literal("other"))])
    store.replace_graph(G1, [(S, P, Literal("new"))])
    assert {str(o) for _, _, o in store.graph(G1)} == {"new"}
    assert {str(o) for _, _, o in store.graph(G2)} == {"other"}
    assert store.graph_names() == [G1, G2]


def test_literals_with_sparql_syntax_are_stored_verbatim():
    nasty = 'x" } ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> "c'
    store = open_store(":memory:")
    store.replace_graph(G1, [(S, P, Literal(nasty)), (S, P, Literal("línea\nnueva", lang="es"))])
    values = {str(o) for _, _, o in store.graph(G1)}
    assert values == {nasty, "línea\nnueva"}
    assert store.count() == 2


@pytest.mark.parametrize(
    "value", ['x" } UNION { ?s ?p ?o } #', "}", "a\nb", "# comment", "<urn:s>"]
)
def test_bound_values_are_values_not_query_text(value):
    store = open_store(":memory:")
    store.replace_graph(G1, [(S, P, Literal("a")), (URIRef("urn:t"), P, Literal("b"))])
    rows = store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal(value)}).rows
    assert rows == []


def test_bind_values_goes_into_the_outer_group_after_prologue_and_comments():
    query = "# a {comment}\nPREFIX x: <urn:x#>\nSELECT ?s WHERE {\n ?s ?p ?o }"
    bound = bind_values(query, {"o": Literal("a")})
    assert bound.startswith("# a {comment}\nPREFIX x: <urn:x#>\nSELECT ?s WHERE { VALUES (?o)")
    with pytest.raises(StoreError):
        bind_values(query, {"not a name": Literal("a")})


def test_syntax_error_is_a_store_error():
    with pytest.raises(StoreError, match="syntax"):
        open_store(":memory:").select("SELECT WHERE {")


def test_missing_store_read_only_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "nothing", read_only=True)


def test_second_writer_gets_store_is_locked(tmp_path):
    first = open_store(tmp_path / "s")
    try:
        with pytest.raises(StoreLockedError, match="locked"):
            open_store(tmp_path / "s")
    finally:
        first.close()


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_export_round_trips(fmt):
    store = open_store(":memory:")
    store.replace_graph(G1, [(S, P, Literal("ä", lang="es")), (S, P, URIRef("urn:o"))])
    store.replace_graph(G2, [(S, P, Literal(3))])
    text = export(store, fmt)
    back = Dataset()
    back.parse(data=text, format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
    for graph in (G1, G2):
        assert isomorphic(back.graph(graph), store.graph(graph))


def test_new_graph_holds_what_the_replacing_update_writes():
    """A graph the store lacks is added without the SPARQL update; same quads either way."""
    from rdflib import XSD, BNode

    triples = [
        (S, P, Literal("plain")),
        (S, P, Literal("accentué", lang="fr")),
        (S, P, Literal(7)),
        (S, P, Literal("2021-12", datatype=XSD.gYearMonth)),
        (S, P, Literal("plain")),  # a duplicate is stored once
        (S, URIRef("urn:q"), URIRef("urn:o")),
    ]
    fresh, replaced = open_store(":memory:"), open_store(":memory:")
    fresh.replace_graph(G1, triples)
    replaced.replace_graph(G1, [(S, P, Literal("old"))])
    replaced.replace_graph(G1, triples)  # the graph exists: DROP + INSERT update
    assert set(fresh.quads()) == set(replaced.quads())
    assert fresh.count(G1) == 5
    blank = open_store(":memory:")
    blank.replace_graph(G2, [(BNode(), P, Literal("b")), (S, P, BNode())])
    assert blank.count(G2) == 2


def test_default_graph_is_the_union_without_repeats(tmp_path):
    """A triple two graphs state is seen once, and leaves with the last graph stating it."""
    store = open_store(str(tmp_path / "store"))
    store.replace_graph(G1, [(S, P, Literal("shared")), (S, P, Literal("only in 1"))])
    store.replace_graph(G2, [(S, P, Literal("shared"))])
    query = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"
    seen = lambda: [str(o) for (o,) in store.select(query, {"s": S}).rows]  # noqa: E731
    assert seen() == ["only in 1", "shared"]
    assert store.count() == 3  # the union's copies are not counted
    store.replace_graph(G1, [(S, P, Literal("new"))])
    assert seen() == ["new", "shared"]
    store.drop_graph(G2)
    assert seen() == ["new"]
    store.drop_graph(G1)
    assert seen() == [] and store.count() == 0


def test_store_written_before_the_union_gets_it(tmp_path):
    """Named graphs with an empty default graph (an older store): filled when opened to write."""
    import pyoxigraph as ox

    raw = ox.Store(str(tmp_path / "old"))
    raw.add(ox.Quad(ox.NamedNode(str(S)), ox.NamedNode(str(P)), ox.Literal("v"),
                    ox.NamedNode(str(G1))))
    raw.flush()
    del raw
    reader = open_store(str(tmp_path / "old"), read_only=True)
    assert reader.select("SELECT ?o WHERE { ?s ?p ?o }").rows == [(Literal("v"),)]  # fallback
    reader.close()
    store = open_store(str(tmp_path / "old"))
    assert store.select("SELECT ?o WHERE { ?s ?p ?o }").rows == [(Literal("v"),)]
    assert store.count() == 1
