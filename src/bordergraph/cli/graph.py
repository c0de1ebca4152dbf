"""Commands that build and inspect the graph: build, load, extract, evaluate, stats, export,
docs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .app import format_option, main, open_graph, store_option
from .output import emit


def _print_summary(stats: dict[str, dict[str, int]], fmt: str) -> None:
    rows = [("graph", k, v) for k, v in stats["graphs"].items()]
    rows += [("class", k, v) for k, v in stats["classes"].items()]
    emit(["kind", "name", "count"], rows, fmt, title="bordergraph")


def _report_files(report, verbose: bool = True) -> None:  # type: ignore[no-untyped-def]
    for result in report.results:
        if result.status == "failed":
            click.echo(f"error: {result.path}: {result.message}", err=True)
        elif result.message and verbose:
            click.echo(f"note: {result.path}: {result.message}", err=True)


@main.command()
@store_option
@click.argument("releases", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--explorer/--no-explorer", default=True, help="Write the HTML explorer too.")
@click.option("--validate/--no-validate", default=True,
              help="Count SHACL violations after loading (about 6 minutes at 10^6 triples).")
@format_option
def build(store, update_url, releases, explorer, validate, fmt):  # type: ignore[no-untyped-def]
    """Build the graph: ontology, reference data and every release (default data/releases).

    \b
    Examples:
      bordergraph build
      bordergraph build --store /tmp/bg data/releases
      bordergraph build --no-validate --no-explorer big-corpus/
      BORDERGRAPH_STORE=http://127.0.0.1:7878 bordergraph build
    """
    with open_graph(store, update_url) as bg:
        report = bg.build(releases or None, progress=True)
        _report_files(report)
        click.echo(f"{report.loaded} releases loaded, {len(report.failed)} failed", err=True)
        _print_summary(bg.stats(), fmt)
        if validate:
            from ..quality.validate import count_violations

            violations = count_violations(bg.store)
            click.echo(f"SHACL: {violations} violations (details: bordergraph validate)",
                       err=True)
        if explorer:
            path = bg.explore(None)
            click.echo(f"explorer: {path}", err=True)
    sys.exit(1 if report.failed else 0)


@main.command()
@store_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that read and extract releases in parallel.")
def load(store, update_url, paths, jobs):  # type: ignore[no-untyped-def]
    """Add release files or directories (recursively) to the graph.

    Each release becomes one named graph, written in one transaction; a bad file is reported
    and the batch goes on. Exit 0 when every file loaded, 1 when some failed.

    \b
    Examples:
      bordergraph load release.txt
      bordergraph load data/releases/ more/*.html
      bordergraph load --jobs 2 big-corpus/
    """
    def show(r):  # type: ignore[no-untyped-def]
        if r.status != "failed":  # one line per stored release, as soon as it is stored
            click.echo(f"{r.status:9} {r.path}  {r.triples} triples, {r.facts} facts")

    with open_graph(store, update_url) as bg:
        report = bg.load(paths, progress=True, jobs=jobs, on_file=show)
        _report_files(report)  # before the store closes: an error closing it cannot hide this
        click.echo(f"{report.loaded} loaded, {len(report.failed)} failed", err=True)
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, default=True, help="Print GOLD_SCHEMA JSON.")
@click.option("--evidence", is_flag=True, help="Include the evidence sentence of each fact.")
def extract(path, as_json, evidence):  # type: ignore[no-untyped-def]
    """Print what one release states, read back from the triples the loader made.

    \b
    Examples:
      bordergraph extract data/releases/esc-13-plenary-2021.txt --json
      bordergraph extract release.html --evidence
    """
    from ..api import extract as run

    record = run(path)
    json.dump(record.to_json(evidence=evidence), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@main.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@format_option
@click.option("--by-language", is_flag=True, help="One table per release language.")
def evaluate(directory, fmt, by_language):  # type: ignore[no-untyped-def]
    """Score extraction against NAME.gold.json files: P/R/F1 per category and micro.

    \b
    Examples:
      bordergraph evaluate data/releases
      bordergraph evaluate data/releases --by-language --format json
    """
    from ..api import evaluate as run

    report = run(directory)
    parts = report.by_language() if by_language else {"all": report}
    columns = ["language", "category", "tp", "fp", "fn", "precision", "recall", "f1"]
    rows = [
        [language, *(round(v, 3) if isinstance(v, float) else v for v in row)]
        for language, part in parts.items()
        for row in part.table()
    ]
    emit(columns, rows, fmt, title="extraction against gold")


@main.command()
@store_option
@format_option
def stats(store, update_url, fmt):  # type: ignore[no-untyped-def]
    """Triples per named graph and entities per class.

    \b
    Examples:
      bordergraph stats
      bordergraph stats --format json
    """
    with open_graph(store, update_url, read_only=True) as bg:
        _print_summary(bg.stats(), fmt)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "jsonld"]),
              default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def export(store, update_url, fmt, output):  # type: ignore[no-untyped-def]
    """Write the whole graph as Turtle, TriG, N-Quads or JSON-LD.

    \b
    Examples:
      bordergraph export --format trig -o graph.trig
      bordergraph export --format nq > graph.nq
    """
    with open_graph(store, update_url, read_only=True) as bg:
        text = bg.export(fmt)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(text)


@main.command()
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("docs/ontology"), show_default=True)
def docs(out_dir):  # type: ignore[no-untyped-def]
    """Write the ontology's HTML documentation (English and Spanish) into a directory.

    \b
    Examples:
      bordergraph docs -o site/ontology
    """
    from ..views.docs import write_docs

    path = write_docs(out_dir)
    click.echo(f"wrote {path}")
