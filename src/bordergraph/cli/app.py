"""The command group and what every subcommand shares: its options, errors and store opening.

The subcommands are in :mod:`.graph`, :mod:`.network`, :mod:`.quality` and :mod:`.query`;
importing :mod:`bordergraph.cli` registers them on :func:`main`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from ..errors import BordergraphError

F = TypeVar("F", bound=Callable[..., Any])


class Group(click.Group):
    """Turns our own errors into a one-line message and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        # rdflib logs "does not look like a valid URI" before our one-line error says the same
        logging.getLogger("rdflib.term").setLevel(logging.ERROR)
        try:
            return super().invoke(ctx)
        except BordergraphError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


def store_option(func: F) -> F:
    """``--store`` on every subcommand: a directory, ``:memory:`` or a SPARQL endpoint URL."""
    func = click.option(
        "--update-url",
        default=None,
        help="SPARQL Update URL when --store is an endpoint the tool cannot derive it for.",
    )(func)
    return click.option(
        "--store",
        "store",
        envvar="BORDERGRAPH_STORE",
        default=None,
        metavar="PATH|URL",
        help="Store directory or SPARQL endpoint (env BORDERGRAPH_STORE; "
        "default .bordergraph/store).",
    )(func)


def format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json", "tsv"]),
        default="table",
        show_default=True,
        help="Output format.",
    )(func)


def open_graph(store: str | None, update_url: str | None = None, *, read_only: bool = False):
    from ..api import BorderGraph

    return BorderGraph.open(store, read_only=read_only, update_url=update_url)


def wrap_errors(func: F) -> F:
    @wraps(func)
    def inner(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BordergraphError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return inner  # type: ignore[return-value]


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bordergraph")
def main() -> None:
    """bordergraph: a knowledge graph of U.S.–Mexico border governance.

    \b
    Examples:
      bordergraph build                       # ontology + reference data + data/releases
      bordergraph load new-release.txt        # add releases
      bordergraph stats
      bordergraph query delegation_heads --format csv
    """

