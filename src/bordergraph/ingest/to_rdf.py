"""to_rdf: a resolved ReleaseRecord as the triples of the release's own named graph.

Every fact node (Participation, PostHolding, event, outcome, series) carries PROV-O provenance:
``prov:wasDerivedFrom`` the release and ``bg:evidence`` a Quotation holding the sentence and its
character offsets. Everything here is read back by :mod:`bordergraph.ingest.from_rdf`, so what the
graph holds is exactly what ``bordergraph extract --json`` prints.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from typing import Any

from rdflib import XSD, Literal, URIRef
from rdflib import namespace as ns

from ..graph import iris
from ..graph.gazetteer import Gazetteer
from ..graph.vocab import BG as _BG
from ..graph.vocab import codes as _vocab_codes
from ..records import Evidence, ReleaseRecord, ReleaseText
from .resolve import Resolution

Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Terms:
    """A namespace whose terms are looked up once each: an rdflib DefinedNamespace builds and
    checks a new URIRef on every attribute access, and one release graph takes hundreds."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


BG, RDF, RDFS, PROV = _Terms(_BG), _Terms(ns.RDF), _Terms(ns.RDFS), _Terms(ns.PROV)
DCTERMS, FOAF, ORG, SKOS = _Terms(ns.DCTERMS), _Terms(ns.FOAF), _Terms(ns.ORG), _Terms(ns.SKOS)


def codes(scheme_or_class: str) -> dict[str, URIRef]:
    """:func:`bordergraph.graph.vocab.codes`, looked up once per ontology location (each lookup
    resolves the project root on disk, and every release needs five tables)."""
    return _codes(scheme_or_class, os.environ.get("BORDERGRAPH_HOME"))


@cache
def _codes(scheme_or_class: str, home: str | None) -> dict[str, URIRef]:
    # ``home`` only keys the cache: vocab.codes reads BORDERGRAPH_HOME itself.
    return _vocab_codes(scheme_or_class)


@lru_cache(maxsize=65536)
def _entity(kind: str, *parts: str) -> URIRef:
    """:func:`bordergraph.graph.iris.entity`, memoised: the same people, posts and countries recur
    in release after release, and slugging their names is the costly part."""
    return iris.entity(kind, *parts)


@lru_cache(maxsize=65536)
def _slug(part: str) -> str:
    return iris.slug(part)


def _quotation(release_id: str, start: int, end: int) -> URIRef:
    """``iris.entity("quotation", release_id, f"{start}-{end}")``, built from memoised slugs:
    every quotation IRI is new, but its two parts (the release, the offsets) recur."""
    return URIRef(f"{iris.ID}quotation/{_slug(release_id)}/{_slug(f'{start}-{end}')}")


@lru_cache(maxsize=4096)
def date_literal(value: str) -> Literal:
    """An ISO date, year-month or year as the matching XSD literal.

    >>> date_literal("2021-11").datatype == XSD.gYearMonth
    True
    """
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=datatype)


def country_iri(code: str) -> URIRef:
    return _entity("country", code.lower())


@lru_cache(maxsize=65536)
def _int_literal(value: int) -> Literal:
    # Character offsets repeat across releases; building an xsd:integer literal is not cheap.
    return Literal(value)


class _Writer:
    """Collects the triples of one release graph, deduplicated and in a stable order."""

    def __init__(self, record: ReleaseRecord, text: ReleaseText | None) -> None:
        self.record = record
        self.text = text
        self.release = iris.release(record.id)
        self.triples: dict[Triple, None] = {}
        self.language = record.source.language

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.triples[(s, p, o)] = None

    def label(self, s: URIRef, text: str | None) -> None:
        if text:
            self.add(s, RDFS.label, Literal(text, lang=self.language))

    def evidence(self, node: URIRef, evidence: Evidence | None) -> None:
        """Tie a fact node to the release and, where known, to the sentence that states it."""
        self.add(node, PROV.wasDerivedFrom, self.release)
        if evidence is None:
            return
        quote = _quotation(self.record.id, evidence.start, evidence.end)
        self.add(node, BG.evidence, quote)
        self.add(quote, RDF.type, BG.Quotation)
        self.add(quote, BG.quote, Literal(evidence.text))
        self.add(quote, BG.charStart, _int_literal(evidence.start))
        self.add(quote, BG.charEnd, _int_literal(evidence.end))
        self.add(quote, BG.quotedFrom, self.release)


