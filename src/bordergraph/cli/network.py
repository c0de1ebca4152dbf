"""Commands over the networkx views: analyze (and GraphML/GEXF export), path, explore."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import BordergraphError
from .app import format_option, main, open_graph, store_option
from .output import emit

VIEW_CHOICE = click.Choice(["officials", "participation", "institutions", "lineage", "full"])
MEASURES = ("nodes", "bridges", "communities", "administrations")


def _cell(value: object) -> object:
    return "; ".join(map(str, value)) if isinstance(value, list | tuple) else value


def _emit_records(records: list[dict], fmt: str, title: str) -> None:
    if not records:
        click.echo(f"{title}: nothing to show", err=True)
        if fmt == "json":
            click.echo("[]")
        return
    columns = list(records[0])
    rows = [[r[c] if fmt == "json" else _cell(r[c]) for c in columns] for r in records]
    emit(columns, rows, fmt, title=title)


@main.command()
@store_option
@click.option("--view", "view_name", type=VIEW_CHOICE, default="officials", show_default=True)
@click.option("--measure", type=click.Choice(MEASURES), default="nodes", show_default=True,
              help="nodes: degree, betweenness, community per node; bridges: links across the "
              "border; communities: Louvain groups; administrations: officials seen under 2+ "
              "administrations of their country.")
@click.option("--top", type=int, default=0, help="Only the first N rows (0 = all).")
@click.option("--graphml", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the view as GraphML.")
@click.option("--gexf", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the view as GEXF (Gephi).")
@format_option
def analyze(store, update_url, view_name, measure, top, graphml, gexf, fmt):  # type: ignore[no-untyped-def]
    """Network measures of a view: centrality, communities, bridges, administrations.

    Communities come from networkx's Louvain with a fixed seed, so runs repeat. List attributes
    (names, posts, administrations) are joined with "; " in GraphML and GEXF.

    \b
    Examples:
      bordergraph analyze                                  # officials, most central first
      bordergraph analyze --measure bridges --format csv   # U.S.–Mexico counterparts
      bordergraph analyze --measure administrations
      bordergraph analyze --view institutions --measure communities --format json
      bordergraph analyze --view full --graphml full.graphml --gexf full.gexf
    """
    import networkx as nx

    from ..views import analytics
    from ..views.network import flatten

    with open_graph(store, update_url, read_only=True) as bg:
        G = bg.to_networkx(view_name)
    for path, writer in ((graphml, nx.write_graphml), (gexf, nx.write_gexf)):
        if path is not None:
            writer(flatten(G), path)
            click.echo(f"wrote {path} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)",
                       err=True)
    if measure == "nodes":
        records = analytics.node_table(G)
        if fmt == "table":  # IRIs make the terminal table unreadable; csv/json keep them
            records = [{k: v for k, v in r.items() if k != "iri"} for r in records]
    elif measure == "bridges":
        records = analytics.bridges(G)
    elif measure == "administrations":
        records = analytics.multi_administration(G)
    else:
        groups: dict[int, list[str]] = {}
        for node, community in analytics.communities(G).items():
            groups.setdefault(community, []).append(node)
        records = [
            {"community": c, "size": len(members),
             "countries": sorted({G.nodes[n].get("country") for n in members} - {"", None}),
             "members": sorted(G.nodes[n].get("label", n) for n in members)}
            for c, members in sorted(groups.items())
        ]
    _emit_records(records[:top] if top else records, fmt, f"{measure} ({view_name} view)")


@main.command()
@store_option
@click.argument("source")
@click.argument("target")
@format_option
def path(store, update_url, source, target, fmt):  # type: ignore[no-untyped-def]
    """The shortest chain of shared events between two officials, naming each event.

    Names match any name of a person (case and accents folded; a lone surname is enough when
    only one person has it).

    \b
    Examples:
      bordergraph path "Brian A. Nichols" "Roberto Velasco"
      bordergraph path Nichols Ebrard --format json
    """
    import networkx as nx

    from ..views.analytics import chain
    from ..views.network import find_node

    with open_graph(store, update_url, read_only=True) as bg:
        G = bg.to_networkx("officials")
    try:
        a, b = find_node(G, source), find_node(G, target)
        steps = chain(G, a, b)
    except LookupError as exc:
        raise BordergraphError(exc.args[0]) from exc
    except nx.NetworkXNoPath:
        label_a, label_b = G.nodes[a]["label"], G.nodes[b]["label"]
        click.echo(f"no chain of shared events links {label_a} and {label_b}", err=True)
        sys.exit(1)
    if not steps:
        click.echo("same person", err=True)
    _emit_records(steps, fmt, f"{G.nodes[a]['label']} → {G.nodes[b]['label']}")


@main.command()
@store_option
@click.option("--view", "view_name", type=VIEW_CHOICE, default="participation", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("explorer.html"), show_default=True)
def explore(store, update_url, view_name, output):  # type: ignore[no-untyped-def]
    """Write the offline HTML explorer: one file, works from file:// with no network.

    Colours by country or type, size by centrality; filters by administration, dates, country
    and node type; search by any name; click a node for its posts, events and the quoted
    sentences of the releases that state them.

    \b
    Examples:
      bordergraph explore                       # officials and events -> explorer.html
      bordergraph explore --view lineage -o lineage.html
    """
    with open_graph(store, update_url, read_only=True) as bg:
        out = bg.explore(output, view=view_name)
    click.echo(f"wrote {out}")
