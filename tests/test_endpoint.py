"""The graph on a real Oxigraph SPARQL server gives the same answers as the embedded store."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from bordergraph.graph import iris
from bordergraph.graph.endpoint import EndpointStore
from bordergraph.graph.open import open_store
from bordergraph.graph.store import StoreError, export
from bordergraph.ingest.pipeline import repo_path
from oxigraph_server import oxigraph_url, start_server, stop_server  # noqa: F401  (fixture)

DEMO = URIRef(iris.RELEASE + "endpoint-test-demo")
X, P = URIRef("urn:bordergraph:test:x"), URIRef("urn:bordergraph:test:p")


# -- no server needed --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "update", "gsp"),
    [
        ("http://h:7878/query", "oxigraph", "http://h:7878/update", "http://h:7878/store"),
        ("http://h:7878", "oxigraph", "http://h:7878/update", "http://h:7878/store"),
        ("http://h:3030/ds/query", "fuseki", "http://h:3030/ds/update", "http://h:3030/ds/data"),
        ("http://h:3030/ds/sparql", "fuseki", "http://h:3030/ds/update", "http://h:3030/ds/data"),
        ("http://h:8890/sparql", "virtuoso", "http://h:8890/sparql",
         "http://h:8890/sparql-graph-crud"),
        ("http://h/other", "unknown", None, None),
    ],
)
def test_endpoint_urls_derived_for_known_servers(url, kind, update, gsp) -> None:
    store = EndpointStore(url)
    assert (store.kind, store.update_url, store.graph_store_url) == (kind, update, gsp)
    assert open_store(url, update_url="http://u/x").update_url == "http://u/x"


def test_options_ride_on_the_url_fragment() -> None:
    store = EndpointStore("http://h:3030/ds/query#union=server&write=gsp&timeout=5")
    assert (store.union, store.write, store.timeout) == ("server", "gsp", 5.0)
    assert store.query_url == "http://h:3030/ds/query"
    assert EndpointStore("http://h:3030/ds/query").union == "default"
    assert EndpointStore("http://h/other").union == "list"
    with pytest.raises(StoreError, match="union mode"):
        EndpointStore("http://h/q#union=everything")


def test_unknown_endpoint_needs_update_url_to_write() -> None:
    with pytest.raises(StoreError, match="--update-url"):
        EndpointStore("http://127.0.0.1:9/custom").drop_graph(DEMO)


def test_connection_refused_is_one_line_with_url() -> None:
    port = _closed_port()
    with pytest.raises(StoreError) as info:
        EndpointStore(f"http://127.0.0.1:{port}/query").graph_names()
    message = str(info.value)
    assert f"127.0.0.1:{port}/query" in message and "\n" not in message


def test_timeout_is_one_line_with_url() -> None:
    with _silent_server() as port:
        store = EndpointStore(f"http://127.0.0.1:{port}/query", timeout=0.5)
        with pytest.raises(StoreError, match=r"did not answer within 0.5s") as info:
            store.count()
    assert f"127.0.0.1:{port}" in str(info.value)


def test_cli_reports_unreachable_endpoint_in_one_line() -> None:
    from bordergraph.cli import main

    url = f"http://127.0.0.1:{_closed_port()}/query"
    result = CliRunner().invoke(main, ["stats", "--store", url])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert result.output.startswith("error: cannot reach SPARQL endpoint " + url)


# -- against a real server ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def server_graph(oxigraph_url: str):  # noqa: F811
    """A BorderGraph built from data/ on the Oxigraph server, through the HTTP store."""
    from bordergraph.api import BorderGraph

    bg = BorderGraph.open(oxigraph_url)
    report = bg.build(progress=False)
    assert not report.failed, [r.message for r in report.failed]
    yield bg
    bg.close()


@pytest.fixture(scope="module")
def scratch_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second, empty server for the tests that write odd graphs."""
    process, url = start_server(Path(tmp_path_factory.mktemp("scratch")) / "data")
    yield url
    stop_server(process)


