"""Reasoning: rules from the ontology, the inferred graph, clashes traced to releases, HermiT."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, XSD

from bordergraph.graph import iris
from bordergraph.graph.open import open_store
from bordergraph.graph.reference import load_reference
from bordergraph.graph.vocab import BG, SCHEMA, ontology_graph
from bordergraph.quality.consistency import find_clashes, for_hermit, hermit_check, reason
from bordergraph.quality.reason import materialize, rules_from_ontology

RELEASE = iris.release("test-release-2021")
OTHER = iris.release("other-release-2022")
OFFICIAL = iris.entity("person", "ana-example")
PART = iris.entity("participation", "test-event", "ana-example", "participant")
EVENT = iris.entity("event", "test-event")
PORT_A, PORT_B = iris.entity("port", "port-a"), iris.entity("port", "port-b")
BIDEN = iris.entity("administration", "us-biden-2021")
TRUMP = iris.entity("administration", "us-trump-2017")


@pytest.fixture(scope="module")
def foundation() -> list[tuple[URIRef, list]]:
    return [
        (iris.ONTOLOGY_GRAPH, list(ontology_graph())),
        (iris.REFERENCE_GRAPH, list(load_reference())),
    ]


def make_store(foundation, releases: dict[URIRef, list]):  # type: ignore[no-untyped-def]
    store = open_store(":memory:")
    for name, triples in [*foundation, *releases.items()]:
        store.replace_graph(name, triples)
    return store


RELEASE_TRIPLES = [
    (RELEASE, RDF.type, BG.Release),
    (OFFICIAL, RDF.type, BG.Official),
    (PART, BG.participant, OFFICIAL),
    (PART, BG.event, EVENT),
    (EVENT, RDF.type, BG.Meeting),
    (PORT_A, BG.counterpart, PORT_B),
]


def test_rules_close_the_ontology() -> None:
    rules = rules_from_ontology(ontology_graph())
    assert {BG.Person, FOAF.Person, SCHEMA.Person, PROV.Agent} <= rules.superclasses[BG.Official]
    assert (ORG.member, False) in rules.expansions[BG.holder]
    assert (BG.counterpart, True) in rules.expansions[BG.counterpart]  # symmetric
    assert FOAF.Person in rules.object_types[BG.participant]  # range, then its superclasses
    assert (BG.Organization, BG.Person) in rules.disjoint
    assert BG.counterpart in rules.irreflexive


def test_materialize_fills_the_inferred_graph_only(foundation) -> None:
    store = make_store(foundation, {RELEASE: RELEASE_TRIPLES})
    before = {g: store.count(g) for g in store.graph_names()}
    done = materialize(store)
    assert {g: store.count(g) for g in store.graph_names() if g != iris.INFERRED_GRAPH} == before
    inferred = store.graph(iris.INFERRED_GRAPH)
    assert (OFFICIAL, RDF.type, FOAF.Person) in inferred  # Official ⊑ Person ⊑ foaf:Person
    assert (OFFICIAL, RDF.type, BG.Person) in inferred
    assert (PART, RDF.type, BG.Participation) in inferred  # domain of bg:participant
    assert (PART, PROV.agent, OFFICIAL) in inferred  # bg:participant ⊑ prov:agent
    assert (PORT_B, BG.counterpart, PORT_A) in inferred  # symmetric
    assert (PORT_B, RDF.type, BG.PortOfEntry) in inferred  # range, on the inverse direction
    assert (EVENT, RDF.type, BG.Meeting) not in inferred  # asserted facts are not repeated
    assert done.triples == len(inferred) and done.rounds >= 1
    # Every bg:Official is a foaf:Person with inferences, and not without.
    query = "SELECT ?x WHERE { ?x a <http://xmlns.com/foaf/0.1/Person> }"
    assert (OFFICIAL,) in store.select(query).rows
    assert (OFFICIAL,) not in store.select(query, inferred=False).rows


def test_materialize_is_idempotent_and_drops_stale_inferences(foundation) -> None:
    store = make_store(foundation, {RELEASE: RELEASE_TRIPLES})
    materialize(store)
    first = set(store.graph(iris.INFERRED_GRAPH))
    materialize(store)
    assert set(store.graph(iris.INFERRED_GRAPH)) == first
    store.drop_graph(RELEASE)
    materialize(store)
    assert (OFFICIAL, RDF.type, FOAF.Person) not in store.graph(iris.INFERRED_GRAPH)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (Literal("2021-12-02", datatype=XSD.date), {BIDEN}),
        (Literal("2021-01-20", datatype=XSD.date), {BIDEN}),  # handover day: the incoming one
        (Literal("2021-01-19", datatype=XSD.date), {TRUMP}),
        (Literal("2021", datatype=XSD.gYear), {TRUMP, BIDEN}),
    ],
)
def test_events_dated_later_get_their_administrations(foundation, date, expected) -> None:
    # The event is dated by curation, after the loader wrote the release without a date.
    store = make_store(
        foundation, {RELEASE: RELEASE_TRIPLES, iris.CURATION_GRAPH: [(EVENT, BG.startDate, date)]}
    )
    materialize(store)
    inferred = store.graph(iris.INFERRED_GRAPH)
    us = {a for a in inferred.objects(EVENT, BG.duringAdministration) if "/us-" in str(a)}
    assert us == expected


def test_clash_names_the_releases(foundation) -> None:
    store = make_store(
        foundation,
        {
            RELEASE: RELEASE_TRIPLES,
            OTHER: [(iris.entity("postholding", "x"), BG.organization, OFFICIAL)],
        },
    )
    materialize(store)
    clashes = find_clashes(store)
    assert [c.node for c in clashes] == [OFFICIAL]
    assert clashes[0].releases == [OTHER, RELEASE]
    text = clashes[0].explain()
    assert "bg:Organization" in text and "bg:Person" in text
    assert "release:other-release-2022" in text and "release:test-release-2021" in text


def test_data_has_no_clash(built) -> None:
    store = built.store
    before = list(store.graph(iris.INFERRED_GRAPH))
    try:
        done = materialize(store)
        assert done.triples > 0
        # The loader already links dated events to their administrations; the rule agrees.
        assert {name: n for name, n, _ in done.steps}["administration"] == 0
        assert find_clashes(store) == []
        # Every person is a foaf:Person once inferences are in.
        missing = store.select(
            "PREFIX bg: <https://w3id.org/bordergraph/ontology#>\n"
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
            "SELECT ?x WHERE { ?x a bg:Person FILTER NOT EXISTS { ?x a foaf:Person } }"
        ).rows
        assert missing == []
        assert materialize(store).triples == done.triples
    finally:  # the session store is shared with other tests: leave it as it was
        store.replace_graph(iris.INFERRED_GRAPH, before)
        if not before:
            store.drop_graph(iris.INFERRED_GRAPH)


def test_dates_are_converted_for_hermit() -> None:
    assert for_hermit(Literal("2021-12", datatype=XSD.gYearMonth)) == Literal(
        "2021-12-01T00:00:00", datatype=XSD.dateTime
    )
    assert (
        for_hermit(
            Literal(
                "POINT(1 2)", datatype=URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")
            )
        )
        is None
    )


@pytest.mark.reasoner
def test_hermit_finds_ontology_and_reference_consistent(foundation) -> None:
    result = hermit_check(make_store(foundation, {}))
    assert result.consistent
    assert result.triples > 1000


@pytest.mark.reasoner
def test_inconsistent_release_is_reported_readably(foundation) -> None:
    dated = [(EVENT, BG.startDate, Literal("2021-12-02", datatype=XSD.date))]
    store = make_store(
        foundation,
        {
            RELEASE: RELEASE_TRIPLES + dated,
            OTHER: [(OFFICIAL, RDF.type, BG.Organization)],
        },
    )
    report = reason(store, check_releases=True)
    assert report.hermit is not None and not report.hermit.consistent
    assert not report.consistent
    assert report.releases == [OTHER, RELEASE]
    assert "other-release-2022" in report.explain()
    assert "Exception" not in report.explain()


@pytest.mark.reasoner
def test_cli_reason(foundation, tmp_path) -> None:
    from bordergraph.cli import main

    location = str(tmp_path / "store")
    store = make_store(foundation, {})
    disk = open_store(location)
    for name in store.graph_names():
        disk.replace_graph(name, list(store.graph(name)))
    disk.replace_graph(RELEASE, RELEASE_TRIPLES)
    disk.close()
    result = CliRunner().invoke(main, ["reason", "--store", location])
    assert result.exit_code == 0, result.output
    assert "inferred graph:" in result.output and "HermiT" in result.output
    disk = open_store(location)
    disk.replace_graph(OTHER, [(OFFICIAL, RDF.type, BG.Organization)])
    disk.close()
    result = CliRunner().invoke(main, ["reason", "--store", location, "--no-hermit"])
    assert result.exit_code == 1
    assert "releases involved: other-release-2022, test-release-2021" in result.output
