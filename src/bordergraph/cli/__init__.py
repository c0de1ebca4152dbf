"""The ``bordergraph`` command: git-style subcommands, thin layers over :mod:`bordergraph.api`.

Exit status: 0 success, 1 the work ran but found problems (failed files, violations),
2 usage errors and problems that stopped the work (missing store, bad query, a bad parameter
value), 130 interrupted (Ctrl-C).
"""

# Each area's commands register themselves on the group when their module is imported.
from . import graph, history, network, quality, query, show  # noqa: F401
from .app import Group, format_option, main, open_graph, store_option, wrap_errors

__all__ = ["Group", "format_option", "main", "open_graph", "store_option", "wrap_errors"]
