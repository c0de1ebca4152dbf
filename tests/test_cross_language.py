"""An English and a Spanish release about one meeting (the 13th ESC plenary of 2 Dec 2021)
load into one event, one IRI per shared participant, with both sentences as provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EN = ROOT / "data" / "releases" / "esc-13-plenary-2021.txt"
ES = ROOT / "tests" / "data" / "esc-13-plenaria-2021-es.txt"
BG = "PREFIX bg: <https://w3id.org/bordergraph/ontology#>\n"


@pytest.fixture(scope="module")
def graph():
    from bordergraph.api import BorderGraph

    bg = BorderGraph.open(":memory:")
    report = bg.load([EN, ES])
    assert all(r.status == "loaded" for r in report.results), report
    yield bg
    bg.close()


def test_language_detected_per_release():
    from bordergraph.ingest.read import read_release

    assert read_release(EN).source.language == "en"
    assert read_release(ES).source.language == "es"
    sre_english = ROOT / "data" / "releases" / "bicentennial-action-plan-2022.txt"
    assert read_release(sre_english).source.language == "en"


def test_one_event_with_both_sentences_as_provenance(graph):
    rows = graph.store.select(
        BG
        + """
        SELECT DISTINCT ?e ?release ?quote WHERE {
          ?e bg:ordinal 13 ; bg:startDate ?d ; bg:evidence ?q .
          ?q bg:quote ?quote ; bg:quotedFrom ?release }""",
        {},
    ).rows
    assert len({str(r[0]) for r in rows}) == 1
    releases = {str(r[1]).rsplit("/", 1)[-1] for r in rows}
    assert releases == {"esc-13-plenary-2021", "esc-13-plenaria-2021-es"}
    quotes = " ".join(str(r[2]) for r in rows)
    assert "XIII Reunión Plenaria" in quotes and "13th Plenary Meeting" in quotes


@pytest.mark.parametrize("who", ["velasco", "nichols", "moctezuma", "hoy"])
def test_shared_participant_has_one_iri(graph, who):
    rows = graph.store.select(
        BG
        + """
        SELECT DISTINCT ?p ?release WHERE {
          ?pa bg:participant ?p ; bg:event ?e ; bg:evidence ?q .
          ?e bg:ordinal 13 . ?q bg:quotedFrom ?release }""",
        {},
    ).rows
    iris = {str(r[0]) for r in rows if who in str(r[0])}
    assert len(iris) == 1, iris
    releases = {str(r[1]) for r in rows if who in str(r[0])}
    assert len(releases) == 2, releases


def test_post_labels_keep_the_release_language(graph):
    rows = graph.store.select(
        BG
        + """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?l WHERE {
          ?pa bg:participant ?p ; bg:inPost ?post . ?post rdfs:label ?l .
          FILTER(CONTAINS(STR(?p), "nichols")) }""",
        {},
    ).rows
    assert {r[0].language for r in rows} == {"en", "es"}


def test_bilingual_post_lexicon_gives_one_post_per_official():
    from bordergraph.ingest.extract import extract
    from bordergraph.ingest.extract.posts import post_id
    from bordergraph.ingest.read import read_release
    from bordergraph.ingest.resolve import person_tokens

    def posts(path: Path) -> dict[tuple[str, ...], str | None]:
        """Post id by given name and first surname (the English text drops second surnames)."""
        rec = extract(read_release(path))
        return {person_tokens(p.name)[:2]: post_id(p.post or "", p.country) for p in rec.people}

    en, es = posts(EN), posts(ES)
    for who in (("brian", "nichols"), ("serena", "hoy"), ("esteban", "moctezuma"),
                ("roberto", "velasco")):
        assert en[who] is not None and en[who] == es[who], (who, en, es)
    assert post_id("Chief Officer for North America", "MX") == post_id(
        "jefe de la Unidad para América del Norte", "MX")
