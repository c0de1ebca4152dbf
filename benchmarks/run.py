"""The bordergraph benchmark: prints one table (and writes it as JSON) for benchmarks/README.md.

    python benchmarks/run.py            # full: 100/1,000/10,000 releases, 10^4..10^6 triples
    python benchmarks/run.py --quick    # capped sizes, a few minutes

Measures: ingest throughput (file -> store through load_paths, and with 2 extraction processes),
load time and peak RSS per backend, the median latency of every competency query on the embedded
pyoxigraph store and on rdflib's in-memory Dataset (with a per-query timeout), explorer time and
page size (and the time to the first drawing of that page in headless Chromium), reasoning and
validation time. Every measurement runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
WORKER = [sys.executable, str(HERE / "bench_worker.py")]
CACHE = Path(tempfile.gettempdir()) / "bordergraph-bench"


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
    return {"nproc": str(os.cpu_count()), "ram": f"{mem_kb / 1024 / 1024:.1f} GiB", "cpu": cpu,
            "python": platform.python_version(),
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg())}


def corpus(size: int) -> Path:
    from generate_texts import write_corpus

    where = CACHE / f"texts-{size}"
    if not (where / ".done").exists():
        write_corpus(size, where)
        (where / ".done").write_text("ok")
    return where


def quads(target: int) -> Path:
    """Foundation graphs (ontology, reference) plus synthetic releases, as one N-Quads file."""
    from generate_triples import write_quads

    from bordergraph.graph.open import open_store
    from bordergraph.graph.store import export
    from bordergraph.ingest.pipeline import load_foundation

    path = CACHE / f"triples-{target}.nq"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        foundation = open_store(":memory:")
        sizes = load_foundation(foundation)
        releases = CACHE / f"releases-{target}.nq"
        write_quads(max(0, target - sum(sizes.values())), releases)
        with path.open("w", encoding="utf-8") as out:
            out.write(export(foundation, "nq"))
            out.write(releases.read_text(encoding="utf-8"))
        releases.unlink()
    return path


def worker_lines(args: list[str], timeout: float | None = None) -> list[dict]:
    done = subprocess.run(WORKER + args, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"worker {args[0]} failed: {done.stderr.strip()[-600:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def ingest(size: int, jobs: int = 1) -> dict:
    with tempfile.TemporaryDirectory(prefix="bg-ingest-") as tmp:
        (result,) = worker_lines(["ingest", str(corpus(size)), f"{tmp}/store", "--jobs", str(jobs)])
    result["per_second"] = result["releases"] / result["seconds"]
    result["per_cpu_second"] = result["releases"] / result["cpu_s"]
    result["ms_per_release"] = 1000 * result["seconds"] / result["releases"]
    result["cpu_ms_per_release"] = 1000 * result["cpu_s"] / result["releases"]
    return result


def query_run(backend: str, data: Path, timeout: float, extras: bool) -> dict:
    """Load ``data`` in ``backend`` and time every query; a query past ``timeout`` is killed.

    The worker reports each query as it starts and ends; when one runs past the timeout this
    kills the worker and starts a new one that skips what is done (reloading the data).
    """
    out: dict = {"queries": {}, "extras": {}}
    skip: list[str] = []
    while True:
        args = ["queries", backend, str(data), "--skip", ",".join(skip), "--timeout", str(timeout)]
        process = subprocess.Popen(WORKER + args + (["--extras"] if extras else []),
                                   stdout=subprocess.PIPE, text=True)
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_pump, args=(process, lines), daemon=True).start()
        current: str | None = None
        deadline = float("inf")
        while True:
            try:
                line = lines.get(timeout=max(0.01, min(deadline - time.monotonic(), 3600)))
            except queue.Empty:
                process.kill()
                process.wait()
                out["queries"][current] = {"timeout": timeout}
                skip.append(current)  # type: ignore[arg-type]
                break
            if line is None:
                if process.wait() != 0:
                    raise RuntimeError(f"{backend} worker failed on {current or 'loading'}")
                return out
            row = json.loads(line)
            if "loaded" in row:
                out.setdefault("load_s", row["loaded"])
                out.setdefault("load_cpu_s", row["cpu_s"])
                out.setdefault("triples", row["triples"])
                out["rss_mb"] = max(out.get("rss_mb", 0), row["rss_mb"])
            elif "started" in row:
                # The worker stops a slow query itself; this is the backstop for a stuck one.
                current, deadline = row["started"], time.monotonic() + 3 * timeout + 30
            elif "query" in row:
                out["queries"][row["query"]] = row
                skip.append(row["query"])
                current, deadline = None, float("inf")
            elif "extra" in row:
                out["extras"][row["extra"]] = row


def _pump(process: subprocess.Popen, lines: queue.Queue) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("{"):
            lines.put(line)
    lines.put(None)


def explorer(target_nodes: int) -> dict:
    """Generate the explorer for a synthetic graph of about ``target_nodes`` participation-view
    nodes (CPU time of explorer_data + render), then time the page in headless Chromium."""
    triples = _triples_for(target_nodes)
    page = CACHE / f"explorer-{target_nodes}.html"
    (row,) = worker_lines(["explorer", str(quads(triples)), str(page)])
    row["target_triples"] = triples
    try:
        (row["browser"],) = worker_lines(["browser", str(page), "--runs", "3"], timeout=1800)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        row["browser"] = {"error": str(exc)[:200]}
    return row


# Participation-view nodes of the synthetic graphs of generate_triples.py (seed 7), measured:
# (target triples, nodes). Not proportional: an event is a series and a date, so events start
# to repeat as the graph grows (0.0089 nodes per triple at 10^5, 0.0064 at 3.8 x 10^6).
NODES_AT = [(10_000, 114), (100_000, 887), (438_596, 3_574), (1_000_000, 7_201),
            (3_800_000, 24_194)]


def _triples_for(nodes: int) -> int:
    """The graph size (3 significant digits) that gives about ``nodes`` nodes: a straight line
    in log-log between the two measured sizes around it (or the nearest two)."""
    i = min(max(1, sum(1 for _, n in NODES_AT if n < nodes)), len(NODES_AT) - 1)
    (t0, n0), (t1, n1) = NODES_AT[i - 1], NODES_AT[i]
    slope = math.log(n1 / n0) / math.log(t1 / t0)
    triples = t0 * math.exp(math.log(nodes / n0) / slope)
    return int(float(f"{triples:.3g}"))


def fmt_time(row: dict | None, key: str = "cpu") -> str:
    if row is None:
        return "–"
    if "timeout" in row:
        return f">{row['timeout']:g}s"
    if "error" in row:
        return "error"
    return f"{row[key] * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="cap sizes (a few minutes)")
    parser.add_argument("--timeout", type=float, default=None, help="per-query timeout, seconds")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--texts", help="corpus sizes, e.g. 100,1000,10000")
    parser.add_argument("--triples", help="graph sizes, e.g. 10000,100000,1000000")
    parser.add_argument("--explorer", help="explorer sizes in nodes, e.g. 1000,5000,20000")
    parser.add_argument("--jobs-size", type=int, default=None,
                        help="corpus size for the --jobs 2 ingest (default: the largest)")
    parser.add_argument("--backends", default="oxigraph,server,rdflib")
    parser.add_argument("--rdflib-timeout", type=float, default=None,
                        help="per-query timeout on rdflib (default: --timeout); showing a 20x "
                             "ratio needs 20x the slowest embedded query")
    parser.add_argument("--extras-up-to", type=int, default=None,
                        help="reason and validate on graphs up to this many triples "
                             "(default 100000; 10000 with --quick)")
    args = parser.parse_args()
    text_sizes = _sizes(args.texts, [100, 500] if args.quick else [100, 1000, 10000])
    triple_sizes = _sizes(args.triples, [10_000, 100_000] if args.quick
                          else [10_000, 100_000, 1_000_000])
    explorer_sizes = _sizes(args.explorer, [] if args.quick else [1000, 5000, 20000])
    extras_up_to = args.extras_up_to or (10_000 if args.quick else 100_000)
    if args.jobs_size is None:
        args.jobs_size = text_sizes[-1] if text_sizes else 0
    timeout = args.timeout or (10.0 if args.quick else 30.0)
    # Resume: every finished step is saved at once, and a rerun skips what the file holds.
    results: dict = {"machine": machine(), "quick": args.quick, "ingest": {}, "stores": {},
                     "explorer": {}}
    if args.json.exists():  # every recorded section (and notes beside them) is kept
        results.update({k: v for k, v in json.loads(args.json.read_text()).items()
                        if k not in ("machine", "quick", "load_end")})

    def step(section: str, key: str, measure) -> None:  # type: ignore[no-untyped-def]
        if key in results[section]:
            return
        try:
            results[section][key] = measure()
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            results[section][key] = {"error": str(exc)[:200]}
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(f"{section} {key}: done", file=sys.stderr)

    for size in text_sizes:
        step("ingest", str(size), lambda size=size: ingest(size))
    if args.jobs_size:
        step("ingest", f"{args.jobs_size} jobs=2", lambda: ingest(args.jobs_size, jobs=2))
    for size in triple_sizes:
        data = quads(size)
        for backend in args.backends.split(","):
            # Reasoning and validation have no timeout: measured on the smaller graphs only.
            limit = (args.rdflib_timeout or timeout) if backend == "rdflib" else timeout
            step("stores", f"{backend} {size}", lambda b=backend, d=data, n=size, t=limit:
                 query_run(b, d, t, extras=b == "oxigraph" and n <= extras_up_to))
    for nodes in explorer_sizes:
        step("explorer", str(nodes), lambda nodes=nodes: explorer(nodes))
    results["load_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))


def _sizes(text: str | None, default: list[int]) -> list[int]:
    """Sizes from ``--texts 100,1000`` (``0``: none), else the default."""
    if text is None:
        return default
    return [int(x) for x in text.split(",") if int(x) > 0]


def table(results: dict) -> str:
    """The results as the Markdown that goes into benchmarks/README.md."""
    m = results["machine"]
    lines = [f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, Python {m['python']}; "
             f"load average at start {m['load']}, at end {results.get('load_end', '?')}"
             + (" — quick run" if results["quick"] else ""), "",
             "| ingest (load_paths, file -> on-disk store) | releases/s (wall) | "
             "releases per CPU-second | CPU ms/release | failed | triples |",
             "|---|---:|---:|---:|---:|---:|"]
    for size, r in results["ingest"].items():
        if "error" in r:
            lines.append(f"| {size} releases | {r['error']} | | | | |")
            continue
        label = size.replace(" jobs=2", " releases, 2 extraction processes") \
            if "jobs" in size else f"{size} releases"
        lines.append(f"| {label} | {r['per_second']:.1f} | {r['per_cpu_second']:.1f} | "
                     f"{r['cpu_ms_per_release']:.1f} | {r['failed']} | {r['triples']:,} |")
    lines += ["", "| store | triples | load s (wall) | load CPU s | CPU s per 10^6 | peak RSS MB "
              "| reason s | validate s |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for key, r in results["stores"].items():
        if "load_cpu_s" not in r:
            lines.append(f"| {key} | {r.get('error', 'no result')} | | | | | | |")
            continue
        per_million = r["load_cpu_s"] * 1e6 / max(r["triples"], 1)
        extra = {k: f"{v['seconds']:.2f}" for k, v in r["extras"].items()}
        lines.append(f"| {key.split()[0]} | {r['triples']:,} | {r['load_s']:.1f} | "
                     f"{r['load_cpu_s']:.1f} | {per_million:.1f} | {r['rss_mb']:.0f} | "
                     f"{extra.get('reason', '–')} | {extra.get('validate', '–')} |")
    sizes = sorted({int(k.split()[1]) for k in results["stores"]})
    names = sorted({q for r in results["stores"].values() for q in r["queries"]})
    lines += ["", "Median query latency (library query, default parameters); ratio = rdflib / "
              "embedded pyoxigraph:", ""]
    for s in sizes:
        lines += [f"| query @ {s:,} triples | pyoxigraph, disk (CPU) | Oxigraph server "
                  "(HTTP, wall) | rdflib Dataset (CPU) | ratio |", "|---|---:|---:|---:|---:|"]
        for name in names:
            rows = [results["stores"].get(f"{b} {s}", {}).get("queries", {}).get(name)
                    for b in ("oxigraph", "server", "rdflib")]
            cells = [fmt_time(rows[0]), fmt_time(rows[1], "median"), fmt_time(rows[2])]
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {_ratio(rows[0], rows[2])} |")
        lines.append("")
    lines += ["", *explorer_table(results["explorer"])]
    return "\n".join(lines)


def explorer_table(rows: dict) -> list[str]:
    """The explorer rows: generation (CPU s of explorer_data + render of the participation
    view) and, in headless Chromium, wall ms from navigation start to the first drawing, to a
    redraw after zooming in, to drawing every node, and to a redraw after zooming in with every
    node shown (median of 3 page loads)."""
    lines = ["| explorer | triples | nodes | edges | generation CPU s (wall) | HTML KB "
             "| browser ms to drawn | zoom redraw ms | all nodes drawn ms | zoom, all shown ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for target, r in rows.items():
        if "error" in r or "cpu_s" not in r:
            lines.append(f"| ~{target} nodes | – | – | – | {r.get('error', 'old format')} "
                         "| – | – | – | – | – |")
            continue
        b = r.get("browser", {})
        cells = [f"{b[k]:,.0f}" if k in b else b.get("error", "–")[:40]
                 for k in ("drawn_ms", "zoom_ms", "all_ms", "zoom_all_ms")]
        lines.append(f"| ~{int(target):,} nodes | {r['triples']:,} | {r['nodes']:,} | "
                     f"{r['edges']:,} | {r['cpu_s']:.1f} ({r['seconds']:.1f}) | "
                     f"{r['html_bytes'] / 1024:,.0f} | " + " | ".join(cells) + " |")
    return lines


def _ratio(ox_row: dict | None, rd_row: dict | None) -> str:
    """rdflib's CPU time over pyoxigraph's, or a lower bound when rdflib timed out."""
    if not ox_row or not rd_row or "cpu" not in ox_row or "error" in rd_row:
        return "–"
    base = max(ox_row["cpu"], 1e-4)
    if "timeout" in rd_row:
        return f">{rd_row['timeout'] / base:,.0f}×"
    return f"{rd_row['cpu'] / base:,.0f}×"


if __name__ == "__main__":
    main()
