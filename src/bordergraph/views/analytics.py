"""Measures over the networkx views: free functions taking the graph first, returning plain data.

Centrality (degree and betweenness), communities (Louvain, seeded so a run repeats), cross-country
bridges (links between officials of different countries), officials seen under more than one
administration of their own country, and the shortest chain of shared events between two people.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("a", label="A", country="US"); G.add_node("b", label="B", country="MX")
>>> G.add_edge("a", "b", weight=2, events=["Plenary"])
>>> [(r["a_country"], r["b_country"], r["weight"]) for r in bridges(G)]
[('MX', 'US', 2)]
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import networkx as nx

__all__ = [
    "BETWEENNESS_SAMPLE",
    "SEED",
    "bridges",
    "centrality",
    "chain",
    "communities",
    "multi_administration",
    "node_table",
]

SEED = 42
# Exact betweenness is O(V·E); above this many nodes it is estimated from a seeded sample of
# this many sources, which keeps `analyze` to seconds on a 10^4-node view.
BETWEENNESS_SAMPLE = 300


def _undirected(G: nx.Graph) -> nx.Graph:
    return G.to_undirected(as_view=True) if G.is_directed() else G


def centrality(G: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree and betweenness centrality of every node (unweighted: one hop = one shared event).

    >>> centrality(nx.path_graph(["a", "b", "c"]))["b"]
    {'degree': 1.0, 'betweenness': 1.0}
    """
    H = _undirected(G)
    if H.number_of_nodes() == 0:
        return {}
    degree = nx.degree_centrality(H)
    k = BETWEENNESS_SAMPLE if H.number_of_nodes() > BETWEENNESS_SAMPLE else None
    between = nx.betweenness_centrality(H, k=k, seed=SEED if k else None)
    return {n: {"degree": round(degree[n], 6), "betweenness": round(between[n], 6)} for n in H}


def communities(G: nx.Graph, seed: int = SEED) -> dict[str, int]:
    """Louvain communities (weighted by shared events), numbered 1.. from the largest.

    >>> G = nx.Graph([("a", "b"), ("c", "d")])
    >>> sorted(communities(G).items())
    [('a', 1), ('b', 1), ('c', 2), ('d', 2)]
    """
    H = _undirected(G)
    if H.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(H, weight="weight", seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(str(n) for n in c)))
    return {n: i for i, members in enumerate(ordered, 1) for n in members}


def bridges(G: nx.Graph) -> list[dict[str, Any]]:
    """Links between nodes of different countries, strongest first (officials view: the
    counterparts who met, with how many and which events)."""
    out = []
    for a, b, data in _undirected(G).edges(data=True):
        ca, cb = G.nodes[a].get("country"), G.nodes[b].get("country")
        if ca and cb and ca != cb:
            la, lb = G.nodes[a].get("label", a), G.nodes[b].get("label", b)
            if (ca, la) > (cb, lb):
                (la, ca), (lb, cb) = (lb, cb), (la, ca)
            out.append({"a": la, "a_country": ca, "b": lb, "b_country": cb,
                        "weight": data.get("weight", 1), "events": data.get("events", [])})
    return sorted(out, key=lambda r: (-r["weight"], r["a"], r["b"]))


def multi_administration(G: nx.Graph) -> list[dict[str, Any]]:
    """People whose events fall under two or more administrations of their own country."""
    rows = [
        {"official": d.get("label", n), "country": d.get("country", ""),
         "administrations": d["own_administrations"], "first": d.get("date", ""),
         "last": d.get("end_date", "")}
        for n, d in G.nodes(data=True)
        if d.get("type") == "Person" and len(d.get("own_administrations", [])) >= 2
    ]
    return sorted(rows, key=lambda r: (-len(r["administrations"]), r["official"]))


def node_table(G: nx.Graph) -> list[dict[str, Any]]:
    """One row per node: centrality, community, links across the border, administrations;
    most central first."""
    cent, comm = centrality(G), communities(G)
    H = _undirected(G)
    rows = []
    for n, d in G.nodes(data=True):
        country = d.get("country", "")
        foreign = sum(1 for m in H[n] if country and G.nodes[m].get("country") not in ("", country))
        rows.append({
            "node": d.get("label", n), "type": d.get("subtype") or d.get("type", ""),
            "country": country, "links": H.degree(n),
            "degree_centrality": cent.get(n, {}).get("degree", 0.0),
            "betweenness": cent.get(n, {}).get("betweenness", 0.0),
            "community": comm.get(n), "foreign_links": foreign,
            "administrations": d.get("administrations", []), "iri": n,
        })
    return sorted(rows, key=lambda r: (-r["betweenness"], -r["links"], r["node"]))


def chain(G: nx.Graph, source: str, target: str) -> list[dict[str, Any]]:
    """The shortest chain of shared events from ``source`` to ``target`` (officials view):
    one step per hop, naming the events the two people shared.

    Raises ``networkx.NetworkXNoPath`` when they are not connected.

    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", events=["Plenary"]); G.add_edge("b", "c", events=["Summit"])
    >>> [(s["from"], s["events"], s["to"]) for s in chain(G, "a", "c")]
    [('a', ['Plenary'], 'b'), ('b', ['Summit'], 'c')]
    """
    H = _undirected(G)
    nodes = nx.shortest_path(H, source, target)
    return [
        {"step": i, "from": G.nodes[a].get("label", a), "events": H[a][b].get("events", []),
         "to": G.nodes[b].get("label", b)}
        for i, (a, b) in enumerate(pairwise(nodes), 1)
    ]
