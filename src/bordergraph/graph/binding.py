"""Bind parameters into a SPARQL query: a VALUES block as the first element of its WHERE group.

The WHERE group is found on the query's tokens — comments, strings (all four quote forms) and
IRIs are tokens of their own, so a ``{`` inside them is never taken for the group — and the
position is checked with rdflib's SPARQL parser, once per query text: bound there, the query must
parse, and its WHERE pattern must begin with exactly the VALUES block that was put in. Values are
RDF terms serialised by pyoxigraph, so a value such as ``"} UNION {"`` stays one literal and an
IRI with ``>`` in it is refused with a one-line error.

>>> from rdflib import Literal
>>> bind_values('SELECT ?s WHERE { ?s ?p ?o }', {"o": Literal("x} UNION {")})
'SELECT ?s WHERE { VALUES (?o) { ("x} UNION {") } ?s ?p ?o }'
>>> bind_values('# WHERE { in a comment\\nSELECT ?s { ?s ?p "{" }', {"p": Literal("a")})
'# WHERE { in a comment\\nSELECT ?s { VALUES (?p) { ("a") } ?s ?p "{" }'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from rdflib.term import Node

from .store import StoreError, term_text

# SPARQL tokens that may hold a brace: long strings first, then short strings, IRIs, comments
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
    r"|[{}()]"
    r"|[A-Za-z_][\w-]*",
    re.S,
)


def _braces(query: str) -> list[tuple[int, str]]:
    """(offset, token) for braces, parentheses and keywords outside strings, IRIs, comments."""
    out = []
    for m in _TOKEN.finditer(query):
        token = m.group(0)
        if token[0] in "{}()" or token[0].isalpha() or token[0] == "_":
            out.append((m.start(), token))
    return out


def where_group_start(query: str) -> int:
    """Offset just after the ``{`` that opens the query's WHERE group."""
    depth = parens = 0
    construct_template = False
    seen_construct = False
    for offset, token in _braces(query):
        upper = token.upper()
        if token == "(":
            parens += 1
        elif token == ")":
            parens -= 1
        elif token == "}":
            depth -= 1
        elif token == "{":
            if depth == 0 and parens == 0:
                if seen_construct and not construct_template:
                    construct_template = True  # CONSTRUCT { template } WHERE { group }
                    depth += 1
                    continue
                return offset + 1
            depth += 1
        elif depth == 0 and parens == 0 and upper == "CONSTRUCT":
            seen_construct = True
        elif depth == 0 and parens == 0 and upper == "WHERE" and seen_construct:
            construct_template = True  # the short form: CONSTRUCT WHERE { ... }
    raise StoreError("query has no WHERE group to bind parameters into")


def bind_values(query: str, bindings: Mapping[str, Node] | None) -> str:
    """``query`` with ``bindings`` as a VALUES block opening its WHERE group (see the module)."""
    if not bindings:
        return query
    return bind_rows(query, list(bindings), [list(bindings.values())])


def bind_rows(query: str, names: Sequence[str], rows: Iterable[Sequence[Node]]) -> str:
    """``query`` with one VALUES row per item of ``rows`` (one term per name) opening its WHERE
    group: the same as :func:`bind_values`, for many bindings in one request.

    >>> from rdflib import URIRef
    >>> bind_rows("SELECT ?s ?l { ?s ?p ?l }", ["s"], [[URIRef("urn:a")], [URIRef("urn:b")]])
    'SELECT ?s ?l { VALUES (?s) { (<urn:a>) (<urn:b>) } ?s ?p ?l }'
    """
    names = tuple(names)
    for name in names:
        if not name.isidentifier():
            raise StoreError(f"invalid parameter name {name!r}")
    table = " ".join(
        f"({' '.join(_term(n, v) for n, v in zip(names, row, strict=True))})" for row in rows
    )
    position = where_group_start(query)
    _check(query, position, names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ {table} }} "
    return query[:position] + " " + block + query[position:].lstrip()


def _term(name: str, value: Node) -> str:
    """``value`` as one SPARQL term, or an error naming the parameter."""
    try:
        return term_text(value)
    except (ValueError, TypeError) as exc:
        raise StoreError(f"parameter {name}: invalid value {str(value)!r} ({exc})") from None


@lru_cache(maxsize=256)
def _check(query: str, position: int, names: tuple[str, ...]) -> None:
    """The parser's view of the query bound at ``position``: its WHERE pattern opens with the
    VALUES block. Values are single serialised terms, so the check is made once per query and
    names, with UNDEF in their place."""
    from rdflib.plugins.sparql.parser import parseQuery

    block = (
        f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join('UNDEF' for _ in names)}) }} "
    )
    try:
        parsed = parseQuery(query[:position] + " " + block + query[position:])
    except Exception:
        return  # the engine reports its own syntax errors, with its own position
    where = parsed[1].get("where")
    parts = where.get("part") if where is not None else None
    first = parts[0] if parts else None
    if (
        first is None
        or first.name != "InlineData"
        or [str(v) for v in first.get("var", [])] != list(names)
    ):
        raise StoreError("could not find the query's WHERE group to bind parameters into")


__all__ = ["bind_rows", "bind_values", "where_group_start"]
