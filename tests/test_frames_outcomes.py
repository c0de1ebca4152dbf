"""The outcome, port and link frames, in English and Spanish, on phrasings written here (not
taken from the corpus)."""

from __future__ import annotations

import pytest

from bordergraph.ingest.extract.events import EventMention
from bordergraph.ingest.extract.eventset import EventSet
from bordergraph.ingest.extract.links import link
from bordergraph.ingest.extract.outcome_frames import frame_outcomes
from bordergraph.ingest.extract.outcome_lists import list_leads
from bordergraph.ingest.extract.outcomes import frame_type, sentence_outcomes
from bordergraph.ingest.extract.ports import merge, sentence_ports
from bordergraph.ingest.extract.sentences import Sentence


def outcomes(text: str, lang: str, lead: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(c.name, c.relation, frame_type(c, lang)) for c in frame_outcomes(text, lang, lead)]


# ---------------------------------------------------------------- outcomes: verb + object


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The two agencies signed a memorandum of understanding on cargo inspections.",
            "en",
            ("memorandum of understanding", "signed", "Agreement"),
        ),
        (
            "The ministers adopted the Regional Water Action Plan at the close of the session.",
            "en",
            ("Regional Water Action Plan", "adopted", "ActionPlan"),
        ),
        (
            "The delegations reviewed the draft Binational Customs Strategy and asked for changes.",
            "en",
            ("Binational Customs Strategy", "reviewed", "Strategy"),
        ),
        (
            "Both governments established a joint technical working group on bridge permits.",
            "en",
            ("joint technical working group", "launched", "Committee"),
        ),
        (
            "Last spring the partners launched Operation Lantern, a joint initiative against "
            "cargo theft.",
            "en",
            ("Operation Lantern", "launched", "Commitment"),
        ),
        (
            "Los secretarios firmaron el Convenio de Cooperación Aduanera en la sede de la "
            "cancillería.",
            "es",
            None,  # read by the Spanish patterns; the frame adds nothing new
        ),
        (
            "Se adoptó la Estrategia Binacional de Cruces Seguros, que guiará el trabajo del año.",
            "es",
            ("Estrategia Binacional de Cruces Seguros", "adopted", "Strategy"),
        ),
        (
            "En la reunión se revisó la ampliación del puente vehicular de la zona centro, que "
            "concluirá en 2027.",
            "es",
            (
                "ampliación del puente vehicular de la zona centro",
                "reviewed",
                "InfrastructureProject",
            ),
        ),
        (
            "Quedó instalado un Comité Técnico de Puentes Fronterizos con representantes de "
            "ambos países.",
            "es",
            ("Comité Técnico de Puentes Fronterizos", "launched", "Committee"),
        ),
    ],
)
def test_verb_object(text: str, lang: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = outcomes(text, lang)
    if expected is None:
        assert all(kind for _, _, kind in found)
    else:
        assert expected in found


def test_passive_and_reduced_relative() -> None:
    assert ("binational coordinating body", "launched", "Committee") in outcomes(
        "A binational coordinating body was set up to follow the projects.", "en"
    )
    assert ("joint declaration", "adopted", "Declaration") in outcomes(
        "A joint declaration issued after the talks listed five goals.", "en"
    )


def test_quoted_title_names_the_statement() -> None:
    assert outcomes(
        'The leaders issued a joint statement, "Safer Crossings for a Shared Region," '
        "at the end of the day.",
        "en",
    ) == [("Safer Crossings for a Shared Region", "adopted", "Declaration")]


def test_including_gives_the_items_the_verb() -> None:
    found = outcomes(
        "Se analizaron nueve proyectos, entre ellos la modernización de la garita de Naco.",
        "es",
    )
    assert ("modernización de la garita de Naco", "reviewed", "InfrastructureProject") in found


def test_back_references_and_negations_are_no_outcome() -> None:
    assert outcomes("Officials listed what has changed since the Strategy was adopted.", "en") == []
    assert outcomes("Two counties have not signed an agreement yet.", "en") == []


# ---------------------------------------------------------------- outcomes: lists


def _sents(lines: list[tuple[str, int]]) -> list[Sentence]:
    return [Sentence(t, 0, len(t), para) for t, para in lines]


def test_numbered_list_after_a_lead() -> None:
    sents = _sents(
        [
            ("The documents signed by the ministers are:", 0),
            ("1. the Border Health Protocol, which sets common alerts;", 1),
            ("2.", 1),
            ("A Memorandum of Understanding on Seasonal Workers.", 1),
            ("The visit ended with a lunch.", 2),
        ]
    )
    leads = list_leads(sents)
    assert leads[1] == leads[3] == "The documents signed by the ministers are:"
    assert leads[4] is None
    assert ("Border Health Protocol", "signed", "Agreement") in outcomes(
        sents[1].text, "en", leads[1]
    )
    assert ("Memorandum of Understanding on Seasonal Workers", "signed", "Agreement") in (
        outcomes(sents[3].text, "en", leads[3])
    )


def test_commitment_list_items_and_clauses() -> None:
    lead = "THE PARTNERS COMMITTED TO"
    assert outcomes("1. A shared registry of seized precursors.", "en", lead) == [
        ("shared registry", "adopted", "Commitment")
    ]
    # an item that is a clause about its subject names no outcome by its subject
    assert outcomes("2. The three agencies will meet again in spring.", "en", lead) == []


def test_lettered_items_in_one_sentence() -> None:
    lead = "Las delegaciones revisaron los proyectos siguientes:"
    found = outcomes(
        "a) la construcción del puente Ojinaga–Presidio; b) la ampliación de la garita de "
        "Tecate, y c) el nuevo cruce de carga de Sásabe.",
        "es",
        lead,
    )
    names = [n for n, rel, _ in found if rel == "reviewed"]
    assert "construcción del puente Ojinaga–Presidio" in names
    assert "ampliación de la garita de Tecate" in names
    assert any(n.endswith("cruce de carga de Sásabe") for n in names)


# ---------------------------------------------------------------- ports


def ports(text: str, home: str | None, lang: str = "en") -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in merge(sentence_ports(text, 0, home, lang))]


