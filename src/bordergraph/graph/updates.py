"""The SPARQL Updates that write a named graph and keep the union of the named graphs.

Shared by both backends: :class:`~bordergraph.graph.embedded.OxigraphStore` runs them in-process,
:class:`~bordergraph.graph.endpoint.EndpointStore` sends them to the server. What only a graph
stated leaves the union with it; what it states joins the union (each triple once).

The union is kept in the default graph (``union_graph=None``: the embedded store, Oxigraph and
Fuseki servers), or in the named graph ``union_graph`` where the server's default graph is not
ours to edit (Virtuoso, whose default graph is the union of all its graphs): queries then name
that graph as their default graph.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import URIRef

from . import iris
from .store import Triple, to_ox

STAGING = "urn:bordergraph:staging:"  # outside https://w3id.org/bordergraph/: never listed
# The kept union where it cannot be the default graph (outside bordergraph's graphs, likewise).
UNION_GRAPH = URIRef("urn:bordergraph:union")


def _in_union(pattern: str, union_graph: URIRef | None) -> str:
    """``pattern`` placed in the kept union: the default graph, or the named union graph."""
    if union_graph is None:
        return pattern
    return f"GRAPH {ox.NamedNode(str(union_graph))} {{ {pattern} }}"


def fill_union_update(union_graph: URIRef | None = None) -> str:
    """The SPARQL Update that fills the union from bordergraph's named graphs (a store written
    before the union was kept, or after a bulk load)."""
    if union_graph is None:
        return "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    # A named union graph lives on a server that may hold other graphs (Virtuoso's own).
    return (f"INSERT {{ {_in_union('?s ?p ?o', union_graph)} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f'FILTER(STRSTARTS(STR(?g), "{iris.BASE}")) }}')


# Fills the default graph of a store written before it held the union (or after a bulk load).
FILL_UNION = fill_union_update()


def retract_update(graph: URIRef, union_graph: URIRef | None = None) -> str:
    """The SPARQL Update that takes out of the union the triples only ``graph`` states."""
    name = ox.NamedNode(str(graph))
    others = f"?other != {name}"
    if union_graph is not None:  # the union graph is a named graph too: it states everything
        others += f" && ?other != {ox.NamedNode(str(union_graph))}"
    return (f"DELETE {{ {_in_union('?s ?p ?o', union_graph)} }} "
            f"WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER({others}) }} }}")


def join_update(graph: URIRef, union_graph: URIRef | None = None) -> str:
    """The SPARQL Update that adds ``graph``'s triples to the union (after a Graph Store PUT)."""
    return (f"INSERT {{ {_in_union('?s ?p ?o', union_graph)} }} "
            f"WHERE {{ GRAPH {ox.NamedNode(str(graph))} {{ ?s ?p ?o }} }}")


def _n_triples(triples: Iterable[Triple]) -> str:
    data = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
    return (ox.serialize(data, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def replace_graph_update(
    graph: URIRef, triples: Iterable[Triple], *, union: bool = True,
    union_graph: URIRef | None = None,
) -> str:
    """One SPARQL Update that replaces a named graph: a single transaction on any server.

    With ``union`` the kept union follows: what only the old graph stated leaves it, the new
    triples join it (one INSERT DATA block, so a blank node is the same node in both graphs).
    """
    name = ox.NamedNode(str(graph))
    body = _n_triples(triples)
    if not union:
        return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}"
    return (f"{retract_update(graph, union_graph)} ;\nDROP SILENT GRAPH {name} ;\n"
            f"INSERT DATA {{ GRAPH {name} {{\n{body}}}\n{_in_union(body, union_graph)}}}")


def delete_from_union_update(triples: Iterable[Triple], union_graph: URIRef | None = None) -> str:
    """One SPARQL Update that takes ``triples`` out of the union only (the named graphs keep
    them): what consolidation reconciles away."""
    return f"DELETE DATA {{ {_in_union(_n_triples(triples), union_graph)} }}"


def swap_update(
    staging: URIRef, graph: URIRef, *, union: bool = True, union_graph: URIRef | None = None
) -> str:
    """One SPARQL Update that puts a staging graph (written by a Graph Store PUT) in place of
    ``graph``: with ``union``, what only the old graph stated leaves the union and the
    new triples join it."""
    name, new = ox.NamedNode(str(graph)), ox.NamedNode(str(staging))
    move = f"DROP SILENT GRAPH {name} ;\nADD SILENT {new} TO {name} ;\nDROP SILENT GRAPH {new}"
    if not union:
        return move
    return (f"{retract_update(graph, union_graph)} ;\n{move} ;\n"
            f"{join_update(graph, union_graph)}")


def drop_graph_update(
    graph: URIRef, *, union: bool = True, union_graph: URIRef | None = None
) -> str:
    """One SPARQL Update that drops a named graph (and, with ``union``, what only it stated)."""
    drop = f"DROP SILENT GRAPH {ox.NamedNode(str(graph))}"
    return f"{retract_update(graph, union_graph)} ;\n{drop}" if union else drop
