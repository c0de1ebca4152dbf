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

from .graph import iris
from .graph.open import open_store
from .graph.store import Store, export
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
from .records import ReleaseRecord

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
            return load_paths(self.store, paths, jobs=jobs, on_file=on_file)
        from .ingest.pipeline import release_files
        from .progress import file_progress

        files = list(release_files(paths))
        with file_progress(len(files), "Loading releases") as advance:

            def step(result: FileResult) -> None:
                advance(result)
                if on_file is not None:
                    on_file(result)

            return load_paths(self.store, files, jobs=jobs, on_file=step)

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
        from .views.network import view as build_view

        return build_view(self.store, view)

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
        return write_explorer(self.store, path, view)

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

        if queries.is_query_name(name_or_sparql):
            result = queries.run(self.store, name_or_sparql, params, inferred=inferred)
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

    def queries(self) -> Any:
        """The competency-question library: name, question and parameters of each query.

        >>> "series_span" in set(BorderGraph.open(":memory:").queries()["name"])
        True
        """
        import pandas as pd

        from .views import queries

        return pd.DataFrame(queries.describe(), columns=["name", "question", "parameters"])

    def meetings(self, series: str | None = None, since: Any = None, until: Any = None,
                 event_type: str | None = None) -> Any:
        """Events with type, series, ordinal, date, mode, location and source releases.

        >>> BorderGraph.open(":memory:").meetings(series="HLSD", since="2022").empty
        True
        """
        return self.query("meetings", series=series, since=since, until=until,
                          event_type=event_type)

    def delegation_heads(self, event: str | None = None, series: str | None = None,
                         country: str | None = None) -> Any:
        """Who led each country's delegation at each meeting, in which post and agency.

        >>> BorderGraph.open(":memory:").delegation_heads(country="US").empty
        True
        """
        return self.query("delegation_heads", event=event, series=series, country=country)

    def official(self, person: str) -> Any:
        """An official's posts and agencies, first and last seen, administrations (by name or IRI).

        >>> BorderGraph.open(":memory:").official("Nichols").empty
        True
        """
        return self.query("official_posts", person=person)

    def counterparts(self, person: str) -> Any:
        """The officials of the other country ``person`` met, and at how many events.

        >>> BorderGraph.open(":memory:").counterparts("Brian Nichols").empty
        True
        """
        return self.query("counterparts", person=person)

    def series_span(self, series: str) -> Any:
        """When a dialogue or process was established, its meetings, the administrations spanned.

        >>> BorderGraph.open(":memory:").series_span("21st Century Border Management Process").empty
        True
        """
        return self.query("series_span", series=series)

    def provenance(self, entity: str) -> Any:
        """Each fact about ``entity`` (IRI or name) with the release and sentence that state it.

        >>> BorderGraph.open(":memory:").provenance("Serena Hoy").empty
        True
        """
        return self.query("provenance", entity=entity)

    # -- end of query helper's block ----------------------------------------------------------

    # -- across time: as of a date, continuity, the timeline picture ------------------------

    def as_of(self, date: Any, *, window: int = 365, lapse_days: int = 730) -> Any:
        """The graph on ``date``: each country's administration, the mechanisms established by
        then (status, last and next sessions), officials seen in posts within ``window`` days
        and the events of that window. Four DataFrames on an ``AsOf`` (``.tables()``).

        >>> view = BorderGraph.open(":memory:").as_of("2021-12-02")
        >>> view.administrations.empty, list(view.tables())
        (True, ['administrations', 'mechanisms', 'officials', 'events'])
        """
        from .views.asof import as_of

        return as_of(self.store, date, window=window, lapse_days=lapse_days)

    def continuity(self, series: str | None = None, *, lapse_days: int = 730,
                   min_administrations: int = 2) -> Any:
        """Continuity of each mechanism (or of ``series``) across administrations: sessions per
        administration of each country, gaps over ``lapse_days`` (lapses) and the relaunches
        after them, the span against the counts releases state, officials seen across
        administrations with their posts. DataFrames on a ``Continuity`` (``.tables()``).

        >>> c = BorderGraph.open(":memory:").continuity()
        >>> list(c.tables())
        ['summary', 'by_administration', 'gaps', 'sessions', 'officials']
        """
        from .views.continuity import continuity

        return continuity(self.store, series, lapse_days=lapse_days,
                          min_administrations=min_administrations)

    def timeline(self, path: str | Path, *, lapse_days: int = 730) -> list[Path]:
        """Draw the mechanisms against the administrations of both countries; write ``path``
        as SVG and PNG (``x.svg`` also writes ``x.png`` and the other way round). Returns both.

        >>> import tempfile, os
        >>> outs = BorderGraph.open(":memory:").timeline(os.path.join(tempfile.mkdtemp(), "t.svg"))
        >>> [p.suffix for p in outs]
        ['.svg', '.png']
        """
        from .views.timeline import write_timeline

        return write_timeline(self.store, path, lapse_days=lapse_days)


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
    from .quality.scoring import evaluate as score_directory

    return score_directory(Path(directory), lambda p: extract(p).to_json())


def load(paths: Iterable[str | Path], store: str | None = None) -> LoadReport:
    """Load release files into the store at ``store`` (default store when None)."""
    with BorderGraph.open(store) as bg:
        return bg.load(paths)
