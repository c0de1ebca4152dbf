"""One event, one story: what several releases say about one event, reconciled after a load.

Each release keeps its own word in its named graph (a date "November 2021" stays in the
graph of the release that wrote it). The default graph — the union every query reads — is
reconciled so that every event has

- **one date** (start and end): the most precise a release states, then the one most releases
  state, then the latest release's; the others are taken out of the default graph only;
- **one preferred label per language** (``skos:prefLabel`` in ``…/graph/consensus``): among
  the event's labels in that language, the one most releases use, then a proper name (a
  capital or a digit first: "2022 U.S.-Mexico High-Level Economic Dialogue", not "next
  U.S.-Mexico ..."), then the longest;
- **held, once a release reports it so**: an event a release announced (``bg:AnnouncedEvent``)
  that a release issued on or after the announcement states without that type is held; the
  type leaves the default graph.

After a load only the events the loaded releases state (now or before they were replaced) are
reconciled again: what the other releases say about the other events has not changed, so the
result is the graph a whole-store pass gives.

>>> from bordergraph.graph.open import open_store
>>> consolidate(open_store(":memory:"))
Consolidation(dates=0, labels=0, held=0)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, SKOS, Literal, URIRef

from ..graph import iris
from ..graph.store import Store, term_text
from ..graph.vocab import BG

CONSENSUS_GRAPH = URIRef(iris.GRAPH + "consensus")
PREFIXES = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
EVENTS = "?e a ?c . ?c rdfs:subClassOf* bg:Event ."
Q_DATES = PREFIXES + """SELECT DISTINCT ?e ?p ?d ?g ?issued WHERE {
  GRAPH ?g { ?e ?p ?d } VALUES ?p { bg:startDate bg:endDate }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/bordergraph/release/"))
  FILTER EXISTS { """ + EVENTS + """ }
  OPTIONAL { ?g dcterms:issued ?issued } }"""
Q_LABELS = PREFIXES + """SELECT DISTINCT ?e ?l ?g WHERE {
  GRAPH ?g { ?e rdfs:label|skos:prefLabel ?l }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/bordergraph/release/"))
  FILTER(LANG(?l) IN ("en", "es"))
  FILTER EXISTS { """ + EVENTS + """ } }"""
Q_PREF = PREFIXES + """SELECT DISTINCT ?e ?l WHERE { ?e skos:prefLabel ?l .
  FILTER EXISTS { """ + EVENTS + """ } }"""
# The events a release graph states (before a reload replaces it, and after).
Q_EVENTS_IN = PREFIXES + """SELECT DISTINCT ?e WHERE {
  GRAPH ?g { ?e a ?c } ?c rdfs:subClassOf* bg:Event }"""
# Above this many events a scoped pass lists more than it saves: the whole store is read.
MAX_SCOPE = 5000
Q_ANNOUNCED = PREFIXES + """SELECT DISTINCT ?e ?g ?issued ?h ?later WHERE {
  GRAPH ?g { ?e a bg:AnnouncedEvent } OPTIONAL { ?g dcterms:issued ?issued }
  GRAPH ?h { ?e a ?kind } FILTER(?h != ?g && ?kind != bg:AnnouncedEvent)
  FILTER(STRSTARTS(STR(?h), "https://w3id.org/bordergraph/release/"))
  FILTER NOT EXISTS { GRAPH ?h { ?e a bg:AnnouncedEvent } }
  OPTIONAL { ?h dcterms:issued ?later } }"""


@dataclass(frozen=True)
class Consolidation:
    """How many event dates were reduced to one, labels preferred, and events found held."""

    dates: int
    labels: int
    held: int


def _text(term: Any) -> str:
    return "" if term is None else str(term)


def pick_date(stated: dict[Literal, list[str]]) -> Literal:
    """The date to keep of those stated, each with the issue dates of the releases stating it.

    >>> from rdflib import XSD
    >>> pick_date({Literal("2021-11", datatype=XSD.gYearMonth): ["2023-01-10"],
    ...            Literal("2021-11-18", datatype=XSD.date): ["2021-11-18"]})
    rdflib.term.Literal('2021-11-18', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    """
    return max(stated, key=lambda d: (len(str(d)), len(stated[d]), max(stated[d]), str(d)))


def pick_label(stated: dict[str, int]) -> str:
    """The preferred of an event's labels in one language, each with how many releases use it.

    >>> pick_label({"next U.S.-Mexico High-Level Economic Dialogue (HLED)": 1,
    ...             "2022 U.S.-Mexico High-Level Economic Dialogue": 1})
    '2022 U.S.-Mexico High-Level Economic Dialogue'
    """
    return max(stated, key=lambda t: (stated[t], t[:1].isupper() or t[:1].isdigit(), len(t), t))


def events_in(store: Store, graphs: Iterable[URIRef]) -> set[URIRef]:
    """The events the named graphs ``graphs`` state."""
    graphs = set(graphs)
    if not graphs:
        return set()
    rows = store.select(_scoped(Q_EVENTS_IN, "g", graphs)).rows
    return {e for (e,) in rows if isinstance(e, URIRef)}


def _scoped(query: str, variable: str, values: set[URIRef] | None) -> str:
    """``query`` for these ``values`` of ``variable`` only (a VALUES block opening its WHERE
    group); all if None. The IRIs are the store's own, written as N-Triples terms."""
    if values is None:
        return query
    where = query.index("WHERE {") + len("WHERE {")
    listed = " ".join(term_text(v) for v in sorted(values))
    return f"{query[:where]}\n  VALUES ?{variable} {{ {listed} }}{query[where:]}"


def consolidate(
    store: Store, releases: Iterable[URIRef] | None = None, also: Iterable[URIRef] = ()
) -> Consolidation:
    """Reconcile the events' dates, preferred labels and status in the default graph.

    ``releases``: only the events these release graphs state, and the events in ``also`` (what
    the graphs stated before a load replaced them), are reconciled; None: every event.

    A store whose queries see a union the server computes (an endpoint with ``union=server``,
    ``param`` or ``list``) has no union of ours to edit: nothing is done there, and each event
    keeps every release's word.
    """
    if not getattr(store, "keeps_union", True):
        return Consolidation(dates=0, labels=0, held=0)
    scope = None if releases is None else events_in(store, releases) | set(also)
    if scope is not None and len(scope) > MAX_SCOPE:
        scope = None
    if scope is not None and not scope:
        return Consolidation(dates=0, labels=0, held=0)
    removals: list[tuple[URIRef, URIRef, Any]] = []
    dates: dict[tuple[URIRef, URIRef], dict[Literal, list[str]]] = defaultdict(dict)
    for e, p, d, _g, issued in store.select(_scoped(Q_DATES, "e", scope)).rows:
        if isinstance(e, URIRef) and isinstance(p, URIRef) and isinstance(d, Literal):
            dates[(e, p)].setdefault(d, []).append(_text(issued))
    reduced = 0
    for (e, p), stated in dates.items():
        if len(stated) > 1:
            keep = pick_date(stated)
            removals += [(e, p, d) for d in stated if d != keep]
            reduced += 1
    labels: dict[tuple[URIRef, str], dict[str, int]] = defaultdict(dict)
    for e, label, _g in store.select(_scoped(Q_LABELS, "e", scope)).rows:
        if isinstance(e, URIRef) and isinstance(label, Literal) and label.language:
            counts = labels[(e, label.language)]
            counts[str(label)] = counts.get(str(label), 0) + 1
    preferred = {key: Literal(pick_label(v), lang=key[1]) for key, v in labels.items()}
    consensus = [(e, SKOS.prefLabel, label) for (e, _lang), label in sorted(preferred.items())]
    if scope is not None:  # the other events keep their preferred labels
        kept = store.graph(CONSENSUS_GRAPH)
        consensus += sorted(t for t in kept if t[0] not in scope)  # type: ignore[misc]
    store.replace_graph(CONSENSUS_GRAPH, consensus)
    for e, label in store.select(_scoped(Q_PREF, "e", scope)).rows:
        if not isinstance(e, URIRef) or not isinstance(label, Literal):
            continue
        chosen = preferred.get((e, label.language or ""))
        if chosen is not None and label != chosen:
            removals.append((e, SKOS.prefLabel, label))
    held: set[URIRef] = set()
    for e, _g, issued, _h, later in store.select(_scoped(Q_ANNOUNCED, "e", scope)).rows:
        if isinstance(e, URIRef) and _text(later) >= _text(issued):
            held.add(e)
    removals += [(e, RDF.type, BG.AnnouncedEvent) for e in sorted(held)]
    _remove_from_default(store, removals)
    return Consolidation(dates=reduced, labels=len(preferred), held=len(held))


def _remove_from_default(store: Store, triples: list[tuple[URIRef, URIRef, Any]]) -> None:
    """Take ``triples`` out of the union queries read only (the named graphs keep them)."""
    retract = getattr(store, "retract_from_union", None)
    if triples and retract is not None:
        retract(triples)
