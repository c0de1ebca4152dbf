"""Spanish frames of who took part, and of the release's own event, on wording written for
this test: datelines with abbreviated places, plural posts with their complement before the
names, verb-first passive signings, witnesses, a session named as the setting of the lead's
event, and passive chairs whose list ends at "contó con la participación de".

Every phrasing here is written for the test; none is copied from a release or the validation set.
"""

from __future__ import annotations

from bordergraph.ingest.extract.people_es import find_mentions_es
from bordergraph.ingest.extract.pipeline_es import _body_dateline, extract_es
from bordergraph.records import ReleaseText, Source


def _run(body: str, issued: str | None = "2023-03-10"):  # type: ignore[no-untyped-def]
    return extract_es(ReleaseText("t.txt", body, Source(issued=issued, language="es"), "0"))


def _role_types(rec) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    return {p.name: {r.role for r in p.roles} for p in rec.people}


def test_dateline_with_abbreviated_places() -> None:
    assert _body_dateline("Tijuana, B.C., 7 de febrero de 2023.- Los cónsules ...") == "2023-02-07"
    assert _body_dateline("SAN LUIS, Son. (Agencia), 3 de mayo de 2021.- Se ...") == "2021-05-03"
    assert _body_dateline("Washington, D.C., a 2 de abril de 2020.- La ...") == "2020-04-02"
    assert _body_dateline("Ciudad de México. 9 de enero de 2024.- El ...") == "2024-01-09"
    assert _body_dateline("Los alcaldes de Yuma, Arizona, y de San Luis, 3 de mayo") is None


def test_dateline_dates_a_weekday_in_the_lead() -> None:
    body = (
        "Laredo, Tamps., 16 de marzo de 2023.- El alcalde de Nuevo Laredo, Óscar Ruiz Vela, y la "
        "alcaldesa de Laredo, Texas, Ana Brett, se reunieron este martes en el puente "
        "internacional para revisar los horarios de cruce."
    )
    rec = _run(body, None)
    assert rec.events and rec.events[0].date == "2023-03-14"


def test_plural_post_with_its_complement_before_the_names() -> None:
    found = find_mentions_es(
        "Los alcaldes de Douglas, Arizona, y Agua Prieta, Sonora, Luis Ríos Mena y Paula Cota "
        "Soto, recorrieron la obra."
    )
    got = [(m.name, m.post, m.country) for m in found]
    assert ("Luis Ríos Mena", "alcalde de Douglas, Arizona", "US") in got
    assert ("Paula Cota Soto", "alcalde de Agua Prieta, Sonora", "MX") in got


def test_plural_post_with_a_share_before_each_name() -> None:
    found = find_mentions_es(
        "Los cancilleres de Guatemala, Irma Solís Pérez; de Canadá, Noah Grant, y de México, "
        "Jaime Roca Luna, asistieron al foro."
    )
    got = {m.name: m.country for m in found}
    assert got == {"Irma Solís Pérez": "GT", "Noah Grant": "CA", "Jaime Roca Luna": "MX"}


def test_verb_first_passive_signing_and_its_signers() -> None:
    rec = _run(
        "Ciudad de México, 10 de marzo de 2023.- En el marco de la 9.ª Reunión del Consejo "
        "Fronterizo del Agua, fue suscrito hoy un Convenio de Colaboración para el Saneamiento "
        "del Río Bravo. Lo firmaron el director de la Comisión del Agua, Pablo Ureña Díaz, y la "
        "comisionada estadounidense, Helen Ward. Atestiguaron la firma el cónsul Mario Ibarra "
        "Gil y la diputada Rosa Lima Tapia."
    )
    signing = next(e for e in rec.events if e.type == "Signing")
    assert signing.date == "2023-03-10"
    roles = {p.name: {(r.event, r.role) for r in p.roles} for p in rec.people}
    assert (signing.key, "signatory") in roles["Pablo Ureña Díaz"]
    assert (signing.key, "signatory") in roles["Helen Ward"]
    assert (signing.key, "participant") in roles["Mario Ibarra Gil"]


