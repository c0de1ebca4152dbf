"""Where the graph lives: an embedded pyoxigraph store by default, a SPARQL 1.1 endpoint for scale.

Every backend offers the same small surface, so the rest of bordergraph never knows which one it
talks to: replace a named graph atomically, run a query with bound values, list and dump graphs.
This module is that surface (the ``Store`` protocol, ``Rows``, errors, term conversion, value
binding, export); the backends are :mod:`.embedded` and :mod:`.endpoint`, the updates that keep
the union are in :mod:`.updates`, and :func:`~bordergraph.graph.open.open_store` picks a backend.

Queries see a **default graph that every write keeps as the deduplicated union of the named
graphs**. The union a SPARQL engine offers on request repeats a triple once per graph that states
it, and every release graph restates the officials, posts and events it shares with others, so a
join over a popular official multiplied rows; the maintained union holds each triple once. Named
graphs stay the record of who said what (``GRAPH ?release { ... }``).

>>> from rdflib import URIRef, Literal
>>> from bordergraph.graph.open import open_store
>>> store = open_store(":memory:")
>>> g = URIRef("https://w3id.org/bordergraph/release/demo")
>>> store.replace_graph(g, [(URIRef("urn:x"), URIRef("urn:p"), Literal("v"))])
>>> store.select("SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef("urn:x")}).rows
[(rdflib.term.Literal('v'),)]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import BordergraphError

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]
DEFAULT_STORE = Path(".bordergraph") / "store"
ENV_VAR = "BORDERGRAPH_STORE"


class StoreError(BordergraphError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process is writing to the store."""


class StoreCorruptError(StoreError):
    """The store's files are damaged: no process holds it, yet it does not open."""


@dataclass(frozen=True)
class Rows:
    """A SELECT result: column names and rows of rdflib terms (None where unbound)."""

    columns: list[str]
    rows: list[tuple[Node | None, ...]]


class Store(Protocol):
    location: str

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None: ...
    def drop_graph(self, graph: URIRef) -> None: ...
    def graph_names(self) -> list[URIRef]: ...
    def graph(self, graph: URIRef) -> Graph: ...
    def count(self, graph: URIRef | None = None) -> int: ...
    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None, *, inferred: bool = True
    ) -> Rows: ...
    def construct(
        self, query: str, bindings: Mapping[str, Node] | None = None, *, inferred: bool = True
    ) -> Graph: ...
    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool: ...
    def quads(self) -> Iterator[Quad]: ...
    def close(self) -> None: ...


def resolve_location(location: str | os.PathLike[str] | None = None) -> str:
    """The store location: the argument, else ``$BORDERGRAPH_STORE``, else the local default."""
    if location:
        return str(location)
    return os.environ.get(ENV_VAR) or str(DEFAULT_STORE)


# -- term conversion ---------------------------------------------------------------------------


def to_ox(term: Node) -> Any:
    if isinstance(term, URIRef):
        return _named_node(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


@lru_cache(maxsize=65536)
def _named_node(iri: str) -> Any:
    # The same classes, predicates and entity IRIs recur in every release: convert each once.
    return ox.NamedNode(iri)


def from_ox(term: Any) -> Node | None:
    return None if term is None else _from_ox(term)


@lru_cache(maxsize=1 << 17)
def _from_ox(term: Any) -> Node:
    # Results repeat the same entities, labels and dates row after row, and building rdflib
    # terms is the slow half of a large SELECT: convert each distinct term once.
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term from the store: {term!r}")


def term_text(term: Node) -> str:
    """An RDF term in SPARQL/N-Triples syntax, escaped by pyoxigraph (never by hand)."""
    return str(to_ox(term))


def to_dataset(store: Store) -> Dataset:
    """Every named graph of ``store`` as an rdflib Dataset (for export and reasoning)."""
    ds = Dataset()
    for s, p, o, g in store.quads():
        ds.add((s, p, o, g))
    return ds


EXPORT_FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


def export(store: Store, fmt: str) -> str:
    """Serialise the store: ``ttl`` merges all graphs, the others keep named graphs.

    Output is sorted where the format allows, so the same store exports the same text.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {sorted(EXPORT_FORMATS)}")
    ds = to_dataset(store)
    if fmt == "ttl":
        merged = Graph()
        for s, p, o, _g in ds.quads():
            merged.add((s, p, o))
        _bind_prefixes(merged)
        return merged.serialize(format="turtle")
    if fmt == "nq":
        return "".join(sorted(ds.serialize(format="nquads").splitlines(keepends=True)))
    _bind_prefixes(ds)
    return ds.serialize(format=EXPORT_FORMATS[fmt])


def _bind_prefixes(graph: Graph | Dataset) -> None:
    from .iris import ID, RELEASE

    graph.bind("bg", "https://w3id.org/bordergraph/ontology#")
    graph.bind("bgid", ID)
    graph.bind("release", RELEASE)
