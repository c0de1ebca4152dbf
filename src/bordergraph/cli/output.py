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
    if fmt == "json":
        _write(_json([dict(zip(columns, row, strict=True)) for row in rows]))
    else:
        emit_tables([(title, columns, rows)], fmt)


def emit_tables(tables: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]],
                fmt: str) -> None:
    """Print several named tables (name, columns, rows) as one answer in ``fmt``, or write them
    all to ``-o FILE``: one workbook sheet each in xlsx, one key each in JSON, CSV/TSV sections
    after a ``# name`` line when there is more than one table, titled tables otherwise."""
    if fmt == "xlsx":
        _write(workbook_of(tables))
        return
    if fmt == "json":
        _write(_json({name: [dict(zip(cols, row, strict=True)) for row in rows]
                      for name, cols, rows in tables}))
        return
    to_file = _setting("output") is not None
    buffer = io.StringIO()
    for i, (name, columns, rows) in enumerate(tables):
        cells = [["" if v is None else v for v in row] for row in rows]
        if fmt in ("csv", "tsv"):
            if len(tables) > 1:
                buffer.write(("\n" if i else "") + f"# {name}\n")
            writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t",
                                lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(cells)
        elif _setting("vertical"):
            buffer.write(vertical(columns, [[str(v) for v in row] for row in cells],
                                  terminal_width()))
        else:
            _table(buffer, list(columns), [[str(v) for v in row] for row in cells], name,
                   to_file=to_file)
    _write(buffer.getvalue())


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"


def _write(data: str | bytes) -> None:
    """``data`` to ``-o FILE`` (saying so on stderr) or to stdout; a workbook never to a tty."""
    output: Path | None = _setting("output")
    if isinstance(data, bytes) and output is None and sys.stdout.isatty():
        raise BordergraphError("--format xlsx writes a workbook: give -o FILE.xlsx")
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    if isinstance(data, bytes):
        output.write_bytes(data)
    else:
        output.write_text(data, encoding="utf-8")
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
    return workbook_of([(title, columns, rows)])


def workbook_of(tables: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> bytes:
    """An .xlsx workbook with one sheet per (name, columns, rows), as :func:`workbook` writes one.

    >>> import io, openpyxl
    >>> data = workbook_of([("a", ["x"], [[1]]), ("b", ["y"], [["z"]])])
    >>> openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    ['a', 'b']
    """
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, columns, rows in tables:
        name = "".join(c for c in (title or "answer") if c not in "[]:*?/\\")[:31] or "answer"
        while name in book.sheetnames:  # sheet names are unique, and at most 31 characters
            name = name[:28] + f"~{len(book.sheetnames)}"
        _sheet(book.create_sheet(name), columns, rows)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _sheet(sheet: Any, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    import datetime as dt

    from openpyxl.styles import Font

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