def test_passive_chair_list_ends_at_a_participation_clause() -> None:
    rec = _run(
        "La reunión técnica de este jueves fue presidida por la directora de Aduanas, Irene "
        "Solano Paz, y contó con la participación del cónsul general de Estados Unidos en "
        "Monterrey, Paul Kerr, y del alcalde de Reynosa, Hugo Lara Ponce."
    )
    roles = _role_types(rec)
    assert "chair" in roles["Irene Solano Paz"]
    assert "chair" not in roles["Paul Kerr"] and "participant" in roles["Paul Kerr"]


def test_session_led_by_is_delegation_heads() -> None:
    rec = _run(
        "Este jueves se instaló la Mesa Binacional de Cruces Seguros, en una sesión encabezada "
        "por la subsecretaria de Comercio, Laura Ibáñez Ruiz, y por el subsecretario adjunto de "
        "Estado, Tom Hale."
    )
    roles = _role_types(rec)
    assert "delegation_head" in roles["Laura Ibáñez Ruiz"]
    assert "delegation_head" in roles["Tom Hale"]


def test_lead_meeting_told_only_by_later_references() -> None:
    rec = _run(
        "Ottawa.— El subsecretario de Comercio, Jorge Luna Paz, acudió ayer a la sede del "
        "gobierno canadiense con la propuesta mexicana sobre corredores de carga.\n\n"
        "Al término de la reunión, la viceministra de Comercio, Anne Roy, afirmó que su "
        "gobierno estudiará la propuesta.",
        "2023-03-10",
    )
    main = rec.events[0]
    assert main.type == "BilateralMeeting" and main.date == "2023-03-09"
    roles = {p.name: {(r.event, r.role) for r in p.roles} for p in rec.people}
    assert (main.key, "speaker") in roles["Anne Roy"]


def test_a_receiving_verb_hangs_on_its_own_meeting() -> None:
    rec = _run(
        "La Mesa Fronteriza de Sonora celebró este jueves su reunión ordinaria en Hermosillo. "
        "Terminada la reunión, la gobernadora de Sonora, Inés Vela Ruiz, recibió al senador "
        "Tom Kerr en su despacho."
    )
    roles = {p.name: {(r.event, r.role) for r in p.roles} for p in rec.people}
    meeting = next(e for e in rec.events if "Kerr" in e.name or "Vela" in e.name)
    assert (meeting.key, "host") in roles["Inés Vela Ruiz"]


def test_visit_told_by_its_verb() -> None:
    rec = _run(
        "Con una reunión con empresarios concluyó la gira de trabajo que la gobernadora de "
        "Coahuila, Lucía Mora Tapia, realizó en Austin para promover el cruce de carga."
    )
    visit = next(e for e in rec.events if e.type == "Visit")
    assert visit.name.startswith("gira de trabajo") and visit.location == "Austin"
    roles = {p.name: {(r.event, r.role) for r in p.roles} for p in rec.people}
    assert (visit.key, "participant") in roles["Lucía Mora Tapia"]


def test_place_after_its_common_noun() -> None:
    from bordergraph.ingest.extract.event_parts_es import place

    assert place("sostuvo una reunión de trabajo en la ciudad de Laredo, Texas") == "Laredo, Texas"


def test_holding_a_meeting_is_no_speech_and_others_present() -> None:
    rec = _run(
        "El alcalde de Matamoros, Raúl Peña Solís, sostuvo este lunes un encuentro con la cónsul "
        "de Estados Unidos, Sara Bell. En el encuentro estuvieron también el director de "
        "Aduanas, Jorge Mena Ríos, y la regidora Ana Paz Lugo."
    )
    roles = _role_types(rec)
    assert "speaker" not in roles["Raúl Peña Solís"]
    assert roles["Jorge Mena Ríos"] == {"participant"}


