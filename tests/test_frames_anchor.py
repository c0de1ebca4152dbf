"""Same-day anchors: "later that day", "horas antes", "posteriormente" take the day they hang on."""

from bordergraph.ingest.extract.dates import anchor_same_day, find_dates


def _anchored(texts: list[str], lang: str, issued: str) -> list[list[str]]:
    found = [find_dates(t, lang, int(issued[:4]), issued) for t in texts]
    anchor_same_day(texts, found, issued, lang)
    return [[d.value for d in ds if d.precision == "relative"] for ds in found]


def test_en_later_that_day_takes_the_previous_day() -> None:
    texts = [
        "The governors toured the cargo lanes on Monday, June 3.",
        "Later that day, they met customs officers at the bridge.",
    ]
    assert _anchored(texts, "en", "2024-06-05")[1] == ["2024-06-03"]


def test_es_horas_antes_takes_the_previous_day() -> None:
    texts = [
        "El 14 de mayo los alcaldes inauguraron el nuevo carril en la garita.",
        "Horas antes, ambos sostuvieron una reunión privada en el ayuntamiento.",
    ]
    assert _anchored(texts, "es", "2024-05-16")[1] == ["2024-05-14"]


def test_es_backdrop_of_another_year_is_not_the_anchor() -> None:
    texts = [
        "Este martes los secretarios firmaron un acuerdo de aduanas.",
        "El acuerdo renueva el que firmaron el 3 de marzo de 2015.",
        "Más tarde, los secretarios visitaron el puerto.",
    ]
    assert _anchored(texts, "es", "2021-10-12")[2] == ["2021-10-12"]


def test_en_a_month_last_named_leaves_the_day_unknown() -> None:
    texts = [
        "The commissioner opened the new lanes on April 2.",
        "During last month's visit, the delegation met port directors; afterwards, it toured"
        " a lab.",
    ]
    assert _anchored(texts, "en", "2023-05-10")[1] == []


def test_en_afterwards_without_a_previous_day_takes_none() -> None:
    assert _anchored(["Afterwards, the two teams had lunch."], "en", "2023-05-10") == [[]]


def _events(body: str, lang: str, issued: str) -> list[tuple[str | None, str | None]]:
    from bordergraph.ingest.extract import extract
    from bordergraph.records import ReleaseText, Source

    rec = extract(ReleaseText("x.txt", body, Source(issued=issued, language=lang), "0"))
    return [(e.type, e.date) for e in rec.events]


def test_es_chaired_ceremony_that_formalises_is_a_dated_signing() -> None:
    body = (
        "Nogales, 9 de mayo de 2023.\n\nEste martes, en la explanada de la aduana, el gobernador "
        "Ramiro Ortega Luna y el cónsul estadounidense Peter Walsh presidieron la ceremonia con "
        "la que ambas partes formalizaron un programa conjunto de inspección."
    )
    assert ("Signing", "2023-05-09") in _events(body, "es", "2023-05-09")


def test_en_chaired_ceremony_that_formalises_is_a_dated_signing() -> None:
    body = (
        "May 9, 2023\n\nNOGALES, Ariz. — Today, Governor Martha Reyes and Mexican Consul Luis "
        "Garza Peña presided over the ceremony at which both sides formalized a joint "
        "inspection program."
    )
    assert ("Signing", "2023-05-09") in _events(body, "en", "2023-05-09")


def test_es_chairing_the_session_already_told_adds_no_event() -> None:
    body = (
        "Tijuana, 9 de mayo de 2023.\n\nEste martes, el alcalde Tomás Ruiz Vega se reunió con "
        "el cónsul estadounidense Peter Walsh. Los recibió el gobernador Ramiro Ortega Luna, "
        "quien presidió la sesión."
    )
    assert len(_events(body, "es", "2023-05-09")) == 1


def test_es_cochaired_forum_named_by_its_name_is_dated_by_hoy() -> None:
    body = (
        "Mexicali, 4 de abril de 2022.\n\nLa gobernadora Irma Castro Peña y el cónsul "
        "estadounidense John Reed copresidieron hoy en esta ciudad el Foro de Cruces Verdes, "
        "convocado para revisar los proyectos de la garita."
    )
    # a forum outside any series is a bilateral meeting (as the corpus gold reads it)
    assert ("BilateralMeeting", "2022-04-04") in _events(body, "es", "2022-04-04")


def test_es_leading_the_delegation_is_no_ceremony() -> None:
    from bordergraph.ingest.extract.ceremonies import _pattern

    pat = _pattern("es")
    assert pat is not None
    assert pat.search("encabezó a la delegación mexicana en la sesión de trabajo") is None


def test_es_a_month_of_another_year_written_out_is_a_backdrop() -> None:
    texts = [
        "El consejo sesionó este jueves, dos años después de su creación en marzo de 2019.",
        "Horas antes, los alcaldes recorrieron el puente.",
    ]
    assert _anchored(texts, "es", "2021-06-10")[1] == ["2021-06-10"]
