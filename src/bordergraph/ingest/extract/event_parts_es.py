"""Parts of a Spanish event mention: date, mode and place of a mention, the release's
dateline, openings ("inauguraron hoy la modernización del puerto fronterizo de ...") and a lead
that reports a meeting without naming it. Split from :mod:`.events_es` to keep modules small.

>>> mode("de manera presencial y a distancia"), place("celebrada en Washington, D.C., en 2021")
('hybrid', 'Washington, D.C.')
>>> dateline(["Imperial Beach, California, 18 de agosto de 2022"])
'Imperial Beach, California'
"""

from __future__ import annotations

import re
from functools import cache

from .dates import DateMention
from .events import EventMention
from .lexicon import alternation as alt
from .lexicon import load
from .people import Mention
from .text import country_of, state_country

CAP = r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ’'.-]*"
CAPNP = (
    rf"{CAP}(?:(?:\s+(?:de\s+la|de\s+las|de\s+los|del|de|sobre\s+la|sobre\s+el|sobre|para\s+la|"
    rf"para\s+el|para|y\s+la|y\s+el|y|e|en|entre|contra\s+el|contra\s+la|contra)\s+|\s+|[-–])"
    rf"(?:{CAP}|\d+))*(?:\s+\([A-Z]{{2,10}}\))?"
)


@cache
def _lex() -> dict:  # type: ignore[type-arg]
    return load("es", "events")


def lead_meeting(
    index: int, text: str, people: list[tuple[Mention, int]], dates: list[DateMention]
) -> EventMention | None:
    """A lead that names no event but reports a meeting ("La secretaria X recibió hoy al
    secretario Y en la Garita de El Chaparral"): a bilateral meeting of the people it names."""
    verbs = alt(_lex().get("meeting_verbs", []))
    m = re.search(rf"(?<![\wÀ-ÿ]){verbs}(?![\wÀ-ÿ])", text, re.I)
    who = list(dict.fromkeys(cid for _, cid in people if cid >= 0))
    if len(who) < 2 or not m:
        return _group_meeting(index, text, dates) or _noun_lead(index, text, dates)
    first = {cid: pm for pm, cid in reversed(people)}
    names = " y ".join(first[c].name or text[first[c].start : first[c].end] for c in who[:2])
    em = EventMention(
        index,
        m.start(),
        m.end(),
        f"reunión entre {names}",
        type="BilateralMeeting",
        persons=tuple(who[:2]),
        explicit=False,
    )
    attributes(em, text, dates, 0, len(text))
    em.location = em.location or place(text)
    return em


