"""As of a date (queries/as_of.rq, views/asof.py, `bordergraph asof`) on the graph built from data/.

Expectations come from the reference data's own files (administrations.yaml) and the gold files,
never from the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bordergraph.cli import main
from bordergraph.views import queries as Q
from bordergraph.views.dates import span

ROOT = Path(__file__).resolve().parents[1]
ADMINISTRATIONS = ROOT / "data" / "reference" / "administrations.yaml"


@pytest.fixture(scope="module")
def terms() -> list[dict]:
    return yaml.safe_load(ADMINISTRATIONS.read_text(encoding="utf-8"))["rows"]


def holding(terms: list[dict], country: str, day: dt.date) -> set[str]:
    """Ids of the administrations of ``country`` in office on ``day`` by the YAML, a handover
    day going to the incoming one (as the file's header says)."""
    mine = [t for t in terms if t["country"] == country]
    found = {t["id"] for t in mine
             if t["start"] <= day and (t.get("end") is None or day < t["end"])}
    return found or {t["id"] for t in mine if t.get("end") == day}


@pytest.fixture(scope="module")
def seed_day(gold) -> dt.date:
    """The day of the 13th ESC plenary, by the seed release's gold file."""
    (event,) = [e for e in gold["esc-13-plenary-2021"]["events"] if e["ordinal"] == 13]
    return dt.date.fromisoformat(event["date"])


def test_on_the_day_of_the_13th_plenary(built, seed_day, terms):
    view = built.as_of(seed_day)
    assert seed_day == dt.date(2021, 12, 2)
    admins = {r.country_code: r for r in view.administrations.itertuples()}
    assert admins["US"].administration.endswith("/" + holding(terms, "US", seed_day).pop())
    assert admins["MX"].administration.endswith("/" + holding(terms, "MX", seed_day).pop())
    assert admins["US"].administration_label == "Biden administration"
    assert admins["MX"].administration_label == "López Obrador administration"
    # The ESC (found by its acronym) and its process are active, their last session that day,
    # the 13th plenary.
    (esc,) = Q.find_entities(built.store, "ESC", "series")
    for series in (str(esc), *map(str, Q.find_entities(
            built.store, "21st Century Border Management Process", "series"))):
        row = view.mechanisms.set_index("mechanism").loc[series]
        assert row["status"] == "active", series
        assert row["last_session"] == seed_day and row["days_since_last"] == 0
        assert "13th Plenary" in row["last_session_label"]
    # The event of that day is in the window, and so are the officials the seed release saw.
    assert seed_day in set(view.events["date"])
    seen = view.officials[view.officials["person_name"].str.contains("Nichols")]
    assert not seen.empty and (seen["seen_after_in"] == "esc-13-plenary-2021").all()


@pytest.mark.parametrize("day", ["2009-01-20", "2013-05-02", "2017-01-19", "2018-12-01",
                                 "2021-01-20", "2024-09-30", "2024-10-01", "2025-06-10"])
def test_one_administration_per_country_as_the_reference_says(built, terms, day):
    when = dt.date.fromisoformat(day)
    admins = built.as_of(when).administrations
    for country in ("US", "MX"):
        rows = admins[admins["country_code"] == country]
        assert len(rows) == 1, (day, country, rows)
        assert rows.iloc[0]["administration"].rsplit("/", 1)[-1] in holding(terms, country, when)


def test_window_bounds_officials_and_events(built, seed_day):
    view = built.as_of(seed_day, window=30)
    assert (view.since, view.until) == (seed_day - dt.timedelta(30), seed_day + dt.timedelta(30))
    for value in view.events["date"]:
        first, last = span(value)
        assert view.since <= last and first <= view.until
    for column in ("seen_before", "seen_after"):
        for value in view.officials[column].dropna():
            assert view.since <= span(value)[0] <= view.until
    assert set(view.officials["seen_before"].dropna().map(lambda v: span(v)[0] <= seed_day))\
        <= {True}
    wider = built.as_of(seed_day, window=400)
    assert len(wider.events) > len(view.events)


def test_hled_lapsed_before_its_relaunch(built, gold):
    """Between the 2016 session and the 2021 relaunch (hled-relaunch-2021's gold), the HLED had
    lapsed; on the relaunch day it is active again."""
    dates = sorted(e["date"] for e in gold["hled-relaunch-2021"]["events"] if e["date"])
    before, relaunch = dates[0], dates[-1]
    (hled,) = map(str, Q.find_entities(built.store, "HLED", "series"))
    middle = span(before)[1] + (span(relaunch)[0] - span(before)[1]) / 2
    row = built.as_of(middle).mechanisms.set_index("mechanism").loc[hled]
    assert row["status"] == "lapsed" and str(row["last_session"]) == before
    assert str(row["next_session"]) == relaunch
    row = built.as_of(relaunch).mechanisms.set_index("mechanism").loc[hled]
    assert row["status"] == "active" and row["last_session"] == dt.date.fromisoformat(relaunch)


def test_mechanisms_are_established_by_the_date(built):
    day = dt.date(2012, 1, 1)
    view = built.as_of(day)
    for value in view.mechanisms["established"]:  # when a release says when it was created
        assert value is None or span(value)[0] <= day
    assert "U.S.-Mexico High-Level Security Dialogue" not in set(view.mechanisms["mechanism_label"])


def test_bad_dates_are_parameter_errors(built):
    with pytest.raises(Q.ParameterError, match="not a day"):
        built.as_of("2021-13-02")
    with pytest.raises(Q.ParameterError):
        built.as_of("2021-12-02", window=-1)


def test_the_query_alone_defaults_to_the_latest_event(built):
    rows = Q.run(built.store, "as_of").records()
    latest = max(str(r["start"]) for r in rows if r["section"] == "event")
    admins = {r["country_code"]: r for r in rows if r["section"] == "administration"}
    for row in admins.values():
        assert str(row["start"]) <= latest


def test_cli_asof(built):
    store = built.store.location
    runner = CliRunner()
    result = runner.invoke(main, ["asof", "2021-12-02", "--store", store, "--only",
                                  "administrations", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Biden administration" in result.output
    assert "López Obrador administration" in result.output
    result = runner.invoke(main, ["asof", "2021-12-02", "--store", store, "--format", "json"])
    assert result.exit_code == 0
    tables = json.loads(result.output)
    assert set(tables) == {"administrations", "mechanisms", "officials", "events"}
    assert runner.invoke(main, ["asof", "2021-12-32", "--store", store]).exit_code == 2
    result = runner.invoke(main, ["asof", "2021-12-02", "--store", store, "--format", "csv"])
    assert result.output.count("\n# ") == 3 and result.output.startswith("# administrations")
