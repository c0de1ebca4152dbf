"""A post's language-independent id from the bilingual lexicon ``data/lexicon/posts.yaml``,
so an English and a Spanish release about one official give one post IRI.

For :mod:`bordergraph.ingest.resolve`: ``post_id(name, country)`` when not None can replace
``post_key(name)`` in the post IRI (``iris.entity("post", country, post_id)``).

>>> post_id("Chief Officer for North America", "MX") == post_id(
...     "jefe de la Unidad para América del Norte", "MX")
True
>>> post_id("subsecretaria de Seguridad Nacional para Asuntos Internacionales")
'us-dhs-assistant-secretary-international-affairs'
>>> post_id("Director of Field Operations") is None
True
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ...graph.iris import fold
from .lexicon import common


@lru_cache(maxsize=16384)
def _key(name: str) -> str:
    # cached: the same posts are looked up for every mention and every release
    return re.sub(r"^(?:the|el|la|los|las)\s+", "", fold(name))


@cache
def _index() -> dict[str, list[tuple[str, str | None]]]:
    """Folded name -> [(post id, country)] for every English, Spanish and feminine form."""
    lex = common("posts")
    fem = {fold(k): fold(v) for k, v in lex.get("feminine", {}).items()}
    out: dict[str, list[tuple[str, str | None]]] = {}
    for post in lex.get("posts", []):
        forms = [*post.get("en", []), *post.get("es", [])]
        for form in forms:
            keys = {_key(form)}
            for male, female in fem.items():
                if _key(form).startswith(male + " ") or _key(form) == male:
                    keys.add(female + _key(form)[len(male):])
            for k in keys:
                out.setdefault(k, []).append((post["id"], post.get("country")))
    return out


def post_id(name: str, country: str | None = None) -> str | None:
    """The canonical id of a post written in English or Spanish, else None (unknown, or
    known under another country than ``country``)."""
    hits = _index().get(_key(name), [])
    hits = [h for h in hits if country is None or h[1] in (None, country)]
    ids = {h[0] for h in hits}
    return ids.pop() if len(ids) == 1 else None


def post_country(name: str) -> str | None:
    """The one country of a post named in the lexicon ("secretario de Estado" -> US).

    >>> post_country("secretaria de Economía"), post_country("presidente")
    ('MX', None)
    """
    countries = {c for _, c in _index().get(_key(name), [])}
    return countries.pop() if len(countries) == 1 else None