def test_gazetteer_names_anywhere() -> None:
    assert ports("Wait times at San Ysidro fell by a third last month.", "US") == [
        ("San Ysidro", "US")
    ]
    assert ports("La Garita de Otay registró menos cruces en marzo.", "MX", "es") == [
        ("Garita de Otay", "MX")
    ]


def test_bare_city_needs_a_crossing_noun() -> None:
    assert ports("The mayor of Laredo spoke at the luncheon.", "US") == []
    assert ports("New cargo lanes open at the bridges in Laredo and Eagle Pass, Texas.", "US") == [
        ("Laredo", "US"),
        ("Eagle Pass", "US"),
    ]
    assert ports("Se ampliarán los cruces: Nogales, en Arizona, y Calexico.", "MX", "es") == [
        ("Nogales", "US"),
        ("Calexico", "US"),
    ]


def test_paired_crossing_one_port_per_side() -> None:
    assert ports("Traffic resumed at the Presidio-Ojinaga International Bridge.", "US") == [
        ("Presidio", "US"),
        ("Ojinaga", "MX"),
    ]
    assert ports("Se inauguró el cruce internacional Sásabe–El Sásabe.", "MX", "es") == [
        ("Sásabe", "US"),
        ("El Sásabe", "MX"),
    ]


def test_counterpart_and_alias() -> None:
    found = ports(
        "They toured the Mariposa crossing, known on the Mexican side as Nogales III.", "US"
    )
    assert ("Nogales III", "MX") in found
    found = ports(
        "Reabrieron los puentes de Eagle Pass y El Paso, Texas —frente a Piedras Negras, "
        "Coahuila, y Ciudad Juárez, Chihuahua—.",
        "MX",
        "es",
    )
    assert ("Piedras Negras", "MX") in found and ("Eagle Pass", "US") in found


def test_unknown_name_by_its_suffix() -> None:
    assert ports("The county will build the Rio Verde International Bridge.", "US") == [
        ("Rio Verde International Bridge", "US")
    ]


# ---------------------------------------------------------------- links


def _es(mentions: list[EventMention], main: int = 0) -> EventSet:
    es = EventSet(events=list(mentions), main=main)
    for i, m in enumerate(mentions):
        es.index[(m.sent, i)] = i
        es._mentions[(m.sent, i)] = m
    return es


