"""The HTML explorer in headless Chromium: offline, complete, filterable, searchable, escaped.

Uses Debian's /usr/bin/chromium through Playwright's Python client (never `playwright install`).
A screenshot of the first screen is saved to test-artifacts/explorer.png.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDFS

from bordergraph.graph import iris
from bordergraph.graph.vocab import BG
from bordergraph.views.explorer import LABELLED
from bordergraph.views.network import find_node

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
PAYLOADS = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "javascript:alert(1)"]
READY = "() => window.bordergraph && window.bordergraph.ready"


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no /usr/bin/chromium")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                              args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page with everything that would show a leak recorded: requests, dialogs, errors."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function(READY, timeout=60_000)

    def external(self) -> list[str]:
        return [u for u in self.requests if not u.startswith("file://")]

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def show_all(self) -> None:
        """Untick "only the most central nodes" (ticked when the view has more nodes than the
        first screen labels), so that filters act on every node of the view."""
        if self.page.is_checked("#focus"):
            self.page.uncheck("#focus")

    def click_node(self, node_id: str) -> None:
        """A real mouse click on the node's position on the canvas."""
        point = self.js("""id => { const n = window.bordergraph.network;
            const p = n.canvasToDOM(n.getPositions([id])[id]);
            const r = document.getElementById('graph').getBoundingClientRect();
            return {x: p.x + r.left, y: p.y + r.top}; }""", node_id)
        self.page.mouse.click(point["x"], point["y"])


@pytest.fixture(scope="module")
def explorer(built, tmp_path_factory) -> Path:
    return built.explore(tmp_path_factory.mktemp("explorer") / "explorer.html")


@pytest.fixture(scope="module")
def participation(built):
    return built.to_networkx("participation")


def test_offline_complete_and_screenshot(browser, explorer, participation):
    html = explorer.read_text(encoding="utf-8")
    assert not re.search(r"""<(link|script|img|iframe)[^>]+(href|src)\s*=\s*["']?(https?:)?//""",
                         html, re.IGNORECASE)
    page = Page(browser, explorer)
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "explorer.png"))
    assert page.external() == [] and page.errors == []
    # The page holds the whole view; vis-network builds the first screen (at most LABELLED
    # nodes) at load and the rest on demand, with the edges among the nodes it has built.
    assert page.js("document.body.dataset.nodes") == str(participation.number_of_nodes())
    built = page.js("window.bordergraph.network.body.data.nodes.getIds()")
    assert len(built) == min(participation.number_of_nodes(), LABELLED)
    assert set(built) <= set(participation.nodes)
    assert page.js("window.bordergraph.network.body.data.edges.length") == \
        participation.subgraph(built).number_of_edges()
    # The first screen labels at most 150 nodes, and no two labelled nodes (label included in
    # vis-network's bounding box) overlap.
    # vis-network measures a label when it draws it, so the check covers the nodes on screen.
    boxes = page.js("""() => { const bg = window.bordergraph, net = bg.network;
        const r = document.getElementById('graph').getBoundingClientRect();
        const ids = bg.nodes.get({filter: n => !!n.label && !n.hidden}).map(n => n.id);
        const pos = net.getPositions(ids);
        return ids.filter(id => { const p = net.canvasToDOM(pos[id]);
                                  return p.x >= 0 && p.y >= 0 &&
                                         p.x <= r.width && p.y <= r.height; })
                  .map(id => net.getBoundingBox(id)); }""")
    assert 0 < len(boxes) <= 150
    # Boxes are in canvas units; what must not overlap is what the screen shows (1 px slack).
    scale = page.js("window.bordergraph.network.getScale()")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            dx = min(a["right"], b["right"]) - max(a["left"], b["left"])
            dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            assert dx * scale <= 1 or dy * scale <= 1, (a, b, scale)


