"""The offline HTML explorer: one self-contained file that works from file:// with no network.

vis-network's JS and CSS come from the files bundled in the pyvis package and are inlined; the
page is our own template (``templates/explorer.html``), not pyvis's, because pyvis 0.3.2 links
Bootstrap from a CDN even in ``in_line`` mode, switches tooltips to ``innerHTML`` once a title
holds "href", writes ``heading`` unescaped, and builds edges in quadratic time. The data goes in
as JSON inside ``<script type="application/json">`` with every ``<``, ``>`` and ``&`` written as
``\\u003c``-style escapes (so no ``</script>`` or ``<!--`` can close the block), and the page
renders every string with ``textContent``. A Content-Security-Policy forbids any fetch.

Layout: positions always come from Python (seeded: the same graph draws the same way) and the
page opens with physics off, so it draws at once and holds still. Each connected component is
laid out by networkx's spring layout (above ``SPRING_LIMIT`` nodes: its best-connected nodes,
the rest placed around them in O(V+E)), components are packed in rows, and labelled nodes are
pushed apart until no two label boxes overlap. A reader may switch physics on up to
``PHYSICS_LIMIT`` nodes; above that the switch is disabled, because in headless Chromium
vis-network took 23 s to stabilise 1,000 nodes and 188 s for 5,000 with physics on, against
1.5 s and 7.7 s drawing fixed positions (DESIGN.md). The first screen shows a label on at most
``LABELLED`` nodes: a connected neighbourhood grown from the most central node; on larger
graphs the other nodes start hidden ("only the most central nodes") and are one click, search
or filter away; the page hands a node (and its edges) to vis-network only once it is first
shown, so the first drawing grows with the page's size, not with the graph's (in headless
Chromium 0.6 s at 1,000 nodes, 1.3 s at 5,000, 1.5 s at 20,000: benchmarks/README.md).
Edges travel as ``[from, to, weight, title]`` with node indices, panel links as ``[label,
date, roles]``: the page's size is mostly these lists. Two more tabs: the timeline
(:mod:`.timeline`'s SVG as a ``data:`` image) and the ports map (:mod:`.map`'s data, drawn as SVG
by the page from the shipped border lines).

>>> from bordergraph.graph.open import open_store
>>> data = explorer_data(open_store(":memory:"), "participation")
>>> data["counts"]
{'nodes': 0, 'edges': 0}
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from ..graph.store import Store
from . import analytics
from .explorer_page import render
from .explorer_text import fit_to_screen, release_texts, wrap_label
from .network import PREFIXES, Catalog, view

__all__ = ["LABELLED", "PHYSICS_LIMIT", "explorer_data", "render", "write_explorer"]

PHYSICS_LIMIT = 1500
LABELLED = 150
SPRING_LIMIT = 400
BETWEENNESS_LIMIT = 2000
BETWEENNESS_SOURCES = 100
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
FONT = {"Person": 22, "Event": 19}
QUOTES_PER_NODE = 6

# Quotes and release metadata belong to one release: these queries match a release's facts inside
# its own graph (GRAPH ?g), as network.py does, so a per-query union that repeats shared triples
# (some endpoints) cannot multiply them (Q_RELEASES over such a union took 5.4 CPU s for 3,374
# releases, most of it joining every release with every copy of its publisher's label).
Q_QUOTES = PREFIXES + """SELECT DISTINCT ?n ?release ?quote ?own WHERE { GRAPH ?g {
  { ?n bg:evidence ?q BIND(1 AS ?own) }
  UNION { ?x bg:participant ?n ; bg:evidence ?q BIND(2 AS ?own) }
  UNION { ?x bg:holder ?n ; bg:evidence ?q BIND(3 AS ?own) }
  UNION { ?x bg:event ?n ; bg:evidence ?q BIND(4 AS ?own) }
  ?q bg:quote ?quote ; bg:quotedFrom ?release } }"""
Q_RELEASES = PREFIXES + """SELECT DISTINCT ?r ?id ?title ?issued ?publisher WHERE { GRAPH ?r {
  ?r a bg:Release . OPTIONAL { ?r dcterms:identifier ?id }
  OPTIONAL { ?r dcterms:title ?title } OPTIONAL { ?r dcterms:issued ?issued }
  OPTIONAL { ?r dcterms:publisher ?publisher } } }"""
Q_PUBLISHERS = PREFIXES + """SELECT DISTINCT ?publisher ?label WHERE {
  { SELECT DISTINCT ?publisher WHERE { ?r a bg:Release ; dcterms:publisher ?publisher } }
  ?publisher rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en")) }"""


def _focus(G: nx.Graph, score: dict[str, float], limit: int) -> set[str]:
    """The first screen: up to ``limit`` nodes grown best-first from the most central node
    (then from the next one when a component runs out), so it shows a connected neighbourhood,
    e.g. the officials of both countries around the busiest events, not scattered hubs."""
    import heapq

    chosen: set[str] = set()
    seeds = sorted(G, key=lambda n: (-score[n], n))
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    for seed in seeds:
        if len(chosen) >= limit:
            break
        if seed in chosen:
            continue
        frontier = [(-score[seed], seed)]
        while frontier and len(chosen) < limit:
            _, node = heapq.heappop(frontier)
            if node in chosen:
                continue
            chosen.add(node)
            for m in H[node]:
                if m not in chosen:
                    heapq.heappush(frontier, (-score[m], m))
    return chosen


def _ordered(G: nx.Graph, nodes: Iterable[str] | None = None) -> nx.Graph:
    """An undirected copy of ``G`` (or of the subgraph on ``nodes``) with nodes and edges in
    sorted order. The layout depends on node order (it seeds the spring layout and the BFS), and
    a networkx subgraph view of a few nodes iterates them in the order of the set it was given,
    which changes with Python's string hashing from one process to the next."""
    keep = set(G) if nodes is None else set(nodes)
    H = nx.Graph()
    H.add_nodes_from(sorted(keep))
    H.add_edges_from(sorted((a, b) if a <= b else (b, a) for a, b in G.edges(keep)
                            if a in keep and b in keep))
    return H


def _layout(G: nx.Graph, nodes: Iterable[str]) -> dict[str, tuple[float, float]]:
    """Seeded positions in canvas units for ``nodes`` of ``G``: each connected component laid
    out on its own, then the components packed in rows, largest first (a spring layout of
    everything at once pushes components to the far corners and leaves the middle of the
    screen empty). The same graph
    gets the same positions in every process."""
    H = _ordered(G, nodes)
    components = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(c)))
    laid = []
    for nodes in components:
        pos = _component_layout(_ordered(H, nodes))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        laid.append((pos, min(xs), min(ys), max(xs) - min(xs) + 260, max(ys) - min(ys) + 160))
    # Rows as wide as makes the whole block about as wide as a screen is (about 1.5 : 1).
    area = sum(w * h for *_, w, h in laid)
    row_width = max([(area * 1.5) ** 0.5] + [w for *_, w, _ in laid[:1]])
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, left, top, width, height in laid:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for v, (px, py) in pos.items():
            out[v] = (x + px - left, y + py - top)
        x, row_height = x + width, max(row_height, height)
    return out


