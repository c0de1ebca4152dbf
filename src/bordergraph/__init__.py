"""bordergraph: a knowledge graph of U.S.-Mexico border governance built from press releases."""

from typing import Any

__version__ = "0.1.0"
__all__ = ["BorderGraph"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import bordergraph` stays light (the facade pulls in the whole flow).
    if name == "BorderGraph":
        from .api import BorderGraph

        return BorderGraph
    raise AttributeError(f"module 'bordergraph' has no attribute {name!r}")