def test_a_consul_takes_the_side_not_the_seat() -> None:
    rec = _run(
        "Este lunes se reunió en Mexicali el Comité de Cruces del Valle. Por parte de Estados "
        "Unidos asistieron el cónsul general en Mexicali, Dan Ford, y la alcaldesa de Calexico, "
        "Rosa Lee."
    )
    assert {p.name: p.country for p in rec.people}["Dan Ford"] == "US"


def test_what_is_told_at_the_end_of_a_meeting_takes_its_day() -> None:
    rec = _run(
        "Este martes se celebró en Nogales la segunda reunión del Comité de Puertos del "
        "Desierto. Al término de la reunión, las delegaciones firmaron una Carta de Intención "
        "sobre Carriles Exprés."
    )
    signing = next(e for e in rec.events if e.type == "Signing")
    assert signing.date == "2023-03-07"


def test_a_session_of_a_plain_dialogue_is_a_meeting() -> None:
    rec = _run(
        "Ayer se celebró en Yuma la cuarta sesión del Diálogo Fronterizo sobre Aguas Agrícolas."
    )
    assert rec.events[0].type == "Meeting"
    rec = _run("Ayer se celebró en Yuma la cuarta reunión del Diálogo de Alto Nivel sobre Aguas.")
    assert rec.events[0].type == "Dialogue"


def test_post_whose_organization_holds_commas() -> None:
    found = find_mentions_es(
        "Asistió el agregado de la Oficina de Pesca, Caza y Vida Silvestre (FWS) en México, "
        "Paul Grant, y la cónsul adjunta en Nogales, Eva Ruiz Gil."
    )
    got = {m.name: (m.post, m.country) for m in found}
    assert got["Paul Grant"][0].startswith("agregado de la Oficina de Pesca")
    assert got["Paul Grant"][1] != "MX"  # the seat of the mission, not the holder's country


def test_a_partner_country_in_a_post_is_not_the_holders() -> None:
    found = find_mentions_es(
        "Asistió el coordinador para Asuntos Aduaneros con Canadá del Departamento del "
        "Tesoro, Mary Olsen, y el director."
    )
    got = {m.name: m.country for m in found}
    assert "Mary Olsen" in got and got["Mary Olsen"] != "CA"


def test_counterpart_and_an_unknown_body_met_by_rank() -> None:
    rec = _run(
        "Ottawa, 9 de marzo de 2023.- La canciller Elena Vidal y su homóloga canadiense, Joan "
        "Tate, celebraron ayer la segunda reunión de la Alianza Norteamericana de Puertos.",
        None,
    )
    assert {p.name: p.country for p in rec.people}["Joan Tate"] == "CA"
    e = rec.events[0]
    assert (e.ordinal, e.type, e.date) == (2, "Meeting", "2023-03-08")


def test_a_meeting_outside_any_series_is_bilateral() -> None:
    rec = _run(
        "La reunión de trabajo, que se llevó a cabo este jueves en Piedras Negras, reunió a "
        "funcionarios de aduanas de ambos países."
    )
    assert rec.events and rec.events[0].type == "BilateralMeeting"


def test_a_visits_name_leaves_out_its_length() -> None:
    rec = _run(
        "La secretaria de Energía de Estados Unidos, Amy Cole, inició este lunes una visita de "
        "trabajo de tres días a Monterrey."
    )
    visit = next(e for e in rec.events if e.type == "Visit")
    assert "días" not in visit.name and visit.location == "Monterrey"


def test_the_visitor_takes_part_in_the_visit() -> None:
    rec = _run(
        "Durante la visita de Estado del primer ministro Paul Lemieux a Monterrey, ambos "
        "gobiernos firmaron un Acuerdo de Cooperación Aduanera. La gobernadora de Texas, Ann "
        "Ray, inició ayer una gira de trabajo por Coahuila."
    )
    roles = {p.name: {(r.event, r.role) for r in p.roles} for p in rec.people}
    visits = {e.key for e in rec.events if e.type == "Visit"}
    assert any((v, "participant") in roles["Paul Lemieux"] for v in visits)
    assert any((v, "participant") in roles["Ann Ray"] for v in visits)