@pytest.mark.server
def test_http_error_names_url_and_status(oxigraph_url: str) -> None:  # noqa: F811
    store = EndpointStore(oxigraph_url)
    with pytest.raises(StoreError, match=r"answered HTTP 400") as info:
        store.select("SELECT ?x WHERE { ?x")
    assert oxigraph_url in str(info.value) and "\n" not in str(info.value)
    missing = EndpointStore(oxigraph_url.replace("/query", "/nothing-here"),
                            update_url=oxigraph_url.replace("/query", "/update"))
    with pytest.raises(StoreError, match="HTTP 404"):
        missing.count()


@pytest.mark.server
def test_every_release_graph_is_the_same_as_embedded(server_graph, built) -> None:
    names = server_graph.store.graph_names()
    assert names == built.store.graph_names()
    assert sum(iris.is_release_graph(g) for g in names) >= 10
    for name in names:
        assert isomorphic(server_graph.store.graph(name), built.store.graph(name)), name
    assert server_graph.stats() == built.stats()


@pytest.mark.server
def test_every_competency_query_gives_the_same_rows(server_graph, built) -> None:
    from bordergraph.views import queries

    library = queries.library()
    assert library, "no competency queries in queries/"
    nonempty = 0
    for name, query in sorted(library.items()):
        on_server = queries.run(server_graph.store, query)
        embedded = queries.run(built.store, query)
        assert on_server.columns == embedded.columns, name
        assert Counter(on_server.rows) == Counter(embedded.rows), name
        nonempty += bool(embedded.rows)
    assert nonempty >= len(library) // 2


