"""The outcome frame, in any language: an agreement verb with its object ("signed a memorandum
of understanding", "se adoptaron los Planes de Acción 2024"), the same in the passive ("a
coordinating body was set up", "a joint communique issued after the meeting"), the items a
verb introduces ("reviewed 13 projects, including the new crossing X"), and the items of a list
whose lead states what was agreed ("The documents signed are: 1. … 2. …", "Acuerdos: a) …").
The object is typed by its head noun; an untyped name takes the type of its apposition
("launched Mission Firewall, a joint initiative"). All words come from the ``frame`` section of
``data/lexicon/LANG/outcomes.yaml``; the code does not know which language it reads.

>>> [(c.name, c.relation) for c in frame_outcomes(
...     "The ministers signed a memorandum of understanding on customs data.", "en")]
[('memorandum of understanding', 'signed')]
>>> [(c.name, c.relation) for c in frame_outcomes(
...     "Se instaló una mesa permanente de trabajo sobre aduanas.", "es")]
[('mesa permanente de trabajo sobre aduanas', 'launched')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import cached_re as re
from .lexicon import alternation, load
from .outcome_lists import ITEM_MARK, concrete_item, lead_relation, outcome_type

_CAP = r"[A-ZÁÉÍÓÚÑ0-9][\wÀ-ÿ’'.$/&-]*"
_OPENS_LIST = r":\s+(?=\(?(?:1|a|i)[.)]\s)"


@dataclass
class Candidate:
    name: str
    relation: str
    kind: str | None  # the type the frame gives (apposition, list of commitments), if any
    pos: int
    # "signed a declaration on ...": named with an indefinite article in lower case, an outcome
    # the release may name in full elsewhere (then it is that one)
    mention: bool = False


@cache
def _frame(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "outcomes").get("frame", {})


@cache
def _type_words(lang: str) -> str:
    words = [w for e in load(lang, "outcomes").get("types", []) for w in e["words"]]
    words += _frame(lang).get("extra_heads", [])
    return alternation(sorted(set(words), key=len, reverse=True))


@cache
def _inline(lang: str) -> str:
    """Where one sentence holds several lettered items: "…; b) el cruce …, y c) …"."""
    conj = alternation(_frame(lang).get("and_words", []))
    return rf"(?:[;,]\s+(?:(?:{conj})\s+)?)(?=\(?(?:[a-z][)]|\d{{1,2}}[.)])\s)"


@cache
def capitalised_name(lang: str) -> str:
    """A capitalised name, its joining words from the frame's ``name_joins``."""
    joins = alternation(_frame(lang).get("name_joins", []))
    return (
        rf"{_CAP}(?:(?:(?:\s+(?:{joins})){{1,2}}\s+|,\s+(?:(?:{joins})\s+)?(?=[A-ZÁÉÍÓÚÑ])|\s+|[-–]|:\s+)"
        rf"{_CAP})*(?:\s+\([A-Z]{{2,10}}\))?"
    )