def _component_layout(H: nx.Graph) -> dict[str, tuple[float, float]]:
    """Spring layout up to SPRING_LIMIT nodes; above, a spring layout of the SPRING_LIMIT
    best-connected nodes with every other node set around the neighbour that reached it first,
    O(V+E) (networkx's sparse spring layout, used from 500 nodes on, took 15 s for 1,000 here).
    ``H`` is connected, with its nodes in sorted order (:func:`_ordered`)."""
    n = H.number_of_nodes()
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    order = sorted(H, key=lambda v: (-H.degree(v), v))
    core = _ordered(H, order[:SPRING_LIMIT])
    pos = {v: (float(x), float(y)) for v, (x, y) in nx.spring_layout(
        core, seed=analytics.SEED, iterations=100 if len(core) <= 150 else 50,
        k=1.6 / len(core) ** 0.5, weight=None).items()}
    step = 0.6 / len(core) ** 0.5
    children: dict[str, int] = defaultdict(int)
    for parent, child in nx.bfs_edges(H, order[0], sort_neighbors=sorted):
        if child not in pos:
            i = children[parent] = children[parent] + 1
            x, y = pos[parent]
            r = step * (0.6 + 0.35 * i ** 0.5)
            pos[child] = (x + r * math.cos(i * GOLDEN_ANGLE), y + r * math.sin(i * GOLDEN_ANGLE))
    scale = 110 * n ** 0.5
    # Wider than tall: labels are wide, and so are screens.
    return {v: (x * scale * 1.35, y * scale) for v, (x, y) in pos.items()}


