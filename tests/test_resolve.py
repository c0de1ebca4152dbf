"""Entity resolution: one IRI per real person, agency, port and series."""

from __future__ import annotations

from bordergraph.ingest.resolve import PeopleIndex, Resolver, person_tokens, post_key


def test_name_variants_resolve_to_one_person():
    index = PeopleIndex()
    nichols = index.resolve("Brian A. Nichols", "US")
    assert index.resolve("Brian Nichols", "US") == nichols
    assert index.resolve("Nichols", "US") == nichols
    velasco = index.resolve("Roberto Velasco", "MX")
    assert index.resolve("Roberto Velasco Álvarez", "MX") == velasco
    assert index.resolve("Ken Salazar", "US") == index.resolve("Kenneth Salazar", "US")


def test_different_people_stay_apart():
    index = PeopleIndex()
    a = index.resolve("Luis Cresencio Sandoval", "MX")
    b = index.resolve("Luis Rodríguez Bucio", "MX")
    assert a != b
    # a lone surname shared by two known people is ambiguous: a new IRI, not a guess
    index.resolve("Rosa Icela Rodríguez", "MX")
    assert index.find("Rodríguez", "MX") is None


def test_person_tokens_drop_titles_initials_and_suffixes():
    assert person_tokens("Joseph R. Biden, Jr.") == ("joseph", "biden")
    assert person_tokens("General Luis Cresencio Sandoval") == ("luis", "cresencio", "sandoval")


def test_post_key_ignores_country_wording():
    assert post_key("Mexico's Ambassador to the United States") == post_key(
        "Ambassador of Mexico to the United States"
    )


def test_reference_names_in_both_languages_resolve_to_one_iri():
    r = Resolver()
    assert r.organization("Secretariat of Foreign Relations") == r.organization("SRE")
    assert r.organization("Secretaría de Relaciones Exteriores") == r.organization("SRE")
    assert r.mechanism("High-Level Security Dialogue") == r.mechanism(
        "Diálogo de Alto Nivel en Seguridad"
    )
    assert r.port("El Chaparral") != r.port("San Ysidro")


def test_two_events_of_one_release_on_one_day_stay_two():
    """A meeting and the working dinner after it: same day, type and people, two events."""
    from bordergraph.records import Event, Person, ReleaseRecord, Role, Source

    meeting = Event("e1", "meeting at the Palace", "BilateralMeeting", date="2019-06-10")
    dinner = Event("e2", "working dinner at the Palace", "BilateralMeeting", date="2019-06-10")
    people = tuple(
        Person(name, country, roles=(Role("e1", "participant"), Role("e2", "participant")))
        for name, country in (("Ana Ruiz Soto", "MX"), ("John Miller", "US"))
    )
    record = ReleaseRecord("r1", Source(issued="2019-06-10"), (meeting, dinner), people=people)
    resolution = Resolver().resolve(record)
    assert resolution.events["e1"] != resolution.events["e2"]
    # the first keeps the shared key, so another release about that meeting still meets it
    again = Resolver().resolve(ReleaseRecord("r2", Source(), (meeting,), people=people))
    assert again.events["e1"] == resolution.events["e1"]
