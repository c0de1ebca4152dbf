"""Event mentions of a Spanish sentence: sessions of a series ("la X Cumbre de Líderes de
América del Norte", "la Reunión Plenaria del Grupo Binacional ..."), bilateral meetings ("la
reunión bilateral que el presidente A y el presidente B sostuvieron"), signings ("suscribieron
la Declaración ...", "la declaración ..., firmada en julio de 2022", "la presentación del Acta
328") and back-references ("la Cumbre", "Durante la firma"). Returns the English pipeline's
:class:`~bordergraph.ingest.extract.events.EventMention`, merged by :mod:`.eventset`.

>>> from .series import series_hits
>>> text = "en la IX Cumbre de Líderes de América del Norte, celebrada en Washington"
>>> [(m.name, m.ordinal, m.type, m.location) for m in find_events_es(
...     0, text, [], frozenset(), series_hits(text, "es", {}, {}), [], False, False)]
[('IX Cumbre de Líderes de América del Norte', 9, 'Summit', 'Washington')]
"""

from __future__ import annotations

import re
from functools import cache

from .ceremonies import chaired_ceremonies
from .dates import DateMention
from .event_parts import signings as _neutral_signings
from .event_parts_es import (
    CAP,
    CAPNP,
    _trim,
    attributes,
    dated_reference,
    facility_place,
    is_place,
    openings,
    plain_session,
    told_visit,
    undated,
)
from .event_verbs import future_meetings, held, meetings
from .events import Context, EventMention, future_after, held_after
from .events import ordinal as _ordinal
from .lexicon import alternation as alt
from .lexicon import load
from .people import Mention
from .series import SeriesHit, parent_of, session_context
from .text import country_of

_ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"  # never empty
_AGREEMENT = r"(?:Declaración|Acuerdo|Acta|Memorándum|Memorando|Convenio|Tratado|Carta|Protocolo)"


@cache
def _lex() -> dict:  # type: ignore[type-arg]
    return load("es", "events")


def _ord_pattern() -> str:
    words = alt(list(load("es", "numbers").get("ordinals", {})))
    return (
        rf"(?:(?-i:{_ROMAN})(?![\wÀ-ÿ])|\d{{1,2}}\s?(?:a|o|ª|º|\.ª|\.º|er|era)(?![\wÀ-ÿ])|"
        rf"{words}(?:[\s-]+{words}(?![\wÀ-ÿ]))?)"
    )


def ordinal(word: str | None) -> int | None:
    """ "XIII" -> 13, "13a" -> 13, "novena" -> 9."""
    return _ordinal(word, "es") if word else None


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
    found = chaired_ceremonies(index, text, people, "es")
    found += _noun_mentions(index, text, people, leaders, dates) + _signings(index, text, people)
    neutral = _neutral_signings(Context(index, text, people, leaders, hits, list(dates)), "es")
    for m in found + neutral + openings(index, text):
        if not any(o.start <= m.start < o.end or m.start <= o.start < m.end for o in out):
            out.append(m)
    for m in future_meetings(Context(index, text, people, leaders, hits, list(dates)), "es"):
        if not any(
            o.start <= m.start < o.end or m.start <= o.start < m.end for o in out
        ) and not any(o.future for o in out):
            out.append(m)
    if not any(not m.ref and m.type != "Visit" and not m.future for m in out):
        ctx = Context(index, text, people, leaders, hits, dates, title, lead)
        for m in meetings(ctx, "es"):
            if not any(o.start <= m.start < o.end or m.start <= o.start < m.end for o in out):
                out.append(m)
    out.sort(key=lambda m: m.start)
    for i, m in enumerate(out):
        hi = out[i + 1].start if i + 1 < len(out) else len(text)
        lo = out[i - 1].end if i else 0
        attributes(m, text, dates, lo, hi)
        # what a back-reference's relative clause tells is not the next event's
        clause_end = int(m.extra.get("clause_end") or 0)
        if i + 1 < len(out) and clause_end:
            out[i].end = max(m.end, min(clause_end, hi))
    return out


