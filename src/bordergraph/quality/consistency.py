"""consistency: clashes in the data, traced to releases, and HermiT's verdict on the ontology.

Two checks that complement each other. :func:`find_clashes` runs SPARQL over every graph (with
the ``inferred`` graph :func:`bordergraph.quality.reason.materialize` wrote) for nodes in two
disjoint classes or related to themselves by an irreflexive property, and names the graphs
(releases) whose triples cause it: fast at any size. :func:`hermit_check` hands the ontology and
reference data (and, on request, the releases' class and object-property assertions) to HermiT
through owlready2 in a fresh World: complete OWL 2 DL reasoning, slow (Java start plus seconds per
10^4 individuals), so releases are not included by default.

>>> from bordergraph.graph.open import open_store
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

from ..graph import iris
from ..graph.store import Store, term_text
from ..graph.vocab import ontology_graph
from .reason import (
    Materialized,
    ReasonError,
    Rules,
    asserted,
    materialize,
    rules_from_store,
    values_block,
)

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
    for prefix, base in (
        ("bg:", "https://w3id.org/bordergraph/ontology#"),
        ("release:", iris.RELEASE),
        ("graph:", iris.GRAPH),
        ("", iris.ID),
    ):
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


def _sources(store: Store, rules: Rules, node: URIRef, classes: set[URIRef]) -> list[Source]:
    """The triples (with their graphs) that put ``node`` in any of ``classes``: type assertions
    in asserted graphs, and property triples (asserted or inferred) whose domain or range does."""
    below = {c for cls in classes for c in rules.subclasses_of(cls)}
    as_subject = [p for p, cs in rules.subject_types.items() if cs & classes]
    as_object = [p for p, cs in rules.object_types.items() if cs & classes]
    inferred = term_text(iris.INFERRED_GRAPH)
    parts = [
        f"{{ {values_block('?o', [(c,) for c in below])} GRAPH ?g {{ ?x a ?o }} "
        f"FILTER(?g != {inferred}) BIND(?x AS ?s) BIND({term_text(RDF.type)} AS ?p) }}"
    ]
    if as_subject:
        values = values_block("?p", [(p,) for p in as_subject])
        parts.append(f"{{ {values} GRAPH ?g {{ ?x ?p ?o }} BIND(?x AS ?s) }}")
    if as_object:
        values = values_block("?p", [(p,) for p in as_object])
        parts.append(f"{{ {values} GRAPH ?g {{ ?s ?p ?x }} BIND(?x AS ?o) }}")
    query = f"SELECT DISTINCT ?g ?s ?p ?o WHERE {{ {' UNION '.join(parts)} }} ORDER BY ?g ?s ?p ?o"
    rows = store.select(query, {"x": node}).rows
    return [Source(g, (s, p, o)) for g, s, p, o in rows[:20]]  # type: ignore[arg-type]


def find_clashes(store: Store, rules: Rules | None = None) -> list[Clash]:
    """Every node in two disjoint classes, or related to itself by an irreflexive property,
    traced to the graphs that state it. Reads the inferred graph: run :func:`materialize` first.
    """
    rules = rules or rules_from_store(store)
    clashes: list[Clash] = []
    if rules.disjoint:
        # One scan per class for nodes in two or more of the classes named in disjointness
        # axioms (a join per disjoint pair took 13 s at 2*10^5 triples); pairs checked here.
        named = sorted({c for pair in rules.disjoint for c in pair})
        query = (
            f"SELECT ?x (GROUP_CONCAT(DISTINCT STR(?c); separator=' ') AS ?cs) WHERE {{ "
            f"{values_block('?c', [(c,) for c in named])} ?x a ?c . FILTER(isIRI(?x)) }} "
            "GROUP BY ?x HAVING (COUNT(DISTINCT ?c) > 1)"
        )
        found: dict[URIRef, set[URIRef]] = {}
        for x, cs in store.select(query).rows:
            types = sorted(URIRef(c) for c in str(cs).split())
            pairs = {(a, b) for i, a in enumerate(types) for b in types[i + 1 :]} & rules.disjoint
            if pairs:
                found[x] = {c for pair in pairs for c in pair}  # type: ignore[index]
        for x, classes in sorted(found.items()):
            # Report the most specific classes only (bg:Committee, not also bg:Outcome).
            below = {c for d in classes for c in rules.superclasses.get(d, ())}
            classes = classes - below
            names = ", ".join(_short(c) for c in sorted(classes))
            axiom = f"is in disjoint classes {names}"
            sources = _sources(store, rules, x, classes)
            clashes.append(Clash(x, node_label(store, x), axiom, tuple(sources)))
    if rules.irreflexive:
        values = values_block("?p", [(p,) for p in rules.irreflexive])
        query = (
            f"SELECT DISTINCT ?g ?x ?p WHERE {{ {values} GRAPH ?g {{ ?x ?p ?x }} }} ORDER BY ?x ?g"
        )
        for g, x, p in store.select(query).rows:
            axiom = f"is its own {_short(p)}, an irreflexive property"  # type: ignore[arg-type]
            clashes.append(Clash(x, node_label(store, x), axiom, (Source(g, (x, p, x)),)))  # type: ignore[arg-type]
    return clashes


# -- HermiT --------------------------------------------------------------------------------------

# HermiT accepts only the OWL 2 datatype map; dates are turned into xsd:dateTime, other
# literals outside the map (gYear, wktLiteral, ...) are left out of what it sees.
_OWL2_DATATYPES = {
    XSD[n]
    for n in [
        "decimal",
        "integer",
        "nonNegativeInteger",
        "nonPositiveInteger",
        "positiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
        "double",
        "float",
        "string",
        "normalizedString",
        "token",
        "language",
        "Name",
        "NCName",
        "NMTOKEN",
        "boolean",
        "hexBinary",
        "base64Binary",
        "anyURI",
        "dateTime",
        "dateTimeStamp",
    ]
} | {OWL.real, OWL.rational, RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal, RDF.langString}
_AS_DATETIME = {XSD.date: "T00:00:00", XSD.gYearMonth: "-01T00:00:00", XSD.gYear: "-01-01T00:00:00"}


def for_hermit(literal: Literal) -> Literal | None:
    """The literal as HermiT can read it, or None to leave it out.

    >>> for_hermit(Literal("2021-12-02", datatype=XSD.date))
    rdflib.term.Literal('2021-12-02T00:00:00', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#dateTime'))
    >>> for_hermit(Literal("2021-02-30", datatype=XSD.date)) is None
    True
    """
    if literal.datatype is None or literal.datatype in _OWL2_DATATYPES:
        return None if literal.ill_typed else literal
    suffix = _AS_DATETIME.get(literal.datatype)
    if suffix is None or literal.ill_typed:
        return None
    return Literal(str(literal) + suffix, datatype=XSD.dateTime)


@dataclass
class HermitResult:
    consistent: bool
    triples: int
    seconds: float
    scope: str


def hermit_graph(store: Store, *, releases: bool = False) -> Graph:
    """What HermiT is given: ontology + reference (+ releases' class and object-property
    assertions), with literals converted by :func:`for_hermit`."""
    ontology = store.graph(iris.ONTOLOGY_GRAPH)
    ontology = ontology if len(ontology) else ontology_graph()
    source = Graph()
    source += ontology
    source += store.graph(iris.REFERENCE_GRAPH)
    if releases:
        classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        props = {p for p in ontology.subjects(RDF.type, OWL.ObjectProperty)}
        values = values_block("?p", [(p,) for p in props | {RDF.type}])
        pattern = asserted("?s ?p ?o")
        query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {values} {pattern} FILTER(isIRI(?o)) }}"
        for s, p, o in store.select(query).rows:
            if p != RDF.type or o in classes:
                source.add((s, p, o))  # type: ignore[arg-type]
    out = Graph()
    for s, p, o in source:
        if isinstance(o, Literal):
            o = for_hermit(o)
        if o is not None:
            out.add((s, p, o))
    return out


def hermit_check(store: Store, *, releases: bool = False) -> HermitResult:
    """Run HermiT (owlready2, Java) over :func:`hermit_graph`; never raises a Java traceback."""
    import owlready2

    start = time.perf_counter()
    graph = hermit_graph(store, releases=releases)
    scope = "ontology + reference" + (" + releases" if releases else "")
    with tempfile.TemporaryDirectory(prefix="bordergraph-hermit-") as tmp:
        path = Path(tmp) / "hermit.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()  # fresh: nothing from an earlier run leaks in
        try:
            world.get_ontology(path.as_uri()).load()
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
            consistent = True
        except owlready2.OwlReadyInconsistentOntologyError:
            consistent = False
        except owlready2.OwlReadyJavaError as exc:
            raise ReasonError("HermiT failed: " + _java_message(str(exc))) from None
        except FileNotFoundError as exc:
            raise ReasonError(f"HermiT needs Java 11+ on PATH: {exc}") from None
        finally:
            world.close()
    return HermitResult(consistent, len(graph), time.perf_counter() - start, scope)


def _java_message(text: str) -> str:
    """The Java exception line and its message, without the stack trace."""
    lines = [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("at ")
    ]
    exc = next((i for i, ln in enumerate(lines) if "Exception" in ln or "Error" in ln), 0)
    return " ".join(lines[exc : exc + 4])[:400]


# -- the whole check -----------------------------------------------------------------------------


@dataclass
class ReasonReport:
    """What ``bordergraph reason`` did and found."""

    materialized: Materialized | None = None
    clashes: list[Clash] = field(default_factory=list)
    hermit: HermitResult | None = None

    @property
    def consistent(self) -> bool:
        return not self.clashes and (self.hermit is None or self.hermit.consistent)

    @property
    def releases(self) -> list[URIRef]:
        """The releases whose triples take part in a clash."""
        return sorted({r for c in self.clashes for r in c.releases})

    def explain(self) -> str:
        """A readable account of every inconsistency found (empty when consistent)."""
        parts = [c.explain() for c in self.clashes]
        if self.hermit is not None and not self.hermit.consistent and not self.clashes:
            parts.append(
                f"HermiT found {self.hermit.scope} inconsistent, but no disjointness "
                "or irreflexivity clash explains it: look at the ontology's other "
                "axioms (cardinality, AllDifferent, property characteristics)."
            )
        return "\n\n".join(parts)


def reason(
    store: Store, *, check_releases: bool = False, hermit: bool = True, write: bool = True
) -> ReasonReport:
    """Materialize (``write``), find clashes, and run HermiT (``hermit``; with the releases'
    assertions when ``check_releases``)."""
    rules = rules_from_store(store)
    report = ReasonReport()
    if write:
        report.materialized = materialize(store, rules)
    report.clashes = find_clashes(store, rules)
    if hermit:
        report.hermit = hermit_check(store, releases=check_releases)
    return report
