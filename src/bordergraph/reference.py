"""Reference data: countries, people, administrations, agencies, mechanisms, ports of entry.

The facts live under ``data/reference/`` (YAML, and CSV with ``#`` metadata lines), one file per
kind of entity, each naming its sources. This module checks them, turns them into the triples
of the reference graph (:func:`load_reference`) and builds the :class:`Gazetteer` the resolver
uses to give a mention its IRI.

>>> gaz = load_gazetteer()
>>> gaz.lookup("organization", "SRE") == gaz.lookup("organization", "Cancillería")
True
>>> gaz.label(gaz.administration_on("US", "2021-12-02"))
'Biden administration'
"""

from __future__ import annotations

import calendar
import csv
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, Literal, URIRef

from . import iris
from .errors import BordergraphError
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
    home = os.environ.get("BORDERGRAPH_HOME")
    return (Path(home) if home else Path(__file__).resolve().parents[2]) / "data" / "reference"


def _read_file(path: Path) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """(metadata, [(where, raw row)]) of one YAML or CSV file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        lines = text.splitlines()
        n_meta = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
        meta = yaml.safe_load("\n".join(line[2:] for line in lines[:n_meta])) or {}
        reader = csv.DictReader(lines[n_meta:])
        rows = [(f"{path} line {n_meta + reader.line_num}", dict(row)) for row in reader]
    else:
        meta = yaml.safe_load(text) or {}
        rows = [(f"{path} row {i}", row) for i, row in enumerate(meta.pop("rows", []) or [], 1)]
    if not isinstance(meta, dict) or not meta.get("kind") or not meta.get("sources"):
        raise ReferenceDataError(str(path), "metadata needs a 'kind' and a 'sources' list")
    return meta, rows


def _subclasses(root: URIRef) -> set[str]:
    g = ontology_graph()
    return {str(c).rsplit("#", 1)[-1] for c in g.transitive_subjects(RDFS.subClassOf, root)}


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
        raise ReferenceDataError(where, f"unknown column(s) {sorted(unknown)}")
    cls = str(row.get("class") or default or "")
    allowed = _subclasses(root) | (_subclasses(BG.Outcome) if kind == "mechanism" else set())
    if cls not in allowed:
        raise ReferenceDataError(where, f"class {cls!r} is not one of {sorted(allowed)}")
    if kind == "mechanism" and cls not in _subclasses(BG.Mechanism):
        kind = "outcome"  # a founding document (Framework, Declaration) is an outcome
    name = row.get("name")
    names = dict(name) if isinstance(name, dict) else {"en": name, "es": name}
    if not all(isinstance(names.get(lang), str) and names[lang].strip() for lang in ("en", "es")):
        raise ReferenceDataError(where, "name needs an English and a Spanish form")
    country = row.get("country") or None
    if kind != "country" and country is not None and country not in ("US", "MX", "CA"):
        raise ReferenceDataError(where, f"country must be US, MX or CA, not {country!r}")
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


def _period(value: Any, where: str, what: str, full: bool = False) -> tuple[date, date, str]:
    """(first day, last day, ISO text) of a year, year-month or date value from a file."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not _DATE.fullmatch(text) or (full and len(text) != 10):
        raise ReferenceDataError(where, f"{what} {text!r} is not an ISO date")
    parts = [int(p) for p in text.split("-")]
    try:
        first = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as err:
        raise ReferenceDataError(where, f"{what} {text!r}: {err}") from None
    if len(parts) == 3:
        return first, first, text
    month = parts[1] if len(parts) > 1 else 12
    return first, date(first.year, month, calendar.monthrange(first.year, month)[1]), text


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
            raise ReferenceDataError(e.where, f"{key} {ref!r} is not a {kind} id")
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
            start = _period(e.fields.get("start"), e.where, "start", full=True)[0]
            if "end" in e.fields and _period(e.fields["end"], e.where, "end", True)[0] < start:
                raise ReferenceDataError(e.where, "end is before start")
        if "established" in e.fields:
            _period(e.fields["established"], e.where, "established")
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
                yield s, prop, _date_literal(_period(f[key], e.where, key)[2])
    elif e.kind == "organization" and "parent" in f:
        yield s, ORG.subOrganizationOf, iris.entity("organization", f["parent"])
    elif e.kind in ("mechanism", "outcome"):
        if "established" in f:
            prop = BG.established if e.kind == "mechanism" else DCTERMS.issued
            yield s, prop, _date_literal(_period(f["established"], e.where, "established")[2])
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