def test_obama_filter_hides_events_outside_his_terms(browser, explorer, participation):
    page = Page(browser, explorer)
    page.show_all()
    obama = page.js(
        "window.bordergraph.data.administrations.find(a => a.label.startsWith('Obama'))")
    assert obama["start"] == "2009-01-20" and obama["end"] == "2017-01-20"
    page.page.select_option("#admin-US", value=obama["label"])
    shown = set(page.js("window.bordergraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    events = {n: d for n, d in participation.nodes(data=True) if d["type"] == "Event"}
    inside = {n for n, d in events.items()
              if d["date"] and "2009-01-20" <= d["date"][:10] < "2017-01-20"}
    outside = {n for n, d in events.items() if d["date"] and d["date"][:4] >= "2017"}
    assert inside and outside
    assert inside <= shown
    assert not outside & shown
    assert page.js("window.bordergraph.visible") == len(shown) < participation.number_of_nodes()
    # Each person shown took part in an event under Obama.
    for n in shown - set(events):
        assert set(participation[n]) & inside, participation.nodes[n]["label"]
    page.page.click("#reset")  # back to the first screen
    assert page.js("window.bordergraph.visible") == min(participation.number_of_nodes(),
                                                        LABELLED)
    page.show_all()
    # The Mexican filter works the same way: Peña Nieto's term, December 2012 to November 2018.
    pena = page.js(
        "window.bordergraph.data.administrations.find(a => a.label.startsWith('Peña Nieto'))")
    page.page.select_option("#admin-MX", value=pena["label"])
    shown = set(page.js("window.bordergraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    dated = {n: d["date"] for n, d in events.items() if d["date"]}
    assert {n for n in shown if n in events} == {
        n for n, when in dated.items() if pena["start"][:len(when)] <= when < pena["end"]}


def test_country_and_date_filters(browser, explorer, participation):
    page = Page(browser, explorer)
    page.show_all()
    page.page.select_option("#country", value="MX")
    shown = set(page.js("window.bordergraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    assert shown == {n for n, d in participation.nodes(data=True) if "MX" in d["countries"]}
    page.page.click("#reset")
    page.show_all()
    page.page.fill("#date-from", "2022-01-01")
    page.page.dispatch_event("#date-from", "change")
    shown = set(page.js("window.bordergraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    last = {n: d["end_date"] or d["date"] for n, d in participation.nodes(data=True)}
    assert shown == {n for n, when in last.items() if when and when >= "2022"}


def test_search_nichols_selects_and_click_shows_seed_sentence(browser, explorer, participation):
    nichols = find_node(participation, "Brian A. Nichols")
    page = Page(browser, explorer)
    page.page.fill("#search", "Nichols")
    page.page.press("#search", "Enter")
    assert page.js("window.bordergraph.network.getSelectedNodes()") == [nichols]
    assert "Brian A. Nichols" in page.page.inner_text("#panel-body")
    page.page.click("#panel-close")
    assert page.page.is_hidden("#panel")
    page.click_node(nichols)
    assert page.page.is_visible("#panel")
    panel = page.page.inner_text("#panel-body")
    assert panel.splitlines()[0] == "Brian A. Nichols"
    quotes = page.page.locator("#panel-body blockquote").all_inner_texts()
    assert any("Brian A. Nichols" in q for q in quotes)
    assert "esc-13-plenary-2021" in panel
    assert "Western Hemisphere" in panel  # his post


def test_first_screen_builds_the_rest_on_demand(browser, built, participation, tmp_path,
                                                monkeypatch):
    """On a graph bigger than its first screen only the most central nodes (and the edges among
    them) are handed to vis-network; unticking "only the most central nodes" adds the rest, and
    a search for a node outside the first screen still finds and selects it."""
    from bordergraph.views import explorer

    monkeypatch.setattr(explorer, "LABELLED", 12)
    out = tmp_path / "focus.html"
    out.write_text(explorer.render(explorer.explorer_data(built.store, "participation")),
                   encoding="utf-8")
    page = Page(browser, out)
    first = set(page.js("window.bordergraph.nodes.getIds()"))
    labelled = {n["id"] for n in page.js("window.bordergraph.data.nodes") if n["labelled"]}
    assert first == labelled and len(first) == 12
    assert page.js("window.bordergraph.visible") == 12
    assert page.page.is_checked("#focus")
    assert page.js("window.bordergraph.edges.length") == \
        participation.subgraph(first).number_of_edges()
    page.page.uncheck("#focus")
    assert page.js("window.bordergraph.nodes.length") == participation.number_of_nodes()
    assert page.js("window.bordergraph.edges.length") == participation.number_of_edges()
    assert page.js("window.bordergraph.nodes.get({filter: n => n.hidden}).length") == 0
    page.page.check("#focus")
    assert page.js("window.bordergraph.visible") == 12
    nichols = find_node(participation, "Brian A. Nichols")
    if nichols not in first:
        page.page.fill("#search", "Nichols")
        page.page.press("#search", "Enter")
        assert page.js("window.bordergraph.network.getSelectedNodes()") == [nichols]
        assert not page.page.is_checked("#focus")
    assert page.js("document.documentElement.dataset.drawnMs")
    assert page.errors == [] and page.external() == []


RELEASE = """U.S.-Mexico Border Talks with {p0}
Office of the Spokesperson
December 3, 2021

Assistant Secretary of State {p0} Smith and Mexico's Chief Officer {p1} Garcia co-chaired the
first meeting of the Border Payload Dialogue in Washington on December 1, 2021. Ambassador
{p2} Jones welcomed the delegations.
"""


def _payload_store(tmp_path: Path):
    """A store with one release whose names carry script payloads, plus the same payloads as
    entity names directly, so the page is tested whatever the extractor keeps of them."""
    from bordergraph.api import BorderGraph

    source = tmp_path / "payload-release-2021.txt"
    source.write_text(RELEASE.format(p0=PAYLOADS[0], p1=PAYLOADS[1], p2=PAYLOADS[2]),
                      encoding="utf-8")
    bg = BorderGraph.open(tmp_path / "store")
    bg.load([source])
    graph = iris.release("payload-direct")
    event = iris.entity("event", "payload-direct", "talks")
    quote = iris.entity("quotation", "payload-direct", "0-10")
    triples = [(graph, RDF.type, BG.Release), (graph, DCTERMS.title, Literal(PAYLOADS[1])),
               (event, RDF.type, BG.Meeting), (event, RDFS.label, Literal(PAYLOADS[0])),
               (event, BG.startDate, Literal("2021-12-01")),
               (quote, RDF.type, BG.Quotation), (quote, BG.quote, Literal(" ".join(PAYLOADS))),
               (quote, BG.quotedFrom, graph)]
    for i, payload in enumerate(PAYLOADS):
        person = iris.entity("person", f"payload-{i}")
        part = URIRef(f"{person}-part")
        triples += [(person, RDF.type, BG.Person), (person, FOAF.name, Literal(payload)),
                    (part, RDF.type, BG.Participation), (part, BG.participant, person),
                    (part, BG.event, event), (part, BG.evidence, quote)]
    bg.store.replace_graph(graph, triples)
    return bg


def test_injected_markup_shows_as_text_and_runs_nothing(browser, tmp_path):
    bg = _payload_store(tmp_path)
    out = bg.explore(tmp_path / "payload.html")
    html = out.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>alert" not in html
    page = Page(browser, out)
    page.page.fill("#search", PAYLOADS[0])
    page.page.press("#search", "Enter")
    assert page.page.locator("#panel h3").inner_text() == PAYLOADS[0]
    ids = page.js("window.bordergraph.data.nodes.map(n => n.id)")
    for node_id in ids:  # open every panel: names, posts, links and quotes all get rendered
        page.js("id => window.bordergraph.select(id)", node_id)
    page.click_node(ids[0])
    body = page.page.inner_text("body")
    assert PAYLOADS[1] in body and PAYLOADS[2] in body
    assert page.js("document.querySelectorAll('iframe, a[href]').length") == 0
    # The one image is the timeline tab's, an SVG as a data: URI (no script in it can run).
    assert page.js("[...document.images].map(i => i.src.slice(0, 26))") == \
        ["data:image/svg+xml;base64,"]
    assert page.js("document.scripts.length") == 5  # data, vis-network, graph, map data, map
    page.page.wait_for_timeout(300)
    assert page.dialogs == [] and page.external() == [] and page.errors == []
    bg.close()
