"""The BorderGraph facade: one object for analysts in Python, and the implementation of the CLI.

>>> bg = BorderGraph.open(":memory:")
>>> bg.build(progress=False).loaded >= 1
True
>>> bg.stats()["graphs"]["release graphs"] >= 1
True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import iris
from .from_rdf import record_from_graph
from .load import (
    FileResult,
    LoadReport,
    load_foundation,
    load_paths,
    process,
    repo_path,
    summary,
)
from .read import read_release
from .records import ReleaseRecord
from .resolve import Resolver
from .store import Store, export, open_store

DEFAULT_RELEASES = "data/releases"


class BorderGraph:
    """A knowledge graph of U.S.–Mexico border governance, backed by a store.

    Open the default store (``$BORDERGRAPH_STORE`` or ``.bordergraph/store``), a directory, an
    in-memory store (``":memory:"``) or a SPARQL endpoint URL.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(
        cls,
        location: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        update_url: str | None = None,
    ) -> BorderGraph:
        """Open (or create) the graph at ``location``.

        >>> BorderGraph.open(":memory:").store.location
        ':memory:'
        """
        return cls(open_store(location, read_only=read_only, update_url=update_url))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> BorderGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- building ---------------------------------------------------------------------------

    def build(
        self,
        releases: Iterable[str | Path] | None = None,
        *,
        progress: bool = True,
        on_file: Callable[[FileResult], None] | None = None,
    ) -> LoadReport:
        """Load the ontology, the reference data and every release (default ``data/releases``)."""
        load_foundation(self.store)
        return self.load(releases or [repo_path(DEFAULT_RELEASES)], progress=progress,
                         on_file=on_file)

    def load(
        self,
        paths: Iterable[str | Path],
        *,
        progress: bool = False,
        on_file: Callable[[FileResult], None] | None = None,
    ) -> LoadReport:
        """Add release files (or directories of them) to the graph, one named graph each.

        >>> bg = BorderGraph.open(":memory:")
        >>> bg.load([repo_path("data/releases/esc-13-plenary-2021.txt")]).loaded
        1
        """
        if iris.ONTOLOGY_GRAPH not in self.store.graph_names():
            load_foundation(self.store)
        paths = list(paths)
        if not progress:
            return load_paths(self.store, paths, on_file=on_file)
        from .load import release_files
        from .progress import file_progress

        files = list(release_files(paths))
        with file_progress(len(files), "Loading releases") as advance:

            def step(result: FileResult) -> None:
                advance(result)
                if on_file is not None:
                    on_file(result)

            return load_paths(self.store, files, on_file=step)

    def stats(self) -> dict[str, dict[str, int]]:
        """Triples per named graph and entities per class."""
        return summary(self.store)

    def export(self, fmt: str = "trig") -> str:
        """The whole graph as ``ttl``, ``trig``, ``nq`` or ``jsonld`` text."""
        return export(self.store, fmt)

    # -- one release ------------------------------------------------------------------------

    def record(self, release_id: str) -> ReleaseRecord:
        """The record a stored release states, read back from its named graph."""
        graph_iri = iris.release(release_id)
        return record_from_graph(self.store.graph(graph_iri), graph_iri)

    def _repr_html_(self) -> str:
        import html

        stats = self.stats()
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in stats["classes"].items()
        )
        where = html.escape(self.store.location)
        return f"<b>BorderGraph</b> at <code>{where}</code><table>{rows}</table>"


def extract(path: str | Path) -> ReleaseRecord:
    """Extract one release file and return its record read back from the triples it produced.

    >>> rec = extract(repo_path("data/releases/esc-13-plenary-2021.txt"))
    >>> rec.source.issued
    '2021-12-10'
    """
    from rdflib import Graph

    record, triples = process(read_release(Path(path)), Resolver())
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return record_from_graph(graph, iris.release(record.id))


def evaluate(directory: str | Path) -> Any:
    """Score every release in ``directory`` that has a ``NAME.gold.json`` beside it."""
    from .evaluate import evaluate as score_directory

    return score_directory(Path(directory), lambda p: extract(p).to_json())


def load(paths: Iterable[str | Path], store: str | None = None) -> LoadReport:
    """Load release files into the store at ``store`` (default store when None)."""
    with BorderGraph.open(store) as bg:
        return bg.load(paths)