# --------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class _Rules:
    """The fallbacks of ``lookup_rules.yaml``, folded: (prefixes, suffixes) per country/kind."""

    articles: tuple[str, ...]
    countries: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    kinds: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]

    @classmethod
    def read(cls, path: Path) -> _Rules:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))

        def words(d: Mapping[str, Any], key: str) -> tuple[str, ...]:
            # longest first, so "the united states" is stripped before "the"
            return tuple(sorted({iris.fold(w) for w in d.get(key) or []}, key=len, reverse=True))

        pairs = {g: {k: (words(v, "prefixes"), words(v, "suffixes")) for k, v in raw[g].items()}
                 for g in ("countries", "kinds")}
        return cls(words(raw, "articles"), pairs["countries"], pairs["kinds"])

    def strip(self, kind: str, folded: str) -> tuple[str, str | None]:
        """Drop articles, country words and the kind's affixes; return (rest, implied country)."""
        implied: str | None = None
        groups = [(None, (self.articles, ())), *self.countries.items(),
                  (None, self.kinds.get(kind, ((), ())))]
        changed = True
        while changed:
            changed = False
            for country, (prefixes, suffixes) in groups:
                for p in prefixes:
                    if folded.startswith(p + " "):
                        folded, changed, implied = folded[len(p) + 1:], True, country or implied
                for x in suffixes:
                    if folded.endswith(" " + x):
                        folded, changed, implied = folded[: -len(x) - 1], True, country or implied
        return folded, implied


def _parse_period(when: str) -> tuple[date, date] | None:
    try:
        first, last, _ = _period(when, "", "date")
    except ReferenceDataError:
        return None
    return first, last