def _declutter(pos: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float, float]],
               rounds: int = 2000) -> None:
    """Move labelled nodes apart until no two label boxes (width, height, drop below the
    node's centre) overlap: vis-network draws a label under its node and never avoids others."""
    ids = sorted(boxes)
    if len(ids) < 2:
        return
    xy = np.array([pos[i] for i in ids], dtype=float)
    w = np.array([boxes[i][0] for i in ids])
    h = np.array([boxes[i][1] for i in ids])
    drop = np.array([boxes[i][2] for i in ids])
    tie = np.sign(np.arange(len(ids))[:, None] - np.arange(len(ids))[None, :])
    for _ in range(rounds):
        cx, cy = xy[:, 0], xy[:, 1] + drop
        dx, dy = cx[:, None] - cx[None, :], cy[:, None] - cy[None, :]
        ox = (w[:, None] + w[None, :]) / 2 + 6 - np.abs(dx)
        oy = (h[:, None] + h[None, :]) / 2 + 4 - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        sx, sy = np.where(dx != 0, np.sign(dx), tie), np.where(dy != 0, np.sign(dy), tie)
        along_x = hit & (ox <= oy * 1.5)  # the axis of least overlap, a little biased to x
        move_x = np.where(along_x, sx * ox * 0.5, 0).sum(1)
        move_y = np.where(hit & ~along_x, sy * oy * 0.5, 0).sum(1)
        xy += np.column_stack([move_x, move_y]) * 0.6
    for i, v in enumerate(ids):
        pos[v] = (float(xy[i, 0]), float(xy[i, 1]))


def _scores(G: nx.Graph) -> dict[str, float]:
    """Centrality for node sizes and the first screen: degree + betweenness centrality, the
    betweenness estimated from BETWEENNESS_SOURCES seeded sources (it only has to rank nodes:
    the 300 of ``analyze`` made two thirds of the explorer's time at 1,000 nodes); above
    BETWEENNESS_LIMIT nodes, degree alone."""
    if G.number_of_nodes() > BETWEENNESS_LIMIT:
        return {n: float(G.degree(n)) for n in G}
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    if H.number_of_nodes() == 0:
        return {}
    degree = nx.degree_centrality(H)
    k = BETWEENNESS_SOURCES if H.number_of_nodes() > BETWEENNESS_SOURCES else None
    between = nx.betweenness_centrality(H, k=k, seed=analytics.SEED if k else None)
    return {n: round(between[n], 6) + round(degree[n], 6) for n in G}


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def explorer_data(store: Store, view_name: str = "participation", lang: str = "en"
                  ) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data (nodes, edges, filters, quotes)."""
    cat = Catalog(store, lang)
    G = view(store, view_name, catalog=cat)
    score = _scores(G)
    top = max(score.values(), default=0) or 1
    labelled = _focus(G, score, LABELLED)
    size, text = {}, {}
    for n, d in G.nodes(data=True):
        shrink = 1 if d["type"] == "Person" else 0.8
        size[n] = round((10 + 26 * (score[n] / top) ** 0.5) * shrink, 1)
        if n in labelled:  # an event's label on two lines, its full name on hover and panel
            dated = d["type"] == "Event" and d["date"]
            short = wrap_label(d["label"]) if d["type"] == "Event" else _short(d["label"])
            text[n] = short + (f"\n{d['date']}" if dated else "")
    font = {n: FONT.get(G.nodes[n]["type"], 15) for n in G}
    boxes = {n: (0.56 * font[n] * max(map(len, t.split("\n"))),
                 size[n] * 2 + 1.25 * font[n] * (t.count("\n") + 1),
                 1.25 * font[n] * (t.count("\n") + 1) / 2) for n, t in text.items()}
    pos = _layout(G, labelled)
    for i in range(8):  # closer together for legible labels, apart again where they overlap
        closer = fit_to_screen(pos, {n: font[n] for n in text})
        if i and closer == pos:  # (always decluttered once)
            break
        pos = closer
        _declutter(pos, boxes)
    if len(labelled) < G.number_of_nodes():  # the rest goes beside the first screen's nodes
        rest = _layout(G, set(G) - labelled)
        right = max((x for x, _ in pos.values()), default=0) + 600
        pos.update({v: (x + right, y) for v, (x, y) in rest.items()})
    quotes = _quotes(store, set(G))
    nodes = []
    for n, d in G.nodes(data=True):
        x, y = pos[n]
        nodes.append({
            "id": n, "label": d["label"], "text": text.get(n), "names": d["names"],
            "type": d["type"], "subtype": d["subtype"], "country": d["country"],
            "countries": d["countries"], "date": d["date"], "end": d["end_date"],
            "admins": d["administrations"], "posts": d["posts"], "orgs": d["organizations"],
            "size": size[n], "font": font[n], "x": round(x, 1), "y": round(y, 1),
            "labelled": n in labelled, "links": _links(cat, G, n), "quotes": quotes.get(n, []),
        })
    # Edges as [from, to, weight, title] with the ends as indices into ``nodes``: the IRIs
    # twice over made a third of the page (2.3 of 6.4 MB at 3,574 nodes).
    index = {n: i for i, n in enumerate(G)}
    edges = [
        [index[a], index[b], d.get("weight", 1),
         "; ".join(d.get("events") or d.get("roles") or [d.get("relation", "")])]
        for a, b, d in G.edges(data=True)
    ]
    admins = sorted(
        ({"label": a["label"], "country": a["country"], "start": a["start"], "end": a["end"]}
         for a in cat.admins.values()), key=lambda a: (a["country"], a["start"], a["label"]))
    return {
        "view": view_name, "directed": G.is_directed(), "physics": len(nodes) <= PHYSICS_LIMIT,
        "physicsLimit": PHYSICS_LIMIT, "counts": {"nodes": len(nodes), "edges": len(edges)},
        "nodes": nodes, "edges": edges, "administrations": admins,
        "countries": sorted({c for n in nodes for c in n["countries"]}),
        "types": sorted({n["type"] for n in nodes}), "texts": release_texts(store),
        "lang": lang,
    }


def _links(cat: Catalog, G: nx.Graph, n: str) -> list[list[str]]:
    """What the side panel lists under a node, as [label, date, roles] (lists, not objects:
    they are most of the page): a person's events (with roles), an event's participants, or an
    entity's neighbours in the view."""
    kind = cat.kind(n)
    if kind == "Person":
        pairs = [(e, cat.label(e), cat.dates.get(e, ("", ""))[0]) for e in cat.events_of.get(n, ())]
        return [[lab, date, ", ".join(sorted(cat.roles.get((n, e), ())))]
                for e, lab, date in sorted(pairs, key=lambda p: (p[2], p[1]))]
    if kind == "Event" and cat.people_at.get(n):
        return [[cat.label(p), cat.countries.get(p, ""),
                 ", ".join(sorted(cat.roles.get((p, n), ())))]
                for p in sorted(cat.people_at[n], key=cat.label)]
    neighbours = nx.all_neighbors(G, n) if G.is_directed() else G.neighbors(n)
    return [[G.nodes[m]["label"], G.nodes[m]["date"], G.nodes[m]["type"]]
            for m in sorted(set(neighbours), key=lambda m: G.nodes[m]["label"])[:40]]


