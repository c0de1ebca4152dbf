"""The gazetteer: every name, variant and acronym of the reference data, mapped to its IRI.

The resolver asks it first, so "SRE", "Cancillería" and "Secretariat of Foreign Relations" are
one organization, and an event's date finds the administrations in office.

>>> gaz = load_gazetteer()
>>> gaz.lookup("organization", "SRE") == gaz.lookup("organization", "Cancillería")
True
>>> gaz.label(gaz.administration_on("US", "2021-12-02"))
'Biden administration'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rdflib import URIRef

from . import iris
from .reference import (
    RULES_FILE,
    Entry,
    ReferenceDataError,
    parse_period,
    read_reference,
    reference_dir,
)


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

        pairs = {
            g: {k: (words(v, "prefixes"), words(v, "suffixes")) for k, v in raw[g].items()}
            for g in ("countries", "kinds")
        }
        return cls(words(raw, "articles"), pairs["countries"], pairs["kinds"])

    def strip(self, kind: str, folded: str) -> tuple[str, str | None]:
        """Drop articles, country words and the kind's affixes; return (rest, implied country)."""
        implied: str | None = None
        groups = [
            (None, (self.articles, ())),
            *self.countries.items(),
            (None, self.kinds.get(kind, ((), ()))),
        ]
        changed = True
        while changed:
            changed = False
            for country, (prefixes, suffixes) in groups:
                for p in prefixes:
                    if folded.startswith(p + " "):
                        folded, changed, implied = folded[len(p) + 1 :], True, country or implied
                for x in suffixes:
                    if folded.endswith(" " + x):
                        folded, changed, implied = folded[: -len(x) - 1], True, country or implied
        return folded, implied


def _parse_period(when: str) -> tuple[date, date] | None:
    try:
        first, last, _ = parse_period(when, "", "date")
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
        terms: dict[str, list[tuple[URIRef, date, date | None]]] = defaultdict(list)
        for e in self.entries:
            if e.kind == "administration" and e.country:
                end = e.fields.get("end")
                terms[e.country].append(
                    (
                        e.iri,
                        parse_period(e.fields["start"], e.where, "start")[0],
                        parse_period(end, e.where, "end")[0] if end else None,
                    )
                )
        self._terms = {c: sorted(rows, key=lambda r: r[1]) for c, rows in terms.items()}

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
            hits = [
                i
                for i in self._index.get((kind, form), ())
                if want is None or self._by_iri[i].country in (None, want)
            ]
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
        return [
            (e.iri, form, e.country)
            for e in self.entries
            if e.kind == "person"
            for form in [*e.names.values(), *e.variants]
        ]

    def ambiguous(self, kind: str) -> dict[str, list[URIRef]]:
        """Folded forms that name several entities of ``kind`` (for data checks)."""
        return {form: sorted(v) for (k, form), v in self._index.items() if k == kind and len(v) > 1}

    def administrations(self, country: str) -> list[tuple[URIRef, date, date | None]]:
        """(IRI, first day, last day or None while in office) of a country's administrations,
        oldest first."""
        return list(self._terms.get(country.upper(), ()))

    def administrations_during(
        self, country: str, start: str | None, end: str | None = None
    ) -> list[URIRef]:
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
        terms = [
            (iri, s, e)
            for iri, s, e in self.administrations(country)
            if s <= hi and (e is None or e >= lo)
        ]
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
