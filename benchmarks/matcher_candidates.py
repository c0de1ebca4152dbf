"""Measure the extractor's lexicon scanner against spaCy's PhraseMatcher, side by side.

Issue 14 suggests spaCy's tokenizer and ``PhraseMatcher`` on a blank ``en``/``es`` pipeline for
token patterns. The lookup where the extractor leans hardest on a word list is the port frame:
every name, variant and city of the reference gazetteer's ports (about 1,000 forms) in one
scanner (``ingest/extract/port_names.py``). Both read the same folded text of every release in
``data/releases`` and ``tests/data/validation``; the table gives the spans each finds, how many
they share, and the CPU milliseconds per release (spaCy's with its tokenizer, which it needs).

    pip install spacy          # not a dependency of bordergraph: only this script needs it
    python benchmarks/matcher_candidates.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"corpus": ROOT / "data" / "releases", "validation": ROOT / "tests" / "data" / "validation"}


def _texts() -> list[tuple[str, str]]:
    """(language, folded body) of every release with gold in the two sets."""
    from bordergraph.ingest.extract.port_names import fold
    from bordergraph.ingest.read import read_release

    out = []
    for folder in SETS.values():
        for gold in sorted(folder.glob("*.gold.json")):
            name = gold.name.removesuffix(".gold.json")
            path = next(p for p in (folder / f"{name}.txt", folder / f"{name}.html") if p.exists())
            text = read_release(path)
            out.append((text.source.language or "en", fold(text.body)))
    return out


def main() -> int:
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        print("this comparison needs spaCy: pip install spacy", file=sys.stderr)
        return 2
    from bordergraph.ingest.extract.port_names import index

    forms, _, scanner = index()
    assert scanner is not None, "the reference gazetteer is needed"
    texts = _texts()
    rows = []
    ours: list[set[tuple[int, int]]] = []
    t = time.process_time()
    for _, body in texts:
        ours.append({m.span() for m in scanner.finditer(body)})
    rows.append(("regex scanner (bordergraph)", time.process_time() - t, ours))

    t_setup = time.process_time()
    pipelines = {lang: spacy.blank(lang) for lang in ("en", "es")}
    matchers = {}
    for lang, nlp in pipelines.items():
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("PORT", list(nlp.tokenizer.pipe(forms)))
        matchers[lang] = matcher
    setup = time.process_time() - t_setup
    theirs: list[set[tuple[int, int]]] = []
    t = time.process_time()
    for lang, body in texts:
        doc = pipelines[lang](body)
        spans = [doc[s:e] for _, s, e in matchers[lang](doc)]
        # longest first without overlaps, as the regex alternation takes them
        taken: list[tuple[int, int]] = []
        for span in sorted(spans, key=lambda s: (s.start_char, -(s.end_char - s.start_char))):
            if not taken or span.start_char >= taken[-1][1]:
                taken.append((span.start_char, span.end_char))
        theirs.append(set(taken))
    rows.append(("spaCy blank + PhraseMatcher", time.process_time() - t, theirs))

    n = len(texts)
    print(
        f"{n} releases; spaCy setup (two blank pipelines, matcher of {len(forms)} forms): "
        f"{setup * 1000:.0f} ms"
    )
    print(f"{'method':<30}{'spans':>7}{'shared':>8}{'only this':>11}{'ms/release':>12}")
    for name, seconds, found in rows:
        other = rows[1][2] if found is ours else ours
        total = sum(len(f) for f in found)
        shared = sum(len(a & b) for a, b in zip(found, other, strict=True))
        print(f"{name:<30}{total:>7}{shared:>8}{total - shared:>11}{seconds * 1000 / n:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
