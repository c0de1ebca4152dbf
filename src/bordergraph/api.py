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
from typing import TYPE_CHECKING, Any

from .graph import iris
from .graph.open import open_store
from .graph.store import Store, export, resolve_location
from .ingest.consolidate import consolidate
from .ingest.from_rdf import record_from_graph
from .ingest.pipeline import (
    FileResult,
    LoadReport,
    load_foundation,
    load_paths,
    process,
    repo_path,
    summary,
)
from .ingest.read import read_release
from .ingest.resolve import Resolver
from .questions import Questions
from .records import ReleaseRecord

if TYPE_CHECKING:  # scoring (and rapidfuzz) load only when something is evaluated
    from .quality.scoring import Report

DEFAULT_RELEASES = "data/releases"
# Store directories open in this process: resolved path -> [store, number of open graphs].
_SHARED: dict[str, list[Any]] = {}


class BorderGraph(Questions):
    """A knowledge graph of U.S.–Mexico border governance, backed by a store.

    Open the default store (``$BORDERGRAPH_STORE`` or ``.bordergraph/store``), a directory, an
    in-memory store (``":memory:"``) or a SPARQL endpoint URL.
    """

    def __init__(self, store: Store, *, lang: str | None = None) -> None:
        from .views.language import check_language

        self.store = store
        self.lang = check_language(lang)  # labels in answers: "en" or "es", else the other
        self._shared_key: str | None = None

    @classmethod
    def open(
        cls,
        location: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        update_url: str | None = None,
        lang: str | None = None,
    ) -> BorderGraph:
        """Open (or create) the graph at ``location``; labels in ``lang`` (``en``/``es``).

        One store directory is opened once per process and shared by every ``BorderGraph``
        open on it (an embedded store has one writer), so ``bordergraph.load([...])`` works
        beside an open graph; the store closes when the last of them does.

        >>> bg = BorderGraph.open(":memory:", lang="es")
        >>> bg.store.location, bg.lang
        (':memory:', 'es')
        """
        where = resolve_location(location)
        if where == ":memory:" or where.startswith(("http://", "https://")):
            return cls(open_store(where, read_only=read_only, update_url=update_url), lang=lang)
        key = str(Path(where).resolve())
        entry = _SHARED.get(key)
        if entry is not None and (read_only or not entry[0].read_only):
            entry[1] += 1
            graph = cls(entry[0], lang=lang)
            graph._shared_key = key
            return graph
        graph = cls(open_store(where, read_only=read_only, update_url=update_url), lang=lang)
        if entry is None:  # the first open of this directory in the process is the shared one
            _SHARED[key] = [graph.store, 1]
            graph._shared_key = key
        return graph

    def close(self) -> None:
        """Close the graph (the store itself when no other open graph of this process uses it)."""
        key, self._shared_key = self._shared_key, None
        entry = _SHARED.get(key) if key else None
        if key and entry is not None and entry[0] is self.store:
            entry[1] -= 1
            if entry[1] > 0:
                return
            del _SHARED[key]
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
        jobs: int = 1,
        on_file: Callable[[FileResult], None] | None = None,
    ) -> LoadReport:
        """Add release files (or directories of them) to the graph, one named graph each.

        ``jobs`` > 1 reads and extracts in that many processes (same triples either way).

        >>> bg = BorderGraph.open(":memory:")
        >>> bg.load([repo_path("data/releases/esc-13-plenary-2021.txt")]).loaded
        1
        """
        if iris.ONTOLOGY_GRAPH not in self.store.graph_names():
            load_foundation(self.store)
        paths = list(paths)
        if not progress:
            report = load_paths(self.store, paths, jobs=jobs, on_file=on_file)
        else:
            from .ingest.pipeline import walk
            from .progress import file_progress

            files, skipped = walk(paths)
            with file_progress(len(files), "Loading releases") as advance:

                def step(result: FileResult) -> None:
                    advance(result)
                    if on_file is not None:
                        on_file(result)

                report = load_paths(self.store, files, jobs=jobs, on_file=step)
                report.skipped = skipped
        if report.written:
            # One date, one preferred label per language per event, for the events the written
            # graphs state now or stated before. ("unchanged" too: its graph was written again,
            # and with it the union that consolidation prunes.)
            consolidate(self.store, report.written, report.replaced_events)
        return report

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

    # -- networkx views and the explorer (network helper's block) ---------------------------

    def to_networkx(self, view: str = "officials") -> Any:
        """A networkx graph of a named view: officials, participation, institutions, lineage, full.

        >>> bg = BorderGraph.open(":memory:")
        >>> bg.to_networkx("officials").number_of_nodes()
        0
        """
        from .views.network import Catalog
        from .views.network import view as build_view

        return build_view(self.store, view, catalog=Catalog(self.store, self.lang))

    def explore(self, path: str | Path | None = None, view: str = "participation") -> Path:
        """Write the offline HTML explorer of ``view``; returns its path.

        With ``path=None`` it goes next to the store (``<store dir>/../explorer.html``), or to
        ``./explorer.html`` for an in-memory store or an endpoint.

        >>> import tempfile, os
        >>> out = BorderGraph.open(":memory:").explore(os.path.join(tempfile.mkdtemp(), "e.html"))
        >>> out.name
        'e.html'
        """
        from .views.explorer import write_explorer

        if path is None:
            where = Path(self.store.location)
            stored_on_disk = self.store.location != ":memory:" and where.is_dir()
            path = (where.parent if stored_on_disk else Path.cwd()) / "explorer.html"
        return write_explorer(self.store, path, view, lang=self.lang)

    # -- end of network helper's block --------------------------------------------------------

    # -- competency questions: queries/*.rq as DataFrames (query helper's block) ------------

    def query(self, name_or_sparql: str, *, inferred: bool = True, **params: Any) -> Any:
        """Run a library query by name (see ``queries/``) or a SPARQL SELECT; a pandas DataFrame.

        Parameters are bound as RDF terms (never pasted into the text): entities by IRI or name,
        countries by ISO code, dates as ``"2021-12-02"`` or ``datetime.date``. Full dates come
        back as ``datetime.date``, year-months and years as strings.

        >>> bg = BorderGraph.open(":memory:")
        >>> list(bg.query("delegation_heads", country="MX").columns)[:4]
        ['event', 'event_label', 'date', 'country_code']
        >>> bg.query("SELECT ?s WHERE { ?s ?p ?o }").empty
        True
        """
        from .views import queries
        from .views.language import in_language

        if queries.is_query_name(name_or_sparql):
            from .views.lookup import check_codes

            check_codes(name_or_sparql, params)
            chosen = in_language(queries.get(name_or_sparql), self.lang)
            result = queries.run(self.store, chosen, params, inferred=inferred)
            if result.notes:  # a name that matched nothing: an empty answer, and why
                import warnings

                from .views.lookup import no_match_message

                for p in chosen.params:
                    value = params.get(p.name)
                    if p.type in queries.ENTITY_CLASSES and isinstance(value, str) and \
                            not queries.find_entities(self.store, value, p.type):
                        warnings.warn(f"{p.name}: " + no_match_message(self.store, value, p.type),
                                      stacklevel=2)
        else:
            rows = queries.run_sparql(self.store, name_or_sparql, params, inferred=inferred)
            if not hasattr(rows, "columns"):
                raise queries.QueryError("query() takes SELECT queries; use sparql() for others")
            result = queries.Result(rows.columns, rows.rows)
        return queries.to_frame(result)

    def sparql(self, text: str, *, inferred: bool = True, **params: Any) -> Any:
        """Any SPARQL: SELECT gives a DataFrame, CONSTRUCT/DESCRIBE an rdflib Graph, ASK a bool.

        >>> BorderGraph.open(":memory:").sparql("ASK { ?s ?p ?o }")
        False
        """
        from .views import queries

        answer = queries.run_sparql(self.store, text, params, inferred=inferred)
        if hasattr(answer, "columns") and hasattr(answer, "rows"):
            return queries.to_frame(queries.Result(answer.columns, answer.rows))
        return answer

    def show(self, name: str) -> Any:
        """One entity's page (an IRI or a name): types, names, posts, events, outcomes,
        counterparts and every source sentence; "did you mean" when no name matches.

        >>> page = BorderGraph.open(":memory:").show("Nikols")
        Traceback (most recent call last):
        ...
        bordergraph.views.catalog.ParameterError: no entity matches 'Nikols'
        """
        from .views.entity import entity_page

        return entity_page(self.store, name, self.lang)

    def queries(self) -> Any:
        """The competency-question library: name, question and parameters of each query.

        >>> "series_span" in set(BorderGraph.open(":memory:").queries()["name"])
        True
        """
        import pandas as pd

        from .views import queries

        return pd.DataFrame(queries.describe(), columns=["name", "question", "parameters"])


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


