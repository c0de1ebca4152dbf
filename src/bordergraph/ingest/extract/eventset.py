"""Merge event mentions into a release's events, pick its main event, and link events.

The main event is the one the release reports: the first event named in its lead paragraph,
else in its title. Back-references ("the ESC", "the ceremony") point to it or to the event of
the series they name. ``builds_on`` links come from cue phrases ("built upon", "grew out of"),
from "since 2016", from earlier sessions of the main event's series, and from a future session
of a series launched at an earlier event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .events import EventMention


@dataclass
class EventSet:
    events: list[EventMention] = field(default_factory=list)  # merged, one per event
    index: dict[tuple[int, int], int] = field(default_factory=dict)  # (sent, mention) -> event
    main: int | None = None
    links: list[tuple[int, int, int]] = field(default_factory=list)  # from, to, evidence sent

    def at(self, sent: int) -> list[tuple[EventMention, int]]:
        """The mentions of one sentence with the event each one names."""
        return [(self._mentions[(s, i)], e) for (s, i), e in self.index.items() if s == sent]

    _mentions: dict[tuple[int, int], EventMention] = field(default_factory=dict)


def _conflict(a: EventMention, b: EventMention) -> bool:
    if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
        return True
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return True
    return bool(
        a.type
        and b.type
        and a.type != b.type
        and {a.type, b.type} != {"Meeting", "BilateralMeeting"}
    )


def _words(name: str) -> frozenset[str]:
    """The content words of an event name (capitalised or long), lower-cased."""
    return frozenset(
        w.lower() for w in re.findall(r"[^\W\d_][\w-]*", name) if len(w) > 3 or w[0].isupper()
    ) - {"signing", "firma"}


def _caps(name: str) -> frozenset[str]:
    """The capitalised words of a name (a facility's proper name)."""
    return frozenset(w for w in re.findall(r"[A-ZÁÉÍÓÚÑ][\w-]+", name) if len(w) > 2)


def _dates_differ(a: EventMention, b: EventMention) -> bool:
    return bool(a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)))


def _merge(into: EventMention, m: EventMention) -> None:
    if m.explicit and (not into.explicit or (m.sent < into.sent and len(m.name) > 8)):
        into.name = m.name
        into.explicit = True
    for f in ("type", "series", "series_key", "ordinal", "date", "end_date", "mode", "location"):
        if getattr(into, f) is None and getattr(m, f) is not None:
            setattr(into, f, getattr(m, f))
    if into.type == "Meeting" and m.type == "BilateralMeeting":
        into.type = "BilateralMeeting"
    into.persons = tuple(dict.fromkeys(into.persons + m.persons))


def build(
    per_sentence: list[list[EventMention]],
    lead: int | None,
    titles: set[int],
    lead_dates: dict[str, str | None],
) -> EventSet:
    """Merge mentions. ``lead`` is the first sentence of the lead paragraph; ``lead_dates`` gives
    the lead sentence's date, location and mode for a main event first named in the title."""
    es = EventSet()
    for s, ms in enumerate(per_sentence):
        for i, m in enumerate(ms):
            es._mentions[(s, i)] = m
    order = [(s, i) for s in range(len(per_sentence)) for i in range(len(per_sentence[s]))]
    main_at = _main_mention(per_sentence, lead, titles)
    if main_at is not None:
        es.events.append(_copy(per_sentence[main_at[0]][main_at[1]]))
        es.main = 0
        es.index[main_at] = 0
        for s in titles | ({lead} if lead is not None else set()):
            for i, m in enumerate(per_sentence[s] if s < len(per_sentence) else []):
                if (
                    (s, i) != main_at
                    and not m.ref
                    and not _conflict(es.events[0], m)
                    and (s in titles or m.type == es.events[0].type)
                ):
                    _merge(es.events[0], m)
                    es.index[(s, i)] = 0
        main = es.events[0]
        near = set(range(lead, lead + 3)) if lead is not None else set()
        for s in titles | near:
            for i, m in enumerate(per_sentence[s] if s < len(per_sentence) else []):
                if (
                    (s, i) not in es.index
                    and m.extra.get("verb")
                    and (s in titles or s == lead or m.extra.get("group"))
                    and main.type != "Visit"  # a trip holds meetings of its own
                    and not _dates_differ(main, m)
                ):
                    # "Governor A welcomed B and C to the Capitol" told of the release's signing
                    main.persons = tuple(dict.fromkeys(main.persons + m.persons))
                    es.index[(s, i)] = 0
        for f, v in lead_dates.items():
            if f == "location" and main.extra.get("verb") and main.mode == "virtual":
                continue  # a phone call has no venue; the lead's place is another event's
            if getattr(main, f) is None and v is not None:
                setattr(main, f, v)
    for s, i in order:
        if (s, i) in es.index:
            continue
        m = per_sentence[s][i]
        target = _find(es, m)
        if m.ref:
            if target is not None:
                es.index[(s, i)] = target
            continue
        if target is None:
            if m.extra.get("anaphor") and es.main is not None and es.events[es.main].series_key:
                # "last year's twentieth session": a session of the series the release is about
                main = es.events[es.main]
                m.series, m.series_key, m.type = main.series, main.series_key, main.type
            es.events.append(_copy(m))
            target = len(es.events) - 1
        else:
            _merge(es.events[target], m)
        es.index[(s, i)] = target
    _same_day(es, per_sentence, lead)
    return es