def to_triples(
    record: ReleaseRecord,
    resolution: Resolution,
    gazetteer: Gazetteer,
    text: ReleaseText | None = None,
    curated: dict[tuple[str, str], str] | None = None,
) -> list[Triple]:
    """The triples of ``record``'s named graph (its IRI is ``resolution.release``).

    ``curated`` maps (category, name) of facts an analyst's correction touched to the
    corrections file; those fact nodes are marked ``bg:curated true``.
    """
    w = _Writer(record, text)
    _release(w, record, resolution, text)
    _events(w, record, resolution, gazetteer)
    _people(w, record, resolution)
    _mentions(w, record, resolution)
    for (category, name), source in (curated or {}).items():
        node = _curated_node(resolution, category, name)
        if node is not None:
            w.add(node, BG.curated, Literal(True))
            w.add(node, PROV.wasAttributedTo, iris.entity("curation", source))
    return list(w.triples)


def _curated_node(r: Resolution, category: str, name: str) -> URIRef | None:
    table: dict[str, dict[str, URIRef]] = {
        "events": r.events,
        "people": r.people,
        "organizations": r.organizations,
        "ports_of_entry": r.ports,
        "outcomes": r.outcomes,
        "series": r.mechanisms,
    }
    return table.get(category, {}).get(name)


def _release(w: _Writer, record: ReleaseRecord, r: Resolution, text: ReleaseText | None) -> None:
    src, rel = record.source, w.release
    w.add(rel, RDF.type, BG.Release)
    w.add(rel, DCTERMS.identifier, Literal(record.id))
    if src.issued:
        w.add(rel, DCTERMS.issued, date_literal(src.issued))
    if src.language:
        w.add(rel, DCTERMS.language, Literal(src.language))
    if src.title:
        w.add(rel, DCTERMS.title, Literal(src.title))
    if src.office:
        w.add(rel, BG.office, Literal(src.office))
    if src.publisher:
        # The name as written is the release's; the publisher's own labels come from reference
        # data (labelling it here would mix with how the body names the same agency).
        w.add(rel, DCTERMS.publisher, r.organizations[src.publisher])
        w.add(rel, BG.publisherName, Literal(src.publisher))
    if text is not None:
        w.add(rel, BG.sha256, Literal(text.sha256))
        w.add(rel, BG.fileName, Literal(text.path.rsplit("/", 1)[-1]))
        # The body as read (page chrome removed): the explorer shows it beside its quotes.
        w.add(rel, ns.SDO.text, Literal(text.body))


def _events(w: _Writer, record: ReleaseRecord, r: Resolution, gazetteer: Gazetteer) -> None:
    event_types, modes = codes("Event"), codes("Mode")
    relations, outcome_types = codes("hasOutcome"), codes("Outcome")
    issued = record.source.issued
    for e in record.events:
        node = r.events[e.key]
        w.add(node, RDF.type, event_types.get(e.type or "", BG.Event))
        w.label(node, e.name)
        if e.series:
            w.add(node, BG.series, r.mechanisms[e.series])
            w.label(r.mechanisms[e.series], e.series)
        if e.ordinal is not None:
            w.add(node, BG.ordinal, Literal(e.ordinal))
        if e.date:
            w.add(node, BG.startDate, date_literal(e.date))
            if issued and e.date[:10] > issued[: len(e.date)]:
                w.add(node, RDF.type, BG.AnnouncedEvent)
            for country in ("US", "MX"):
                for admin in gazetteer.administrations_during(country, e.date, e.end_date):
                    w.add(node, BG.duringAdministration, admin)
        if e.end_date:
            w.add(node, BG.endDate, date_literal(e.end_date))
        w.add(node, BG.mode, modes.get(e.mode or ""))
        if e.location:
            w.add(node, BG.locationName, Literal(e.location))
        w.evidence(node, e.evidence)
    for link in record.event_links:
        if link.relation == "builds_on":
            w.add(r.events[link.from_], BG.buildsOn, r.events[link.to])
    for o in record.outcomes:
        node = r.outcomes[o.name]
        w.add(node, RDF.type, outcome_types.get(o.type or "", BG.Outcome))
        w.label(node, o.name)
        if o.event:
            w.add(r.events[o.event], relations.get(o.relation or "", BG.hasOutcome), node)
        else:
            w.add(w.release, BG.mentions, node)
        w.evidence(node, o.evidence)
    for s in record.series:
        node = r.mechanisms[s.name]
        w.add(w.release, BG.mentions, node)
        w.add(node, RDF.type, BG.Mechanism)
        w.label(node, s.name)
        if s.established:
            w.add(node, BG.established, date_literal(s.established))
        spanned = s.administrations_spanned or {}
        if "US" in spanned:
            w.add(node, BG.statedUSAdministrations, Literal(spanned["US"]))
        if "MX" in spanned:
            w.add(node, BG.statedMXAdministrations, Literal(spanned["MX"]))
        w.evidence(node, s.evidence)


