"""The ports map's data (views/map.py) on the graph built from data/: every reference port with
its coordinates, the mentions of the releases with their sentences, the shipped border lines."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from bordergraph.views.explorer import render
from bordergraph.views.map import BORDER_FILE, border_lines, map_data

ROOT = Path(__file__).resolve().parents[1]
PORTS = ROOT / "data" / "reference" / "ports_of_entry.csv"


def reference_ports() -> dict[str, dict[str, str]]:
    lines = [x for x in PORTS.read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    return {row["id"]: row for row in csv.DictReader(lines)}


def test_every_port_at_its_coordinates(built):
    data = map_data(built.store)
    ports = {p["id"].rsplit("/", 1)[-1]: p for p in data["ports"]}
    reference = reference_ports()
    assert set(ports) == set(reference)
    for pid, row in reference.items():
        assert abs(ports[pid]["lon"] - float(row["longitude"])) < 1e-3
        assert abs(ports[pid]["lat"] - float(row["latitude"])) < 1e-3
        assert ports[pid]["country"] == row["country"]
        assert ports[pid]["counterpart"].rsplit("/", 1)[-1] == row["counterpart_id"]


def test_mentions_match_the_gold_ports_with_sentences(built, gold):
    ports = {p["id"].rsplit("/", 1)[-1]: p for p in map_data(built.store)["ports"]}
    reference = reference_ports()
    for release in ("tornillo-guadalupe-opening-2016", "mariposa-lpoe-ribbon-2014"):
        (event,) = gold[release]["events"]
        for named in gold[release]["ports_of_entry"]:
            (pid,) = [i for i, r in reference.items() if r["country"] == named["country"] and (
                named["name"] == r["name"] or named["name"] in r["variants"].split("|"))]
            mentions = ports[pid]["mentions"]
            assert ports[pid]["count"] == len(mentions) >= 1
            (opening,) = [m for m in mentions if m["label"] == event["name"]]
            assert opening["date"] == event["date"]
            assert [s["release"] for s in opening["sources"]] == [release]
            assert any(reference[pid]["name"].split()[0] in q
                       for s in opening["sources"] for q in s["quotes"]), pid
    # Unmentioned ports carry no mentions.
    assert sum(1 for p in ports.values() if p["count"] == 0) > 60


def test_border_lines_are_the_shipped_file():
    data = json.loads((ROOT / BORDER_FILE).read_text(encoding="utf-8"))
    assert data["sources"]
    lines = border_lines()
    assert [line["kind"] for line in lines].count("boundary") == 1
    boundary = next(line for line in lines if line["kind"] == "boundary")["points"]
    # Pacific to Gulf, within the extent the reference loader accepts for ports.
    assert boundary[0][0] < -117 and boundary[-1][0] > -97.2
    for lon, lat in boundary:
        assert -117.2 <= lon <= -97.1 and 25.8 <= lat <= 32.8


def test_map_data_cannot_end_its_script_block():
    nasty = "</script><script>alert(1)</script><!-- &"
    ports = {"ports": [{"id": "p", "label": nasty, "mentions": [{"label": nasty}]}], "lines": []}
    html = render({"view": "x", "nodes": [], "edges": [], "counts": {}}, "t", ports, "<svg/>")
    block = html.split('<script type="application/json" id="bg-map">', 1)[1].split("</script>")[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["ports"][0]["label"] == nasty