def told_visit(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    """ "concluyó la gira de trabajo que el gobernador ... realizó en Washington", "inició una
    visita oficial a Ottawa": a visit told by a verb before its noun or in its relative clause.
    Returns (end of its name, place) or None."""
    verbs = alt(_lex().get("visit_verbs", []))
    if not verbs:
        return None
    before = re.search(
        rf"(?<![\wÀ-ÿ]){verbs}\s+(?:(?:hoy|ayer|anoche|este\s+\w+)\s+)?(?:su|sus|la|el|una|un)\s+$",
        text[:start],
        re.I,
    )
    rel = re.match(
        rf"(?:\s+(?:de trabajo|oficial|de Estado))?,?\s+que\s+[^.;]{{0,140}}?{verbs}\b",
        text[end:],
        re.I,
    )
    if not before and not rel:
        return None
    at = end + (rel.end() if rel else 0)
    where = re.match(
        rf"(?:\s+(?:de trabajo|oficial|de Estado))?\s+(?:a|en|por)\s+(?:la\s+|el\s+)?"
        rf"(?P<p>{CAP}(?:\s+(?:de\s+)?{CAP})*)",
        text[at:],
    )
    return end, (_trim(where.group("p")) if where else None)


def referenced_meeting(
    index: int, text: str, dates: list[DateMention], noun: str
) -> EventMention | None:
    """A lead that tells a meeting without naming it, which the next sentences then call "la
    sesión" or "el encuentro" ("La Cancillería regresó ayer a Washington ... A la comitiva la
    recibió el vicepresidente, quien presidió la sesión"): the release's own meeting, dated and
    placed by the lead."""
    if not any(d.precision in ("day", "relative") for d in dates):
        return None
    em = EventMention(index, 0, 0, noun.lower(), type="BilateralMeeting", explicit=False)
    attributes(em, text, dates, 0, len(text))
    em.location = em.location or place(text)
    return em


def _noun_lead(index: int, text: str, dates: list[DateMention]) -> EventMention | None:
    """ "La reunión de trabajo, que se llevó a cabo el pasado 14 de febrero en Tijuana, ...": a
    lead that tells a meeting by its noun alone is the release's event."""
    lex = _lex()
    nouns = lex.get("lead_nouns", [])
    comps = alt(lex.get("held_complements", []))
    m = re.search(
        rf"(?<![\wÀ-ÿ])(?:la|el|las|los|una|un)\s+(?:{alt(lex.get('lead_quantifiers', []))}\s+)?"
        rf"(?P<n>{alt(nouns)})(?:\s+{comps})*(?![\wÀ-ÿ])",
        text,
        re.I,
    )
    told = alt(lex.get("lead_told", []), escape=False)
    if not m or not re.search(
        rf"(?<![\wÀ-ÿ]){told}", text[max(0, m.start() - 80) : m.end() + 80], re.I
    ):
        return None
    end = m.end()
    proper = re.match(CAPNP, text[m.start("n") :]) if text[m.start("n")].isupper() else None
    if proper:  # "la Reunión Binacional de Puentes y Cruces Internacionales": its full name
        end = max(end, m.start("n") + proper.end())
    em = EventMention(
        index,
        m.start("n"),
        end,
        text[m.start("n") : end],
        type="BilateralMeeting",
        explicit=False,  # a meeting outside a series
    )
    attributes(em, text, dates, 0, len(text))
    return em


def _group_meeting(index: int, text: str, dates: list[DateMention]) -> EventMention | None:
    """ "Funcionarios de México y Estados Unidos se reunieron este martes en Nogales": a meeting
    of a group named by its members, not by persons."""
    lex = _lex()
    subj, verbs = alt(lex.get("group_subjects", []), escape=False), alt(lex.get("group_verbs", []))
    m = re.search(
        rf"(?<![\wÀ-ÿ])(?P<who>{subj}(?:\s+[^\s,;.]+){{0,8}}?)\s+{verbs}(?![\wÀ-ÿ])",
        text,
        re.I,
    )
    if not m:
        return None
    who = m.group("who")
    em = EventMention(
        index,
        m.start(),
        m.end(),
        f"reunión de {who[0].lower()}{who[1:]}",
        type="BilateralMeeting",
        explicit=False,
    )
    attributes(em, text, dates, 0, len(text))
    return em


def openings(index: int, text: str) -> list[EventMention]:
    """ "inauguraron hoy la modernización del puerto fronterizo de San Luis": an Opening at the
    facility (``extra["facility"]`` is what was opened, a completed project)."""
    lex = _lex()
    verbs = alt(lex.get("opening_verbs", []))
    heads = alt(lex.get("facility_words", []))
    gap = alt(lex.get("opening_gap", ["hoy"]), escape=False)
    m = re.search(
        rf"(?<![\wÀ-ÿ]){verbs}(?![\wÀ-ÿ])(?:\s+{gap}){{0,2}}\s+(?P<det>el|la|los|las)\s+"
        rf"(?P<obj>[^,;.]*?\b{heads}\b[^,;.]*)",
        text,
        re.I,
    )
    if not m:
        return []
    obj = m.group("obj").strip()
    em = EventMention(
        index,
        m.start(),
        m.end(),
        f"inauguración de {m.group('det')} {obj}".replace("de el ", "del "),
        type="Opening",
        location=facility_place(obj) or obj,
        explicit=False,
    )
    em.extra["facility"] = obj
    return [em]


def facility_place(obj: str, itself: bool = True) -> str | None:
    """ "el nuevo carril exprés ... en la garita Nogales I": the place is the last "en la ...",
    else (``itself``) the facility."""
    last = re.search(r"\ben\s+(?:el|la|los|las)\s+((?:(?!\ben\s).)*)$", obj)
    if last or not itself:
        return last.group(1) if last else None
    fac = re.search(rf"\b{alt(_lex().get('facility_words', []))}\b.*", obj, re.I)
    return fac.group(0) if fac else None


def attributes(m: EventMention, text: str, dates: list[DateMention], lo: int, hi: int) -> None:
    """Date, end date, mode and location of a mention from its scope [lo, hi)."""
    if m.ref:
        # "En la reunión, que se efectuó el pasado 14 de marzo de manera presencial": what the
        # relative clause tells of the event referred to (applied when the reference resolves)
        tail = re.match(r",?\s+(?:que|la cual|el cual)\s+se\s+[^,;]*", text[m.end : hi])
        if tail:
            days = [d for d in dates if m.end <= d.start < m.end + tail.end()]
            m.extra["ref_date"] = days[0].value if days and days[0].precision != "year" else ""
            m.extra["ref_mode"] = mode(tail.group(0)) or ""
            m.extra["clause_end"] = str(m.end + tail.end())
        return
    inside = [d for d in dates if m.start <= d.start < m.end]
    clause = re.split(r";|,\s+(?=en la que|el cual|la cual|donde|cuando)", text[m.end : hi])[0]
    after = [d for d in dates if m.end <= d.start < m.end + len(clause)]
    before = [d for d in dates if lo <= d.start < m.start and d.precision != "year"]
    if m.future:  # an announced session takes no date told before it (the dateline's)
        before = []
    pick = None
    for group in (inside, after, before[::-1]):
        days = [d for d in group if d.precision in ("day", "relative")]
        pick = days[0] if days else (group[0] if group and pick is None else pick)
        if days or (pick is not None and pick.explicit_year and pick.precision == "month"):
            break  # "..., en octubre de 2023": a month with its year is that event's time
    if pick is not None and m.date is None:
        m.date, m.end_date = pick.value, pick.end_value
    m.mode = m.mode or mode(text[lo:hi]) or call_mode(m.name, "es")
    if m.location is None:
        m.location = place(text[m.end : m.end + len(clause)])
    if m.location is None and not m.future:
        # "se reunió en Washington, D.C., el Mecanismo ...": the place told before the name
        m.location = place(text[lo : m.start])


def call_mode(name: str, lang: str) -> str | None:
    """ "llamada telefónica", "phone call": held at a distance, so virtual."""
    words = load(lang, "events").get("call_words")
    return "virtual" if words and re.search(rf"\b(?:{alt(words)})\b", name, re.I) else None


def mode(text: str) -> str | None:
    """ "de manera presencial y a distancia" -> hybrid (hybrid wording wins)."""
    found = None
    for key, words in _lex().get("modes", {}).items():
        if re.search(rf"(?<![\wÀ-ÿ]){alt(words)}(?![\wÀ-ÿ])", text, re.I):
            if key == "hybrid":
                return key
            found = found or key
    return found


def venue(text: str) -> str | None:
    """A named venue: "en el Edificio de la Oficina Ejecutiva Eisenhower", "del Centro de
    Visitantes del Estuario", "La Secretaría de Relaciones Exteriores (SRE) es sede"."""
    heads = alt(load("es", "places").get("venue_heads", []))
    m = re.search(
        rf"(?:^|[.,]\s+|\b[Ll]a\s+|\b[Ee]l\s+)(?P<v>{CAPNP})\s+(?:es|será|fue)\s+(?:la\s+)?sede\b",
        text,
    )
    if m:
        return re.sub(r"^(?:La|El)\s+", "", m.group("v"))
    orgs = alt(load("es", "places").get("venue_organizations", []))
    m = re.search(
        rf"\ben\s+(?:el\s+|la\s+)(?P<v>{orgs}\b(?:(?:\s+(?:de\s+la|de\s+los|del|de)\s+|\s+)"
        rf"{CAP})*(?:\s+\([A-Z]{{2,8}}\))?)",
        text,
    )
    if m:
        return _trim(m.group("v"))
    m = re.search(
        rf"\b(?:en|del|de\s+la|al)\s+(?:el\s+|la\s+)?(?P<v>{heads}\b(?:(?:\s+(?:de\s+la|de\s+los|"
        rf"del|de)\s+|\s+){CAP})*)",
        text,
    )
    return _trim(m.group("v")) if m else None


def _trim(v: str) -> str:
    """Without a sentence's closing period ("Garita de Otay." -> "Garita de Otay"; not "D.C.")."""
    return v[:-1] if v.endswith(".") and not re.search(r"\b[A-Z]\.$", v) else v


def place(text: str) -> str | None:
    """The first place after "en": "celebrada en Washington", "en la Ciudad de México"."""
    v = venue(text)
    if v:
        return v
    months = load("es", "dates").get("months", {})
    # "en la ciudad de Austin", "en el municipio de Nogales": the place after its common noun
    nouns = alt(_lex().get("place_nouns", []) or ["(?!)"])
    for m in re.finditer(
        rf"\ben\s+(?:la\s+|el\s+)?(?:{nouns}\s+de\s+)?"
        rf"(?P<v>{CAP}(?:\s+(?:de|del)\s+{CAP}|\s+{CAP})*)",
        text,
    ):
        v = m.group("v")
        v = v[:-1] if v.endswith(".") and not re.search(r"\b[A-Z]\.$", v) else v
        more = re.match(
            r",\s+(D\.C\.|[A-ZÁÉÍÓÚ][\wÀ-ÿ]+(?:\s+[A-ZÁÉÍÓÚ][\wÀ-ÿ]+)?)", text[m.end("v") :]
        )
        if more and (more.group(1) == "D.C." or state_country(more.group(1), "es")):
            v = f"{v}, {more.group(1)}"  # "Washington, D.C.", "Imperial Beach, California"
        if v.lower() not in months and not country_of(v, "es"):
            return v
    return None


def dateline(lines: list[str]) -> str | None:
    """ "Washington, D.C., 9 de septiembre de 2021" -> "Washington, D.C."."""
    months = alt(list(load("es", "dates").get("months", {})))
    for line in (part for text in lines for part in text.splitlines()):  # one line each
        m = re.match(rf"\s*(?P<p>[A-ZÁÉÍÓÚ][^|\d\n]*?),\s+(?:a\s+)?\d{{1,2}}\s+de\s+{months}", line)
        if m:
            return m.group("p").strip()
    return None


def undated(name: str) -> str:
    """ "visita de trabajo de dos días a la Ciudad de México": a visit's name without its length."""
    lengths = _lex().get("visit_lengths", [])
    return re.sub(rf"\s+de\s+(?:{alt(lengths)}|\d+)\s+días?\b", "", name) if lengths else name


def plain_session(pre, name: str) -> bool:  # type: ignore[no-untyped-def]
    """A session noun ("sesión", "reunión") of a dialogue that is no high-level one."""
    noun = (pre.group("noun") or "").lower() if pre else ""
    high = _lex().get("high_level_words", [])
    return noun in _lex().get("meeting_session_nouns", []) and not (
        high and re.search(alt(high), name, re.I)
    )


def is_place(name: str) -> bool:
    """A place rather than a body: no organisation head word ("Secretaría", "Embajada")."""
    heads = load("es", "places").get("venue_organizations", [])
    return not any(name.startswith(h) for h in heads)


def dated_reference(
    index: int, text: str, start: int, end: int, etype: str | None, dates: list[DateMention]
) -> EventMention | None:
    """ "desde el encuentro del pasado 27 de diciembre en Palacio Nacional": a meeting noun
    dated by its own day is that earlier meeting, not a back-reference to the release's."""
    months = alt(list(load("es", "dates").get("months", {})))
    day = re.match(
        rf"\s+del?\s+(?:pasado\s+)?\d{{1,2}}\s+de\s+{months}(?:\s+de\s+\d{{4}})?", text[end:]
    )
    if etype not in ("Meeting", "BilateralMeeting") or not day:
        return None
    stop = end + day.end()
    where = re.match(
        rf"\s+en\s+(?:el\s+|la\s+)?(?P<p>{CAP}(?:\s+(?:de\s+|del\s+)?{CAP})*)", text[stop:]
    )
    stop += where.end() if where else 0
    name = _trim(text[start:stop])
    em = EventMention(index, start, stop, name, type="BilateralMeeting", explicit=False)
    em.location = _trim(where.group("p")) if where else None
    em.extra["backdrop"] = True  # it takes no roles, and is no lead's own event
    attributes(em, text, dates, start, stop + 1)
    return em
