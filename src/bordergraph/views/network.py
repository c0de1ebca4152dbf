"""networkx views of the graph, built with SPARQL over the store (never by walking rdflib graphs).

Views (``VIEWS``):

- ``officials``: people linked by the events they share (``weight`` = number of shared events,
  ``events`` = their labels); nodes carry country, posts and organizations.
- ``participation``: people and events, bipartite (``bipartite`` 0 = person, 1 = event); an edge
  carries the person's ``roles`` at the event.
- ``institutions``: organizations linked by shared events; an organization is involved in an
  event through the post a participant held there (``bg:inPost`` with a PostHolding's
  ``bg:organization`` or the post's ``org:postIn``) or by being mentioned in a release that
  states the event.
- ``lineage``: a DiGraph of events and series: ``builds_on`` (event -> earlier event),
  ``part_of`` (event -> its series, series -> parent series).
- ``full``: every entity (quotations aside: they are provenance, kept in ``quotes()``) and
  every object property between entities, as a DiGraph with the ``relation`` on each edge.

Every node has ``label``, ``names``, ``type`` (Person, Event, Organization, ...), ``subtype``
(Meeting, Summit, ... or the class), ``country``, ``countries``, ``date``/``end_date`` (events:
their dates; others: first and last date of their events) and ``administrations`` (labels of the
administrations their events fall under). The union of named graphs repeats a fact stated in two
releases, so every query is DISTINCT and every edge is counted over distinct events.

>>> from bordergraph.graph.open import open_store
>>> G = view(open_store(":memory:"), "officials")
>>> G.number_of_nodes()
0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef

from ..graph import iris
from ..graph.store import Store

__all__ = ["VIEWS", "Catalog", "find_node", "flatten", "view"]

VIEWS = ("officials", "participation", "institutions", "lineage", "full")

PREFIXES = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX bgid: <https://w3id.org/bordergraph/id/>
"""
ID = iris.ID

# The coarse type of an entity comes from its IRI (iris.entity(kind, ...)): stable and cheap.
KINDS = {
    "person": "Person", "event": "Event", "organization": "Organization", "post": "Post",
    "mechanism": "Mechanism", "port": "PortOfEntry", "outcome": "Outcome", "country": "Country",
    "administration": "Administration", "delegation": "Delegation",
    "participation": "Participation", "postholding": "PostHolding",
}  # fmt: skip

Q_NAMES = PREFIXES + """SELECT DISTINCT ?s ?name ?prop WHERE {
  { ?s skos:prefLabel ?name BIND("pref" AS ?prop) } UNION
  { ?s foaf:name ?name BIND("name" AS ?prop) } UNION { ?s rdfs:label ?name BIND("label" AS ?prop) }
  UNION { ?s skos:altLabel ?name BIND("alt" AS ?prop) }
  FILTER(STRSTARTS(STR(?s), STR(bgid:))) }"""
Q_TYPES = PREFIXES + """SELECT DISTINCT ?s ?t WHERE { ?s a ?t .
  FILTER(STRSTARTS(STR(?s), STR(bgid:)) && STRSTARTS(STR(?t), STR(bg:))) }"""
Q_COUNTRY = PREFIXES + """SELECT DISTINCT ?s ?code WHERE { ?s bg:country ?c .
  OPTIONAL { ?c skos:notation ?code } FILTER(STRSTARTS(STR(?s), STR(bgid:))) }"""
Q_DATES = PREFIXES + """SELECT DISTINCT ?e ?start ?end WHERE { ?e bg:startDate ?start .
  OPTIONAL { ?e bg:endDate ?end } FILTER(STRSTARTS(STR(?e), CONCAT(STR(bgid:), "event/"))) }"""
