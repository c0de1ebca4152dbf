"""Extraction in worker processes: ``bordergraph load --jobs N``.

Reading and extracting a release needs nothing but the file, so N processes do it side by side.
Resolving and writing stay in the parent, one release after another in file order: the resolver
remembers the people it has met, and the same files must give the same IRIs whatever N is.

Each file gets a time budget (``BORDERGRAPH_FILE_SECONDS``, default 60 s): past it the file is
reported failed and the batch goes on. A worker that dies (killed, out of memory, a crash in a
C library) breaks the pool: the files it had not finished are retried one at a time, each in a
process of its own, and the one that kills its process again is reported failed. Workers end
with their parent (Linux ``PR_SET_PDEATHSIG``, and a watchdog thread elsewhere).

>>> from bordergraph.ingest.pipeline import repo_path
>>> [(p.name, type(t).__name__, type(r).__name__) for p, t, r in
...  extract_parallel([repo_path("data/releases/esc-13-plenary-2021.txt")], jobs=1)]
[('esc-13-plenary-2021.txt', 'ReleaseText', 'ReleaseRecord')]
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from ..errors import BordergraphError, ReleaseError
from ..records import ReleaseRecord, ReleaseText

Outcome = tuple[Path, ReleaseText | BordergraphError, ReleaseRecord | BordergraphError]
# An error crosses the process boundary as (stage, message): exception classes with their own
# __init__ signature (ReleaseError) do not survive pickling.
_Wire = tuple[str, ReleaseText | tuple[str, str], ReleaseRecord | tuple[str, str] | None]


FILE_SECONDS = 60.0


class FileTimeout(BordergraphError):
    """A file that took longer than its time budget."""


def file_budget() -> float:
    """Seconds one file may take to read and extract (``BORDERGRAPH_FILE_SECONDS``; 0: none)."""
    try:
        return float(os.environ.get("BORDERGRAPH_FILE_SECONDS", FILE_SECONDS))
    except ValueError:
        return FILE_SECONDS


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` in this thread after ``seconds`` (main thread only)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):  # type: ignore[no-untyped-def]
        raise FileTimeout(f"took longer than its time budget of {seconds:g} s "
                          "(BORDERGRAPH_FILE_SECONDS raises it): skipped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _work(path_text: str, budget: float | None = None) -> _Wire:
    from .extract import extract
    from .read import read_release

    path = Path(path_text)
    text: ReleaseText | None = None
    try:
        with _deadline(file_budget() if budget is None else budget):
            text = read_release(path)
            record = extract(text)
    except Exception as exc:  # any failure is this file's, reported; the batch goes on
        return (path_text, _wire(exc), None) if text is None else (path_text, text, _wire(exc))
    return path_text, text, record


def _orphan_guard() -> None:
    """In a worker: die with the parent process instead of outliving it."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _alone(path_text: str, budget: float) -> _Wire:
    """Read and extract one file in a process of its own; report the process's death."""
    ctx = multiprocessing.get_context()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(path_text, budget, send), daemon=True)
    proc.start()
    send.close()
    wire: _Wire | None = None
    wait = budget + 30 if budget > 0 else None
    try:
        if receive.poll(wait):
            wire = receive.recv()
    except (EOFError, OSError):
        wire = None
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join()
    if wire is not None:
        return wire
    code = proc.exitcode
    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return path_text, ("other", f"the worker process died reading this file ({how}), "
                                "also when retried alone"), None


def _child(path_text: str, budget: float, send) -> None:  # type: ignore[no-untyped-def]
    _orphan_guard()
    send.send(_work(path_text, budget))
    send.close()


def _wire(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, ReleaseError):
        return "release", exc.message
    if isinstance(exc, FileTimeout):
        return "release", str(exc)
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
    budget = file_budget()
    if jobs <= 1:
        yield from (_outcome(_work(n, budget)) for n in names)
        return
    # Chunks amortise the pickling round trip; order is kept by Executor.map.
    chunk = max(1, min(32, len(names) // (jobs * 4) or 1))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_orphan_guard) as pool:
            for wire in pool.map(partial(_work, budget=budget), names, chunksize=chunk):
                done += 1
                yield _outcome(wire)
    except BrokenProcessPool:
        # a worker died: retry what it left, one file per process, to find the file that kills
        for name in names[done:]:
            yield _outcome(_alone(name, budget))


def _outcome(wire: _Wire) -> Outcome:
    path_text, text, record = wire
    path = Path(path_text)
    if isinstance(text, tuple):
        error = _unwire(path, text)
        return path, error, error
    if isinstance(record, tuple) or record is None:
        return path, text, _unwire(path, record or ("other", "no record"))
    return path, text, record
