"""Event mentions of a Spanish sentence: sessions of a series ("la X Cumbre de Líderes de
América del Norte", "la Reunión Plenaria del Grupo Binacional ..."), bilateral meetings ("la
reunión bilateral que el presidente A y el presidente B sostuvieron"), signings ("suscribieron
la Declaración ...", "la declaración ..., firmada en julio de 2022", "la presentación del Acta
328") and back-references ("la Cumbre", "Durante la firma"). Returns the English pipeline's
:class:`~bordergraph.extract.events.EventMention`, merged by :mod:`.eventset`.

>>> from .series_es import series_hits
>>> text = "en la IX Cumbre de Líderes de América del Norte, celebrada en Washington"
>>> [(m.name, m.ordinal, m.type, m.location) for m in find_events_es(
...     0, text, [], frozenset(), series_hits(text, {}, {}), [], False, False)]
[('IX Cumbre de Líderes de América del Norte', 9, 'Summit', 'Washington')]
"""

from __future__ import annotations

import re
from functools import cache

from .dates import DateMention
from .events import EventMention
from .lexicon import alternation, load
from .people import Mention
from .series import SeriesHit, parent_of
from .text import country_of

CAP = r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ’'.-]*"
CAPNP = (
    rf"{CAP}(?:(?:\s+(?:de\s+la|de\s+las|de\s+los|del|de|sobre\s+la|sobre\s+el|sobre|para\s+la|"
    rf"para\s+el|para|y\s+la|y\s+el|y|e|en|entre|contra\s+el|contra\s+la|contra)\s+|\s+|[-–])"
    rf"(?:{CAP}|\d+))*(?:\s+\([A-Z]{{2,10}}\))?"
)
_ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"  # never empty
_AGREEMENT = r"(?:Declaración|Acuerdo|Acta|Memorándum|Memorando|Convenio|Tratado|Carta|Protocolo)"


@cache
def _lex() -> dict:  # type: ignore[type-arg]
    return load("es", "events")


def _ord_pattern() -> str:
    words = alternation(list(load("es", "numbers").get("ordinals", {})))
    return (
        rf"(?:(?-i:{_ROMAN})(?![\wÀ-ÿ])|\d{{1,2}}\s?(?:a|o|ª|º|\.ª|\.º|er|era)(?![\wÀ-ÿ])|{words})"
    )


def ordinal(word: str | None) -> int | None:
    """ "XIII" -> 13, "13a" -> 13, "novena" -> 9."""
    if not word:
        return None
    w = word.strip()
    m = re.match(r"(\d+)", w)
    if m:
        return int(m.group(1))
    if re.fullmatch(r"[IVXL]+", w):
        vals = {"I": 1, "V": 5, "X": 10, "L": 50}
        total = 0
        for a, b in zip(w, w[1:] + " ", strict=True):
            total += -vals[a] if b != " " and vals[a] < vals[b] else vals[a]
        return total or None
    value = load("es", "numbers").get("ordinals", {}).get(w.lower())
    return int(value) if value else None


def _type(kind: str) -> str:
    return {"dialogue": "Dialogue", "summit": "Summit"}.get(kind, "Meeting")


def find_events_es(
    index: int,
    text: str,
    people: list[tuple[Mention, int]],
    leaders: frozenset[int],
    hits: list[SeriesHit],
    dates: list[DateMention],
    title: bool,
    lead: bool,
) -> list[EventMention]:
    """All event mentions of one sentence, left to right, with date, mode and location."""
    out = _series_mentions(index, text, hits, title, lead, dates)
    found = _noun_mentions(index, text, people, leaders) + _signings(index, text, people)
    for m in found + openings(index, text):
        if not any(o.start <= m.start < o.end or m.start <= o.start < m.end for o in out):
            out.append(m)
    out.sort(key=lambda m: m.start)
    for i, m in enumerate(out):
        hi = out[i + 1].start if i + 1 < len(out) else len(text)
        lo = out[i - 1].end if i else 0
        attributes(m, text, dates, lo, hi)
    return out


