"""Resolve: match a release's mentions to known entities and give each one IRI.

"Brian A. Nichols" = "Brian Nichols" = "Assistant Secretary Nichols"; "SRE" = "Secretariat of
Foreign Relations" = "Secretaría de Relaciones Exteriores". Reference data decides first (via the
:class:`~bordergraph.graph.gazetteer.Gazetteer`), then people already in the graph, then a new IRI
is minted from the normalised name, so the same inputs always give the same IRIs.

>>> index = PeopleIndex()
>>> a = index.resolve("Brian A. Nichols", "US")
>>> index.resolve("Brian Nichols", "US") == a, index.resolve("Nichols", "US") == a
(True, True)
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import yaml
from rdflib import URIRef

from ..graph import iris
from ..graph.gazetteer import Gazetteer, load_gazetteer
from ..paths import project_path
from ..records import Event, Person, ReleaseRecord
from .extract.posts import post_id

NAME_RULES = project_path("data", "resolve", "names.yaml")


@cache
def _name_rules() -> dict[str, object]:
    return yaml.safe_load(NAME_RULES.read_text(encoding="utf-8"))


@lru_cache(maxsize=65536)
def person_tokens(name: str) -> tuple[str, ...]:
    """The folded tokens of a person's name without honorifics, initials and suffixes.

    >>> person_tokens("Joseph R. Biden, Jr.")
    ('joseph', 'biden')
    >>> person_tokens("Ken Salazar")
    ('kenneth', 'salazar')
    """
    rules = _name_rules()
    drop = set(rules["drop"])  # type: ignore[arg-type]
    nicknames: dict[str, str] = rules["nicknames"]  # type: ignore[assignment]
    tokens = [t for t in iris.fold(name).split() if len(t) > 1 and t not in drop]
    if tokens:
        tokens[0] = nicknames.get(tokens[0], tokens[0])
    return tuple(tokens)


def _compatible(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Same person when the shorter name's tokens appear, in order, in the longer one.

    A lone surname matches any name ending in or containing it; two or more tokens must share
    the given name ("Roberto Velasco" ~ "Roberto Velasco Álvarez").
    """
    if len(short) > len(long):
        short, long = long, short
    if len(short) >= 2 and short[0] != long[0]:
        return False
    it = iter(long)
    return all(token in it for token in short)


@dataclass
class PeopleIndex:
    """People known so far (reference data, the store, this batch), looked up by name tokens."""

    _by_token: dict[str, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    _names: dict[URIRef, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))
    # every country a person was seen with: a release that gets one wrong must not make the
    # match depend on which statement came last (rebuilding a store would then differ)
    _countries: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, iri: URIRef, name: str, country: str | None = None) -> None:
        tokens = person_tokens(name)
        if not tokens:
            return
        self._names[iri].add(tokens)
        if country:
            self._countries[iri].add(country)
        for token in tokens:
            self._by_token[token].add(iri)

    def find(self, name: str, country: str | None = None) -> URIRef | None:
        """The one known person this name can only mean, or None when none or several fit."""
        tokens = person_tokens(name)
        if not tokens:
            return None
        candidates = set().union(*(self._by_token.get(t, set()) for t in tokens))
        fits = {
            iri
            for iri in candidates
            if any(_compatible(tokens, known) for known in self._names[iri])
            and (country is None or not self._countries.get(iri) or country in self._countries[iri])
        }
        exact = {iri for iri in fits if tokens in self._names[iri]}
        if len(exact) == 1:
            return exact.pop()
        return fits.pop() if len(fits) == 1 else None

    def resolve(self, name: str, country: str | None = None) -> URIRef:
        """Find the person, or mint an IRI from the normalised name and remember it."""
        iri = self.find(name, country) or iris.entity("person", " ".join(person_tokens(name)))
        self.add(iri, name, country)
        return iri


