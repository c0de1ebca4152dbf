"""The SPARQL Updates that write a named graph and keep the default graph their union.

Shared by both backends: :class:`~bordergraph.graph.embedded.OxigraphStore` runs them in-process,
:class:`~bordergraph.graph.endpoint.EndpointStore` sends them to the server. What only a graph
stated leaves the union with it; what it states joins the union (each triple once).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import URIRef

from .store import Triple, to_ox

# Fills the default graph of a store written before it held the union (or after a bulk load).
FILL_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def retract_update(graph: URIRef) -> str:
    """The SPARQL Update that takes out of the union the triples only ``graph`` states."""
    name = ox.NamedNode(str(graph))
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }} }}")


def join_update(graph: URIRef) -> str:
    """The SPARQL Update that adds ``graph``'s triples to the union (after a Graph Store PUT)."""
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {ox.NamedNode(str(graph))} {{ ?s ?p ?o }} }}"


def replace_graph_update(graph: URIRef, triples: Iterable[Triple], *, union: bool = True) -> str:
    """One SPARQL Update that replaces a named graph: a single transaction on any server.

    With ``union`` the default graph follows: what only the old graph stated leaves it, the new
    triples join it (one INSERT DATA block, so a blank node is the same node in both graphs).
    """
    name = ox.NamedNode(str(graph))
    data = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
    body = (ox.serialize(data, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    if not union:
        return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}"
    return (f"{retract_update(graph)} ;\nDROP SILENT GRAPH {name} ;\n"
            f"INSERT DATA {{ GRAPH {name} {{\n{body}}}\n{body}}}")


STAGING = "urn:bordergraph:staging:"  # outside https://w3id.org/bordergraph/: never listed


def swap_update(staging: URIRef, graph: URIRef, *, union: bool = True) -> str:
    """One SPARQL Update that puts a staging graph (written by a Graph Store PUT) in place of
    ``graph``: with ``union``, what only the old graph stated leaves the default graph and the
    new triples join it."""
    name, new = ox.NamedNode(str(graph)), ox.NamedNode(str(staging))
    move = f"DROP SILENT GRAPH {name} ;\nADD SILENT {new} TO {name} ;\nDROP SILENT GRAPH {new}"
    if not union:
        return move
    return f"{retract_update(graph)} ;\n{move} ;\n{join_update(graph)}"


def drop_graph_update(graph: URIRef, *, union: bool = True) -> str:
    """One SPARQL Update that drops a named graph (and, with ``union``, what only it stated)."""
    drop = f"DROP SILENT GRAPH {ox.NamedNode(str(graph))}"
    return f"{retract_update(graph)} ;\n{drop}" if union else drop
