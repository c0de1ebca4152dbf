"""Continuity of the mechanisms across administrations, from the sessions the releases report.

For each mechanism (``queries/mechanism_sessions.rq``): its sessions placed under the
administration of each country; the administrations its life spans (from its establishment, or
its first session, to its last session held) with the sessions seen under each and the first of
them (the first session under a new administration); the gaps between consecutive dated sessions,
a gap longer than ``lapse_days`` marking a lapse and the session after it a relaunch; and the
span compared with the counts a release states ("spans three U.S. administrations"). Officials
seen in two or more administrations come from ``officials_across_administrations`` with their
posts. Releases report some sessions, not all: a gap is a gap in the record.

>>> from bordergraph.graph.open import open_store
>>> c = continuity(open_store(":memory:"))
>>> list(c.summary.columns)[:3], c.gaps.empty
(['series', 'series_label', 'kind'], True)
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from ..graph.store import Store
from . import queries as Q
from .dates import LAPSE_DAYS, Terms, span, text

__all__ = ["COUNTRIES", "Continuity", "continuity"]

COUNTRIES = ("US", "MX")

SUMMARY = ["series", "series_label", "kind", "established", "sessions", "dated_sessions",
           "first_session", "last_session", "last_ordinal", "us_administrations", "us_count",
           "mx_administrations", "mx_count", "stated_us", "stated_mx", "agrees_with_stated",
           "lapses", "relaunches"]
SESSIONS = ["series", "series_label", "session", "session_label", "date", "ordinal",
            "announced", "us_administration", "mx_administration", "first_under_us",
            "first_under_mx", "relaunch"]
BY_ADMIN = ["series", "series_label", "country_code", "administration", "term_start",
            "term_end", "sessions", "first_session", "first_session_label"]
GAPS = ["series", "series_label", "from_session", "from_date", "to_session", "to_date",
        "gap_days", "lapsed"]


@dataclass(frozen=True)
class Continuity:
    """Five DataFrames: ``summary`` (one row per mechanism), ``sessions``, ``by_administration``,
    ``gaps`` and ``officials`` (seen across administrations, with their posts)."""

    lapse_days: int
    summary: Any
    sessions: Any
    by_administration: Any
    gaps: Any
    officials: Any

    def tables(self) -> dict[str, Any]:
        return {"summary": self.summary, "by_administration": self.by_administration,
                "gaps": self.gaps, "sessions": self.sessions, "officials": self.officials}


def continuity(store: Store, series: str | None = None, *, lapse_days: int = LAPSE_DAYS,
               min_administrations: int = 2, terms: Terms | None = None) -> Continuity:
    """Continuity of every mechanism (or of ``series``, a name or IRI): see the module's doc.
    ``terms``: the administrations, when the caller has read them already."""
    import pandas as pd

    if lapse_days < 0:
        raise Q.ParameterError("lapse_days is a number of days: 0 or more")
    terms = terms or Terms(store)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in Q.run(store, "mechanism_sessions", {"series": series}).records():
        grouped.setdefault(row["series"], []).append(row)
    summary: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []
    by_admin: list[dict[str, Any]] = []
    gaps: list[dict[str, Any]] = []
    for rows in grouped.values():
        head = rows[0]
        held = [r for r in rows if r["session"] and not r["announced"]]
        dated = sorted((r for r in held if span(r["date"])),
                       key=lambda r: (span(r["date"]), r["session_label"] or ""))
        lapsed_before = _gaps(head, dated, lapse_days, gaps)
        first_seen: dict[str, str] = {}
        for r in sorted((r for r in rows if r["session"]),
                        key=lambda r: (span(r["date"]) or (dt.date.max, dt.date.max),
                                       r["session_label"] or "")):
            row = {k: head[k] for k in ("series", "series_label")}
            row.update(session=r["session"], session_label=r["session_label"], date=r["date"],
                       ordinal=r["ordinal"], announced=bool(r["announced"]),
                       relaunch=r["session"] in lapsed_before)
            for code in COUNTRIES:
                term = terms.of(code, r["date"]) if span(r["date"]) else None
                row[f"{code.lower()}_administration"] = term.label if term else None
                new = (term is not None and not r["announced"]
                       and first_seen.setdefault(term.iri, r["session"]) == r["session"])
                row[f"first_under_{code.lower()}"] = new
            sessions.append(row)
        spanned = _span(head, dated)
        admins: dict[str, list[str]] = {}
        for code in COUNTRIES:
            found = terms.overlapping(code, *spanned) if spanned else []
            admins[code] = [t.label for t in found]
            for term in found:
                under = [r for r in dated if terms.of(code, r["date"]) == term]
                by_admin.append({
                    "series": head["series"], "series_label": head["series_label"],
                    "country_code": code, "administration": term.label,
                    "term_start": term.start, "term_end": term.end, "sessions": len(under),
                    "first_session": under[0]["date"] if under else None,
                    "first_session_label": under[0]["session_label"] if under else None})
        ordinals = [r["ordinal"] for r in held if r["ordinal"] is not None]
        stated = (head["stated_us"], head["stated_mx"])
        counts = (len(admins["US"]), len(admins["MX"]))
        summary.append({
            "series": head["series"], "series_label": head["series_label"], "kind": head["kind"],
            "established": head["established"], "sessions": len(held),
            "dated_sessions": len(dated),
            "first_session": dated[0]["date"] if dated else None,
            "last_session": dated[-1]["date"] if dated else None,
            "last_ordinal": max(ordinals) if ordinals else None,
            "us_administrations": "; ".join(admins["US"]), "us_count": counts[0],
            "mx_administrations": "; ".join(admins["MX"]), "mx_count": counts[1],
            "stated_us": stated[0], "stated_mx": stated[1],
            "agrees_with_stated": None if stated == (None, None) else all(
                s is None or int(s) == n for s, n in zip(stated, counts, strict=True)),
            "lapses": len(lapsed_before),
            "relaunches": "; ".join(text(r["date"]) for r in dated
                                    if r["session"] in lapsed_before)})
    officials = Q.to_frame(Q.run(store, "officials_across_administrations",
                                 {"min_administrations": min_administrations}))

    def frame(rows: list[dict[str, Any]], columns: list[str]) -> Any:
        out = pd.DataFrame(rows, columns=columns)
        for name in ("ordinal", "last_ordinal", "stated_us", "stated_mx"):
            if name in out:
                out[name] = pd.array(out[name], dtype="Int64")
        return out

    return Continuity(lapse_days, frame(summary, SUMMARY), frame(sessions, SESSIONS),
                      frame(by_admin, BY_ADMIN), frame(gaps, GAPS), officials)


def _span(head: dict[str, Any], dated: list[dict[str, Any]]) -> tuple[dt.date, dt.date] | None:
    """From the establishment (else the first session) to the last session held."""
    if not dated:
        return None
    start = span(head["established"]) or span(dated[0]["date"])
    end = span(dated[-1]["date"])
    assert start is not None and end is not None
    return start[0], end[0]


def _gaps(head: dict[str, Any], dated: list[dict[str, Any]], lapse_days: int,
          out: list[dict[str, Any]]) -> set[str]:
    """Append the gap between each two consecutive dated sessions to ``out``; return the sessions
    that come after a lapse (relaunches). A gap runs from the last day the earlier session may
    have been to the first day the later one may have been."""
    relaunched: set[str] = set()
    for before, after in itertools.pairwise(dated):
        a, b = span(before["date"]), span(after["date"])
        assert a is not None and b is not None
        days = max(0, (b[0] - a[1]).days)
        lapsed = days > lapse_days
        if lapsed:
            relaunched.add(after["session"])
        out.append({"series": head["series"], "series_label": head["series_label"],
                    "from_session": before["session_label"], "from_date": text(before["date"]),
                    "to_session": after["session_label"], "to_date": text(after["date"]),
                    "gap_days": days, "lapsed": lapsed})
    return relaunched
