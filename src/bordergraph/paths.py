"""Where the project's own files live: ontology/, data/, queries/.

They sit in the checkout beside ``src/`` (the package is installed editable, as the README says);
``BORDERGRAPH_HOME`` points at another copy of them.

>>> project_path("ontology", "bordergraph.ttl").name
'bordergraph.ttl'
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """``$BORDERGRAPH_HOME``, else the checkout that holds this package."""
    home = os.environ.get("BORDERGRAPH_HOME")
    return Path(home) if home else Path(__file__).resolve().parents[2]


def project_path(*parts: str) -> Path:
    """A path under the project root, e.g. ``project_path("data", "releases")``."""
    return project_root().joinpath(*parts)
