"""Extraction in worker processes: ``bordergraph load --jobs N``.

Reading and extracting a release needs nothing but the file, so N processes do it side by side.
Resolving and writing stay in the parent, one release after another in file order: the resolver
remembers the people it has met, and the same files must give the same IRIs whatever N is.

>>> from bordergraph.ingest.pipeline import repo_path
>>> [(p.name, type(t).__name__, type(r).__name__) for p, t, r in
...  extract_parallel([repo_path("data/releases/esc-13-plenary-2021.txt")], jobs=1)]
[('esc-13-plenary-2021.txt', 'ReleaseText', 'ReleaseRecord')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..errors import BordergraphError, ReleaseError
from ..records import ReleaseRecord, ReleaseText

Outcome = tuple[Path, ReleaseText | BordergraphError, ReleaseRecord | BordergraphError]
# An error crosses the process boundary as (stage, message): exception classes with their own
# __init__ signature (ReleaseError) do not survive pickling.
_Wire = tuple[str, ReleaseText | tuple[str, str], ReleaseRecord | tuple[str, str] | None]


def _work(path_text: str) -> _Wire:
    from .extract import extract
    from .read import read_release

    path = Path(path_text)
    try:
        text = read_release(path)
    except Exception as exc:  # any failure is this file's, reported; the batch goes on
        return path_text, _wire(exc), None
    try:
        record = extract(text)
    except Exception as exc:
        return path_text, text, _wire(exc)
    return path_text, text, record


def _wire(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, ReleaseError):
        return "release", exc.message
    if isinstance(exc, (BordergraphError, OSError, ValueError)):
        return "other", f"{type(exc).__name__}: {exc}"
    return "other", f"internal error ({type(exc).__name__}): {str(exc)[:200]}"


def _unwire(path: Path, value: tuple[str, str]) -> BordergraphError:
    kind, message = value
    return ReleaseError(path, message) if kind == "release" else BordergraphError(message)


def extract_parallel(paths: Iterable[str | Path], jobs: int) -> Iterator[Outcome]:
    """Read and extract ``paths`` in ``jobs`` processes; yields (path, text, record) in order.

    A file that cannot be read yields its error as the text (and the record); one that cannot be
    extracted yields its text and the error as the record. ``jobs=1`` runs in this process.
    """
    names = [str(p) for p in paths]
    if jobs <= 1:
        results: Iterator[_Wire] = map(_work, names)
        yield from (_outcome(w) for w in results)
        return
    # Chunks amortise the pickling round trip; order is kept by Executor.map.
    chunk = max(1, min(32, len(names) // (jobs * 4) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for wire in pool.map(_work, names, chunksize=chunk):
            yield _outcome(wire)


def _outcome(wire: _Wire) -> Outcome:
    path_text, text, record = wire
    path = Path(path_text)
    if isinstance(text, tuple):
        error = _unwire(path, text)
        return path, error, error
    if isinstance(record, tuple) or record is None:
        return path, text, _unwire(path, record or ("other", "no record"))
    return path, text, record
