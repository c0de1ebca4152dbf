"""SPARQL from the CLI, errors and counts, the entity page (issue 16, points 2, 4 and 5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bordergraph.api import BorderGraph
from bordergraph.cli import main
from bordergraph.views.catalog import ParameterError
from bordergraph.views.sparql import prefixes

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"


@pytest.fixture(scope="module")
def run(built):
    runner = CliRunner()

    def invoke(*args: str, store: str | None = None):
        return runner.invoke(main, [*args, "--store", store or built.store.location],
                             env={"COLUMNS": "100", "BORDERGRAPH_LANG": "en"})

    return invoke


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


# -- SPARQL ------------------------------------------------------------------------------------

def test_prefixes_are_predeclared_and_listed(run, built):
    listed = run("sparql", "--prefixes", "--format", "csv")
    assert listed.exit_code == 0
    names = {line.split(",")[0] for line in listed.stdout.splitlines()[1:]}
    assert {"bg", "rdfs", "skos", "foaf", "prov", "person", "event"} <= names
    assert names == set(prefixes())
    people = run("sparql", "SELECT ?p WHERE { ?p a bg:Person }", "--format", "csv", "--iris")
    assert people.exit_code == 0, people.stderr
    expected = built.sparql(
        "SELECT ?p WHERE { ?p a <https://w3id.org/bordergraph/ontology#Person> }")
    assert len(people.stdout.splitlines()) - 1 == len(expected) > 0
    describe = run("sparql", "DESCRIBE person:serena-hoy")
    assert describe.exit_code == 0 and "Serena Hoy" in describe.stdout


def test_unknown_prefix_is_named(run):
    result = run("sparql", "SELECT ?s WHERE { ?s a bgx:Person }")
    assert result.exit_code == 2
    assert "unknown prefix 'bgx:'" in one_line_error(result)
    own = run("sparql", "PREFIX bgx: <https://w3id.org/bordergraph/ontology#> "
                        "ASK { ?s a bgx:Person }")
    assert own.exit_code == 0 and own.stdout.strip() == "true"


def test_updates_are_refused_unless_asked(run, built, tmp_path):
    text = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> rdfs:label 'added' } }"
    refused = run("sparql", text)
    assert refused.exit_code == 2
    message = one_line_error(refused)
    assert "bordergraph load" in message and "curation" in message and "--update" in message
    assert not built.sparql("ASK { <urn:x:a> ?p ?o }")
    copy = tmp_path / "store"
    bg = BorderGraph.open(copy)
    bg.load([RELEASES / "esc-13-plenary-2021.txt"])
    bg.close()
    done = run("sparql", "--update", text, store=str(copy))
    assert done.exit_code == 0, done.stderr
    after = run("sparql", "SELECT ?l WHERE { <urn:x:a> rdfs:label ?l }", "--format", "csv",
                store=str(copy))
    assert after.stdout.splitlines()[1:] == ["added"]


# -- errors and counts -------------------------------------------------------------------------

@pytest.mark.parametrize("param", ["since=2021-13-01", "until=2021-02-30", "since=yesterday"])
def test_bad_dates_are_usage_errors(run, param):
    result = run("query", "meetings", "-p", param)
    assert result.exit_code == 2 and result.stdout == ""
    assert "not a date" in one_line_error(result)


def test_unknown_names_get_did_you_mean(run, built):
    result = run("query", "counterparts", "-p", "person=Nikols")
    assert result.exit_code == 2
    line = one_line_error(result)
    nichols = built.query("official_posts", person="Nichols")["person_name"].iloc[0]
    assert "did you mean" in line and nichols in line
    with pytest.raises(ParameterError, match="did you mean"):
        built.show("Serna Hoi")


def test_other_bad_values_are_usage_errors(run):
    for args in (["query", "officials_across_administrations", "-p", "min_administrations=two"],
                 ["query", "event_roles", "-p", "role=boss"],
                 ["query", "meetings", "-p", "event_type=Sumit"],
                 ["query", "outcomes", "-p", "relation=adoptd"],
                 ["query", "meetings", "--lang", "fr"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_load_counts_every_kind_of_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = RELEASES / "esc-13-plenary-2021.txt"
    shutil.copy(seed, folder / "a.txt")
    shutil.copy(seed, folder / "b.txt")  # the same text again: a duplicate
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "broken.html").write_bytes(b"\x00" * 10)
    store = str(tmp_path / "store")
    first = CliRunner().invoke(main, ["load", str(folder), "--store", store])
    summary = first.stderr.strip().splitlines()[-1]
    assert "1 loaded" in summary and "1 duplicate" in summary
    assert "2 skipped" in summary and "photo.png" in summary and "scan.pdf" in summary
    failed = int(summary.split(", ")[-1].split()[0])
    assert first.exit_code == (1 if failed else 0)
    again = CliRunner().invoke(main, ["load", str(folder / "a.txt"), "--store", store])
    assert again.exit_code == 0
    assert again.stderr.strip().splitlines()[-1].startswith("0 loaded, 1 unchanged")


def test_ctrl_c_says_what_was_stored_and_exits_130(tmp_path, monkeypatch):
    original = BorderGraph.load

    def interrupted(self, paths, **kwargs):
        on_file = kwargs.pop("on_file")

        def step(result):
            on_file(result)
            raise KeyboardInterrupt

        return original(self, paths, on_file=step, **kwargs)

    monkeypatch.setattr(BorderGraph, "load", interrupted)
    result = CliRunner().invoke(main, ["load", str(RELEASES), "--store", str(tmp_path / "s")])
    assert result.exit_code == 130
    assert "1 releases stored" in result.stderr and "Traceback" not in result.output
    stored = BorderGraph.open(tmp_path / "s", read_only=True)
    try:
        assert stored.stats()["graphs"]["release graphs"] == 1
    finally:
        stored.close()


# -- the entity page ---------------------------------------------------------------------------

def test_show_a_person(run, built):
    result = run("show", "Serena Hoy", "--format", "json")
    assert result.exit_code == 0, result.stderr
    page = json.loads(result.stdout)
    assert page["iri"].endswith("/person/serena-hoy") and "Person" in page["types"]
    sections = page["sections"]
    posts = built.official("Serena Hoy")
    assert [s["post_label"] for s in sections["posts held"]] == list(posts["post_label"])
    assert all(s["administrations"] for s in sections["posts held"])
    roles = built.query("event_roles", person="Serena Hoy")
    assert {r["role"] for r in sections["events and roles"]} == set(roles["role"])
    assert sections["counterparts"] and sections["outcomes of their events"]
    quotes = set(built.provenance("Serena Hoy")["quote"].dropna())
    assert {s["quote"] for s in sections["sources"]} == quotes
    assert all(s["release_id"] for s in sections["sources"])
    text = run("show", "Hoy")
    assert text.exit_code == 0 and "posts held" in text.stdout and "sources" in text.stdout


def test_show_a_series_in_spanish_with_names_in_both_languages(run, built):
    result = run("show", "HLED", "--format", "json", "--lang", "es")
    assert result.exit_code == 0, result.stderr
    page = json.loads(result.stdout)
    assert page["names"].get("en") and page["names"].get("es")
    assert page["label"] in page["names"]["es"] + page["names"].get("", [])
    assert page["sections"]["meetings"] and page["sections"]["sources"]


def test_show_unknown_name_suggests(run):
    result = run("show", "Nikols")
    assert result.exit_code == 2 and "did you mean" in one_line_error(result)


def test_the_api_warns_with_did_you_mean(built):
    nichols = built.official("Nichols")["person_name"].iloc[0]
    with pytest.warns(UserWarning, match=f"did you mean '{nichols}'"):
        frame = built.counterparts("Nikols")
    assert frame.empty


def test_show_an_iri_the_graph_never_states(run, built):
    known = built.official("Serena Hoy")["person"].iloc[0]
    result = run("show", known[:-1] + "x")
    assert result.exit_code == 2
    assert "did you mean" in one_line_error(result)
    assert run("show", known).exit_code == 0


def test_a_real_sigint_during_load(tmp_path):
    """Ctrl-C as a user sends it: the process says how many releases it stored and exits 130;
    the store holds exactly those (each release is one transaction)."""
    import os
    import signal
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(6):  # enough work that the interrupt lands mid-load
        for path in sorted(RELEASES.glob("*.txt")):
            text = path.read_text(encoding="utf-8") + f"\n\n(copy {copy})\n"
            (folder / f"{path.stem}-{copy}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "bordergraph", "load", str(folder), "--store",
         str(tmp_path / "s")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    first = process.stdout.readline()  # one line per stored release
    assert first.startswith("loaded")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    stored = 1 + sum(line.startswith("loaded") for line in out.splitlines())
    assert f"interrupted: {stored} releases stored" in err
    bg = BorderGraph.open(tmp_path / "s", read_only=True)
    try:
        assert bg.stats()["graphs"]["release graphs"] == stored
    finally:
        bg.close()


# -- several tables in one answer --------------------------------------------------------------


def test_output_file_keeps_every_table_of_a_view(run, tmp_path):
    """`-o FILE` on a view of several tables writes them all: CSV sections, JSON keys, sheets."""
    import openpyxl

    from bordergraph.cli.history import AS_OF_TABLES

    csv_file, json_file, xlsx_file = (tmp_path / f"asof.{x}" for x in ("csv", "json", "xlsx"))
    for fmt, path in (("csv", csv_file), ("json", json_file), ("xlsx", xlsx_file)):
        result = run("asof", "2021-12-02", "--format", fmt, "-o", str(path))
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
    sections = [line[2:] for line in csv_file.read_text().splitlines() if line.startswith("# ")]
    assert sections == list(AS_OF_TABLES)
    assert list(json.loads(json_file.read_text())) == list(AS_OF_TABLES)
    book = openpyxl.load_workbook(xlsx_file)
    assert book.sheetnames == list(AS_OF_TABLES)
    officials = book["officials"]
    assert officials.max_row > 1 and officials["A1"].font.bold
