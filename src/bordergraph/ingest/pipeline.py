"""load: the whole flow for a batch of files — read, extract, resolve, to_rdf, store.

Each release is written as one named graph in one transaction, so a failure (or a kill) leaves
every release either fully stored or absent. A bad file is reported and the batch goes on.

>>> from bordergraph.graph.open import open_store
>>> seed = repo_path("data/releases/esc-13-plenary-2021.txt")
>>> report = load_paths(open_store(":memory:"), [seed])
>>> report.loaded, report.failed
(1, [])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Literal, URIRef

from ..errors import BordergraphError, ReleaseError
from ..graph import iris
from ..graph.gazetteer import load_gazetteer
from ..graph.reference import load_reference
from ..graph.store import Store
from ..graph.vocab import BG, ontology_graph
from ..paths import project_path
from ..records import ReleaseRecord, ReleaseText
from .consolidate import events_in
from .curate import apply_corrections, read_corrections
from .extract import extract
from .identity import Claim, ReleaseIds
from .notes import impossible_dates, with_announced
from .resolve import Resolver
from .to_rdf import Triple, to_triples

RELEASE_SUFFIXES = (".txt", ".html", ".htm")
def repo_path(relative: str) -> Path:
    """A path inside the project checkout (data/, ontology/, queries/)."""
    return project_path(*relative.split("/"))


@dataclass
class FileResult:
    path: str
    release: str | None = None
    status: str = "loaded"  # loaded, unchanged, renamed, duplicate, failed
    triples: int = 0
    facts: int = 0
    message: str = ""


@dataclass
class LoadReport:
    results: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files in the folders, not .txt/.html
    # The events the replaced release graphs stated before the load (consolidated again after it).
    replaced_events: set[URIRef] = field(default_factory=set)

    @property
    def written(self) -> list[URIRef]:
        """The release graphs this load wrote."""
        return [URIRef(r.release) for r in self.results
                if r.release and r.status in ("loaded", "unchanged", "renamed")]

    @property
    def loaded(self) -> int:
        return sum(r.status in ("loaded", "unchanged", "renamed", "duplicate")
                   for r in self.results)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]


def release_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Release files under ``paths`` (files, or directories searched recursively), sorted."""
    yield from walk(paths)[0]


def walk(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """The release files under ``paths`` (as :func:`release_files`), and the other files of
    its directories, which a load skips (and its summary names)."""
    files: list[Path] = []
    skipped: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            files.append(path)
            continue
        for p in sorted(path.rglob("*")):
            # not only regular files: a device, FIFO or broken link named like a release is
            # reported by the reader, not skipped in silence
            if p.suffix.lower() in RELEASE_SUFFIXES and not p.is_dir():
                files.append(p)
            elif p.is_file():
                skipped.append(str(p))
    return files, skipped


def process(text: ReleaseText, resolver: Resolver) -> tuple[ReleaseRecord, list[Triple]]:
    """Extract, curate, resolve and convert one release: its record and its graph's triples."""
    return to_graph(extract(text), text, resolver)


def to_graph(
    record: ReleaseRecord, text: ReleaseText, resolver: Resolver
) -> tuple[ReleaseRecord, list[Triple]]:
    """Curate, resolve and convert an extracted record: the triples of its named graph."""
    record, curated = apply_corrections(record, read_corrections())
    resolution = resolver.resolve(record)
    return record, to_triples(record, resolution, resolver.gazetteer, text, curated)


def known_people(store: Store) -> list[tuple[URIRef, str, str | None]]:
    """People already in the store, for resolving new releases against them."""
    rows = store.select(
        """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        SELECT DISTINCT ?p ?name ?c WHERE { ?p a bg:Person ; foaf:name ?name .
          OPTIONAL { ?p bg:country ?c } }"""
    ).rows
    return [
        (p, str(name), str(c).rsplit("/", 1)[-1].upper() if c else None)
        for p, name, c in rows
        if isinstance(p, URIRef)
    ]


CHUNK = 256  # releases extracted ahead of resolution: bounds memory on large directories


def load_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    on_file: Callable[[FileResult], None] | None = None,
    resolver: Resolver | None = None,
) -> LoadReport:
    """Load release files into ``store``, one named graph per release; never raises per file.

    Files are read and extracted a chunk at a time (in ``jobs`` processes when > 1); the chunk's
    dated events are indexed before any of its releases is resolved, then each release is
    resolved and written in file order, so the same files give the same IRIs whatever ``jobs``.
    """
    from .parallel import extract_parallel

    resolver = resolver or Resolver()
    resolver.remember(known_people(store))
    ids = ReleaseIds.of(store)
    files, skipped = walk(paths)
    report = LoadReport(skipped=skipped)
    notes: dict[str, list[str]] = {}
    for start in range(0, len(files), CHUNK):
        chunk = []
        for path, text, record in extract_parallel(files[start : start + CHUNK], jobs):
            claim = ids.claim(path, text.sha256) if isinstance(text, ReleaseText) else None
            if claim is not None and isinstance(record, ReleaseRecord):
                name = claim.graph.rsplit("/", 1)[-1]
                record = record if record.id == name else replace(record, id=name)
                record, notes[str(path)] = with_announced(text, record)  # type: ignore[arg-type]
            if isinstance(record, ReleaseRecord):
                resolver.preview(record)
            chunk.append((path, text, record, claim))
        for path, text, record, claim in chunk:
            result = _store_release(store, resolver, path, text, record, claim,
                                    notes.pop(str(path), []), report.replaced_events)
            if result.status == "failed" and claim is not None:
                ids.forget(claim)
            report.results.append(result)
            if on_file is not None:
                on_file(result)
    return report