def _series_mentions(index, text, hits, title, lead, dates) -> list[EventMention]:  # type: ignore[no-untyped-def]
    lex = _lex()
    nouns = alternation(lex.get("session_nouns", []))
    ords = _ord_pattern()
    out = []
    for h in hits:
        left = text[: h.start]
        if re.search(
            r"\b(?:crear|establecer|instalar|creación\s+de|instalación\s+de)\s+(?:el|la|un|una)?\s*$",
            left,
            re.I,
        ):
            continue  # a body created: an outcome, not a session
        pre = re.search(
            rf"(?:(?P<ord>{ords})\s+)?(?:(?P<noun>{nouns})\s+(?:(?P<ord2>{ords})\s+)?"
            rf"(?:del|de\s+la|de)\s+)?$",
            left,
            re.I,
        )
        word = pre.group("ord") or pre.group("ord2") if pre else None
        start = pre.start() if pre and (pre.group("ord") or pre.group("noun")) else h.start
        parent = parent_of(h.key, "es") if h.key else None
        key = parent or h.key or None
        written = _series_name(parent) if parent else h.written if h.key else None
        m = EventMention(
            index,
            start,
            h.end,
            text[start : h.end],
            type=_type(h.kind),
            series=written,
            series_key=key,
            ordinal=ordinal(word),
        )
        if h.generic and not h.key:
            m.extra["generic"] = h.kind
        if m.ordinal is None and re.search(
            rf"\b(?:{alternation(lex.get('first_words', []))})\s+$", left[:start], re.I
        ):
            m.ordinal = 1
        context = alternation(lex.get("context_before", []), escape=False)
        if not (pre and pre.group("noun")) and re.search(rf"\b{context}\s+$", left[:start], re.I):
            m.ref = True  # "En el marco del Diálogo ...": the setting, not a session
            out.append(m)
            continue
        session = (
            bool(pre and pre.group("noun"))
            or m.ordinal is not None
            or (not h.generic and (title or lead or _dated(h, text, dates)))
        )
        m.ref = not session
        if h.generic and m.ordinal is None:
            m.ref = True
        m.future = bool(re.search(alternation(lex.get("future_words", [])), left[-40:], re.I))
        out.append(m)
    return out


def lead_meeting(
    index: int, text: str, people: list[tuple[Mention, int]], dates: list[DateMention]
) -> EventMention | None:
    """A lead that names no event but reports a meeting ("La secretaria X recibió hoy al
    secretario Y en la Garita de El Chaparral"): a bilateral meeting of the people it names."""
    verbs = alternation(_lex().get("meeting_verbs", []))
    m = re.search(rf"(?<![\wÀ-ÿ]){verbs}(?![\wÀ-ÿ])", text, re.I)
    who = list(dict.fromkeys(cid for _, cid in people if cid >= 0))
    if not m or len(who) < 2:
        return None
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


def _series_name(key: str) -> str:
    """The Spanish name of a series (a committee's sessions belong to its parent process)."""
    for entry in _lex().get("series", []):
        if entry["name"] == key:
            return str(entry.get("names", [key])[0])
    return key


def _dated(h: SeriesHit, text: str, dates: list[DateMention]) -> bool:
    clause = re.split(r"[;]|,\s+(?=que|cuando|donde|el cual|la cual)", text[h.end :])[0]
    return h.kind in ("dialogue", "summit") and any(
        h.end <= d.start < h.end + len(clause) and d.precision != "year" for d in dates
    )


