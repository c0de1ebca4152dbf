"""Person and role frames, with phrasings written for these tests, in English and Spanish."""

from __future__ import annotations

from bordergraph.ingest.extract import extract
from bordergraph.ingest.extract.people import find_mentions
from bordergraph.records import ReleaseRecord, ReleaseText, Source

EN_EVENT = "The third High-Level Security Dialogue was held today in Washington."
ES_EVENT = (
    "Hoy se celebró en Washington la tercera reunión del Diálogo de Alto Nivel sobre Seguridad."
)


def run(body: str, language: str = "en", publisher: str = "U.S. Department of State"):  # type: ignore[no-untyped-def]
    src = Source(publisher=publisher, issued="2023-05-10", language=language)
    return extract(ReleaseText("case.txt", body, src, "0"))


def person(rec: ReleaseRecord, name: str):  # type: ignore[no-untyped-def]
    found = [p for p in rec.people if p.name == name]
    assert found, f"{name} not in {[p.name for p in rec.people]}"
    return found[0]


def kinds(rec: ReleaseRecord, name: str) -> set[str]:
    return {r.role for r in person(rec, name).roles}


# -- person: post after the name, with capitalised complements --------------------------------


def test_post_after_name_keeps_capitalised_complements() -> None:
    ms = find_mentions(
        "Officials met Dora Villa Prieto, Director General of the Customs Service of Mexico "
        "(SAM), and Paul Greer, Deputy Chief of Mission of the U.S. Embassy in Ottawa.",
        "en",
    )
    got = {m.name: (m.post, m.country) for m in ms}
    assert got["Dora Villa Prieto"] == (
        "Director General of the Customs Service of Mexico (SAM)", "MX")
    assert got["Paul Greer"] == ("Deputy Chief of Mission of the U.S. Embassy in Ottawa", "US")


def test_backreference_inside_a_post_is_not_a_person() -> None:
    ms = find_mentions("Kim Hale, Chief of Staff to the Attorney General, was present.", "en")
    got = [(m.name, m.post) for m in ms]
    assert got == [("Kim Hale", "Chief of Staff to the Attorney General")]


# -- person: country ---------------------------------------------------------------------------


def test_side_phrase_gives_country_to_the_persons_after_it() -> None:
    rec = run(
        f"{EN_EVENT} For Mexico, Interior Secretary Tomás Herrera Gil and Navy Secretary "
        "Laura Pinto Saenz attended; for the United States, Commerce Secretary Dan Fisk."
    )
    assert person(rec, "Tomás Herrera Gil").country == "MX"
    assert person(rec, "Laura Pinto Saenz").country == "MX"
    assert person(rec, "Dan Fisk").country == "US"


def test_counterpart_is_of_the_other_side() -> None:
    rec = run(
        f"{EN_EVENT} U.S. Ambassador to Mexico Carl Benton met his counterpart, Attorney "
        "General Rita Solano Cruz."
    )
    assert person(rec, "Carl Benton").country == "US"
    assert person(rec, "Rita Solano Cruz").country == "MX"


def test_side_phrase_es() -> None:
    rec = run(
        f"{ES_EVENT} Por la parte estadounidense asistieron:\n\n"
        "- Mark Duvall, secretario de Transporte;\n- Ellen Park, subsecretaria de Energía.",
        "es", "Secretaría de Relaciones Exteriores",
    )
    assert person(rec, "Mark Duvall").country == "US"
    assert "participant" in kinds(rec, "Ellen Park")


# -- person: later mentions by surname --------------------------------------------------------


def test_surname_mention_is_a_speaker() -> None:
    rec = run(f"{EN_EVENT} Secretary of Commerce Nora Quill attended. Quill said trade grew.")
    assert "speaker" in kinds(rec, "Nora Quill")


# -- role frames, English ----------------------------------------------------------------------


def test_relative_clause_heads_the_side() -> None:
    rec = run(
        f"{EN_EVENT} Across the table sat Carla Ruiz Pardo, Chief Officer for Border Affairs, "
        "who headed the Mexican side."
    )
    p = person(rec, "Carla Ruiz Pardo")
    assert p.post == "Chief Officer for Border Affairs"
    assert p.country == "MX"
    assert "delegation_head" in kinds(rec, "Carla Ruiz Pardo")


