"""Outcomes in Spanish releases: "adoptaron la Declaración de América del Norte", "instruyeron
la creación de un Comité Trilateral sobre Fentanilo", "convinieron en organizar el primer foro
...", "Entra en vigor el Acta 328", "El documento crea una Red ...", and the items of a list
introduced by "Entre los acuerdos destacan:". Vocabulary: ``data/lexicon/es/outcomes.yaml``.

>>> [(o.name, o.type, o.relation) for o in sentence_outcomes_es(
...     "Los mandatarios adoptaron la Declaración de América del Norte, con compromisos.", [], 0,
...     main=0)]
[('Declaración de América del Norte', 'Declaration', 'adopted')]
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ...graph.iris import fold
from . import cached_re as re
from .event_parts_es import CAP, CAPNP
from .lex_es import alt
from .lexicon import could_match, load
from .outcome_frames import frame_outcomes
from .outcomes import OutcomeFact, frame_type, outcome_type

# "el Entendimiento ..., adoptado en la primera reunión": what was done at an earlier event.
_PARTICIPLES = {
    "adoptado": "adopted",
    "adoptada": "adopted",
    "aprobado": "approved",
    "aprobada": "approved",
    "lanzado": "launched",
    "lanzada": "launched",
    "creado": "launched",
    "creada": "launched",
    "establecido": "launched",
    "establecida": "launched",
    "firmado": "signed",
    "firmada": "signed",
}
_WORDS = rf"{CAP}(?:\s+{CAP})*"
_DET = r"(?:(?:el|la|los|las|un|una|al|del|unos|unas)\s+)"


@cache
def _lex() -> dict:  # type: ignore[type-arg]
    return load("es", "outcomes")


def _np(text: str, body: bool = False) -> str | None:
    """The outcome named at the start of ``text``: a capitalised name ("Declaración de América
    del Norte"), else a lower-case phrase headed by an outcome word, up to a clause break."""
    text = re.sub(
        rf"^\s*(?:en\s+(?:la\s+|el\s+)?{CAP}(?:\s+(?:de|del)\s+{CAP}|\s+{CAP})*\s+)?", "", text
    )
    det = re.match(rf"{_DET}?", text)
    indefinite = bool(det and re.match(r"(?:un|una|unos|unas)\s", det.group(0)))
    rest = text[det.end() if det else 0 :]
    rest = re.sub(r"^(?:nuev[oa]s?|primer[oa]?)\s+(?=[A-ZÁÉÍÓÚ])", "", rest)
    m = re.match(CAPNP, rest)
    if m and m.group(0)[:1].isupper():
        # a name with a list inside: "... sobre Seguridad, Salud Pública y Comunidades Seguras"
        tail = re.match(rf"(?:,\s+{_WORDS})*,?\s+y\s+{_WORDS}", rest[m.end() :])
        return (m.group(0) + (tail.group(0) if tail else "")).rstrip(",. ")
    if indefinite and not body:
        return None  # "firmaron una declaración sobre ...": the named form comes elsewhere
    words = alt([w for e in _lex().get("types", []) for w in e["words"]])
    m = re.match(rf"(?:primer[oa]?\s+|nuev[oa]s?\s+)?{words}\b[^,;.:]*", rest)
    # "un grupo técnico de rastreo de armas que sesionará cada mes": the body, not its clause
    cut = r"\s+(?:y\s+)?(?:que|cuyo|cuya|el cual|la cual)\s|\s+y\s+se\s"
    return re.split(cut, _cut(m.group(0)))[0] if m else None


def _cut(phrase: str) -> str:
    phrase = re.split(
        r",|;|\s+(?:del|de)\s+lado\s+|\s+con\s+(?:el\s+fin|participación)\b"
        r"|\s+(?:antes\s+de|a\s+más\s+tardar|durante|a\s+partir\s+de)\s",
        phrase,
    )[0]
    return phrase.strip(" ,.;")


def _heads() -> list[str]:
    """Lower-case head words of agreements and declarations ("declaración", "acuerdo")."""
    kinds = ("Declaration", "Agreement")
    return [w for e in _lex().get("types", []) if e["type"] in kinds for w in e["words"]]


def _event_at(events, pos: int, main: int | None, hi: int | None = None) -> int | None:  # type: ignore[no-untyped-def]
    """The event an outcome at ``pos`` belongs to: one named after it in its clause (up to
    ``hi``), else the last one before it, else the main event."""
    after = [e for m, e in events if pos <= m.start < (hi or 10**9) and not m.ref]
    before = [e for m, e in events if m.end <= pos]
    return after[0] if after else (before[-1] if before else main)


def sentence_outcomes_es(
    text: str,
    events,
    s: int,
    lead: str | None = None,
    main: int | None = None,
    last: OutcomeFact | None = None,
) -> list[OutcomeFact]:  # type: ignore[no-untyped-def]
    """Outcomes stated in one sentence (or list item, with ``lead`` its introduction).
    ``last`` is the release's previous outcome ("El documento crea ..." refers to it)."""
    lex = _lex()
    out: list[OutcomeFact] = []
    doc = alt(lex.get("document_subjects", []))
    topic = (
        last.event
        if last is not None and re.match(rf"\s*[-•]?\s*(?:El|La)\s+{doc}\b", text)
        else None
    )

    def add(name: str | None, relation: str, pos: int, kind: str | None = None) -> None:
        if not name or len(name) < 4 or any(o.name == name and o.relation == relation for o in out):
            return
        stop = re.search(r"[,;]", text[pos + len(name) :])
        hi = pos + len(name) + stop.start() if stop else None
        event = topic if topic is not None else _event_at(events, pos, main, hi)
        if event is None:
            return  # an outcome is what an event adopted, reviewed or signed: none found
        out.append(
            OutcomeFact(name, kind or outcome_type(name, relation, "es"), relation, event, s)
        )

    frames = frame_outcomes(text, "es", lead)
    if lead is not None and re.search(alt(lex.get("list_leads", [])), lead, re.I):
        if not frames:  # the frame reads the item when it can
            _list_item(text, lead, add)
        if out:
            return out
    object_verbs = lex.get("object_verbs", {})
    # one scan for any of the verbs first: few sentences hold one (see lexicon.could_match)
    if True or not could_match([alt(verbs, escape=False) for verbs in object_verbs.values()], text, re.I):
        object_verbs = {}
    gap = alt(lex.get("verb_gap", ["hoy"]), escape=False)  # "firmaron hoy el ..."
    for relation, verbs in object_verbs.items():
        for m in re.finditer(
            rf"(?<![\wÀ-ÿ])(?:{alt(verbs, escape=False)})\s+(?:{gap}\s+)?", text, re.I
        ):
            # "acordaron crear un grupo de trabajo sobre ...": a body set up need not be named
            name = _np(text[m.end() :], body=relation == "launched")
            if name and outcome_type(name, relation, "es"):
                add(name, relation, m.start())
    for m in re.finditer(rf",\s+(?P<v>{alt(list(_PARTICIPLES))})\s+(?:en|durante)\s+", text):
        later = [e for em, e in events if em.start >= m.end() and not em.ref]
        named = [o for o in out if text.find(o.name) + len(o.name) == m.start()]
        if later and named:
            rel = _PARTICIPLES[m.group("v")]
            out.append(OutcomeFact(named[0].name, named[0].type, rel, later[0], s))
    parts = alt(load("es", "events").get("signing_participles", []), escape=False)
    for m in re.finditer(rf"\b(?:la|el)\s+(?P<np>(?:{alt(_heads())})\b[^,;]*?),\s+{parts}\b", text):
        add(m.group("np"), "signed", m.end())
    concrete = rf"\b{alt(lex.get('commitment_concrete', []))}s?\b"
    for m in re.finditer(
        rf"\b(?:{alt(lex.get('commitment_verbs', []), escape=False)})\s+"
        rf"(?P<inf>\w+ar|\w+er|\w+ir)\s+(?P<obj>[^,;.]+)",
        text,
    ):
        if m.group("inf").lower() in lex.get("launch_infinitives", []) and any(
            o.relation == "launched" for o in out
        ):
            continue  # "acordaron establecer un mecanismo ...": the body set up, read above
        obj = re.sub(rf"^{_DET}", "", m.group("obj")).strip()
        head = " ".join(obj.split()[:3]).lower()
        if re.search(concrete, head):
            add(_cut(obj), "adopted", m.start(), kind="Commitment")
        elif re.search(concrete, _cut(obj).lower()):  # "mantener abiertos los pasos fronterizos"
            add(_cut(f"{m.group('inf')} {m.group('obj')}"), "adopted", m.start(), kind="Commitment")
    refs = alt(lex.get("event_refs", []), escape=False)
    for c in frames:
        if refs != "(?:)" and re.match(refs, c.name, re.I):
            continue  # "los acuerdos de la XI Reunión": what an earlier event agreed, as a whole
        # "la construcción de la garita X y se acordó ...": the next clause is not the name
        c = replace(c, name=re.split(r"\s+y\s+(?:se|que)\s", c.name)[0])
        key = fold(c.name)
        if any(key in fold(o.name) or fold(o.name) in key for o in out):
            continue
        kind = frame_type(c, "es")
        if kind:
            add(c.name, "adopted" if c.kind == "Commitment" else c.relation, c.pos, kind=kind)
    return out


def _list_item(text: str, lead: str, add) -> None:  # type: ignore[no-untyped-def]
    lex = _lex()
    item = re.sub(r"^[-•*·–]\s*", "", text).strip()
    launch = alt(lex.get("launch_infinitives", []))
    commit = alt(lex.get("commit_infinitives", []))
    m = re.match(rf"(?:{launch})\s+{_DET}?(?P<np>.+)", item, re.I)
    if m:
        name = re.split(r"\s+(?:para|en|con|a fin de)\s+", _cut(m.group("np")))[0]
        add(name, "launched", 0)
        return
    m = re.match(rf"(?:{commit})\s+{_DET}?(?P<np>.+)", item, re.I)
    if m:
        add(_cut(m.group("np")), "adopted", 0, kind="Commitment")
        return
    name = _cut(re.sub(rf"^{_DET}", "", item))
    if re.search(r"\bproyectos?\b", lead, re.I) and outcome_type(name, "approved", "es"):
        add(name, "approved", 0, kind="InfrastructureProject")
    elif outcome_type(name, "adopted", "es"):
        add(name, "adopted", 0)
