"""Measure the extractor's date frame against dateparser, side by side, on the corpus.

The issue behind it asks whether a well-kept library (dateparser) finds and resolves the dates of
releases at least as well as the hand-written frame in ``ingest/extract/dates.py``. Both read the
same sentences of every release in ``data/releases`` with the release's issue date as the base
for relative expressions ("yesterday", "el pasado martes"). The table gives, per language:

- recall of the gold event dates (day, month or year, as GOLD_SCHEMA writes them) among the dates
  each method finds anywhere in the release: the candidates an event frame can choose from;
- how many distinct dates each finds per release (more is noise for the event frame to sift);
- agreement: of the spans the frame resolves, the share dateparser resolves to the same value
  when given that span alone;
- CPU milliseconds per release.

    pip install dateparser        # not a dependency of bordergraph: only this script needs it
    python benchmarks/date_candidates.py
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"corpus": ROOT / "data" / "releases", "validation": ROOT / "tests" / "data" / "validation"}


def _releases(folder: Path) -> list[tuple[str, str, str, list[str], set[str]]]:
    """(name, language, issue date, sentences, gold event dates) of every release in ``folder``."""
    from bordergraph.ingest.extract.sentences import split
    from bordergraph.ingest.read import read_release

    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        path = next(p for p in (folder / f"{name}.txt", folder / f"{name}.html") if p.exists())
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = read_release(path)
        lang = text.source.language or "en"
        issued = text.source.issued or gold["source"].get("issued")
        if not issued:
            continue
        sents = [s.text for s in split(text.body, text.source.title, lang)]
        dates = {e["date"] for e in gold.get("events", []) if e.get("date")}
        out.append((name, lang, issued, sents, dates))
    return out


def _iso(value: dt.datetime, like: str) -> str:
    """``value`` at the precision of ``like`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return value.date().isoformat()[: len(like)]


def _frame(lang: str, issued: str, sents: list[str]) -> tuple[set[str], list[tuple[str, str]]]:
    from bordergraph.ingest.extract.dates import find_dates

    found: set[str] = set()
    spans = []
    for s in sents:
        for m in find_dates(s, lang, int(issued[:4]), issued):
            found.add(m.value)
            spans.append((s[m.start : m.end], m.value))
    return found, spans


def _settings(issued: str) -> dict[str, object]:
    base = dt.datetime.fromisoformat(issued[:10])
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def _dateparser(lang: str, issued: str, sents: list[str]) -> set[str]:
    from dateparser.search import search_dates

    found: set[str] = set()
    for s in sents:
        for _, value in search_dates(s, languages=[lang], settings=_settings(issued)) or []:
            found.update({value.date().isoformat(), value.date().isoformat()[:7], str(value.year)})
    return found


def main() -> int:
    try:
        import dateparser
    except ImportError:
        print("this comparison needs dateparser: pip install dateparser", file=sys.stderr)
        return 2
    rows: dict[tuple[str, str], dict[str, float]] = {}
    for set_name, folder in SETS.items():
        for _, lang, issued, sents, gold in _releases(folder):
            _measure(
                rows.setdefault(
                    (set_name, lang),
                    dict.fromkeys(
                        (
                            "releases",
                            "gold",
                            "frame_hit",
                            "dp_hit",
                            "frame_n",
                            "dp_n",
                            "spans",
                            "agree",
                            "frame_ms",
                            "dp_ms",
                        ),
                        0.0,
                    ),
                ),
                lang,
                issued,
                sents,
                gold,
                dateparser.parse,
            )
    print(
        f"{'set':<11}{'lang':<5}{'releases':>9}{'gold dates':>11}{'recall frame':>13}"
        f"{'recall dp':>10}{'dates/rel frame':>16}{'days/rel dp':>12}{'span agree':>11}"
        f"{'ms/rel frame':>13}{'ms/rel dp':>10}"
    )
    for (set_name, lang), r in rows.items():
        n = r["releases"]
        print(
            f"{set_name:<11}{lang:<5}{n:>9.0f}{r['gold']:>11.0f}"
            f"{r['frame_hit'] / r['gold']:>13.3f}{r['dp_hit'] / r['gold']:>10.3f}"
            f"{r['frame_n'] / n:>16.1f}{r['dp_n'] / n:>12.1f}"
            f"{r['agree'] / max(1, r['spans']):>11.3f}{r['frame_ms'] / n:>13.1f}"
            f"{r['dp_ms'] / n:>10.1f}"
        )
    return 0


def _measure(r, lang, issued, sents, gold, parse) -> None:  # type: ignore[no-untyped-def]
    """Add one release's figures to the row ``r``."""
    t = time.process_time()
    frame_found, spans = _frame(lang, issued, sents)
    r["frame_ms"] += (time.process_time() - t) * 1000
    t = time.process_time()
    dp_found = _dateparser(lang, issued, sents)
    r["dp_ms"] += (time.process_time() - t) * 1000
    # the frame's values are at their own precision: a gold month is found in any of its days
    frame_all = frame_found | {v[:7] for v in frame_found} | {v[:4] for v in frame_found}
    r["releases"] += 1
    r["gold"] += len(gold)
    r["frame_hit"] += len(gold & frame_all)
    r["dp_hit"] += len(gold & dp_found)
    r["frame_n"] += len(frame_found)
    r["dp_n"] += len({v for v in dp_found if len(v) == 10})
    for span, value in spans:
        parsed = parse(span, languages=[lang], settings=_settings(issued))
        r["spans"] += 1
        r["agree"] += parsed is not None and _iso(parsed, value) == value


if __name__ == "__main__":
    sys.exit(main())