def evaluate(directory: str | Path) -> Report:
    """Extract every release in ``directory`` that has a ``NAME.gold.json`` beside it and score
    it against that gold file (GOLD_SCHEMA.md's rules): a
    :class:`~bordergraph.quality.scoring.Report`.

    ``report.table()`` gives P/R/F1 per category and micro, ``report.by_language()`` one report
    per language, and ``report.diff()`` every missed and every spurious fact as a DataFrame
    (release, language, category, kind, error, subject, gold, predicted), the same rows
    ``bordergraph evaluate DIR --diff`` prints.

    >>> import shutil, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("esc-13-plenary-2021.txt", "esc-13-plenary-2021.gold.json"):
    ...     _ = shutil.copy(repo_path("data/releases") / name, folder)
    >>> report = evaluate(folder)
    >>> report.table()[-1].category, report.table()[-1].f1 > 0.9
    ('micro', True)
    >>> diff = report.diff()
    >>> len(diff) == report.total.micro.fp + report.total.micro.fn
    True
    >>> shutil.rmtree(folder)
    """
    from .quality.scoring import evaluate as score_directory

    return score_directory(Path(directory), lambda p: extract(p).to_json())


def load(paths: Iterable[str | Path], store: str | None = None) -> LoadReport:
    """Load release files into the store at ``store`` (default store when None)."""
    with BorderGraph.open(store) as bg:
        return bg.load(paths)
