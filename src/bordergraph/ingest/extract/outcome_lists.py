"""Lists of outcomes, in any language: which sentences are the items of a list and which
sentence leads it ("The documents signed are:", "Acuerdos:", a heading in capitals), the
relation a lead gives its items, and the words that tell an outcome from a meeting or a
general promise. Vocabulary: ``data/lexicon/LANG/outcomes.yaml``.

>>> lead_relation("Las delegaciones acordaron lo siguiente:", "es")
('adopted', False)
"""

from __future__ import annotations

from functools import cache

from . import cached_re as re
from .lexicon import alternation, load

_MARKER = r"(?:\d{1,2}[.)]|[a-z][)]|[IVX]{1,4}[.)]|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))"
ITEM_MARK = rf"^\s*(?:[-•*·–]|{_MARKER})\s+"
_BARE = rf"\s*{_MARKER}\s*"  # a marker split off as a sentence
_TRAILING = rf"\s{_MARKER}$"  # a marker left at a sentence's end
# "The parties agreed to: (1) …; (2) …": a lead and its items in one sentence


@cache
def _frame(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "outcomes").get("frame", {})


def outcome_type(name: str, relation: str | None, lang: str) -> str | None:
    """The outcome type by the words of its name; a body is a Committee only when created."""
    for entry in load(lang, "outcomes").get("types", []):
        if re.search(rf"\b{alternation(entry['words'])}\b", name, re.I):
            kind = entry["type"]
            if kind in ("Committee", "WorkingGroup") and relation != "launched":
                return "Commitment"
            return str(kind)
    return None


def lead_relation(lead: str, lang: str) -> tuple[str, bool] | None:
    """The relation a list's lead gives its items, and whether they are commitments."""
    f = _frame(lang)
    for part in reversed(lead.split("\n\n")):  # the lead, then the sentence before it
        for relation, words in f.get("lead_relations", {}).items():
            if re.search(rf"(?<![\wÀ-ÿ])(?:{alternation(words, escape=False)})", part, re.I):
                commits = alternation(f.get("commitment_leads", []), escape=False)
                commit = bool(re.search(rf"(?<![\wÀ-ÿ])(?:{commits})", part, re.I))
                return relation, commit
    return None


def concrete_item(phrase: str, lang: str) -> bool:
    """An undertaking names something specific: a number, a proper name or a concrete noun."""
    concrete = load(lang, "outcomes").get("commitment_concrete", [])
    if is_meeting(phrase, lang):
        return False  # "hold the next session in Tijuana": a future event
    return bool(
        re.search(r"\d|(?<=\s)[A-ZÁÉÍÓÚÑ]", phrase)
        or (concrete and re.search(rf"\b(?:{alternation(concrete)})s?\b", phrase, re.I))
    )


def is_meeting(phrase: str, lang: str) -> bool:
    """An undertaking to meet again ("hold the third session in ..."): an event, no outcome."""
    meetings = load(lang, "outcomes").get("meeting_objects", [])
    return bool(meetings and re.match(alternation(meetings, escape=False), phrase, re.I))


def _introduces(text: str) -> bool:
    """A list's lead: a sentence ending in ":", or a heading in capitals ("WHAT THE THREE
    GOVERNMENTS COMMITTED TO")."""
    text = re.sub(_TRAILING, "", text.rstrip()).rstrip()  # "... COMMITTED TO\n1."
    words = text.split()
    return text.endswith(":") or (
        len(words) >= 3 and all(w.isupper() for w in words[:3]) and not text.endswith(".")
    )


def list_leads(sents) -> list[str | None]:  # type: ignore[no-untyped-def]
    """For each sentence, the lead of the list it is an item of: a sentence ending in ":"
    followed by items marked with bullets, numbers, letters or Roman numerals. An item may run
    on for more sentences in its paragraph."""
    out: list[str | None] = []
    lead: str | None = None
    after_marker = False  # "II." split off as a sentence of its own: the next one is the item
    item_para = -1
    prev = None
    for s in sents:
        text = s.text
        bare = re.fullmatch(_BARE, text) is not None
        marked = s.bullet or bare or after_marker or re.match(ITEM_MARK, text) is not None
        after_marker = bare or re.search(_TRAILING, text) is not None  # "... proyectos. 2."
        if lead is not None and marked:
            out.append(lead)
            item_para = s.para
            continue
        out.append(None)
        if lead is not None and s.para == item_para and not _introduces(text):
            continue  # the item goes on
        lead = text if _introduces(text) else None
        if lead is not None and prev is not None and prev.para == s.para:
            lead = f"{prev.text}\n\n{lead}"  # "They reviewed 13 projects. Among them:"
        item_para = -1
        prev = s
    return out
