"""Writing result tables as a rich table, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, title: str = "") -> None:
    """Print ``rows`` under ``columns`` in ``fmt`` (table, csv, tsv or json) on stdout."""
    cells = [["" if v is None else v for v in row] for row in rows]
    if fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif fmt in ("csv", "tsv"):
        writer = csv.writer(
            sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n"
        )
        writer.writerow(columns)
        writer.writerows(cells)
    else:
        table = Table(title=title or None, show_lines=False)
        for column in columns:
            table.add_column(str(column), overflow="fold")
        for row in cells:
            # Text(), not str: text from releases is data, never rich markup.
            table.add_row(*(Text(str(v)) for v in row))
        Console(soft_wrap=False).print(table)
