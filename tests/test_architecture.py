"""The package's layout holds: no import circles, no import up the stages, no module over 400 lines.

Every ``import`` and ``from ... import`` in ``src/bordergraph`` counts, relative or absolute, at
module level or inside a function. ``from package import name`` is an import of the submodule
``package.name`` when there is one, else of the package. A package's ``__init__`` that Python
runs on the way to a submodule is not counted (only imports written out are).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "bordergraph"
MAX_LINES = 400

# Lowest first: a module may import from its own stage and from stages below it, never above.
STAGES = ["shared", "graph", "ingest", "quality", "views", "api", "cli"]
# Modules at the top of the package, by stage; everything else goes by its folder.
TOP_LEVEL = {
    "bordergraph.records": "shared",
    "bordergraph.errors": "shared",
    "bordergraph.paths": "shared",
    "bordergraph.progress": "shared",
    "bordergraph.api": "api",
    "bordergraph.questions": "api",
    "bordergraph": "api",  # the package's __init__: bordergraph.load/extract/evaluate/BorderGraph
    "bordergraph.__main__": "cli",
}
FOLDERS = {"graph", "ingest", "quality", "views", "cli"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["bordergraph", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def stage(module: str) -> str | None:
    if module in TOP_LEVEL:
        return TOP_LEVEL[module]
    folder = module.split(".")[1]
    return folder if folder in FOLDERS else None


def imports(module: str) -> list[tuple[str, int]]:
    """The package's modules ``module`` imports, with the line of each import."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # `import bordergraph.graph.iris` names the module; a deeper name is an attribute.
            while target and target not in MODULES and "." in target:
                target = target.rpartition(".")[0]
            if target in MODULES and target != module:
                found.append((target, node.lineno))
    return found


GRAPH = {module: imports(module) for module in MODULES}


def test_the_walk_sees_the_package():
    assert {"bordergraph.api", "bordergraph.graph.store", "bordergraph.ingest.extract"} <= set(
        MODULES
    )

    def targets(module: str) -> set[str]:
        return {t for t, _ in GRAPH[module]}

    assert "bordergraph.graph.store" in targets("bordergraph.graph.embedded")  # relative
    assert "bordergraph.graph.iris" in targets("bordergraph.quality.names")  # absolute
    assert "bordergraph.graph.endpoint" in targets("bordergraph.graph.open")  # in a function
    assert "bordergraph.api" in targets("bordergraph")  # `from . import api`
    assert "bordergraph.ingest.extract" in targets("bordergraph.ingest.extract.record")


def test_every_module_has_a_stage():
    unplaced = [m for m in MODULES if stage(m) is None]
    assert not unplaced, f"put these in a stage folder or in TOP_LEVEL: {unplaced}"


def test_no_import_runs_up_the_stages():
    upward = [
        f"{m} ({stage(m)}) line {line} imports {t} ({stage(t)})"
        for m, targets in GRAPH.items()
        for t, line in targets
        if stage(m) and stage(t) and STAGES.index(stage(t)) > STAGES.index(stage(m))
    ]
    assert not upward, "imports from a stage above:\n" + "\n".join(upward)


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), or a self-import."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in {t for t, _ in GRAPH[v]}:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle():
    assert not _cycles(), f"import cycles: {_cycles()}"


def test_a_cycle_would_be_found():
    saved = GRAPH["bordergraph.graph.store"]
    GRAPH["bordergraph.graph.store"] = [*saved, ("bordergraph.graph.endpoint", 0)]
    try:
        assert any({"bordergraph.graph.endpoint", "bordergraph.graph.store"} <= set(cycle)
                   for cycle in _cycles())
    finally:
        GRAPH["bordergraph.graph.store"] = saved


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_400_lines(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MODULES[module]} has {lines} lines: split it along a seam"
