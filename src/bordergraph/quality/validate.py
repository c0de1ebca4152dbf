"""validate: the SHACL shapes of ``ontology/shapes.ttl`` checked release by release.

Each release graph is validated together with the ontology's class tree and the reference
triples about the nodes it names (pySHACL, inference "none": class membership through the
ontology's rdfs:subClassOf triples), so a violation belongs to the release that states it and a
release costs the same however large the reference data grows; the reference graph is
validated once on its own. Every violation carries the focus node's label and the sentence the
release states it in. About 0.15 s per release here (13 releases + reference: 2.1 s).

>>> from bordergraph.graph.open import open_store
>>> report = validate(open_store(":memory:"))
>>> report.conforms, report.graphs
(True, 1)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from ..graph import iris
from ..graph.store import Store
from ..graph.vocab import BG, ontology_graph, ontology_path

REFERENCE = "reference"


@dataclass(frozen=True)
class Violation:
    """One SHACL result: where (release), what (shape, message), about what (focus), and why
    we believe it (the evidence sentence)."""

    release: str
    shape: str
    focus: str
    label: str
    message: str
    path: str | None = None
    value: str | None = None
    evidence: str | None = None


@dataclass
class Report:
    """All violations, in a stable order, and how long validation took."""

    violations: list[Violation] = field(default_factory=list)
    graphs: int = 0
    seconds: float = 0.0

    @property
    def conforms(self) -> bool:
        return not self.violations

    def by_release(self) -> dict[str, list[Violation]]:
        """Violations grouped by release graph IRI (or ``"reference"``)."""
        out: dict[str, list[Violation]] = {}
        for v in self.violations:
            out.setdefault(v.release, []).append(v)
        return out


def shapes_path() -> Path:
    """``ontology/shapes.ttl`` beside the ontology."""
    return ontology_path().with_name("shapes.ttl")


@cache
def _shapes(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def shapes_graph() -> Graph:
    """The parsed shapes (cached; copy before changing)."""
    return _shapes(shapes_path())


def _schema(store: Store) -> Graph:
    """The part of the ontology the shapes need: the class tree and the typed code individuals
    (roles, modes). The rest (labels, definitions) would only slow pySHACL down."""
    ontology = store.graph(iris.ONTOLOGY_GRAPH)
    ontology = ontology if len(ontology) else ontology_graph()
    schema = Graph()
    for prop in (RDF.type, RDFS.subClassOf):
        for s, o in ontology.subject_objects(prop):
            schema.add((s, prop, o))
    return schema


def _neighbourhood(own: Graph, reference: Graph) -> Iterable[tuple[Node, Node, Node]]:
    """The reference triples about the nodes a release graph names (an agency's country, an
    organization's type): what the shapes look up beyond the release itself."""
    nodes = set(own.subjects()) | {o for o in own.objects() if isinstance(o, URIRef)}
    for node in nodes:
        yield from reference.triples((node, None, None))


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)


def label_of(graph: Graph, node: Node, depth: int = 1) -> str:
    """A node's English label, name or preferred label in ``graph``; for an unlabelled n-ary
    fact, the labels of its person and event or post ("Ana Example / 13th plenary"); else the
    end of its IRI."""
    for prop in (RDFS.label, FOAF.name, SKOS.prefLabel):
        values = sorted(
            graph.objects(node, prop), key=lambda v: (getattr(v, "language", "") != "en", v)
        )
        if values:
            return str(values[0])
    if depth:
        parts = [
            label_of(graph, o, 0)
            for p in (BG.participant, BG.holder, BG.event, BG.post)
            for o in sorted(graph.objects(node, p))
        ]
        if parts:
            return " / ".join(parts)
    return str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _shape_name(shapes: Graph, shape: Node) -> str:
    """The label of the node shape a result comes from (a property shape's parent)."""
    parent = next(shapes.subjects(SH.property, shape), shape)
    name = shapes.value(parent, RDFS.label)
    return str(name) if name is not None else str(parent).rsplit("#", 1)[-1]


@cache
def _prepared(text: str):  # type: ignore[no-untyped-def]
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


class _Data(Graph):
    """A data graph whose SPARQL queries are parsed once per text.

    pySHACL runs a SPARQL constraint once per focus node with the same text (``$this`` is an
    initial binding); rdflib's parser takes ~60 ms a time, which dominated validation.
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def validate_graph(data: Graph, shapes: Graph, group: str, own: Graph) -> list[Violation]:
    """Run the shapes over ``data`` (validated in place); keep the results whose focus node is a
    subject of ``own`` (the release's graph), so context data is not blamed on a release."""
    import pyshacl

    _conforms, results, _text_report = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", inplace=True
    )
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):  # type: ignore[union-attr]
        focus = results.value(result, SH.focusNode)  # type: ignore[union-attr]
        if focus is None or (focus, None, None) not in own:
            continue
        quotes = sorted(
            str(q) for e in data.objects(focus, BG.evidence) for q in data.objects(e, BG.quote)
        )
        out.append(
            Violation(
                release=group,
                shape=_shape_name(shapes, results.value(result, SH.sourceShape)),  # type: ignore[union-attr,arg-type]
                focus=str(focus),
                label=label_of(data, focus),
                message=str(results.value(result, SH.resultMessage) or "violation"),  # type: ignore[union-attr]
                path=_text(results.value(result, SH.resultPath)),  # type: ignore[union-attr]
                value=_text(results.value(result, SH.value)),  # type: ignore[union-attr]
                evidence=quotes[0] if quotes else None,
            )
        )
    return out


def _release_node(release: URIRef, graph: Graph) -> list[Violation]:
    """A release graph must describe its own release (the shapes cannot name a graph's IRI)."""
    if (release, RDF.type, BG.Release) in graph:
        return []
    return [
        Violation(
            str(release),
            "release provenance",
            str(release),
            label_of(graph, release),
            "release graph has no bg:Release node for its own IRI",
        )
    ]


def validate(store: Store, releases: Iterable[URIRef] | None = None) -> Report:
    """Validate the reference graph and each release graph (all of them by default).

    Returns a :class:`Report` whose violations are sorted by release, shape and focus.
    """
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)  # ill-typed dates are findings
    start = time.perf_counter()
    shapes = shapes_graph()
    schema, reference = _schema(store), store.graph(iris.REFERENCE_GRAPH)
    report = Report()
    data = _Data()
    data += schema
    data += reference
    report.violations += validate_graph(data, shapes, REFERENCE, reference)
    report.graphs += 1
    names = releases if releases is not None else store.graph_names()
    for name in sorted(n for n in names if iris.is_release_graph(n)):
        # Each release with the schema and only the reference triples it touches, so the cost
        # of a release does not grow with the reference data.
        own = store.graph(name)
        data = _Data()
        data += schema
        data += own
        data.addN((s, p, o, data) for s, p, o in _neighbourhood(own, reference))
        found = validate_graph(data, shapes, str(name), own)
        report.violations += _release_node(name, own) + found
        report.graphs += 1
    report.violations.sort(
        key=lambda v: (
            v.release != REFERENCE,
            v.release,
            v.shape,
            v.focus,
            v.message,
            v.value or "",
        )
    )
    report.seconds = time.perf_counter() - start
    return report


def count_violations(store: Store) -> int:
    """How many SHACL violations the store's graphs have (for ``bordergraph build``).

    >>> from bordergraph.graph.open import open_store
    >>> count_violations(open_store(":memory:"))
    0
    """
    return len(validate(store).violations)
