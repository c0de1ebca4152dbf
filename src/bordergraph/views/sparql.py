"""SPARQL typed by people: the project's prefixes predeclared, clear errors, updates on request.

The prefixes are the ontology's own (``ontology/bordergraph.ttl``), ``bgid:`` and ``release:``
for the graph's IRIs, and one per kind of entity (``person:serena-hoy``). A query that declares
a prefix itself keeps its own declaration.

>>> "PREFIX bg: <https://w3id.org/bordergraph/ontology#>" in with_prefixes("ASK { ?s a bg:Person }")
True
>>> unknown_prefixes("SELECT ?s WHERE { ?s a zz:Thing ; bg:x 'a:b' }")
['zz']
>>> is_update("PREFIX x: <urn:x#> INSERT DATA { <urn:a> x:b 1 }")
True
"""

from __future__ import annotations

import re
from functools import cache

from ..graph import iris
from ..paths import project_path
from .catalog import QueryError

ENTITY_KINDS = (
    "person", "post", "organization", "event", "mechanism", "outcome", "port", "administration",
    "country", "participation", "postholding", "delegation",
)
UPDATE_WORDS = r"INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH"
HOW_TO_CHANGE = (
    "this is an update; the graph changes through `bordergraph load` (releases) and "
    "data/curation/ (analysts' corrections, then `bordergraph build`), so every fact keeps "
    "its source; run it anyway with --update"
)


@cache
def prefixes() -> dict[str, str]:
    """Every predeclared prefix and its namespace."""
    found: dict[str, str] = {}
    text = project_path("ontology", "bordergraph.ttl").read_text(encoding="utf-8")
    for name, namespace in re.findall(r"@prefix\s+([\w-]*):\s*<([^>]*)>", text):
        found[name] = namespace
    found["bgid"] = iris.ID
    found["release"] = iris.RELEASE
    found["graph"] = iris.GRAPH
    for kind in ENTITY_KINDS:
        found.setdefault(kind, f"{iris.ID}{kind}/")
    return found


def _code(text: str) -> str:
    """The query without IRIs, string literals and comments (where a ``x:`` is no prefix)."""
    code = re.sub(r"<[^>\s]*>", "<>", text)
    code = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', '""', code)
    code = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', code)
    return re.sub(r"#[^\n]*", " ", code)


def declared(text: str) -> set[str]:
    return set(re.findall(r"(?i)\bPREFIX\s+([\w-]*):", _code(text)))


def used(text: str) -> set[str]:
    code = re.sub(r"(?i)\bPREFIX\s+[\w-]*:", " ", _code(text))
    return set(re.findall(r"(?<![\w?$:/.-])([A-Za-z][\w.-]*|):(?=[\w\-%]|\s|[;,.)}\]])", code))


def with_prefixes(text: str) -> str:
    """``text`` with the project's prefixes it uses and does not declare, declared before it."""
    own = declared(text)
    known = prefixes()
    needed = sorted(p for p in used(text) if p in known and p not in own)
    head = "".join(f"PREFIX {p}: <{known[p]}>\n" for p in needed)
    return head + text


def unknown_prefixes(text: str) -> list[str]:
    """Prefixes ``text`` uses that neither it nor the project declares."""
    return sorted(p for p in used(text) if p not in prefixes() and p not in declared(text))


def is_update(text: str) -> bool:
    """True for SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...), not for a query."""
    code = _code(text)
    code = re.sub(r"(?i)\b(PREFIX\s+[\w-]*:\s*<>|BASE\s+<>)", " ", code).strip()
    return bool(re.match(rf"(?i)({UPDATE_WORDS})\b", code))


def prepare(text: str, *, update: bool = False) -> str:
    """A user's SPARQL ready to run: prefixes added; unknown prefixes and updates refused.

    >>> prepare("SELECT ?s WHERE { ?s a nope:Thing }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    bordergraph.views.catalog.QueryError: unknown prefix 'nope:' (declare it ...)
    """
    missing = unknown_prefixes(text)
    if missing:
        names = ", ".join(f"'{p}:'" for p in missing)
        raise QueryError(f"unknown prefix {names} (declare it with PREFIX {missing[0]}: <...>, "
                         "or see `bordergraph sparql --prefixes`)")
    if is_update(text) and not update:
        raise QueryError(HOW_TO_CHANGE)
    return with_prefixes(text)


# After a user's update the default graph is made the union of the named graphs again.
REFILL_UNION = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def run_update(store: object, text: str) -> None:
    """Run a SPARQL Update on ``store``, then rebuild its default graph as the named graphs'
    union (so write inside ``GRAPH <...> { }``: the default graph alone is derived data)."""
    update = getattr(store, "update", None)
    if update is None:
        raise QueryError("this store cannot run SPARQL Update")
    from ..ingest.consolidate import consolidate

    update(with_prefixes(text))
    refill = getattr(store, "refill_union", None)  # a union kept elsewhere (Virtuoso's graph)
    if refill is not None:
        refill()
    else:
        update(REFILL_UNION)
    consolidate(store)  # type: ignore[arg-type]
