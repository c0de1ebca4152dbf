"""``python -m bordergraph`` runs the command line."""

from .cli import main

main()
