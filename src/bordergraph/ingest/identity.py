"""Which named graph a release file goes to: two different files never share one.

A release's graph is ``…/release/NAME``. NAME is the slug of the file's stem
(``esc-13-plenary-2021``) unless another file already holds that name — a file of the same stem
in another folder (``a/release.txt``, ``b/release.txt``), with another extension (``r.txt``,
``r.html``) or whose stem has no letters a slug keeps (``公告.txt``, ``通知.txt``: both
``unnamed``) — and then it is the slug followed by the first 8 hex digits of the file's SHA-256
(``release-3fa2b1c4``). Each release graph records the file it came from (``bg:sourcePath``, the
absolute path with symbolic links resolved), so:

- reloading the same file finds its graph again, whatever its name turned out to be;
- a file with the text of a stored release is a ``duplicate`` of it while the stored release's
  file still exists, and ``renamed`` (the graph is kept, now pointing at the new path) when that
  file is gone: a renamed or moved file keeps its release;
- a store written before ``bg:sourcePath`` existed is migrated as it is reloaded: a graph without
  a source path is adopted by the first file of its name and file name (``bg:fileName``), and
  from then on it has one.

>>> ids = ReleaseIds({})
>>> str(ids.claim("a/release.txt", "a" * 64).graph).rsplit("/", 1)[-1]
'release'
>>> str(ids.claim("b/release.txt", "b" * 64).graph).rsplit("/", 1)[-1]
'release-bbbbbbbb'
>>> ids.claim("a/release.txt", "c" * 64).graph == ids.claim("a/release.txt", "c" * 64).graph
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from ..graph import iris
from ..graph.store import Store

QUERY = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
SELECT ?r ?h ?src ?file WHERE { GRAPH ?r { ?r a bg:Release ; bg:sha256 ?h .
  OPTIONAL { ?r bg:sourcePath ?src } OPTIONAL { ?r bg:fileName ?file } } }"""


@dataclass
class Stored:
    """What the store knows of one release graph."""

    sha256: str
    source: str | None  # None: written before bg:sourcePath (migrated on reload)
    file_name: str | None = None


@dataclass(frozen=True)
class Claim:
    """A file's graph, and how the file relates to what is stored."""

    graph: URIRef
    source: str
    status: str = "new"  # new, same (this file's graph), renamed, duplicate
    note: str = ""
    previous: Stored | None = None  # what the store knew of the graph before this claim


def source_key(path: str | Path) -> str:
    """The identity of a file: its absolute path, symbolic links resolved."""
    return os.path.realpath(path)


class ReleaseIds:
    """The release graphs of a store and the files they came from; claims names for new files."""

    def __init__(self, stored: dict[URIRef, Stored]) -> None:
        self.stored = dict(stored)
        self.by_source = {s.source: g for g, s in self.stored.items() if s.source}
        self.by_hash = {s.sha256: g for g, s in self.stored.items()}

    @classmethod
    def of(cls, store: Store) -> ReleaseIds:
        stored: dict[URIRef, Stored] = {}
        for r, h, src, name in store.select(QUERY).rows:
            if isinstance(r, URIRef) and h is not None:
                stored[r] = Stored(str(h), str(src) if src else None, str(name) if name else None)
        return cls(stored)

    def claim(self, path: str | Path, sha256: str) -> Claim:
        """The graph for the file at ``path`` with text digest ``sha256``; remembered at once."""
        key = source_key(path)
        mine = self.by_source.get(key)
        earlier = self.by_hash.get(sha256)
        if earlier is not None and earlier != mine:
            held = self.stored[earlier]
            other = held.source
            if other is None:  # stored before bg:sourcePath: the file of its name adopts it
                if mine is None and held.file_name in (None, Path(path).name):
                    return self._take(earlier, key, sha256, path, "same")
                return Claim(earlier, key, "duplicate", f"same text as {earlier}")
            if other != key and os.path.exists(other):
                return Claim(earlier, key, "duplicate", f"same text as {earlier} ({other})")
            if mine is None:  # the stored release's file is gone: this is it, renamed or moved
                was = f" (was {other})" if other else ""
                return self._take(earlier, key, sha256, path, "renamed",
                                  f"renamed: keeps {earlier}{was}")
        if mine is not None:
            return self._take(mine, key, sha256, path, "same")
        graph = self._free_name(iris.release_name(path), sha256, Path(path).name)
        return self._take(graph, key, sha256, path, "new")

    def forget(self, claim: Claim) -> None:
        """Undo a claim whose release could not be stored."""
        if claim.status == "duplicate" or self.by_source.get(claim.source) != claim.graph:
            return
        current = self.stored.pop(claim.graph)
        del self.by_source[claim.source]
        if self.by_hash.get(current.sha256) == claim.graph:
            del self.by_hash[current.sha256]
        if claim.previous is not None:
            self._remember(claim.graph, claim.previous)

    def _take(self, graph: URIRef, key: str, sha256: str, path: str | Path, status: str,
              note: str = "") -> Claim:
        previous = self.stored.get(graph)
        self._remember(graph, Stored(sha256, key, Path(path).name))
        return Claim(graph, key, status, note, previous)

    def _free_name(self, base: str, sha256: str, file_name: str) -> URIRef:
        plain = iris.release(base)
        held = self.stored.get(plain)
        if held is None or (held.source is None and held.file_name in (None, file_name)):
            return plain  # free, or a graph from before bg:sourcePath: adopted (migration)
        for digits in (8, 12, 16, 64):
            graph = iris.release(f"{base[: 80 - digits - 1]}-{sha256[:digits]}")
            if graph not in self.stored:
                return graph
        raise ValueError(f"no free release name for {base}")  # same digest: a duplicate

    def _remember(self, graph: URIRef, new: Stored) -> None:
        old = self.stored.get(graph)
        if old is not None and old.source and self.by_source.get(old.source) == graph:
            del self.by_source[old.source]
        if old is not None and self.by_hash.get(old.sha256) == graph:
            del self.by_hash[old.sha256]
        self.stored[graph] = new
        if new.source:
            self.by_source[new.source] = graph
        self.by_hash[new.sha256] = graph


__all__ = ["Claim", "ReleaseIds", "source_key"]
