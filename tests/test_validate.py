"""SHACL validation: data/ validates clean; a crafted release breaks each shape in turn."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, XSD

from bordergraph.graph import iris
from bordergraph.graph.open import open_store
from bordergraph.graph.reference import load_reference
from bordergraph.graph.vocab import BG, ontology_graph
from bordergraph.quality.validate import count_violations, validate
from conftest import ORIGINAL_RELEASES

RELEASE = iris.release("test-plenary-2021")
EVENT = iris.entity("event", "test-plenary-2021-12-02")
ANA = iris.entity("person", "ana-example")
BETO = iris.entity("person", "beto-ejemplo")
PART_ANA = iris.entity("participation", "test-plenary", "ana-example", "delegation_head")
HOLDING = iris.entity("postholding", "ana-example", "test-post")
AGENCY = iris.entity("organization", "test-agency")
US, MX = iris.entity("country", "us"), iris.entity("country", "mx")
SENTENCE = "Ana Example and Beto Ejemplo led their delegations at the 13th plenary."

# A small release graph in the shape to_rdf writes, valid against every shape.
GOOD = f"""
@prefix bg: <https://w3id.org/bordergraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix org: <{iris.ID}organization/> .
@prefix quote: <{iris.ID}quotation/> .
@prefix country: <{iris.ID}country/> .
@prefix post: <{iris.ID}post/> .
@prefix part: <{iris.ID}participation/test-plenary/> .
@prefix delegation: <{iris.ID}delegation/test-plenary/> .

<{RELEASE}> a bg:Release ; dcterms:issued "2021-12-03"^^xsd:date ;
    dcterms:publisher org:test-agency .
quote:test-1 a bg:Quotation ; bg:quote "{SENTENCE}" ; bg:quotedFrom <{RELEASE}> .
<{EVENT}> a bg:Meeting ; rdfs:label "13th plenary"@en ;
    bg:startDate "2021-12-02"^^xsd:date ; prov:wasDerivedFrom <{RELEASE}> ;
    bg:evidence quote:test-1 .
<{ANA}> a bg:Person ; foaf:name "Ana Example" ; bg:country country:us ;
    prov:wasDerivedFrom <{RELEASE}> ; bg:evidence quote:test-1 .
<{BETO}> a bg:Person ; foaf:name "Beto Ejemplo" ; bg:country country:mx ;
    prov:wasDerivedFrom <{RELEASE}> ; bg:evidence quote:test-1 .
<{AGENCY}> a bg:Agency ; rdfs:label "Test Agency"@en ; bg:country country:us .
post:test-post a bg:Post ; rdfs:label "Test Secretary"@en .
<{HOLDING}> a bg:PostHolding ; bg:holder <{ANA}> ; bg:post post:test-post ;
    bg:organization <{AGENCY}> ; bg:observedOn "2021-12-03"^^xsd:date ;
    prov:wasDerivedFrom <{RELEASE}> ; bg:evidence quote:test-1 .
<{PART_ANA}> a bg:Participation ; bg:participant <{ANA}> ; bg:event <{EVENT}> ;
    bg:role bg:DelegationHead ; bg:onBehalfOf country:us ;
    prov:wasDerivedFrom <{RELEASE}> ; bg:evidence quote:test-1 .
<{iris.ID}participation/test-plenary/beto-ejemplo/delegation_head> a bg:Participation ;
    bg:participant <{BETO}> ; bg:event <{EVENT}> ; bg:role bg:DelegationHead ;
    bg:onBehalfOf country:mx ; prov:wasDerivedFrom <{RELEASE}> .
delegation:us a bg:Delegation ; bg:delegationAt <{EVENT}> ;
    bg:country country:us ; bg:headedBy <{ANA}> .
delegation:mx a bg:Delegation ; bg:delegationAt <{EVENT}> ;
    bg:country country:mx ; bg:headedBy <{BETO}> .
"""


@pytest.fixture(scope="module")
def foundation() -> list[tuple[URIRef, list]]:
    return [
        (iris.ONTOLOGY_GRAPH, list(ontology_graph())),
        (iris.REFERENCE_GRAPH, list(load_reference())),
    ]


def run(foundation, add=(), remove=()):  # type: ignore[no-untyped-def]
    """Validate the good release with triples added and removed: the violations' (shape, focus)."""
    store = open_store(":memory:")
    for name, triples in foundation:
        store.replace_graph(name, triples)
    graph = Graph().parse(data=GOOD, format="turtle")
    for t in remove:
        graph.remove(t)
    for t in add:
        graph.add(t)
    store.replace_graph(RELEASE, list(graph))
    report = validate(store)
    assert set(report.by_release()) <= {str(RELEASE)}, report.by_release().keys()
    return report, {(v.shape, v.focus) for v in report.violations}


def test_good_release_is_clean(foundation) -> None:
    report, found = run(foundation)
    assert found == set()
    assert report.graphs == 2  # reference + the release


def test_participation_needs_one_role(foundation) -> None:
    report, found = run(foundation, remove=[(PART_ANA, BG.role, None)])
    assert found == {("participation", str(PART_ANA))}
    violation = report.violations[0]
    assert violation.release == str(RELEASE)
    assert violation.evidence == SENTENCE  # the sentence the release states it in


def test_participation_with_two_people(foundation) -> None:
    _, found = run(foundation, add=[(PART_ANA, BG.participant, BETO)])
    assert found == {("participation", str(PART_ANA))}


def test_event_needs_a_specific_type(foundation) -> None:
    report, found = run(
        foundation, remove=[(EVENT, RDF.type, BG.Meeting)], add=[(EVENT, RDF.type, BG.Event)]
    )
    assert found == {("event type", str(EVENT))}
    assert report.violations[0].label == "13th plenary"