def test_cue_links_the_event_before_to_the_one_after() -> None:
    text = "The plenary follows up on the March summit of the two presidents."
    a = EventMention(0, 4, 12, "plenary", type="Meeting")
    b = EventMention(0, 30, 64, "March summit", type="Summit")
    es = _es([a, b])
    link(es, [Sentence(text, 0, len(text), 0)], "en")
    assert [(x, y) for x, y, _ in es.links] == [(0, 1)]


def test_spanish_cue_with_the_paragraph_event() -> None:
    s0 = "La reunión plenaria se celebró ayer en Tijuana."
    s1 = "Como se convino en la cumbre de enero, se revisaron los cruces."
    a = EventMention(0, 3, 20, "reunión plenaria", type="Meeting")
    b = EventMention(1, 21, 37, "cumbre de enero", type="Summit")
    es = _es([a, b])
    link(es, [Sentence(s0, 0, len(s0), 0), Sentence(s1, 0, len(s1), 0)], "es")
    assert [(x, y) for x, y, _ in es.links] == [(0, 1)]


def test_earlier_session_and_next_session_of_the_series() -> None:
    s0 = "The fifth session of the Ports Council met today; the fourth session met in May."
    s1 = "The next session of the Council will meet in the fall."
    main = EventMention(0, 4, 37, "fifth session", ordinal=5, series_key="pc")
    earlier = EventMention(0, 52, 66, "fourth session", ordinal=4, series_key="pc")
    nxt = EventMention(1, 4, 35, "next session of the Council", series_key="pc", future=True)
    es = _es([main, earlier, nxt])
    link(es, [Sentence(s0, 0, len(s0), 0), Sentence(s1, 0, len(s1), 1)], "en")
    assert sorted((x, y) for x, y, _ in es.links) == [(0, 1), (2, 0)]


def test_items_opening_with_a_verb() -> None:
    lead_en = "The ministers agreed to:"
    assert outcomes("- set up a task force on cargo inspections;", "en", lead_en) == [
        ("task force", "launched", "WorkingGroup")
    ]
    assert outcomes("- expand cargo lanes at the Columbus crossing.", "en", lead_en) == [
        ("expand cargo lanes at the Columbus crossing", "adopted", "Commitment")
    ]
    assert outcomes("- keep talking.", "en", lead_en) == []
    lead_es = "Se acordó:"
    assert outcomes("1. Crear un grupo de trabajo sobre puentes ferroviarios.", "es", lead_es) == [
        ("grupo de trabajo sobre puentes ferroviarios", "launched", "Committee")
    ]
    assert outcomes(
        "2. Ampliar el horario de la garita de Naco, con apoyo estatal.", "es", lead_es
    ) == [("Ampliar el horario de la garita de Naco", "adopted", "Commitment")]


def test_model_cue_in_spanish() -> None:
    text = "El convenio de Nogales sigue el modelo de la firma celebrada en marzo en Tecate."
    a = EventMention(0, 3, 22, "convenio de Nogales", type="Signing")
    b = EventMention(0, 40, 78, "firma celebrada en marzo en Tecate", type="Signing")
    es = _es([a, b])
    link(es, [Sentence(text, 0, len(text), 0)], "es")
    assert [(x, y) for x, y, _ in es.links] == [(0, 1)]


def test_nominal_forms_of_the_verbs() -> None:
    assert ("Coastal Sanitation Agreement", "signed", "Agreement") in outcomes(
        "The visit closed with the signing of the Coastal Sanitation Agreement.", "en"
    )
    assert ("Comité de Cruces Seguros", "launched", "Committee") in outcomes(
        "La reunión concluyó con la instalación del Comité de Cruces Seguros.", "es"
    )


def test_items_of_a_review_name_projects() -> None:
    lead = "En la sesión se revisaron tres obras:"
    found = outcomes(
        '1. la ampliación del Puente Internacional II "Solidaridad", que une dos ciudades, y '
        "2. la construcción del Puente Internacional 7/8, entre las dos riberas.",
        "es",
        lead,
    )
    assert ("ampliación del Puente Internacional II", "reviewed", "InfrastructureProject") in found
    assert ("construcción del Puente Internacional 7/8", "reviewed", "InfrastructureProject") in (
        found
    )
    assert outcomes("3. Modernizar el paso de Naco y sus accesos.", "es", lead) == [
        ("Modernizar el paso de Naco y sus accesos", "reviewed", "InfrastructureProject")
    ]


# ---------------------------------------------------------------- outcomes: one reader


