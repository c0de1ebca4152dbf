"""Reference data: countries, people, administrations, agencies, mechanisms, ports of entry.

The facts live under ``data/reference/`` (YAML, and CSV with ``#`` metadata lines), one file per
kind of entity, each naming its sources. This module checks them, turns them into the triples
of the reference graph (:func:`load_reference`) and builds the :class:`Gazetteer` the resolver
uses to give a mention its IRI.

>>> graph = load_reference()
>>> len(graph) > 1000
True
"""

from __future__ import annotations

import calendar
import csv
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, Literal, URIRef

from ..errors import BordergraphError
from ..paths import project_path
from . import iris
from .vocab import BG, DCTERMS, FOAF, GEO, ORG, RDF, RDFS, SKOS, XSD, ontology_graph

RULES_FILE = "lookup_rules.yaml"
# kind -> (root class of its rows, default class, extra keys a row may have)
KINDS: dict[str, tuple[URIRef, str | None, frozenset[str]]] = {
    "country": (BG.Country, "Country", frozenset({"notation"})),
    "person": (BG.Person, "Person", frozenset({"country"})),
    "administration": (BG.Administration, "Administration",
                       frozenset({"country", "president", "start", "end"})),
    "organization": (BG.Organization, None, frozenset({"country", "parent"})),
    "mechanism": (BG.Mechanism, None, frozenset({"established", "part_of"})),
    "port": (BG.PortOfEntry, "PortOfEntry", frozenset(
        {"country", "state", "city", "counterpart_id", "latitude", "longitude", "status"})),
}
_COMMON = frozenset({"id", "class", "name", "acronyms", "variants"})
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so a bad date is reported with its row."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class ReferenceDataError(BordergraphError):
    """A bad reference file or row; the message names the file and the row.

    >>> str(ReferenceDataError("data/reference/x.yaml row 2 (id 'a')", "unknown class 'Foo'"))
    "data/reference/x.yaml row 2 (id 'a'): unknown class 'Foo'"
    """

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Entry:
    """One checked reference row. ``kind`` is the IRI kind (a Framework row is an "outcome")."""

    kind: str
    id: str
    cls: str
    names: Mapping[str, str]  # language -> name
    acronyms: tuple[str, ...]
    variants: tuple[str, ...]
    country: str | None  # ISO code: "US", "MX", "CA"; None for binational or countries
    fields: Mapping[str, Any]
    where: str

    @property
    def iri(self) -> URIRef:
        return iris.entity(self.kind, self.id)

    def forms(self) -> list[str]:
        """Every name, variant and acronym, without repeats, in file order."""
        return list(dict.fromkeys([*self.names.values(), *self.variants, *self.acronyms]))


def reference_dir() -> Path:
    """``$BORDERGRAPH_HOME/data/reference``, else the repository's ``data/reference``."""
    return project_path("data", "reference")


