"""Fitting a table to the terminal: which columns to keep, how wide, or one record per block.

Words are never split: a column is at least as wide as its longest word (up to a cap, past which
the word is cut with an ellipsis), and columns that do not fit are left out, the least useful
first.

>>> keep, widths = fit(["event", "releases"], [["13th Plenary Meeting", "esc-13 hled-2021"]], 15)
>>> keep, widths
([0], [7])
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

# Columns a reader misses least, dropped first (then the others, right to left).
LEAST_USEFUL = (
    "char_start", "char_end", "stated_us", "stated_mx", "stated_in", "releases", "release_id",
    "event_series", "established_stated", "end_date", "announced", "via", "fact_type", "issued",
    "us_count", "mx_count", "last_ordinal", "ordinal", "mode", "agencies", "people",
)
WORD_CAP = 24  # a longer word (an IRI, a long hyphenated name) is cut rather than widen a column
NATURAL_CAP = 48
BORDER = 3  # a column's padding and rule in a rich table


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def fit(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int
        ) -> tuple[list[int], list[int]]:
    """The indexes of the columns to show within ``width`` characters, and their minimum widths.

    >>> fit(["a", "b"], [["x", "y"]], 80)
    ([0, 1], [1, 1])
    """
    need = []
    for i, column in enumerate(columns):
        longest = max([0, *(_longest_word(r[i]) for r in rows)])
        natural = max([0, *(len(r[i]) for r in rows)])
        header = min(len(column), 12)
        need.append(max(min(longest, WORD_CAP), header, min(natural, 4)))
    keep = list(range(len(columns)))
    order = [columns.index(c) for c in LEAST_USEFUL if c in columns]
    order += [i for i in reversed(range(len(columns))) if i not in order]

    def total() -> int:
        return sum(need[i] + BORDER for i in keep) + 1

    for i in order:
        if total() <= width or len(keep) == 1:
            break
        keep.remove(i)
    return keep, [min(need[i], max(4, width - 4)) for i in keep]


def vertical(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """One block per row, one ``column: value`` line per non-empty cell, wrapped at words.

    >>> print(vertical(["name", "post"], [["Serena Hoy", "Deputy Chief of Staff"]], 30), end="")
    -- 1 --
    name  Serena Hoy
    post  Deputy Chief of Staff
    """
    pad = max((len(c) for c in columns), default=0) + 2
    out: list[str] = []
    for n, row in enumerate(rows, start=1):
        out.append(f"-- {n} --")
        for column, value in zip(columns, row, strict=True):
            if not value:
                continue
            lines = textwrap.wrap(value, max(20, width - pad), break_long_words=False,
                                  break_on_hyphens=False) or [""]
            out.append(column.ljust(pad) + lines[0])
            out.extend(" " * pad + line for line in lines[1:])
    return "\n".join(out) + ("\n" if out else "")