def read(text: str, lang: str, lead: str | None = None) -> list[tuple[str, str | None, str]]:
    """What the one sentence reader of both languages finds, all of it at event 0."""
    ev = [(EventMention(0, 0, 1, "x", type="Meeting"), 0)]
    return [(o.name, o.relation, o.type) for o in sentence_outcomes(text, ev, 0, lang, lead, 0)]


def test_body_set_up_needs_no_name() -> None:
    text = "Los equipos acordaron crear un grupo de trabajo sobre carga refrigerada que sesionará."
    assert read(text, "es") == [
        ("grupo de trabajo sobre carga refrigerada", "launched", "Committee")
    ]
    text = "En la sesión se dio seguimiento a los acuerdos de la tercera reunión del Consejo."
    assert read(text, "es") == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (  # a place between the verb and its object
            "Los titulares firmaron en Ciudad Juárez el Memorándum de Entendimiento sobre Carga.",
            "es",
            ("Memorándum de Entendimiento sobre Carga", "signed", "Agreement"),
        ),
        (  # a time between the verb and its object
            "Ambas agencias suscribieron hoy el Protocolo de Inspección Conjunta.",
            "es",
            ("Protocolo de Inspección Conjunta", "signed", "Agreement"),
        ),
        (  # a quoted title after a definite head
            'Los secretarios suscribieron el plan de trabajo "Ríos Limpios del Norte", en Sonora.',
            "es",
            ("Ríos Limpios del Norte", "signed", "ActionPlan"),
        ),
        (
            'The ministers issued the joint statement "Shared Border, Shared Future" on Friday.',
            "en",
            ("Shared Border, Shared Future", "adopted", "Declaration"),
        ),
        (  # a signed declaration named with a participle after a comma
            "El plan retoma la Declaración de Nogales sobre Agua, firmada por ambos gobiernos.",
            "es",
            ("Declaración de Nogales sobre Agua", "signed", "Declaration"),
        ),
        (  # the relative clause: what the event named after it adopted
            "They reviewed the Rio Grande Framework, which the two governments adopted last year.",
            "en",
            ("Rio Grande Framework", "reviewed", "Framework"),
        ),
    ],
)
def test_one_reader_both_languages(text: str, lang: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in read(text, lang)


def test_an_indefinite_mention_gives_way_to_its_full_name() -> None:
    # "una declaración sobre ...": kept, unless the release names it in full at the same event
    assert read("Los cancilleres firmaron una declaración sobre pesca ribereña.", "es")[0][0] == (
        "declaración sobre pesca ribereña"
    )
    assert read("The chiefs signed a memorandum of understanding on rail cargo.", "en") == [
        ("memorandum of understanding", "signed", "Agreement")
    ]


def test_undertakings_in_both_languages() -> None:
    found = read("Las partes acordaron ampliar el puerto fronterizo de Naco antes de 2026.", "es")
    assert ("puerto fronterizo de Naco", "adopted", "Commitment") in found
    found = read("The governors committed to build a second rail bridge at Presidio.", "en")
    assert ("build a second rail bridge at Presidio", "adopted", "Commitment") in found
    # a general promise to keep working together is no outcome
    assert read("The two sides committed to keep working with Mexico City.", "en") == []


def test_items_opening_with_an_infinitive() -> None:
    lead = "Entre los acuerdos destacan:"
    assert read(
        "- Instalar un grupo de trabajo de aduanas para el intercambio de datos", "es", lead
    ) == [("grupo de trabajo de aduanas", "launched", "Committee")]
    [(name, relation, kind)] = read("- Organizar un foro de cruces seguros en Tijuana", "es", lead)
    assert name.endswith("foro de cruces seguros en Tijuana")
    assert (relation, kind) == ("adopted", "Commitment")


def test_an_indefinite_lower_case_object_is_a_mention() -> None:
    assert frame_outcomes("Both sides signed an agreement on rail safety.", "en")[0].mention
    assert not frame_outcomes("Both sides signed the Rail Safety Agreement.", "en")[0].mention
    # a body set up is not named again
    assert not frame_outcomes("Acordaron crear un grupo de trabajo sobre ferrocarriles.", "es")[
        0
    ].mention


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The delegations agreed to: (1) create a task force on cargo theft; (2) expand "
            "FAST lanes at Pharr; and (3) sign a Memorandum of Understanding on Rail Security.",
            "en",
        ),
        (
            "Los equipos acordaron: a) crear un grupo de trabajo sobre robo de carga; b) ampliar "
            "los carriles FAST en Pharr, y c) firmar un Memorándum de Entendimiento sobre "
            "Seguridad Ferroviaria.",
            "es",
        ),
    ],
)
def test_lead_and_items_in_one_sentence(text: str, lang: str) -> None:
    found = [(c.relation, c.kind) for c in frame_outcomes(text, lang)]
    assert [r for r, _ in found] == ["launched", "adopted", "signed"]
    assert found[1][1] == "Commitment"