def _noun_mentions(index, text, people, leaders) -> list[EventMention]:  # type: ignore[no-untyped-def]
    lex = _lex()
    nouns = lex.get("nouns", {})
    ceremony = alternation(lex.get("ceremony_nouns", []))
    out = []
    for m in re.finditer(rf"\b(?P<noun>{alternation(list(nouns))})\b", text, re.I):
        noun = m.group("noun").lower()
        etype = nouns.get(noun) or nouns.get(m.group("noun"))
        right = text[m.end() :]
        after = [(pm, cid) for pm, cid in people if pm.start >= m.end()]
        agreement = re.match(
            rf"\s+(?:del|de\s+la|de\s+los|de)\s+(?P<np>{_AGREEMENT}\b{CAPNP[len(CAP) :]})", right
        )
        if etype == "BilateralMeeting" and re.match(r"\s+(?:que|entre|con)\b", right) and after:
            pair = after[:2]
            names = " y ".join(text[pm.start : pm.end] for pm, _ in pair)
            end = pair[-1][0].end
            out.append(
                EventMention(
                    index,
                    m.start(),
                    end,
                    f"{m.group('noun')} entre {names}",
                    type="BilateralMeeting",
                    persons=tuple(c for _, c in pair),
                    explicit=False,
                )
            )
        elif agreement and (re.fullmatch(ceremony, noun) or etype == "Signing"):
            end = m.end() + agreement.end()
            out.append(EventMention(index, m.start(), end, text[m.start() : end], type="Signing"))
        elif etype == "Visit" and re.match(rf"\s+(?:\w+\s+)?a\s+(?P<p>{CAP})", right):
            place = re.match(rf"\s+(?:\w+\s+)?a\s+(?P<p>{CAP}(?:\s+{CAP})*)", right)
            if place and country_of(place.group("p"), "es"):
                out.append(
                    EventMention(
                        index,
                        m.start(),
                        m.end() + place.end(),
                        text[m.start() : m.end() + place.end()],
                        type="Visit",
                        location=place.group("p"),
                    )
                )
        elif re.search(r"\b(?:la|el|los|las|esta|este|dicha|dicho)\s+$", text[: m.start()], re.I):
            ref = EventMention(index, m.start(), m.end(), m.group("noun"), type=etype, ref=True)
            ref.extra["ref_type"] = etype or ""
            out.append(ref)
    return out


def _signings(index, text, people) -> list[EventMention]:  # type: ignore[no-untyped-def]
    """ "suscribieron en la Ciudad de México la Declaración ..." and "la declaración ...,
    firmada en julio de 2022": the signing of an agreement."""
    lex = _lex()
    out = []
    verbs = alternation(lex.get("signing_verbs", []))
    for m in re.finditer(
        rf"\b{verbs}\s+(?:en\s+(?:la\s+|el\s+)?(?P<loc>{CAP}(?:\s+(?:de|del)\s+{CAP}|"
        rf"\s+{CAP})*)\s+)?(?P<det>el|la|los|las)\s+(?P<np>{_AGREEMENT}\b"
        rf"{CAPNP[len(CAP) :]})",
        text,
    ):
        who = tuple(cid for pm, cid in people if pm.end <= m.start())
        out.append(
            EventMention(
                index,
                m.start(),
                m.end(),
                f"firma de {m.group('det')} {m.group('np')}",
                type="Signing",
                location=m.group("loc"),
                persons=(),
                explicit=False,
                extra={"signers": ",".join(map(str, who))},
            )
        )
    parts = alternation(lex.get("signing_participles", []), escape=False)
    for m in re.finditer(
        rf"\b(?P<det>la|el)\s+(?P<np>(?:declaración|acuerdo|memorándum|convenio|"
        rf"carta|acta|tratado|protocolo)\b[^,;]*?),\s+{parts}\b",
        text,
    ):
        out.append(
            EventMention(
                index,
                m.end(),
                m.end() + 1,
                f"firma de {m.group('det')} {m.group('np')}",
                type="Signing",
                explicit=False,
            )
        )
    return out


def openings(index: int, text: str) -> list[EventMention]:
    """"inauguraron hoy la modernización del puerto fronterizo de San Luis": an Opening at the
    facility (``extra["facility"]`` is what was opened, a completed project)."""
    lex = _lex()
    verbs = alternation(lex.get("opening_verbs", []))
    heads = alternation(lex.get("facility_words", []))
    m = re.search(rf"(?<![\wÀ-ÿ]){verbs}(?![\wÀ-ÿ])(?:\s+hoy)?\s+(?P<det>el|la|los|las)\s+"
                  rf"(?P<obj>[^,;.]*?\b{heads}\b[^,;.]*)", text, re.I)
    if not m:
        return []
    obj = m.group("obj").strip()
    fac = re.search(rf"\b{heads}\b.*", obj, re.I)
    em = EventMention(index, m.start(), m.end(), f"inauguración de {m.group('det')} {obj}".replace("de el ", "del "),
                      type="Opening", location=fac.group(0) if fac else obj, explicit=False)
    em.extra["facility"] = obj
    return [em]