@pytest.mark.server
@pytest.mark.parametrize("union", ["default", "param", "list"])
def test_bound_values_and_inferred_graph(scratch_url: str, union: str) -> None:
    store = EndpointStore(f"{scratch_url}#union={union}")
    assert store.union == union
    tricky = Literal('x"} UNION { ?s ?p ?o }', lang="en")
    store.replace_graph(DEMO, [(X, P, tricky)])
    store.replace_graph(iris.INFERRED_GRAPH, [(X, P, Literal("inferred"))])
    try:
        query = "SELECT ?o WHERE { ?s ?p ?o }"
        assert store.select(query, {"s": X, "o": tricky}).rows == [(tricky,)]
        everything = {row[0] for row in store.select(query, {"s": X}).rows}
        assert everything == {tricky, Literal("inferred")}
        asserted = {row[0] for row in store.select(query, {"s": X}, inferred=False).rows}
        assert asserted == {tricky}
        assert store.ask("ASK { ?s ?p ?o }", {"s": X})
        assert len(store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": X})) == 2
    finally:
        store.drop_graph(DEMO)
        store.drop_graph(iris.INFERRED_GRAPH)
    assert DEMO not in store.graph_names()


@pytest.mark.server
@pytest.mark.parametrize("write", ["update", "gsp"])
def test_a_failed_release_write_leaves_the_old_graph(scratch_url: str, write: str) -> None:
    store = EndpointStore(scratch_url, write=write)
    old = [(X, P, Literal("old"))]
    store.replace_graph(DEMO, old)
    new = [(X, P, Literal(f"new {i}")) for i in range(500)]
    try:
        if write == "update":
            # The replacement runs, then the same request fails: the server must undo all of it.
            from bordergraph.graph.updates import replace_graph_update

            failing = replace_graph_update(DEMO, new) + " ;\nLOAD <http://127.0.0.1:9/none.ttl>"
            with pytest.raises(StoreError, match="HTTP"):
                store.update(failing)
        else:
            body = "".join(f'<{X}> <{P}> "new {i}" .\n' for i in range(500)) + f'<{X}> <{P}> "cut'
            with pytest.raises(StoreError, match="HTTP 400"):
                store._request(
                    f"{store.graph_store_url}?graph={DEMO}", data=body.encode(),
                    content_type="application/n-triples", method="PUT",
                )
        assert set(store.graph(DEMO)) == set(old)
        store.replace_graph(DEMO, new)
        assert store.count(DEMO) == 500
    finally:
        store.drop_graph(DEMO)


@pytest.mark.server
def test_export_round_trips(server_graph, built) -> None:
    text = export(server_graph.store, "trig")
    dataset = Dataset()
    dataset.parse(data=text, format="trig")
    graphs = {g.identifier: g for g in dataset.graphs() if len(g)}
    assert sorted(graphs) == built.store.graph_names()
    for name, graph in graphs.items():
        assert isomorphic(graph, built.store.graph(name)), name
    lines = [line for line in export(server_graph.store, "nq").splitlines() if line.strip()]
    assert len(lines) == server_graph.store.count() == built.store.count()


@pytest.mark.server
def test_cli_commands_run_against_the_server(server_graph, built, oxigraph_url: str,  # noqa: F811
                                             tmp_path: Path) -> None:
    from bordergraph.cli import main

    def run(*args: str) -> str:
        result = CliRunner().invoke(main, [*args, "--store", oxigraph_url])
        assert result.exit_code in (0, 1), (args, result.output)
        assert "error:" not in result.output and "Traceback" not in result.output, result.output
        return result.output

    assert "release graphs" in run("stats", "--format", "csv")
    assert "<https://w3id.org/bordergraph/release/esc-13-plenary-2021>" in run(
        "export", "--format", "nq")
    assert "Nichols" in run("query", "delegation_heads", "--format", "csv")
    assert "esc-13-plenary-2021" in run(
        "sparql", "SELECT ?r WHERE { ?r a <https://w3id.org/bordergraph/ontology#Release> }")
    page = tmp_path / "explorer.html"
    run("explore", "-o", str(page))
    assert page.stat().st_size > 10_000
    # Across time: the same answers as the embedded store gives.
    assert run("asof", "2021-12-02", "--format", "json") == CliRunner().invoke(
        main, ["asof", "2021-12-02", "--format", "json", "--store", built.store.location]).output
    assert "True" in run("continuity", "HLED", "--only", "gaps", "--format", "csv")
    run("timeline", "-o", str(tmp_path / "timeline.svg"))
    assert (tmp_path / "timeline.png").exists()
    run("validate")
    release = str(repo_path("data/releases/esc-13-plenary-2021.txt"))
    assert "unchanged" in run("load", release)
    assert server_graph.store.graph_names() == built.store.graph_names()


@pytest.mark.server
def test_reasoning_on_the_server_infers_what_it_infers_embedded(built, scratch_url: str) -> None:
    from bordergraph.cli import main

    server, local = EndpointStore(scratch_url), open_store(":memory:")
    for name in built.store.graph_names():
        triples = list(built.store.graph(name))
        server.replace_graph(name, triples)  # type: ignore[arg-type]
        local.replace_graph(name, triples)  # type: ignore[arg-type]
    result = CliRunner().invoke(main, ["reason", "--no-hermit", "--store", scratch_url])
    assert result.exit_code in (0, 1) and "error:" not in result.output, result.output
    from bordergraph.quality.reason import materialize

    materialize(local)
    inferred = server.graph(iris.INFERRED_GRAPH)
    assert len(inferred) > 0
    assert isomorphic(inferred, local.graph(iris.INFERRED_GRAPH))
    assert server.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == local.select(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows


# -- helpers -----------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


class _silent_server:
    """A TCP server that accepts connections and never answers: a hung endpoint."""

    def __enter__(self) -> int:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.held: list[socket.socket] = []
        self.stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()
        return int(self.sock.getsockname()[1])

    def _accept(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                self.held.append(self.sock.accept()[0])
            except OSError:
                continue

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for conn in self.held:
            conn.close()
        self.sock.close()


@pytest.mark.server
@pytest.mark.parametrize("write", ["update", "gsp"])
def test_server_default_graph_holds_each_triple_once(scratch_url: str, write: str) -> None:
    store = EndpointStore(scratch_url, write=write)
    assert store.union == "default"
    other = URIRef(iris.GRAPH + "release/other")
    shared, own = (X, P, Literal("shared")), (X, P, Literal("own"))
    store.replace_graph(DEMO, [shared, own])
    store.replace_graph(other, [shared])
    query = "SELECT ?o WHERE { ?s ?p ?o }"
    try:
        assert sorted(store.select(query, {"s": X}).rows) == [(Literal("own"),),
                                                             (Literal("shared"),)]
        store.replace_graph(DEMO, [(X, P, Literal("new"))])  # "own" goes, "shared" stays
        assert sorted(store.select(query, {"s": X}).rows) == [(Literal("new"),),
                                                             (Literal("shared"),)]
    finally:
        store.drop_graph(DEMO)
        store.drop_graph(other)
    assert store.select(query, {"s": X}).rows == []
