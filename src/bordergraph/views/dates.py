"""Dates as releases give them (a day, a month or a year) and the terms they fall in.

A release dates an event to the day (``2021-12-02``), the month (``2021-11``) or the year
(``2016``). :func:`span` turns each into the first and last day it may mean, so a gap between two
sessions is measured from the latest day the first may have been to the earliest the second
may have been (never longer than the record shows). :class:`Terms` places a date under the
administration of a country that held it, as the queries do: by the date's first day, and a
handover day goes to the incoming administration.

>>> span("2016")
(datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
>>> span("2021-02")[1]
datetime.date(2021, 2, 28)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..graph.reference import period
from ..graph.store import Store
from . import queries as Q

__all__ = ["LAPSE_DAYS", "WINDOW_DAYS", "Term", "Terms", "span", "text"]

# Defaults of the views of time: officials seen within a year of a date; a mechanism with no
# session for two years has lapsed.
WINDOW_DAYS = 365
LAPSE_DAYS = 730


def text(value: Any) -> str:
    """A date value (``datetime.date``, a typed literal's text, None) as ``YYYY[-MM[-DD]]``."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return str(value).strip()


def span(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last day a day, month or year may mean; None when it is no date."""
    return period(text(value))


@dataclass(frozen=True)
class Term:
    """One administration: its IRI, label, country and term (end None while in office)."""

    iri: str
    label: str
    country: str
    start: dt.date
    end: dt.date | None


class Terms:
    """The administrations of every country in the store, in order of their terms.

    >>> from bordergraph.graph.open import open_store
    >>> Terms(open_store(":memory:")).of("US", "2021-12-02") is None
    True
    """

    def __init__(self, store: Store) -> None:
        found: dict[str, Term] = {}
        for row in Q.run(store, "administration_timeline").records():
            start = span(row["term_start"])
            if start is None or row["administration"] in found:
                continue
            end = span(row["term_end"])
            found[row["administration"]] = Term(
                str(row["administration"]), str(row["administration_label"]),
                str(row["country_code"] or ""), start[0], end[1] if end else None)
        self.terms = sorted(found.values(), key=lambda t: (t.country, t.start, t.label))

    def country(self, code: str) -> list[Term]:
        return [t for t in self.terms if t.country == code]

    def of(self, code: str, value: Any) -> Term | None:
        """The administration of ``code`` holding the first day of ``value``."""
        when = span(value)
        if when is None:
            return None
        day = when[0]
        for term in reversed(self.country(code)):
            if term.start <= day and (term.end is None or day <= term.end):
                return term
        return None

    def overlapping(self, code: str, first: dt.date, last: dt.date) -> list[Term]:
        """The administrations of ``code`` whose terms meet [first, last], a term ending on
        ``first`` (a handover day) left out."""
        return [t for t in self.country(code)
                if t.start <= last and (t.end is None or t.end > first)]