def test_a_colon_before_topics_opens_no_list() -> None:
    text = "Adoptaron una agenda que agrupa sus compromisos en tres ejes: 1) agua; 2) energía."
    assert frame_outcomes(text, "es") == []


def test_a_signing_during_a_session_is_part_of_it() -> None:
    from bordergraph.ingest.extract.outcomes import _session_of

    es = EventSet()
    es.events = [
        EventMention(
            0, 0, 1, "third session of the Rail Council", type="Meeting", date="2024-05-02"
        ),
        EventMention(1, 0, 1, "signing of the Rail Safety Agreement", type="Signing"),
    ]
    es.main = 0
    assert _session_of(1, es, "At the session they signed the Rail Safety Agreement.") == 0
    # a signing of another year is an event of its own
    assert _session_of(1, es, "In 1998 the two ministries signed the Rail Safety Agreement.") == 1
    es.events[0].type = "Visit"  # a visit's signing ceremony stays apart
    assert _session_of(1, es, "During the visit they signed the Rail Safety Agreement.") == 1


def test_what_an_earlier_event_did() -> None:
    ev = [(EventMention(0, 0, 1, "x", type="Meeting"), 0), (EventMention(0, 70, 80, "y"), 1)]
    text = "En la sesión se revisó el Plan Binacional de Aguas, adoptado en la segunda ronda."
    found = [(o.name, o.relation, o.event) for o in sentence_outcomes(text, ev, 0, "es", None, 0)]
    assert ("Plan Binacional de Aguas", "adopted", 1) in found


@pytest.mark.parametrize(
    ("text", "lang", "lead", "expected"),
    [
        (  # a speaker of a transcript
            "Hoy firmamos el Convenio de Inspección Ferroviaria.",
            "es",
            None,
            ("Convenio de Inspección Ferroviaria", "signed", "Agreement"),
        ),
        (  # a possessive before the name
            "The members approved the council's 2026 work plan on Tuesday.",
            "en",
            None,
            ("2026 work plan", "approved", "ActionPlan"),
        ),
        (  # an amount committed
            "- committed $12 million for new scanners at the Anzalduas bridge.",
            "en",
            "Among the outcomes:",
            ("$12 million for new scanners at the Anzalduas bridge", "adopted", "Commitment"),
        ),
        (
            "- hold a joint rescue drill at the Del Rio bridge.",
            "en",
            "The agencies agreed to:",
            ("hold a joint rescue drill at the Del Rio bridge", "adopted", "Commitment"),
        ),
    ],
)
def test_more_outcome_forms(text: str, lang: str, lead: str | None, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in read(text, lang, lead)


def test_meeting_again_is_no_undertaking() -> None:
    assert read("They agreed to hold the fourth session in Monterrey in 2026.", "en") == []
    assert read("They agreed to meet again in Monterrey in March 2026.", "en") == []
    assert read("Acordaron celebrar la próxima reunión en Saltillo en 2026.", "es") == []


@pytest.mark.parametrize(
    ("lead", "item", "lang", "name"),
    [
        (
            "The council reviewed progress on two priority projects:",
            "1. the rebuilding of the Tecate port of entry, with new booths;",
            "en",
            "rebuilding of the Tecate port of entry",
        ),
        (
            "Se revisaron los avances de tres proyectos:",
            "a) el segundo cuerpo del puente Reynosa–Pharr, que abrirá en 2027;",
            "es",
            "segundo cuerpo del puente Reynosa–Pharr",
        ),
    ],
)
def test_items_of_a_list_of_projects(lead: str, item: str, lang: str, name: str) -> None:
    found = read(item, lang, lead)
    assert found and found[0][1:] == ("reviewed", "InfrastructureProject")
    assert found[0][0].endswith(name.split(" ", 1)[1])


def test_the_release_names_itself() -> None:
    assert ("Joint Statement", "adopted", "Declaration") in read(
        "Both delegations issued this Joint Statement as a record of the session.", "en"
    )
    # "the Framework" is an outcome named before
    assert read("Both delegations reviewed the Framework.", "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        (
            "The ministers set up two task forces: on cargo theft and on rail safety.",
            "en",
            ["task force on cargo theft", "task force on rail safety"],
        ),
        (
            "Se instalaron dos mesas de trabajo: sobre aduanas y sobre migración.",
            "es",
            ["mesa de trabajo sobre aduanas", "mesa de trabajo sobre migración"],
        ),
    ],
)
def test_one_outcome_per_item_of_a_plural_object(text: str, lang: str, names: list[str]) -> None:
    assert [c.name for c in frame_outcomes(text, lang)] == names


