"""A release replaced on a SPARQL server is seen whole or not at all, even when a request of the
write fails (issue 15, point 3): real servers — the Oxigraph server and Virtuoso — behind a proxy
that fails one chosen request."""

from __future__ import annotations

import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest
from rdflib import Literal, URIRef

from bordergraph.graph import iris
from bordergraph.graph.endpoint import EndpointStore
from bordergraph.graph.store import StoreError
from oxigraph_server import oxigraph_url  # noqa: F401  (fixture)
from virtuoso_server import virtuoso_url  # noqa: F401  (fixture)

RELEASE = URIRef(iris.RELEASE + "atomic-write-test")
A, P = URIRef("urn:bordergraph:test:atomic"), URIRef("urn:bordergraph:test:says")
OLD = [(A, P, Literal(f"old {i}")) for i in range(50)]
NEW = [(A, P, Literal(f"new {i}")) for i in range(80)]


class FailingProxy:
    """Forwards requests to a server; answers HTTP 503 to the first request ``fail`` accepts."""

    def __init__(self, backend: str, fail: Callable[[str, int], bool]) -> None:
        self.backend, self.fail, self.seen = backend.rstrip("/"), fail, []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                proxy.seen.append(self.command)
                if proxy.fail(self.command, len(proxy.seen)):
                    proxy.fail = lambda method, n: False  # once
                    self.send_error(503, "injected failure")
                    return
                request = urllib.request.Request(proxy.backend + self.path, data=body,
                                                 method=self.command)
                for key in ("Content-Type", "Accept"):
                    if self.headers.get(key):
                        request.add_header(key, self.headers[key])
                try:
                    with urllib.request.urlopen(request, timeout=60) as answer:
                        status, data, ctype = answer.status, answer.read(), answer.headers
                except urllib.error.HTTPError as exc:
                    status, data, ctype = exc.code, exc.read(), exc.headers
                self.send_response(status)
                self.send_header("Content-Type", ctype.get("Content-Type", "text/plain"))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()


def _server_root(url: str) -> str:
    return url.rsplit("/", 1)[0]


def _values(store: EndpointStore) -> set[str]:
    """What queries see (the default graph, as every competency query does)."""
    rows = store.select(f"SELECT ?o WHERE {{ <{A}> <{P}> ?o }}").rows
    return {str(o) for (o,) in rows}


def _graph_values(store: EndpointStore) -> set[str]:
    return {str(o) for o in store.graph(RELEASE).objects(A, P)}


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request) -> Iterator[str]:
    name = "oxigraph_url" if request.param == "oxigraph" else "virtuoso_url"
    yield request.getfixturevalue(name)


@pytest.mark.parametrize(
    "failing",
    ["the PUT", "the request after the PUT"],
)
def test_a_failed_graph_store_write_leaves_the_old_release_whole(server, failing):
    direct = EndpointStore(server + "#write=gsp")
    direct.replace_graph(RELEASE, OLD)
    assert _values(direct) == _graph_values(direct) == {str(o) for _, _, o in OLD}
    state = {"put": False}

    def fail(method: str, n: int) -> bool:
        if failing == "the PUT":
            return method == "PUT"
        if method == "PUT":
            state["put"] = True
            return False
        return state["put"]

    root = _server_root(server)
    proxy = FailingProxy(root, fail)
    try:
        def via(url: str | None) -> str:
            return proxy.base + str(url)[len(root):]

        through = EndpointStore(f"{via(server)}#write=gsp&gsp={via(direct.graph_store_url)}",
                                update_url=via(direct.update_url))
        with pytest.raises(StoreError, match="503"):
            through.replace_graph(RELEASE, NEW)
        assert "PUT" in proxy.seen
    finally:
        proxy.close()
    # queries see the old release, whole, and nothing of the new one
    assert _values(direct) == _graph_values(direct) == {str(o) for _, _, o in OLD}
    staging = direct.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(STRSTARTS(STR(?g), 'urn:bordergraph:staging:')) }").rows
    assert staging == []
    # and the next write goes through whole
    direct.replace_graph(RELEASE, NEW)
    assert _values(direct) == _graph_values(direct) == {str(o) for _, _, o in NEW}
    direct.drop_graph(RELEASE)
