"""The country a post names: places, envoys abroad, one-country ministries, agency acronyms."""

from __future__ import annotations

import pytest

from bordergraph.ingest.extract.orgs import org_table
from bordergraph.ingest.extract.post_country import post_country
from bordergraph.ingest.extract.sentences import Sentence


@pytest.mark.parametrize(
    ("post", "country"),
    [
        ("Governor of Sonora", "MX"),
        ("Mayor of Calexico", "US"),
        ("Consul General in Nogales", None),  # a city on both sides: no guess
        ("Consul General in Matamoros", "US"),
        ("Consul of Mexico in Tucson", "MX"),
        ("Undersecretary of Tourism", "MX"),
        ("Deputy Under Secretary of the Treasury", "US"),
        ("Minister of Health of the United Mexican States", "MX"),
        ("FEMA Regional Administrator", "US"),
        ("Pima County Supervisor", "US"),
    ],
)
def test_an_english_post_gives_its_country(post: str, country: str | None) -> None:
    assert post_country(post, "en") == country


def test_an_and_does_not_join_two_organizations() -> None:
    text = "The Department of Energy and Mexico's Secretariat of Energy will meet."
    orgs = org_table([Sentence(text, 0, len(text), 0)], "en", None, "US").orgs
    assert [(o.name, o.country) for o in orgs] == [
        ("Department of Energy", "US"),
        ("Secretariat of Energy", "MX"),
    ]


def test_a_country_named_as_the_posts_subject_is_not_its_own() -> None:
    assert post_country("Director of the Office of Canadian Affairs", "en") is None
    assert post_country("Mexico Desk Officer for Mexican Affairs", "en") == "MX"  # its own word


def test_a_spanish_envoy_in_a_border_city_is_of_the_other_country() -> None:
    from bordergraph.ingest.extract.people_es import find_mentions_es

    text = "Acudió también Juan Paz, cónsul general en Ciudad Juárez."
    found = {m.name: m.country for m in find_mentions_es(text, None)}
    assert found.get("Juan Paz") == "US"


def test_a_known_agency_closing_a_spanish_post_gives_its_country() -> None:
    from bordergraph.ingest.extract.orgs import org_table
    from bordergraph.ingest.extract.people_es import find_mentions_es

    text = "En la reunión estuvo Ana Ríos, jefa de la Administración para el Control de Drogas."
    orgs = org_table([Sentence(text, 0, len(text), 0)], "es", None, "MX")
    found = {m.name: m.country for m in find_mentions_es(text, orgs)}
    assert found.get("Ana Ríos") == "US"


def test_a_country_owning_the_agency_after_a_post_is_not_the_organization() -> None:
    from bordergraph.ingest.extract.orgs import org_table
    from bordergraph.ingest.extract.people import find_mentions

    text = "Ana Ruiz, director of Canada's Border Services Agency (CBSA), spoke."
    orgs = org_table([Sentence(text, 0, len(text), 0)], "en", None, "US")
    (m,) = [m for m in find_mentions(text, "en", orgs) if m.name == "Ana Ruiz"]
    assert m.org == "Border Services Agency"
