"""The graph on a SPARQL 1.1 server: the Store protocol spoken over HTTP (standard library only).

Queries go to the query endpoint, writes to the update endpoint (or the Graph Store Protocol
endpoint), both derived from the query URL for the servers we know:

============  ==========================  ======================  =========================
server        query URL                   update URL              graph store URL
============  ==========================  ======================  =========================
Oxigraph      ``http://h:7878/query``     ``/update``             ``/store``
Fuseki        ``http://h:3030/ds/query``  ``/ds/update``          ``/ds/data``
Virtuoso      ``http://h:8890/sparql``    ``/sparql``             ``/sparql-graph-crud``
============  ==========================  ======================  =========================

Every query sees the union of bordergraph's named graphs as its default graph, the way the
embedded store does: on Oxigraph and Fuseki each write keeps the server's default graph the
deduplicated union (as the embedded store does); on Virtuoso, whose default graph is the union
of all its graphs, each write keeps the named graph ``urn:bordergraph:union`` so and queries
name it as their default graph; elsewhere the request lists the graphs as
``default-graph-uri`` (and ``named-graph-uri``) parameters, which works on any SPARQL 1.1
server and also leaves the ``inferred`` graph out when asked.

>>> EndpointStore("http://127.0.0.1:7878/query").update_url
'http://127.0.0.1:7878/update'
>>> EndpointStore("http://127.0.0.1:3030/ds/sparql").graph_store_url
'http://127.0.0.1:3030/ds/data'
"""

from __future__ import annotations

import contextlib
import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from . import iris
from .binding import bind_values
from .results import parse_graph, parse_select, result_rows
from .store import Quad, Rows, StoreError, Triple, to_ox
from .updates import (
    STAGING,
    UNION_GRAPH,
    delete_from_union_update,
    drop_graph_update,
    fill_union_update,
    replace_graph_update,
    swap_update,
)

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
DEFAULT_TIMEOUT = 120.0
# Virtuoso 7.2's SPARQL compiler runs out of memory on an INSERT DATA of about 5,000 triples.
VIRTUOSO_UPDATE_LIMIT = 2000
# Graph names: distinct first, then the (costly per row) string filter. Oxigraph answers an empty
# GRAPH pattern from its graph list; Virtuoso needs a triple pattern to bind ?g.
GRAPHS_QUERY = (
    "SELECT ?g WHERE {{ {{ SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {pattern} }} }} }} "
    f'FILTER(STRSTARTS(STR(?g), "{iris.BASE}")) }}}}'
)
UNION_MODES = ("auto", "default", "graph", "param", "server", "list")


def derive_urls(query_url: str) -> tuple[str, str | None, str | None]:
    """The server kind, update URL and Graph Store Protocol URL for a known server's query URL.

    >>> derive_urls("http://localhost:3030/ds/query")
    ('fuseki', 'http://localhost:3030/ds/update', 'http://localhost:3030/ds/data')
    >>> derive_urls("http://localhost:8890/sparql")
    ('virtuoso', 'http://localhost:8890/sparql', 'http://localhost:8890/sparql-graph-crud')
    >>> derive_urls("https://example.org/some/endpoint")
    ('unknown', None, None)
    """
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path.rstrip("/")

    def at(new_path: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))

    head, _, last = path.rpartition("/")
    if path in ("", "/query"):  # Oxigraph serves /query, /update and /store at the root
        return "oxigraph", at("/update"), at("/store")
    if path == "/sparql":  # Virtuoso takes updates on its query endpoint
        return "virtuoso", at("/sparql"), at("/sparql-graph-crud")
    if head and last in ("query", "sparql"):  # Fuseki: one dataset per path prefix
        return "fuseki", at(f"{head}/update"), at(f"{head}/data")
    return "unknown", None, None


