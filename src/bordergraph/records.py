"""Typed records passed between the stages of the flow (read -> extract -> resolve -> to_rdf).

A :class:`ReleaseRecord` is what one release states. It serialises to the JSON format of
``data/releases/GOLD_SCHEMA.md`` so that extraction can be scored against gold files:

>>> rec = ReleaseRecord(id="r1", source=Source(publisher="U.S. Department of State"))
>>> ReleaseRecord.from_json(rec.to_json()) == rec
True
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact: its text and character offsets in the release body."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """Metadata of a release: who issued it, when, and in which language."""

    publisher: str | None = None
    issued: str | None = None  # ISO date "2021-12-10"
    language: str | None = None  # "en" / "es"
    office: str | None = None  # "Office of the Spokesperson"
    issued_time: str | None = None  # ISO dateTime when the release gives a time
    title: str | None = None


@dataclass(frozen=True)
class ReleaseText:
    """The output of :mod:`bordergraph.ingest.read`: a release's body text and metadata."""

    path: str
    body: str
    source: Source
    sha256: str  # of the raw bytes, so the same release under two names is one release
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    key: str
    name: str
    type: str | None = None  # gold code: Meeting, Summit, BilateralMeeting, Dialogue, ...
    series: str | None = None
    ordinal: int | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    end_date: str | None = None
    mode: str | None = None  # virtual, in_person, hybrid
    location: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class EventLink:
    from_: str
    relation: str
    to: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Role:
    event: str
    role: str  # delegation_head, co_host, chair, participant, speaker, signatory, host
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Person:
    name: str
    country: str | None = None
    post: str | None = None
    organization: str | None = None
    roles: tuple[Role, ...] = ()
    evidence: Evidence | None = None
    aliases: tuple[str, ...] = ()  # other mentions in the release ("Secretary Mayorkas")


@dataclass(frozen=True)
class Organization:
    name: str
    country: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class PortMention:
    name: str
    country: str | None = None
    event: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Outcome:
    name: str
    type: str | None = None
    event: str | None = None
    relation: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Series:
    name: str
    established: str | None = None
    administrations_spanned: dict[str, int] | None = None
    evidence: Evidence | None = None

    def __hash__(self) -> int:  # dict field: hash what identifies the series
        return hash((self.name, self.established))


@dataclass(frozen=True)
class ReleaseRecord:
    """Everything one release states, in the shape of GOLD_SCHEMA.md plus evidence spans."""

    id: str
    source: Source
    events: tuple[Event, ...] = ()
    event_links: tuple[EventLink, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    ports_of_entry: tuple[PortMention, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    series: tuple[Series, ...] = ()

    def to_json(self, evidence: bool = False) -> dict[str, Any]:
        """The record as GOLD_SCHEMA.md JSON; ``evidence=True`` keeps the evidence spans."""
        return {
            "id": self.id,
            "source": {
                "publisher": self.source.publisher,
                "issued": self.source.issued,
                "language": self.source.language,
            },
            "events": [_plain(e, evidence) for e in self.events],
            "event_links": [_plain(link, evidence) for link in self.event_links],
            "people": [_plain(p, evidence) for p in self.people],
            "organizations": [_plain(o, evidence) for o in self.organizations],
            "ports_of_entry": [_plain(p, evidence) for p in self.ports_of_entry],
            "outcomes": [_plain(o, evidence) for o in self.outcomes],
            "series": [_plain(s, evidence) for s in self.series],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReleaseRecord:
        """Read a record (or a gold file) back from GOLD_SCHEMA.md JSON."""
        src = data.get("source") or {}
        return cls(
            id=data.get("id", ""),
            source=Source(
                publisher=src.get("publisher"),
                issued=src.get("issued"),
                language=src.get("language"),
            ),
            events=tuple(_build(Event, e) for e in data.get("events", [])),
            event_links=tuple(
                EventLink(
                    from_=link["from"],
                    relation=link["relation"],
                    to=link["to"],
                    evidence=_evidence(link.get("evidence")),
                )
                for link in data.get("event_links", [])
            ),
            people=tuple(
                _build(Person, {**p, "roles": tuple(_build(Role, r) for r in p.get("roles", []))})
                for p in data.get("people", [])
            ),
            organizations=tuple(_build(Organization, o) for o in data.get("organizations", [])),
            ports_of_entry=tuple(_build(PortMention, p) for p in data.get("ports_of_entry", [])),
            outcomes=tuple(_build(Outcome, o) for o in data.get("outcomes", [])),
            series=tuple(_build(Series, s) for s in data.get("series", [])),
        )


_ALWAYS_OUT = {"aliases"}


def _plain(obj: Any, evidence: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        if f.name in _ALWAYS_OUT or (f.name == "evidence" and not evidence):
            continue
        value = getattr(obj, f.name)
        key = "from" if f.name == "from_" else f.name
        if isinstance(value, Evidence):
            value = {"text": value.text, "start": value.start, "end": value.end}
        elif isinstance(value, tuple):
            value = [_plain(v, evidence) for v in value]
        out[key] = value
    return out


def _evidence(data: dict[str, Any] | None) -> Evidence | None:
    return Evidence(data["text"], data["start"], data["end"]) if data else None


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names and k != "evidence"}
    kwargs["evidence"] = _evidence(data.get("evidence"))
    return cls(**kwargs)


__all__ = [
    "Event",
    "EventLink",
    "Evidence",
    "Organization",
    "Outcome",
    "Person",
    "PortMention",
    "ReleaseRecord",
    "ReleaseText",
    "Role",
    "Series",
    "Source",
]
