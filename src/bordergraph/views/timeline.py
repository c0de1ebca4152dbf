"""The timeline picture: mechanisms against the administrations of both countries.

Two bands on top give the presidential terms of the United States and Mexico; below them one row
per mechanism with a dated session: a thin line from its establishment to its last session, a
dot for each session held (a ring for one announced), a red star for a relaunch after a lapse,
and the lapsed gap drawn dashed in red. Drawn with matplotlib (``Figure`` without pyplot, so no
global state and no display) and written as SVG and PNG; the SVG is deterministic (fixed hash
salt, no date in its metadata) and each session mark is an SVG group whose id names it
(``session--SERIES--DATE--N``), so a test can count the sessions the picture holds.

>>> from bordergraph.graph.open import open_store
>>> svg = timeline_svg(open_store(":memory:"))
>>> svg.startswith("<?xml") and "session--" not in svg
True
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from pathlib import Path
from typing import Any

from ..graph.store import Store
from .continuity import continuity
from .dates import LAPSE_DAYS, Terms, span, text

__all__ = ["COLOURS", "mark_id", "render", "timeline_svg", "write_timeline"]

COLOURS = {"US": ["#c6dbef", "#9ecae1"], "MX": ["#c7e9c0", "#a1d99b"]}
SESSION, ANNOUNCED, RELAUNCH, LAPSE = "#33415c", "#8d99ae", "#d62828", "#d62828"


def mark_id(series: str, date: Any, n: int) -> str:
    """The SVG id of a session mark: ``session--SERIES-SLUG--DATE--N``."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(series).rsplit("/", 1)[-1].lower()).strip("-")
    return f"session--{slug}--{text(date)}--{n}"


def _label(value: str, limit: int = 44) -> str:
    value = str(value)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _days(value: Any) -> tuple[dt.date, dt.date]:
    """The first and last day of a value known to be a date."""
    found = span(value)
    if found is None:
        raise ValueError(f"not a date: {value!r}")
    return found


def _mid(value: Any) -> dt.date:
    """The middle of a day, month or year, where its mark goes."""
    first, last = _days(value)
    return first + (last - first) / 2


