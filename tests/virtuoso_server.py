"""A real Virtuoso server (Debian's ``virtuoso-opensource``) for the tests, on loopback.

``tests/install.sh`` installs the package (as root, with apt-get); without it the tests that need
Virtuoso are skipped. Each server gets its own ini file, database folder and free ports on
127.0.0.1, is given the SPARQL write grants docs/endpoints.md describes, and is killed at teardown.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bordergraph.graph.serve import answers
from oxigraph_server import free_port, stop_server

STARTUP_SECONDS = 120.0
INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {db}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 500M
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {db}
MaxClientConnections = 10
ServerThreads = 10
EnabledDavVSP = 0
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""
GRANTS = ('GRANT SPARQL_UPDATE TO "SPARQL";',
          "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")


def start_virtuoso(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``virtuoso-t`` on a fresh database in ``folder``; returns it and its SPARQL URL."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None:
        pytest.skip("Virtuoso is not installed (tests/install.sh installs virtuoso-opensource)")
    folder.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(db=folder, sql=sql, http=http), encoding="utf-8")
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http}/sparql"
    deadline = time.monotonic() + STARTUP_SECONDS
    while not answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"virtuoso did not start on port {http}; see {folder}")
        time.sleep(0.5)
    for grant in GRANTS:
        subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={grant}"], check=True,
                       capture_output=True, timeout=60)
    return process, url


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The SPARQL URL of an empty Virtuoso server that lives for the whole test session."""
    process, url = start_virtuoso(tmp_path_factory.mktemp("virtuoso") / "db")
    yield url
    stop_server(process, timeout=30)