def _series_mentions(index, text, hits, title, lead, dates) -> list[EventMention]:  # type: ignore[no-untyped-def]
    lex = _lex()
    nouns = alt(lex.get("session_nouns", []))
    earlier = alt(
        lex.get("earlier_words", []) + lex.get("session_adjectives", []) or ["(?!)"], escape=False
    )
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
            rf"(?:(?P<ord>{ords})\s+)?(?:(?P<noun>{nouns})\s+(?:(?P<adj>{earlier})\s+)?"
            rf"(?:(?P<ord2>{ords})\s+)?(?:del|de\s+la|de)\s+)?$",
            left,
            re.I,
        )
        # "la reunión anterior del Comité, la XIV, ...": an earlier session, its rank in apposition
        appos = re.match(rf",\s+(?:la|el)\s+(?P<ord>{ords}),", text[h.end :], re.I)
        word = pre.group("ord") or pre.group("ord2") if pre else None
        word = word or (appos.group("ord") if appos and pre and pre.group("noun") else None)
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
        if m.type == "Dialogue" and plain_session(pre, f"{m.name} {h.key or ''}"):
            m.type = "Meeting"  # "la sexta sesión del Diálogo Bilateral sobre ...": no round
        if m.ordinal is None and re.search(
            rf"\b(?:{alt(lex.get('first_words', []))})\s+$", left[:start], re.I
        ):
            m.ordinal = 1
        context = alt(lex.get("context_before", []), escape=False)
        if not (pre and pre.group("noun")) and re.search(rf"\b{context}\s+$", left[:start], re.I):
            m.ref = True  # "En el marco del Diálogo ...": the setting, not a session
            out.append(m)
            continue
        if re.search(rf"\b{context}\s+$", left[:start], re.I):
            m.extra["setting"] = "1"  # "En el marco de la 32.ª Sesión ..., fue firmado ..."
        ahead = future_after("es").match(text[h.end :])
        held = held_after("es").match(text[h.end :])
        if ahead and not (pre and pre.group("noun")):
            m.future, m.explicit = True, False
        first = re.search(
            rf"(?:{alt(lex.get('first_before', []), escape=False)})(?:\s+\S+){{0,3}}?\s+"
            r"(?:el|la|los|las)\s+$",
            left[-100:],
            re.I,
        )
        if first and m.ordinal is None and lex.get("first_before"):
            m.ordinal = 1
            m.name = lex.get("first_name", "{series}").format(series=written or h.written)
            m.explicit = False
        session = (
            bool((pre and pre.group("noun")) or ahead or held)
            or (first is not None and bool(lex.get("first_before")))
            or session_context(left, text[h.end :], "es")
            or m.ordinal is not None
            or (not h.generic and (title or lead or _dated(h, text, dates)))
        )
        m.ref = not session
        m.future = m.future or is_future(left[-60:], text[h.end :])
        if h.generic and m.ordinal is None and not (m.future and pre and pre.group("noun")):
            m.ref = True  # "la Cumbre", "la reunión del Diálogo": the session already named
        out.append(m)
    return out


def _series_name(key: str) -> str:
    """The Spanish name of a series (a committee's sessions belong to its parent process)."""
    for entry in _lex().get("series", []):
        if entry["name"] == key:
            return str(entry.get("names", [key])[0])
    return key


def _who(text: str, pm: Mention) -> str:
    """A person as the text names them in an event's name: "el presidente Biden"; a long
    "post, Name" mention by the name alone."""
    written = text[pm.start : pm.end]
    if "," in written and pm.name:
        return pm.name
    return written[:1].lower() + written[1:] if re.match(r"(?:El|La)\s", written) else written


def is_future(left: str, right: str) -> bool:
    """ "La próxima reunión ...", "acordaron celebrar la ... en marzo": announced, not held."""
    lex = _lex()
    words = alt(lex.get("future_words", []))
    plan = alt(lex.get("plan_verbs", []), escape=False)
    clause = re.split(r"[;.]", right)[0]
    return bool(
        re.search(words, left, re.I)
        or re.search(rf"\b{plan}\s+(?:\S+\s+){{0,3}}$", left, re.I)
        or re.search(words, clause, re.I)
    )


def _dated(h: SeriesHit, text: str, dates: list[DateMention]) -> bool:
    clause = re.split(r"[;]|,\s+(?=que|cuando|donde|el cual|la cual)", text[h.end :])[0]
    return h.kind in ("dialogue", "summit") and any(
        h.end <= d.start < h.end + len(clause) and d.precision != "year" for d in dates
    )


