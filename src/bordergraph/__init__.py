"""bordergraph: a knowledge graph of U.S.-Mexico border governance built from press releases."""

__version__ = "0.1.0"