def test_an_earlier_event_is_no_context() -> None:
    from bordergraph.ingest.extract.outcomes import context_events

    es = EventSet()
    es.events = [
        EventMention(0, 0, 5, "ministerial meeting", type="Meeting", date="2024-06-10"),
        EventMention(1, 60, 70, "meeting in Tijuana", type="Summit", date="2023-11"),
    ]
    es.main = 0
    es.index = {(0, 0): 0, (1, 0): 1}
    es._mentions = {(0, 0): es.events[0], (1, 0): es.events[1]}
    sents = [
        Sentence("The ministerial meeting opened in Ottawa.", 0, 40, 0),
        Sentence(
            "They measured progress on the goals set when the leaders met in Tijuana.", 41, 110, 1
        ),
        Sentence("A coordinating body was set up.", 111, 140, 1),
    ]
    assert context_events(sents, es, [None, None, None])[2] == 0


def test_commitment_items_opening_with_a_capital() -> None:
    lead = "THE TWO AGENCIES COMMITTED TO"
    [found] = frame_outcomes("3. Wider use of shared X-ray images at Laredo.", "en", lead)
    assert found.name.startswith("Wider use") and found.kind == "Commitment"
    # a clause about its subject, passive or not, names no outcome
    assert frame_outcomes("4. Smugglers will be treated as businesses.", "en", lead) == []


def test_signed_on_a_date_is_what_that_signing_did() -> None:
    ev = [
        (EventMention(0, 0, 10, "x", type="Meeting"), 0),
        (EventMention(0, 40, 95, "signing of the Rail Safety Accord", type="Signing"), 1),
    ]
    text = "The talks drew on the Rail Safety Accord, signed on May 4 by both ministries."
    found = [(o.name, o.relation, o.event) for o in sentence_outcomes(text, ev, 0, "en", None, 0)]
    assert ("Rail Safety Accord", "signed", 1) in found


def test_spanish_future_undertakings() -> None:
    found = read(
        "En el curso del año se abrirán cuatro nuevos carriles FAST en Mesa de Otay.", "es"
    )
    assert found and found[0][1:] == ("adopted", "Commitment")
    assert "carriles FAST en Mesa de Otay" in found[0][0]
    # a body to be set up is launched, not an undertaking
    assert read("Se instalará un grupo de trabajo sobre carga.", "es") == [
        ("grupo de trabajo sobre carga", "launched", "Committee")
    ]


def test_a_restated_commitment_is_no_new_outcome() -> None:
    assert (
        read("The ministers reaffirmed their commitment to the Rio Bravo Water Fund.", "en") == []
    )
    found = read("The ministers made a commitment to build a rail bridge at Presidio.", "en")
    assert found == [("build a rail bridge at Presidio", "adopted", "Commitment")]


def test_a_cue_clause_with_a_participle_is_a_backdrop_in_spanish() -> None:
    from bordergraph.ingest.extract.links import backdrop

    s0 = "La reunión plenaria se celebró ayer en Tijuana."
    s1 = "Derivado de la sesión anterior, celebrada en mayo, se revisaron los cruces."
    a = EventMention(0, 3, 20, "reunión plenaria", type="Meeting")
    b = EventMention(1, 15, 30, "sesión anterior", type="Meeting")
    es = _es([a, b])
    backdrop(es, [Sentence(s0, 0, len(s0), 0), Sentence(s1, 0, len(s1), 0)], "es")
    assert (1, 1) not in es.index  # the sentence tells what the plenary did
