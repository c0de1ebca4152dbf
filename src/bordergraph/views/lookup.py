"""Finding entities by name, with "did you mean" when nothing matches.

:func:`~bordergraph.views.queries.find_entities` finds exact and whole-word matches;
:func:`suggest` ranks every name of the wanted class by similarity (rapidfuzz) for a name that
matched nothing: ``Nikols`` → ``Brian A. Nichols``.

>>> from bordergraph.graph.open import open_store
>>> suggest(open_store(":memory:"), "Nikols", "person")
[]
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..graph import iris
from ..graph.store import Store
from ..graph.vocab import BG
from .catalog import ENTITY_CLASSES, ParameterError
from .queries import LOOKUP, find_entities

SCORE_CUTOFF = 70


def names(store: Store, kind: str = "entity") -> dict[URIRef, list[str]]:
    """Every name, label, variant and acronym of the entities of ``kind`` (a parameter type)."""
    bindings: dict[str, Node] = {}
    if ENTITY_CLASSES.get(kind):
        bindings["class"] = BG[ENTITY_CLASSES[kind]]
    found: dict[URIRef, list[str]] = {}
    for subject, label in store.select(LOOKUP, bindings).rows:
        if isinstance(subject, URIRef) and isinstance(label, Literal):
            found.setdefault(subject, []).append(str(label))
    return found


def _score(wanted: str, label: str) -> float:
    """Similarity of a folded query to a folded name: the whole name, or its best word."""
    from rapidfuzz import fuzz

    whole = max(fuzz.ratio(wanted, label), fuzz.token_sort_ratio(wanted, label))
    words = label.split()
    if len(wanted.split()) == 1 and words:
        whole = max(whole, *(fuzz.ratio(wanted, w) for w in words))
    return whole


def suggest(store: Store, text: str, kind: str = "entity", limit: int = 3) -> list[str]:
    """Up to ``limit`` names of ``kind`` closest to ``text``, best first (one per entity)."""
    wanted = iris.fold(text)
    best: dict[URIRef, tuple[float, str]] = {}
    for subject, labels in names(store, kind).items():
        scored = [(_score(wanted, iris.fold(label)), len(label), label) for label in labels]
        score, _, label = max(scored)
        if score >= SCORE_CUTOFF:
            best[subject] = (score, label)
    ranked = sorted(best.values(), key=lambda x: (-x[0], x[1]))
    top = ranked[0][0] if ranked else 0
    return list(dict.fromkeys(label for s, label in ranked if s >= top - 10))[:limit]


def no_match_message(store: Store, text: str, kind: str = "entity") -> str:
    """"no person matches 'Nikols'; did you mean 'Brian A. Nichols'?" (or without a guess)."""
    close = suggest(store, text, kind)
    if not close:
        return f"no {kind} matches {text!r}"
    return f"no {kind} matches {text!r}; did you mean " + " or ".join(map(repr, close)) + "?"


def find_one_or_more(store: Store, text: str, kind: str = "entity") -> list[URIRef]:
    """The entities ``text`` names, or a :class:`ParameterError` saying "did you mean"."""
    found = find_entities(store, text, kind)
    if not found:
        raise ParameterError(no_match_message(store, text, kind))
    return found


# Text parameters whose values are codes of the ontology (query name, parameter) -> scheme.
CODED = {("meetings", "event_type"): "Event", ("outcomes", "relation"): "hasOutcome",
         ("outcomes", "type"): "Outcome"}


def check_codes(query: str, params: dict[str, object]) -> None:
    """A coded text parameter (``event_type=Sumit``) outside its codes is an error, with the
    closest code suggested.

    >>> check_codes("meetings", {"event_type": "Sumit"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    bordergraph.views.catalog.ParameterError: event_type: unknown code 'Sumit'; did you mean ...
    """
    from rapidfuzz import process

    from ..graph.vocab import codes

    for name, value in params.items():
        scheme = CODED.get((query, name))
        if scheme is None or value is None:
            continue
        known = sorted(codes(scheme))
        if str(value) in known:
            continue
        close = process.extractOne(str(value), known, score_cutoff=60)
        guess = f"; did you mean {close[0]!r}?" if close else ""
        raise ParameterError(f"{name}: unknown code {value!r}{guess} (one of {', '.join(known)})")