def test_jointly_headed_and_accompanied_lists() -> None:
    rec = run(
        f"{EN_EVENT} The talks were headed jointly by Secretary of State Amy Roe, Secretary "
        "of Labor Ben Kay and Attorney General Carl Moss. The team was accompanied by "
        "Deputy Secretary Dana Fry; Ambassador Eli Ward; and Counselor Fay Lin."
    )
    for name in ("Amy Roe", "Ben Kay", "Carl Moss"):
        assert "delegation_head" in kinds(rec, name)
    for name in ("Dana Fry", "Eli Ward", "Fay Lin"):
        assert "participant" in kinds(rec, name)


def test_passive_chair_and_speaker_opener() -> None:
    rec = run(
        f"{EN_EVENT} The session was co-chaired by Secretary of State Amy Roe and Foreign "
        "Secretary Hugo Lara Nieves. In her remarks, Secretary Roe recognized the work of "
        "both teams."
    )
    assert {"chair", "speaker"} <= kinds(rec, "Amy Roe")
    assert "chair" in kinds(rec, "Hugo Lara Nieves")


def test_bulleted_list_after_a_colon() -> None:
    rec = run(
        f"{EN_EVENT} The U.S. delegation included:\n\n- Deputy Secretary Gil Park;\n"
        "- Assistant Secretary Ida Quon."
    )
    assert "participant" in kinds(rec, "Gil Park")
    assert person(rec, "Ida Quon").country == "US"


# -- role frames, Spanish ----------------------------------------------------------------------


def test_passive_chair_through_a_semicolon_list_es() -> None:
    rec = run(
        f"{ES_EVENT} La sesión fue copresidida, por el lado mexicano, por la secretaria de "
        "Economía, Ana Solís Vera; el canciller Jorge Ríos Paz, y el secretario de Hacienda, "
        "Iván Cano Luna.",
        "es", "Secretaría de Relaciones Exteriores",
    )
    for name in ("Ana Solís Vera", "Jorge Ríos Paz", "Iván Cano Luna"):
        assert "chair" in kinds(rec, name)


def test_verb_first_accompaniment_es() -> None:
    rec = run(
        f"{ES_EVENT} La canciller Ana Solís Vera encabezó la delegación mexicana. La "
        "acompañaron el secretario de Marina, Raúl Pons Gil; la embajadora Rita Lara Soto, y "
        "el subsecretario Omar Díaz Rey.",
        "es", "Secretaría de Relaciones Exteriores",
    )
    assert "delegation_head" in kinds(rec, "Ana Solís Vera")
    for name in ("Raúl Pons Gil", "Rita Lara Soto", "Omar Díaz Rey"):
        assert "participant" in kinds(rec, name)


def test_delegation_relative_clause_and_speaker_es() -> None:
    rec = run(
        f"{ES_EVENT} La delegación mexicana, que encabezó el canciller Jorge Ríos Paz, "
        "presentó su informe. Ríos Paz calificó el encuentro como productivo.",
        "es", "Secretaría de Relaciones Exteriores",
    )
    assert {"delegation_head", "speaker"} <= kinds(rec, "Jorge Ríos Paz")


def test_collective_subject_signs_for_the_people_named() -> None:
    rec = run(
        f"{EN_EVENT} Governor Ray Dunn welcomed Governor Ana Ibarra Soto of Sonora, and the "
        "two governors signed a water agreement."
    )
    assert "signatory" in kinds(rec, "Ray Dunn")
    assert "signatory" in kinds(rec, "Ana Ibarra Soto")


def test_role_label_opens_a_line() -> None:
    rec = run(f"{EN_EVENT}\n\n- Host: Nora Vale Ruiz, Secretary of the Interior.")
    assert "host" in kinds(rec, "Nora Vale Ruiz")
    rec = run(
        f"{ES_EVENT}\n\n- Anfitrión: Raúl Pons Gil, secretario de Gobernación.",
        "es", "Secretaría de Relaciones Exteriores",
    )
    assert "host" in kinds(rec, "Raúl Pons Gil")


def test_heads_after_a_colon_and_passive_signing() -> None:
    rec = run(
        f"{EN_EVENT} We thank our guests, who led their delegation: Foreign Secretary Iris "
        "Mota Lugo; and Ivan Reyes Paz, the Interior Secretary. At the third High-Level "
        "Security Dialogue, the accord was signed here today by Secretary of Labor Ben Kay."
    )
    assert "delegation_head" in kinds(rec, "Iris Mota Lugo")
    assert "delegation_head" in kinds(rec, "Ivan Reyes Paz")
    assert "signatory" in kinds(rec, "Ben Kay")