Q_EVENT_ADMINS = PREFIXES + "SELECT DISTINCT ?e ?a WHERE { ?e bg:duringAdministration ?a }"
Q_ADMINS = PREFIXES + """SELECT DISTINCT ?a ?label ?code ?start ?end ?president WHERE {
  ?a a bg:Administration . OPTIONAL { ?a rdfs:label ?label FILTER(LANG(?label) IN ("en", "es")) }
  OPTIONAL { ?a bg:country/skos:notation ?code } OPTIONAL { ?a bg:startDate ?start }
  OPTIONAL { ?a bg:endDate ?end } OPTIONAL { ?a bg:president/foaf:name ?president } }"""
Q_PARTICIPATION = PREFIXES + """SELECT DISTINCT ?person ?event ?role WHERE {
  GRAPH ?g { ?p bg:participant ?person ; bg:event ?event OPTIONAL { ?p bg:role ?r } }
  OPTIONAL { ?r skos:notation ?role } }"""
# Each release graph restates the nodes it shares with others. The store's default graph holds
# each triple once, but a union computed per query (endpoints with union=param, list or server)
# keeps every copy, and a star join over one fact node then grows with a power of how many
# releases state it; matching fact nodes inside one graph at a time (GRAPH ?g) and joining in
# Python is fast on every backend.
Q_HOLDS = PREFIXES + """SELECT DISTINCT ?person ?post WHERE {
  { ?person org:holds ?post } UNION { GRAPH ?g { ?h bg:holder ?person ; bg:post ?post } } }"""
Q_HOLDING_ORGS = PREFIXES + """SELECT DISTINCT ?person ?post ?org WHERE {
  GRAPH ?g { ?h bg:holder ?person ; bg:post ?post ; bg:organization ?org } }"""
Q_POST_ORGS = PREFIXES + "SELECT DISTINCT ?post ?org WHERE { ?post org:postIn ?org }"
Q_EVENT_POSTS = PREFIXES + """SELECT DISTINCT ?event ?post ?person WHERE {
  GRAPH ?g { ?p bg:event ?event ; bg:inPost ?post ; bg:participant ?person } }"""
Q_MENTIONED_ORGS = PREFIXES + """SELECT DISTINCT ?org ?event WHERE {
  ?r a bg:Release ; bg:mentions ?org . ?event prov:wasDerivedFrom ?r
  FILTER(STRSTARTS(STR(?event), CONCAT(STR(bgid:), "event/"))
         && STRSTARTS(STR(?org), CONCAT(STR(bgid:), "organization/"))) }"""
Q_LINEAGE = PREFIXES + """SELECT DISTINCT ?a ?rel ?b WHERE {
  { ?a bg:buildsOn ?b BIND("builds_on" AS ?rel) } UNION { ?a bg:series ?b BIND("part_of" AS ?rel) }
  UNION { ?a bg:partOf ?b BIND("part_of" AS ?rel) } }"""
Q_LINEAGE_NODES = PREFIXES + """SELECT DISTINCT ?s WHERE { ?s a ?t .
  FILTER(STRSTARTS(STR(?s), CONCAT(STR(bgid:), "event/"))
         || STRSTARTS(STR(?s), CONCAT(STR(bgid:), "mechanism/"))) }"""
Q_FULL_NODES = PREFIXES + """SELECT DISTINCT ?s WHERE { ?s a ?t .
  FILTER(STRSTARTS(STR(?s), STR(bgid:))
         && !STRSTARTS(STR(?s), CONCAT(STR(bgid:), "quotation/"))) }"""
Q_FULL_EDGES = PREFIXES + """SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o .
  FILTER(isIRI(?o) && ?p NOT IN (prov:wasDerivedFrom, bg:evidence, bg:quotedFrom)
    && STRSTARTS(STR(?s), STR(bgid:)) && STRSTARTS(STR(?o), STR(bgid:))
    && !STRSTARTS(STR(?o), CONCAT(STR(bgid:), "quotation/"))) }"""


class Text(str):
    """A literal's lexical form that keeps its language tag (``None`` when it has none)."""

    language: str | None = None