def _quotes(store: Store, wanted: set[str]) -> dict[str, list[dict[str, str]]]:
    """Up to QUOTES_PER_NODE (release, sentence) pairs per node, its own evidence first."""
    found: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for n, rel, quote, own in store.select(Q_QUOTES).rows:
        key = (str(rel), str(quote))
        if str(n) in wanted:
            found[str(n)][key] = min(int(own), found[str(n)].get(key, 9))  # type: ignore[arg-type]
    if not found:
        return {}
    releases = _releases(store)
    out: dict[str, list[dict[str, str]]] = {}
    for n, quotes in found.items():
        best = sorted(quotes.items(), key=lambda kv: (kv[1], releases.get(kv[0][0], {}).get(
            "issued", ""), kv[0]))[:QUOTES_PER_NODE]
        out[n] = [{**releases.get(rel, {"id": rel}), "quote": q} for (rel, q), _ in best]
    return out


def _releases(store: Store) -> dict[str, dict[str, str]]:
    """Identifier, title, date and (English) publisher name of every release, by IRI."""
    publishers = {str(p): str(label) for p, label in store.select(Q_PUBLISHERS).rows}
    return {str(r): {"id": str(i or ""), "title": str(t or ""), "issued": str(d or ""),
                     "publisher": publishers.get(str(p), "")}
            for r, i, t, d, p in store.select(Q_RELEASES).rows}


def write_explorer(
    store: Store, path: str | Path, view_name: str = "participation", title: str | None = None,
    lang: str = "en",
) -> Path:
    """Write the explorer of ``view_name`` to ``path`` and return the path.

    >>> from bordergraph.graph.open import open_store
    >>> import tempfile, os
    >>> out = write_explorer(open_store(":memory:"), os.path.join(tempfile.mkdtemp(), "x.html"))
    >>> any(x in out.read_text() for x in ("<link", "src='http", "//cdn"))
    False
    """
    from .map import map_data
    from .timeline import timeline_svg

    data = explorer_data(store, view_name, lang)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data, title or f"bordergraph — {view_name}", map_data(store),
                          timeline_svg(store)), encoding="utf-8")
    return out
