"""The event mention: what :mod:`.events` and :mod:`.event_parts` find in a sentence.

Its own module so that both can build one without importing each other;
``from .events import EventMention`` still works.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EventMention:
    """One event mention (offsets relative to its sentence)."""

    sent: int
    start: int
    end: int
    name: str
    type: str | None = None
    series: str | None = None  # as written
    series_key: str | None = None
    ordinal: int | None = None
    date: str | None = None
    end_date: str | None = None
    mode: str | None = None
    location: str | None = None
    ref: bool = False
    explicit: bool = True  # the name is a phrase of the text, not built from its parts
    future: bool = False
    persons: tuple[int, ...] = ()  # person cluster ids taking part (for bilateral meetings)
    since_year: bool = False
    extra: dict[str, str] = field(default_factory=dict)