def render(store: Store, *, lapse_days: int = LAPSE_DAYS) -> Any:
    """The matplotlib ``Figure`` of the timeline."""
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    terms = Terms(store)
    view = continuity(store, lapse_days=lapse_days, terms=terms)
    summary = view.summary[view.summary["dated_sessions"] > 0]
    rows = sorted(summary.to_dict("records"),
                  key=lambda r: (text(r["established"]) or text(r["first_session"]),
                                 str(r["series_label"])))
    sessions = view.sessions[view.sessions["date"].notna()].to_dict("records")
    ends = [_days(s["date"])[1] for s in sessions]
    # From the first session or the first term of either country, whichever is earlier; an
    # establishment before that (BBBXG, 1983) starts at the left edge.
    earliest = [t.start for code in ("US", "MX") for t in terms.country(code)[:1]]
    first = min([_days(s["date"])[0] for s in sessions] + earliest,
                default=dt.date(2009, 1, 1)).replace(month=1, day=1)
    last = max(ends, default=dt.date(2025, 1, 1)).replace(month=12, day=31)
    height = 1.6 + 0.42 * (len(rows) + 3)
    fig = Figure(figsize=(13, height), dpi=100)
    ax = fig.add_axes((0.27, 0.9 / height, 0.7, 1 - 1.6 / height))
    x0, x1 = mdates.date2num(first), mdates.date2num(last)
    labels = []
    for i, code in enumerate(("US", "MX")):
        y = len(rows) + 2 - i
        labels.append((y, "U.S. administrations" if code == "US" else "Mexican administrations"))
        for k, term in enumerate(terms.country(code)):
            a = max(mdates.date2num(term.start), x0)
            b = min(mdates.date2num(term.end or last), x1)
            if b <= a:
                continue
            ax.barh(y, b - a, left=a, height=0.8, color=COLOURS[code][k % 2],
                    edgecolor="white", linewidth=1, gid=f"term--{term.iri.rsplit('/', 1)[-1]}")
            name = term.label.replace(" administration", "").replace("First ", "") \
                .replace("Second ", "")
            room = int((b - a) / 365 * 2.4)  # about the characters that fit in the band
            if room >= 4:
                ax.text((a + b) / 2, y, _label(name, room), ha="center", va="center",
                        fontsize=8, clip_on=True)
    for y, r in zip(range(len(rows), 0, -1), rows, strict=False):
        labels.append((y, _label(r["series_label"])))
        mine = sorted((s for s in sessions if s["series"] == r["series"]),
                      key=lambda s: (span(s["date"]), str(s["session_label"])))
        begin = _days(r["established"] if span(r["established"]) else mine[0]["date"])[0]
        held = [s for s in mine if not s["announced"]]
        end = _days(held[-1]["date"])[0] if held else begin
        ax.plot([mdates.date2num(max(begin, first)), mdates.date2num(end)], [y, y],
                color="#adb5bd", linewidth=2, solid_capstyle="round", zorder=1)
        for a, b in itertools.pairwise(held):
            if b["relaunch"]:
                gap = (mdates.date2num(_days(a["date"])[1]), mdates.date2num(_days(b["date"])[0]))
                ax.plot(gap, [y, y], color=LAPSE, linewidth=2, linestyle=(0, (3, 2)), zorder=2)
        for n, s in enumerate(mine):
            style: dict[str, Any] = (
                {"marker": "*", "markersize": 15, "color": RELAUNCH} if s["relaunch"] else
                {"marker": "o", "markersize": 8, "markerfacecolor": "white",
                 "color": ANNOUNCED} if s["announced"] else
                {"marker": "o", "markersize": 8, "color": SESSION})
            ax.plot([mdates.date2num(_mid(s["date"]))], [y], linestyle="none", zorder=3,
                    gid=mark_id(r["series"], s["date"], n), **style)
            if s["relaunch"]:
                at = (mdates.date2num(_mid(s["date"])), y)
                ax.annotate(f"relaunched {text(s['date'])[:4]}", at,
                            xytext=(0, 9), textcoords="offset points", ha="center",
                            fontsize=8, color=RELAUNCH)
    ax.set_yticks([y for y, _ in labels], [lab for _, lab in labels], fontsize=9)
    ax.set_ylim(0.3, len(rows) + 2.7)
    ax.set_xlim(x0, x1)
    ax.xaxis.set_major_locator(mdates.YearLocator(2 if (last.year - first.year) > 16 else 1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#e9ecef", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title("Mechanisms and administrations: sessions the releases report "
                 f"(★ relaunch after a gap over {lapse_days} days, ○ announced)",
                 fontsize=10, loc="left")
    return fig


def _save(fig: Any, fmt: str) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "bordergraph", "svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else
                    {"Software": None})
    return buffer.getvalue()


def timeline_svg(store: Store, *, lapse_days: int = LAPSE_DAYS) -> str:
    """The timeline as SVG text (for the explorer's tab)."""
    return _save(render(store, lapse_days=lapse_days), "svg").decode("utf-8")


def write_timeline(store: Store, path: str | Path, *, lapse_days: int = LAPSE_DAYS) -> list[Path]:
    """Write the timeline as ``NAME.svg`` and ``NAME.png`` beside ``path``; returns both paths.

    >>> from bordergraph.graph.open import open_store
    >>> import tempfile, os
    >>> outs = write_timeline(open_store(":memory:"), os.path.join(tempfile.mkdtemp(), "t.png"))
    >>> [p.name for p in outs]
    ['t.svg', 't.png']
    """
    base = Path(path)
    if base.suffix.lower() in (".svg", ".png"):
        base = base.with_suffix("")
    base.parent.mkdir(parents=True, exist_ok=True)
    fig = render(store, lapse_days=lapse_days)
    outs = [base.with_name(base.name + ".svg"), base.with_name(base.name + ".png")]
    outs[0].write_bytes(_save(fig, "svg"))
    outs[1].write_bytes(_save(fig, "png"))
    return outs
