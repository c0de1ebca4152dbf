"""Property tests: whatever a release file holds, the loader raises only ReleaseError, and what it
stores passes the SHACL shapes."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bordergraph.errors import ReleaseError
from bordergraph.graph import iris
from bordergraph.graph.open import open_store
from bordergraph.ingest.extract import extract
from bordergraph.ingest.pipeline import load_foundation, load_paths
from bordergraph.ingest.read import read_release
from bordergraph.quality.validate import validate

RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"
SENTENCES = sorted(
    {
        s.strip()
        for p in RELEASES.glob("*.txt")
        for s in re.split(r"(?<=[.!?])\s+|\n+", p.read_text(encoding="utf-8"))
        if len(s.strip()) > 20
    }
)
NOISE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=60
)
PIECE = st.one_of(st.sampled_from(SENTENCES), NOISE, st.sampled_from(
    ["\u200b", "\u0007", "🙂", "<b>", "&amp;", "February 30, 2021", "###", "\n\n", "—"]
))
RELEASE_TEXT = st.lists(PIECE, min_size=1, max_size=12).map(" ".join)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=RELEASE_TEXT, suffix=st.sampled_from([".txt", ".html"]))
def test_extraction_raises_only_release_error(tmp_path, text, suffix):
    path = tmp_path / f"generated{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        release = read_release(path)
    except ReleaseError as exc:
        assert str(path) in str(exc)
        return
    record = extract(release)
    for event in record.events:
        assert event.name
    for person in record.people:
        assert person.name


_FOUNDATION = open_store(":memory:")
load_foundation(_FOUNDATION)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=RELEASE_TEXT)
def test_what_is_stored_passes_the_shapes(tmp_path, text):
    path = tmp_path / "generated.txt"
    path.write_text(text, encoding="utf-8")
    report = load_paths(_FOUNDATION, [path])
    graph = iris.release("generated")
    try:
        if report.failed:
            assert graph not in _FOUNDATION.graph_names()
            return
        result = validate(_FOUNDATION, [graph])
        assert [v for v in result.violations if v.release != "reference"] == []
    finally:
        _FOUNDATION.drop_graph(graph)


_TAILS = ["Velasco Álvarez", "Velasco", "Álvarez", "Napolitano", "O'Rourke", "Sherwood-Randall"]


@given(st.lists(st.sampled_from([*_TAILS, "Velascos", "xNapolitano", "O", "Rourke", "said", ",",
                                 ".", "-", "(", "Álvarez-Velasco", " "]), max_size=12),
       st.sampled_from(["", " "]))
def test_surname_scanner_finds_what_one_alternation_finds(words, joiner):
    """The linear surname scanner finds the spans of the regex alternation it replaced (longest
    first at each word start, whole words only, no overlaps)."""
    from bordergraph.ingest.extract.person_context import _TailScanner

    text = joiner.join(words)
    alternation = "|".join(re.escape(t) for t in sorted(_TAILS, key=len, reverse=True))
    regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    scanner = _TailScanner({t: i for i, t in enumerate(_TAILS)})
    assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in regex.finditer(text)]
