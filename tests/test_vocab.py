"""bordergraph.graph.vocab: the generated namespace stays in step with the ontology, and the code
tables cover every code the gold files use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from bordergraph.graph import _bg, vocab
from bordergraph.graph.vocab import BG, BG_NS, codes, label, ontology_path, render_namespace

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"


def test_generated_namespace_matches_the_ontology() -> None:
    # Fails when the TTL changes without `python -m bordergraph.graph.vocab`.
    assert Path(_bg.__file__).read_text(encoding="utf-8") == render_namespace(ontology_path())


def test_namespace_lists_exactly_the_declared_terms() -> None:
    g = vocab.ontology_graph()
    declared = {
        s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(BG_NS)
    }
    assert set(dir(BG)) == declared
    assert len(declared) >= 100


def test_mistyped_term_raises() -> None:
    assert BG.DelegationHead == URIRef(BG_NS + "DelegationHead")
    with pytest.raises(AttributeError):
        _ = BG.DelegationHaed
    with pytest.raises(AttributeError):
        _ = BG["person"]  # case matters: bg:Person is the class


def test_render_namespace_follows_the_ttl(tmp_path: Path) -> None:
    ttl = tmp_path / "bordergraph.ttl"
    extra = f"\n<{BG_NS}Checkpoint> a <{OWL.Class}> .\n"
    ttl.write_text(ontology_path().read_text(encoding="utf-8") + extra, encoding="utf-8")
    source = render_namespace(ttl)
    assert "    Checkpoint: URIRef" in source
    assert source != render_namespace(ontology_path())
    namespace: dict[str, object] = {}
    exec(compile(source, "_bg.py", "exec"), namespace)  # the output is valid Python
    assert str(namespace["BG"].Checkpoint) == BG_NS + "Checkpoint"  # type: ignore[attr-defined]


def test_render_namespace_rejects_a_term_python_cannot_name(tmp_path: Path) -> None:
    ttl = tmp_path / "bordergraph.ttl"
    ttl.write_text(f"<{BG_NS}class> a <{OWL.Class}> .\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bg:class"):
        render_namespace(ttl)


def test_codes_examples() -> None:
    assert codes("Role")["delegation_head"] == BG.DelegationHead
    assert codes("Role") == codes("Roles") == codes("bg:Role") == codes(BG_NS + "Role")
    assert codes("Event") == {
        "BilateralMeeting": BG.BilateralMeeting,
        "Dialogue": BG.DialogueSession,
        "Meeting": BG.Meeting,
        "Opening": BG.Opening,
        "Signing": BG.Signing,
        "Summit": BG.Summit,
        "Visit": BG.Visit,
    }
    outcomes = codes("Outcome")
    assert outcomes["Committee"] == BG.Committee
    assert outcomes["WorkingGroup"] == BG.WorkingGroup  # a subclass of a subclass
    assert len(outcomes) == 9
    assert codes("hasOutcome") == {
        "adopted": BG.adopted,
        "approved": BG.approved,
        "completed": BG.completed,
        "launched": BG.launched,
        "reviewed": BG.reviewed,
        "signed": BG.signed,
    }
    assert codes("Mode") == {"hybrid": BG.Hybrid, "in_person": BG.InPerson, "virtual": BG.Virtual}


def test_codes_cover_every_code_in_the_gold_files() -> None:
    golds = sorted(RELEASES.glob("*.gold.json"))
    assert golds
    tables = {name: codes(name) for name in ("Event", "Mode", "Role", "Outcome", "hasOutcome")}
    missing = set()
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        used = [("Event", e["type"]) for e in gold["events"]]
        used += [("Mode", e["mode"]) for e in gold["events"]]
        used += [("Role", r["role"]) for p in gold["people"] for r in p.get("roles", [])]
        used += [("Outcome", o["type"]) for o in gold["outcomes"]]
        used += [("hasOutcome", o["relation"]) for o in gold["outcomes"]]
        missing |= {(t, c) for t, c in used if c is not None and c not in tables[t]}
    assert missing == set()


def test_codes_returns_a_fresh_dict() -> None:
    table = codes("Mode")
    table.clear()
    assert len(codes("Mode")) == 3


def test_codes_of_unknown_or_non_class_terms_raise() -> None:
    with pytest.raises(KeyError):
        codes("Nope")
    with pytest.raises(KeyError):
        codes("DelegationHead")  # an individual has no code table
    assert codes("Country") == {}  # countries are reference data, not ontology


def _home_with(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "ontology").mkdir()
    text = ontology_path().read_text(encoding="utf-8") + extra
    (tmp_path / "ontology" / "bordergraph.ttl").write_text(text, encoding="utf-8")
    return tmp_path


def test_bordergraph_home_overrides_the_ontology(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _home_with(tmp_path, f'\n<{BG_NS}Summit> <{vocab.SKOS.notation}> "Cumbre" .\n')
    monkeypatch.setenv("BORDERGRAPH_HOME", str(home))
    assert ontology_path() == home / "ontology" / "bordergraph.ttl"
    assert codes("Event")["Cumbre"] == BG.Summit


def test_duplicate_code_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = _home_with(tmp_path, f'\n<{BG_NS}Summit> <{vocab.SKOS.notation}> "Meeting" .\n')
    monkeypatch.setenv("BORDERGRAPH_HOME", str(home))
    with pytest.raises(ValueError, match="Meeting"):
        codes("Event")


def test_missing_ontology_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERGRAPH_HOME", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="BORDERGRAPH_HOME"):
        ontology_path()


def test_exported_namespaces_match_the_ontology_prefixes() -> None:
    g = Graph().parse(ontology_path())
    prefixes = dict(g.namespaces())
    for name in ("org", "prov", "time", "schema", "geo", "skos", "foaf", "dcterms"):
        assert str(getattr(vocab, name.upper())) == str(prefixes[name]), name


def test_label_in_both_languages() -> None:
    assert label(BG.PortOfEntry) == "Port of entry"
    assert label(BG.PortOfEntry, "es") == "Puerto de entrada"
    assert label(BG.Virtual, "fr") == "Virtual"  # falls back to the local name
