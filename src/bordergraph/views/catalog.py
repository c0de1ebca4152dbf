"""The catalog of competency questions: ``queries/NAME.rq`` files and their headers.

Running them, with their parameters bound, is :mod:`.queries`. Each file opens with a header:
what it answers and how to call it::

    # title: Delegation heads
    # question: Who led each country's delegation at each meeting, in which post and agency?
    # param: event event - - the event (IRI or name); every event when omitted
    # param: country country - - ISO code (US, MX) or IRI
    # columns: event, event_label, date, country_code, person, person_name, post_label, agencies

``# param: NAME TYPE DEFAULT - DESCRIPTION`` (``-`` as DEFAULT: no default, so an omitted parameter
means "all"). Values are bound as RDF terms through ``Store.select(query, bindings)`` — never
pasted into the query text. A name given for an entity parameter (``person=Nichols``) is first
resolved to IRIs with a lookup query that itself binds the name as a literal.

>>> q = library()["delegation_heads"]
>>> q.title, [p.name for p in q.params][:2]
('Delegation heads', ['event', 'series'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import BordergraphError
from ..paths import project_path

QUERY_DIR = project_path("queries")

# Parameter types that name an entity, with the class a match must have (None: any).
ENTITY_CLASSES = {
    "person": "Person", "event": "Event", "series": "Mechanism", "organization": "Organization",
    "port": "PortOfEntry", "administration": "Administration", "post": "Post",
    "country": "Country", "entity": None,
}
SCALAR_TYPES = {"date", "text", "integer", "role"}


class QueryError(BordergraphError):
    """A query that cannot be found, parsed or run."""


class ParameterError(QueryError):
    """A parameter the query does not declare, or a value of the wrong type."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str


@dataclass(frozen=True)
class Query:
    """One ``.rq`` file: its header fields and SPARQL text."""

    name: str
    title: str
    question: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    text: str

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise ParameterError(f"query {self.name!r} has no parameter {name!r} (known: {known})")


_PARAM = re.compile(r"^(\w+)\s+(\w+)\s+(\S+)\s+[-—]\s+(.*)$")


def parse(text: str, name: str = "query") -> Query:
    """Read a query's header; a file without a header is still a runnable query.

    >>> q = parse("# title: T\\n# question: Q?\\n# param: since date - - from this day\\n"
    ...           "# columns: a, b\\nSELECT ?a ?b WHERE { ?a ?p ?b }", "demo")
    >>> q.params[0], q.columns
    (Param(name='since', type='date', default=None, description='from this day'), ('a', 'b'))
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break  # the header ends at the first line of code
            continue
        key, _, value = stripped.lstrip("#").strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "param":
            match = _PARAM.match(value)
            if not match:
                raise QueryError(
                    f"{name}: bad param line {value!r} (want: NAME TYPE DEFAULT - TEXT)")
            pname, ptype, default, description = match.groups()
            if ptype not in ENTITY_CLASSES and ptype not in SCALAR_TYPES:
                raise QueryError(f"{name}: parameter {pname!r} has unknown type {ptype!r}")
            params.append(Param(pname, ptype, None if default == "-" else default, description))
        elif key in ("title", "question", "columns"):
            fields[key] = value
    columns = tuple(c.strip() for c in fields.get("columns", "").split(",") if c.strip())
    return Query(name, fields.get("title", name), fields.get("question", ""), tuple(params),
                 columns, text)


@cache
def library(directory: Path = QUERY_DIR) -> dict[str, Query]:
    """Every query in ``queries/`` by name."""
    return {p.stem: parse(p.read_text(encoding="utf-8"), p.stem)
            for p in sorted(directory.glob("*.rq"))}


def get(name: str) -> Query:
    """The library query ``name``, or a one-line error listing the known names."""
    queries = library()
    if name not in queries:
        raise QueryError(f"no query named {name!r}; known: {', '.join(queries)}")
    return queries[name]


def load_file(path: str | Path) -> Query:
    path = Path(path)
    try:
        return parse(path.read_text(encoding="utf-8"), path.stem)
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {exc.strerror}") from exc


def describe(queries: Iterable[Query] | None = None) -> list[tuple[str, str, str]]:
    """(name, question, parameters) for every library query, for ``bordergraph queries``."""
    return [(q.name, q.question or q.title, ", ".join(f"{p.name}:{p.type}" for p in q.params))
            for q in (queries if queries is not None else library().values())]


def is_query_name(text: str) -> bool:
    """True for a library query name (``series_span``), False for SPARQL text.

    >>> is_query_name("series_span"), is_query_name("SELECT * WHERE { ?s ?p ?o }")
    (True, False)
    """
    return bool(re.fullmatch(r"\w+", text.strip()))