def _store_release(
    store: Store,
    resolver: Resolver,
    path: Path,
    text: ReleaseText | Exception,
    record: ReleaseRecord | Exception,
    claim: Claim | None,
    notes: list[str],
    replaced_events: set[URIRef],
) -> FileResult:
    result = FileResult(str(path))
    try:
        if isinstance(text, Exception):
            raise text
        assert claim is not None
        graph = claim.graph
        result.release = str(graph)
        if claim.status == "duplicate":
            result.status, result.message = "duplicate", claim.note
            return result
        if isinstance(record, Exception):
            raise record
        record, triples = to_graph(record, text, resolver)
        triples.append((graph, BG.sourcePath, Literal(claim.source)))
        if claim.previous is not None:  # a reload: what the graph said may now be unsaid
            replaced_events.update(events_in(store, [graph]))
        store.replace_graph(graph, triples)
        unchanged = claim.previous is not None and claim.previous.sha256 == text.sha256
        result.status = "renamed" if claim.status == "renamed" else (
            "unchanged" if unchanged else "loaded")
        result.triples, result.facts = len(triples), _fact_count(record)
        notes = ([claim.note] if claim.note else []) + list(text.warnings) + notes
        notes += impossible_dates(text)
        if result.facts == 0:
            notes.append("no event or person recognised: stored as a release with zero facts")
        result.message = "; ".join(notes)
    except ReleaseError as exc:
        result.status, result.message = "failed", exc.message
    except (BordergraphError, OSError, ValueError) as exc:
        result.status, result.message = "failed", f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a bug must not cost the rest of the batch
        result.status = "failed"
        result.message = f"internal error ({type(exc).__name__}): {str(exc)[:200]}"
    return result


def _fact_count(record: ReleaseRecord) -> int:
    return len(record.events) + len(record.people)


def load_foundation(store: Store) -> dict[str, int]:
    """(Re)write the ontology and reference named graphs; returns their triple counts."""
    ontology = ontology_graph()
    reference = load_reference()
    store.replace_graph(iris.ONTOLOGY_GRAPH, list(ontology))  # type: ignore[arg-type]
    store.replace_graph(iris.REFERENCE_GRAPH, list(reference))  # type: ignore[arg-type]
    load_gazetteer()  # warm the cache the resolver uses
    return {"ontology": len(ontology), "reference": len(reference)}


SUMMARY_QUERY = """PREFIX bg: <https://w3id.org/bordergraph/ontology#>
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class .
  FILTER(STRSTARTS(STR(?class), STR(bg:))) } GROUP BY ?class ORDER BY ?class"""


def summary(store: Store) -> dict[str, dict[str, int]]:
    """Triples per named graph (releases summed) and entities per bg: class."""
    graphs: dict[str, int] = {}
    for g in store.graph_names():
        key = "releases" if iris.is_release_graph(g) else g.rsplit("/", 1)[-1]
        graphs[key] = graphs.get(key, 0) + store.count(g)
    graphs["release graphs"] = sum(iris.is_release_graph(g) for g in store.graph_names())
    classes = {
        str(c).rsplit("#", 1)[-1]: int(n)  # type: ignore[arg-type]
        for c, n in store.select(SUMMARY_QUERY).rows
        if isinstance(n, Literal) and c != BG.Quotation
    }
    return {"graphs": graphs, "classes": classes}
