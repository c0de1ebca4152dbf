"""Bind parameters into a SPARQL query: a VALUES block as the first element of its WHERE group.

The WHERE group is found on the query's tokens — comments, strings (all four quote forms) and
IRIs are tokens of their own, so a ``{`` inside them is never taken for the group — and the
result is checked with rdflib's SPARQL parser: the bound query must parse, and its WHERE pattern
must begin with exactly the VALUES block that was put in. Values are RDF terms serialised by
pyoxigraph, so a value such as ``"} UNION {"`` stays one literal and an IRI with ``>`` in it is
refused with a one-line error.

>>> from rdflib import Literal
>>> bind_values('SELECT ?s WHERE { ?s ?p ?o }', {"o": Literal("x} UNION {")})
'SELECT ?s WHERE { VALUES (?o) { ("x} UNION {") } ?s ?p ?o }'
>>> bind_values('# WHERE { in a comment\\nSELECT ?s { ?s ?p "{" }', {"p": Literal("a")})
'# WHERE { in a comment\\nSELECT ?s { VALUES (?p) { ("a") } ?s ?p "{" }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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
    names = list(bindings)
    for name in names:
        if not name.isidentifier():
            raise StoreError(f"invalid parameter name {name!r}")
    values = []
    for name in names:
        try:
            values.append(term_text(bindings[name]))
        except (ValueError, TypeError) as exc:
            raise StoreError(f"parameter {name}: invalid value {str(bindings[name])!r} "
                             f"({exc})") from None
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(values)}) }} "
    position = where_group_start(query)
    bound = query[:position] + " " + block + query[position:].lstrip()
    _check(bound, tuple(names))
    return bound


@lru_cache(maxsize=256)
def _check(bound: str, names: tuple[str, ...]) -> None:
    """The parser's view of the bound query: its WHERE pattern opens with our VALUES block."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(bound)
    except Exception:
        return  # the engine reports its own syntax errors, with its own position
    query = parsed[1]
    where = query.get("where")
    parts = where.get("part") if where is not None else None
    first = parts[0] if parts else None
    if first is None or first.name != "InlineData" or [
        str(v) for v in first.get("var", [])
    ] != list(names):
        raise StoreError("could not find the query's WHERE group to bind parameters into")


__all__ = ["bind_values", "where_group_start"]
