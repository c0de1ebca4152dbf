"""to_rdf's memoised IRI builders give exactly the IRIs of bordergraph.graph.iris."""

from __future__ import annotations

from bordergraph.graph import iris
from bordergraph.ingest.to_rdf import _entity, _quotation


def test_quotation_iri_is_the_entity_iri():
    for release_id, start, end in [("esc-13-plenary-2021", 0, 120), ("Odd Name_2", 5, 9)]:
        assert _quotation(release_id, start, end) == iris.entity(
            "quotation", release_id, f"{start}-{end}"
        )


def test_memoised_entity_is_the_entity_iri():
    assert _entity("person", "Andrés Manuel López Obrador") == iris.entity(
        "person", "Andrés Manuel López Obrador"
    )
