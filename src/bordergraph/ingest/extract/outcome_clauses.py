"""Outcome clauses besides the verb-and-object frame of :mod:`.outcome_frames`, in any
language: a name and a relative clause ("the Framework, which the two governments adopted"),
a name and a participle ("la Declaración X, firmada por ..."), the completion of a project,
an outcome presented now whose relation comes later, an undertaking ("committed to build a
new crossing", "acordaron ampliar el puerto X") and the items of a list that open with a verb
("- crear un grupo de trabajo"). Every word comes from ``data/lexicon/LANG/outcomes.yaml``; a
clause whose words a language does not list is not read in it.

>>> found = []
>>> undertakings("They committed to build a new bridge at Nogales.", "en",
...              lambda *a, **k: found.append(a[:2]), [])
>>> found
[('build a new bridge at Nogales', 'adopted')]
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from . import cached_re as re
from .lexicon import alternation, load
from .outcome_frames import capitalised_name
from .outcome_lists import is_meeting, outcome_type

Add = Callable[..., None]


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "outcomes")


@cache
def _frame(lang: str) -> dict:  # type: ignore[type-arg]
    return _lex(lang).get("frame", {})


def relation_of(verb: str, lang: str) -> str | None:
    """The relation a participle gives ("issued" -> adopted), from the frame's participles."""
    return _frame(lang).get("participles", {}).get(verb.lower())


def _alt(lang: str, key: str, escape: bool = True) -> str | None:
    words = _lex(lang).get(key, [])
    return alternation(words, escape=escape) if words else None


def earlier_clauses(text: str, lang: str, events, add: Add) -> None:  # type: ignore[no-untyped-def]
    """ "the Framework ..., which the two governments adopted when the HLSD was inaugurated":
    the outcome of the event named after the clause."""
    rel = _alt(lang, "relative_words")
    parts = alternation(list(_frame(lang).get("participles", {})))
    if rel is None or not re.search(rf"\b{rel}\b", text):
        return
    for m in re.finditer(
        rf"(?P<np>{capitalised_name(lang)}),\s+{rel}\s+(?:[\w-]+\s+){{0,4}}?(?P<v>{parts})\b",
        text,
    ):
        later = [e for em, e in events if em.start > m.end()]
        if later:
            name = _trim(m.group("np"), lang)
            add(name, relation_of(m.group("v"), lang), m.end(), event=later[0])


def done_earlier(text: str, lang: str, events, add: Add) -> None:  # type: ignore[no-untyped-def]
    """ "la Estrategia X, adoptada en la tercera ronda", "the Framework, adopted at the first
    meeting": what the event named after the participle did."""
    parts, preps = _frame(lang).get("participles", {}), _frame(lang).get("earlier_preps", [])
    if not parts or not preps or "," not in text:
        return
    after = rf",\s+(?P<v>{alternation(list(parts))})\s+(?:{alternation(preps)})\s+"
    if not re.search(after, text):
        return  # the participle first: trying a name at every capital is slow
    for m in re.finditer(rf"(?P<np>{capitalised_name(lang)}){after}", text):
        later = [e for em, e in events if em.end > m.start()]  # the name may open it
        if later:
            name = _trim(m.group("np"), lang)
            add(name, parts[m.group("v").lower()], m.start(), event=later[0])


def signed_participles(text: str, lang: str, add: Add) -> None:
    """ "la Declaración X, firmada por ...": an agreement or declaration and its signing (the
    article in lower case: "El Acta 328 complementa la declaración ..." names two)."""
    parts = _alt(lang, "signed_after_comma", escape=False)
    if parts is None:
        return
    kinds = ("Declaration", "Agreement")
    heads = [w for e in _lex(lang).get("types", []) if e["type"] in kinds for w in e["words"]]
    det = alternation(_frame(lang).get("definite", []))
    for m in re.finditer(
        rf"\b{det}\s+(?P<np>(?i:{alternation(heads)})\b[^,;]*?),\s+{parts}\b", text
    ):
        add(m.group("np"), "signed", m.end())


def completions(text: str, lang: str, add: Add) -> None:
    """ "the completion of the new rail bridge": a project completed, or reviewed when the
    sentence reviews it."""
    words = _alt(lang, "completion_words", escape=False)
    if words is None or not re.search(words, text, re.I):
        return
    reviews = alternation(_frame(lang).get("verbs", {}).get("reviewed", []), escape=False)
    det = alternation(_frame(lang).get("definite", []))
    for m in re.finditer(rf"(?i)\b{words}\s+(?:{det}\s+)?(?P<np>[^,;.]+)", text):
        review = re.search(rf"(?i)\b{reviews}", text[: m.start()])
        rel = "reviewed" if review else "completed"
        add(m.group("np").strip(), rel, m.start(), kind="InfrastructureProject")


