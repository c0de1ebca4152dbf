"""One entity's page: what it is, its names, and everything the graph says about it, sourced.

The sections are the library queries run for the entity (posts held, events and roles,
outcomes, counterparts, meetings of a series, participants of an event, ...) and the provenance
query: every sentence that states a fact about it, with its release. A name is looked up like
a query parameter, with "did you mean" when nothing matches.

>>> from bordergraph.graph.open import open_store
>>> entity_page(open_store(":memory:"), "Nikols")
Traceback (most recent call last):
...
bordergraph.views.catalog.ParameterError: no entity matches 'Nikols'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef

from ..graph.store import Store
from . import queries as library
from .catalog import ParameterError
from .language import in_language, labels
from .lookup import find_one_or_more, no_match_message

NAMES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX bg: <https://w3id.org/bordergraph/ontology#>
SELECT DISTINCT ?name WHERE {
  ?s skos:prefLabel|rdfs:label|foaf:name|skos:altLabel|bg:acronym ?name }"""
TYPES = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
SELECT DISTINCT ?type WHERE { ?s a ?type FILTER(STRSTARTS(STR(?type), STR(bg:))) }"""

# Per class of entity: (section title, query, parameter, columns shown).
SECTIONS: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {
    "Person": [
        ("posts held", "official_posts", "person",
         ("post_label", "agencies", "first_seen", "last_seen", "administrations")),
        ("events and roles", "event_roles", "person",
         ("date", "event_label", "role", "post_label")),
        ("counterparts", "counterparts", "person",
         ("counterpart_name", "counterpart_country", "events")),
    ],
    "Event": [
        ("event", "meetings", "", ("type", "series_label", "ordinal", "date", "end_date",
                                   "mode", "location", "announced")),
        ("participants and roles", "event_roles", "event",
         ("person_name", "country_code", "role", "post_label")),
        ("outcomes", "outcomes", "event", ("relation", "outcome_label", "outcome_type")),
        ("builds on", "event_lineage", "event", ("earlier_label", "earlier_date")),
    ],
    "Mechanism": [
        ("span", "series_span", "series", ("established", "meetings", "first_meeting",
                                           "last_meeting", "us_administrations",
                                           "mx_administrations")),
        ("meetings", "meetings", "series", ("date", "event_label", "type", "ordinal")),
    ],
    "PortOfEntry": [
        ("port of entry", "ports_of_entry", "port",
         ("country_code", "state", "counterparts", "events", "projects")),
    ],
    "Organization": [
        ("events", "agencies_by_event", "organization", ("date", "event_label", "people")),
    ],
}
SOURCES = ("release_id", "issued", "quote")


@dataclass
class Section:
    """One table of the page: a title, its columns and rows of plain values."""

    title: str
    columns: list[str]
    rows: list[list[Any]]

    def frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)


@dataclass
class EntityPage:
    """What :func:`entity_page` returns: the entity, its names by language, its sections."""

    iri: str
    label: str
    types: list[str]
    names: dict[str, list[str]]
    sections: list[Section] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"iri": self.iri, "label": self.label, "types": self.types, "names": self.names,
                "sections": {s.title: [dict(zip(s.columns, r, strict=True)) for r in s.rows]
                             for s in self.sections}}


def _kinds(store: Store, iri: URIRef) -> list[str]:
    """The entity's classes in the bg: namespace, with their superclasses."""
    ask = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?c WHERE { ?s a/rdfs:subClassOf* ?c FILTER(STRSTARTS(STR(?c), STR(bg:))) }"""
    return sorted(str(r[0]).rpartition("#")[2] for r in store.select(ask, {"s": iri}).rows
                  if r[0] is not None)


def resolve(store: Store, text: str) -> URIRef:
    """The one entity ``text`` names (an IRI, a name); several matches are an error listing them."""
    found = find_one_or_more(store, text, "entity")
    if len(found) == 1:
        if not store.ask("ASK { ?s ?p ?o }", {"s": found[0]}):  # an IRI the graph never states
            local = str(found[0]).rstrip("/").rpartition("/")[2].replace("-", " ")
            raise ParameterError(f"no entity {found[0]} in the graph; "
                                 + no_match_message(store, local).replace("no entity matches",
                                                                          "and none matches"))
        return found[0]
    # A name shared by an entity and the nodes about it (participations, quotations): the
    # entities of a main class win.
    main = [iri for iri in found if set(_kinds(store, iri)) & set(SECTIONS)]
    if len(main) == 1:
        return main[0]
    shown = ", ".join(str(i) for i in (main or found)[:8])
    raise ParameterError(f"{text!r} names {len(main or found)} entities; give one of: {shown}")


def entity_page(store: Store, text: str, lang: str = "en") -> EntityPage:
    """The page of the entity ``text`` names (an IRI or a name), labels in ``lang``."""
    iri = resolve(store, text)
    kinds = _kinds(store, iri)
    type_iris = [r[0] for r in store.select(TYPES, {"s": iri}).rows if isinstance(r[0], URIRef)]
    type_names = labels(store, type_iris, lang)
    names: dict[str, list[str]] = {"en": [], "es": [], "": []}
    for (term,) in store.select(NAMES, {"s": iri}).rows:
        if isinstance(term, Literal):
            tag = term.language if term.language in ("en", "es") else ""
            names[str(tag or "")].append(str(term))
    page = EntityPage(
        iri=str(iri), label=labels(store, [iri], lang).get(iri, str(iri)),
        types=sorted(type_names.get(t, str(t).rpartition("#")[2]) for t in type_iris),
        names={k: sorted(set(v)) for k, v in names.items() if v},
    )
    for kind, sections in SECTIONS.items():
        if kind not in kinds:
            continue
        for title, query_name, param, columns in sections:
            params = {param: iri} if param else {}
            result = library.run(store, in_language(library.get(query_name), lang), params)
            if not param:  # a query without an entity parameter: keep this entity's row
                first = result.columns[0]
                result = library.Result(result.columns,
                                        [r for r in result.rows
                                         if r[result.columns.index(first)] == iri])
            page.sections.append(_section(title, result, columns))
    if "Person" in kinds:
        page.sections.insert(2, _person_outcomes(store, page, lang))
    provenance = library.run(store, in_language(library.get("provenance"), lang),
                             {"entity": iri})
    page.sections.append(_section("sources", provenance, SOURCES, distinct=True))
    return page


def _person_outcomes(store: Store, page: EntityPage, lang: str) -> Section:
    """Outcomes of the events the person took part in."""
    events = library.run(store, "event_roles", {"person": URIRef(page.iri)})
    at = events.columns.index("event")
    rows: list[list[Any]] = []
    columns = ("date", "event_label", "relation", "outcome_label")
    for event in dict.fromkeys(r[at] for r in events.rows if isinstance(r[at], URIRef)):
        result = library.run(store, in_language(library.get("outcomes"), lang), {"event": event})
        rows += _section("", result, columns).rows
    return Section("outcomes of their events", list(columns), rows)


def _section(title: str, result: library.Result, columns: tuple[str, ...],
             distinct: bool = False) -> Section:
    index = [result.columns.index(c) for c in columns if c in result.columns]
    rows = [[library.to_python(row[i]) for i in index] for row in result.rows]
    if distinct:
        rows = [list(r) for r in dict.fromkeys(tuple(r) for r in rows if any(r))]
    return Section(title, [result.columns[i] for i in index], rows)