def _read_file(path: Path) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """(metadata, [(where, raw row)]) of one YAML or CSV file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    # a CSV file's metadata is YAML in its leading "# " lines; a YAML file is all metadata + rows
    n_meta = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    try:
        if path.suffix == ".csv":
            meta = yaml.load("\n".join(line[2:] for line in lines[:n_meta]), _Loader)
        else:
            meta = yaml.load("\n".join(lines), _Loader)
    except yaml.YAMLError as err:
        raise ReferenceDataError(str(path), f"not valid YAML: {err}") from None
    if not isinstance(meta, dict) or not meta.get("kind") or not meta.get("sources"):
        raise ReferenceDataError(str(path), "metadata needs a 'kind' and a 'sources' list")
    if path.suffix == ".csv":
        reader = csv.DictReader(lines[n_meta:])
        rows = [(f"{path} line {n_meta + reader.line_num}", dict(row)) for row in reader]
    else:
        rows = [(f"{path} row {i}", row) for i, row in enumerate(meta.pop("rows", []) or [], 1)]
    return meta, rows


@cache
def _subclasses(root: URIRef) -> frozenset[str]:
    """Local names of ``root`` and its subclasses in the ontology."""
    classes = ontology_graph().transitive_subjects(RDFS.subClassOf, root)
    return frozenset(str(c).rsplit("#", 1)[-1] for c in classes)


def _entry(kind: str, where: str, row: dict[str, Any]) -> Entry:
    root, default, extra = KINDS[kind]
    if not isinstance(row, dict):
        raise ReferenceDataError(where, "a row must be a mapping")
    rid = str(row.get("id") or "")
    where = f"{where} (id {rid!r})"
    if not rid or iris.slug(rid) != rid:
        raise ReferenceDataError(where, "id must be a lower-case slug (letters, digits, '-')")
    unknown = set(row) - _COMMON - extra
    if unknown:
        raise ReferenceDataError(where, f"unknown column(s) {sorted(map(str, unknown))}")
    cls = str(row.get("class") or default or "")
    allowed = _subclasses(root) | (_subclasses(BG.Outcome) if kind == "mechanism" else frozenset())
    if cls not in allowed:
        raise ReferenceDataError(where, f"class {cls!r} is not one of {sorted(allowed)}")
    if kind == "mechanism" and cls not in _subclasses(BG.Mechanism):
        kind = "outcome"  # a founding document (Framework, Declaration) is an outcome
    name = row.get("name")
    names: dict[str, Any] = dict(name) if isinstance(name, dict) else {"en": name, "es": name}
    if not all(isinstance(names.get(lang), str) and str(names[lang]).strip()
               for lang in ("en", "es")):
        raise ReferenceDataError(where, "name needs an English and a Spanish form")
    country = row.get("country") or None
    fields = {k: v for k, v in row.items() if k in extra and v not in (None, "")}
    fields.pop("country", None)
    return Entry(kind, rid, cls, {k: str(v).strip() for k, v in names.items()},
                 _strings(row.get("acronyms")), _strings(row.get("variants")),
                 country, fields, where)


def _strings(value: Any) -> tuple[str, ...]:
    """A YAML list or a |-separated CSV cell as a tuple of non-empty strings."""
    if value in (None, ""):
        return ()
    items = value.split("|") if isinstance(value, str) else value
    return tuple(s for s in (str(v).strip() for v in items) if s)


def period(text: str) -> tuple[date, date] | None:
    """The first and last day an ISO year, year-month or date means; None when it is none
    (``2021-13``, ``2021-02-30``, or not of that form).

    >>> period("2021-02")
    (datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))
    >>> period("2021-02-30") is None
    True
    """
    if not _DATE.fullmatch(text):
        return None
    parts = [int(p) for p in text.split("-")]
    try:
        first = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    if len(parts) == 3:
        return first, first
    month = parts[1] if len(parts) > 1 else 12
    return first, date(first.year, month, calendar.monthrange(first.year, month)[1])


def parse_period(value: Any, where: str, what: str, full: bool = False) -> tuple[date, date, str]:
    """(first day, last day, ISO text) of a year, year-month or date value from a file."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not _DATE.fullmatch(text) or (full and len(text) != 10):
        raise ReferenceDataError(where, f"{what} {text!r} is not an ISO date")
    found = period(text)
    if found is None:
        raise ReferenceDataError(where, f"{what} {text!r} is not a day of the calendar")
    return found[0], found[1], text


def _date_literal(text: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(text), XSD.date)
    return Literal(text, datatype=datatype)


def _check(entries: list[Entry]) -> None:
    """Cross-row checks: unique IRIs and every reference pointing at a row of the right kind."""
    by_kind: dict[str, dict[str, Entry]] = defaultdict(dict)
    for e in entries:
        if e.id in by_kind[e.kind]:
            raise ReferenceDataError(e.where, f"duplicate id (also {by_kind[e.kind][e.id].where})")
        by_kind[e.kind][e.id] = e

    def target(e: Entry, key: str, kind: str) -> Entry | None:
        ref = e.fields.get(key)
        if ref is not None and str(ref) not in by_kind[kind]:
            raise ReferenceDataError(e.where, f"{key} {ref!r} names no {kind} row")
        return by_kind[kind].get(str(ref)) if ref is not None else None

    for e in entries:
        if e.kind != "country" and e.country not in (None, *(c.fields["notation"]
                                                            for c in by_kind["country"].values())):
            raise ReferenceDataError(e.where, f"no country row for {e.country!r}")
        target(e, "parent", "organization")
        target(e, "part_of", "mechanism")
        if e.kind == "administration":
            if target(e, "president", "person") is None or not e.country:
                raise ReferenceDataError(e.where, "an administration needs a country and president")
            start = parse_period(e.fields.get("start"), e.where, "start", full=True)[0]
            if "end" in e.fields and parse_period(e.fields["end"], e.where, "end", True)[0] < start:
                raise ReferenceDataError(e.where, "end is before start")
        if "established" in e.fields:
            parse_period(e.fields["established"], e.where, "established")
        if e.kind == "port":
            _check_port(e, target(e, "counterpart_id", "port"))