def _trim(name: str, lang: str) -> str:
    openers = _alt(lang, "name_openers")  # "In", "The": a capitalised word before the name
    return re.sub(rf"^{openers}\s+", "", name) if openers else name


def _opener(lang: str) -> str:
    """Words an undertaking's object opens with that are not part of it ("to", "the")."""
    return rf"^(?:{alternation(_lex(lang).get('undertaking_openers', []))})\s+"


def _object(text: str, lang: str) -> str:
    """An undertaking's object: up to a clause break (", aligning", ";", ".")."""
    breaks = _lex(lang).get("clause_break", r"[;:\"“”]|\.\s|\.$")
    m = re.search(breaks, text)
    return (text[: m.start()] if m else text).strip(" ,.")


def _concrete(phrase: str, lang: str) -> bool:
    """An undertaking names something specific: an amount, a number, a proper name that is
    not a nationality, or a concrete noun; a general promise ("meet again in Washington")
    does not count its proper names."""
    lex = _lex(lang)
    if re.search(lex.get("amount", r"\$"), phrase) or re.search(r"\d", phrase):
        return True
    general = _alt(lang, "general_verbs")
    nationality = lex.get("nationality_ending")
    if nationality and not (general and re.match(rf"(?:{general})\b", phrase, re.I)):
        for run in re.findall(r"(?<=\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", phrase):
            if not re.search(nationality, run):
                return True
    concrete = _alt(lang, "commitment_concrete")
    return bool(concrete and re.search(rf"\b{concrete}s?\b", phrase, re.I))


def undertakings(text: str, lang: str, add: Add, out: list, listed: bool = False) -> None:  # type: ignore[type-arg]
    """Specific undertakings: "committed to build a new bridge", "acordaron ampliar el puerto
    X". A language whose undertakings open with an infinitive (``commitment_infinitive``) names
    them by the thing when it comes first ("puerto X"), else by the whole phrase."""
    lex = _lex(lang)
    only_listed = lex.get("list_only_commitments", [])  # "will": in a list of commitments
    verbs = [v for v in lex.get("commitment_verbs", []) if listed or v not in only_listed]
    if not verbs:
        return
    infinitive = lex.get("commitment_infinitive")
    restated = _alt(lang, "restated_words", escape=False)
    for m in re.finditer(rf"\b(?:{alternation(verbs, escape=False)})\s+", text):
        if restated and re.search(rf"\b{restated}\s+(?:\w+\s+)?$", text[: m.start()], re.I):
            continue  # "reaffirmed their commitment to ...": a promise restated, no new outcome
        rest = text[m.end() :]
        if infinitive is None:
            obj = re.sub(_opener(lang), "", _object(rest, lang))
            told = any(o.name in obj or obj in o.name for o in out)
            if obj and _concrete(obj, lang) and not told and not is_meeting(obj, lang):
                add(obj, "adopted", m.start(), kind="Commitment")
            continue
        verb = re.match(rf"(?P<inf>{infinitive})\s+(?P<obj>[^,;.]+)", rest)
        if verb is None or is_meeting(verb.group(0), lang):
            continue
        setup = _frame(lang).get("item_verbs", {}).get("launched", [])
        if (
            setup
            and re.fullmatch(alternation(setup, escape=False), verb.group("inf"), re.I)
            and any(o.relation == "launched" for o in out)
        ):
            continue  # "acordaron establecer un mecanismo ...": the body set up, read as such
        obj = re.sub(_opener(lang), "", verb.group("obj"), flags=re.I).strip()
        head = " ".join(obj.split()[:3])
        if _concrete_noun(head, lang):
            add(_cut(obj, lang), "adopted", m.start(), kind="Commitment")
        elif _concrete_noun(_cut(obj, lang), lang):  # "mantener abiertos los pasos fronterizos"
            phrase = f"{verb.group('inf')} {verb.group('obj')}"
            add(_cut(phrase, lang), "adopted", m.start(), kind="Commitment")


