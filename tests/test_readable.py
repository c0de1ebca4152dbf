"""Answers people can read (issue 16, point 1): labels not IRIs, tables that fit the terminal
without splitting words, --wide and --vertical, --lang en|es in the CLI and API, xlsx."""

from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner

from bordergraph.api import BorderGraph
from bordergraph.cli import main
from bordergraph.views.queries import library

BOX = re.compile(r"[│┃┏┓┗┛┡┩┣┫┳┻╇╈╋━─└┘┌┐├┤┬┴┼]")


@pytest.fixture(scope="module")
def run(built):
    runner = CliRunner()

    def invoke(*args: str, width: int = 80):
        return runner.invoke(main, [*args, "--store", built.store.location],
                             env={"COLUMNS": str(width), "BORDERGRAPH_LANG": "en"})

    return invoke


def csv_rows(result) -> list[dict[str, str]]:
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("name", ["delegation_heads", "series_span", "meetings", "provenance"])
def test_tables_fit_80_columns_without_iris_or_split_words(run, name):
    args = ["-p", "entity=Serena Hoy"] if name == "provenance" else []
    table = run("query", name, *args)
    assert table.exit_code == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    assert "https://" not in table.stdout
    # Every word shown is a whole word of the answer (or cut with an ellipsis), never a piece:
    # a word split across lines ("Managem" / "ent") is in no cell, header or title.
    answer = csv_rows(run("query", name, *args, "--format", "csv"))
    words = {w for row in answer for value in row.values() for w in value.split()}
    words |= set(answer[0]) | set(library()[name].title.split())
    shown = [w for w in BOX.sub(" ", table.stdout).split() if not w.endswith("…")]
    broken = [w for w in shown if w not in words]
    assert not broken, broken[:10]


def test_iris_wide_and_vertical_show_every_column(run):
    columns = list(csv_rows(run("query", "series_span", "--format", "csv"))[0])
    narrow = run("query", "series_span")
    assert "left out to fit" in narrow.stderr
    wide = run("query", "series_span", "--wide", "--iris")
    assert all(c in wide.stdout for c in columns) and "https://w3id.org/bordergraph" in wide.stdout
    vertical = run("query", "series_span", "--vertical", "-p", "series=HLED")
    assert vertical.exit_code == 0
    shown = {line.split()[0] for line in vertical.stdout.splitlines() if line[:1].isalpha()}
    assert {"series_label", "meetings", "us_administrations", "mx_administrations"} <= shown
    assert max(len(line) for line in vertical.stdout.splitlines()) <= 80


def _labels_by_language(bg, event: str) -> dict[str, set[str]]:
    rows = bg.sparql("SELECT ?l (LANG(?l) AS ?lang) WHERE { ?e skos:prefLabel|rdfs:label ?l }"
                     .replace("SELECT", "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                              "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT"),
                     e=event)
    found: dict[str, set[str]] = {}
    for label, lang in zip(rows["l"], rows["lang"], strict=True):
        found.setdefault(lang, set()).add(label)
    return found


def test_lang_picks_labels_in_the_cli_and_the_api(built, run):
    english = {r["event"]: r["event_label"]
               for r in csv_rows(run("query", "meetings", "--format", "csv", "--lang", "en"))}
    spanish = {r["event"]: r["event_label"]
               for r in csv_rows(run("query", "meetings", "--format", "csv", "--lang", "es"))}
    api_es = BorderGraph.open(built.store.location, lang="es")
    try:
        frame = api_es.query("meetings")
    finally:
        api_es.close()
    from_api = dict(zip(frame["event"], frame["event_label"], strict=True))
    both = 0
    for event in english:
        labels = _labels_by_language(built, event)
        if labels.get("en") and labels.get("es"):
            both += 1
            assert english[event] in labels["en"] | labels.get("", set())
            assert spanish[event] in labels["es"] | labels.get("", set())
            assert from_api[event] == spanish[event]
    assert both >= 1  # the corpus has events named in both languages


def test_lang_comes_from_the_locale_and_bad_values_are_usage_errors(built):
    runner = CliRunner()
    args = ["query", "official_posts", "-p", "person=Ebrard", "--format", "csv",
            "--store", built.store.location]
    es = runner.invoke(main, args, env={"LANG": "es_MX.UTF-8", "BORDERGRAPH_LANG": ""})
    en = runner.invoke(main, args, env={"LANG": "en_US.UTF-8", "BORDERGRAPH_LANG": ""})
    assert es.exit_code == en.exit_code == 0
    assert es.stdout != en.stdout  # posts and administrations named in each language
    bad = runner.invoke(main, [*args, "--lang", "fr"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_xlsx_is_a_real_workbook(run, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "meetings.xlsx"
    result = run("query", "meetings", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    expected = csv_rows(run("query", "meetings", "--format", "csv"))
    assert len(rows) == len(expected) + 1
    assert "event_label" in rows[0] and "event" not in rows[0]  # labels, not IRIs
    labels = {r["event_label"] for r in expected}
    assert {r[rows[0].index("event_label")] for r in rows[1:]} == labels
    with_iris = run("query", "meetings", "--format", "xlsx", "--iris", "-o", str(out))
    assert with_iris.exit_code == 0
    assert "event" in next(openpyxl.load_workbook(out).active.iter_rows(values_only=True))


def test_lang_reaches_the_explorer_analyze_and_the_docs(built, tmp_path):
    from bordergraph.views.docs import write_docs
    from bordergraph.views.explorer import explorer_data

    english = {n["id"]: n["label"] for n in explorer_data(built.store)["nodes"]}
    spanish = {n["id"]: n["label"] for n in explorer_data(built.store, lang="es")["nodes"]}
    events = BorderGraph(built.store, lang="es").query("meetings").set_index("event")
    differ = [e for e in english if e in events.index and english[e] != spanish[e]]
    assert differ  # events named in both languages change with the language...
    for e in differ:  # ...to the label the Spanish answers give
        assert spanish[e] == events.loc[e, "event_label"]
    es_graph = BorderGraph(built.store, lang="es").to_networkx("participation")
    assert {n: d["label"] for n, d in es_graph.nodes(data=True)} == spanish
    page = write_docs(tmp_path / "docs", "es").read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert page.index("Jefe de delegación") < page.index("Delegation head")


def test_help_of_the_new_commands_has_examples():
    for command in ("show", "serve", "sparql", "docs"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Examples" in result.stdout
        assert f"bordergraph {command}" in result.stdout


def test_store_and_lang_before_the_subcommand(built):
    runner = CliRunner()
    args = ["query", "official_posts", "-p", "person=Ebrard", "--format", "csv"]
    before = runner.invoke(main, ["--store", built.store.location, "--lang", "es", *args],
                           env={"BORDERGRAPH_STORE": "/nonexistent", "BORDERGRAPH_LANG": "en"})
    after = runner.invoke(main, [*args, "--store", built.store.location, "--lang", "es"])
    assert before.exit_code == 0, before.stderr
    assert before.stdout == after.stdout
