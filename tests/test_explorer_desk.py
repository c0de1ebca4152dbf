"""The explorer for a reader (issue 16, point 7), in headless Chromium: search as you type with
suggestions, labels of 11 px or more at the first fit, full event names on hover, filters that
re-fit the view and clear tooltips, administration colours by each node's own country, the whole
release text on demand, and `load` refreshing the explorer `build` wrote.
A screenshot of the first screen is saved to test-artifacts/explorer-desk.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bordergraph.cli import main
from bordergraph.views.network import find_node
from test_explorer_browser import ARTIFACTS, Page, browser, explorer, participation  # noqa: F401

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
VIEW = "[window.bordergraph.network.getScale(), window.bordergraph.network.getViewPosition()]"
SHOWN = "window.bordergraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"
LABEL_PX = """() => { const bg = window.bordergraph, s = bg.network.getScale();
  return bg.nodes.get({filter: n => !!n.label && !n.hidden}).map(n => n.font.size * s); }"""


def test_labels_are_legible_at_the_first_fit(browser, explorer):  # noqa: F811
    page = Page(browser, explorer)
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "explorer-desk.png"))
    sizes = page.js(LABEL_PX)
    assert sizes and min(sizes) >= 11
    assert page.errors == [] and page.external() == []


def test_search_as_you_type_suggests_and_selects(browser, explorer, participation):  # noqa: F811
    nichols = find_node(participation, "Brian A. Nichols")
    page = Page(browser, explorer)
    page.page.type("#search", "nic", delay=20)  # three letters, no Enter
    suggestions = page.page.locator("#suggestions button").all_inner_texts()
    assert suggestions and suggestions[0].startswith("Brian A. Nichols")
    assert page.js("window.bordergraph.network.getSelectedNodes()") == [nichols]
    assert page.page.is_visible("#panel")
    # A suggestion below the first is one click away.
    from collections import Counter

    from bordergraph.graph.iris import fold

    starts = Counter(w[:4] for _, d in participation.nodes(data=True)
                     for w in set(fold(d["label"]).split()) if len(w) >= 4)
    common = starts.most_common(1)[0][0]  # a start of a word many names share
    page.page.fill("#search", "")
    page.page.type("#search", common, delay=20)
    buttons = page.page.locator("#suggestions button")
    assert buttons.count() >= 2
    second = buttons.nth(1).inner_text()
    buttons.nth(1).click()
    assert second.startswith(page.page.locator("#panel h3").inner_text())


def test_event_names_in_full_on_hover_and_in_the_panel(browser, explorer, participation):  # noqa: F811
    page = Page(browser, explorer)
    events = [n for n, d in participation.nodes(data=True)
              if d["type"] == "Event" and len(d["label"]) > 40]
    shown = set(page.js(SHOWN))
    event = next(e for e in events if e in shown)
    full = participation.nodes[event]["label"]
    drawn = page.js("id => window.bordergraph.nodes.get(id).label", event)
    assert drawn and full not in drawn  # the canvas shows it wrapped and cut...
    page.js("id => window.bordergraph.network.focus(id, {animation: false})", event)
    point = page.js("""id => { const n = window.bordergraph.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return {x: p.x + r.left, y: p.y + r.top}; }""", event)
    page.page.mouse.move(point["x"], point["y"])
    page.page.wait_for_selector(".vis-tooltip", state="visible", timeout=5000)
    assert full in page.page.inner_text(".vis-tooltip")  # ...hover shows all of it
    page.js("id => window.bordergraph.select(id)", event)
    assert page.page.locator("#panel h3").inner_text() == full


def test_filters_refit_the_view_and_clear_tooltips(browser, explorer, participation):  # noqa: F811
    page = Page(browser, explorer)
    before = page.js(VIEW)
    person = next(n for n in page.js(SHOWN) if participation.nodes[n]["type"] == "Person")
    point = page.js("""id => { const n = window.bordergraph.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return {x: p.x + r.left, y: p.y + r.top}; }""", person)
    page.page.mouse.move(point["x"], point["y"])
    page.page.wait_for_selector(".vis-tooltip", state="visible", timeout=5000)
    page.page.select_option("#country", value="CA")
    assert not page.page.is_visible(".vis-tooltip")
    shown = page.js(SHOWN)
    assert shown and len(shown) < participation.number_of_nodes()
    after = page.js(VIEW)
    assert after != before
    # Every node left is inside the view, unless fitting them all would shrink the labels
    # below legibility: then the view is zoomed to the smallest legible size, centred on them.
    inside = page.js("""ids => { const n = window.bordergraph.network;
        const r = document.getElementById('graph').getBoundingClientRect();
        return ids.every(id => { const p = n.canvasToDOM(n.getPositions([id])[id]);
          return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height; }); }""", shown)
    smallest_label = page.js("""ids => { const bg = window.bordergraph;
        const fonts = bg.nodes.get(ids).filter(n => !!n.label).map(n => n.font.size);
        return bg.network.getScale() * Math.min(...fonts); }""", shown)
    assert inside or 11 <= smallest_label <= 12


def test_administration_colours_follow_each_nodes_own_country(browser, explorer, participation):  # noqa: F811
    page = Page(browser, explorer)
    page.page.check("input[name=colour][value=administration]")
    admins = {a["label"]: a["country"] for a in page.js("window.bordergraph.data.administrations")}
    colour = page.js("() => Object.fromEntries(window.bordergraph.nodes.get().map("
                     "n => [n.id, n.color.background]))")
    by_colour: dict[str, set[str]] = {}
    for n, d in participation.nodes(data=True):
        if d["type"] != "Person" or len(d["countries"]) != 1 or not d["administrations"]:
            continue
        own = [a for a in d["administrations"] if admins.get(a) == d["countries"][0]]
        if own and n in colour:
            by_colour.setdefault(colour[n], set()).add(d["countries"][0])
    mexican = [n for n, d in participation.nodes(data=True)
               if d["type"] == "Person" and d["countries"] == ["MX"] and n in colour]
    assert mexican
    # A colour stands for one country's administration: Mexicans never get a U.S. term's colour.
    assert by_colour and all(len(countries) == 1 for countries in by_colour.values())
    legend = page.page.inner_text("#legend")
    assert any(a in legend for a, c in admins.items() if c == "MX")


def test_the_whole_release_text_is_shown_on_demand(browser, explorer, participation):  # noqa: F811
    nichols = find_node(participation, "Brian A. Nichols")
    page = Page(browser, explorer)
    page.js("id => window.bordergraph.select(id)", nichols)
    button = page.page.locator("#panel button.show-text").first
    text = page.page.locator("#panel .release-text").first
    assert not text.is_visible()
    button.click()
    assert text.is_visible()
    body = (ROOT / "data" / "releases" / "esc-13-plenary-2021.txt").read_text(encoding="utf-8")
    shown = text.inner_text()
    assert len(shown) > 1000 and "Executive Steering Committee" in shown
    assert shown.split()[-1] in body  # the release's own words, to the end
    assert page.external() == []


def test_load_refreshes_the_explorer_build_wrote(tmp_path):
    store = tmp_path / "store"
    releases = ROOT / "data" / "releases"
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--store", str(store), "--no-validate",
                                 str(releases / "esc-13-plenary-2021.txt")])
    assert built.exit_code == 0, built.output
    page = tmp_path / "explorer.html"
    assert page.exists() and "nals-washington-2021" not in page.read_text(encoding="utf-8")
    loaded = runner.invoke(main, ["load", "--store", str(store),
                                  str(releases / "nals-washington-2021.txt")])
    assert loaded.exit_code == 0, loaded.output
    assert "explorer:" in loaded.stderr and "refreshed" in loaded.stderr
    assert "nals-washington-2021" in page.read_text(encoding="utf-8")