def _check_port(e: Entry, other: Entry | None) -> None:
    try:
        lat, lon = float(e.fields["latitude"]), float(e.fields["longitude"])
    except (KeyError, ValueError):
        raise ReferenceDataError(e.where, "latitude and longitude must be numbers") from None
    # The land border runs from 25.8N to 32.8N and 97.1W to 117.2W: catches swapped columns.
    if not (25.5 <= lat <= 33.0 and -117.5 <= lon <= -97.0):
        raise ReferenceDataError(e.where, f"({lat}, {lon}) is not on the U.S.-Mexico border")
    if e.country not in ("US", "MX") or not e.fields.get("state"):
        raise ReferenceDataError(e.where, "a port needs country US or MX and a state")
    if other is not None and (other.fields.get("counterpart_id") != e.id
                              or other.country == e.country):
        raise ReferenceDataError(e.where, f"counterpart {other.id!r} does not point back across")


def read_reference(ref_dir: Path | None = None) -> tuple[Entry, ...]:
    """Every checked row of every reference file, files in name order.

    >>> sum(1 for e in read_reference() if e.kind == "country")
    3
    """
    folder = ref_dir or reference_dir()
    entries: list[Entry] = []
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.csv")]):
        if path.name == RULES_FILE:
            continue
        meta, rows = _read_file(path)
        if meta["kind"] not in KINDS:
            raise ReferenceDataError(str(path), f"unknown kind {meta['kind']!r}")
        entries += [_entry(meta["kind"], where, row) for where, row in rows]
    _check(entries)
    return tuple(entries)


def _triples(e: Entry, country_iri: Mapping[str, URIRef]) -> Iterator[tuple[Any, Any, Any]]:
    s = e.iri
    yield s, RDF.type, BG[e.cls]
    if e.cls == "Official":
        yield s, RDF.type, BG.Person
    for lang, name in e.names.items():
        yield s, RDFS.label, Literal(name, lang=lang)
        yield s, SKOS.prefLabel, Literal(name, lang=lang)
    for variant in e.variants:
        if variant not in e.names.values():
            yield s, SKOS.altLabel, Literal(variant)
    for acronym in e.acronyms:
        yield s, BG.acronym, Literal(acronym)
    if e.country:
        yield s, BG.country, country_iri[e.country]
    f = e.fields
    if e.kind == "country":
        yield s, SKOS.notation, Literal(f["notation"])
    elif e.kind == "person":
        yield s, FOAF.name, Literal(e.names["en"])
    elif e.kind == "administration":
        yield s, BG.president, iris.entity("person", f["president"])
        for key, prop in (("start", BG.startDate), ("end", BG.endDate)):
            if key in f:
                yield s, prop, _date_literal(parse_period(f[key], e.where, key)[2])
    elif e.kind == "organization" and "parent" in f:
        yield s, ORG.subOrganizationOf, iris.entity("organization", f["parent"])
    elif e.kind in ("mechanism", "outcome"):
        if "established" in f:
            prop = BG.established if e.kind == "mechanism" else DCTERMS.issued
            yield s, prop, _date_literal(parse_period(f["established"], e.where, "established")[2])
        if "part_of" in f:
            yield s, BG.partOf, iris.entity("mechanism", f["part_of"])
    elif e.kind == "port":
        if "counterpart_id" in f:
            yield s, BG.counterpart, iris.entity("port", f["counterpart_id"])
        yield s, BG.usState if e.country == "US" else BG.mxState, Literal(f["state"])
        geometry = URIRef(f"{s}/geometry")  # an IRI, not a blank node: same triples every run
        wkt = f"POINT({float(f['longitude']):.3f} {float(f['latitude']):.3f})"
        yield s, GEO.hasGeometry, geometry
        yield geometry, RDF.type, GEO.Geometry
        yield geometry, GEO.asWKT, Literal(wkt, datatype=GEO.wktLiteral)


def load_reference(ref_dir: Path | None = None) -> Graph:
    """All reference facts as one graph (no blank nodes), for the reference named graph.

    >>> g = load_reference()
    >>> (iris.entity("country", "mx"), SKOS.notation, Literal("MX")) in g
    True
    """
    entries = read_reference(ref_dir)
    countries = {e.fields["notation"]: e.iri for e in entries if e.kind == "country"}
    graph = Graph()
    for prefix, ns in (("bg", BG._NS), ("geo", GEO), ("org", ORG), ("skos", SKOS)):
        graph.bind(prefix, ns)
    for entry in entries:
        for triple in _triples(entry, countries):
            graph.add(triple)
    return graph


__all__ = ["ReferenceDataError", "load_reference", "read_reference"]

