"""The explorer's page: the HTML template filled with the view's data, the ports map, the
timeline image and vis-network's own files from the installed pyvis package (inlined, never
fetched). Every value is escaped for the block it lands in.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

TEMPLATE = Path(__file__).with_name("templates") / "explorer.html"


@functools.cache
def _pkg_asset(name: str) -> str:
    """A vis-network file shipped inside the installed pyvis package (never fetched).

    Found without importing pyvis: its ``__init__`` imports IPython and jinja2 (1.2 s).
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the pyvis package (which ships vis-network) is not installed")
    base = Path(next(iter(spec.submodule_search_locations))) / "lib"
    candidates = sorted(base.glob(f"vis-*/{name}"), key=lambda p: p.parent.name)
    if not candidates:
        raise FileNotFoundError(f"pyvis does not ship {name} under {base}")
    return candidates[-1].read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> block: <, > and & become \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(data: dict[str, Any], title: str = "bordergraph explorer",
           ports: dict[str, Any] | None = None, timeline: str = "") -> str:
    """The explorer page for ``data`` (from :func:`explorer_data`), as one HTML string, with
    the ports map tab (``ports`` from :func:`.map.map_data`) and the timeline tab (SVG text,
    shown as a ``data:`` image, where no script in it could run)."""
    import base64

    values = {
        "TITLE": html.escape(title),
        "VIS_CSS": _pkg_asset("vis-network.css"),
        "VIS_JS": _pkg_asset("vis-network.min.js"),
        "DATA": _json_for_script(data),
        "MAP": _json_for_script(ports or {"ports": [], "lines": []}),
        "TIMELINE": base64.b64encode(timeline.encode("utf-8")).decode("ascii"),
    }
    for name in ("VIS_CSS", "VIS_JS"):
        if re.search(r"</(script|style)|<!--", values[name], re.IGNORECASE):
            raise ValueError(f"bundled {name} would end its block early")
    template = TEMPLATE.read_text(encoding="utf-8")
    # One pass over the template: a value containing "{{DATA}}" is never substituted again.
    return re.sub(r"\{\{(TITLE|VIS_CSS|VIS_JS|DATA|MAP|TIMELINE)\}\}",
                  lambda m: values[m.group(1)], template)
