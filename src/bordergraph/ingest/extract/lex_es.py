"""A cached regex alternation for the Spanish modules: their patterns are rebuilt per sentence
from lexicon word lists, so the (sorted, escaped) alternation is computed once per list.

>>> alt(["jefe", "jefe de Misión"])
'(?:jefe\\\\ de\\\\ Misión|jefe)'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .lexicon import alternation


@cache
def _alt(words: tuple[str, ...], escape: bool) -> str:
    return alternation(list(words), escape=escape)


def alt(words: Iterable[str], escape: bool = True) -> str:
    """:func:`~bordergraph.ingest.extract.lexicon.alternation`, cached."""
    return _alt(tuple(words), escape)
