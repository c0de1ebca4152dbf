"""The language of labels: every answer in English or Spanish, falling back to the other.

The library queries pick one label per entity, ranking labels tagged with the preferred language
(or untagged, as personal names are) first. :func:`in_language` re-ranks a query for Spanish;
:func:`labels` gives the preferred label of any IRIs; :func:`default_language` reads the locale.

>>> default_language({"LANG": "es_MX.UTF-8"}), default_language({"LANG": "C.UTF-8"})
('es', 'en')
>>> check_language("ES")
'es'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from rdflib import Literal, URIRef

from ..graph.binding import bind_rows
from ..graph.store import Store
from .catalog import ParameterError, Query

LANGUAGES = ("en", "es")

# The ranking the library queries share: ``LANG(?l1) IN ("en", "")`` puts English or untagged
# labels first. The language code comes from LANGUAGES only, never from user text or releases.
_PREFERENCE = re.compile(r'(LANG\(\?\w+\)\s+IN\s+\()"en"(,\s*""\))')

_LABEL_BATCH = 400  # IRIs per request: one query for a page of table cells, not one each

LABEL = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?s ?label ?rank WHERE {
  { ?s skos:prefLabel ?label BIND(0 AS ?rank) } UNION { ?s foaf:name ?label BIND(1 AS ?rank) }
  UNION { ?s rdfs:label ?label BIND(2 AS ?rank) } UNION { ?s skos:altLabel ?label BIND(3 AS ?rank) }
}"""


def check_language(lang: str | None) -> str:
    """``en`` or ``es`` (any case); ``None`` means the locale's; anything else is an error.

    >>> check_language("fr")
    Traceback (most recent call last):
    ...
    bordergraph.views.catalog.ParameterError: unknown language 'fr'; use en or es
    """
    if lang is None:
        return default_language()
    code = str(lang).strip().lower()
    if code not in LANGUAGES:
        raise ParameterError(f"unknown language {lang!r}; use en or es")
    return code


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """``es`` when the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE) is Spanish, else ``en``."""
    env = os.environ if environ is None else environ
    for key in ("BORDERGRAPH_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(key, "").strip().lower()
        if value:
            if value[:2] in LANGUAGES:
                return value[:2]
            if key == "BORDERGRAPH_LANG" or value not in ("c", "posix", "c.utf-8"):
                return "en"
    return "en"


def in_language(query: Query, lang: str) -> Query:
    """``query`` with its labels ranked for ``lang`` (a library query ranks English first).

    >>> from bordergraph.views.catalog import get
    >>> '"es", ""' in in_language(get("meetings"), "es").text
    True
    """
    lang = check_language(lang)
    if lang == "en":
        return query
    return replace(query, text=localize(query.text, lang))


def localize(text: str, lang: str) -> str:
    """SPARQL text whose label ranking prefers ``lang`` (``en`` or ``es``)."""
    return _PREFERENCE.sub(rf'\1"{check_language(lang)}"\2', text)


def pick(labels: Iterable[tuple[Literal, int]], lang: str) -> str | None:
    """The best of (label, rank) pairs: the language wanted (or none) first, then rank, longest.

    >>> pick([(Literal("Foreign Secretary", lang="en"), 2),
    ...       (Literal("canciller", lang="es"), 2)], "es")
    'canciller'
    """
    best: tuple[int, int, int, str] | None = None
    for label, rank in labels:
        tag = getattr(label, "language", None)
        key = (0 if tag in (None, lang) else 1, int(rank), -len(str(label)), str(label))
        if best is None or key < best:
            best = key
    return None if best is None else best[3]


def labels(store: Store, subjects: Iterable[URIRef], lang: str = "en") -> dict[URIRef, str]:
    """The preferred label in ``lang`` of each IRI that has one (the IRI is bound, not pasted).

    >>> from bordergraph.graph.open import open_store
    >>> labels(open_store(":memory:"), [URIRef("urn:x")])
    {}
    """
    lang = check_language(lang)
    wanted = [URIRef(s) for s in dict.fromkeys(subjects)]
    candidates: dict[URIRef, list[tuple[Literal, int]]] = {}
    for start in range(0, len(wanted), _LABEL_BATCH):
        rows = [[s] for s in wanted[start : start + _LABEL_BATCH]]
        for subject, label, rank in store.select(bind_rows(LABEL, ["s"], rows)).rows:
            if isinstance(label, Literal) and isinstance(rank, Literal):
                candidates.setdefault(subject, []).append((label, int(rank.toPython())))
    found = {s: pick(candidates[s], lang) for s in wanted if s in candidates}
    return {s: best for s, best in found.items() if best is not None}
