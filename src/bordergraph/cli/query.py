"""Commands over the competency-question library: query, queries, sparql.

Thin wrappers over :mod:`bordergraph.views.queries` (the same code the Python API runs).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import click

from ..views import queries as library
from ..views.language import in_language
from ..views.lookup import check_codes, no_match_message
from ..views.queries import ParameterError
from ..views.sparql import is_update, prefixes, prepare, run_update
from .app import chosen_lang, format_option, main, open_graph, store_option
from .output import emit
from .present import readable


@contextmanager
def _reading(store: str | None, update_url: str | None) -> Iterator[Any]:
    """The graph opened read-only: queries never write, and a missing store is an error."""
    bg = open_graph(store, update_url, read_only=True)
    try:
        yield bg
    finally:
        # pyoxigraph refuses to flush a read-only store; nothing was written anyway.
        with suppress(RuntimeError):
            bg.close()


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--param wants KEY=VALUE, got {pair!r}")
        params[key.strip()] = value
    return params


def _inferred_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--no-inferred",
        is_flag=True,
        help="Leave out the triples the reasoner inferred (asserted facts only).",
    )(func)


def _iris_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--iris", "keep_iris", is_flag=True,
        help="Keep the IRI columns (tables show labels only by default).",
    )(func)


def _emit_result(result: library.Result, fmt: str, title: str = "", *, store: Any = None,
                 keep_iris: bool = True) -> None:
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    if store is not None and fmt in ("table", "xlsx") and not keep_iris:
        columns, rows = readable(result, store, chosen_lang())
    else:
        columns = result.columns
        rows = [[library.to_python(v) for v in row] for row in result.rows]
    emit(columns, rows, fmt, title=title)


def _check_names(store: Any, chosen: library.Query, values: dict[str, str]) -> None:
    """A name that matches nothing is an error with "did you mean", not an empty answer; so is
    a code that is none (``event_type=Sumit``)."""
    check_codes(chosen.name, dict(values))
    for key, value in values.items():
        param = chosen.param(key)
        if param.type in library.ENTITY_CLASSES and not library.find_entities(
                store, value, param.type):
            raise ParameterError(f"{key}: " + no_match_message(store, value, param.type))


@main.command("query")
@click.argument("name", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Run the query in this .rq file instead of a library query.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the query (repeatable); see `bordergraph queries`.")
@format_option
@_iris_option
@_inferred_option
@store_option
def query(name, query_file, params, fmt, keep_iris, no_inferred, store, update_url):  # type: ignore[no-untyped-def]
    """Run a competency question from queries/ (or a .rq file) with bound parameters.

    Parameters are bound as RDF terms, never pasted into the query text; a person, event or
    series can be given by IRI or by name ("Nichols"), a country by ISO code.

    \b
    Examples:
      bordergraph query delegation_heads --param series="21st Century Border Management Process"
      bordergraph query series_span -p series=HLED --format json
      bordergraph query meetings -p since=2021-01-01 -p until=2021-12-31 --format csv
      bordergraph query --file my.rq --format tsv
      bordergraph query official_posts -p person=Ebrard --lang es --vertical
      bordergraph query meetings --format xlsx -o meetings.xlsx
    """
    if bool(name) == bool(query_file):
        raise click.UsageError("give a query NAME or --file PATH (one of them)")
    chosen = library.load_file(query_file) if query_file else library.get(name)
    chosen = in_language(chosen, chosen_lang())
    values = _parse_params(params)
    with _reading(store, update_url) as bg:
        _check_names(bg.store, chosen, values)
        result = library.run(bg.store, chosen, values, inferred=not no_inferred)
        _emit_result(result, fmt, title=chosen.title, store=bg.store, keep_iris=keep_iris)


@main.command("queries")
@format_option
def list_queries(fmt):  # type: ignore[no-untyped-def]
    """List the competency questions in queries/ with their parameters.

    \b
    Examples:
      bordergraph queries
      bordergraph queries --format json
    """
    emit(["name", "question", "parameters"], library.describe(), fmt, title="competency questions")


@main.command("sparql")
@click.argument("text", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from this file ('-' as TEXT reads standard input).")
@format_option
@_iris_option
@_inferred_option
@click.option("--prefixes", "list_prefixes", is_flag=True,
              help="List the predeclared prefixes and exit.")
@click.option("--update", "allow_update", is_flag=True,
              help="Allow SPARQL Update (INSERT, DELETE, ...); write inside GRAPH <...>.")
@store_option
def sparql(text, query_file, fmt, keep_iris, no_inferred, list_prefixes, allow_update, store,  # type: ignore[no-untyped-def]
           update_url):
    """Run any SPARQL query: SELECT prints a table, CONSTRUCT/DESCRIBE print Turtle, ASK true/false.

    The default graph is the union of all named graphs (ontology, reference, every release).
    The project's prefixes (bg:, rdfs:, skos:, person:, event:, ...) are predeclared; a query
    may declare its own. Updates are refused unless --update is given: data changes through
    `bordergraph load` and data/curation/, so every fact keeps its source.

    \b
    Examples:
      bordergraph sparql "SELECT ?p ?name WHERE { ?p a bg:Person ; foaf:name ?name }"
      bordergraph sparql "DESCRIBE person:serena-hoy"
      bordergraph sparql --prefixes
      bordergraph sparql --file q.rq --format csv --iris
      echo "ASK { ?s a ?o }" | bordergraph sparql -
    """
    if list_prefixes:
        emit(["prefix", "namespace"], sorted(prefixes().items()), fmt, title="prefixes")
        return
    if query_file:
        text = query_file.read_text(encoding="utf-8")
    elif text == "-":
        text = sys.stdin.read()
    if not text:
        raise click.UsageError("give the query as TEXT, '-' for standard input, or --file PATH")
    ready = prepare(text, update=allow_update)
    if is_update(text):
        with open_graph(store, update_url) as bg:
            run_update(bg.store, text)
        click.echo("update done; the default graph is the union of the named graphs again",
                   err=True)
        return
    with _reading(store, update_url) as bg:
        answer = library.run_sparql(bg.store, ready, inferred=not no_inferred)
        if hasattr(answer, "columns"):
            _emit_result(library.Result(answer.columns, answer.rows), fmt, store=bg.store,
                         keep_iris=keep_iris)
            return
    if isinstance(answer, bool):
        click.echo("true" if answer else "false")
    else:
        from ..graph.store import _bind_prefixes

        _bind_prefixes(answer)
        sys.stdout.write(answer.serialize(format="turtle"))
