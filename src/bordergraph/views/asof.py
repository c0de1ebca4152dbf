"""The graph as of a date: administrations, mechanisms, officials and events around it.

The competency query ``queries/as_of.rq`` answers it (so it runs on a SPARQL server too); this
module splits its rows into one table per section and adds what needs arithmetic on days: the
window around the date and whether a mechanism had lapsed (no session seen for more than
``lapse_days`` before the date).

>>> from bordergraph.graph.open import open_store
>>> view = as_of(open_store(":memory:"), "2021-12-02")
>>> view.date, view.since, view.until
(datetime.date(2021, 12, 2), datetime.date(2020, 12, 2), datetime.date(2022, 12, 2))
>>> list(view.mechanisms.columns)[:4]
['mechanism', 'mechanism_label', 'kind', 'established']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..graph.store import Store
from . import queries as Q
from .dates import LAPSE_DAYS, WINDOW_DAYS, span, text

__all__ = ["LAPSE_DAYS", "WINDOW_DAYS", "AsOf", "as_of", "parse_day"]


ADMINISTRATIONS = {"item": "administration", "item_label": "administration_label",
                   "country_code": "country_code", "detail": "president", "start": "term_start",
                   "end": "term_end"}
MECHANISMS = {"item": "mechanism", "item_label": "mechanism_label", "detail": "kind",
              "start": "established", "before": "last_session", "before_label":
              "last_session_label", "after": "next_session", "after_label": "next_session_label"}
OFFICIALS = {"item": "person", "item_label": "person_name", "country_code": "country_code",
             "detail": "post", "before": "seen_before", "before_label": "seen_before_in",
             "after": "seen_after", "after_label": "seen_after_in"}
EVENTS = {"item": "event", "item_label": "event_label", "detail": "series", "start": "date",
          "end": "end_date"}


@dataclass(frozen=True)
class AsOf:
    """The answer for one date: four DataFrames and the window they were read in."""

    date: dt.date
    since: dt.date
    until: dt.date
    lapse_days: int
    administrations: Any
    mechanisms: Any
    officials: Any
    events: Any

    def tables(self) -> dict[str, Any]:
        """The four tables by name, in the order the CLI prints them."""
        return {"administrations": self.administrations, "mechanisms": self.mechanisms,
                "officials": self.officials, "events": self.events}


def parse_day(value: Any) -> dt.date:
    """A full date (``2021-12-02`` or a ``datetime.date``); anything else is a ParameterError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise Q.ParameterError(f"not a day: {value!r} (use YYYY-MM-DD)") from exc


def as_of(store: Store, date: Any, *, window: int = WINDOW_DAYS,
          lapse_days: int = LAPSE_DAYS) -> AsOf:
    """What the graph says about ``date``: see the module's docstring.

    ``window`` days either side bound the officials and events; a mechanism whose last session
    seen is more than ``lapse_days`` before the date is ``lapsed`` (``active`` otherwise, or
    ``no session seen`` when the releases report none before the date).
    """
    import pandas as pd

    if window < 0 or lapse_days < 0:
        raise Q.ParameterError("window and lapse_days are days: 0 or more")
    day = parse_day(date)
    since, until = day - dt.timedelta(days=window), day + dt.timedelta(days=window)
    rows = Q.run(store, "as_of", {"date": day, "since": since, "until": until}).records()

    def table(section: str, names: dict[str, str]) -> Any:
        picked = [{new: r[old] for old, new in names.items()}
                  for r in rows if r["section"] == section]
        return pd.DataFrame(picked, columns=list(names.values()))

    mechanisms = table("mechanism", MECHANISMS)
    mechanisms.insert(4, "status", [_status(day, last, lapse_days)
                                    for last in mechanisms["last_session"]])
    mechanisms.insert(5, "days_since_last", pd.array(
        [_days_since(day, last) for last in mechanisms["last_session"]], dtype="Int64"))
    return AsOf(day, since, until, lapse_days, table("administration", ADMINISTRATIONS),
                mechanisms, table("official", OFFICIALS), table("event", EVENTS))


def _days_since(day: dt.date, last: Any) -> int | None:
    when = span(last) if last is not None and text(last) else None
    return None if when is None else max(0, (day - when[1]).days)


def _status(day: dt.date, last: Any, lapse_days: int) -> str:
    gap = _days_since(day, last)
    if gap is None:
        return "no session seen"
    return "lapsed" if gap > lapse_days else "active"
