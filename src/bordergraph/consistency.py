"""consistency: clashes in the data, traced to releases, and HermiT's verdict on the ontology.

Two checks that complement each other. :func:`find_clashes` runs SPARQL over every graph (with
the ``inferred`` graph :func:`bordergraph.reason.materialize` wrote) for nodes in two disjoint
classes or related to themselves by an irreflexive property, and names the graphs (releases)
whose triples cause it: fast at any size. :func:`hermit_check` hands the ontology and reference
data (and, on request, the releases' class and object-property assertions) to HermiT through
owlready2 in a fresh World: complete OWL 2 DL reasoning, slow (Java start plus seconds per 10^4
individuals), so releases are not included by default.

>>> from bordergraph.store import open_store
>>> report = reason(open_store(":memory:"), hermit=False)
>>> report.consistent
True
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from . import iris
from .reason import Materialized, ReasonError, Rules, materialize, rules_from_store
from .reason import values_block as _values
from .store import Store, term_text
from .vocab import ontology_graph
# -- clashes: disjoint classes met on one individual -------------------------------------------


@dataclass(frozen=True)
class Source:
    """A triple in a named graph that makes a node a member of a class."""

    graph: URIRef
    triple: tuple[URIRef, URIRef, URIRef]


@dataclass(frozen=True)
class Clash:
    """A node in two disjoint classes (or related to itself by an irreflexive property)."""

    node: URIRef
    label: str
    axiom: str
    sources: tuple[Source, ...]

    @property
    def releases(self) -> list[URIRef]:
        return sorted({s.graph for s in self.sources if iris.is_release_graph(s.graph)})

    def explain(self) -> str:
        """One readable paragraph: what clashes, and which graph says what."""
        lines = [f"{self.label} <{self.node}> {self.axiom}"]
        for s in self.sources:
            lines.append(f"  {_short(s.graph)}: " + " ".join(_short(t) for t in s.triple))
        return "\n".join(lines)


def _short(term: URIRef) -> str:
    text = str(term)
    for prefix, base in (("bg:", "https://w3id.org/bordergraph/ontology#"),
                         ("release:", iris.RELEASE), ("graph:", iris.GRAPH), ("", iris.ID)):
        if text.startswith(base):
            return prefix + text[len(base) :]
    return "a" if term == RDF.type else f"<{text}>"


_LABEL_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?l WHERE { { ?x rdfs:label ?l } UNION { ?x foaf:name ?l } } ORDER BY ?l LIMIT 1"""


def node_label(store: Store, node: URIRef) -> str:
    """The node's first label or name, else the end of its IRI."""
    rows = store.select(_LABEL_QUERY, {"x": node}).rows
    return str(rows[0][0]) if rows else str(node).rstrip("/").rsplit("/", 1)[-1]


def _sources(store: Store, rules: Rules, node: URIRef, cls: URIRef) -> list[Source]:
    """The asserted triples (with their graphs) that put ``node`` in ``cls``."""
    below = rules.subclasses_of(cls)
    as_subject = [p for p, cs in rules.subject_types.items() if cls in cs]
    as_object = [p for p, cs in rules.object_types.items() if cls in cs]
    parts = [f"{{ {_values('?c', [(c,) for c in below])} GRAPH ?g {{ ?x a ?c }} "
             "BIND(?x AS ?s) BIND(<" + str(RDF.type) + "> AS ?p) BIND(?c AS ?o) }"]
    if as_subject:
        parts.append(f"{{ {_values('?p', [(p,) for p in as_subject])} GRAPH ?g {{ ?x ?p ?o }} "
                     "BIND(?x AS ?s) }")
    if as_object:
        parts.append(f"{{ {_values('?p', [(p,) for p in as_object])} GRAPH ?g {{ ?s ?p ?x }} "
                     "BIND(?x AS ?o) }")
    query = f"SELECT DISTINCT ?g ?s ?p ?o WHERE {{ {' UNION '.join(parts)} " \
            f"FILTER(?g != {term_text(iris.INFERRED_GRAPH)}) }} ORDER BY ?g ?s ?p ?o LIMIT 20"
    return [Source(g, (s, p, o)) for g, s, p, o in store.select(query, {"x": node}).rows]  # type: ignore[arg-type]


def find_clashes(store: Store, rules: Rules | None = None) -> list[Clash]:
    """Every node in two disjoint classes, or related to itself by an irreflexive property,
    traced to the graphs that state it. Reads the inferred graph: run :func:`materialize` first.
    """
    rules = rules or rules_from_store(store)
    clashes: list[Clash] = []
    if rules.disjoint:
        query = (f"SELECT DISTINCT ?x ?a ?b WHERE {{ {_values('?a ?b', rules.disjoint)} "
                 "?x a ?a . ?x a ?b . FILTER(isIRI(?x)) } ORDER BY ?x ?a ?b")
        for x, a, b in store.select(query).rows:
            sources = _sources(store, rules, x, a) + _sources(store, rules, x, b)  # type: ignore[arg-type]
            axiom = f"is both {_short(a)} and {_short(b)}, which the ontology declares disjoint"  # type: ignore[arg-type]
            clashes.append(Clash(x, node_label(store, x), axiom, tuple(sources)))  # type: ignore[arg-type]
    if rules.irreflexive:
        query = (f"SELECT DISTINCT ?g ?x ?p WHERE {{ {_values('?p', [(p,) for p in rules.irreflexive])}"
                 " GRAPH ?g { ?x ?p ?x } } ORDER BY ?x ?p ?g")
        for g, x, p in store.select(query).rows:
            axiom = f"is its own {_short(p)}, an irreflexive property"  # type: ignore[arg-type]
            clashes.append(Clash(x, node_label(store, x), axiom, (Source(g, (x, p, x)),)))  # type: ignore[arg-type]
    return clashes
