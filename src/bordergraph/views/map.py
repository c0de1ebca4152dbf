"""The ports map: every port of entry of the reference data at its coordinates, with the events
and projects that mention it, for the explorer's map tab.

Ports come from the graph (``geo:hasGeometry/geo:asWKT`` points, loaded from
``data/reference/ports_of_entry.csv``): both sides of each crossing, joined to their counterpart.
A port's mentions are the events that concern it (``bg:concernsPort``) and the projects and
other outcomes whose name holds one of its names (5 letters or more, the rule of
``queries/ports_of_entry.rq``), each with the sentences of its release that state it or name
the port. The border and the state lines are drawn from ``data/reference/border_lines.geojson``
(shipped with the project, sources named in it): no tile server, nothing fetched.

>>> from bordergraph.graph.open import open_store
>>> data = map_data(open_store(":memory:"))
>>> data["ports"], data["unplaced"], len(data["lines"]) > 1
([], [], True)
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from ..graph.store import Store
from ..paths import project_path
from .network import PREFIXES

__all__ = ["BORDER_FILE", "QUOTES_PER_MENTION", "border_lines", "map_data"]

BORDER_FILE = "data/reference/border_lines.geojson"
QUOTES_PER_MENTION = 4

Q_PORTS = PREFIXES + """PREFIX geo: <http://www.opengis.net/ont/geosparql#>
SELECT ?port ?label ?code ?state ?counterpart ?wkt WHERE {
  ?port a bg:PortOfEntry . OPTIONAL { ?port geo:hasGeometry/geo:asWKT ?wkt }
  OPTIONAL { ?port bg:country/skos:notation ?code }
  OPTIONAL { ?port bg:usState|bg:mxState ?state }
  OPTIONAL { ?port bg:counterpart ?counterpart }
  OPTIONAL { ?port skos:prefLabel ?label
             FILTER(LANGMATCHES(LANG(?label), "en") || LANG(?label) = "") }
}"""
Q_NAMES = PREFIXES + """SELECT DISTINCT ?port ?name WHERE {
  ?port a bg:PortOfEntry ; prov:wasDerivedFrom ?release . ?release a bg:Release .
  ?port rdfs:label|skos:prefLabel|skos:altLabel ?name }"""
# Mentions inside the release graph that states them, with the sentences of that release naming
# the event (or outcome) or the port.
Q_EVENTS = PREFIXES + """SELECT DISTINCT ?x ?port ?release ?quote WHERE { GRAPH ?release {
  ?x bg:concernsPort ?port .
  OPTIONAL { { ?x bg:evidence ?q } UNION { ?port bg:evidence ?q } ?q bg:quote ?quote } } }"""
Q_OUTCOMES = PREFIXES + """SELECT DISTINCT ?x ?name ?release ?quote WHERE { GRAPH ?release {
  ?x a ?kind ; rdfs:label ?name . OPTIONAL { ?x bg:evidence ?q . ?q bg:quote ?quote } }
  ?kind rdfs:subClassOf* bg:Outcome .
  FILTER(STRSTARTS(STR(?release), "https://w3id.org/bordergraph/release/")) }"""
Q_ABOUT = PREFIXES + """SELECT ?x ?label ?date ?kind WHERE {
  VALUES ?x { %s }
  OPTIONAL { ?x rdfs:label ?label } OPTIONAL { ?x bg:startDate ?date }
  OPTIONAL { ?x a ?kind . FILTER(STRSTARTS(STR(?kind), STR(bg:))) } }"""


def border_lines() -> list[dict[str, Any]]:
    """The border and the state lines as ``{"kind", "name", "points": [[lon, lat], …]}``."""
    data = json.loads(project_path(BORDER_FILE).read_text(encoding="utf-8"))
    return [{"kind": f["properties"]["kind"], "name": f["properties"]["name"],
             "points": f["geometry"]["coordinates"]} for f in data["features"]]


def _point(wkt: str) -> tuple[float, float] | None:
    m = re.match(r"\s*POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", wkt, re.IGNORECASE)
    return (float(m.group(1)), float(m.group(2))) if m else None


def map_data(store: Store) -> dict[str, Any]:
    """Ports (id, label, country, state, counterpart, lon, lat, mentions) and border lines.

    ``unplaced`` holds the ports releases mention that have no coordinates (names the extractor
    took for a port that the reference data does not list): listed beside the map, not on it.
    """
    ports: dict[str, dict[str, Any]] = {}
    for port, label, code, state, counterpart, wkt in store.select(Q_PORTS).rows:
        point = _point(str(wkt)) if wkt is not None else None
        entry = ports.setdefault(str(port), {
            "id": str(port), "label": str(label or str(port).rsplit("/", 1)[-1]),
            "country": str(code or ""), "state": str(state or ""),
            "counterpart": str(counterpart or ""), "lon": point[0] if point else None,
            "lat": point[1] if point else None})
        if label and len(str(label)) < len(entry["label"]):
            entry["label"] = str(label)  # the plain name over a longer variant
    # mention -> port -> release -> sentences
    found: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for x, port, release, quote in store.select(Q_EVENTS).rows:
        quotes = found[(str(x), str(port))][str(release)]
        if quote is not None and str(quote) not in quotes:
            quotes.append(str(quote))
    names: dict[str, set[str]] = defaultdict(set)
    for port, name in store.select(Q_NAMES).rows:
        if len(str(name)) >= 5:
            names[str(port)].add(str(name).lower())
    for outcome, name, release, quote in store.select(Q_OUTCOMES).rows:
        text = str(name).lower()
        for named, port_names in names.items():
            if any(n in text for n in port_names):
                quotes = found[(str(outcome), named)][str(release)]
                if quote is not None and str(quote) not in quotes:
                    quotes.append(str(quote))
    about = _about(store, {x for x, _ in found})
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (thing, where), by_release in found.items():
        called, date, kind = about.get(thing, (thing.rsplit("/", 1)[-1], "", ""))
        mentions[where].append({
            "id": thing, "label": called, "date": date, "kind": kind,
            "sources": [{"release": r.rsplit("/", 1)[-1], "quotes": sorted(q)[:QUOTES_PER_MENTION]}
                        for r, q in sorted(by_release.items())]})
    placed, unplaced = [], []
    for entry in sorted(ports.values(), key=lambda p: (p["lon"] or 0, p["country"], p["id"])):
        listed = sorted(mentions.get(entry["id"], []), key=lambda m: (m["date"], m["label"]))
        if entry["lon"] is not None:
            placed.append({**entry, "mentions": listed, "count": len(listed)})
        elif listed:  # a port the extractor found but the reference data does not place
            unplaced.append({**entry, "mentions": listed, "count": len(listed)})
    return {"ports": placed, "unplaced": unplaced, "lines": border_lines()}


def _about(store: Store, things: set[str]) -> dict[str, tuple[str, str, str]]:
    """Label, date and most specific bg: class name of each event or outcome."""
    if not things:
        return {}
    from rdflib import URIRef

    values = " ".join(URIRef(x).n3() for x in sorted(things))
    best: dict[str, tuple[str, str, str]] = {}
    for x, label, date, kind in store.select(Q_ABOUT % values).rows:
        key = str(x)
        name = str(kind).rsplit("#", 1)[-1] if kind is not None else ""
        old = best.get(key, ("", "", ""))
        best[key] = (
            max(old[0], str(label or ""), key=len) or key.rsplit("/", 1)[-1],
            max(old[1], str(date or ""), key=len),
            old[2] if old[2] and old[2] not in ("Event", "Outcome") else (name or old[2]))
    return best