def test_hosts_named_after_their_cue_and_paraphrased_speakers() -> None:
    rec = _run(
        "A invitación del gobernador de Arizona, Tom Reyes, la secretaria de Turismo, Luz Mena "
        "Ortiz, participó este jueves en la reunión anual de la Comisión Arizona-Sonora. Según "
        "Mena Ortiz, el turismo fronterizo creció 12 por ciento."
    )
    roles = _role_types(rec)
    assert "host" in roles["Tom Reyes"]
    assert "speaker" in roles["Luz Mena Ortiz"]


def test_a_meeting_named_by_its_own_day_is_an_earlier_one() -> None:
    rec = _run(
        "El gobernador de Sonora, Raúl Ibarra Paz, sostuvo hoy una reunión con la alcaldesa de "
        "Yuma, Kim Lowe, para revisar lo acordado en la reunión del pasado 2 de febrero en "
        "San Luis Río Colorado."
    )
    earlier = [e for e in rec.events if e.date == "2023-02-02"]
    assert earlier and earlier[0].location == "San Luis Río Colorado"
    assert any(e.date == "2023-03-10" for e in rec.events)
    assert all(r.event != earlier[0].key for p in rec.people for r in p.roles)


def test_the_leads_time_word_dates_its_meeting_before_another_day() -> None:
    body = (
        "Sesiona en Ojinaga la quinta reunión del Comité de Aduanas del Bravo\n\n"
        "Los integrantes del comité, que se instaló el 3 de febrero de 2020, trabajaron hoy en "
        "la agenda de carga y de peatones."
    )
    title = body.split("\n")[0]
    rec = extract_es(
        ReleaseText("t.txt", body, Source(issued="2023-03-10", language="es", title=title), "0")
    )
    assert rec.events and rec.events[0].date == "2023-03-10"


def test_verb_first_members_of_a_delegation() -> None:
    rec = _run(
        "La secretaria de Economía, Lía Mora Gil, recibió hoy a una delegación canadiense. "
        "Integraron la comitiva canadiense la ministra de Comercio, Ruth Kane; el viceministro "
        "de Transporte, Guy Roy, y la embajadora Ann Bell."
    )
    roles = _role_types(rec)
    assert {"Ruth Kane", "Guy Roy", "Ann Bell"} <= {
        n for n, r in roles.items() if "participant" in r
    }


def test_host_named_after_a_clitic_object() -> None:
    rec = _run(
        "La delegación de Sonora celebró ayer en Phoenix una reunión de trabajo sobre cruces. A "
        "la comitiva la recibió la gobernadora de Arizona, Joan Pike, en el Capitolio estatal."
    )
    assert "host" in _role_types(rec)["Joan Pike"]


def test_during_the_morning_is_the_issue_day() -> None:
    rec = _run(
        "Durante la mañana, los equipos de ambos gobiernos sostuvieron una serie de reuniones de "
        "trabajo en la sede de la Comisión de Límites."
    )
    assert rec.events and rec.events[0].date == "2023-03-10"


def test_a_transcript_label_with_a_note() -> None:
    rec = _run(
        "Participan: Jane Doe, secretaria de Energía de los Estados Unidos.\n\n"
        "Ciudad de México, 10 de marzo de 2023\n\n"
        "Las delegaciones sostuvieron hoy una reunión de trabajo en la Secretaría de Energía.\n\n"
        "SECRETARIA JANE DOE (interpretación del inglés): Gracias. Fue una buena reunión."
    )
    assert "speaker" in _role_types(rec).get("Jane Doe", set())


