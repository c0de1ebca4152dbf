"""One measurement in its own process (so peak RSS is its own); run.py starts and reads these.

    python benchmarks/bench_worker.py ingest CORPUS_DIR STORE_DIR [--jobs N]
    python benchmarks/bench_worker.py queries BACKEND DATA.nq [--skip q1,q2] [--extras]
    python benchmarks/bench_worker.py explorer DATA.nq OUT.html
    python benchmarks/bench_worker.py browser OUT.html [--runs 3]

Each prints JSON lines on stdout: ``{"loaded": ...}`` once, then one line per query, so the
parent can time a query out, kill this process and start another that skips it.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from bordergraph.graph.open import open_store
from bordergraph.graph.binding import bind_values
from bordergraph.graph.store import Rows, from_ox

QUERY_BUDGET_S = 10.0  # repeat a query up to 3 times while its runs stay under this in total


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the --jobs workers): on a shared
    machine wall time measures the neighbours too."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def emit(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


class RdflibStore:
    """rdflib's plain in-memory Dataset behind the Store surface the query library uses."""

    location = ":rdflib:"

    def __init__(self, path: Path) -> None:
        self.ds = Dataset(default_union=True)
        self.ds.parse(str(path), format="nquads")

    def select(self, query: str, bindings: Mapping[str, Node] | None = None, *,
               inferred: bool = True) -> Rows:
        result = self.ds.query(bind_values(query, bindings))
        columns = [str(v) for v in result.vars or []]
        return Rows(columns, [tuple(row) for row in result])  # type: ignore[arg-type]

    def graph_names(self) -> list[URIRef]:
        return sorted(g.identifier for g in self.ds.graphs() if isinstance(g.identifier, URIRef))

    def construct(self, query: str, bindings=None, *, inferred: bool = True) -> Graph:  # type: ignore[no-untyped-def]
        out = Graph()
        for t in self.ds.query(bind_values(query, bindings)):
            out.add(t)  # type: ignore[arg-type]
        return out

    def ask(self, query: str, bindings=None) -> bool:  # type: ignore[no-untyped-def]
        return bool(self.ds.query(bind_values(query, bindings)).askAnswer)

    def close(self) -> None:
        pass


def release_graphs(path: Path) -> Iterator[tuple[URIRef, list]]:
    """The quads of an N-Quads file grouped by (consecutive) named graph, as rdflib triples."""
    quads = ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
    for graph, group in groupby(quads, key=lambda q: q.graph_name):
        yield URIRef(graph.value), [
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in group
        ]


def ingest(corpus: Path, location: Path, jobs: int) -> None:
    from bordergraph.ingest.pipeline import load_foundation, load_paths, release_files

    store = open_store(str(location))
    load_foundation(store)
    files = list(release_files([corpus]))
    start, cpu_start = time.perf_counter(), cpu_seconds()
    report = load_paths(store, files, jobs=jobs)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
    emit(releases=len(files), loaded=report.loaded, failed=len(report.failed), seconds=seconds,
         cpu_s=cpu,
         triples=store.count(), rss_mb=peak_rss_mb(),
         failures=[f.message for f in report.failed[:3]])
    store.close()


