"""Commands that check the graph: reason (inferences, consistency) and validate (SHACL)."""

from __future__ import annotations

import logging
import sys

import click

from .app import main, open_graph, store_option
from .output import emit

_FORMATS = click.Choice(["text", "table", "csv", "json", "tsv"])


def _quiet() -> None:
    # rdflib logs a traceback for each ill-typed literal (2021-02-30); those are findings here.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)


def _short(iri: str) -> str:
    from ..graph import iris

    return iri.removeprefix(iris.RELEASE).removeprefix(iris.ID)


@main.command()
@store_option
@click.option(
    "--check-releases",
    is_flag=True,
    help="Also hand the releases' class and property assertions to HermiT (slow).",
)
@click.option("--hermit/--no-hermit", default=True, show_default=True, help="Run HermiT (Java).")
@click.option(
    "--materialize/--no-materialize",
    default=True,
    show_default=True,
    help="Rewrite the inferred graph first; --no-materialize checks the store as it is.",
)
def reason(store, update_url, check_releases, hermit, materialize):  # type: ignore[no-untyped-def]
    """Materialize inferences into the `inferred` graph and check consistency.

    Inferences (class membership from subclass/domain/range axioms, super- and inverse
    properties, events dated into administrations) go to the `inferred` named graph only.
    Clashes (a node in disjoint classes) are traced to the releases that state them; HermiT
    checks the ontology and reference data. Exit 0 consistent, 1 inconsistent, 2 error.

    \b
    Examples:
      bordergraph reason
      bordergraph reason --check-releases
      bordergraph reason --no-hermit --no-materialize
    """
    from ..quality.consistency import reason as run

    _quiet()
    with open_graph(store, update_url, read_only=not materialize) as bg:
        report = run(bg.store, check_releases=check_releases, hermit=hermit, write=materialize)
    done = report.materialized
    if done is not None:
        for name, count, seconds in done.steps:
            click.echo(f"  {name:14} {count:8} triples {seconds:8.3f} s", err=True)
        click.echo(
            f"inferred graph: {done.triples} triples in {done.seconds:.2f} s "
            f"({done.rounds} rounds to the fixpoint)"
        )
    if report.hermit is not None:
        verdict = "consistent" if report.hermit.consistent else "INCONSISTENT"
        click.echo(
            f"HermiT: {report.hermit.scope} ({report.hermit.triples} triples) {verdict} "
            f"in {report.hermit.seconds:.1f} s"
        )
    if report.consistent:
        click.echo("consistent: no clash between disjoint classes")
        sys.exit(0)
    click.echo(f"\n{len(report.clashes)} inconsistencies", err=True)
    click.echo(report.explain())
    if report.releases:
        click.echo("\nreleases involved: " + ", ".join(_short(r) for r in report.releases))
    sys.exit(1)


@main.command()
@store_option
@click.option("--format", "fmt", type=_FORMATS, default="text", show_default=True)
@click.option(
    "--release", "releases", multiple=True, metavar="ID", help="Only these releases (repeatable)."
)
def validate(store, update_url, fmt, releases):  # type: ignore[no-untyped-def]
    """Check every release graph against the SHACL shapes in ontology/shapes.ttl.

    Violations are grouped by release, each with the focus node's label and the sentence the
    release states it in. Exit 0 clean, 1 violations, 2 error.

    \b
    Examples:
      bordergraph validate
      bordergraph validate --release esc-13-plenary-2021 --format json
    """
    from ..graph import iris
    from ..quality.validate import validate as run

    _quiet()
    with open_graph(store, update_url, read_only=True) as bg:
        try:
            report = run(bg.store, [iris.release(r) for r in releases] if releases else None)
        except (ValueError, RuntimeError) as exc:  # pySHACL's errors on broken shapes/data
            click.echo(f"error: validation failed: {exc}", err=True)
            sys.exit(2)
    if fmt == "text":
        _print_grouped(report)
    else:
        columns = ["release", "shape", "focus", "label", "message", "value", "evidence"]
        rows = [[_short(getattr(v, c) or "") for c in columns] for v in report.violations]
        emit(columns, rows, fmt, title="SHACL violations")
    click.echo(
        f"{len(report.violations)} violations in {report.graphs} graphs ({report.seconds:.1f} s)",
        err=True,
    )
    sys.exit(0 if report.conforms else 1)


def _print_grouped(report) -> None:  # type: ignore[no-untyped-def]
    for release, violations in report.by_release().items():
        click.echo(f"{_short(release)}: {len(violations)} violation(s)")
        for v in violations:
            value = f" [{_short(v.value)}]" if v.value else ""
            click.echo(f"  - {v.shape}: {v.label}: {v.message}{value}")
            if v.evidence:
                click.echo(f'      "{v.evidence}"')
