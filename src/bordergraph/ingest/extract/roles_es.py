"""Roles of people at events in Spanish releases, from the cues of ``data/lexicon/es/roles.yaml``.

Spanish often puts the verb first ("Presidió los trabajos el jefe ..., Roberto Velasco";
"Por México participaron ... la secretaria de Economía, ..."), so a cue takes the persons named
before it in its clause, else those named after it. "presidió la delegación" leads a side
(delegation_head); "presidió" alone chairs. Returns
:class:`~bordergraph.ingest.extract.roles.RoleFact`.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation as alt
from .lexicon import could_match, load
from .roles import RoleFact, _rx, label_roles

_CLAUSE = re.compile(
    r";|(?<!\b[A-Z])\.\s|,\s+(?:quien|que|donde|mientras|(?:de|en|con|a)\s+(?:la|el|los|las)\s+(?:que|cual))\b"
)

# A transcript's speaker label: an upper-case post and name, then a colon.
_SPEAKER_LABEL = re.compile(
    r"\s*[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.]+(?:\s+[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.]*){1,7}"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?:"  # "SECRETARIO REX TILLERSON (interpretación del inglés):"
)

# "X, quien encabezó ...": the relative pronoun right before a cue, its antecedent just before.
# "X, que nos recibió esta mañana": "que" and an object pronoun too.
_WHO = re.compile(
    r",\s+(?:quien(?:es)?|que)\s+(?:también\s+)?(?:(?:nos|los|las|lo|la|les|le|me)\s+)?$"
)

# A comma then a lower-case word that does not go on with the list of persons: the clause ends.
_LIST_END = re.compile(r",\s+(?!(?:y|e|por|el|la|los|las|al|del|así como)\b)[a-zà-ÿ]")


# Between two persons of one list joined by "y" ("X y el alcalde Y").
_JOINED = re.compile(r"\s*,?\s*(?:y|e)\s+(?:(?:el|la|los|las|al|del)\s+)?")

# The lexicon lists of cue patterns that sentence_roles_es scans for, all with re.I.
_CUE_GROUPS = (
    "delegation_head",
    "co_host",
    "chair",
    "host",
    "signatory",
    "delegation_head_by",
    "signatory_by",
    "participant",
    "participant_objects",
    "leaders_group",
    "chair_by",
    "participant_list",
    "host_by",
)


@cache
def _lex() -> dict:  # type: ignore[type-arg]
    return load("es", "roles")


def sentence_roles_es(
    s: int,
    text: str,
    people,
    events,
    main: int | None,
    lead: bool,
    leaders: frozenset[int],
    signing: dict[int, tuple[int, ...]],
) -> list[RoleFact]:  # type: ignore[no-untyped-def]
    """Roles stated in one sentence. ``people``: [(Mention, person id)]; ``events``:
    [(EventMention, event id)]; ``signing``: event id -> signers named by a signing verb."""
    lex = _lex()
    out: list[RoleFact] = []
    own = [e for m, e in events if not m.persons]

    def event_near(pos: int) -> int | None:
        # a meeting told by this very verb ("Trump recibió a Ebrard"), unless the clause names
        # the event it happened in ("recibió a B en una visita de trabajo ...")
        own_verb = [e for m, e in events if m.start < pos <= m.end and m.extra.get("verb")]
        named = [m for m, _ in events if m.start >= pos and not m.ref and not m.extra.get("verb")]
        if own_verb and not named:
            return own_verb[0]
        after = [e for m, e in events if m.start >= pos and len(m.persons) < 2 and not m.ref]
        before = [e for m, e in events if m.end <= pos and len(m.persons) < 2]
        if after:
            return after[0]
        return before[-1] if before else (own[0] if own else main)

    def add(cid: int, e: int | None, role: str) -> None:
        if cid >= 0 and e is not None:
            out.append(RoleFact(cid, e, role, s))

    def clause(pos: int, end: int) -> tuple[list[int], list[int]]:
        lo = max([m.end() for m in _CLAUSE.finditer(text[:pos])] + [0])
        hi_m = _CLAUSE.search(text, end)
        hi = hi_m.start() if hi_m else len(text)
        before = [cid for pm, cid in people if lo <= pm.start and pm.end <= pos]
        after = [cid for pm, cid in people if end <= pm.start < hi]
        return before, after

    # One scan for any cue first: most sentences hold none, and every cue loop below only adds
    # lookarounds to its cue, so none of them could match.
    cued = could_match([p for group in _CUE_GROUPS for p in lex.get(group, [])], text, re.I)

    def cues(group: str) -> list[str]:
        return lex.get(group, []) if cued else []

    taken: list[tuple[int, int]] = []
    for role in ("delegation_head", "co_host", "chair", "host", "signatory"):
        for pat in cues(role):
            for m in _rx(rf"(?<![\wÀ-ÿ]){pat}(?![\wÀ-ÿ])", re.I).finditer(text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append(m.span())
                before, after = clause(m.start(), m.end())
                rel = _WHO.search(text, 0, m.start())
                if rel and not before:  # "Pérez Gómez, quien encabezó la delegación, ..."
                    before = [cid for pm, cid in people if 0 <= rel.start() - pm.end <= 2][-1:]
                if role == "host" and before:
                    guests = [c for pm, c in people if pm.start >= m.end()]
                    for cid in guests:
                        add(cid, event_near(m.end()), "participant")
                # "firmaron un Acuerdo ...": the signing the sentence tells, else the nearest event
                signed = [e for em, e in events if em.type == "Signing" and role == "signatory"]
                for cid in before or (after if role != "host" else []):
                    add(cid, signed[0] if signed else event_near(m.end()), role)
    # passive and verb-first lists ("fue copresidida por A; B, y C", "Lo acompañaron A; B"):
    # every person after the cue up to the next cue of another group or the sentence's end
    listed = {
        "delegation_head_by": "delegation_head",
        "chair_by": "chair",
        "participant_list": "participant",
        "host_by": "host",
    }
    spots = sorted(
        (m.start(), m.end(), role)
        for group, role in listed.items()
        for pat in cues(group)
        for m in _rx(rf"(?<![\wÀ-ÿ]){pat}(?![\wÀ-ÿ])", re.I).finditer(text)
    )
    heads_end = alt(lex.get("after_heads", []), escape=False)
    for n, (_, b, role) in enumerate(spots):
        hi = spots[n + 1][0] if n + 1 < len(spots) else len(text)
        stop = re.search(heads_end, text[b:hi], re.I) if role != "participant" else None
        cut = b + stop.start() if stop else hi
        ends = [
            c.start()
            for c in _LIST_END.finditer(text, b, hi)
            if not any(pm.start <= c.start() < pm.end for pm, _ in people)
        ]
        if role != "participant" and ends:
            hi = cut = min(cut, ends[0])  # "presidida por A, para dar seguimiento a ..."

        last = None
        for pm, cid in people:
            if b <= pm.start < hi:
                if (
                    role == "host"
                    and last is not None
                    and not _JOINED.fullmatch(text[last : pm.start])
                ):
                    break  # "A invitación de X, la secretaria Y participó": one host and its "y"
                add(cid, event_near(b), role if pm.start < cut else "participant")
                last = pm.end
    for e, who in signing.items():
        for cid in who:
            add(cid, e, "signatory")
    for pat in cues("signatory_by"):
        for m in _rx(rf"\b{pat}\b", re.I).finditer(text):
            for pm, cid in people:
                if pm.start >= m.end():
                    add(cid, event_near(m.start()), "signatory")
    for pat in cues("participant"):
        for m in _rx(rf"(?<![\wÀ-ÿ]){pat}(?![\wÀ-ÿ])", re.I).finditer(text):
            before, _ = clause(m.start(), m.end())
            after = [cid for pm, cid in people if pm.start >= m.end()]
            for cid in before or after:
                add(cid, event_near(m.end()), "participant")
    for pat in cues("participant_objects"):
        for m in _rx(rf"(?<![\wÀ-ÿ]){pat}(?![\wÀ-ÿ])", re.I).finditer(text):
            for cid in clause(m.start(), m.end())[1]:
                add(cid, event_near(m.end()), "participant")
    for m, e in events:
        for cid in m.persons:
            add(cid, e, "participant")
        if m.type == "Visit" and not m.ref:  # "la visita de Estado del presidente X a ..."
            for pm, cid in people:
                if m.start <= pm.start < m.end:
                    add(cid, e, "participant")
    for pat in cues("leaders_group"):
        for m in _rx(rf"\b{pat}\b", re.I).finditer(text):
            targets = [e for em, e in events if em.start > m.end() and not em.ref]
            for e in targets[:1]:
                for cid in sorted(leaders):
                    add(cid, e, "participant")
    if lead and not out:
        for _, cid in people:
            add(cid, own[0] if own else main, "participant")
    out += label_roles(s, text, people, own[0] if own else main, "es")
    said = _SPEAKER_LABEL.match(text)
    if said:  # a transcript's "SECRETARIO LUIS VIDELA CAMPOS: ...": the person speaks there
        for pm, cid in people:
            if pm.start < said.end():
                add(cid, own[0] if own else main, "speaker")
    speak = alt(lex.get("speaker", {}).get("verbs", []))
    said_by = alt(lex.get("speaker", {}).get("sources", []))
    # "sostuvo un encuentro con ...": a speech verb that here holds a meeting, no speech
    not_speech = alt(lex.get("speaker", {}).get("not_before", []) or ["(?!)"], escape=False)
    speak = rf"{speak}(?![\wÀ-ÿ])(?!\s+{not_speech})"
    for pm, cid in people:
        tail = text[pm.end : pm.end + 60]
        if re.match(
            rf"\s*(?:,[^,]{{0,40}}(?=,))?,?\s*(?:quien\s+|que\s+)?(?:también\s+)?{speak}\b", tail
        ):
            add(cid, event_near(pm.start), "speaker")
        # verb first, after a quotation: '"...", afirmó Buenrostro Sánchez'
        if _rx(rf"{speak}\s+(?:(?:el|la)\s+)?$").search(text[max(0, pm.start - 40) : pm.start]):
            add(cid, event_near(pm.start), "speaker")
        # "Según Ebrard, ...", "En palabras de la canciller, ...": a paraphrase of the person
        if said_by and _rx(rf"(?<![\wÀ-ÿ])(?:{said_by})\s+(?:(?:el|la)\s+)?$", re.I).search(
            text[max(0, pm.start - 30) : pm.start]
        ):
            add(cid, event_near(pm.start), "speaker")
    return out