class EndpointStore:
    """A bordergraph store on a SPARQL 1.1 server (query, update and graph store protocols).

    ``update_url`` overrides the derived update endpoint. Options may also ride on the URL's
    fragment, which servers never see, so they pass through ``--store`` and
    ``BORDERGRAPH_STORE``: ``http://h:3030/ds/query#union=server&write=gsp&timeout=300``.

    ``write`` chooses how a graph is replaced: ``"update"`` (one ``DROP SILENT GRAPH; INSERT
    DATA`` request), ``"gsp"`` (one Graph Store Protocol PUT) or ``"auto"``: an update, except
    on Virtuoso for graphs too big for its SPARQL parser (it fails near 5,000 triples) or with
    blank nodes (it refuses them in INSERT DATA), which go by PUT. Oxigraph and Fuseki run one
    request as one transaction (docs/endpoints.md has what Virtuoso does).

    ``union`` chooses how a query sees the union of the named graphs: ``"default"`` keeps the
    server's default graph the deduplicated union on every write and queries it (each triple
    once, like the embedded store), ``"graph"`` keeps the named graph ``urn:bordergraph:union``
    so and names it as each query's default graph (Virtuoso), ``"list"`` names every graph as
    a ``default-graph-uri`` (pure SPARQL 1.1 protocol, slow with thousands of graphs),
    ``"param"`` sends Oxigraph's
    ``union-default-graph`` parameter, ``"server"`` relies on the server's own default graph
    being the union (Fuseki with ``unionDefaultGraph``, Virtuoso). ``"auto"``: default on
    Oxigraph and Fuseki, graph on Virtuoso, list elsewhere. The last three repeat a triple once
    per graph that states it, and leave events unconsolidated (``ingest/consolidate.py``).
    """

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        write: str | None = None,
        union: str | None = None,
        timeout: float | None = None,
    ) -> None:
        base, _, fragment = url.partition("#")
        options = dict(urllib.parse.parse_qsl(fragment))
        has_path = urllib.parse.urlsplit(base).path.strip("/")
        query_url = base if has_path else base.rstrip("/") + "/query"
        self.kind, derived_update, derived_gsp = derive_urls(query_url)
        self.location = url
        self.query_url = query_url
        self.update_url = update_url or options.get("update") or derived_update
        self.graph_store_url = graph_store_url or options.get("gsp") or derived_gsp
        self.write = write or options.get("write", "auto")
        if self.write not in ("auto", "update", "gsp"):
            raise StoreError(f"unknown write method {self.write!r}; use auto, update or gsp")
        self.union = union or options.get("union", "auto")
        if self.union not in UNION_MODES:
            raise StoreError(f"unknown union mode {self.union!r}; use one of {UNION_MODES}")
        if self.union == "auto":
            self.union = {"oxigraph": "default", "fuseki": "default",
                          "virtuoso": "graph"}.get(self.kind, "list")
        self._union_filled: bool | None = None  # checked once, at the first query or write
        try:
            self.timeout = float(timeout or options.get("timeout", DEFAULT_TIMEOUT))
        except ValueError as exc:
            raise StoreError(f"timeout must be a number of seconds: {exc}") from exc

    @property
    def keeps_union(self) -> bool:
        """Whether writes keep a deduplicated union that consolidation may prune."""
        return self.union in ("default", "graph")

    @property
    def union_graph(self) -> URIRef | None:
        """The named graph kept as the union (``union=graph``); None: the default graph."""
        return UNION_GRAPH if self.union == "graph" else None

    # -- HTTP ---------------------------------------------------------------------------------

    def _request(
        self, url: str, *, data: bytes | None, content_type: str | None = None,
        accept: str | None = None, method: str = "POST",
    ) -> tuple[str, bytes]:
        """One HTTP exchange; every failure becomes a one-line StoreError naming the URL."""
        headers = {"User-Agent": "bordergraph"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        where = url.split("?", 1)[0]
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(2000).decode("utf-8", "replace").split())
            detail = detail if len(detail) <= 240 else detail[:240] + " …"
            raise StoreError(
                f"SPARQL endpoint {where} answered HTTP {exc.code} {exc.reason}"
                + (f": {detail}" if detail else "")
            ) from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise StoreError(
                    f"SPARQL endpoint {where} did not answer within {self.timeout:g}s"
                ) from exc
            text = getattr(reason, "strerror", None) or str(reason)
            raise StoreError(f"cannot reach SPARQL endpoint {where}: {text}") from exc
        except TimeoutError as exc:
            raise StoreError(
                f"SPARQL endpoint {where} did not answer within {self.timeout:g}s"
            ) from exc
        except (ConnectionError, OSError) as exc:
            raise StoreError(f"SPARQL endpoint {where} failed: {exc}") from exc

    def _need_update_url(self) -> str:
        if not self.update_url:
            raise StoreError(
                f"cannot derive the SPARQL Update URL for {self.query_url}; pass --update-url"
            )
        return self.update_url

    def update(self, update: str) -> None:
        """Run one SPARQL Update request (one transaction on the server)."""
        self._request(
            self._need_update_url(), data=update.encode("utf-8"),
            content_type="application/sparql-update",
        )

    def _query(
        self, query: str, accept: str, *, dataset: list[URIRef] | None = None,
        named: list[URIRef] | None = None, union_param: bool = False,
    ) -> tuple[str, bytes]:
        # POST with a form body: the graph lists can be far longer than a URL may be.
        fields: list[tuple[str, str]] = [("query", query)]
        fields += [("default-graph-uri", str(g)) for g in dataset or []]
        fields += [("named-graph-uri", str(g)) for g in named or []]
        if union_param:
            fields.append(("union-default-graph", ""))
        return self._request(
            self.query_url, data=urllib.parse.urlencode(fields).encode("utf-8"),
            content_type="application/x-www-form-urlencoded", accept=accept,
        )

    def _dataset_query(
        self, query: str, bindings: Mapping[str, Node] | None, inferred: bool, accept: str
    ) -> tuple[str, bytes]:
        text = bind_values(query, bindings)
        # Leaving the inferred graph out needs a graph list, unless there is no inferred graph.
        union = self.union
        if self.keeps_union and not self._union_ready():  # written before the union was kept
            union = {"oxigraph": "param", "virtuoso": "server"}.get(self.kind, "list")
        listing = union == "list" or (not inferred and self._has_inferred())
        if not listing and union != "graph":
            return self._query(text, accept, union_param=union == "param")
        named = self.graph_names()
        if not listing:  # the union graph as the default graph, only our graphs as named ones
            return self._query(text, accept, dataset=[UNION_GRAPH], named=named or [UNION_GRAPH])
        dataset = named if inferred else [g for g in named if g != iris.INFERRED_GRAPH]
        if not dataset:
            # An empty list would mean "the server's default dataset": query an empty graph.
            dataset = [URIRef(iris.GRAPH + "empty")]
        return self._query(text, accept, dataset=dataset, named=named or dataset)

    def _union_ready(self, *, fill: bool = False) -> bool:
        """Whether the default graph holds the union (or there is nothing); ``fill`` makes it so."""
        if self._union_filled is None:
            union = [self.union_graph] if self.union_graph else None
            ask = self._query("ASK { ?s ?p ?o }", RESULTS_JSON, dataset=union)[1]
            has_default = json.loads(ask)
            self._union_filled = bool(has_default.get("boolean")) or not self.graph_names()
        if fill and not self._union_filled:
            self.update(fill_union_update(self.union_graph))
            self._union_filled = True
        return self._union_filled

    def _has_inferred(self) -> bool:
        ask = f"ASK {{ GRAPH {ox.NamedNode(str(iris.INFERRED_GRAPH))} {{ ?s ?p ?o }} }}"
        return bool(json.loads(self._query(ask, RESULTS_JSON)[1]).get("boolean"))

    # -- writes -------------------------------------------------------------------------------

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Replace a named graph in one request: the server has the old graph or the new one."""
        triples = list(triples)
        union = self.keeps_union and self._union_ready(fill=True)
        # Virtuoso rejects big INSERT DATA requests and blank nodes in them ("SP031"): PUT those.
        # (A kept union graph takes each triple a second time in the same INSERT DATA.)
        unfit = self.kind == "virtuoso" and (
            len(triples) * (2 if union else 1) > VIRTUOSO_UPDATE_LIMIT
            or any(isinstance(term, BNode) for triple in triples for term in triple)
        )
        if self.write == "update" or (self.write == "auto" and not unfit):
            self.update(replace_graph_update(
                graph, triples, union=union, union_graph=self.union_graph))
            return
        if not self.graph_store_url:
            raise StoreError(f"no Graph Store Protocol URL known for {self.query_url}")
        data = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
        body = ox.serialize(data, format=ox.RdfFormat.N_TRIPLES) or b""
        # Write, then swap: the PUT fills a staging graph outside bordergraph's graphs, then one
        # update moves it in place (and keeps the union). A failed PUT changes nothing queries
        # see; a failed swap is one request, atomic on Oxigraph and Fuseki (docs/endpoints.md).
        staging = URIRef(f"{STAGING}{uuid.uuid4().hex}")
        param = "graph-uri" if self.kind == "virtuoso" else "graph"
        target = f"{self.graph_store_url}?{urllib.parse.urlencode({param: str(staging)})}"
        try:
            self._request(target, data=body, content_type=N_TRIPLES, method="PUT")
            self.update(swap_update(staging, graph, union=union,
                                    union_graph=self.union_graph))
        except StoreError:
            with contextlib.suppress(StoreError):
                self.update(f"DROP SILENT GRAPH {ox.NamedNode(str(staging))}")
            raise

    def drop_graph(self, graph: URIRef) -> None:
        union = self.keeps_union and self._union_ready(fill=True)
        self.update(drop_graph_update(graph, union=union, union_graph=self.union_graph))

    def refill_union(self) -> None:
        """Make the kept union the named graphs' union again (after a user's own update)."""
        if self.keeps_union:
            target = ox.NamedNode(str(self.union_graph)) if self.union_graph else "DEFAULT"
            target = f"GRAPH {target}" if self.union_graph else target
            self.update(f"DROP SILENT {target} ;\n{fill_union_update(self.union_graph)}")
            self._union_filled = True

    def retract_from_union(self, triples: Iterable[Triple]) -> None:
        """Take ``triples`` out of the kept union only (the named graphs keep them)."""
        if self.keeps_union and self._union_ready(fill=True):
            self.update(delete_from_union_update(triples, self.union_graph))

    # -- reads --------------------------------------------------------------------------------

    def graph_names(self) -> list[URIRef]:
        """bordergraph's named graphs on the server (a shared server may hold others: skipped)."""
        pattern = "" if self.kind == "oxigraph" else "?s ?p ?o"
        _type, body = self._query(GRAPHS_QUERY.format(pattern=pattern), RESULTS_JSON)
        return sorted(
            g for (g,) in parse_select(body).rows if isinstance(g, URIRef)
        )

    def graph(self, graph: URIRef) -> Graph:
        name = ox.NamedNode(str(graph))
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}"
        return parse_graph(*self._query(query, N_TRIPLES))

    def count(self, graph: URIRef | None = None) -> int:
        if graph is None:
            where = f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{iris.BASE}"))'
        else:
            where = f"GRAPH {ox.NamedNode(str(graph))} {{ ?s ?p ?o }}"
        _type, body = self._query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", RESULTS_JSON)
        rows = parse_select(body).rows
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0  # type: ignore[arg-type]

    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None, *, inferred: bool = True
    ) -> Rows:
        _type, body = self._dataset_query(query, bindings, inferred, RESULTS_JSON)
        result = json.loads(body)
        if "boolean" in result:
            raise StoreError("expected a SELECT query")
        return result_rows(result)

    def construct(
        self, query: str, bindings: Mapping[str, Node] | None = None, *, inferred: bool = True
    ) -> Graph:
        content_type, body = self._dataset_query(
            query, bindings, inferred, f"{N_TRIPLES}, text/turtle;q=0.8"
        )
        return parse_graph(content_type, body)

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        _type, body = self._dataset_query(query, bindings, True, RESULTS_JSON)
        result = json.loads(body)
        if "boolean" not in result:
            raise StoreError("expected an ASK query")
        return bool(result["boolean"])

    def quads(self) -> Iterator[Quad]:
        query = (
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{iris.BASE}")) }}'
        )
        _type, body = self._query(query, RESULTS_JSON)
        yield from parse_select(body).rows  # type: ignore[misc]

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""