def _text(term: object) -> object:
    """An rdflib literal as :class:`Text`; anything else (``None``) unchanged."""
    if isinstance(term, Literal):
        out = Text(term)
        out.language = term.language
        return out
    return term


def _s(term: object) -> str:
    return "" if term is None else str(term)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Catalog:
    """What every view needs to describe a node, read from the store in a few queries."""

    def __init__(self, store: Store, lang: str = "en") -> None:
        self.store = store
        self.lang = lang  # labels in this language first ("en" or "es"), else the other
        names: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for s, name, prop in self._rows(Q_NAMES):
            rank = {"pref": -1, "name": 0, "label": 1, "alt": 2}[str(prop)]
            tag = getattr(name, "language", None)
            names[s].append((rank + (0 if tag in (None, lang) else 4), str(name)))
        self.names = {s: sorted({n for _, n in v}) for s, v in names.items()}
        # The fullest name of the best-ranked kind: "Brian A. Nichols" over "Brian Nichols".
        self.labels = {s: min(v, key=lambda x: (x[0], -len(x[1]), x[1]))[1]
                       for s, v in names.items()}
        self.types: dict[str, set[str]] = defaultdict(set)
        for s, t in self._rows(Q_TYPES, inferred=False):
            self.types[s].add(_local(t))
        self.countries = {s: str(code) if code else _local(s).upper() for s, code in
                          ((s, c) for s, c in self._rows(Q_COUNTRY))}
        self.dates = {e: (str(a), _s(b)) for e, a, b in self._rows(Q_DATES)}
        self.admins: dict[str, dict[str, str]] = {}
        for a, label, code, start, end, president in self._rows(Q_ADMINS):
            who = _s(president) or _local(a)
            entry = self.admins.setdefault(a, {
                "label": _s(label) or f"{who} administration", "country": _s(code),
                "start": _s(start), "end": _s(end)})
            if label is not None and getattr(label, "language", None) == lang:
                entry["label"] = str(label)
        self.event_admins: dict[str, set[str]] = defaultdict(set)
        for e, a in self._rows(Q_EVENT_ADMINS):
            self.event_admins[e].add(a)
        self.roles: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.events_of: dict[str, set[str]] = defaultdict(set)
        self.people_at: dict[str, set[str]] = defaultdict(set)
        for person, event, role in self._rows(Q_PARTICIPATION):
            self.events_of[person].add(event)
            self.people_at[event].add(person)
            if role is not None:
                self.roles[person, event].add(str(role))
        self.posts: dict[str, set[str]] = defaultdict(set)
        self.orgs: dict[str, set[str]] = defaultdict(set)
        self.holding_orgs: dict[tuple[Any, Any], set[Any]] = defaultdict(set)
        for person, post, org in self._rows(Q_HOLDING_ORGS):
            self.holding_orgs[(person, post)].add(org)
        self.post_orgs: dict[Any, set[Any]] = defaultdict(set)
        for post, org in self._rows(Q_POST_ORGS):
            self.post_orgs[post].add(org)
        for person, post in self._rows(Q_HOLDS):
            self.posts[person].add(post)
            self.orgs[person] |= self.holding_orgs[(person, post)] | self.post_orgs[post]

    def _rows(self, query: str, inferred: bool = True) -> list[tuple[str | object, ...]]:
        """Result rows with IRIs as ``str`` and literals as :class:`Text` (``str`` too)."""
        rows = self.store.select(query, inferred=inferred).rows
        return [tuple(str(v) if isinstance(v, URIRef) else _text(v) for v in row)
                for row in rows]

    def kind(self, iri: str) -> str:
        if iri.startswith(iris.RELEASE):
            return "Release"
        kind = iri[len(ID):].split("/", 1)[0] if iri.startswith(ID) else ""
        return KINDS.get(kind, kind.title() or "Thing")

    def subtype(self, iri: str) -> str:
        kind = self.kind(iri)
        generic = {kind, "Event", "AnnouncedEvent", "Official"}
        specific = sorted(self.types.get(iri, set()) - generic)
        return specific[0] if specific else kind

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or _local(iri).replace("-", " ")

    def event_name(self, iri: str) -> str:
        """An event's label with its date, so two meetings of one name stay apart."""
        date = self.dates.get(iri, ("", ""))[0]
        return f"{self.label(iri)} ({date})" if date else self.label(iri)

    def admin_label(self, iri: str) -> str:
        return self.admins.get(iri, {}).get("label") or _local(iri)

    def describe(self, iri: str, events: Iterable[str] = ()) -> dict[str, object]:
        """The node attributes of ``iri``; ``events`` are the events it takes part in."""
        kind = self.kind(iri)
        events = sorted({iri} if kind == "Event" else set(events))
        dates = sorted(d for e in events for d in self.dates.get(e, ()) if d)
        admins = sorted({self.admin_label(a) for e in events for a in self.event_admins.get(e, ())})
        country = self.countries.get(iri, "")
        if kind == "Event":
            countries = {self.countries.get(p, "") for p in self.people_at.get(iri, ())}
        else:
            countries = {country}
        start, end = self.dates.get(iri, ("", "")) if kind == "Event" else (
            (dates[0], dates[-1]) if dates else ("", ""))
        own = sorted({self.admin_label(a) for e in events for a in self.event_admins.get(e, ())
                      if country and self.admins.get(a, {}).get("country") == country})
        return {
            "label": self.label(iri), "names": self.names.get(iri, [self.label(iri)]),
            "type": kind, "subtype": self.subtype(iri), "country": country,
            "countries": sorted(c for c in countries if c), "date": start, "end_date": end,
            "administrations": admins, "own_administrations": own,
            "announced": "AnnouncedEvent" in self.types.get(iri, ()),
            "posts": sorted(self.label(p) for p in self.posts.get(iri, ())),
            "organizations": sorted(self.label(o) for o in self.orgs.get(iri, ())),
        }