class QueryTimeout(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise QueryTimeout


def queries(backend: str, data: Path, skip: set[str], extras: bool, timeout: float) -> None:
    """Load, then time each library query; SIGALRM stops a query past ``timeout`` (pure-Python
    rdflib evaluation checks for signals between bytecodes, so no reload is needed)."""
    from bordergraph.views import queries as library

    # CPU-time limit in-process (the machine may be shared); wall time for the server, whose
    # work is in another process.
    timer, signum = ((signal.ITIMER_REAL, signal.SIGALRM) if backend == "server"
                     else (signal.ITIMER_PROF, signal.SIGPROF))
    signal.signal(signum, _alarm)

    start, cpu_start = time.perf_counter(), cpu_seconds()
    server = None
    if backend == "rdflib":
        store = RdflibStore(data)
        triples = sum(len(g) for g in store.ds.graphs())
    elif backend == "server":
        server, url = start_server()
        store = open_store(url)
        triples = 0
        for graph, triples_of_graph in release_graphs(data):
            store.replace_graph(graph, triples_of_graph)
            triples += len(triples_of_graph)
    else:
        store = open_store(tempfile.mkdtemp(prefix="bg-bench-"))
        triples = 0
        for graph, triples_of_graph in release_graphs(data):
            store.replace_graph(graph, triples_of_graph)
            triples += len(triples_of_graph)
    rss = server_rss_mb(server) if server else peak_rss_mb()
    emit(loaded=time.perf_counter() - start, cpu_s=cpu_seconds() - cpu_start, triples=triples,
         rss_mb=rss)
    for name, query in sorted(library.library().items()):
        if name in skip:
            continue
        emit(started=name)
        runs: list[float] = []
        cpu_runs: list[float] = []
        rows = 0
        try:
            while len(runs) < 3 and sum(runs) < QUERY_BUDGET_S:
                began, cpu_began = time.perf_counter(), time.process_time()
                signal.setitimer(timer, timeout)
                try:
                    rows = len(library.run(store, query).rows)  # type: ignore[arg-type]
                finally:
                    signal.setitimer(timer, 0)
                runs.append(time.perf_counter() - began)
                cpu_runs.append(time.process_time() - cpu_began)
        except QueryTimeout:
            emit(query=name, timeout=timeout)
            continue
        except Exception as exc:  # a backend that cannot run the query: report, go on
            emit(query=name, error=f"{type(exc).__name__}: {exc}"[:160])
            continue
        emit(query=name, median=statistics.median(runs), cpu=statistics.median(cpu_runs),
             runs=len(runs), rows=rows)
    if extras and backend != "rdflib":
        measure_extras(store)
    if server is not None:
        server.kill()


def start_server() -> tuple[subprocess.Popen[bytes], str]:
    """An Oxigraph server (`oxigraph serve`) on a free loopback port, once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        ["oxigraph", "serve", "--location", tempfile.mkdtemp(prefix="bg-bench-server-"),
         "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).close()
            return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("oxigraph server did not start")


def server_rss_mb(process: subprocess.Popen[bytes]) -> float:
    """The server's peak resident memory (VmHWM), which is what a server backend costs."""
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_extras(store) -> None:  # type: ignore[no-untyped-def]
    """Reasoning and validation time, where those modules exist."""
    try:
        from bordergraph.quality import reason
    except ImportError:
        reason = None  # type: ignore[assignment]
    if reason is not None:
        began = time.perf_counter()
        report = reason.materialize(store)
        emit(extra="reason", seconds=time.perf_counter() - began, triples=report.triples)
    try:
        from bordergraph.quality import validate
    except ImportError:
        return
    runner = getattr(validate, "validate", None) or getattr(validate, "validate_store", None)
    if runner is not None:
        began = time.perf_counter()
        runner(store)
        emit(extra="validate", seconds=time.perf_counter() - began)


def explorer(data: Path, out: Path) -> None:
    """Time explorer_data + render of the participation view on ``data``; write the page to
    ``out`` for the browser measurement."""
    from bordergraph.views.explorer import explorer_data, render

    # Bulk-loaded into an on-disk store (what the CLI reads): the explorer is measured here, not
    # the per-release loading, which would take minutes at 3 x 10^6 triples.
    location = tempfile.mkdtemp(prefix="bg-bench-")
    loader = ox.Store(location)
    loader.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    del loader  # releases the store's lock
    store = open_store(location)
    began, cpu_began = time.perf_counter(), time.process_time()
    page = explorer_data(store, "participation")
    data_cpu = time.process_time() - cpu_began
    html = render(page)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    out.write_text(html, encoding="utf-8")
    emit(nodes=page["counts"]["nodes"], edges=page["counts"]["edges"], triples=store.count(),
         seconds=seconds, cpu_s=cpu, data_cpu_s=data_cpu, render_cpu_s=cpu - data_cpu,
         html_bytes=len(html.encode("utf-8")), html=str(out), rss_mb=peak_rss_mb())
    store.close()
    shutil.rmtree(location, ignore_errors=True)  # up to 1 GB at 3 x 10^6 triples


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Resolves once the network has drawn again (after a zoom or a filter), with the time it took.
NEXT_DRAWING = """action => new Promise(done => {
    const bg = window.bordergraph, began = performance.now();
    bg.network.once("afterDrawing", () => done(performance.now() - began));
    if (action === "zoom") bg.network.moveTo({scale: bg.network.getScale() * 2});
    else { const box = document.getElementById("focus");
           box.checked = false; box.dispatchEvent(new Event("change")); }
    bg.network.redraw(); })"""


def browser(page_path: Path, runs: int) -> None:
    """Open the explorer page in headless Chromium ``runs`` times; report wall milliseconds from
    navigation start to the network's first drawing (the page's ``data-drawn-ms`` mark, set on
    vis-network's first afterDrawing: physics is off, positions come from Python), then to
    redraw after a 2x zoom, to draw every node after "only the most central nodes" is unticked
    (the same as the first drawing when every node is shown from the start), and to redraw
    after a zoom with every node shown."""
    from playwright.sync_api import sync_playwright

    drawn, zoom, everything, zoom_all = [], [], [], []
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = chromium.new_page(viewport={"width": 1400, "height": 900})
            page.goto(page_path.resolve().as_uri(), timeout=600_000)
            page.wait_for_function("() => document.documentElement.dataset.drawnMs",
                                   timeout=600_000, polling=20)
            drawn.append(float(page.evaluate("document.documentElement.dataset.drawnMs")))
            zoom.append(page.evaluate(NEXT_DRAWING, "zoom"))
            focus = page.locator("#focus")
            everything.append(page.evaluate(NEXT_DRAWING, "all")
                              if focus.is_visible() and focus.is_checked() else drawn[-1])
            zoom_all.append(page.evaluate(NEXT_DRAWING, "zoom"))
            page.close()
        version = chromium.version
        chromium.close()
    emit(drawn_ms=statistics.median(drawn), zoom_ms=statistics.median(zoom),
         all_ms=statistics.median(everything), zoom_all_ms=statistics.median(zoom_all),
         runs=runs, drawn_runs=drawn, chromium=version)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=["ingest", "queries", "explorer", "browser"])
    parser.add_argument("args", nargs="+")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--skip", default="")
    parser.add_argument("--extras", action="store_true")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=3, help="browser: page loads (median)")
    ns = parser.parse_args()
    if ns.task == "ingest":
        ingest(Path(ns.args[0]), Path(ns.args[1]), ns.jobs)
    elif ns.task == "queries":
        skip = set(filter(None, ns.skip.split(",")))
        queries(ns.args[0], Path(ns.args[1]), skip, ns.extras, ns.timeout)
    elif ns.task == "explorer":
        explorer(Path(ns.args[0]), Path(ns.args[1]))
    else:
        browser(Path(ns.args[0]), ns.runs)


if __name__ == "__main__":
    sys.exit(main())
