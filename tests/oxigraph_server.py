"""Pytest fixtures that run a real Oxigraph SPARQL server (the `oxigraph` command) on loopback.

Import the fixtures into a test module: ``from oxigraph_server import oxigraph_url``.
Each server listens on a free port of 127.0.0.1, stores its data in a temporary directory and
is killed at teardown.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bordergraph.graph.serve import answers, stop

STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(location: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``oxigraph serve`` storing in ``location``; returns the process and its query URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the `oxigraph` command (PyPI package oxigraph) is not installed")
    port = free_port()
    log = (location.parent / f"oxigraph-{port}.log").open("wb")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + STARTUP_SECONDS
    while not answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"oxigraph server did not start on port {port}; see {log.name}")
        time.sleep(0.1)
    return process, url


def stop_server(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    stop(process, timeout)


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of an empty Oxigraph server that lives for the whole test session."""
    process, url = start_server(tmp_path_factory.mktemp("oxigraph") / "data")
    yield url
    stop_server(process)
