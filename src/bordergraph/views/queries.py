"""Running the competency-question library: parameters bound as RDF terms, rows back.

One implementation serves the CLI (``bordergraph query``) and the Python API
(``BorderGraph.query``). The queries and their headers are read by :mod:`.catalog` (its names
are importable from here too). Values are bound as RDF terms through
``Store.select(query, bindings)`` — never pasted into the query text. A name given for an entity
parameter (``person=Nichols``) is first resolved to IRIs with a lookup query that itself binds
the name as a literal.

>>> q = library()["delegation_heads"]
>>> q.title, [p.name for p in q.params][:2]
('Delegation heads', ['event', 'series'])
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from ..errors import BordergraphError
from ..graph import iris
from ..graph.reference import period
from ..graph.store import Rows, Store
from .catalog import (
    ENTITY_CLASSES,
    QUERY_DIR,
    SCALAR_TYPES,
    Param,
    ParameterError,
    Query,
    QueryError,
    describe,
    get,
    is_query_name,
    library,
    load_file,
    parse,
)

__all__ = [
    "ENTITY_CLASSES", "LOOKUP", "MAX_MATCHES", "NO_MATCH", "PREFIXES", "QUERY_DIR",
    "SCALAR_TYPES", "Param", "ParameterError", "Query", "QueryError", "Result", "bindings_for",
    "date_term", "describe", "find_entities", "get", "guess_term", "is_query_name", "library",
    "load_file", "parse", "query_form", "run", "run_sparql", "scalar_term", "to_frame",
    "to_python",
]

NO_MATCH = "urn:bordergraph:no-match"
MAX_MATCHES = 25  # a name matching more entities than this is too vague to run per IRI

PREFIXES = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""
# Candidates for a name: case-insensitive substring of any label; the class is a bound term too.
LOOKUP = PREFIXES + """SELECT DISTINCT ?s ?l WHERE {
  ?s rdfs:label|skos:prefLabel|skos:altLabel|foaf:name|bg:acronym ?l .
  FILTER(!BOUND(?class) || EXISTS { ?s a/rdfs:subClassOf* ?class })
  FILTER(!BOUND(?name_text) || CONTAINS(LCASE(STR(?l)), LCASE(STR(?name_text))))
}"""


@dataclass(frozen=True)
class Result:
    """Rows of rdflib terms plus notes for the user (e.g. a name that matched nothing)."""

    columns: list[str]
    rows: list[tuple[Node | None, ...]]
    notes: tuple[str, ...] = ()

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (see :func:`to_python`)."""
        return [{c: to_python(v) for c, v in zip(self.columns, row, strict=True)}
                for row in self.rows]


# -- values -----------------------------------------------------------------------------------



def date_term(value: Any) -> Literal:
    """``2021``, ``2021-11`` or ``2021-12-02`` (or a date object) as a typed literal.

    >>> date_term("2021-11").datatype == XSD.gYearMonth
    True
    """
    text = value.isoformat()[:10] if isinstance(value, dt.date) else str(value).strip()
    if period(text) is None:
        raise ParameterError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return Literal(text, datatype={4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(text)])


def scalar_term(param: Param, value: Any) -> Node:
    if isinstance(value, Literal | URIRef):
        return value
    if param.type == "date":
        return date_term(value)
    if param.type == "integer":
        try:
            return Literal(int(value))
        except (TypeError, ValueError) as exc:
            raise ParameterError(f"{param.name}: not an integer: {value!r}") from exc
    if param.type == "role":
        from ..graph.vocab import codes

        roles = codes("Role")
        if str(value) not in roles:
            raise ParameterError(f"{param.name}: unknown role {value!r}; one of {sorted(roles)}")
        return Literal(str(value))  # matched against the role's skos:notation
    return Literal(str(value))


def guess_term(value: Any) -> Node:
    """A term for a value given to an ad-hoc query: IRIs, dates, numbers, else a string."""
    if isinstance(value, Node):
        return value
    if isinstance(value, str) and re.match(r"^https?://\S+$", value):
        return URIRef(value)
    if isinstance(value, dt.date):
        return date_term(value)
    if isinstance(value, bool | int | float):
        return Literal(value)
    return Literal(str(value))


def find_entities(store: Store, text: str, kind: str = "entity") -> list[URIRef]:
    """IRIs whose label, name, variant or acronym matches ``text`` (an IRI passes through).

    Exact matches (ignoring case and accents) win over partial ones; a partial match needs every
    word of ``text`` ("Brian Nichols" finds "Brian A. Nichols", "lopez obrador" finds "López").
    """
    if re.match(r"^https?://\S+$", text.strip()):
        return [URIRef(text.strip())]
    if kind == "country" and re.match(r"^[A-Za-z]{2}$", text.strip()):
        return [iris.entity("country", text.strip().lower())]
    from ..graph.vocab import BG

    bindings: dict[str, Node] = {"name_text": Literal(text)}
    if ENTITY_CLASSES.get(kind):
        bindings["class"] = BG[ENTITY_CLASSES[kind]]
    rows = store.select(LOOKUP, bindings).rows
    if not rows:  # accents or a middle initial defeat CONTAINS: fold in Python instead
        rows = store.select(LOOKUP, {k: v for k, v in bindings.items() if k != "name_text"}).rows
    wanted = iris.fold(text)
    exact: dict[URIRef, None] = {}
    partial: dict[URIRef, None] = {}
    for subject, label in rows:
        if not isinstance(subject, URIRef) or label is None:
            continue
        folded = iris.fold(str(label))
        if folded == wanted:
            exact[subject] = None
        elif wanted and set(wanted.split()) <= set(folded.split()):
            partial[subject] = None
    return sorted(exact or partial)


