"""curate: an analyst's corrections, applied to a release's record after every extraction.

Corrections live in ``data/curation/*.yaml`` and are keyed by release id, so they survive
re-extraction. Each can ``add`` a fact the extractor missed, ``fix`` fields of one it got wrong,
or ``suppress`` one it should not have made. Facts touched by a correction are marked
``bg:curated true`` in the release graph, with the correction file as their attribution.

>>> from bordergraph.records import Person, ReleaseRecord, Source
>>> rec = ReleaseRecord("r1", Source(), people=(Person("Ken Salazar", "US"),))
>>> fix = Correction("r1", "people", "Ken Salazar", "fix", {"post": "Ambassador"}, "c.yaml")
>>> curated, marks = apply_corrections(rec, [fix])
>>> curated.people[0].post, marks
('Ambassador', {('people', 'Ken Salazar'): 'c.yaml'})
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import BordergraphError
from ..graph import iris
from ..paths import project_path
from ..records import Event, Organization, Outcome, Person, PortMention, ReleaseRecord, Role, Series

CURATION_DIR = project_path("data", "curation")
CATEGORIES: dict[str, type] = {
    "events": Event,
    "people": Person,
    "organizations": Organization,
    "ports_of_entry": PortMention,
    "outcomes": Outcome,
    "series": Series,
}
ACTIONS = ("add", "fix", "suppress")


class CurationError(BordergraphError):
    """A corrections file that cannot be applied; names the file and entry."""


@dataclass(frozen=True)
class Correction:
    release: str
    category: str
    name: str  # the fact's name (an event's key or name) as the record has it
    action: str
    values: dict[str, Any]
    source: str  # the corrections file


def read_corrections(directory: Path | None = None) -> list[Correction]:
    """Every correction in ``directory``'s YAML files (default ``data/curation``), checked."""
    return list(_read_all(str(directory or CURATION_DIR)))


@cache
def _read_all(directory: str) -> tuple[Correction, ...]:
    out: list[Correction] = []
    for path in sorted(Path(directory).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for i, entry in enumerate(data.get("corrections", []), start=1):
            where = f"{path.name}: correction {i}"
            if entry.get("category") not in CATEGORIES or entry.get("action") not in ACTIONS:
                raise CurationError(f"{where}: needs category in {sorted(CATEGORIES)} and "
                                    f"action in {list(ACTIONS)}")
            if not entry.get("release") or not entry.get("name"):
                raise CurationError(f"{where}: needs release and name")
            known = {f.name for f in fields(CATEGORIES[entry["category"]])}
            unknown = set(entry.get("values") or {}) - known
            if unknown:
                raise CurationError(f"{where}: unknown fields {sorted(unknown)}")
            out.append(Correction(iris.slug(entry["release"]), entry["category"], entry["name"],
                                  entry["action"], dict(entry.get("values") or {}), path.name))
    return tuple(out)


def _name_of(item: Any) -> str:
    return item.name


def _matches(item: Any, name: str) -> bool:
    return iris.fold(_name_of(item)) == iris.fold(name) or getattr(item, "key", None) == name


def apply_corrections(
    record: ReleaseRecord, corrections: Iterable[Correction]
) -> tuple[ReleaseRecord, dict[tuple[str, str], str]]:
    """The record with its release's corrections applied, and the curated facts' sources."""
    marks: dict[tuple[str, str], str] = {}
    for c in corrections:
        if c.release != record.id:
            continue
        items = list(getattr(record, c.category))
        if c.action == "suppress":
            items = [i for i in items if not _matches(i, c.name)]
        elif c.action == "fix":
            items = [replace(i, **_typed(c)) if _matches(i, c.name) else i for i in items]
            marks[(c.category, c.name)] = c.source
        else:
            items.append(CATEGORIES[c.category](**{"name": c.name, **_typed(c)}))
            marks[(c.category, c.name)] = c.source
        record = replace(record, **{c.category: tuple(items)})
    return record, marks


def _typed(c: Correction) -> dict[str, Any]:
    values = dict(c.values)
    if "roles" in values:
        values["roles"] = tuple(Role(r["event"], r["role"]) for r in values["roles"])
    return values
