"""The store as a standard SPARQL 1.1 endpoint: Oxigraph's own server (PyPI ``oxigraph``).

Read-only (the default), the server runs on a **snapshot**: a RocksDB backup of the store taken
at start (hard links where the file system allows, so it is quick and small), served with
``oxigraph serve-read-only``. The server and the embedded store are the same Oxigraph version
and storage format (pyoxigraph and oxigraph 0.5), so the server could open the store directory
itself; it does not, because a read-only open while ``bordergraph load`` writes is undefined
behaviour in RocksDB. The snapshot is removed when the server stops, and a load meanwhile is
safe (it is served after a restart).

Writable (``--writable``), the server owns the store directory itself (``oxigraph serve``):
other commands then reach the data through the server, ``--store http://127.0.0.1:7878``, which
keeps the default graph the union of the named graphs as every bordergraph write does.

>>> server_command("/s", "127.0.0.1", 7878, writable=False)[1:]
['serve-read-only', '--location', '/s', '--bind', '127.0.0.1:7878']
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .embedded import _open_read_only
from .store import StoreError, resolve_location

STARTUP_SECONDS = 30.0


def oxigraph_binary() -> str:
    """The ``oxigraph`` program installed with the package (beside this Python, or on PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def same_storage(server_version: str, library_version: str) -> bool:
    """Whether the server and pyoxigraph share a storage format (same major.minor version).

    >>> same_storage("oxigraph 0.5.13", "0.5.2"), same_storage("oxigraph 0.4.11", "0.5.13")
    (True, False)
    """
    def minor(text: str) -> tuple[str, ...]:
        return tuple(text.split()[-1].split(".")[:2]) if text.split() else ()

    return bool(minor(server_version)) and minor(server_version) == minor(library_version)


def check_versions(binary: str) -> None:
    """Refuse a server whose Oxigraph is not the embedded store's (its files would not read)."""
    import pyoxigraph

    try:
        shown = subprocess.run([binary, "--version"], capture_output=True, text=True,
                               timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        raise StoreError(f"cannot run {binary}: {exc}") from exc
    if not same_storage(shown, pyoxigraph.__version__):
        raise StoreError(f"{shown or binary} and pyoxigraph {pyoxigraph.__version__} differ: "
                         "install the same version of both (pip install -U oxigraph pyoxigraph)")


def server_command(location: str, host: str, port: int, *, writable: bool) -> list[str]:
    mode = "serve" if writable else "serve-read-only"
    return ["oxigraph", mode, "--location", location, "--bind", f"{host}:{port}"]


def snapshot(location: str, target: Path) -> None:
    """A consistent copy of the store at ``location`` in ``target`` (a RocksDB backup)."""
    store = _open_read_only(location)
    try:
        store.backup(str(target))
    except OSError as exc:
        raise StoreError(f"cannot copy the store at {location}: {exc}") from exc


def answers(url: str) -> bool:
    """Whether a SPARQL endpoint at ``url`` (its query URL) answers ``ASK {}``."""
    try:
        with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """End a server process: politely, then for good after ``timeout`` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _port_free(host: str, port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def serve(location: str | None, *, host: str = "127.0.0.1", port: int = 7878,
          writable: bool = False, say: Callable[[str], None] = print,
          ready: Callable[[str], None] | None = None) -> int:
    """Run the server until it stops or Ctrl-C; returns an exit status (0 when stopped)."""
    where = resolve_location(location)
    if where == ":memory:" or where.startswith(("http://", "https://")):
        raise StoreError(f"serve needs a store directory, not {where}")
    if not Path(where).is_dir():
        raise StoreError(f"no store at {where} (run `bordergraph build` first)")
    if not _port_free(host, port):
        raise StoreError(f"port {port} on {host} is in use; choose another with --port")
    with tempfile.TemporaryDirectory(prefix="bordergraph-serve-") as scratch:
        served = where
        if not writable:
            served = str(Path(scratch) / "store")
            snapshot(where, Path(served))
        command = server_command(served, host, port, writable=writable)
        command[0] = oxigraph_binary()
        check_versions(command[0])
        log = (Path(scratch) / "server.log").open("wb")
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://{host}:{port}"
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not answers(base + "/query"):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.close()
                    text = (Path(scratch) / "server.log").read_text(errors="replace").strip()
                    last = text.splitlines()[-1] if text else "no output"
                    raise StoreError(f"the Oxigraph server did not start: {last}")
                time.sleep(0.1)
            mode = "read-write" if writable else "read-only, a snapshot of " + where
            say(f"SPARQL endpoint ({mode}): {base}/query  (updates: {base}/update)"
                if writable else f"SPARQL endpoint ({mode}): {base}/query")
            say(f"query page: {base}/   bordergraph: --store {base}   Ctrl-C stops")
            if ready is not None:
                ready(base)
            return process.wait()
        except KeyboardInterrupt:
            say("stopping the server")
            return 0
        finally:
            stop(process)
            log.close()
