"""bordergraph: a knowledge graph of U.S.-Mexico border governance built from press releases.

>>> import bordergraph
>>> bordergraph.extract("data/releases/esc-13-plenary-2021.txt").events[0].ordinal
13
"""

from typing import Any

__version__ = "0.1.0"
__all__ = ["BorderGraph", "evaluate", "extract", "load"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import bordergraph` stays light (the facade pulls in the whole flow).
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'bordergraph' has no attribute {name!r}")
