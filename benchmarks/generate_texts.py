"""Synthetic but realistic release texts for the ingest benchmark, seeded and deterministic.

Each release is a meeting of a real series (benchmarks/pools.yaml) with officials and their
posts, two delegations, ports of entry from data/reference/ports_of_entry.csv, an outcome and a
link to another series, written in English or Spanish with the sentence patterns of the real
corpus (benchmarks/templates.yaml). Officials come from the gold files of data/releases and from
an invented population that grows with the corpus, so a big corpus keeps meeting new people.

    python benchmarks/generate_texts.py 1000 /tmp/corpus-1000 --seed 7

>>> a = [text for _name, text in releases(3, seed=1)]
>>> a == [text for _name, text in releases(3, seed=1)]
True
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
ORDINALS_EN = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
               "Ninth", "Tenth", "11th", "12th", "13th", "14th", "15th", "16th", "17th"]
ORDINALS_ES = ["primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima",
               "octava", "novena", "décima", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
MODES = {"en": {"virtual": "virtually", "in_person": "in person", "hybrid": "in a hybrid format"},
         "es": {"virtual": "de manera virtual", "in_person": "de manera presencial",
                "hybrid": "en formato híbrido"}}


@dataclass(frozen=True)
class Official:
    name: str
    country: str
    post_en: str
    post_es: str
    org: str | None
    lang: str | None = None  # a gold official's post is written in its release's language


def _yaml(name: str) -> dict:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def reference_ports() -> list[dict[str, str]]:
    """U.S. ports of entry with their Mexican counterpart, from the reference data if present."""
    path = ROOT / "data" / "reference" / "ports_of_entry.csv"
    if not path.exists():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    rows = {r["id"]: r for r in csv.DictReader(lines)}
    return [
        {"us": r["name"], "mx": rows[r["counterpart_id"]]["name"]}
        for r in rows.values()
        if r["country"] == "US" and r.get("status") == "open" and r["counterpart_id"] in rows
    ]


def gold_officials() -> list[Official]:
    """People with a post in the gold files of the real corpus."""
    out: dict[str, Official] = {}
    for path in sorted((ROOT / "data" / "releases").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        lang = gold["source"].get("language")
        for p in gold.get("people", []):
            post = p.get("post") or ""
            usable = post not in ("", "President") and " " in p["name"]
            if usable and p.get("country") in ("US", "MX"):
                out.setdefault(p["name"], Official(p["name"], p["country"], post, post,
                                                   p.get("organization"), lang))
    return list(out.values())


class Universe:
    """The things a synthetic corpus of ``size`` releases talks about."""

    def __init__(self, size: int, seed: int) -> None:
        self.pools = _yaml("pools.yaml")
        self.templates = _yaml("templates.yaml")
        rng = random.Random(f"universe-{seed}")
        self.ports = reference_ports() or self.pools["ports"]
        self.officials = {"US": [], "MX": []}  # type: dict[str, list[Official]]
        for o in gold_officials():
            self.officials[o.country].append(o)
        # An archive of n releases names roughly n/5 distinct officials (about 3 new per 15).
        for country in ("US", "MX"):
            names = self.pools["names"][country]
            seen = {o.name for o in self.officials[country]}
            for _ in range(20 + size // 10):
                name = f"{rng.choice(names['first'])} {rng.choice(names['last'])}"
                if rng.random() < 0.5:
                    name = f"{name} {rng.choice(names['last'])}"
                if name in seen:
                    continue
                seen.add(name)
                post = rng.choice(self.pools["posts"][country])
                self.officials[country].append(Official(name, country, post["en"], post["es"],
                                                        post["org"]))

    def pick_people(self, rng: random.Random, country: str, k: int, lang: str) -> list[Official]:
        pool = [o for o in self.officials[country] if o.lang in (None, lang)]
        # Recurring officials: a skewed pick makes some names frequent, most rare.
        chosen: list[Official] = []
        while len(chosen) < k:
            o = pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1) if rng.random() < 0.5
                     else rng.randrange(len(pool))]
            if o not in chosen:
                chosen.append(o)
        return chosen


def _date_text(day: date, lang: str) -> str:
    if lang == "en":
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"


def render(universe: Universe, index: int, seed: int) -> tuple[str, str]:
    """The file name and text of synthetic release number ``index``."""
    rng = random.Random(f"release-{seed}-{index}")
    pools, lang = universe.pools, ("es" if rng.random() < 0.35 else "en")
    series = rng.choice(pools["series"])
    other = rng.choice([s for s in pools["series"] if s is not series])
    held = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
    issued = held + timedelta(days=rng.randrange(0, 9))
    ordinal = rng.randrange(1, len(ORDINALS_EN) + 1)
    us, mx = universe.pick_people(rng, "US", 2, lang), universe.pick_people(rng, "MX", 2, lang)
    port, port2 = rng.sample(universe.ports, 2)
    outcome = rng.choice(pools["outcomes"])
    relation = rng.choice(list(pools["relations"][lang].values()))
    side = "us" if lang == "en" else "mx"
    meeting_key = "meeting_en" if lang == "en" else "meeting_es"

    def post(o: Official) -> str:
        return o.post_en if lang == "en" else o.post_es

    slots = {
        "publisher": rng.choice(pools["publishers"][lang]),
        "office": rng.choice(pools["offices"][lang]),
        "issued": issued.isoformat(), "issued_us": issued.strftime("%m/%d/%Y"),
        "issued_es": _date_text(issued, "es"), "number": 100 + index % 900,
        "location": rng.choice(pools["locations"][lang]),
        "series": series[lang], "acronym": series[f"acronym_{lang}"],
        "meeting": series[meeting_key],
        "ordinal_word": (ORDINALS_EN if lang == "en" else ORDINALS_ES)[ordinal - 1],
        "mode": MODES[lang][rng.choice(list(MODES[lang]))], "date": _date_text(held, lang),
        "place": "" if rng.random() < 0.4 else (
            f" in {rng.choice(pools['locations']['en'])}" if lang == "en"
            else f" en {rng.choice(pools['locations']['es'])}"),
        "us_head": us[0].name, "us_head_post": post(us[0]),
        "us_head_org": us[0].org or "U.S. Government",
        "us_other": us[1].name, "us_other_post": post(us[1]),
        "mx_head": mx[0].name, "mx_head_post": post(mx[0]),
        "mx_head_org_poss": (f"Mexico's {mx[0].org} " if lang == "en" and mx[0].org
                             else "Mexico's "),
        "mx_other": mx[1].name, "mx_other_post": post(mx[1]),
        "port": port[side], "port2": port2[side], "outcome": outcome[lang], "relation": relation,
        "other_series": other[lang], "established": series["established"],
    }
    parts = universe.templates[lang]
    paragraphs = [rng.choice(parts[kind]).format(**slots).strip("\n") for kind in
                  ("header", "title", "lead", "delegations", "outcomes", "builds_on", "background")]
    if "footer" in parts:
        paragraphs.append(rng.choice(parts["footer"]).strip())
    name = f"synthetic-{index:05d}-{series['acronym_en'].lower()}-{held.year}-{lang}"
    return name, "\n\n".join(paragraphs) + "\n"


def releases(count: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """``count`` synthetic releases as (file stem, text); the same seed gives the same corpus."""
    universe = Universe(count, seed)
    for index in range(count):
        yield render(universe, index, seed)


def write_corpus(count: int, directory: Path, seed: int = 7) -> list[Path]:
    """Write ``count`` releases as NAME.txt under ``directory``; returns the paths in order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in releases(count, seed):
        path = directory / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of releases (e.g. 100, 1000, 10000)")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_corpus(args.count, args.directory, args.seed)
    print(f"{len(paths)} releases written to {args.directory}")


if __name__ == "__main__":
    main()
