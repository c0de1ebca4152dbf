"""The explorer's Ports map and Timeline tabs in headless Chromium: offline, every port of the
reference data at its place along the border, the crossings the releases mention sized and
listed with their events and sentences, text from releases shown as text.

Uses Debian's /usr/bin/chromium through Playwright's Python client, as test_explorer_browser.py.
A screenshot of the map is saved to test-artifacts/map.png.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from bordergraph.graph import iris
from bordergraph.graph.vocab import BG
from test_explorer_browser import ARTIFACTS, PAYLOADS, Page, _payload_store, browser  # noqa: F401

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
PORTS = ROOT / "data" / "reference" / "ports_of_entry.csv"
MAP_READY = "() => window.bordergraphMap && window.bordergraphMap.ready"


def reference_ports() -> dict[str, dict[str, str]]:
    lines = [line for line in PORTS.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    return {row["id"]: row for row in csv.DictReader(lines)}


@pytest.fixture(scope="module")
def explorer(built, tmp_path_factory) -> Path:
    return built.explore(tmp_path_factory.mktemp("map") / "explorer.html")


def open_map(browser, path: Path) -> Page:  # noqa: F811
    page = Page(browser, path)
    page.page.wait_for_function(MAP_READY, timeout=30_000)
    page.page.click("#tabs button[data-tab=map]")
    return page


def circles(page: Page) -> dict[str, dict]:
    return {c["id"].rsplit("/", 1)[-1]: c for c in page.js("""() =>
        [...document.querySelectorAll('#map circle.port')].map(c => {
            const r = c.getBoundingClientRect();
            return {id: c.dataset.id, count: +c.dataset.count, r: +c.getAttribute('r'),
                    x: r.left + r.width / 2, y: r.top + r.height / 2, shown: r.width > 0};
        })""")}


def zoom_to(page: Page, pid: str, steps: int = 17) -> dict:
    """Wheel-zoom on a port, as a reader would to pull apart crossings metres apart; returns
    its circle once zoomed."""
    for _ in range(steps):
        c = circles(page)[pid]
        page.page.mouse.move(c["x"], c["y"])
        page.page.mouse.wheel(0, -100)
        page.page.wait_for_timeout(20)
    return circles(page)[pid]


def test_every_reference_port_is_on_the_map_offline(browser, explorer):  # noqa: F811
    page = open_map(browser, explorer)
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "map.png"))
    assert page.external() == [] and page.errors == []
    assert page.js("document.getElementById('main').hidden") is True
    drawn, ports = circles(page), reference_ports()
    assert set(drawn) == set(ports) and all(c["shown"] for c in drawn.values())
    # At their coordinates: west to east on screen as in longitude, the U.S. side of each
    # crossing drawn north of (above) its Mexican counterpart.
    by_lon = sorted(ports, key=lambda i: float(ports[i]["longitude"]))
    xs = [drawn[i]["x"] for i in by_lon]
    assert all(b >= a - 0.01 for a, b in itertools.pairwise(xs))  # pairs share a lon
    for pid, row in ports.items():
        if row["country"] == "US" and row["counterpart_id"]:
            assert drawn[pid]["y"] < drawn[row["counterpart_id"]]["y"], pid
    # Port labels shown do not overlap (the others wait for a closer zoom).
    boxes = page.js("""() => [...document.querySelectorAll('#map .port-label')]
        .filter(l => l.getAttribute('visibility') !== 'hidden')
        .map(l => { const r = l.getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom]; })""")
    assert boxes
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert min(a[2], b[2]) - max(a[0], b[0]) <= 1 or min(a[3], b[3]) - max(a[1], b[1]) <= 1
    # The border and the state lines come from the shipped data, as SVG polylines.
    assert page.js("document.querySelectorAll('#map polyline.boundary').length") == 1
    assert page.js("document.querySelectorAll('#map polyline.state').length") >= 6


@pytest.mark.parametrize("release", ["tornillo-guadalupe-opening-2016",
                                     "mariposa-lpoe-ribbon-2014"])
def test_crossings_show_their_events_and_sentences(browser, explorer, gold, release):  # noqa: F811
    """Both sides of the crossing a release concerns are sized by their mentions and, clicked,
    list the release's event with a sentence naming the port."""
    page = open_map(browser, explorer)
    (event,) = gold[release]["events"]
    drawn, ports = circles(page), reference_ports()
    quiet = min(c["r"] for c in drawn.values())
    named = [p["name"] for p in gold[release]["ports_of_entry"]]
    found = [pid for pid, row in ports.items()
             if any(n == row["name"] or n in row["variants"].split("|") for n in named)]
    assert len(found) == len(named) and {ports[p]["country"] for p in found} == {"US", "MX"}
    for pid in found:
        assert drawn[pid]["count"] >= 1 and drawn[pid]["r"] > quiet, pid
        page = open_map(browser, explorer)
        target = zoom_to(page, pid)
        page.page.mouse.click(target["x"], target["y"])
        panel = page.page.inner_text("#map-panel")
        assert panel.startswith(ports[pid]["name"]), (pid, panel[:80])
        assert event["name"] in panel and release in panel
        quotes = page.js("[...document.querySelectorAll('#map-panel blockquote')]"
                         ".map(b => b.textContent)")
        assert any(ports[pid]["name"].split()[0] in q for q in quotes), (pid, quotes)
    assert page.errors == [] and page.external() == []


