"""`bordergraph serve` end to end: start the server, query it over HTTP, stop it (issue 16, 3)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from bordergraph.api import BorderGraph
from bordergraph.cli import main
from oxigraph_server import free_port

ROOT = Path(__file__).resolve().parents[1]
COUNT = ("SELECT (COUNT(DISTINCT ?p) AS ?n) "
         "WHERE { ?p a <https://w3id.org/bordergraph/ontology#Person> }")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    location = tmp_path_factory.mktemp("served") / "store"
    bg = BorderGraph.open(location)
    bg.build(progress=False)
    bg.close()
    return str(location)


def _get(url: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


_SAID: dict[int, str] = {}  # what each server said before its test stopped it


def _start(store: str, *extra: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "bordergraph", "serve", "--store", store, "--port", str(port),
         *extra], stderr=subprocess.PIPE, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited: {process.stderr.read() if process.stderr else ''}")
        try:
            if _get(base + "/query?query=ASK%7B%7D")[0] == 200:
                # `serve` says where it listens once it has seen the server answer too: wait for
                # that line, so that a test stopping it at once still finds it on stderr.
                said = []
                while process.stderr and not any("SPARQL endpoint" in s for s in said):
                    line = process.stderr.readline()
                    if not line:
                        break
                    said.append(line)
                _SAID[process.pid] = "".join(said)
                return process, base
        except OSError:
            pass
        time.sleep(0.2)
    process.kill()
    pytest.fail("serve did not answer within 60 s")


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    err = _SAID.pop(process.pid, "") + err
    assert process.returncode == 0, err
    return err


def test_serve_read_only_answers_sparql_over_http(store):
    embedded = BorderGraph.open(store, read_only=True)
    try:
        expected = int(embedded.sparql(COUNT)["n"].iloc[0])
        meetings = embedded.query("meetings")
    finally:
        embedded.close()
    process, base = _start(store)
    try:
        status, body = _get(base + "/query?" + urllib.parse.urlencode({"query": COUNT}))
        assert status == 200
        answer = json.loads(body)["results"]["bindings"][0]["n"]["value"]
        assert int(answer) == expected > 0
        # The query page (Oxigraph's YASGUI, served by the server itself).
        status, page = _get(base + "/", accept="text/html")
        assert status == 200 and b"yasgui" in page.lower()
        # Read-only: updates are refused by the server.
        update = urllib.request.Request(base + "/update", data=b"INSERT DATA { <urn:a> <urn:b> 1 }",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=10)
        assert refused.value.code in (403, 405)
        # Another bordergraph pointed at it gives the answers the embedded store gives.
        result = CliRunner().invoke(main, ["query", "meetings", "--format", "csv",
                                           "--store", base])
        assert result.exit_code == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {r["event"] for r in rows} == set(meetings["event"])
        # rdflib's SPARQLStore, as docs/endpoints.md shows.
        from rdflib import Graph
        from rdflib.plugins.stores.sparqlstore import SPARQLStore

        remote = Graph(SPARQLStore(base + "/query"))
        assert int(next(iter(remote.query(COUNT)))[0]) == expected
    finally:
        err = _stop(process)
    assert "127.0.0.1" in err and "/query" in err
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2)


def test_serve_refuses_a_missing_store_and_a_busy_port(tmp_path, store):
    missing = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no store" in missing.stderr
    process, base = _start(store)
    try:
        port = base.rsplit(":", 1)[1]
        busy = CliRunner().invoke(main, ["serve", "--store", store, "--port", port])
        assert busy.exit_code == 2 and "in use" in busy.stderr
    finally:
        _stop(process)


def test_serve_writable_takes_writes_through_the_endpoint(tmp_path):
    """--writable serves the store itself: another bordergraph loads through the server, and
    the store directory holds the release once the server stops."""
    releases = ROOT / "data" / "releases"
    location = tmp_path / "store"
    bg = BorderGraph.open(location)
    bg.load([releases / "esc-13-plenary-2021.txt"])
    bg.close()
    process, base = _start(str(location), "--writable")
    try:
        loaded = CliRunner().invoke(main, ["load", str(releases / "hled-relaunch-2021.txt"),
                                           "--store", base])
        assert loaded.exit_code == 0, loaded.output
        stats = CliRunner().invoke(main, ["stats", "--format", "json", "--store", base])
        graphs = {r["name"]: r["count"] for r in json.loads(stats.stdout) if r["kind"] == "graph"}
        assert graphs["release graphs"] == 2
    finally:
        _stop(process)
    reopened = BorderGraph.open(location, read_only=True)
    try:
        assert reopened.stats()["graphs"]["release graphs"] == 2
    finally:
        reopened.close()


def test_the_server_reads_the_embedded_stores_format():
    """serve relies on the server and pyoxigraph sharing a storage format (docs/endpoints.md)."""
    import subprocess

    import pyoxigraph

    from bordergraph.graph.serve import check_versions, oxigraph_binary, same_storage

    binary = oxigraph_binary()
    shown = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    assert same_storage(shown, pyoxigraph.__version__)
    check_versions(binary)  # does not raise
