"""Answers for people: labels instead of IRIs (``--iris`` keeps them), in the chosen language.

A column of IRIs beside its label column (``event`` and ``event_label``, ``release`` and
``release_id``) is left out; a column of IRIs without one shows each IRI's label instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rdflib import URIRef

from ..graph.store import Store
from ..views import queries as library
from ..views.language import labels

SIBLING_SUFFIXES = ("_label", "_name", "_id")


def _sibling(column: str, columns: Sequence[str]) -> bool:
    stems = {column, column.rpartition("_")[2]}
    return any(f"{stem}{suffix}" in columns for stem in stems for suffix in SIBLING_SUFFIXES)


def iri_columns(result: library.Result) -> list[int]:
    """Indexes of the columns whose values are all IRIs (empty columns are not)."""
    found = []
    for i in range(len(result.columns)):
        values = [row[i] for row in result.rows if row[i] is not None]
        if values and all(isinstance(v, URIRef) for v in values):
            found.append(i)
    return found


def readable(result: library.Result, store: Store, lang: str, keep_iris: bool = False
             ) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows of plain values, labels in ``lang`` where the answer has IRIs.

    >>> from bordergraph.graph.open import open_store
    >>> r = library.Result(["event", "event_label"], [(URIRef("urn:e"), None)])
    >>> readable(r, open_store(":memory:"), "en")
    (['event_label'], [['']])
    >>> readable(library.Result(["series"], [(URIRef("urn:x/21st-cbmp"),)]),
    ...          open_store(":memory:"), "en")
    (['series'], [['21st-cbmp']])
    """
    rows = [[library.to_python(v) for v in row] for row in result.rows]
    if keep_iris:
        return list(result.columns), rows
    drop: set[int] = set()
    relabel: list[int] = []
    for i in iri_columns(result):
        if _sibling(result.columns[i], result.columns):
            drop.add(i)
        else:
            relabel.append(i)
    for i in relabel:
        iris = [row[i] for row in result.rows if isinstance(row[i], URIRef)]
        names = labels(store, iris, lang)  # type: ignore[arg-type]
        for row, raw in zip(rows, result.rows, strict=True):
            term = raw[i]
            if isinstance(term, URIRef):
                row[i] = names.get(term) or _local(term)
    keep = [i for i in range(len(result.columns)) if i not in drop]
    if not keep:
        keep = list(range(len(result.columns)))
    return ([result.columns[i] for i in keep],
            [["" if row[i] is None else row[i] for i in keep] for row in rows])


def _local(iri: URIRef) -> str:
    text = str(iri)
    return text.rstrip("/").rpartition("/")[2].rpartition("#")[2] or text