@dataclass(frozen=True)
class Resolution:
    """The IRIs chosen for one release's mentions, keyed by the record's own names and keys."""

    release: URIRef
    events: dict[str, URIRef]
    people: dict[str, URIRef]  # person name as written -> IRI
    posts: dict[tuple[str, str | None], URIRef]  # (post, country) -> IRI
    organizations: dict[str, URIRef]
    ports: dict[str, URIRef]
    mechanisms: dict[str, URIRef]
    outcomes: dict[str, URIRef]


class Resolver:
    """Resolves one release after another, remembering the people it has seen.

    >>> r = Resolver()
    >>> r.organization("Secretariat of Foreign Relations") == r.organization("SRE")
    True
    """

    def __init__(self, gazetteer: Gazetteer | None = None, people: PeopleIndex | None = None):
        self.gazetteer = gazetteer or load_gazetteer()
        self.people = people or PeopleIndex()
        self._lookups: dict[tuple[str, str, str | None], URIRef | None] = {}
        self._events: dict[tuple[str, str], set[URIRef]] = {}
        self._series_groups = {
            iri.rsplit("/", 1)[-1] for _, iri in self.gazetteer.names("mechanism")
        }
        for iri, name, country in self.gazetteer.people():
            self.people.add(iri, name, country)

    def remember(self, known: Iterable[tuple[URIRef, str, str | None]]) -> None:
        """Add people already in the store, so new releases resolve to them."""
        for iri, name, country in known:
            self.people.add(iri, name, country)

    def _lookup(self, kind: str, mention: str, country: str | None = None) -> URIRef | None:
        """:meth:`Gazetteer.lookup`, memoised: releases name the same agencies, ports and series
        again and again, and each lookup folds the mention several ways."""
        key = (kind, mention, country)
        if key not in self._lookups:
            self._lookups[key] = self.gazetteer.lookup(kind, mention, country)
        return self._lookups[key]

    def organization(self, name: str) -> URIRef:
        return self._lookup("organization", name) or iris.entity("organization", name)

    def port(self, name: str, country: str | None = None) -> URIRef:
        """Ports named alike on both sides ("Nogales") need the mention's country."""
        known = self._lookup("port", name, country)
        return known or iris.entity("port", (country or "xx").lower(), name)

    def mechanism(self, name: str) -> URIRef:
        return self._lookup("mechanism", name) or iris.entity("mechanism", name)

    def post(self, name: str, country: str | None) -> URIRef:
        """One IRI per post whichever language names it (bilingual post lexicon first)."""
        canonical = post_id(name, country) or post_key(name)
        return iris.entity("post", (country or "xx").lower(), canonical)

    def outcome(self, name: str) -> URIRef:
        known = self._lookup("mechanism", name) or self._lookup("outcome", name)
        return known or iris.entity("outcome", name)

    def _event_group(self, event: Event, participants: tuple[str, ...]) -> str | None:
        """What identifies an event besides its date: its series, else its type and who took part
        (two bilateral meetings on one day are two events)."""
        series = self._lookup("mechanism", event.series or "") or self._lookup(
            "mechanism", event.name
        )
        if series is not None:
            return series.rsplit("/", 1)[-1]
        if event.type and participants:
            who = hashlib.sha1(" ".join(participants).encode()).hexdigest()[:10]
            return iris.slug(f"{event.type} {who}")
        return None

    def event(
        self, event: Event, record: ReleaseRecord, participants: tuple[str, ...] = ()
    ) -> URIRef:
        """Events of a known series are keyed by series and date (or ordinal), so two releases
        about one meeting, in either language, give it one IRI; other events by type, date and
        participants. A month-only or ordinal-only mention reuses the one known event it fits."""
        group = self._event_group(event, participants)
        if group is None:
            return iris.entity("event", record.id, event.name)
        if event.date and len(event.date) == 10:
            return self.remember_event(group, event, iris.entity("event", group, event.date))
        keys = [f"n{event.ordinal}"] if event.ordinal else []
        keys += [event.date[:7]] if event.date and len(event.date) == 7 else []
        for key in keys:
            known = self._events.get((group, key), set())
            if len(known) == 1:
                return next(iter(known))
        if event.ordinal and group in self._series_groups:
            return iris.entity("event", group, f"n{event.ordinal}")
        return iris.entity("event", record.id, event.name)

    def remember_event(self, group: str, event: Event, iri: URIRef) -> URIRef:
        """Index a dated event by month and ordinal, for later partial mentions of it."""
        if event.date and len(event.date) == 10:
            self._events.setdefault((group, event.date[:7]), set()).add(iri)
        if event.ordinal:
            self._events.setdefault((group, f"n{event.ordinal}"), set()).add(iri)
        return iri

    def _events_of(
        self, record: ReleaseRecord, participants: dict[str, tuple[str, ...]]
    ) -> dict[str, URIRef]:
        """The IRI of each event of ``record``: two events the release tells apart stay two,
        though they share a day, a type and the people (a meeting and the dinner after it); the
        later one keeps its release-local IRI."""
        out: dict[str, URIRef] = {}
        for e in record.events:
            iri = self.event(e, record, participants.get(e.key, ()))
            if iri in out.values():
                iri = iris.entity("event", record.id, e.name)
            out[e.key] = iri
        return out

    def preview(self, record: ReleaseRecord) -> None:
        """Index a record's dated events before any release of a batch is resolved, so that the
        order of files does not decide whether "November 2021" finds the November 18 summit."""
        participants = self._participants(record, {p.name: self._person(p) for p in record.people})
        for e in record.events:
            if e.date and len(e.date) == 10:
                self.event(e, record, participants.get(e.key, ()))

    def _participants(
        self, record: ReleaseRecord, people: dict[str, URIRef]
    ) -> dict[str, tuple[str, ...]]:
        out: dict[str, set[str]] = defaultdict(set)
        for p in record.people:
            for role in p.roles:
                out[role.event].add(people[p.name].rsplit("/", 1)[-1])
        return {key: tuple(sorted(names)) for key, names in out.items()}

    def _person(self, person: Person) -> URIRef:
        return self._lookup("person", person.name) or self.people.resolve(
            person.name, person.country
        )

    def resolve(self, record: ReleaseRecord) -> Resolution:
        """Choose an IRI for every mention in ``record``."""
        people: dict[str, URIRef] = {}
        for person in record.people:
            iri = self._person(person)
            self.people.add(iri, person.name, person.country)
            people[person.name] = iri
        participants = self._participants(record, people)
        names_of_mechanisms = [s.name for s in record.series] + [
            e.series for e in record.events if e.series
        ]
        return Resolution(
            release=iris.release(record.id),
            events=self._events_of(record, participants),
            people=people,
            posts={
                (p.post, p.country): self.post(p.post, p.country) for p in record.people if p.post
            },
            organizations={o.name: self.organization(o.name) for o in record.organizations}
            | {p.organization: self.organization(p.organization) for p in record.people
               if p.organization}
            | ({record.source.publisher: self.organization(record.source.publisher)}
               if record.source.publisher else {}),
            ports={p.name: self.port(p.name, p.country) for p in record.ports_of_entry},
            mechanisms={name: self.mechanism(name) for name in names_of_mechanisms},
            outcomes={o.name: self.outcome(o.name) for o in record.outcomes},
        )


def post_key(name: str) -> str:
    """A post's name without the country words that vary between releases.

    >>> post_key("Mexico's Ambassador to the United States")
    'ambassador to the united states'
    """
    rules = _name_rules()
    words = iris.fold(name)
    for prefix in rules["post_prefixes"]:  # type: ignore[union-attr]
        if words.startswith(prefix + " "):
            words = words[len(prefix) + 1 :]
    for infix in rules["post_infixes"]:  # type: ignore[union-attr]
        words = words.replace(" " + infix + " ", " ")
    return words
