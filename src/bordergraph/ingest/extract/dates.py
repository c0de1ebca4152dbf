"""Find and normalise dates in release text: full dates, ranges, month-only, bare years.

Values are ISO strings: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. A date written without a year
takes the year of the release.

>>> [d.value for d in find_dates("met virtually on December 2, for the", "en", year=2021)]
['2021-12-02']
>>> d = find_dates("visiting Mexico on May 2-3 at the", "en", year=2013)[0]
>>> d.value, d.end_value
('2013-05-02', '2013-05-03')
>>> find_dates("el 9 de septiembre de 2021", "es")[0].value
'2021-09-09'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from .lexicon import alternation, load


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text: its span, ISO value and precision."""

    start: int
    end: int
    value: str
    end_value: str | None = None
    precision: str = "day"  # day, month, year, relative (today)
    explicit_year: bool = True


# Patterns that cannot match without a digit (a day, a year); most sentences have none, and
# skipping them there saves most of the matching time.
_NEEDS_DIGIT = frozenset({"iso", "numeric", "mdy", "dmy", "my", "year"})
_DIGIT = re.compile(r"\d")  # the patterns' own \d: any Unicode decimal digit


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    lex = load(lang, "dates")
    months = alternation(list(lex.get("months", {})))
    join = alternation([j for j in lex.get("range_joiners", ["-"])])
    rel = {**{w: 0 for w in lex.get("today", [])}, **lex.get("relative_days", {})}
    m = rf"(?P<month>{months})\.?"
    # words before a bare month that make it a date ("in May", "last November", "desde marzo")
    prefixes = alternation(
        lex.get("month_prefixes")
        or ["in", "for", "since", "during", "until", "by", "en", "de", "para", "desde"]
    )
    year = r"(?P<year>(?:1[89]|20)\d\d)"
    out = [
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
        ("numeric", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
        # English order: "December 2, 2021", "May 2-3", "Feb. 4, 2016"
        (
            "mdy",
            rf"\b{m}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:\s*{join}\s*(?P<day2>\d{{1,2}})\b)?(?:,?\s+{year})?\b",
        ),
        # Spanish / European order: "9 de septiembre de 2021", "10 y 11 de junio"
        (
            "dmy",
            rf"\b(?P<day>\d{{1,2}})(?:\s*{join}\s*(?P<day2>\d{{1,2}}))?\s+(?:de\s+)?{m}"
            rf"(?:,?\s+(?:de\s+|del\s+)?{year})?\b",
        ),
        ("my", rf"\b{m}\s+(?:de\s+|of\s+)?{year}\b"),
        ("month", rf"\b(?:{prefixes})\s+{m}(?![\w-])(?!\s+\d)"),
        ("year", rf"(?<![\d/$.,-])\b{year}\b(?![\d/-])"),
    ]
    rel = {**rel, **lex.get("relative_months", {}), **lex.get("relative_years", {})}
    if rel:
        out.append(("relative", rf"(?<![\w-]){alternation(list(rel))}(?![\w-])"))
    days = lex.get("weekdays", {})
    if days:
        pre = alternation(
            lex.get("weekday_past", []) + lex.get("weekday_last", []) + lex.get("weekday_next", [])
        )
        post = alternation(lex.get("weekday_last_after", []) or ["(?!)"], escape=False)
        need = "?" if lex.get("weekday_bare") else ""
        out.append(
            (
                "weekday",
                rf"(?<![\w-])(?:(?P<pre>{pre})\s+){need}(?P<wd>{alternation(list(days))})"
                rf"(?:\s+(?P<post>{post}))?(?![\w-])(?!,?\s+(?:\d|(?:de\s+)?{months}\b))",
            )
        )
    return [(kind, re.compile(p, re.IGNORECASE)) for kind, p in out]


@cache
def _units(lang: str) -> dict[str, str]:
    lex = load(lang, "dates")
    out = {k.lower(): "month" for k in lex.get("relative_months", {})}
    out.update({k.lower(): "year" for k in lex.get("relative_years", {})})
    return out


@cache
def _relative(lang: str) -> tuple[dict[str, int], dict[str, int], frozenset[str], frozenset[str]]:
    """Offsets of relative day words, weekday numbers, the prefixes meaning "next" and those
    meaning "the one before the issue day" ("last Friday" in a Friday release is a week ago)."""
    lex = load(lang, "dates")
    rel = {**{w: 0 for w in lex.get("today", [])}, **lex.get("relative_days", {})}
    rel = {**rel, **lex.get("relative_months", {}), **lex.get("relative_years", {})}
    return (
        {k.lower(): int(v) for k, v in rel.items()},
        {k.lower(): int(v) for k, v in lex.get("weekdays", {}).items()},
        frozenset(w.lower() for w in lex.get("weekday_next", [])),
        frozenset(w.lower() for w in lex.get("weekday_last", [])),
    )


def find_dates(
    text: str, lang: str = "en", year: int | None = None, issued: str | None = None
) -> list[DateMention]:
    """Every date expression in ``text``, left to right, without overlaps.

    ``year`` fills dates written without one; ``issued`` (ISO date) resolves "today".

    >>> [d.value for d in find_dates("in October 2021, since 2016, set for September", year=2022)]
    ['2021-10', '2016', '2022-09']
    """
    return list(_find_dates(text, lang, year, issued))  # a fresh list for the caller


@lru_cache(maxsize=8192)
def _find_dates(
    text: str, lang: str, year: int | None, issued: str | None
) -> tuple[DateMention, ...]:
    # cached: header lines are tested in both languages, and boilerplate recurs across releases
    months = load(lang, "dates").get("months", {})
    order = load(lang, "dates").get("numeric_order", "mdy")
    caps = load(lang, "dates").get("months_capitalised", True)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    has_digit = _DIGIT.search(text) is not None
    for kind, pattern in _patterns(lang):
        if not has_digit and kind in _NEEDS_DIGIT:
            continue
        for match in pattern.finditer(text):
            span = (match.start("month"), match.end()) if kind == "month" else match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            mention = (
                _relative_mention(kind, match, lang, issued)
                if kind in ("relative", "weekday")
                else _mention(kind, match, months, order, year, issued, caps)
            )
            if mention is not None:
                taken.append(span)
                found.append(mention)
    if issued:
        found = [_past(d, text, lang, issued) for d in found]
    return tuple(sorted(found, key=lambda d: d.start))


def _past(d: DateMention, text: str, lang: str, issued: str) -> DateMention:
    """A date without its year told as past ("el pasado 27 de diciembre", "last December 27")
    that would fall after the release is in the year before; one told as ahead ("will meet in
    January", "celebrará su primera reunión a finales de enero") that would fall before the
    release (by more than its month) is in the year after."""
    if d.explicit_year or d.precision not in ("day", "month"):
        return d
    if d.value[:7] < issued[:7]:
        ahead = load(lang, "dates").get("future_markers", [])
        if ahead and re.search(
            rf"\b(?:{alternation(ahead)})\b[^.;]{{0,60}}$", text[: d.start], re.I
        ):
            year = int(d.value[:4]) + 1
            end = f"{year}{d.end_value[4:]}" if d.end_value else None
            return DateMention(d.start, d.end, f"{year}{d.value[4:]}", end, d.precision, False)
        return d
    if d.value[:10] <= issued[:10]:
        return d
    marks = load(lang, "dates").get("past_markers", [])
    if not marks or not re.search(rf"\b(?:{alternation(marks)})\s+$", text[: d.start], re.I):
        return d
    year = int(d.value[:4]) - 1
    end = f"{year}{d.end_value[4:]}" if d.end_value else None
    return DateMention(d.start, d.end, f"{year}{d.value[4:]}", end, d.precision, False)


def _relative_mention(kind: str, match: re.Match[str], lang: str, issued: str | None):  # type: ignore[no-untyped-def]
    """ "yesterday", "ayer" (issue date + offset); "last Thursday", "el pasado martes", "este
    lunes" (the last such day up to the issue date); "next Monday", "el próximo jueves"."""
    if not issued:
        return None
    offsets, days, nexts, lasts = _relative(lang)
    day0 = date.fromisoformat(issued[:10])
    if kind == "relative":
        word = re.sub(r"\s+", " ", match.group(0).lower())
        delta = offsets[word]
        unit = _units(lang).get(word)
        if unit == "year":  # "last year": the year only
            return DateMention(match.start(), match.end(), str(day0.year + delta), precision="year")
        if unit == "month":  # "last month": the month only
            y, mo = divmod(day0.year * 12 + day0.month - 1 + delta, 12)
            return DateMention(match.start(), match.end(), f"{y}-{mo + 1:02d}", precision="month")
    else:
        wd = days[match.group("wd").lower()]
        pre = re.sub(r"\s+", " ", (match.group("pre") or "").lower())
        if pre in nexts:
            delta = (wd - day0.weekday()) % 7 or 7
        elif pre in lasts or match.group("post"):
            delta = -((day0.weekday() - wd) % 7 or 7)
        else:
            delta = -((day0.weekday() - wd) % 7)
    value = (day0 + timedelta(days=delta)).isoformat()
    return DateMention(match.start(), match.end(), value, precision="relative")


def _mention(kind, match, months, order, year, issued, caps=True) -> DateMention | None:  # type: ignore[no-untyped-def]
    g = match.groupdict()
    start, end = (match.start("month"), match.end()) if kind == "month" else match.span()
    if kind == "year":
        return DateMention(start, end, g["year"], precision="year")
    if kind == "iso":
        return DateMention(start, end, f"{g['year']}-{g['mon']}-{g['day']}")
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        mon, day = (a, b) if order == "mdy" else (b, a)
        return _day(start, end, int(g["year"]), mon, day, None, True)
    mon = months.get(g["month"].lower().rstrip("."))
    if mon is None or (kind == "month" and caps and not g["month"][0].isupper()):
        return None  # "may" the verb (English writes months capitalised; Spanish does not)
    explicit = bool(g.get("year"))
    y = int(g["year"]) if explicit else year
    if y is None:
        return None
    if kind in ("my", "month"):
        return DateMention(start, end, f"{y}-{mon:02d}", precision="month", explicit_year=explicit)
    day2 = int(g["day2"]) if g.get("day2") else None
    return _day(start, end, y, mon, int(g["day"]), day2, explicit)


def _day(
    start: int, end: int, y: int, mon: int, day: int, day2: int | None, explicit: bool
) -> DateMention | None:
    try:  # "February 30" is not a date
        date(y, mon, day)
        if day2:
            date(y, mon, day2)
    except ValueError:
        return None
    end_value = f"{y}-{mon:02d}-{day2:02d}" if day2 and day2 > day else None
    return DateMention(start, end, f"{y}-{mon:02d}-{day:02d}", end_value, explicit_year=explicit)


def first_date(text: str, lang: str = "en") -> DateMention | None:
    """The first full date (day precision, with its year) in ``text``, if any.

    >>> first_date("Release Date: Feb. 4, 2016").value
    '2016-02-04'
    """
    for d in find_dates(text, lang):
        if d.precision == "day" and d.explicit_year:
            return d
    return None


def anchor_same_day(
    texts: list[str], found: list[list[DateMention]], issued: str | None, lang: str
) -> None:
    """Same-day anchors ("ese mismo día", "later that day", "horas antes", "afterwards"): the
    phrase takes the last day named before it, else the release's first day (its own event's);
    ``found`` is updated in place."""
    phrases = load(lang, "dates").get("same_day", [])
    if not phrases or not issued:
        return
    pat = _same_day_re(lang, tuple(phrases))
    first: str | None = None
    prev: str | None = None
    for text, ds in zip(texts, found, strict=True):
        own = list(ds)
        for m in pat.finditer(text):
            if any(d.start <= m.start() < d.end for d in own):
                continue
            before = _told([d for d in own if d.end <= m.start()], text, issued)
            anchor = (before[1] or None) if before else (first if prev is None else prev)
            if anchor:
                ds.append(DateMention(m.start(), m.end(), anchor, precision="relative"))
        ds.sort(key=lambda d: d.start)
        last = _told(own, text, issued)
        if last:
            prev = last[1]
            first = first or last[1] or None


_YEAR = re.compile(r"\d{4}")


def _told(ds: list[DateMention], text: str, issued: str) -> tuple[DateMention, str] | None:
    """The last date told of the release's own time and the day it names ("" when it names a
    month: the day is then unknown). A day of another year is a backdrop ("the 2009 signing"),
    not the day being told, nor is a month of another year written with its year."""
    told = [
        d
        for d in ds
        if d.value[:4] == issued[:4] or not _YEAR.search(text[d.start : d.end])  # "last month"
    ]
    if not told:
        return None
    d = told[-1]
    return d, d.value if d.precision in ("day", "relative") and len(d.value) == 10 else ""


@lru_cache(maxsize=8)
def _same_day_re(lang: str, phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÀ-ÿ]){alternation(phrases)}(?![\wÀ-ÿ])", re.I)