def view(store: Store, name: str = "officials", catalog: Catalog | None = None) -> nx.Graph:
    """The networkx graph of view ``name`` (one of :data:`VIEWS`).

    >>> from bordergraph.graph.open import open_store
    >>> view(open_store(":memory:"), "lineage").is_directed()
    True
    """
    if name not in VIEWS:
        raise ValueError(f"unknown view {name!r}; choose one of {', '.join(VIEWS)}")
    cat = catalog or Catalog(store)
    graph = {"officials": _officials, "participation": _participation,
             "institutions": _institutions, "lineage": _lineage, "full": _full}[name](cat)
    graph.graph.update(view=name)
    return graph


def _linked_by_events(cat: Catalog, members: dict[str, set[str]]) -> nx.Graph:
    """Nodes linked when they share events: weight = shared events, events = their labels."""
    G = nx.Graph()
    for node in sorted(members):
        G.add_node(node, **cat.describe(node, members[node]))
    by_event: dict[str, set[str]] = defaultdict(set)
    for node, events in members.items():
        for e in events:
            by_event[e].add(node)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event, nodes in by_event.items():
        for a, b in combinations(sorted(nodes), 2):
            shared[a, b].add(event)
    for (a, b), events in sorted(shared.items()):
        dates = sorted(cat.dates[e][0] for e in events if e in cat.dates)
        G.add_edge(a, b, weight=len(events), events=sorted(cat.event_name(e) for e in events),
                   event_ids=sorted(events), first=dates[0] if dates else "",
                   last=dates[-1] if dates else "", administrations=sorted(
                       {cat.admin_label(x) for e in events for x in cat.event_admins.get(e, ())}))
    return G


def _officials(cat: Catalog) -> nx.Graph:
    return _linked_by_events(cat, cat.events_of)


