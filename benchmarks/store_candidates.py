"""Measure the embedded-store candidates side by side: load time, peak RSS and a 3-way join.

Candidates: rdflib's in-memory Dataset, rdflib over oxrdflib, pyoxigraph in memory, pyoxigraph
on disk. Each runs in its own subprocess so peak RSS is its own. Usage:

    python benchmarks/store_candidates.py [--quads 100000] [--timeout 120]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time

JOIN = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g1 { ?p1 bg:participant ?a ; bg:event ?e }
  GRAPH ?g2 { ?p2 bg:participant ?b ; bg:event ?e }
  FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"""


def synthetic_nquads(n_quads: int, seed: int = 7) -> str:
    """Participation-shaped quads: people at events, spread over release graphs."""
    rng = random.Random(seed)
    bg, ids = "https://w3id.org/bordergraph/ontology#", "https://w3id.org/bordergraph/id/"
    people = max(10, n_quads // 200)
    events = max(5, n_quads // 400)
    lines = []
    i = 0
    while len(lines) < n_quads:
        g = f"<https://w3id.org/bordergraph/release/r{i // 30}>"
        part = f"<{ids}participation/{i}>"
        lines.append(f"{part} <{bg}participant> <{ids}person/p{rng.randrange(people)}> {g} .")
        lines.append(f"{part} <{bg}event> <{ids}event/e{rng.randrange(events)}> {g} .")
        lines.append(f'{part} <{bg}note> "participation {i}" {g} .')
        i += 1
    return "\n".join(lines[:n_quads]) + "\n"


def _child(backend: str, path: str, timeout: float) -> None:
    import resource

    with open(path, encoding="utf-8") as f:
        data = f.read()
    start = time.perf_counter()
    if backend.startswith("pyoxigraph"):
        import pyoxigraph as ox

        store = ox.Store(tempfile.mkdtemp()) if backend == "pyoxigraph-disk" else ox.Store()
        store.load(data.encode(), format=ox.RdfFormat.N_QUADS)
        loaded = time.perf_counter()
        rows = len(list(store.query(JOIN)))
    else:
        from rdflib import Dataset

        ds = Dataset(store="Oxigraph") if backend == "oxrdflib" else Dataset()
        ds.parse(data=data, format="nquads")
        loaded = time.perf_counter()
        rows = len(list(ds.query(JOIN)))
    done = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load_s": loaded - start, "join_s": done - loaded, "rows": rows,
                      "rss_mb": rss}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quads", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], args.timeout)
        return
    with tempfile.NamedTemporaryFile("w", suffix=".nq", delete=False, encoding="utf-8") as f:
        f.write(synthetic_nquads(args.quads))
    print(f"{args.quads:,} quads, 3-way co-participation join over named graphs")
    print(f"{'backend':18} {'load s':>8} {'join s':>8} {'rows':>7} {'peak MB':>8}")
    for backend in ("rdflib-memory", "oxrdflib", "pyoxigraph-memory", "pyoxigraph-disk"):
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--child", backend, f.name],
                capture_output=True, text=True, timeout=args.timeout, check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{backend:18} {r['load_s']:8.2f} {r['join_s']:8.2f} {r['rows']:7d} "
                  f"{r['rss_mb']:8.0f}")
        except subprocess.TimeoutExpired:
            print(f"{backend:18} {'>' + str(int(args.timeout)) + 's':>8}")
        except subprocess.CalledProcessError as exc:
            print(f"{backend:18} failed: {exc.stderr.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
