"""Bad input never crashes a batch or leaves anything half-written in the store."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bordergraph.api import BorderGraph
from bordergraph.cli import main
from bordergraph.errors import ReleaseError
from bordergraph.graph import iris
from bordergraph.ingest.read import read_release

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "releases" / "esc-13-plenary-2021.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b"   \n\t\n  ",
    "pdf.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    "zip.txt": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
    "invalid-utf8.txt": b"\xff\xfe\xfa\xfb\x80\x81 garbage \x00\x9d" * 20,
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_unreadable_files_raise_release_error_naming_the_file(tmp_path, name):
    path = _write(tmp_path / name, BAD_FILES[name])
    with pytest.raises(ReleaseError) as info:
        read_release(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_a_20_mb_text_is_refused_by_size_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20_000_000)  # sparse: the size is what counts
    with pytest.raises(ReleaseError, match=r"20\.0 MB"):
        read_release(path)


def test_windows_1252_text_is_decoded_with_a_warning(tmp_path):
    text = SEED_TEXT.replace("’", "'").replace("–", "-") + "\nSecretaría de Relaciones Exteriores\n"
    path = _write(tmp_path / "cp1252.txt", text.encode("cp1252"))
    release = read_release(path)
    assert "Secretaría" in release.body
    assert release.warnings, "a non-UTF-8 file should carry a decoding warning"


def test_batch_goes_on_and_exit_status_lists_failures(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name, data in BAD_FILES.items():
        _write(batch / name, data)
    shutil.copy(SEED, batch / "good.txt")
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["load", "--store", str(store), str(batch)])
    assert result.exit_code == 1
    for name in BAD_FILES:
        assert name in result.output
    bg = BorderGraph.open(store)
    graphs = [str(g) for g in bg.store.graph_names() if iris.is_release_graph(g)]
    bg.close()
    assert graphs == [str(iris.release("good"))]


def test_degenerate_but_readable_files_load(tmp_path):
    cases = {
        "nested.html": "<html><body>" + "<div>" * 10_000 + "Secretary Blinken met officials."
        + "</div>" * 10_000 + "</body></html>",
        "unclosed.html": "<html><body><p>Officials met <b>virtually on May 3, 2021.<div><p>",
        "nobody.html": "<html><head><title>Nothing here</title></head></html>",
        "one-line.txt": "Officials met. " * 70_000,
        "no-facts.txt": "The weather was pleasant and the sky was blue all afternoon.",
        "impossible-date.txt": "On February 30, 2021, Secretary of State Antony J. Blinken hosted"
        " the High-Level Security Dialogue.",
        "odd-names.txt": "Secretary of State Ant\u200bony Bl\u0007inken 🙂 hosted the High-Level"
        " Security Dialogue on October 13, 2022.",
    }
    for name, text in cases.items():
        _write(tmp_path / name, text)
    with BorderGraph.open(tmp_path / "store") as bg:
        report = bg.load([tmp_path / n for n in cases])
    failed = {Path(r.path).name: r.message for r in report.failed}
    # every file is either loaded or refused with a one-line reason; none crashes the batch
    assert len(report.results) == len(cases)
    for message in failed.values():
        assert message and "\n" not in message
    assert "no-facts.txt" not in failed
    assert "one-line.txt" not in failed


def test_same_release_under_two_names_is_one_release(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    with BorderGraph.open(tmp_path / "store") as bg:
        report = bg.load([tmp_path / "a.txt", tmp_path / "b.txt"])
        releases = [g for g in bg.store.graph_names() if iris.is_release_graph(g)]
    assert [r.status for r in report.results] == ["loaded", "duplicate"]
    assert len(releases) == 1


def test_loading_again_changes_nothing_and_an_edit_replaces(tmp_path):
    path = shutil.copy(SEED, tmp_path / "seed.txt")
    with BorderGraph.open(tmp_path / "store") as bg:
        bg.load([path])
        before = bg.store.count()
        bg.load([path])
        assert bg.store.count() == before
        Path(path).write_text(SEED_TEXT.replace("Serena Hoy", "Serena Q. Example"), "utf-8")
        bg.load([path])
        graph = bg.store.graph(iris.release("seed"))
    names = {str(o) for o in graph.objects()}
    assert "Serena Q. Example" in names and "Serena Hoy" not in names


def _graph_sizes(store: Path) -> dict[str, int]:
    bg = BorderGraph.open(store, read_only=True)
    try:
        return {str(g): bg.store.count(g) for g in bg.store.graph_names()
                if iris.is_release_graph(g)}
    finally:
        bg.close()


def test_kill_mid_batch_leaves_whole_releases_and_rerun_completes(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for i in range(100):
        _write(batch / f"r{i:03}.txt", SEED_TEXT + f"\nDocument number {i}.\n")
    store = tmp_path / "store"
    command = [sys.executable, "-m", "bordergraph.cli", "load", "--store", str(store), str(batch)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    loaded = 0
    while loaded < 10 and time.monotonic() < deadline:  # let a few releases land, then kill
        if proc.stdout.readline():
            loaded += 1
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _graph_sizes(store)
    assert 0 < len(partial) < 100
    full_size = next(iter(partial.values()))
    assert all(size == full_size for size in partial.values()), "a release graph is half written"
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    complete = _graph_sizes(store)
    assert len(complete) == 100
    assert all(size == full_size for size in complete.values())


def test_reader_during_a_write_sees_whole_releases(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for i in range(30):
        _write(batch / f"r{i:03}.txt", SEED_TEXT + f"\nDocument number {i}.\n")
    store = tmp_path / "store"
    with BorderGraph.open(store) as bg:  # the ontology and reference graphs first
        bg.load([batch / "r000.txt"])
    command = [sys.executable, "-m", "bordergraph.cli", "load", "--store", str(store), str(batch)]
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    snapshots = []
    try:
        while writer.poll() is None and len(snapshots) < 20:
            snapshots.append(_graph_sizes(store))
            time.sleep(0.2)
    finally:
        writer.wait(timeout=300)
    assert snapshots
    sizes = {size for snapshot in snapshots for size in snapshot.values()}
    assert len(sizes) == 1, "a reader saw a half-written release graph"
    assert len(_graph_sizes(store)) == 30


def test_the_loader_never_follows_a_release_to_other_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><link rel="stylesheet" href="{secret}"><base href="file://{tmp_path}/">'
        f'</head><body><iframe src="file://{secret}"></iframe><img src="secret.txt">'
        f'<object data="{secret}"></object><p>Secretary of State Antony J. Blinken hosted the '
        f"High-Level Security Dialogue on October 13, 2022.</p></body></html>",
        encoding="utf-8",
    )
    release = read_release(page)
    assert "TOP-SECRET" not in release.body
    with BorderGraph.open(tmp_path / "store") as bg:
        bg.load([page])
        assert "TOP-SECRET" not in bg.export("nq")


def test_outputs_are_written_where_asked_and_nowhere_else(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(main, ["load", "--store", str(store), str(SEED)]).exit_code == 0
    before = set(tmp_path.rglob("*")) - set(store.rglob("*"))
    result = runner.invoke(main, ["export", "--store", str(store), "--format", "nq", "-o",
                                  str(out / "graph.nq")])
    assert result.exit_code == 0, result.output
    after = set(tmp_path.rglob("*")) - set(store.rglob("*"))
    assert after - before == {out / "graph.nq"}


def test_impossible_dates_are_left_out_and_invisible_characters_removed(tmp_path):
    from bordergraph.api import extract

    impossible = _write(tmp_path / "impossible.txt", "On February 30, 2021, Secretary of State "
                        "Antony J. Blinken hosted the High-Level Security Dialogue.")
    record = extract(impossible)
    assert record.events and all(e.date is None for e in record.events)
    odd = _write(tmp_path / "odd.txt", "Secretary of State Ant\u200bony Bl\u0007inken \U0001f642 "
                 "hosted the High-Level Security Dialogue on October 13, 2022.")
    record = extract(odd)
    assert [p.name for p in record.people] == ["Antony Blinken"]
    assert record.events[0].date == "2022-10-13"