def _same_day(es: EventSet, per_sentence: list[list[EventMention]], lead: int | None) -> None:
    """Undated meetings reported in the lead sentences ("Before the trilateral session, the
    President held bilateral meetings with ...") happened on the main event's day."""
    if es.main is None or lead is None or not es.events[es.main].date:
        return
    main = es.events[es.main]
    for (s, _), e_i in es.index.items():
        e = es.events[e_i]
        m = es._mentions.get((s, _))
        told = m is not None and m.extra.get("verb") and s <= lead + 4
        if (
            e_i != es.main
            and (lead <= s <= lead + 1 or told)
            and e.date is None
            and not e.future
            and e.type in ("Meeting", "BilateralMeeting")
            and len(main.date or "") == 10
        ):
            e.date = main.date


def _copy(m: EventMention) -> EventMention:
    from dataclasses import replace

    return replace(m, extra=dict(m.extra))


def _weak(m: EventMention) -> bool:
    """A mention told only by its verb or by its rank ("our second session") yields the main
    event to one the lead or title names."""
    if m.extra.get("verb") and m.mode == "virtual":
        return False  # "A spoke by phone with B": a call is the readout's own event
    return bool(m.extra.get("verb") or m.extra.get("anaphor"))


def _main_mention(
    per_sentence: list[list[EventMention]], lead: int | None, titles: set[int]
) -> tuple[int, int] | None:
    heads = sorted(titles | set(range(min(lead or 0, len(per_sentence)))))
    for s in heads:  # "Remarks by X at the Signing of ...": the heading's occasion
        for i, m in enumerate(per_sentence[s]):
            if m.extra.get("occasion"):
                return s, i
    # a meeting told only by its verb ("A received B") yields to an event the lead or title names
    for weak in (False, True):
        if lead is not None:
            for s in range(lead, min(lead + 3, len(per_sentence))):
                for i, m in enumerate(per_sentence[s]):
                    if not m.ref and not m.future and _weak(m) == weak:
                        return s, i
        for s in sorted(titles):
            for i, m in enumerate(per_sentence[s]):
                if not m.ref and _weak(m) == weak:
                    return s, i
    return None


def _find(es: EventSet, m: EventMention) -> int | None:
    """The event a mention names: same series without conflict, generic reference, same name."""
    kind = m.extra.get("generic")
    if m.extra.get("anaphor") and m.ordinal:  # "that first meeting": the session of that rank
        for e_i, e in enumerate(es.events):
            if e.ordinal == m.ordinal and not _conflict(e, m):
                return e_i
        main = es.events[es.main] if es.main is not None else None
        if (
            main is not None
            and main.ordinal is None
            and not _dates_differ(main, m)
            and main.type not in ("Signing", "Opening", "Visit")  # not a numbered session
        ):
            return es.main  # "this morning is our second session": the release's own event
    if m.extra.get("anaphor") == "previous" and not m.date and es.main is not None:
        # "since the last session": the latest earlier session of the main series named
        main = es.events[es.main]
        prior = [
            i
            for i, e in enumerate(es.events)
            if i != es.main and main.series_key and e.series_key == main.series_key and not e.future
        ]
        if prior:
            return prior[-1]
    for e_i, e in enumerate(es.events):
        if (
            kind
            and e.type
            and e.type.lower() == {"dialogue": "dialogue", "summit": "summit"}.get(kind, "meeting")
            and (m.ref or not _conflict(e, m))
        ):
            if not m.ref and m.ordinal and e.ordinal != m.ordinal:
                continue
            return e_i
        same = m.series_key and e.series_key == m.series_key and not _conflict(e, m)
        if same and (
            m.ref or not (m.date or m.ordinal) or e.date == m.date or e.ordinal == m.ordinal
        ):
            return e_i
        if (  # the same instrument's signing, told twice ("Sign Trucking Memorandum", "signed a
            # Memorandum of Understanding on Cross-Border Motor Trucking")
            not m.ref
            and m.type == e.type == "Signing"
            and not _dates_differ(e, m)
            and _words(m.name)
            and _words(e.name)
            and (_words(m.name) <= _words(e.name) or _words(e.name) <= _words(m.name))
        ):
            return e_i
        if (  # one facility's opening told twice ("Hosts Inauguration of the X Bridge", "the
            # formal inauguration of the X Bridge")
            not m.ref
            and m.type == e.type == "Opening"
            and not _dates_differ(e, m)
            and len(_caps(m.name) & _caps(e.name)) >= 3
        ):
            return e_i
        if (  # the same two people meeting, told twice (by its noun and by its verb)
            not m.ref
            and m.type == e.type == "BilateralMeeting"
            and len({c for c in m.persons if c >= 0}) >= 2
            and {c for c in m.persons if c >= 0} == {c for c in e.persons if c >= 0}
            and not _dates_differ(e, m)
        ):
            return e_i
        if (  # one event told twice by the same name (a headline bullet and the lead)
            not m.ref
            and m.type == e.type
            and m.name.lower() == e.name.lower()
            and not _conflict(e, m)
        ):
            return e_i
        if (
            not m.ref
            and m.type == e.type
            and m.date
            and m.date == e.date
            and len(m.date) == 10
            and set(m.persons) == set(e.persons)
            and not (m.location and e.location and m.location != e.location)
        ):
            return e_i
    if m.ref and not kind and not m.series_key and es.main is not None:
        return es.main
    return None


def link_launched(es: EventSet, launched: dict[str, int]) -> None:
    """A session of a series launched at an earlier event builds on that event."""
    for e_i, e in enumerate(es.events):
        origin = launched.get(e.series_key or "")
        if origin is not None and origin != e_i and not any(a == e_i for a, _, _ in es.links):
            s = next((s for (s, _), x in es.index.items() if x == e_i), 0)
            es.links.append((e_i, origin, s))
