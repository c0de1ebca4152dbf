"""What the explorer writes beside the graph: legible labels, a layout sized for them, and the
releases' whole text (embedded, shown on demand in the side panel).

Labels: a canvas label is drawn at its font size times the zoom, so a layout much wider than
the screen draws 19-unit labels at 6 px. :func:`fit_to_screen` scales the first screen's
positions so that, fitted to a typical screen, labels draw at ``MIN_PX`` or more; the
declutter pass then pushes overlapping labels apart again.

>>> wrap_label("13th Plenary Meeting of the 21st Century Border Management Process", 28)
'13th Plenary Meeting of the\\n21st Century Border…'
"""

from __future__ import annotations

import textwrap

from ..graph.store import Store

MIN_PX = 12  # the smallest label, in screen pixels, at the first fit
SCREEN = (1100.0, 800.0)  # the graph's area on a 1400 × 900 window (the side bar is 250 px)
TEXT_BUDGET = 4_000_000  # characters of release text embedded in one page, at most

Q_TEXTS = """PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?id ?text WHERE { GRAPH ?r { ?r schema:text ?text ; dcterms:identifier ?id } }"""


def wrap_label(text: str, width: int = 28, lines: int = 2) -> str:
    """``text`` on at most ``lines`` lines of ``width`` characters, cut at a word with "…"."""
    wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = wrapped[:lines]
    kept[-1] = kept[-1].rstrip(" ,;:") + "…"
    return "\n".join(kept)


def fit_to_screen(pos: dict[str, tuple[float, float]], fonts: dict[str, float]
                  ) -> dict[str, tuple[float, float]]:
    """``pos`` scaled (about its centre) so a fit to SCREEN draws every label at MIN_PX+.

    >>> fit_to_screen({"a": (0.0, 0.0), "b": (4000.0, 0.0)}, {"a": 15, "b": 15})["b"][0]
    2537.5
    """
    if len(pos) < 2 or not fonts:
        return pos
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    wanted = MIN_PX / min(fonts.values())  # the zoom at which the smallest label is MIN_PX
    # Each axis on its own: the declutter pass then spreads labels where the screen has room.
    sx = min(1.0, (SCREEN[0] / wanted - 300) / max(1.0, max(xs) - min(xs)))
    sy = min(1.0, (SCREEN[1] / wanted - 150) / max(1.0, max(ys) - min(ys)))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (round(cx + (x - cx) * sx, 1), round(cy + (y - cy) * sy, 1))
            for v, (x, y) in pos.items()}


def release_texts(store: Store, budget: int = TEXT_BUDGET) -> dict[str, str]:
    """The whole text of each release by identifier, while the page's budget lasts."""
    texts: dict[str, str] = {}
    used = 0
    for rid, text in sorted(store.select(Q_TEXTS).rows, key=lambda r: str(r[0])):
        if rid is None or text is None or used + len(str(text)) > budget:
            continue
        texts[str(rid)] = str(text)
        used += len(str(text))
    return texts
