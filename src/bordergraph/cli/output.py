"""Writing result tables: a table that fits the terminal, records, CSV, TSV, JSON or a workbook.

The table options (``--format``, ``-o``, ``--wide``, ``--vertical``) are read from the click
context, so a command only passes its columns and rows to :func:`emit`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import BordergraphError
from .layout import fit, vertical


def _setting(name: str, default: Any = None) -> Any:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(f"bordergraph.{name}", default) if ctx else default


def terminal_width() -> int:
    """``$COLUMNS`` when set, else the terminal's width, else 100 (output to a pipe or file)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size((100, 24)).columns


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, title: str = "") -> None:
    """Print ``rows`` under ``columns`` in ``fmt``, or write them to ``-o FILE`` when given."""
    output: Path | None = _setting("output")
    cells = [["" if v is None else v for v in row] for row in rows]
    if fmt == "xlsx":
        if output is None and sys.stdout.isatty():
            raise BordergraphError("--format xlsx writes a workbook: give -o FILE.xlsx")
        data = workbook(columns, rows, title)
        if output is None:
            sys.stdout.buffer.write(data)
        else:
            output.write_bytes(data)
            click.echo(f"wrote {output}", err=True)
        return
    buffer = io.StringIO()
    if fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        json.dump(records, buffer, ensure_ascii=False, indent=2, default=str)
        buffer.write("\n")
    elif fmt in ("csv", "tsv"):
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
    elif _setting("vertical"):
        buffer.write(vertical(columns, [[str(v) for v in row] for row in cells], terminal_width()))
    else:
        _table(buffer, list(columns), [[str(v) for v in row] for row in cells], title,
               to_file=output is not None)
    if output is None:
        sys.stdout.write(buffer.getvalue())
    else:
        output.write_text(buffer.getvalue(), encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


def _table(out: io.StringIO, columns: list[str], rows: list[list[str]], title: str,
           to_file: bool) -> None:
    width = terminal_width()
    if _setting("wide") or to_file:
        keep, widths = list(range(len(columns))), None
        width = max(width, 40 + sum(max([len(c), *(len(r[i]) for r in rows)]) + 3
                                    for i, c in enumerate(columns)))
    else:
        keep, widths = fit(columns, rows, width)
        left = [columns[i] for i in range(len(columns)) if i not in keep]
        if left:
            click.echo(f"note: left out to fit {width} columns: {', '.join(left)} "
                       "(--wide or --vertical shows every column)", err=True)
    table = Table(title=title or None, show_lines=False)
    for n, i in enumerate(keep):
        table.add_column(columns[i], overflow="ellipsis",
                         min_width=widths[n] if widths else None)
    for row in rows:
        # Text(), not str: text from releases is data, never rich markup.
        table.add_row(*(Text(row[i]) for i in keep))
    Console(file=out, width=width, soft_wrap=False, color_system=None).print(table)


def workbook(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "") -> bytes:
    """An .xlsx workbook (openpyxl) of one sheet: a bold header row, then the rows.

    Dates stay dates and numbers numbers; a text cell starting with ``=`` is written as text,
    never as a formula.

    >>> import io, openpyxl
    >>> data = workbook(["name", "n"], [["=1+1", 2]], "demo")
    >>> sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    >>> sheet["A2"].value, sheet["A2"].data_type, sheet["B2"].value, sheet.title
    ('=1+1', 's', 2, 'demo')
    """
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "".join(c for c in (title or "answer") if c not in "[]:*?/\\")[:31] or "answer"
    sheet.append([str(c) for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is not None and not isinstance(value, int | float | dt.date | bool):
                value = str(value)
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    for c, column in enumerate(columns, start=1):
        longest = max([len(str(column)), *(len(str(row[c - 1] or "")) for row in rows)])
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = \
            min(60, longest + 2)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()