def test_announced_event_alone_is_no_type(foundation) -> None:
    _, found = run(
        foundation,
        remove=[(EVENT, RDF.type, BG.Meeting), (EVENT, BG.startDate, None)],
        add=[(EVENT, RDF.type, BG.AnnouncedEvent)],
    )
    assert found == {("event type", str(EVENT))}


@pytest.mark.parametrize(
    "value",
    [
        Literal("2021-02-30", datatype=XSD.date),
        Literal("2021-00", datatype=XSD.gYearMonth),
        Literal("21", datatype=XSD.gYear),
        Literal("2021-12-02"),
    ],
)
def test_invalid_dates_fail(foundation, value: Literal) -> None:
    _, found = run(
        foundation, remove=[(EVENT, BG.startDate, None)], add=[(EVENT, BG.startDate, value)]
    )
    assert found == {("date", str(EVENT))}


def test_partial_dates_pass(foundation) -> None:
    _, found = run(
        foundation,
        remove=[(EVENT, BG.startDate, None)],
        add=[(EVENT, BG.startDate, Literal("2021-11", datatype=XSD.gYearMonth))],
    )
    assert found == set()


def test_event_after_issue_date_must_be_announced(foundation) -> None:
    later = Literal("2021-12-10", datatype=XSD.date)
    _, found = run(
        foundation, remove=[(EVENT, BG.startDate, None)], add=[(EVENT, BG.startDate, later)]
    )
    assert found == {("announced event", str(EVENT))}
    _, found = run(
        foundation,
        remove=[(EVENT, BG.startDate, None)],
        add=[(EVENT, BG.startDate, later), (EVENT, RDF.type, BG.AnnouncedEvent)],
    )
    assert found == set()


def test_person_needs_a_name(foundation) -> None:
    _, found = run(foundation, remove=[(BETO, FOAF.name, None)])
    assert found == {("person name", str(BETO))}


def test_post_holding_organization_in_holder_country(foundation) -> None:
    moved = [(AGENCY, BG.country, US)]
    _, found = run(foundation, remove=moved, add=[(AGENCY, BG.country, MX)])
    assert found == {("post-holding country", str(HOLDING))}
    _, found = run(
        foundation,
        remove=moved,
        add=[(AGENCY, BG.country, MX), (AGENCY, RDF.type, BG.BinationalBody)],
    )
    assert found == set()


def test_no_one_heads_two_delegations_at_one_event(foundation) -> None:
    mx_delegation = iris.entity("delegation", "test-plenary", "mx")
    _, found = run(
        foundation,
        remove=[(mx_delegation, BG.headedBy, BETO)],
        add=[(mx_delegation, BG.headedBy, ANA)],
    )
    assert found == {("delegation head", str(ANA))}


def test_release_needs_issue_date_or_publisher(foundation) -> None:
    _, found = run(
        foundation, remove=[(RELEASE, DCTERMS.issued, None), (RELEASE, DCTERMS.publisher, None)]
    )
    assert found == {("release provenance", str(RELEASE))}


def test_release_graph_needs_its_release_node(foundation) -> None:
    _, found = run(foundation, remove=[(RELEASE, RDF.type, BG.Release)])
    assert ("release provenance", str(RELEASE)) in found


def test_facts_derive_from_a_release(foundation) -> None:
    _, found = run(foundation, remove=[(HOLDING, PROV.wasDerivedFrom, None)])
    assert found == {("fact provenance", str(HOLDING))}


# Violations the validator finds in the graph of data/releases, each an extraction error on
# one of the 45 releases shipped in issue 14 (a U.S. official read as Mexican, so the post's
# U.S. organization disagrees with the holder's country). They go when the extractor gets the
# holder's country right; any other violation fails the test.
KNOWN_EXTRACTION_ERRORS = {
    ("sonora-puerto-douglas-agua-prieta-2025-es", "post-holding country",
     "Andrew Heller / comisionado interino"),
    ("tamaulipas-gira-washington-puentes-2021-es", "post-holding country",
     "Katherine Dueholm / directora de la Oficina de Asuntos de México"),
}


def test_data_validates_clean(built) -> None:
    report = validate(built.store)
    assert report.graphs == 1 + sum(iris.is_release_graph(g) for g in built.store.graph_names())
    problems = [(v.release, v.shape, v.label, v.message) for v in report.violations]
    originals = {str(iris.release(name)) for name in ORIGINAL_RELEASES}
    assert [p for p in problems if p[0] in originals] == []
    found = {(str(r).rsplit("/", 1)[-1], shape, label) for r, shape, label, _ in problems}
    assert found <= KNOWN_EXTRACTION_ERRORS, found - KNOWN_EXTRACTION_ERRORS
    assert count_violations(built.store) == len(problems)


def test_cli_validate_exit_codes(foundation, tmp_path) -> None:
    from bordergraph.cli import main

    location = str(tmp_path / "store")
    store = open_store(location)
    for name, triples in foundation:
        store.replace_graph(name, triples)
    graph = Graph().parse(data=GOOD, format="turtle")
    store.replace_graph(RELEASE, list(graph))
    store.close()
    result = CliRunner().invoke(main, ["validate", "--store", location])
    assert result.exit_code == 0, result.output
    store = open_store(location)
    graph.remove((BETO, FOAF.name, None))
    store.replace_graph(RELEASE, list(graph))
    store.close()
    result = CliRunner().invoke(main, ["validate", "--store", location])
    assert result.exit_code == 1
    assert (
        "test-plenary-2021" in result.output and "Beto" not in result.output.split("person name")[0]
    )
    assert SENTENCE in result.output
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "missing")])
    assert result.exit_code == 2