def test_list_of_mentioned_ports_selects_them(browser, explorer, built):  # noqa: F811
    """The side lists hold every port an event or project mentions (by the ports_of_entry
    query): on the map when the reference data places it, else in the list beside it."""
    page = open_map(browser, explorer)
    listed = page.js("[...document.querySelectorAll('#map-list button')].map(b => b.dataset.id)")
    unplaced = page.js(
        "[...document.querySelectorAll('#map-unplaced button')].map(b => b.dataset.id)")
    rows = built.query("ports_of_entry")
    mentioned = set(rows[rows["events"].notna() | rows["projects"].notna()]["port"])
    assert set(listed) | set(unplaced) == mentioned and not set(listed) & set(unplaced)
    placed = {c["id"] for c in circles(page).values()}
    assert set(listed) <= placed and not set(unplaced) & placed
    page.page.click(f"#map-list button[data-id='{listed[0]}']")
    assert page.js("document.querySelector('#map circle.selected').dataset.id") == listed[0]
    for pid in unplaced:  # selectable from the list, its mentions shown, nothing drawn
        page.page.click(f"#map-unplaced button[data-id='{pid}']")
        assert "Events and projects".upper() in page.page.inner_text("#map-panel").upper()


def test_timeline_tab_shows_the_picture(browser, explorer):  # noqa: F811
    page = Page(browser, explorer)
    page.page.click("#tabs button[data-tab=timeline]")
    page.page.wait_for_function(
        "() => document.getElementById('timeline-img').naturalWidth > 0", timeout=10_000)
    assert page.js("document.getElementById('timeline-img').getBoundingClientRect().height") > 100
    page.page.click("#tabs button[data-tab=graph]")
    assert page.js("document.getElementById('main').hidden") is False
    assert page.js("window.bordergraph.network.body.data.nodes.length") > 0
    assert page.errors == [] and page.external() == []


def test_release_text_on_the_map_is_text(browser, tmp_path):  # noqa: F811
    bg = _payload_store(tmp_path)
    graph = iris.release("payload-direct")
    event = iris.entity("event", "payload-direct", "talks")
    port = iris.entity("port", "us-tornillo")
    triples = [*list(bg.store.graph(graph)), (event, BG.concernsPort, port)]
    bg.store.replace_graph(graph, triples)
    out = bg.explore(tmp_path / "payload.html")
    assert "<img src=x" not in out.read_text(encoding="utf-8")
    page = open_map(browser, out)
    assert page.js("id => window.bordergraphMap.select(id)", str(port)) is True
    panel = page.page.inner_text("#map-panel")
    assert PAYLOADS[0] in panel
    assert page.js("document.querySelectorAll('#map-panel *:not(h3):not(h4):not(div)"
                   ":not(strong):not(blockquote):not(button)').length") == 0
    page.page.wait_for_timeout(300)
    assert page.dialogs == [] and page.external() == [] and page.errors == []
