"""``bordergraph show``: one entity's page, and ``bordergraph serve``: the store over HTTP."""

from __future__ import annotations

import json
import sys

import click

from .app import chosen_store, main, open_graph, store_option
from .output import emit


@main.command("show")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A page of tables, or the page as JSON.")
@store_option
def show(name, fmt, store, update_url):  # type: ignore[no-untyped-def]
    """One entity's page: types, names in both languages, posts held, events with roles,
    outcomes, counterparts, and every source sentence with its release.

    NAME is an IRI, a name or part of one ("Nichols", "HLED"); a name that matches nothing
    gets "did you mean".

    \b
    Examples:
      bordergraph show "Serena Hoy"
      bordergraph show Ebrard --lang es
      bordergraph show https://w3id.org/bordergraph/id/mechanism/high-level-economic-dialogue
      bordergraph show HLED --format json
    """
    with open_graph(store, update_url, read_only=True) as bg:
        page = bg.show(name)
    if fmt == "json":
        json.dump(page.to_json(), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    click.echo(page.label)
    click.echo(f"  {page.iri}")
    click.echo(f"  {', '.join(page.types)}")
    words = {"en": "English", "es": "Spanish", "": "any language"}
    names = [(words[k], "; ".join(v)) for k, v in page.names.items()]
    emit(["language", "names"], names, "table", title="names")
    for section in page.sections:
        if section.rows:
            emit(section.columns, section.rows, "table", title=section.title)
        else:
            click.echo(f"{section.title}: none", err=False)


@main.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--bind", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: the store is not shared).")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (read-only by default).")
@store_option
def serve(port, bind, writable, store, update_url):  # type: ignore[no-untyped-def]
    """Serve the store as a standard SPARQL 1.1 endpoint, with a query page in the browser.

    Runs Oxigraph's server (`oxigraph serve-read-only`, or `serve` with --writable) on a copy
    of the store (see docs/endpoints.md): open http://127.0.0.1:7878/ for the query page;
    SPARQL clients use http://127.0.0.1:7878/query. Ctrl-C stops it.

    \b
    Examples:
      bordergraph serve
      bordergraph serve --port 8000
      bordergraph --store http://127.0.0.1:7878 query meetings   # from another shell
    """
    from ..graph.serve import serve as run

    if update_url:
        raise click.UsageError("--update-url is for endpoints; serve takes a store directory")
    if bind not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {bind}: other machines can reach the store", err=True)
    sys.exit(run(chosen_store(store), host=bind, port=port, writable=writable,
                 say=lambda text: click.echo(text, err=True)))
