"""One organization and series pipeline for both languages: what differs is lexicon data."""

from __future__ import annotations

from bordergraph.ingest.extract.lexicon import alternation
from bordergraph.ingest.extract.orgs import org_table
from bordergraph.ingest.extract.people_es import find_mentions_es
from bordergraph.ingest.extract.sentences import Sentence
from bordergraph.ingest.extract.series import series_hits


def table(text: str, lang: str, home: str):  # type: ignore[no-untyped-def]
    return org_table([Sentence(text, 0, len(text), 0)], lang, None, home)


def test_a_spanish_agency_is_found_by_any_gazetteer_form() -> None:
    orgs = table(
        "Funcionarios de la Agencia Nacional de Aduanas de México (ANAM) revisaron el cruce.",
        "es",
        "MX",
    )
    found = orgs.lookup("Agencia Nacional de Aduanas de Mexico")  # written without the accent
    assert found is not None and found.name == "Agencia Nacional de Aduanas de México (ANAM)"
    assert orgs.lookup("ANAM") is found


def test_a_name_ending_in_its_head_keeps_its_acronym() -> None:
    orgs = table("Staff of the Regional Water Service (RWS) met in Yuma.", "en", "US")
    assert [o.name for o in orgs.orgs] == ["Regional Water Service (RWS)"]
    assert orgs.lookup("RWS") is orgs.orgs[0]


def test_a_venue_or_a_post_before_a_spanish_head_is_no_organization() -> None:
    orgs = table(
        "Se reunieron en el Palacio de la Secretaría de Cultura con el jefe de la "
        "Oficina de Enlace Fronterizo.",
        "es",
        "MX",
    )
    assert orgs.orgs == []


def test_generic_back_references_in_both_languages() -> None:
    last: dict = {}  # type: ignore[type-arg]
    series_hits("Both sides opened the High-Level Security Dialogue in May.", "en", {}, last)
    [hit] = series_hits("The Dialogue agreed on three goals.", "en", {}, last)
    assert (hit.key, hit.generic) == ("High-Level Security Dialogue", True)
    hits = series_hits("la Cumbre Nacional de Ciudades avanzó y el Grupo sesionó", "es", {}, {})
    assert [(h.written, h.generic) for h in hits] == [("Grupo", True)]  # "Cumbre Nacional": a name


def test_spanish_post_spans_and_fronted_organizations() -> None:
    text = "Participaron, de la Secretaría de Economía, la subsecretaria Ana Ruiz Pérez y otros."
    [m] = find_mentions_es(text, table(text, "es", "MX"))
    assert (m.name, m.post, m.org) == ("Ana Ruiz Pérez", "subsecretaria", "Secretaría de Economía")
    text = "Asistió el director de operaciones de campo de la CBP en Yuma, Pedro Luna Soto."
    [m] = find_mentions_es(text, table(text, "es", "MX"))
    assert (m.name, m.country) == ("Pedro Luna Soto", "US")


def test_an_alternation_of_no_words_matches_nothing() -> None:
    assert alternation([]) == "(?!)"
    assert alternation(["de", "de la", "de"]) == r"(?:de\ la|de)"


def test_an_issuer_written_in_capitals_is_an_organization() -> None:
    lines = ["SECRETARÍA DE ECONOMÍA", "Boletín 12/2020"]
    sents = [Sentence(t, 0, len(t), 0) for t in lines]
    assert [o.name for o in org_table(sents, "es", None, "MX").orgs] == ["Secretaría de Economía"]
    sents = [Sentence("DEPARTMENT OF WATER RESOURCES | JANE ROE", 0, 40, 0)]
    assert [o.name for o in org_table(sents, "en", None, "US").orgs] == [
        "Department of Water Resources"
    ]


def test_a_known_organization_after_a_post_is_named_but_a_unit_is_the_posts() -> None:
    orgs = table("La vocera de la Casa Blanca, Ana Ruiz, habló.", "es", "MX")
    assert [o.name for o in orgs.orgs] == ["Casa Blanca"]
    orgs = table("El jefe de la Unidad para América del Norte, Luis Mora, habló.", "es", "MX")
    assert orgs.orgs == []


def test_the_longest_name_wins_and_a_shorter_mention_joins_it() -> None:
    text = (
        "Staff of the Departamento de Transporte de Arizona (ADOT) met. La Embajada de Canadá "
        "en México y la Embajada de Canadá firmaron."
    )
    names = [o.name for o in table(text, "es", "MX").orgs]
    assert names == ["Departamento de Transporte de Arizona (ADOT)", "Embajada de Canadá en México"]


def test_an_owner_after_and_starts_a_second_organization() -> None:
    text = "The Office of Border Affairs and Canada's Border Services Agency met."
    names = [o.name for o in table(text, "en", "US").orgs]
    assert names[0] == "Office of Border Affairs"


def test_a_shorter_reading_of_a_known_name_finds_it() -> None:
    orgs = table("Ana Roe, Consul at the U.S. Consulate General in Monterrey, spoke.", "en", "US")
    assert orgs.lookup("U.S. Consulate General") is orgs.orgs[0]


def test_a_state_government_is_an_organization_a_national_one_is_not() -> None:
    orgs = table(
        "El Gobierno del Estado de Chihuahua y el Gobierno de México firmaron.", "es", "MX"
    )
    assert [o.name for o in orgs.orgs] == ["Gobierno del Estado de Chihuahua"]


def test_a_sentences_full_stop_is_not_part_of_a_name() -> None:
    orgs = table("El acuerdo se firmó en la sede del Consejo Fronterizo Regional.", "es", "MX")
    assert [o.name for o in orgs.orgs] == ["Consejo Fronterizo Regional"]


def test_a_two_letter_acronym_after_an_article_is_an_organization() -> None:
    orgs = table("Asistieron representantes de la SHCP y la SE. SE ACORDÓ TODO.", "es", "MX")
    assert [o.name for o in orgs.orgs] == ["SHCP", "SE"]


def test_a_publisher_name_the_header_writes_out_stays_its_name() -> None:
    head = Sentence("U.S. DEPARTMENT OF STATE", 0, 24, 0, header=True)
    body = Sentence("Officials met at the State Department on Monday.", 25, 74, 1)
    orgs = org_table([head, body], "en", "U.S. Department of State", "US")
    assert [o.name for o in orgs.orgs] == ["U.S. Department of State"]


def test_a_state_agency_is_not_the_federal_one() -> None:
    text = "The Arizona Department of Transportation and the U.S. Department of Transportation met."
    names = [o.name for o in table(text, "en", "US").orgs]
    assert names == ["Arizona Department of Transportation", "U.S. Department of Transportation"]


def test_an_unknown_organization_takes_the_country_its_people_share() -> None:
    """A body the gazetteer does not know, in a Mexican publisher's release, is not Mexico's
    when the people who hold posts in it are all from the other country."""
    from bordergraph.ingest.extract import extract
    from bordergraph.records import ReleaseText, Source

    body = (
        "Ciudad de México, 4 de marzo de 2024. Por la parte estadounidense asistió Laura "
        "Whitfield, directora de Asuntos Fronterizos de la Oficina de Enlace Binacional "
        "del Departamento de Estado de Estados Unidos, y por la parte mexicana el canciller."
    )
    text = ReleaseText("t.txt", body, Source(issued="2024-03-04", language="es",
                                             publisher="Secretaría de Relaciones Exteriores"), "0")
    rec = extract(text)
    person = next(p for p in rec.people if p.name == "Laura Whitfield")
    org = next(o for o in rec.organizations if o.name == person.organization)
    assert person.country == "US" and org.country == "US"