class Gazetteer:
    """Names, variants and acronyms of the reference entities, matched case- and
    accent-insensitively (exact after :func:`iris.fold`, then the conservative fallbacks of
    ``lookup_rules.yaml``); plus countries, labels and administrations by date.

    >>> gaz = load_gazetteer()
    >>> gaz.lookup("person", "AMLO") == gaz.lookup("person", "Andrés Manuel López Obrador")
    True
    >>> gaz.lookup("port", "Nogales") is None  # one on each side: ambiguous without a country
    True
    >>> gaz.lookup("port", "Nogales", country="MX") == iris.entity("port", "mx-nogales-i")
    True
    """

    def __init__(self, entries: Iterable[Entry], rules: _Rules) -> None:
        self.entries = tuple(entries)
        self._rules = rules
        self._by_iri = {e.iri: e for e in self.entries}
        index: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
        for e in self.entries:
            for form in e.forms():
                index[e.kind, iris.fold(form)].add(e.iri)
        self._index = {key: frozenset(v) for key, v in index.items()}

    @classmethod
    def from_dir(cls, ref_dir: Path | None = None) -> Gazetteer:
        folder = ref_dir or reference_dir()
        return cls(read_reference(folder), _Rules.read(folder / RULES_FILE))

    def _forms(self, kind: str, mention: str) -> Iterator[tuple[str, str | None]]:
        """Folded forms to try, strongest first: the mention, then a trailing "(ACRONYM)" split
        off into name and acronym, each also with the fallback affixes stripped."""
        text = " ".join(mention.split())
        m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", text)
        for part in [text, *(m.groups() if m else ())]:
            folded = iris.fold(part)
            yield folded, None
            stripped, implied = self._rules.strip(kind, folded)
            if stripped and stripped != folded:
                yield stripped, implied

    def candidates(self, kind: str, mention: str, country: str | None = None) -> list[URIRef]:
        """The entities the first matching form of ``mention`` names (several if ambiguous).

        >>> [str(i).rsplit("/", 1)[-1] for i in load_gazetteer().candidates("port", "Tecate")]
        ['mx-tecate', 'us-tecate']
        """
        for form, implied in self._forms(kind, mention):
            want = (implied or country or "").upper() or None
            hits = [i for i in self._index.get((kind, form), ())
                    if want is None or self._by_iri[i].country in (None, want)]
            if hits:
                return sorted(hits)
        return []

    def lookup(self, kind: str, mention: str, country: str | None = None) -> URIRef | None:
        """The one entity of ``kind`` that ``mention`` names, else None (unknown or ambiguous).

        >>> gaz = load_gazetteer()
        >>> sre = gaz.lookup("organization", "Secretaría de Relaciones Exteriores")
        >>> gaz.lookup("organization", "Mexico's Secretariat of Foreign Affairs (SRE)") == sre
        True
        """
        hits = self.candidates(kind, mention, country)
        return hits[0] if len(hits) == 1 else None

    def entry(self, iri: URIRef) -> Entry | None:
        return self._by_iri.get(URIRef(iri))

    def country_of(self, iri: URIRef) -> str | None:
        """The ISO code of an entity's country (a country's own code); None if binational."""
        e = self.entry(iri)
        return None if e is None else (e.fields["notation"] if e.kind == "country" else e.country)

    def label(self, iri: URIRef | None, lang: str = "en") -> str | None:
        e = self.entry(iri) if iri is not None else None
        return None if e is None else e.names.get(lang, e.names["en"])

    def names(self, kind: str) -> list[tuple[str, URIRef]]:
        """(surface form, IRI) for every name, variant and acronym of ``kind``: for matchers."""
        return [(form, e.iri) for e in self.entries if e.kind == kind for form in e.forms()]

    def people(self) -> list[tuple[URIRef, str, str | None]]:
        """(IRI, name form, country code) for every name form of every reference person."""
        return [(e.iri, form, e.country) for e in self.entries if e.kind == "person"
                for form in [*e.names.values(), *e.variants]]

    def ambiguous(self, kind: str) -> dict[str, list[URIRef]]:
        """Folded forms that name several entities of ``kind`` (for data checks)."""
        return {form: sorted(v) for (k, form), v in self._index.items() if k == kind and len(v) > 1}

    def administrations(self, country: str) -> list[tuple[URIRef, date, date | None]]:
        """(IRI, first day, last day or None while in office) of a country's administrations."""
        rows = []
        for e in self.entries:
            if e.kind == "administration" and e.country == country.upper():
                end = e.fields.get("end")
                rows.append((e.iri, _period(e.fields["start"], e.where, "start")[0],
                             _period(end, e.where, "end")[0] if end else None))
        return sorted(rows, key=lambda r: r[1])

    def administrations_during(self, country: str, start: str | None,
                               end: str | None = None) -> list[URIRef]:
        """Administrations in office at some time from ``start`` to ``end`` (each ISO
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); [] for a missing or malformed date.
        A handover day belongs to the incoming administration only.

        >>> gaz = load_gazetteer()
        >>> [gaz.label(a) for a in gaz.administrations_during("US", "2021-01")]
        ['First Trump administration', 'Biden administration']
        >>> [gaz.label(a) for a in gaz.administrations_during("US", "2021-01-20")]
        ['Biden administration']
        """
        first = _parse_period(start) if start else None
        last = _parse_period(end) if end else first
        if first is None or last is None:
            return []
        lo, hi = first[0], max(first[1], last[1])
        terms = [(iri, s, e) for iri, s, e in self.administrations(country)
                 if s <= hi and (e is None or e >= lo)]
        starts = {s for _, s, _ in terms}
        return [iri for iri, _, e in terms if not (e == lo and lo in starts)]

    def administration_on(self, country: str, when: str) -> URIRef | None:
        """The one administration in office on ``when`` (a day, month or year), else None.

        >>> load_gazetteer().label(load_gazetteer().administration_on("MX", "2018-12-01"))
        'López Obrador administration'
        """
        found = self.administrations_during(country, when)
        return found[0] if len(found) == 1 else None


@cache
def _gazetteer_at(folder: Path) -> Gazetteer:
    return Gazetteer.from_dir(folder)


def load_gazetteer(ref_dir: Path | None = None) -> Gazetteer:
    """The gazetteer of ``ref_dir`` (default :func:`reference_dir`), built once per folder."""
    return _gazetteer_at((ref_dir or reference_dir()).resolve())
