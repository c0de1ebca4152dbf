"""Continuity across administrations (views/continuity.py, `bordergraph continuity`) and the
timeline picture (views/timeline.py, `bordergraph timeline`) on the graph built from data/."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from bordergraph.cli import main
from bordergraph.views import queries as Q
from bordergraph.views.dates import Terms, span
from bordergraph.views.timeline import mark_id

CBMP = "21st Century Border Management Process"


@pytest.fixture(scope="module")
def view(built):
    return built.continuity()


def one(store, name: str) -> str:
    (iri,) = Q.find_entities(store, name, "series")
    return str(iri)


def test_the_seed_claim_three_and_three(built, view, gold):
    """The seed release says the process spans three U.S. and three Mexican administrations;
    the span computed from its establishment to its last session agrees."""
    (claim,) = [s for s in gold["esc-13-plenary-2021"]["series"] if s["name"] == CBMP]
    row = view.summary.set_index("series").loc[one(built.store, CBMP)]
    assert (row["us_count"], row["mx_count"]) == (claim["administrations_spanned"]["US"],
                                                  claim["administrations_spanned"]["MX"]) == (3, 3)
    assert (row["stated_us"], row["stated_mx"]) == (3, 3) and row["agrees_with_stated"]
    assert row["us_administrations"].split("; ") == [
        "Obama administration", "First Trump administration", "Biden administration"]
    assert row["mx_administrations"].split("; ") == [
        "Calderón administration", "Peña Nieto administration", "López Obrador administration"]
    # One row per spanned administration, sessions counted under each.
    mine = view.by_administration[view.by_administration["series"] == row.name]
    assert len(mine) == 6 and mine["sessions"].sum() == 2 * row["dated_sessions"]


def test_the_hled_relaunch_after_a_gap(built, view, gold):
    dates = sorted(e["date"] for e in gold["hled-relaunch-2021"]["events"] if e["date"])
    hled = one(built.store, "HLED")
    gaps = view.gaps[(view.gaps["series"] == hled) & view.gaps["lapsed"]]
    assert list(zip(gaps["from_date"], gaps["to_date"], strict=True)) == [(dates[0], dates[-1])]
    gap = (span(dates[-1])[0] - span(dates[0])[1]).days
    assert gaps.iloc[0]["gap_days"] == gap > view.lapse_days
    sessions = view.sessions[view.sessions["series"] == hled]
    relaunched = sessions[sessions["relaunch"]]
    assert [str(d) for d in relaunched["date"]] == [dates[-1]]
    assert relaunched.iloc[0]["first_under_us"] and relaunched.iloc[0]["first_under_mx"]
    summary = view.summary.set_index("series").loc[hled]
    assert summary["relaunches"] == dates[-1][:10] and summary["lapses"] == 1
    # A threshold above the gap: no lapse, no relaunch.
    patient = built.continuity("HLED", lapse_days=gap + 1)
    assert not patient.gaps["lapsed"].any() and not patient.sessions["relaunch"].any()


def test_sessions_fall_under_the_administrations_of_their_dates(built, view):
    terms = Terms(built.store)
    dated = view.sessions[view.sessions["date"].notna()]
    assert len(dated) >= 10
    for row in dated.itertuples():
        day = span(row.date)[0]
        for code, label in (("US", row.us_administration), ("MX", row.mx_administration)):
            covering = [t for t in terms.country(code)
                        if t.start <= day and (t.end is None or day <= t.end)]
            # the reference data's terms start in 2001: an older session falls under none
            assert [t.label for t in covering] == ([label] if isinstance(label, str) else [])
    # The first session seen under each administration is flagged once per series.
    for (series, label), group in dated[~dated["announced"]].groupby(
            ["series", "us_administration"]):
        assert group["first_under_us"].sum() == 1, (series, label)


def test_officials_across_administrations_with_posts(view):
    officials = view.officials
    assert not officials.empty and (officials["administration_count"] >= 2).all()
    assert officials["posts"].notna().all()
    velasco = officials[officials["person_name"].str.contains("Velasco")].iloc[0]
    assert "Chief Officer for North America" in velasco["posts"]


def test_unknown_mechanism_is_empty_and_cli_prints_tables(built):
    assert built.continuity("no such dialogue").summary.empty
    store = built.store.location
    runner = CliRunner()
    result = runner.invoke(main, ["continuity", CBMP, "--store", store, "--only", "summary",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = [r for r in json.loads(result.output) if r["series_label"] == CBMP]
    assert row["us_count"] == row["stated_us"] == 3
    result = runner.invoke(main, ["continuity", "HLED", "--store", store, "--only", "gaps",
                                  "--format", "csv"])
    assert result.exit_code == 0 and "True" in result.output
    assert runner.invoke(main, ["continuity", "--lapse-days", "-3", "--store", store]).exit_code \
        == 2


# -- the timeline picture -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def drawn(built, tmp_path_factory) -> list[Path]:
    return built.timeline(tmp_path_factory.mktemp("timeline") / "timeline.svg")


def test_timeline_holds_every_dated_session(drawn, view):
    svg, png = drawn
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    ids = {g.get("id") for g in ET.parse(svg).iter() if (g.get("id") or "").startswith("session--")}
    summary = view.summary.set_index("series")
    expected = set()
    for series, group in view.sessions[view.sessions["date"].notna()].groupby("series"):
        if summary.loc[series]["dated_sessions"] == 0:
            continue  # only announced sessions: no row of its own on the picture
        ordered = sorted(group.itertuples(), key=lambda r: (span(r.date), str(r.session_label)))
        expected |= {mark_id(series, r.date, n) for n, r in enumerate(ordered)}
    assert ids == expected and len(ids) >= 10
    text = svg.read_text(encoding="utf-8")
    for label in ("Obama", "Biden", "Peña Nieto", "relaunched 2021"):
        assert label in text


def test_timeline_is_deterministic(built, drawn, tmp_path):
    again = built.timeline(tmp_path / "again.png")
    assert again[0].read_bytes() == drawn[0].read_bytes()
    assert again[1].read_bytes() == drawn[1].read_bytes()


def test_cli_timeline(built, tmp_path):
    result = CliRunner().invoke(main, ["timeline", "-o", str(tmp_path / "t.svg"), "--store",
                                       built.store.location])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.svg").exists() and (tmp_path / "t.png").exists()


def test_relaunches_are_highlighted_in_red(drawn, view):
    relaunched = view.sessions[view.sessions["relaunch"]]
    assert not relaunched.empty
    wanted = {(s.rsplit("/", 1)[-1], str(d)) for s, d in zip(
        relaunched["series"], relaunched["date"], strict=True)}
    for g in ET.parse(drawn[0]).getroot().iter():
        ident = g.get("id") or ""
        if ident.startswith("session--"):
            _, series, date, _ = ident.split("--")
            red = "#d62828" in ET.tostring(g, encoding="unicode")
            assert red == ((series, date) in wanted), ident


def test_the_seed_release_alone_gives_three_and_three(gold):
    """As DESIGN asks: from the seed release alone plus reference data."""
    from bordergraph import BorderGraph

    seed = Path(__file__).resolve().parents[1] / "data" / "releases" / "esc-13-plenary-2021.txt"
    bg = BorderGraph.open(":memory:")
    assert bg.build([seed], progress=False).loaded == 1
    (claim,) = [s for s in gold["esc-13-plenary-2021"]["series"] if s["name"] == CBMP]
    row = bg.continuity(CBMP).summary.iloc[0]
    assert row["series_label"] == CBMP and row["agrees_with_stated"]
    assert (row["us_count"], row["mx_count"]) == tuple(
        claim["administrations_spanned"][c] for c in ("US", "MX"))
    view = bg.as_of(row["last_session"])
    assert set(view.administrations["administration_label"]) >= {
        "Biden administration", "López Obrador administration"}
