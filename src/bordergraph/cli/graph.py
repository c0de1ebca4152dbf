"""Commands that build and inspect the graph: build, load, extract, evaluate, stats, export,
docs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .app import chosen_lang, format_option, lang_option, main, open_graph, store_option
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


def _counts(report) -> str:  # type: ignore[no-untyped-def]
    """"3 loaded, 1 unchanged, 0 duplicate, 2 skipped (a.png, b.pdf), 0 failed"."""
    by = {s: sum(r.status == s for r in report.results)
          for s in ("loaded", "unchanged", "renamed", "duplicate", "failed")}
    skipped = report.skipped
    names = ", ".join(skipped[:10]) + (f", and {len(skipped) - 10} more" if len(skipped) > 10
                                       else "")
    skip = f"{len(skipped)} skipped" + (f" (not .txt/.html: {names})" if skipped else "")
    renamed = f"{by['renamed']} renamed, " if by["renamed"] else ""
    return (f"{by['loaded']} loaded, {by['unchanged']} unchanged, {renamed}"
            f"{by['duplicate']} duplicate, {skip}, {by['failed']} failed")


def _remember_stored(result) -> None:  # type: ignore[no-untyped-def]
    """Count the releases stored so far, for the message Ctrl-C prints."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and result.status == "loaded":
        ctx.meta.setdefault("bordergraph.stored", []).append(result.path)


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
    click.get_current_context().meta["bordergraph.stored"] = []
    with open_graph(store, update_url) as bg:
        report = bg.build(releases or None, progress=True, on_file=_remember_stored)
        _report_files(report)
        click.echo(_counts(report), err=True)
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
        _remember_stored(r)
        if r.status != "failed":  # one line per stored release, as soon as it is stored
            click.echo(f"{r.status:9} {r.path}  {r.triples} triples, {r.facts} facts")

    click.get_current_context().meta["bordergraph.stored"] = []
    with open_graph(store, update_url) as bg:
        report = bg.load(paths, progress=True, jobs=jobs, on_file=show)
        # the report before the store closes: an error closing it cannot hide this
        _report_files(report)
        click.echo(_counts(report), err=True)
        stored = any(r.status == "loaded" for r in report.results)
        refreshed = _refresh_explorer(bg) if stored else None
    if refreshed:
        click.echo(f"explorer: {refreshed} (refreshed)", err=True)
    sys.exit(1 if report.failed else 0)


def _refresh_explorer(bg):  # type: ignore[no-untyped-def]
    """Rewrite the explorer `build` wrote beside the store, when there is one."""
    where = Path(bg.store.location)
    if bg.store.location == ":memory:" or not where.is_dir():
        return None
    path = where.parent / "explorer.html"
    return bg.explore(path) if path.exists() else None


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
@click.option("--diff", "show_diff", is_flag=True,
              help="List every missed and every spurious fact, per release, instead of scores.")
def evaluate(directory, fmt, by_language, show_diff):  # type: ignore[no-untyped-def]
    """Score extraction against NAME.gold.json files: P/R/F1 per category and micro.

    With --diff, list per release every fact the extractor missed (in gold, not found) and
    every spurious one (found, not in gold), with the gold and the predicted value; a wrong
    value is both, so it is listed twice. Its rows add up to the scores' fn + fp.

    \b
    Examples:
      bordergraph evaluate data/releases
      bordergraph evaluate data/releases --by-language --format json
      bordergraph evaluate data/releases --diff
      bordergraph evaluate data/releases --diff --format csv > diff.csv
    """
    from ..api import evaluate as run

    report = run(directory)
    if show_diff:
        _print_diff(report, fmt)
        return
    parts = report.by_language() if by_language else {"all": report}
    columns = ["language", "category", "tp", "fp", "fn", "precision", "recall", "f1"]
    rows = [
        [language, *(round(v, 3) if isinstance(v, float) else v for v in row)]
        for language, part in parts.items()
        for row in part.table()
    ]
    emit(columns, rows, fmt, title="extraction against gold")


def _print_diff(report, fmt: str) -> None:  # type: ignore[no-untyped-def]
    """Mismatch rows: flat for csv/tsv/json, one table per release on the terminal."""
    from ..quality.scoring import Mismatch

    rows = report.mismatches()
    if fmt != "table":
        emit(Mismatch._fields, rows, fmt)
        return
    columns = ["category", "kind", "error", "subject", "gold", "predicted"]
    for release, counts in report.releases.items():
        mine = [r[2:] for r in rows if r.release == release]
        micro = counts.micro
        title = (f"{release} ({report.languages.get(release) or '?'}): "
                 f"{micro.fn} missed, {micro.fp} spurious, F1 {micro.f1:.3f}")
        if mine:
            emit(columns, mine, fmt, title=title)
        else:
            click.echo(title)


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


# The RDF syntaxes `export` writes, by the file extension that names each.
RDF_SUFFIXES = {".ttl": "ttl", ".trig": "trig", ".nq": "nq", ".jsonld": "jsonld"}


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(list(RDF_SUFFIXES.values())), default=None,
              help="RDF syntax [default: from the -o file's extension, else trig]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def export(store, update_url, fmt, output):  # type: ignore[no-untyped-def]
    """Write the whole graph as Turtle, TriG, N-Quads or JSON-LD.

    \b
    Examples:
      bordergraph export -o graph.trig
      bordergraph export --format nq > graph.nq
    """
    if fmt is None and output is not None:
        fmt = RDF_SUFFIXES.get(output.suffix.lower())
        if fmt is None:
            raise click.UsageError(
                f"cannot tell an RDF syntax from {output.name!r}: name it .ttl, .trig, .nq or "
                ".jsonld, or give --format (tables go to a workbook with `bordergraph query NAME "
                "--format xlsx -o FILE.xlsx`)")
    fmt = fmt or "trig"
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
@lang_option
def docs(out_dir):  # type: ignore[no-untyped-def]
    """Write the ontology's HTML documentation (English and Spanish) into a directory.

    --lang puts that language's labels first (the other beside them).

    \b
    Examples:
      bordergraph docs -o site/ontology
      bordergraph docs --lang es -o site/ontologia
    """
    from ..views.docs import write_docs

    path = write_docs(out_dir, chosen_lang())
    click.echo(f"wrote {path}")
