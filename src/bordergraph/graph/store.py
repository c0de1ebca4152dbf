"""Where the graph lives: an embedded pyoxigraph store by default, a SPARQL 1.1 endpoint for scale.

Every backend offers the same small surface, so the rest of bordergraph never knows which one it
talks to: replace a named graph atomically, run a query with bound values, list and dump graphs.

Queries see a **default graph that every write keeps as the deduplicated union of the named
graphs**. The union a SPARQL engine offers on request repeats a triple once per graph that states
it, and every release graph restates the officials, posts and events it shares with others, so a
join over a popular official multiplied rows; the maintained union holds each triple once. Named
graphs stay the record of who said what (``GRAPH ?release { ... }``).

>>> from rdflib import URIRef, Literal
>>> store = open_store(":memory:")
>>> g = URIRef("https://w3id.org/bordergraph/release/demo")
>>> store.replace_graph(g, [(URIRef("urn:x"), URIRef("urn:p"), Literal("v"))])
>>> store.select("SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef("urn:x")}).rows
[(rdflib.term.Literal('v'),)]
"""

from __future__ import annotations

import os
import re
import time
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


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    create: bool = True,
    update_url: str | None = None,
) -> Store:
    """Open the store at ``location``: a directory, ``:memory:``, or an ``http(s)://`` endpoint."""
    where = resolve_location(location)
    if where.startswith(("http://", "https://")):
        from .endpoint import EndpointStore

        return EndpointStore(where, update_url=update_url)
    return OxigraphStore(where, read_only=read_only, create=create)


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


def bind_values(query: str, bindings: Mapping[str, Node] | None) -> str:
    """Bind ``bindings`` into ``query`` as a VALUES block opening the outermost WHERE group.

    Values are RDF terms serialised by the RDF library, so a value such as ``"} UNION {"`` stays
    one literal. (pyoxigraph's ``substitutions=`` needs the variable in the projection, which
    parameters like a date bound do not have.)

    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("x} UNION {")})
    'SELECT ?s WHERE { VALUES (?o) { ("x} UNION {") } ?s ?p ?o }'
    """
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not name.isidentifier():
            raise StoreError(f"invalid parameter name {name!r}")
    row = " ".join(term_text(bindings[n]) for n in names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }} "
    position = _outer_group_start(query)
    return query[:position] + " " + block + query[position:].lstrip()


def _outer_group_start(query: str) -> int:
    """Offset just after the ``{`` that opens the outermost WHERE group.

    Whole-line comments are skipped; prologue lines (PREFIX, BASE) and the SELECT clause hold no
    brace, so the first brace in code opens the outer group.
    """
    offset = 0
    # A CONSTRUCT template opens with a brace too: the group to bind into follows its WHERE.
    code = "".join(
        " " * len(line) if line.lstrip().startswith("#") else line
        for line in query.splitlines(keepends=True)
    )
    template = re.search(r"\bCONSTRUCT\s*\{", code, re.IGNORECASE)
    if template:
        where = re.search(r"\bWHERE\s*\{", code[template.end() :], re.IGNORECASE)
        if where:
            return template.end() + where.end()
    for line in query.splitlines(keepends=True):
        brace = -1 if line.lstrip().startswith("#") else line.find("{")
        if brace >= 0:
            return offset + brace + 1
        offset += len(line)
    raise StoreError("query has no WHERE group to bind parameters into")


# RocksDB holds writes in memory until it flushes them to disk: flushing every so many graphs
# keeps a load of 10^6 triples near 200 MB of memory instead of over 1 GB, for the same CPU.
FLUSH_EVERY = 256

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


def drop_graph_update(graph: URIRef, *, union: bool = True) -> str:
    """One SPARQL Update that drops a named graph (and, with ``union``, what only it stated)."""
    drop = f"DROP SILENT GRAPH {ox.NamedNode(str(graph))}"
    return f"{retract_update(graph)} ;\n{drop}" if union else drop


# -- the embedded backend ----------------------------------------------------------------------


def _open_read_only(location: str, attempts: int = 10) -> Any:
    """Open a snapshot for reading, even while another process writes.

    A read-only open sees the store as of that moment (a consistent state); it can fail while the
    writer swaps files underneath it, so it is retried briefly before giving up.
    """
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(location)
        except (OSError, RuntimeError) as exc:
            if attempt == attempts - 1:
                raise StoreError(
                    f"cannot open store at {location} for reading: another "
                    f"process is writing it; try again ({exc})"
                ) from exc
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