def _concrete_noun(phrase: str, lang: str) -> bool:
    concrete = _alt(lang, "commitment_concrete")
    return bool(concrete and re.search(rf"\b{concrete}s?\b", phrase, re.I))


def _cut(phrase: str, lang: str) -> str:
    """A phrase up to where its clause goes on ("..., con el fin de ...")."""
    cuts = _lex(lang).get("phrase_cut", [])
    if cuts:
        phrase = re.split(rf",|;|\s+(?:{alternation(cuts, escape=False)})\s", phrase)[0]
    return phrase.strip(" ,.;")


def verb_items(text: str, lead: str, lang: str, add: Add) -> None:
    """An item of a list of agreements that opens with an infinitive: "- crear un grupo de
    trabajo" (a body set up), "- organizar un foro" (an undertaking); else the item names an
    outcome by its head ("- la ampliación del puerto X")."""
    lex = _lex(lang)
    verbs = _frame(lang).get("item_verbs", {})
    if not lex.get("commitment_infinitive") or not verbs.get("launched"):
        return  # a language whose undertakings open with an infinitive
    launch = alternation(verbs["launched"], escape=False)
    commit = alternation(verbs.get("adopted", []), escape=False)
    item = re.sub(r"^[-•*·–]\s*", "", text).strip()
    det = alternation(_frame(lang).get("determiners", []))
    m = re.match(rf"(?:{launch})\s+(?:{det}\s+)?(?P<np>.+)", item, re.I)
    if m:
        purpose = alternation(lex.get("purpose_words", []), escape=False)
        add(re.split(rf"\s+(?:{purpose})\s+", _cut(m.group("np"), lang))[0], "launched", 0)
        return
    m = re.match(rf"(?:{commit})\s+(?:{det}\s+)?(?P<np>.+)", item, re.I)
    if m:
        add(_cut(m.group("np"), lang), "adopted", 0, kind="Commitment")
        return
    name = _cut(re.sub(rf"^(?:{det})\s+", "", item, flags=re.I), lang)
    projects = _alt(lang, "project_leads")
    projects_listed = projects and re.search(rf"\b{projects}s?\b", lead, re.I)
    if projects_listed and outcome_type(name, "approved", lang):
        add(name, "approved", 0, kind="InfrastructureProject")
    elif outcome_type(name, "adopted", lang):
        add(name, "adopted", 0)


def opens_with_document(text: str, lang: str) -> bool:
    """ "El documento crea una Red ...": the sentence is about the agreement named before it."""
    subjects = _alt(lang, "document_subjects")
    det = alternation(_frame(lang).get("definite", []))
    # the noun in lower case: "El Acta 328" names another document
    return bool(subjects and re.match(rf"\s*[-•]?\s*(?i:{det})\s+{subjects}\b", text))


def pledges(text: str, lang: str, add: Add) -> None:
    """ "a Canadian pledge of $50 million": an undertaking named by its amount."""
    words, amount = _alt(lang, "pledge_words"), _lex(lang).get("amount")
    if words is None or amount is None or not re.search(words, text):
        return
    for m in re.finditer(rf"(?P<adj>\b[A-Z][a-z]+\s+)?(?P<w>{words})\s+(?P<amt>{amount})", text):
        name = f"{(m.group('adj') or '').strip()} {m.group('w')} {m.group('amt')}".strip()
        add(name, "adopted", m.start(), kind="Commitment")


def continuing(text: str, lang: str, add: Add) -> None:
    """ "- The Border Fund will continue": an item of a list of commitments."""
    words = _alt(lang, "continuing_words", escape=False)
    det = alternation(_frame(lang).get("definite", []))
    if words:
        name = capitalised_name(lang)
        m = re.match(rf"[-•*·–\s]*(?:(?i:{det})\s+)?(?P<np>{name})\s+{words}\b", text)
        if m:
            add(m.group("np"), "adopted", m.end(), kind="Commitment")


def named_before(text: str, lang: str) -> list[tuple[str, int]]:
    """ "The Framework grew out of ...": a definite head naming an outcome told earlier, with
    where its clause ends (the event it started at is named after)."""
    heads, origins = _alt(lang, "definite_heads"), _alt(lang, "origin_verbs")
    if heads is None or origins is None:
        return []
    det = alternation(_frame(lang).get("definite", []))
    return [
        (m.group("head"), m.end())
        for m in re.finditer(rf"\b(?i:{det})\s+(?P<head>{heads})\s+(?P<v>{origins})\b", text)
    ]