def attributes(m: EventMention, text: str, dates: list[DateMention], lo: int, hi: int) -> None:
    """Date, end date, mode and location of a mention from its scope [lo, hi)."""
    if m.ref:
        return
    inside = [d for d in dates if m.start <= d.start < m.end]
    clause = re.split(r";|,\s+(?=en la que|el cual|la cual|donde|cuando)", text[m.end : hi])[0]
    after = [d for d in dates if m.end <= d.start < m.end + len(clause)]
    before = [d for d in dates if lo <= d.start < m.start and d.precision != "year"]
    pick = None
    for group in (inside, after, before[::-1]):
        days = [d for d in group if d.precision in ("day", "relative")]
        pick = days[0] if days else (group[0] if group and pick is None else pick)
        if days:
            break
    if pick is not None and m.date is None:
        m.date, m.end_date = pick.value, pick.end_value
    m.mode = m.mode or mode(text[lo:hi])
    if m.location is None:
        m.location = place(text[m.end : m.end + len(clause)])


def mode(text: str) -> str | None:
    """ "de manera presencial y a distancia" -> hybrid (hybrid wording wins)."""
    found = None
    for key, words in _lex().get("modes", {}).items():
        if re.search(rf"(?<![\wÀ-ÿ]){alternation(words)}(?![\wÀ-ÿ])", text, re.I):
            if key == "hybrid":
                return key
            found = found or key
    return found


def venue(text: str) -> str | None:
    """A named venue: "en el Edificio de la Oficina Ejecutiva Eisenhower", "del Centro de
    Visitantes del Estuario", "La Secretaría de Relaciones Exteriores (SRE) es sede"."""
    heads = alternation(load("es", "places").get("venue_heads", []))
    m = re.search(
        rf"(?:^|[.,]\s+|\b[Ll]a\s+|\b[Ee]l\s+)(?P<v>{CAPNP})\s+(?:es|será|fue)\s+(?:la\s+)?sede\b",
        text,
    )
    if m:
        return re.sub(r"^(?:La|El)\s+", "", m.group("v"))
    orgs = alternation(load("es", "places").get("venue_organizations", []))
    m = re.search(
        rf"\ben\s+(?:el\s+|la\s+)(?P<v>{orgs}\b(?:(?:\s+(?:de\s+la|de\s+los|del|de)\s+|\s+)"
        rf"{CAP})*(?:\s+\([A-Z]{{2,8}}\))?)",
        text,
    )
    if m:
        return m.group("v")
    m = re.search(
        rf"\b(?:en|del|de\s+la|al)\s+(?:el\s+|la\s+)?(?P<v>{heads}\b(?:(?:\s+(?:de\s+la|de\s+los|"
        rf"del|de)\s+|\s+){CAP})*)",
        text,
    )
    return m.group("v") if m else None


def place(text: str) -> str | None:
    """The first place after "en": "celebrada en Washington", "en la Ciudad de México"."""
    v = venue(text)
    if v:
        return v
    months = load("es", "dates").get("months", {})
    for m in re.finditer(
        rf"\ben\s+(?:la\s+|el\s+)?(?P<v>{CAP}(?:\s+(?:de|del)\s+{CAP}|\s+{CAP})*)", text
    ):
        v = m.group("v")
        v = v[:-1] if v.endswith(".") and not re.search(r"\b[A-Z]\.$", v) else v
        if v.lower() not in months and not country_of(v, "es"):
            return v
    return None


def dateline(lines: list[str]) -> str | None:
    """ "Washington, D.C., 9 de septiembre de 2021" -> "Washington, D.C."."""
    months = alternation(list(load("es", "dates").get("months", {})))
    for line in lines:
        m = re.match(rf"\s*(?P<p>[A-ZÁÉÍÓÚ][^|\d]*?),\s+(?:a\s+)?\d{{1,2}}\s+de\s+{months}", line)
        if m:
            return m.group("p").strip()
    return None
