"""Commands across time: asof, continuity, timeline.

Thin wrappers over :meth:`BorderGraph.as_of`, :meth:`BorderGraph.continuity` and
:meth:`BorderGraph.timeline`. ``asof`` and ``continuity`` print several tables: as rich tables
one under the other, as one JSON object of tables, or (csv, tsv) each table after a ``# NAME``
line; ``--only NAME`` prints one table alone (plain CSV). Tables leave out the IRI columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..views.dates import LAPSE_DAYS, WINDOW_DAYS
from .app import format_option, main, store_option
from .output import emit, emit_tables
from .query import _reading

AS_OF_TABLES = ("administrations", "mechanisms", "officials", "events")
CONTINUITY_TABLES = ("summary", "by_administration", "gaps", "sessions", "officials")


def _records(frame: Any) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows of plain values (missing values as None)."""
    import pandas as pd

    def plain(v: Any) -> Any:
        if not isinstance(v, list | tuple) and pd.isna(v):
            return None
        return v.item() if hasattr(v, "item") else v  # numpy scalars as Python numbers

    rows = [[plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    return [str(c) for c in frame.columns], rows


def _emit_tables(tables: dict[str, Any], fmt: str, only: str | None, heading: str) -> None:
    """The view's tables as one answer (``-o FILE`` gets them all); ``--only`` prints one, and
    in JSON just its records."""
    if only:
        columns, rows = _records(tables[only])
        if fmt == "json":
            emit(columns, rows, fmt)
            return
        tables = {only: tables[only]}
    named = []
    for name, frame in tables.items():
        if fmt == "table":  # IRIs make a table unreadable: the labels beside them are shown
            frame = frame[[c for c in frame.columns if not (
                len(frame) and frame[c].map(lambda v: str(v).startswith("https://")).all())]]
        columns, rows = _records(frame)
        named.append((f"{heading}: {name}" if fmt == "table" else name, columns, rows))
    emit_tables(named, fmt)


@main.command("asof")
@click.argument("date")
@click.option("--window", type=click.IntRange(min=0), default=WINDOW_DAYS, show_default=True,
              help="Days either side of DATE for the officials and events shown.")
@click.option("--lapse-days", type=click.IntRange(min=0), default=LAPSE_DAYS, show_default=True,
              help="A mechanism whose last session seen is older than this is 'lapsed'.")
@click.option("--only", type=click.Choice(AS_OF_TABLES), default=None,
              help="Print only this table.")
@format_option
@store_option
def asof(date, window, lapse_days, only, fmt, store, update_url):  # type: ignore[no-untyped-def]
    """The graph as of DATE (YYYY-MM-DD): each country's administration, the mechanisms
    established by then (active or lapsed, with their last and next sessions), who was seen in
    which post around DATE (with the evidence dates: releases only witness a holding) and the
    events of the window.

    \b
    Examples:
      bordergraph asof 2021-12-02
      bordergraph asof 2019-06-01 --only mechanisms
      bordergraph asof 2021-12-02 --window 90 --only officials --format csv
      bordergraph asof 2022-10-13 --format json
    """
    with _reading(store, update_url) as bg:
        view = bg.as_of(date, window=window, lapse_days=lapse_days)
    heading = f"as of {view.date} (window {view.since} – {view.until})"
    _emit_tables(view.tables(), fmt, only, heading)


@main.command("continuity")
@click.argument("mechanism", required=False)
@click.option("--lapse-days", type=click.IntRange(min=0), default=LAPSE_DAYS, show_default=True,
              help="A gap between sessions longer than this is a lapse; the next session a "
              "relaunch.")
@click.option("--min-administrations", type=click.IntRange(min=1), default=2, show_default=True,
              help="Officials seen in at least this many administrations of their country.")
@click.option("--only", type=click.Choice(CONTINUITY_TABLES), default=None,
              help="Print only this table.")
@format_option
@store_option
def continuity_command(mechanism, lapse_days, min_administrations, only, fmt, store,  # type: ignore[no-untyped-def]
                       update_url):
    """Continuity of each mechanism (or MECHANISM, by name, acronym or IRI) across the
    administrations of both countries: the administrations it spans against those the releases
    state, sessions per administration (the first under each new one), gaps longer than
    --lapse-days and the relaunches after them, and the officials seen across administrations
    with their posts.

    \b
    Examples:
      bordergraph continuity
      bordergraph continuity HLED --only gaps
      bordergraph continuity "21st Century Border Management Process" --only summary
      bordergraph continuity --lapse-days 1000 --format json
    """
    with _reading(store, update_url) as bg:
        view = bg.continuity(mechanism, lapse_days=lapse_days,
                             min_administrations=min_administrations)
    if mechanism and view.summary.empty:
        click.echo(f"note: no mechanism matches {mechanism!r}", err=True)
    for row in view.summary[view.summary["agrees_with_stated"] == False].itertuples():  # noqa: E712
        click.echo(f"note: {row.series_label} spans {row.us_count} U.S. and {row.mx_count} "
                   f"Mexican administrations in the graph; a release states {row.stated_us} "
                   f"and {row.stated_mx}", err=True)
    _emit_tables(view.tables(), fmt, only, "continuity")


@main.command("timeline")
@click.option("-o", "--output", "path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("timeline.svg"), show_default=True,
              help="Where to write: NAME.svg and NAME.png are both written.")
@click.option("--lapse-days", type=click.IntRange(min=0), default=LAPSE_DAYS, show_default=True,
              help="Gaps longer than this are drawn as lapses, the session after as a relaunch.")
@store_option
def timeline(path, lapse_days, store, update_url):  # type: ignore[no-untyped-def]
    """Draw the mechanisms against the administrations of both countries (bands for terms,
    dots for sessions, stars for relaunches) as SVG and PNG.

    \b
    Examples:
      bordergraph timeline -o timeline.svg        # writes timeline.svg and timeline.png
      bordergraph timeline -o out/mechanisms.png --lapse-days 1000
    """
    with _reading(store, update_url) as bg:
        outs = bg.timeline(path, lapse_days=lapse_days)
    for out in outs:
        click.echo(str(out))
