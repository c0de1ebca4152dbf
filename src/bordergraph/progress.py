"""Progress bars for long work (rich), shown on stderr so stdout stays clean for data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

stderr = Console(stderr=True)


@contextmanager
def file_progress(total: int, title: str) -> Iterator[Callable[[Any], None]]:
    """Yield ``advance(result)``; each call moves the bar one file and names it."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[current]}"))
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task(title, total=total, current="")

        def advance(result: Any) -> None:
            bar.update(task, advance=1, current=str(getattr(result, "path", ""))[-50:])

        yield advance
