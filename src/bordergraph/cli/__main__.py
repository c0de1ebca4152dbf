"""``python -m bordergraph.cli`` runs the command line."""

from .app import main

main()