def test_host_in_a_relative_clause_with_an_object_pronoun() -> None:
    rec = _run(
        "Los alcaldes sostuvieron hoy una reunión de trabajo en Reynosa. Agradezco a la "
        "alcaldesa de Reynosa, Luisa Vera Soto, que nos recibió esta mañana en el Palacio "
        "Municipal."
    )
    assert "host" in _role_types(rec).get("Luisa Vera Soto", set())


def test_what_an_earlier_meeting_reached_is_built_on() -> None:
    rec = _run(
        "Los gobernadores de Chihuahua y Texas sostuvieron hoy una reunión de trabajo en El Paso "
        "para revisar lo avanzado desde el encuentro del pasado 14 de noviembre en Austin."
    )
    earlier = next(e for e in rec.events if e.date == "2022-11-14")
    assert any(link.to == earlier.key for link in rec.event_links)


def test_a_conversation_held_earlier_is_a_backdrop() -> None:
    rec = _run(
        "El canciller Juan Soto Rey y el embajador Tim Cole encabezaron hoy la reunión del Grupo "
        "de Puertos del Pacífico. El encuentro da seguimiento a la conversación que los "
        "presidentes Ana Ruiz Paz y John Hale sostuvieron en Ottawa en enero de 2022."
    )
    talk = next(e for e in rec.events if e.name.startswith("conversación"))
    assert talk.type == "BilateralMeeting" and talk.date == "2022-01"
    assert any(link.to == talk.key for link in rec.event_links)


def test_who_opened_the_proceedings_took_part() -> None:
    rec = _run(
        "Este jueves se celebró en Mexicali la tercera reunión del Comité de Aguas del Valle. "
        "Los trabajos fueron inaugurados por el alcalde de Mexicali, Luis Toro Gil."
    )
    assert _role_types(rec)["Luis Toro Gil"] == {"participant"}


def test_taking_the_floor_is_speaking() -> None:
    rec = _run(
        "Este jueves se celebró en Tecate la segunda reunión del Comité de Cruces de la Sierra. "
        "En la sesión tomó la palabra el alcalde de Tecate, Raúl Soto Lima."
    )
    assert "speaker" in _role_types(rec)["Raúl Soto Lima"]


def test_the_office_alone_refers_to_its_holder() -> None:
    rec = _run(
        "El gobernador de Coahuila, Raúl Peña Soto, encabezó este jueves la reunión del Consejo "
        "de Puentes del Norte. El Ejecutivo estatal destacó que las obras avanzan. La Oficina "
        "del Ejecutivo Estatal publicó la agenda."
    )
    assert "speaker" in _role_types(rec)["Raúl Peña Soto"]
    assert len(rec.people) == 1


def test_a_session_named_by_rank_alone_is_of_the_main_series() -> None:
    rec = _run(
        "Este jueves se celebró en Mexicali la segunda reunión del Grupo de Carga del Desierto. "
        "Las delegaciones convinieron en celebrar la tercera reunión en Yuma en octubre."
    )
    third = next(e for e in rec.events if e.ordinal == 3)
    assert third.series == "Grupo de Carga del Desierto"


def test_a_deputy_rank_is_a_us_post() -> None:
    found = {
        m.name: m.country
        for m in find_mentions_es(
            "Asistió la subsecretaria adjunta de Transporte, Lynn Gray, y el director adjunto de "
            "Aduanas, Pablo Ruiz Gil."
        )
    }
    assert found["Lynn Gray"] == "US"


def test_a_working_dinner_is_a_meeting() -> None:
    rec = _run(
        "La noche del jueves, el secretario de Marina, Luis Oca Paz, ofreció una cena de trabajo "
        "al almirante estadounidense Ray Dunn en el Club Naval de Ensenada."
    )
    assert any(e.type == "BilateralMeeting" and "cena" in e.name for e in rec.events)
    assert "host" in _role_types(rec)["Luis Oca Paz"]