def bindings_for(
    store: Store, query: Query, params: Mapping[str, Any]
) -> tuple[list[dict[str, Node]], list[str]]:
    """Every combination of bound values to run ``query`` with, and notes for the user.

    A name matching several entities gives one binding each; one matching none gives no binding
    at all (the answer is empty, with a note saying why).
    """
    choices: dict[str, list[Node]] = {}
    notes: list[str] = []
    given = {k: v for k, v in params.items() if v is not None}
    for name in given:
        query.param(name)  # unknown names are an error
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is None:
            continue
        if param.type in ENTITY_CLASSES and not isinstance(value, URIRef):
            found = find_entities(store, str(value), param.type)
            if not found:
                notes.append(f"no {param.type} matches {value!r}")
            elif len(found) > MAX_MATCHES:
                raise ParameterError(f"{param.name}={value!r} matches {len(found)} entities; "
                                     "be more specific or give an IRI")
            choices[param.name] = list(found)
        else:
            choices[param.name] = [scalar_term(param, value)]
    if any(not values for values in choices.values()):
        return [], notes
    names = list(choices)
    return [dict(zip(names, combo, strict=True))
            for combo in itertools.product(*(choices[n] for n in names))], notes


def run(
    store: Store,
    query: Query | str,
    params: Mapping[str, Any] | None = None,
    *,
    inferred: bool = True,
) -> Result:
    """Run a library query (by name or :class:`Query`) with its parameters bound.

    >>> from bordergraph.graph.open import open_store
    >>> run(open_store(":memory:"), "meetings", {"since": "2021-01-01"}).rows
    []
    """
    if isinstance(query, str):
        query = get(query)
    combos, notes = bindings_for(store, query, params or {})
    columns: list[str] | None = None
    seen: dict[tuple[Node | None, ...], None] = {}
    for bindings in combos:
        with _one_line():
            rows = store.select(query.text, bindings, inferred=inferred)
        columns = columns or rows.columns
        for row in rows.rows:
            seen.setdefault(row, None)
    if columns is None:
        # A name matched nothing: run once with a term no graph holds, for the real columns.
        nothing = {p.name: URIRef(NO_MATCH) for p in query.params if p.type in ENTITY_CLASSES}
        with _one_line():
            columns = store.select(query.text, nothing, inferred=inferred).columns
    return Result(columns, list(seen), tuple(notes))


def run_sparql(
    store: Store, text: str, params: Mapping[str, Any] | None = None, *, inferred: bool = True
) -> Rows | Any:
    """Ad-hoc SPARQL: SELECT gives :class:`Rows`, CONSTRUCT/DESCRIBE an rdflib Graph, ASK a bool."""
    bindings = {k: guess_term(v) for k, v in (params or {}).items() if v is not None}
    form = query_form(text)
    with _one_line():
        if form in ("CONSTRUCT", "DESCRIBE"):
            return store.construct(text, bindings, inferred=inferred)
        if form == "ASK":
            return store.ask(text, bindings)
        return store.select(text, bindings, inferred=inferred)


@contextmanager
def _one_line() -> Iterator[None]:
    """The store's errors (a parser's message spans lines) as one-line :class:`QueryError`."""
    try:
        yield
    except BordergraphError as exc:
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        more = " ..." if len(lines) > 1 else ""
        raise QueryError(lines[0] + more) from exc


def query_form(text: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK: the first query keyword after comments and prologue.

    >>> query_form("PREFIX x: <urn:x#> # SELECT\\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    """
    code = re.sub(r"<[^>\s]*>", "<>", text)  # IRIs may hold '#'
    code = re.sub(r"#[^\n]*", " ", code)
    match = re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", code, re.IGNORECASE)
    if not match:
        raise QueryError("not a SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK")
    return match.group(1).upper()


def to_python(term: Node | None) -> Any:
    """A plain Python value: full dates as ``datetime.date``, year-months and years as strings.

    >>> to_python(Literal("2021-12-02", datatype=XSD.date))
    datetime.date(2021, 12, 2)
    >>> to_python(Literal("2021-11", datatype=XSD.gYearMonth))
    '2021-11'
    """
    if term is None:
        return None
    if isinstance(term, Literal):
        if term.datatype in (XSD.gYear, XSD.gYearMonth):
            return str(term)
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)




def to_frame(result: Result) -> Any:
    """A pandas DataFrame of plain values; integer columns with gaps stay integers (``Int64``).

    >>> to_frame(Result(["n"], [(Literal(2),), (None,)]))["n"].dtype
    Int64Dtype()
    """
    import pandas as pd

    records = result.records()
    frame = pd.DataFrame(records, columns=result.columns)
    for column in result.columns:
        values = [r[column] for r in records if r[column] is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            frame[column] = pd.array([r[column] for r in records], dtype="Int64")
    return frame