def _participation(cat: Catalog) -> nx.Graph:
    G = nx.Graph()
    for person, events in sorted(cat.events_of.items()):
        G.add_node(person, bipartite=0, **cat.describe(person, events))
        for event in sorted(events):
            if event not in G:
                G.add_node(event, bipartite=1, **cat.describe(event))
            G.add_edge(person, event, roles=sorted(cat.roles.get((person, event), ())),
                       date=G.nodes[event]["date"])
    return G


def _institutions(cat: Catalog) -> nx.Graph:
    members: dict[str, set[str]] = defaultdict(set)
    how: dict[str, set[str]] = defaultdict(set)
    involved = [(org, event, "post") for event, post, person in cat._rows(Q_EVENT_POSTS)
                for org in cat.holding_orgs[(person, post)] | cat.post_orgs[post]]
    involved += [(org, event, "mentioned") for org, event in cat._rows(Q_MENTIONED_ORGS)]
    for org, event, kind in involved:
        members[org].add(event)
        how[org].add(kind)
    G = _linked_by_events(cat, members)
    for org in G:
        G.nodes[org]["involvement"] = sorted(how[org])
    return G


def _lineage(cat: Catalog) -> nx.DiGraph:
    G = nx.DiGraph()
    events_of_series: dict[str, set[str]] = defaultdict(set)
    edges = cat._rows(Q_LINEAGE)
    for a, rel, _b in edges:
        if rel == "part_of" and cat.kind(a) == "Event":
            events_of_series[_b].add(a)  # type: ignore[index]
    for (s,) in cat._rows(Q_LINEAGE_NODES):
        G.add_node(s, **cat.describe(s, events_of_series.get(s, ())))  # type: ignore[arg-type]
    for a, rel, b in sorted(edges, key=str):
        if a in G and b in G:
            G.add_edge(a, b, relation=str(rel))
    return G


def _full(cat: Catalog) -> nx.DiGraph:
    G = nx.DiGraph()
    for (s,) in cat._rows(Q_FULL_NODES):
        G.add_node(s, **cat.describe(s, cat.events_of.get(s, ())))  # type: ignore[arg-type]
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, p, o in cat._rows(Q_FULL_EDGES):
        if s in G and o in G:
            relations[s, o].add(_local(str(p)))  # type: ignore[index]
    for (s, o), rels in sorted(relations.items()):
        G.add_edge(s, o, relation=" ".join(sorted(rels)))
    return G


def find_node(G: nx.Graph, name: str) -> str:
    """The node whose label or any name matches ``name`` (folded; a lone surname is enough).

    Raises ``LookupError`` when nothing or several nodes fit.
    """
    wanted = iris.fold(name)
    exact = [n for n, d in G.nodes(data=True)
             if wanted in {iris.fold(x) for x in [d.get("label", ""), *d.get("names", [])]}]
    if len(exact) == 1:
        return exact[0]
    words = set(wanted.split())
    loose = exact or [n for n, d in G.nodes(data=True) if any(
        words <= set(iris.fold(x).split()) for x in [d.get("label", ""), *d.get("names", [])])]
    if len(loose) == 1:
        return loose[0]
    if not loose:
        raise LookupError(f"no node named {name!r}")
    labels = ", ".join(sorted(G.nodes[n].get("label", n) for n in loose)[:5])
    raise LookupError(f"{name!r} is ambiguous: {labels}")


def flatten(G: nx.Graph) -> nx.Graph:
    """A copy with list attributes joined by "; " and booleans kept, for GraphML and GEXF.

    >>> g = nx.Graph(); g.add_node("a", names=["x", "y"])
    >>> flatten(g).nodes["a"]["names"]
    'x; y'
    """
    H = G.copy()
    for _, data in [*H.nodes(data=True), *((None, d) for *_, d in H.edges(data=True))]:
        for key, value in list(data.items()):
            if isinstance(value, list | tuple | set):
                data[key] = "; ".join(str(v) for v in value)
            elif value is None:
                data[key] = ""
    return H