def _noun_mentions(index, text, people, leaders, dates=()) -> list[EventMention]:  # type: ignore[no-untyped-def]
    lex = _lex()
    nouns = lex.get("nouns", {})
    ceremony = alt(lex.get("ceremony_nouns", []))
    out = []
    for m in re.finditer(rf"\b(?P<noun>{alt(list(nouns))})\b", text, re.I):
        noun = m.group("noun").lower()
        etype = nouns.get(noun) or nouns.get(m.group("noun"))
        right = text[m.end() :]
        after = [(pm, cid) for pm, cid in people if pm.start >= m.end()]
        agreement = re.match(
            rf"\s+(?:del|de\s+la|de\s+los|de)\s+(?P<np>{_AGREEMENT}\b{CAPNP[len(CAP) :]})", right
        )
        meet = re.match(r"\s+(?:que|entre|con)\b", right)
        with_ = re.match(r"(?:\s+[\wÀ-ÿ]+){0,3}?\s+con\s+(?:el|la)\s", right)
        before = [(pm, cid) for pm, cid in people if pm.end <= m.start()]
        if (
            etype == "Meeting"
            and with_
            and after
            and before
            and re.search(r"\b(?:un|una)\s+(?:[\wÀ-ÿ]+\s+)?$", text[: m.start()], re.I)
        ):
            # "X sostuvo una reunión de trabajo con la secretaria Y": a meeting of the two
            etype, meet, after = "BilateralMeeting", with_, [before[-1], after[0]]
        if etype == "BilateralMeeting" and meet and after:
            pair = after[:2]
            names = " y ".join(_who(text, pm) for pm, _ in pair)
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
            name = text[m.start() : end].rstrip(". ")
            out.append(EventMention(index, m.start(), end, name, type="Signing"))
        elif etype == "Visit" and (
            # "visita de Estado del presidente X a Washington", "visita de trabajo de dos días a
            # la Ciudad de México": a visit to a named place
            place := re.match(
                rf"\s+(?:[\wÀ-ÿ.-]+\s+){{0,6}}?al?\s+(?:la\s+)?(?P<p>{CAP}(?:\s+(?:de\s+)?{CAP})*)",
                right,
            )
        ):
            where = re.sub(r"(?<=[a-zà-ÿ]{2})\.$", "", place.group("p"))  # the sentence's period
            if country_of(where, "es") or is_place(where):
                end = m.end() + place.start("p") + len(where)
                out.append(
                    EventMention(
                        index,
                        m.start(),
                        end,
                        undated(text[m.start() : end]),
                        type="Visit",
                        location=where,
                    )
                )
        elif etype == "Visit" and (told := told_visit(text, m.start(), m.end())):
            em = EventMention(index, m.start(), told[0], text[m.start() : told[0]], type="Visit")
            em.location, em.explicit = told[1], False
            if re.search(r"\b(?:la|su|esta|dicha)\s+$", text[: m.start()], re.I):
                em.extra["told_visit"] = "1"  # "concluyó la visita": maybe one named elsewhere
            out.append(em)
        elif etype == "Opening" and (
            fac := re.match(
                r"\s+(?:del|de\s+la|de\s+los|de\s+las|en\s+el|en\s+la|en\s+los|en\s+las)\s+"
                rf"(?:[\wÀ-ÿ]+\s+){{0,2}}?(?:{alt(lex.get('facility_words', []))})\b[^,;:]*?"
                r"(?=[,;:]|\.(?:\s|$)|$)",
                right,
                re.I,
            )
        ):  # "inicio de operaciones del cruce fronterizo X": the opening of that facility
            end = m.end() + fac.end()
            em = EventMention(index, m.start(), end, text[m.start() : end], type="Opening")
            em.location = facility_place(text[m.end() : end], itself=False)
            out.append(em)
        elif (
            etype == "Meeting"
            and (
                rank := re.search(
                    rf"\b(?P<det>su|sus|la|el|una|un)\s+(?P<ord>{_ord_pattern()})\s+$",
                    text[: m.start()],
                    re.I,
                )
            )
            and (
                rank.group("det").lower() in ("su", "sus")
                or is_future(text[max(0, m.start() - 60) : m.start()], right)
            )
        ):  # "celebrará su primera reunión a finales de enero": a session of that rank
            em = EventMention(index, rank.start("ord"), m.end(), text[rank.start("ord") : m.end()])
            em.type, em.ordinal = "Meeting", ordinal(rank.group("ord"))
            em.future = is_future(text[max(0, m.start() - 60) : m.start()], right)
            em.explicit = False
            out.append(em)
        elif (
            em := held(
                Context(index, text, people, leaders, [], list(dates)),
                m.start(),
                m.end(),
                etype,
                "es",
            )
        ) is not None:
            out.append(em)
        elif (dated := dated_reference(index, text, m.start(), m.end(), etype, dates)) is not None:
            out.append(dated)  # "el encuentro del pasado 27 de diciembre": an earlier one
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
    verbs = alt(lex.get("signing_verbs", []))
    gap = alt(lex.get("opening_gap", ["hoy"]), escape=False)
    for m in re.finditer(
        rf"\b{verbs}\s+(?:{gap}\s+)?(?:en\s+(?:la\s+|el\s+)?(?P<loc>{CAP}(?:\s+(?:de|del)\s+{CAP}|"
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
                f"firma de {m.group('det')} {_trim(m.group('np'))}".replace("de el ", "del "),
                type="Signing",
                location=m.group("loc"),
                persons=(),
                explicit=False,
                extra={"signers": ",".join(map(str, who))},
            )
        )
    parts = alt(lex.get("signing_participles", []), escape=False)
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
                f"firma de {m.group('det')} {_trim(m.group('np'))}".replace("de el ", "del "),
                type="Signing",
                explicit=False,
            )
        )
    return out
