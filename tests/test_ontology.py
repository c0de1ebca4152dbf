"""The ontology: every term declared and documented in English and Spanish, aligned to the
W3C vocabularies, OWL 2 DL and consistent under HermiT, and its HTML docs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, GEO, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD
from selectolax.lexbor import LexborHTMLParser

from bordergraph.graph.vocab import BG, BG_NS, ONTOLOGY_IRI, ontology_graph, ontology_path
from bordergraph.views.docs import write_docs

OWL_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
# Terms the shared brief's "RDF shape" requires (the rest of the code builds on them).
REQUIRED = """
Person Official Post Organization Government Agency BinationalBody Country Administration
Mechanism Dialogue Process Initiative SummitSeries Committee Event Meeting Summit
BilateralMeeting DialogueSession Visit Signing Opening AnnouncedEvent Delegation PortOfEntry
Outcome ActionPlan Agreement Framework Strategy Declaration InfrastructureProject Commitment
WorkingGroup Release Participation PostHolding Quotation Role Mode
participant event role onBehalfOf inPost holder post organization country series buildsOn
duringAdministration hasOutcome adopted reviewed signed launched approved completed concernsPort
counterpart mode president partOf delegationAt headedBy mentions evidence quotedFrom
ordinal startDate endDate established locationName statedUSAdministrations
statedMXAdministrations acronym quote charStart charEnd sha256 fileName office curated usState
mxState observedOn
Roles DelegationHead CoHost Chair Host Participant Speaker Signatory Modes Virtual InPerson Hybrid
"""


@pytest.fixture(scope="module")
def g() -> Graph:
    return ontology_graph()


def bg_terms(graph: Graph) -> set[URIRef]:
    return {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(BG_NS)
    }


def test_required_terms_are_declared(g: Graph) -> None:
    declared = {t for t in bg_terms(g) if set(g.objects(t, RDF.type)) & OWL_TYPES}
    missing = sorted(set(REQUIRED.split()) - {str(t)[len(BG_NS) :] for t in declared})
    assert missing == []
    # and nothing is referenced without being declared
    assert sorted(bg_terms(g) - declared) == []


@pytest.mark.parametrize("prop", [RDFS.label, SKOS.definition])
def test_every_term_has_one_label_and_definition_per_language(g: Graph, prop: URIRef) -> None:
    problems = []
    for term in sorted(bg_terms(g)):
        values = [v for v in g.objects(term, prop) if isinstance(v, Literal)]
        for lang in ("en", "es"):
            texts = [str(v).strip() for v in values if v.language == lang]
            if len(texts) != 1 or not texts[0]:
                problems.append((str(term), lang, texts))
        if prop == SKOS.definition and len({str(v) for v in values}) < 2:
            problems.append((str(term), "definition not translated", values))
    assert problems == []


def test_concepts_have_pref_labels_equal_to_labels(g: Graph) -> None:
    for concept in g.subjects(RDF.type, SKOS.Concept):
        assert set(g.objects(concept, SKOS.prefLabel)) == set(g.objects(concept, RDFS.label))


def test_codes_from_gold_schema_are_notations(g: Graph) -> None:
    assert g.value(BG.DialogueSession, SKOS.notation) == Literal("Dialogue")
    assert g.value(BG.DelegationHead, SKOS.notation) == Literal("delegation_head")
    assert g.value(BG.InPerson, SKOS.notation) == Literal("in_person")
    assert g.value(BG.adopted, SKOS.notation) == Literal("adopted")
    assert (BG.DelegationHead, SKOS.inScheme, BG.Roles) in g
    assert (BG.Hybrid, SKOS.inScheme, BG.Modes) in g


def test_alignment_axioms(g: Graph) -> None:
    expected = [
        (BG.Person, RDFS.subClassOf, FOAF.Person),
        (BG.Person, RDFS.subClassOf, SDO.Person),
        (BG.Person, RDFS.subClassOf, PROV.Agent),
        (BG.Organization, RDFS.subClassOf, ORG.Organization),
        (BG.Post, RDFS.subClassOf, ORG.Post),
        (BG.Administration, RDFS.subClassOf, TIME.ProperInterval),
        (BG.Mechanism, RDFS.subClassOf, ORG.OrganizationalCollaboration),
        (BG.Event, RDFS.subClassOf, PROV.Activity),
        (BG.PortOfEntry, RDFS.subClassOf, GEO.Feature),
        (BG.Release, RDFS.subClassOf, SDO.NewsArticle),
        (BG.Participation, RDFS.subClassOf, PROV.Association),
        (BG.PostHolding, RDFS.subClassOf, ORG.Membership),
        (BG.Role, RDFS.subClassOf, ORG.Role),
        (BG.Mode, RDFS.subClassOf, SKOS.Concept),
        (BG.Committee, RDFS.subClassOf, BG.Outcome),
        (BG.Committee, RDFS.subClassOf, BG.Mechanism),
        (BG.participant, RDFS.subPropertyOf, PROV.agent),
        (BG.role, RDFS.subPropertyOf, PROV.hadRole),
        (BG.holder, RDFS.subPropertyOf, ORG.member),
        (BG.quotedFrom, RDFS.subPropertyOf, PROV.wasQuotedFrom),
        (BG.mentions, RDFS.subPropertyOf, SDO.mentions),
        (BG.partOf, RDFS.subPropertyOf, DCTERMS.isPartOf),
        (BG.counterpart, RDF.type, OWL.SymmetricProperty),
    ]
    assert [t for t in expected if t not in g] == []
    assert (BG.buildsOn, RDF.type, OWL.TransitiveProperty) not in g


def test_outcome_and_mechanism_are_not_disjoint(g: Graph) -> None:
    for group in g.subjects(RDF.type, OWL.AllDisjointClasses):
        members = set(Collection(g, g.value(group, OWL.members)))
        assert not {BG.Outcome, BG.Mechanism} <= members


def test_external_terms_are_declared_for_owl2_dl(g: Graph) -> None:
    used = set()
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, RDF.type):
        used |= {o for o in g.objects(None, prop) if isinstance(o, URIRef)}
    used |= {p for _, p, _ in g}
    builtin = (str(OWL), str(RDF), str(RDFS), str(XSD))
    undeclared = sorted(
        str(t)
        for t in used
        if not str(t).startswith(builtin)
        and not set(g.objects(t, RDF.type))
        & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    )
    assert undeclared == []


def test_no_datatype_hermit_rejects(g: Graph) -> None:
    # HermiT has no xsd:date / gYear: such a range would break reasoning over the data.
    ranges = {o for o in g.objects(None, RDFS.range)}
    assert not ranges & {XSD.date, XSD.gYear, XSD.gYearMonth}


def test_ontology_metadata(g: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    for prop in (DCTERMS.title, DCTERMS.description):
        assert {v.language for v in g.objects(ONTOLOGY_IRI, prop)} == {"en", "es"}
    assert g.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert g.value(ONTOLOGY_IRI, DCTERMS.creator) == Literal("bordergraph project")


def _reason(graph: Graph, tmp_path: Path) -> tuple[list[object], float]:
    """Run HermiT through owlready2 on ``graph``; returns (unsatisfiable classes, seconds)."""
    import owlready2

    nt = tmp_path / "bordergraph.nt"
    graph.serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(nt.as_uri()).load()
    start = time.perf_counter()
    owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
    elapsed = time.perf_counter() - start
    return list(world.inconsistent_classes()), elapsed


@pytest.mark.reasoner
def test_hermit_finds_the_ontology_consistent(g: Graph, tmp_path: Path) -> None:
    from owlready2 import OwlReadyInconsistentOntologyError

    try:
        unsatisfiable, elapsed = _reason(g, tmp_path)
    except OwlReadyInconsistentOntologyError:  # pragma: no cover - the failure we test for
        pytest.fail("HermiT: the ontology is inconsistent")
    assert unsatisfiable == []
    assert elapsed < 60


@pytest.mark.reasoner
def test_hermit_catches_a_contradiction(g: Graph, tmp_path: Path) -> None:
    # Control: the harness does detect inconsistency (a thing both a person and an event).
    from owlready2 import OwlReadyInconsistentOntologyError

    bad = Graph()
    for triple in g:
        bad.add(triple)
    odd = URIRef("https://w3id.org/bordergraph/id/person/odd")
    bad.add((odd, RDF.type, OWL.NamedIndividual))
    bad.add((odd, RDF.type, BG.Person))
    bad.add((odd, RDF.type, BG.Meeting))
    with pytest.raises(OwlReadyInconsistentOntologyError):
        _reason(bad, tmp_path)


def test_ontology_path_is_the_repo_file() -> None:
    assert ontology_path() == Path(__file__).resolve().parents[1] / "ontology" / "bordergraph.ttl"


def test_write_docs_has_every_term_in_both_languages(g: Graph, tmp_path: Path) -> None:
    path = write_docs(tmp_path / "docs")
    assert path == tmp_path / "docs" / "index.html"
    page = path.read_text(encoding="utf-8")
    for text in (
        "Delegation head",
        "Jefe de delegación",
        "Port of entry",
        "Puerto de entrada",
        "Ontología bordergraph",
        "Sesión de diálogo",
        "Órgano de representantes de los gobiernos participantes",
    ):
        assert text in page
    assert "country&#x27;s delegation" in page  # literals are escaped
    tree = LexborHTMLParser(page)
    ids = {node.attributes.get("id") for node in tree.css("section.term")}
    assert ids == {str(t)[len(BG_NS) :] for t in bg_terms(g)}
    person = tree.css_first("section#Person")
    assert person is not None
    assert "Persona" in person.text() and "Ser humano" in person.text()
    assert "foaf:Person" in person.text()
