"""The README's Python snippet runs as written (issue 16, point 5): one open store is shared
within a process, so `bordergraph.load([...])` after `BorderGraph.open()` does not raise
StoreLockedError."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_readme_python_snippet_runs(tmp_path):
    blocks = [b for b in python_blocks() if "BorderGraph.open()" in b]
    assert blocks, "the README has a Python snippet opening the default store"
    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    # "new-release.txt": a release the snippet loads again (the store already has data/).
    shutil.copy(sorted((ROOT / "data" / "releases").glob("*.txt"))[0],
                tmp_path / "new-release.txt")
    script = tmp_path / "snippet.py"
    script.write_text(blocks[0] + "\nprint('snippet ran', len(df), G.number_of_nodes())\n",
                      encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"),
           "BORDERGRAPH_STORE": str(tmp_path / "store")}
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "snippet ran" in done.stdout
    assert "Traceback" not in done.stderr and "StoreLockedError" not in done.stderr
    assert (tmp_path / "explorer.html").exists()


def test_graphs_open_on_one_store_share_it(tmp_path):
    import bordergraph
    from bordergraph.api import BorderGraph

    seed = ROOT / "data" / "releases" / "esc-13-plenary-2021.txt"
    first = BorderGraph.open(tmp_path / "s")
    try:
        second = BorderGraph.open(tmp_path / "s")
        assert second.store is first.store
        second.close()  # the other graph still works
        report = bordergraph.load([seed], store=str(tmp_path / "s"))
        assert report.loaded == 1
        assert not first.meetings().empty
    finally:
        first.close()
    reopened = BorderGraph.open(tmp_path / "s", read_only=True)  # closed for real: reopens
    try:
        assert reopened.stats()["graphs"]["release graphs"] == 1
    finally:
        reopened.close()