class OxigraphStore:
    """A pyoxigraph store: on disk at a directory (persistent, locked per writer) or in memory."""

    def __init__(self, location: str, *, read_only: bool = False, create: bool = True) -> None:
        self.location = location
        self.read_only = read_only
        try:
            if location == ":memory:":
                self._store = ox.Store()
            elif read_only:
                if not Path(location).exists():
                    raise StoreError(f"no store at {location} (run `bordergraph build` first)")
                self._store = _open_read_only(location)
            else:
                if not create and not Path(location).exists():
                    raise StoreError(f"no store at {location} (run `bordergraph build` first)")
                Path(location).parent.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(location)
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"store is locked: another bordergraph process is writing to {location}"
                ) from exc
            raise StoreError(f"cannot open store at {location}: {exc}") from exc
        self._union = self._union_ready()
        self._writes = 0

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Replace a named graph in one transaction: readers see old or new, never half.

        A graph the store does not hold yet (the usual case when loading) is added with one
        atomic ``extend``, skipping a SPARQL Update's serialise-and-parse round trip; replacing
        a stored graph, or writing blank nodes (which an update scopes to itself), goes through
        the single DROP + INSERT update.
        """
        triples = list(triples)
        name = _named_node(str(graph))
        if self._store.contains_named_graph(name) or any(
            isinstance(s, BNode) or isinstance(o, BNode) for s, _p, o in triples
        ):  # (a blank-node predicate is no RDF: it fails on either path)
            self._store.update(replace_graph_update(graph, triples))
        else:
            terms = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
            quads = [ox.Quad(s, p, o, name) for s, p, o in terms]
            # Most of what a release says about shared entities is in the union already: a
            # lookup costs less than writing it again.
            union = (ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in terms)
            self._store.extend(quads + [q for q in union if q not in self._store])
        self._writes += 1
        if self._writes % FLUSH_EVERY == 0 and self.location != ":memory:":
            self._store.flush()

    def drop_graph(self, graph: URIRef) -> None:
        self._store.update(drop_graph_update(graph))

    def _union_ready(self) -> bool:
        """Whether the default graph holds the union; a store written before it did gets it now.

        A read-only snapshot of such a store cannot be filled: its queries fall back to the
        engine's own (repeating) union.
        """
        default_graph = self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if next(default_graph, None) is not None or next(self._store.named_graphs(), None) is None:
            return True
        if self.read_only:
            return False
        self._store.update(FILL_UNION)
        return True

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def graph(self, graph: URIRef) -> Graph:
        out = Graph()
        for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))):
            out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))  # type: ignore[arg-type]
        return out

    def count(self, graph: URIRef | None = None) -> int:
        """Quads in one named graph, or in all of them (the union's copies not counted)."""
        if graph is None:
            union = self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            return len(self._store) - sum(1 for _ in union)
        name = ox.NamedNode(str(graph))
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, name))

    def _query(self, query: str, bindings: Mapping[str, Node] | None, inferred: bool) -> Any:
        options: dict[str, Any] = {}
        if inferred:
            if not self._union:
                options["use_default_graph_as_union"] = True
        else:
            from .iris import INFERRED_GRAPH

            options["default_graph"] = [
                g for g in self._store.named_graphs() if g.value != str(INFERRED_GRAPH)
            ]
        try:
            return self._store.query(bind_values(query, bindings), **options)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from exc

    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None, *, inferred: bool = True
    ) -> Rows:
        result = self._query(query, bindings, inferred)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        columns = [v.value for v in result.variables]
        rows = [tuple(from_ox(sol[c]) for c in columns) for sol in result]
        return Rows(columns, rows)

    def construct(
        self, query: str, bindings: Mapping[str, Node] | None = None, *, inferred: bool = True
    ) -> Graph:
        result = self._query(query, bindings, inferred)
        if not isinstance(result, ox.QueryTriples):
            raise StoreError("expected a CONSTRUCT or DESCRIBE query")
        out = Graph()
        for t in result:
            out.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
        return out

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return bool(self._query(query, bindings, True))

    def quads(self) -> Iterator[Quad]:
        for q in self._store.quads_for_pattern(None, None, None, None):
            if isinstance(q.graph_name, ox.NamedNode):
                yield (
                    from_ox(q.subject),
                    from_ox(q.predicate),
                    from_ox(q.object),
                    URIRef(q.graph_name.value),
                )  # type: ignore[misc]

    def close(self) -> None:
        if not self.read_only and self.location != ":memory:":
            self._store.flush()
        del self._store


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
