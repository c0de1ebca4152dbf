"""from_rdf: read a release's record back out of its own named graph.

``bordergraph extract --json`` prints this, so extraction is scored on what the graph holds (a
round trip through RDF), not on the extractor's memory. Only the release's graph is read: what
reference data or reasoning add elsewhere enriches the graph without changing the record.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF

from ..graph.vocab import BG, codes
from ..records import (
    Event,
    EventLink,
    Evidence,
    Organization,
    Outcome,
    Person,
    PortMention,
    ReleaseRecord,
    Role,
    Series,
    Source,
)


def _notation(table: dict[str, URIRef]) -> dict[URIRef, str]:
    return {term: code for code, term in table.items()}


class _Reader:
    def __init__(self, graph: Graph, release: URIRef) -> None:
        self.g = graph
        self.release = release

    def value(self, s: URIRef, p: URIRef) -> str | None:
        values = sorted(str(v) for v in self.g.objects(s, p))
        return max(values, key=len) if values else None  # the fullest form written

    def label(self, s: URIRef) -> str | None:
        return self.value(s, RDFS.label)

    def evidence(self, node: URIRef) -> Evidence | None:
        quotes = []
        for q in self.g.objects(node, BG.evidence):
            start, end = self.g.value(q, BG.charStart), self.g.value(q, BG.charEnd)
            text = self.g.value(q, BG.quote)
            if isinstance(start, Literal) and isinstance(end, Literal) and text is not None:
                quotes.append(Evidence(str(text), int(start), int(end)))
        return min(quotes, key=lambda e: (e.start, e.end)) if quotes else None

    def country(self, node: URIRef) -> str | None:
        c = self.g.value(node, BG.country)
        return str(c).rsplit("/", 1)[-1].upper() if c is not None else None

    def position(self, node: URIRef) -> tuple[int, str]:
        ev = self.evidence(node)
        return (ev.start if ev else 1 << 30, str(node))


def record_from_graph(graph: Graph, release: URIRef) -> ReleaseRecord:
    """Rebuild the :class:`ReleaseRecord` that ``graph`` (one release's named graph) states."""
    r = _Reader(graph, release)
    g = graph
    event_types = _notation(codes("Event"))
    modes, roles = _notation(codes("Mode")), _notation(codes("Role"))
    relations, outcome_types = _notation(codes("hasOutcome")), _notation(codes("Outcome"))

    event_nodes = sorted(
        {s for s in g.subjects(RDF.type) if isinstance(s, URIRef) and _is_event(g, s)},
        key=r.position,
    )
    keys = {node: f"e{i}" for i, node in enumerate(event_nodes, start=1)}
    events = []
    for node in event_nodes:
        types = [event_types[t] for t in g.objects(node, RDF.type) if t in event_types]
        series = g.value(node, BG.series)
        ordinal, mode = g.value(node, BG.ordinal), g.value(node, BG.mode)
        events.append(
            Event(
                key=keys[node],
                name=r.label(node) or "",
                type=types[0] if types else None,
                series=r.label(series) if isinstance(series, URIRef) else None,
                ordinal=int(ordinal) if ordinal is not None else None,
                date=r.value(node, BG.startDate),
                end_date=r.value(node, BG.endDate),
                mode=modes.get(mode) if isinstance(mode, URIRef) else None,
                location=r.value(node, BG.locationName),
                evidence=r.evidence(node),
            )
        )
    links = [
        EventLink(keys[a], "builds_on", keys[b])
        for a, b in g.subject_objects(BG.buildsOn)
        if a in keys and b in keys
    ]

    people = []
    for person in sorted(set(g.subjects(RDF.type, BG.Person)), key=r.position):
        holding = next(iter(g.subjects(BG.holder, person)), None)
        post = g.value(holding, BG.post) if holding is not None else None
        org = g.value(holding, BG.organization) if holding is not None else None
        person_roles = []
        for part in g.subjects(BG.participant, person):
            event, role = g.value(part, BG.event), g.value(part, BG.role)
            if event in keys and role in roles:
                person_roles.append(Role(keys[event], roles[role], r.evidence(part)))
        people.append(
            Person(
                name=r.value(person, FOAF.name) or "",
                country=r.country(person),
                post=r.label(post) if isinstance(post, URIRef) else None,
                organization=r.label(org) if isinstance(org, URIRef) else None,
                roles=tuple(sorted(person_roles, key=lambda x: (x.event, x.role))),
                evidence=r.evidence(person),
            )
        )

    mentioned = set(g.objects(release, BG.mentions))
    organizations = [
        Organization(r.label(o) or "", r.country(o), r.evidence(o))
        for o in sorted(mentioned, key=r.position)
        if (o, RDF.type, BG.Organization) in g
    ]
    ports = []
    for port in sorted(set(g.subjects(RDF.type, BG.PortOfEntry)), key=r.position):
        port_events = [keys[e] for e in g.subjects(BG.concernsPort, port) if e in keys] or [None]
        for event_key in sorted(port_events, key=str):
            ports.append(
                PortMention(r.label(port) or "", r.country(port), event_key, r.evidence(port))
            )

    outcomes = []
    for node in sorted({o for o in g.subjects(RDF.type) if _is_outcome(g, o)}, key=r.position):
        types = sorted(outcome_types[t] for t in g.objects(node, RDF.type) if t in outcome_types)
        links_in = [(e, p) for e, p in g.subject_predicates(node) if e in keys and p in relations]
        for event, prop in sorted(links_in, key=lambda x: (keys[x[0]], str(x[1]))) or [
            (None, None)
        ]:
            outcomes.append(
                Outcome(
                    name=r.label(node) or "",
                    type=types[0] if types else None,
                    event=keys.get(event) if event is not None else None,
                    relation=relations.get(prop) if prop is not None else None,
                    evidence=r.evidence(node),
                )
            )

    series = [
        _series(r, node)
        for node in sorted(mentioned, key=r.position)
        if (node, RDF.type, BG.Mechanism) in g
    ]

    issued = g.value(release, DCTERMS.issued)
    language = g.value(release, DCTERMS.language)
    return ReleaseRecord(
        id=str(g.value(release, DCTERMS.identifier) or release.rsplit("/", 1)[-1]),
        source=Source(
            publisher=r.value(release, BG.publisherName),
            issued=str(issued) if issued is not None else None,
            language=str(language) if language is not None else None,
            office=r.value(release, BG.office),
            title=r.value(release, DCTERMS.title),
        ),
        events=tuple(events),
        event_links=tuple(sorted(links, key=lambda x: (x.from_, x.to))),
        people=tuple(people),
        organizations=tuple(organizations),
        ports_of_entry=tuple(ports),
        outcomes=tuple(outcomes),
        series=tuple(series),
    )


def _is_event(g: Graph, node: URIRef) -> bool:
    return any(t == BG.Event or t in codes("Event").values() for t in g.objects(node, RDF.type))


def _is_outcome(g: Graph, node: object) -> bool:
    types = set(g.objects(node, RDF.type))  # type: ignore[arg-type]
    return bool(types & ({BG.Outcome} | set(codes("Outcome").values())))


def _series(r: _Reader, node: URIRef) -> Series:
    established = r.value(node, BG.established)
    us, mx = (
        r.g.value(node, BG.statedUSAdministrations),
        r.g.value(node, BG.statedMXAdministrations),
    )
    spanned = {k: int(v) for k, v in (("US", us), ("MX", mx)) if v is not None} or None
    return Series(r.label(node) or "", established, spanned, r.evidence(node))
