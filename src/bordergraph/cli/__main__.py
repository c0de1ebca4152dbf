"""``python -m bordergraph.cli`` runs the command line."""

from . import main

main()