@cache
def _verbs(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    gaps = _frame(lang).get("verb_gaps", [])  # "signed today the ...", "firmaron en X el ..."
    # case-sensitive: a place is capitalised
    gap = rf"(?-i:(?:{alternation(gaps, escape=False)})\s+)?" if gaps else ""
    f = _frame(lang)
    verbs = {
        relation: alternation(words, escape=False) for relation, words in f.get("verbs", {}).items()
    }
    intent, setup = f.get("intent_verbs"), f.get("item_verbs", {}).get("launched")
    if intent and setup:  # "agreed to establish", "acordaron crear": the setting up of a body
        setup_after = (
            rf"(?:{alternation(intent, escape=False)})\s+(?:{alternation(setup, escape=False)})"
        )
        verbs["launched"] = rf"{verbs.get('launched', '(?!)')}|{setup_after}"
    return [
        (relation, re.compile(rf"(?<![\wÀ-ÿ])(?:{verb})\s+{gap}", re.I))
        for relation, verb in verbs.items()
    ]


def _is_typed(name: str, lang: str) -> bool:
    return bool(re.search(rf"(?<![\wÀ-ÿ])(?:{_type_words(lang)})s?(?![\wÀ-ÿ])", name, re.I))


def object_np(text: str, lang: str, typed: bool = True) -> tuple[str, str | None] | None:
    """The outcome named at the start of ``text`` and the type its apposition gives: a
    capitalised name, else a lower-case phrase headed by an outcome word. ``typed=False``
    also takes an untyped lower-case phrase (an item of a list of commitments)."""
    f = _frame(lang)
    det = alternation(f.get("determiners", []))
    mods = alternation(f.get("skip_modifiers", []))
    # "the group's 2021 work program": a possessive is no part of the name
    owner = r"(?:[a-z][\w-]*['’]s?\s+)?" if f.get("possessive_s") else ""
    m = re.match(rf"(?:(?P<det>{det})\s+{owner})?(?:(?:{mods})\s+)*", text.lstrip(), flags=re.I)
    article = m.group("det").lower() if m and m.group("det") else ""
    text = text.lstrip()[m.end() if m else 0 :]
    found = _object(text, lang, typed, det, mods)
    if found is None or re.search(r"^\s*[\"“]", text[len(found[0]) :]):
        return found  # the plan "Title": the title names it
    bare = re.fullmatch(rf"(?:{_type_words(lang)})s?", found[0], re.I)
    if bare and article in f.get("definite", []) and article not in f.get("self_articles", []):
        return None  # "the Framework": an outcome named before ("this Joint Statement" is the
        # release itself)
    return found


def _object(
    text: str, lang: str, typed: bool, det: str, mods: str
) -> tuple[str, str | None] | None:
    f = _frame(lang)
    stop = alternation(f.get("np_stop", []))
    m = re.match(capitalised_name(lang), text)
    if (
        m
        and (m.group(0)[:1].isupper() or re.match(r"\d+\s+[A-Z]", m.group(0)))
        and (len(m.group(0)) >= 4 or _is_typed(m.group(0), lang))  # "an MOU was signed"
    ):
        name = m.group(0).rstrip(",.: ")
        end = re.search(r"(?<=[\wÀ-ÿ]{3})(?<![A-Z]\.[A-Z])\.\s+(?=[A-ZÁÉÍÓÚÑ][a-zà-ÿ])", name)
        if end:  # "... en el Siglo XXI. En su declaración": the sentence ended there
            name = name[: end.start()]
        name = re.sub(rf"\s+(?:{stop})$", "", name)
        if not _is_typed(name, lang):
            appo = re.match(
                rf",\s+(?:(?:{det})\s+)?(?:[\w-]+\s+){{0,3}}?(?P<h>{_type_words(lang)})\b",
                text[m.end() :],
                re.I,
            )
            if appo is None and (typed or " " in name):
                return None
            if appo is not None:
                return name, appo.group("h")
            # else an item's first word, capitalised: "Greater use of X" (read below)
        else:
            return name, None
    lower = re.match(r"(?:[a-zà-ÿ][\wÀ-ÿ-]*\s+){1,2}(?=[A-ZÁÉÍÓÚÑ])", text)
    if lower and not f.get("head_first"):  # "a high-level Security Implementation Group"
        found = _object(text[lower.end() :], lang, typed, det, mods)
        if found and (found[1] or _is_typed(found[0], lang)):
            return found
    heads = _type_words(lang)
    word = r"[a-zà-ÿ0-9][\wÀ-ÿ-]*"
    if f.get("head_first"):
        cut = alternation(f.get("np_cut", []))
        m = re.match(
            rf"(?:(?:{mods})\s+)?(?:{heads})s?\b(?:(?!\s+(?:{cut})\b)[^,;:.()\"“”])*", text, re.I
        )
        if m:
            return m.group(0).strip(), None
    else:
        m = re.match(
            rf"(?:(?!(?:{stop})\b){word}\s+){{0,4}}?(?:{heads})s?\b(?:\s+\([A-Z]{{2,10}}\))?",
            text,
        )
        if m:
            return m.group(0).strip(), None
    if not typed:
        clause = alternation(f.get("clause_verbs", []) + f.get("np_stop", []))
        first = r"(?:[A-ZÁÉÍÓÚÑ][a-zà-ÿ]+\s+)?"  # an item's first word ("Greater use of X")
        m = re.match(rf"{first}(?:(?!(?:{clause})\b){word}\s*){{1,4}}", text)
        if m and len(m.group(0).split()) >= 2:
            return m.group(0).strip(), None
    return None


def _each(name: str, rest: str, lang: str) -> list[str]:
    """ "three working groups: on planning, on financing, and on review" -> one outcome per
    item, each named by the head in the singular and its item ("working group on planning")."""
    f = _frame(lang)
    preps, counts = f.get("each_preps", []), f.get("count_words", [])
    at = rest.find(name)
    if not preps or at < 0:
        return []
    items = re.match(rf":\s+((?:{alternation(preps)})\s[^.;:]+)", rest[at + len(name) :])
    if items is None:
        return []
    head = re.sub(rf"^(?:\d+|{alternation(counts)})\s+", "", name, flags=re.I)
    words = head.split()
    plural = 0 if f.get("head_first") else len(words) - 1
    if not words[plural].endswith("s"):
        return []
    words[plural] = words[plural][:-1]
    conj = alternation(f.get("and_words", []))
    parts = re.split(rf",\s+(?:(?:{conj})\s+)?|\s+(?:{conj})\s+", items.group(1))
    return [f"{' '.join(words)} {p.strip()}" for p in parts if re.match(alternation(preps), p)]


def frame_outcomes(text: str, lang: str, lead: str | None = None) -> list[Candidate]:
    """Outcomes one sentence (or list item, with ``lead`` the sentence introducing its list)
    states."""
    f = _frame(lang)
    if not f:
        return []
    out: list[Candidate] = []

    def add(
        found: tuple[str, str | None] | None, relation: str, pos: int, mention: bool = False
    ) -> None:
        if found and (len(found[0]) >= 4 or _is_typed(found[0], lang)):
            name, kind = found
            at = text.find(name, pos)
            end = at + len(name) if at >= 0 else pos
            quoted = re.match(r",?\s*[\"“](?P<t>[^\"”]{8,160})[\"”]", text[end:])
            if quoted and name == name.lower():  # issued a joint statement, "Title"
                kind, name = name, quoted.group("t").rstrip(",. ")
            out.append(Candidate(name, relation, kind, pos, mention and name == name.lower()))

    commit = f.get("commit_verbs", [])
    if commit:  # "officials will prepare a Work Plan": an undertaking
        for m in re.finditer(rf"\b(?:{alternation(commit, escape=False)})\s+", text, re.I):
            if any(p.match(text, m.start()) for _, p in _verbs(lang)):
                continue  # "se instalarán mesas de trabajo": a body set up, read below
            found = object_np(text[m.end() :], lang)
            if found:
                add((found[0], "Commitment"), "adopted", m.end())
    including = alternation(f.get("including", []))
    indefinite = f.get("mention_articles", [])
    articles = rf"\s*(?:{alternation(indefinite)})\s" if indefinite else None
    negation = alternation(f.get("negations", []))
    for relation, pattern in _verbs(lang):
        for m in pattern.finditer(text):
            if negation and re.search(rf"\b(?:{negation})\s+(?:\w+\s+)?$", text[: m.start()]):
                continue  # "states that have not signed an agreement"
            rest = text[m.end() :]
            # a body set up is not named again: "agreed to create a working group on ..."
            mention = relation != "launched" and bool(articles and re.match(articles, rest, re.I))
            found = object_np(rest, lang)
            each = _each(found[0], rest, lang) if found else []
            for name in each:  # "installed three working groups: on planning, on financing"
                add((name, None), relation, m.start())
            if not each:
                add(found, relation, m.start(), mention)
            inc = re.match(rf"[^.;:]{{0,80}}?,?\s+(?:{including})\s+", rest)
            if inc:
                add(object_np(rest[inc.end() :], lang), relation, m.end() + inc.end())
    # the passive: "A senior-level coordinating body was set up", "a communique issued after"
    aux = f.get("passive_aux")
    participles = f.get("participles", {})
    if aux and participles:
        parts = alternation(list(participles))
        det = alternation(f.get("determiners", []))
        preps = alternation(f.get("reduced_preps", []))
        for m in re.finditer(
            rf"(?:^|(?<=\s))(?P<det>{det})\s+(?P<np>(?:(?!\b(?:{det})\s)[^;.]){{3,120}}?)\s+"
            rf"(?:(?:{aux})\s+(?P<p>{parts})\b|(?P<r>{parts})\s+(?={preps}\b))",
            text,
            re.I,
        ):
            found = object_np(m.group("np"), lang)
            if m.group("det").lower() in f.get("definite", []) and re.fullmatch(
                rf"(?:{_type_words(lang)})s?", m.group("np").strip(), re.I
            ):
                continue  # "since the Framework was adopted": named before
            verb = (m.group("p") or m.group("r")).lower()
            if found and m.group("np").strip().startswith(found[0]):
                future = f.get("future_aux", [])
                if future and re.search(
                    rf"(?:{alternation(future, escape=False)})\s+\w+$", m.group(0), re.I
                ):
                    found = (found[0], "Commitment")  # "a Plan will be developed"
                add(found, participles[verb], m.start("np"))
    items = text
    opens = re.search(_OPENS_LIST, text) if lead is None else None
    # the words just before the colon say what the items are ("agreed to:", "se acordó:"), not
    # "sus compromisos en seis pilares:" (topics)
    if opens and lead_relation(" ".join(text[: opens.start()].split()[-3:]), lang):
        lead, items = text[: opens.start() + 1], text[opens.end() :]
    if lead is not None:
        for piece in re.split(_inline(lang), items):  # "a) …; b) …; c) …" in one sentence
            at = text.find(piece)
            _list_item(piece, lead, lang, lambda found, rel, pos, a=at: add(found, rel, a + pos))
    return out


def _project_lead(lead: str, lang: str) -> str | None:
    """The project word of a lead that lists projects ("three priority projects:")."""
    words = load(lang, "outcomes").get("project_leads", [])
    m = re.search(rf"\b({alternation(words)})s?\b", lead, re.I) if words else None
    return m.group(1).lower() if m else None


def _list_item(text: str, lead: str, lang: str, add) -> None:  # type: ignore[no-untyped-def]
    found = lead_relation(lead, lang)
    if found is None:
        return
    relation, commit = found
    item = re.sub(ITEM_MARK, "", text)
    at = len(text) - len(item)
    if any(p.match(item) for _, p in _verbs(lang)):
        return  # "Se instalarán mesas ...": the verb frame reads it
    f = _frame(lang)
    project = _project_lead(lead, lang)
    if project and relation in ("reviewed", "approved"):
        # "reviewed progress on three projects: 1. the reconstruction of the X port, ...": the
        # item names a project, however it is worded
        det = alternation(f.get("determiners", []))
        bare = re.sub(rf"^(?:{det})\s+", "", item, flags=re.I)
        cuts = f.get("np_cut", [])
        stop = rf"(?!\s+(?:{alternation(cuts)})\b)" if cuts else ""
        phrase = re.match(rf"(?:{stop}[^,;:()])+?(?=[,;:()]|\.(?:\s|$)|\s+(?:and|y)$|$)", bare)
        if phrase and len(phrase.group(0).split()) >= 2:
            add((phrase.group(0).strip(), project), relation, at + len(item) - len(bare))
            return
    for rel, verbs in f.get("item_verbs", {}).items():
        m = re.match(rf"(?:{alternation(verbs, escape=False)})\s+", item, re.I)
        if m is None:
            continue
        if relation in ("reviewed", "approved"):  # "2. Modernizar el paso X": a project
            cuts = f.get("np_cut", [])
            stop = rf"(?!\s+(?:{alternation(cuts)})\b)" if cuts else ""
            phrase = re.match(rf"(?:{stop}[^,;:.()])+", item)
            if phrase:
                add((phrase.group(0).strip(), None), relation, at)
            return
        # "- establish a working group on ports": the verb of an item gives its relation
        np = object_np(item[m.end() :], lang)
        project = np is not None and outcome_type(np[0], rel, lang) == "InfrastructureProject"
        if np is not None and rel == "adopted" and np[1] is None and project:
            np = (np[0], "Commitment")  # "- ampliar los carriles X": an undertaking
        if np is not None:
            add(np, rel, at + m.end())
        elif commit or rel == "adopted":  # "- expand cargo lanes at Nogales": an undertaking
            cuts = f.get("np_cut", [])
            stop = rf"(?!\s+(?:{alternation(cuts)})\b)" if cuts else ""
            phrase = re.match(rf"(?:{stop}[^,;:.()])+", item)
            name = (phrase.group(0) if phrase else item).strip()
            if concrete_item(name, lang):
                add((name, "Commitment"), "adopted", at)
        return
    np = object_np(item, lang, typed=not commit)
    if np is None:
        return
    name, kind = np
    f = _frame(lang)
    after = item[item.find(name) + len(name) :] if name in item else ""
    clause = alternation(f.get("clause_verbs", []))
    passive = alternation(f.get("passive_after", []), escape=False)
    if (
        clause
        and re.match(rf"\s+(?:{clause})\b", after)
        and not (passive and re.match(rf"\s+(?:{passive})\b", after) and _is_typed(name, lang))
    ):
        # "The three governments will revisit ...", "Criminal groups will be treated as ...": a
        # clause, its subject no outcome ("A Border Plan will be drafted" names one)
        return
    if commit and not kind:
        kind = "Commitment"
    add((name, kind), relation, at)
