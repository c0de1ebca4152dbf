"""Synthetic release graphs in bordergraph's RDF shape, to reach 10^4, 10^5 or 10^6 triples.

No text and no extraction: each synthetic release is a GOLD_SCHEMA record (a meeting of a real
series, two delegations with posts, ports, an outcome, a link to another series), turned into
triples by the real resolve + to_rdf stages, so the graphs have exactly the shape the loader
writes. Seeded and deterministic; written as N-Quads, one named graph per release.

    python benchmarks/generate_triples.py 100000 /tmp/bg-1e5.nq

>>> quads = list(release_quads(2, seed=3))
>>> quads == list(release_quads(2, seed=3)) and len(quads) > 50
True
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_texts import Universe

from bordergraph.graph import iris
from bordergraph.graph.store import to_ox
from bordergraph.ingest.resolve import Resolver
from bordergraph.ingest.to_rdf import to_triples
from bordergraph.records import ReleaseRecord

TRIPLES_PER_RELEASE = 130  # about what one synthetic record gives: sizes the population
ROLES = ["delegation_head", "co_host", "participant", "speaker", "chair"]


def gold_record(universe: Universe, index: int, seed: int) -> dict:
    """Synthetic release ``index`` as a GOLD_SCHEMA dict."""
    rng = random.Random(f"record-{seed}-{index}")
    pools = universe.pools
    lang = "es" if rng.random() < 0.35 else "en"
    series, other = rng.sample(pools["series"], 2)
    held = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
    issued = held + timedelta(days=rng.randrange(9))
    people = universe.pick_people(rng, "US", rng.randint(1, 3), lang)
    people += universe.pick_people(rng, "MX", rng.randint(1, 3), lang)
    ports = rng.sample(universe.ports, rng.randint(0, 2))
    outcome = rng.choice(pools["outcomes"])
    name = f"{rng.randint(1, 17)}th {series['meeting_en']} of the {series['en']}"
    return {
        "id": f"synthetic-{index:06d}",
        "source": {"publisher": rng.choice(pools["publishers"][lang]),
                   "issued": issued.isoformat(), "language": lang},
        "events": [
            {"key": "e1", "name": name, "type": series["type"], "series": series["en"],
             "ordinal": rng.randint(1, 17), "date": held.isoformat(), "end_date": None,
             "mode": rng.choice(["virtual", "in_person", "hybrid", None]),
             "location": rng.choice(pools["locations"]["en"] + [None])},
            {"key": "e2", "name": other["en"], "type": other["type"], "series": other["en"],
             "ordinal": None, "date": None, "end_date": None, "mode": None, "location": None},
        ],
        "event_links": [{"from": "e1", "relation": "builds_on", "to": "e2"}],
        "people": [
            {"name": p.name, "country": p.country,
             "post": p.post_en if lang == "en" else p.post_es, "organization": p.org,
             "roles": [{"event": "e1",
                        "role": "delegation_head" if i < 2 else rng.choice(ROLES)}]}
            for i, p in enumerate(people)
        ],
        "organizations": sorted(
            ({"name": p.org, "country": p.country} for p in people if p.org),
            key=lambda o: o["name"],
        ),
        "ports_of_entry": [{"name": port["us"], "country": "US", "event": "e1"} for port in ports],
        "outcomes": [{"name": outcome["en"] if lang == "en" else outcome["es"],
                      "type": outcome["type"], "event": "e1",
                      "relation": rng.choice(list(pools["relations"]["en"]))}],
        "series": [{"name": series["en"], "established": series["established"],
                    "administrations_spanned": None}],
    }


def release_quads(count: int, seed: int = 7, universe: Universe | None = None) -> Iterator[ox.Quad]:
    """The quads of ``count`` synthetic release graphs, in order."""
    universe = universe or Universe(count, seed)
    resolver = Resolver()
    for index in range(count):
        record = ReleaseRecord.from_json(gold_record(universe, index, seed))
        resolution = resolver.resolve(record)
        graph = ox.NamedNode(str(iris.release(record.id)))
        for s, p, o in to_triples(record, resolution, resolver.gazetteer):
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)


def write_quads(target: int, path: Path, seed: int = 7) -> tuple[int, int]:
    """Write release graphs to ``path`` (N-Quads) until ``target`` triples; (triples, releases)."""
    releases = max(1, target // TRIPLES_PER_RELEASE + 1)
    universe = Universe(releases, seed)
    written, graphs, last = 0, 0, None
    with path.open("wb") as out:
        batch: list[ox.Quad] = []
        for quad in release_quads(releases * 2, seed, universe):
            if quad.graph_name != last:
                if written >= target:
                    break
                last, graphs = quad.graph_name, graphs + 1
            batch.append(quad)
            written += 1
            if len(batch) >= 50_000:
                out.write(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b"")
                batch = []
        out.write(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b"")
    return written, graphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("triples", type=int, help="target size: 10000, 100000 or 1000000")
    parser.add_argument("path", type=Path, help="N-Quads file to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    triples, graphs = write_quads(args.triples, args.path, args.seed)
    print(f"{triples} triples in {graphs} release graphs written to {args.path}")


if __name__ == "__main__":
    main()