def _people(w: _Writer, record: ReleaseRecord, r: Resolution) -> None:
    roles = codes("Role")
    for p in record.people:
        person = r.people[p.name]
        w.add(person, RDF.type, BG.Person)
        w.add(person, FOAF.name, Literal(p.name))
        for alias in p.aliases:
            if p.name not in alias:  # "Secretary Mayorkas" helps search; "<post> <name>" does not
                w.add(person, SKOS.altLabel, Literal(alias))
        if p.country:
            w.add(person, BG.country, country_iri(p.country))
        w.evidence(person, p.evidence)
        post = r.posts.get((p.post, p.country)) if p.post else None
        if post is not None:
            holding = _entity(
                "postholding", person.rsplit("/", 1)[-1], post.split("/id/post/")[1]
            )
            w.add(post, RDF.type, BG.Post)
            w.label(post, p.post)
            if p.country:
                w.add(post, BG.country, country_iri(p.country))
            w.add(person, ORG.holds, post)
            w.add(holding, RDF.type, BG.PostHolding)
            w.add(holding, BG.holder, person)
            w.add(holding, BG.post, post)
            if p.organization:
                org = r.organizations[p.organization]
                w.add(holding, BG.organization, org)
                w.add(org, RDF.type, BG.Organization)  # named only with the post, still one
                w.label(org, p.organization)
            if record.source.issued:
                w.add(holding, BG.observedOn, date_literal(record.source.issued))
            w.evidence(holding, p.evidence)
        for role in p.roles:
            event = r.events[role.event]
            part = _entity(
                "participation", event.split("/id/event/")[1], person.rsplit("/", 1)[-1], role.role
            )
            w.add(part, RDF.type, BG.Participation)
            w.add(part, BG.participant, person)
            w.add(part, BG.event, event)
            w.add(part, BG.role, roles.get(role.role))
            if p.country:
                w.add(part, BG.onBehalfOf, country_iri(p.country))
            w.add(part, BG.inPost, post)
            w.evidence(part, role.evidence or p.evidence)
            if role.role == "delegation_head" and p.country:
                delegation = _entity(
                    "delegation", event.split("/id/event/")[1], p.country.lower()
                )
                w.add(delegation, RDF.type, BG.Delegation)
                w.add(delegation, BG.delegationAt, event)
                w.add(delegation, BG.country, country_iri(p.country))
                w.add(delegation, BG.headedBy, person)


def _mentions(w: _Writer, record: ReleaseRecord, r: Resolution) -> None:
    for o in record.organizations:
        node = r.organizations[o.name]
        w.add(w.release, BG.mentions, node)
        w.add(node, RDF.type, BG.Organization)
        w.label(node, o.name)
        if o.country:
            w.add(node, BG.country, country_iri(o.country))
        w.evidence(node, o.evidence)
    for port in record.ports_of_entry:
        node = r.ports[port.name]
        w.add(node, RDF.type, BG.PortOfEntry)
        w.label(node, port.name)
        if port.country:
            w.add(node, BG.country, country_iri(port.country))
        if port.event:
            w.add(r.events[port.event], BG.concernsPort, node)
        else:
            w.add(w.release, BG.mentions, node)
        w.evidence(node, port.evidence)
