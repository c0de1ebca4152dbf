"""The embedded backend: a pyoxigraph store on disk (one writer, many readers) or in memory.

It keeps the default graph as the deduplicated union of the named graphs on every write (see
:mod:`.store` for why); open it with :func:`~bordergraph.graph.open.open_store`.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from .binding import bind_values
from .store import (
    Quad,
    Rows,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    Triple,
    _named_node,
    from_ox,
    to_ox,
)
from .updates import (
    FILL_UNION,
    delete_from_union_update,
    drop_graph_update,
    replace_graph_update,
)

# RocksDB holds writes in memory until it flushes them to disk: flushing every so many graphs
# keeps a load of 10^6 triples near 200 MB of memory instead of over 1 GB, for the same CPU.
FLUSH_EVERY = 256


def _open_read_only(location: str, attempts: int = 10) -> Any:
    """Open a snapshot for reading, even while another process writes.

    A read-only open sees the store as of that moment (a consistent state); it can fail while the
    writer swaps files underneath it, so it is retried briefly before giving up.
    """
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(location)
        except (OSError, RuntimeError) as exc:
            if attempt == attempts - 1 or not _writer_holds(location):
                if not _writer_holds(location):
                    raise _corrupt(location, exc) from exc
                raise StoreError(
                    f"cannot open store at {location} for reading: another "
                    f"process is writing it; try again ({_one_line(exc)})"
                ) from exc
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


def _writer_holds(location: str) -> bool:
    """Whether a process holds the store's write lock (RocksDB's POSIX lock on ``LOCK``).

    Read from ``/proc/locks``, never by taking the lock: a probe could make a starting writer
    fail, and closing any descriptor of ``LOCK`` drops this process's own lock on it.
    """
    try:
        info = os.stat(Path(location) / "LOCK")
        table = Path("/proc/locks").read_text()
    except FileNotFoundError:
        return False  # no LOCK file: nobody has opened it for writing
    except OSError:
        return True  # cannot tell: say busy, as before
    for line in table.splitlines():
        for token in line.split():
            parts = token.split(":")
            if len(parts) == 3 and parts[2].isdigit() and int(parts[2]) == info.st_ino:
                try:
                    major, minor = int(parts[0], 16), int(parts[1], 16)
                except ValueError:
                    continue
                if (major, minor) == (os.major(info.st_dev), os.minor(info.st_dev)):
                    return True
    return False


def _corrupt(location: str, exc: BaseException) -> StoreError:
    """The error for a store that fails to open while no process writes it."""
    return StoreCorruptError(
        f"store at {location} is corrupt, not locked (no process is writing it): "
        f"{_one_line(exc).rstrip('.')}. Restore it from a copy, or move it aside and rebuild "
        f"it with `bordergraph build --store {location}`"
    )


def _write_error(location: str, exc: BaseException) -> StoreError:
    return StoreError(f"cannot write to the store at {location}: {_one_line(exc)}")


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
        except (OSError, RuntimeError) as exc:
            if "lock" in str(exc).lower() or _writer_holds(location):
                raise StoreLockedError(
                    f"store is locked: another bordergraph process is writing to {location}"
                ) from exc
            if "corrupt" in str(exc).lower() or isinstance(exc, RuntimeError):
                raise _corrupt(location, exc) from exc
            raise StoreError(f"cannot open store at {location}: {_one_line(exc)}") from exc
        self._union = self._union_ready()
        self._writes = 0

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Replace a named graph in one transaction: readers see old or new, never half.

        A graph the store does not hold yet (the usual case when loading) is added with one
        atomic ``extend``, skipping a SPARQL Update's serialise-and-parse round trip; replacing
        a stored graph, or writing blank nodes (which an update scopes to itself), goes through
        the single DROP + INSERT update.
        """
        try:
            self._replace(graph, list(triples))
        except OSError as exc:  # disk full, I/O error: one line naming the store
            raise _write_error(self.location, exc) from exc

    def _replace(self, graph: URIRef, triples: list[Triple]) -> None:
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
            # The graph is written (its transaction is in the write-ahead log): a failed flush
            # is the store's problem, not this release's, and close() reports it.
            with contextlib.suppress(OSError):
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

    def update(self, update: str) -> None:
        """Run one SPARQL Update (one transaction), as :class:`EndpointStore` does."""
        if self.read_only:
            raise StoreError("the store is open read-only; updates need a writable store")
        try:
            self._store.update(update)
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"update failed: {exc}") from exc

    def retract_from_union(self, triples: Iterable[Triple]) -> None:
        """Take ``triples`` out of the default graph only (the named graphs keep them)."""
        self.update(delete_from_union_update(triples))

    def close(self) -> None:
        try:
            if not self.read_only and self.location != ":memory:":
                self._store.flush()
        except OSError as exc:
            raise _write_error(self.location, exc) from exc
        finally:
            del self._store
