"""The command group and what every subcommand shares: its options, errors and store opening.

The subcommands are in :mod:`.graph`, :mod:`.network`, :mod:`.quality` and :mod:`.query`;
importing :mod:`bordergraph.cli` registers them on :func:`main`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import BordergraphError

F = TypeVar("F", bound=Callable[..., Any])


class Group(click.Group):
    """Turns errors into a one-line message and exit status 2, never a traceback; Ctrl-C into
    a note of what was stored and exit status 130."""

    def invoke(self, ctx: click.Context) -> Any:
        # rdflib logs "does not look like a valid URI" before our one-line error says the same
        logging.getLogger("rdflib.term").setLevel(logging.ERROR)
        try:
            return super().invoke(ctx)
        except BordergraphError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            _interrupted(ctx)
        except BrokenPipeError:  # `bordergraph ... | head`: the reader has what it wanted
            with suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: one line for the user, the traceback on request
            if os.environ.get("BORDERGRAPH_DEBUG"):
                raise
            click.echo(f"error: {type(exc).__name__}: {exc} (internal error; set "
                       "BORDERGRAPH_DEBUG=1 for the traceback)", err=True)
            sys.exit(2)


def _interrupted(ctx: click.Context | None = None) -> None:
    """Ctrl-C: say what was stored (every release is one transaction) and exit 130."""
    ctx = ctx or click.get_current_context(silent=True)
    stored = ctx.meta.get("bordergraph.stored") if ctx else None
    if stored is not None:
        click.echo(f"interrupted: {len(stored)} releases stored before the interrupt; each "
                   "release is stored whole or not at all, so loading again resumes", err=True)
    else:
        click.echo("interrupted: nothing was changed", err=True)
    sys.exit(130)


def _remember(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is not None and value is not False:
            ctx.meta[f"bordergraph.{name}"] = value
        return value

    return callback


def chosen_store(store: str | None) -> str | None:
    """The subcommand's ``--store``, else the one given before it (``bordergraph --store URL
    query ...``), else ``$BORDERGRAPH_STORE`` (the default when None)."""
    ctx = click.get_current_context(silent=True)
    given = ctx.meta.get("bordergraph.group_store") if ctx else None
    if given and ctx is not None and ctx.get_parameter_source("store") in (
            click.core.ParameterSource.DEFAULT, click.core.ParameterSource.ENVIRONMENT, None):
        return str(given)
    return store


def lang_option(func: F) -> F:
    """``--lang en|es``: the language of every label (default: the locale's, else English)."""
    return click.option(
        "--lang", type=click.Choice(["en", "es"], case_sensitive=False), default=None,
        expose_value=False, callback=_remember("lang"),
        # No envvar here: $BORDERGRAPH_LANG is the default (chosen_lang), so a --lang given
        # before the subcommand is not overridden by the environment.
        help="Language of labels, with a fallback to the other (default: $BORDERGRAPH_LANG, "
        "else the locale's, else en).",
    )(func)


def store_option(func: F) -> F:
    """``--store`` on every subcommand: a directory, ``:memory:`` or a SPARQL endpoint URL."""
    func = lang_option(func)
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
    """``--format`` (table, csv, json, tsv, xlsx), ``-o FILE``, ``--wide`` and ``--vertical``."""
    for flag, name, text in (
        ("--vertical", "vertical", "One block per row, one line per column (many columns)."),
        ("--wide", "wide", "Every column at full width, whatever the terminal's width."),
    ):
        func = click.option(flag, is_flag=True, expose_value=False, callback=_remember(name),
                            help=text)(func)
    func = click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
        expose_value=False, callback=_remember("output"),
        help="Write the table to this file (xlsx needs it unless stdout is redirected).",
    )(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json", "tsv", "xlsx"]),
        default="table",
        show_default=True,
        help="Output format (xlsx: an Excel workbook).",
    )(func)


def chosen_lang() -> str:
    """The ``--lang`` of the running command, else ``$BORDERGRAPH_LANG`` or the locale's."""
    from ..views.language import default_language

    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get("bordergraph.lang") if ctx else None
    return str(lang).lower() if lang else default_language()


def open_graph(store: str | None, update_url: str | None = None, *, read_only: bool = False):
    from ..api import BorderGraph

    return BorderGraph.open(chosen_store(store), read_only=read_only, update_url=update_url,
                            lang=chosen_lang())


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
@click.option("--store", "group_store", default=None, metavar="PATH|URL", expose_value=False,
              callback=_remember("group_store"),
              help="Store for the subcommand (as its own --store): a directory or an endpoint.")
@lang_option
def main() -> None:
    """bordergraph: a knowledge graph of U.S.–Mexico border governance.

    \b
    Examples:
      bordergraph build                       # ontology + reference data + data/releases
      bordergraph load new-release.txt        # add releases
      bordergraph stats
      bordergraph query delegation_heads --format csv
    """

