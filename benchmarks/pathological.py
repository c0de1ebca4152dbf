"""Pathological release files of growing size: read + extract time and peak memory per file.

    python benchmarks/pathological.py            # every family, sizes up to the issue's own
    python benchmarks/pathological.py --quick    # the two smallest sizes of each family
    python benchmarks/pathological.py --family names --sizes 1000,8000

Each measurement runs ``read_release`` and ``extract`` on one generated file in a fresh process
(peak RSS is that process's) with a time limit; the table prints the seconds, the peak MB and the
slope between consecutive sizes (log t / log n: 1 is linear, 2 quadratic). Nothing is asserted:
the table is the result (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT_S = 60.0

FIRST = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Fabio", "Gloria", "Hugo", "Irene"]


def _name(i: int) -> str:
    """A distinct made-up name for every i: "Ana Bedaf", "Bruno Cidaf", ..."""
    consonants, vowels = "bcdfglmnprstvz", "aeiou"
    word, n = "", i
    for _ in range(3):  # three syllables: 70^3 distinct surnames
        word += consonants[n % 14] + vowels[n // 14 % 5]
        n //= 70
    return f"{FIRST[i % len(FIRST)]} {word.capitalize()}n"


def names(n: int) -> str:
    """n distinct people, one a line (the issue: 8,000 names in 216 KB)."""
    return "".join(f"Secretary {_name(i)} met.\n" for i in range(n))


def lines(n: int) -> str:
    """n short lines (the issue: 1 million lines, 2 MB)."""
    return "a\n" * n


def secretary(n: int) -> str:
    """n lines "Secretary X met." (the issue: 245,000 lines)."""
    return "Secretary X met.\n" * n


def nesting(n: int) -> str:
    """n unclosed <div><span> before the text (the issue: 100,000)."""
    return ("<html><body>" + "<div><span>" * n
            + "On May 3, 2021, Secretary of State Antony J. Blinken met Secretary Marcelo Ebrard.")


FAMILIES = {
    "names": (names, ".txt", [1000, 2000, 4000, 8000]),
    "lines": (lines, ".txt", [5_000, 10_000, 20_000, 1_000_000, 2_000_000]),
    "secretary": (secretary, ".txt", [2_500, 5_000, 10_000, 245_000]),
    "nesting": (nesting, ".html", [12_500, 25_000, 50_000, 100_000, 200_000]),
}

CHILD = """
import resource, sys, time
from bordergraph.errors import ReleaseError
from bordergraph.ingest.read import read_release
from bordergraph.ingest.extract import extract
t = time.perf_counter()
try:
    text = read_release(sys.argv[1])
except ReleaseError:
    text = None
t_read = time.perf_counter() - t
record = extract(text) if text is not None else None
total = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
people, events = (len(record.people), len(record.events)) if record else ("-", "-")
print(f"{t_read:.3f} {total:.3f} {peak:.0f} {people} {events} {'ok' if record else 'refused'}")
"""


def measure(path: Path, uncapped: bool) -> tuple[str, ...]:
    env = dict(os.environ)
    if uncapped:  # the sentence limit lifted: how extraction itself grows
        env["BORDERGRAPH_MAX_SENTENCES"] = env["BORDERGRAPH_MAX_LINES"] = "1e9"
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                             text=True, timeout=LIMIT_S, env=env)
    except subprocess.TimeoutExpired:
        return ("", f">{LIMIT_S:.0f}", "", "", "", "timeout")
    if out.returncode != 0:
        return ("", "", "", "", "", out.stderr.strip().splitlines()[-1][:60])
    return tuple(out.stdout.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--family", choices=sorted(FAMILIES), action="append")
    parser.add_argument("--sizes", help="comma-separated sizes (with one --family)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--uncapped", action="store_true",
                        help="lift the line and sentence limits to see the slope")
    args = parser.parse_args()
    where = Path(tempfile.mkdtemp(prefix="bordergraph-patho-"))
    print(f"{'family':10} {'n':>9} {'KB':>7} {'read s':>7} {'total s':>8} {'peak MB':>8} "
          f"{'people':>6} {'events':>6} {'slope':>6}  outcome")
    for family in args.family or list(FAMILIES):
        make, suffix, sizes = FAMILIES[family]
        if args.sizes:
            sizes = [int(s) for s in args.sizes.split(",")]
        elif args.quick:
            sizes = sizes[:2]
        previous: tuple[int, float] | None = None
        for n in sizes:
            path = where / f"{family}-{n}{suffix}"
            path.write_text(make(n), encoding="utf-8")
            t_read, total, peak, people, events, outcome = measure(path, args.uncapped)
            slope = ""
            try:
                seconds = float(total)
                if previous and seconds > 0.05 and previous[1] > 0.05 and outcome == "ok":
                    slope = f"{math.log(seconds / previous[1]) / math.log(n / previous[0]):.2f}"
                previous = (n, seconds) if outcome == "ok" else None
            except ValueError:
                previous = None
            kb = path.stat().st_size / 1000
            print(f"{family:10} {n:>9,} {kb:>7.0f} {t_read:>7} {total:>8} {peak:>8} "
                  f"{people:>6} {events:>6} {slope:>6}  {outcome}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