def test_compressed_department_list() -> None:
    rec = run(
        f"{EN_EVENT} Officials of the Departments of State, the Treasury and Energy attended; "
        "so did staff of the Secretariats of Economy and the Navy."
    )
    names = {o.name for o in rec.organizations}
    assert {"Department of State", "Department of the Treasury", "Department of Energy",
            "Secretariat of Economy", "Secretariat of the Navy"} <= names
    rec = run(
        f"{ES_EVENT} Acudieron funcionarios de las Secretarías de Salud y de Energía.",
        "es", "Secretaría de Relaciones Exteriores",
    )
    names = {o.name for o in rec.organizations}
    assert {"Secretaría de Salud", "Secretaría de Energía"} <= names


def test_plural_title_and_apposition_forms() -> None:
    ms = find_mentions(
        "Presidents Omar Lind and Julia de la Vega met; Tim Yost, then Commissioner of CBP, "
        "and Rosa Ortiz, CBP's Director of Field Operations, attended with the port's chief, "
        "Lee Wong.",
        "en",
    )
    got = {m.name: (m.post, m.org) for m in ms}
    assert got["Omar Lind"] == ("President", None)
    assert got["Julia de la Vega"] == ("President", None)
    assert got["Tim Yost"][0] == "Commissioner of CBP"
    assert got["Rosa Ortiz"] == ("Director of Field Operations", "CBP")
    assert got["Lee Wong"][0] == "chief"


def test_spanish_rank_and_title_surname() -> None:
    from bordergraph.ingest.extract.people_es import find_mentions_es

    ms = find_mentions_es(
        "Asistieron el almirante Raúl Pons Gil, secretario de Marina, y Rosa Alcalde Vera, "
        "secretaria de Salud."
    )
    got = {m.name: m.post for m in ms}
    assert got == {
        "Raúl Pons Gil": "secretario de Marina", "Rosa Alcalde Vera": "secretaria de Salud"}


def test_headline_name_run_into_its_verb_is_cut() -> None:
    rec = run(
        "Commissioner Dale Ormond Visits Tijuana; Ports Reviewed\n\n"
        f"{EN_EVENT} Commissioner Dale Ormond of CBP attended the session in person."
    )
    assert [p.name for p in rec.people] == ["Dale Ormond"]


def test_relative_apposition_and_wrapped_name() -> None:
    rec = run(
        f"{EN_EVENT} Officials heard Rosa Quintero Paz, who serves as Acting Attorney\n"
        "General, and later Attorney General Quintero spoke. U.S. Secretary of Energy Ray\n"
        "Lindell attended."
    )
    assert [p.name for p in rec.people] == ["Rosa Quintero Paz", "Ray Lindell"]
    assert person(rec, "Rosa Quintero Paz").post == "Acting Attorney General"


def test_place_in_or_after_the_post_gives_the_country() -> None:
    ms = find_mentions(
        "Laredo Mayor Pat Ruiz met Governor Ana Villa Soto of Nuevo Leon and Matamoros "
        "Mayor Eva Lugo.",
        "en",
    )
    got = {m.name: m.country for m in ms}
    assert got == {"Pat Ruiz": "US", "Ana Villa Soto": "MX", "Eva Lugo": "MX"}
    from bordergraph.ingest.extract.people_es import find_mentions_es

    ms = find_mentions_es("Llegó el alcalde de Douglas, Luis Mena; también el de Nogales, Ana Paz.")
    assert (ms[0].name, ms[0].country) == ("Luis Mena", "US")


def test_flanked_by_takes_the_side_of_the_person_before() -> None:
    rec = run(
        f"{EN_EVENT} President Andrés Manuel López Obrador was flanked by Interior Secretary "
        "Olga Ruiz Peña and Navy Secretary Admiral Tomás Lira Soto.",
        publisher="City of Testville",
    )
    assert person(rec, "Olga Ruiz Peña").country == "MX"
    assert person(rec, "Tomás Lira Soto").country == "MX"


def test_rank_name_parenthesised_post_and_plural_departments() -> None:
    ms = find_mentions(
        "Present were General Raúl Peña Cruz and Admiral Lía Soto Mar; Dan Roy (Administrator, "
        "Small Business Administration); and Secretaries Kay (Labor) and Moss (Energy).",
        "en",
    )
    got = {m.name: (m.post, m.org) for m in ms}
    assert got["Raúl Peña Cruz"] == (None, None)
    assert got["Lía Soto Mar"] == (None, None)
    assert got["Dan Roy"] == ("Administrator", "Small Business Administration")
    assert got["Kay"] == ("Secretary of Labor", None)
    assert got["Moss"] == ("Secretary of Energy", None)


def test_lower_case_modifiers_before_a_head() -> None:
    ms = find_mentions("They met Ana Ruiz, the border security adviser, in Yuma.", "en")
    assert [(m.name, m.post) for m in ms] == [("Ana Ruiz", "border security adviser")]
    from bordergraph.ingest.extract.people_es import find_mentions_es

    ms = find_mentions_es("Llegó el asesor municipal Pedro Lara Gil.")
    assert [(m.name, m.post) for m in ms] == [("Pedro Lara Gil", "asesor municipal")]


def test_bare_name_as_the_subject_of_a_person_verb() -> None:
    ms = find_mentions("Nora Quill said the port would open; Pima County approved it.", "en")
    assert [(m.name, m.post) for m in ms] == [("Nora Quill", None)]
    ms = find_mentions("Ana Lee, who met the mayor, left.", "en")
    assert [m.name for m in ms] == ["Ana Lee"]
    from bordergraph.ingest.extract.people_es import find_mentions_es

    ms = find_mentions_es("Luisa Paz Rey encabezó la delegación; Ciudad Juárez recibió apoyo.")
    assert [(m.name, m.post) for m in ms] == [("Luisa Paz Rey", None)]


def test_spanish_plural_title_and_multiword_state() -> None:
    from bordergraph.ingest.extract.people_es import find_mentions_es

    ms = find_mentions_es(
        "Lo anunciaron los presidentes Ana Lugo Paz y Tim Ward; asistió la gobernadora de "
        "Baja California, Eva Ruiz Sol."
    )
    got = {m.name: (m.post, m.country) for m in ms}
    assert got["Ana Lugo Paz"][0] == "presidente"
    assert got["Tim Ward"][0] == "presidente"
    assert got["Eva Ruiz Sol"] == ("gobernadora de Baja California", "MX")


def test_spanish_name_opening_with_a_complement_word() -> None:
    from bordergraph.ingest.extract.people_es import find_mentions_es

    ms = find_mentions_es("Llegó la gobernadora de Sonora, Marina de la Luz Peña, al acto.")
    assert [(m.name, m.country) for m in ms] == [("Marina de la Luz Peña", "MX")]


def test_first_surname_and_paraphrase_speaker() -> None:
    rec = run(
        f"{ES_EVENT} La sesión fue copresidida por la secretaria de Economía, Irma Solís Vera. "
        "Más tarde, Solís calificó el encuentro como productivo.",
        "es", "Secretaría de Relaciones Exteriores",
    )
    assert {"chair", "speaker"} <= kinds(rec, "Irma Solís Vera")
    rec = run(f"{EN_EVENT} Governor Ana Villa Soto attended. Governor Villa outlined a plan.")
    assert "speaker" in kinds(rec, "Ana Villa Soto")


def test_demonym_after_a_spanish_head() -> None:
    from bordergraph.ingest.extract.people_es import find_mentions_es

    ms = find_mentions_es(
        "Llegó el embajador canadiense Paul Roy y la canciller mexicana, Eva Gil."
    )
    got = {m.name: (m.post, m.country) for m in ms}
    assert got == {"Paul Roy": ("embajador canadiense", "CA"),
                   "Eva Gil": ("canciller mexicana", "MX")}


def test_embassies_cities_and_agencies_are_organizations() -> None:
    rec = run(
        f"{EN_EVENT} Staff of the U.S. Embassy in Ottawa, the Embassy of Mexico in Lima, the "
        "City of Nogales and the Coast Guard attended."
    )
    names = {o.name for o in rec.organizations}
    assert any(n.startswith("U.S. Embassy") for n in names)
    assert any(n.startswith("Embassy of Mexico") for n in names)
    assert "City of Nogales" in names
    assert any("Coast Guard" in n for n in names)
