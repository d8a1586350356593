"""A throw-away PostgreSQL server for the tests (and benchmarks/bench_campaign.py --pg).

``PgServer.start()`` runs ``initdb`` + ``pg_ctl`` from Debian's ``postgresql`` package (found on PATH or in
/usr/lib/postgresql/NN/bin) in a temp folder, listening on 127.0.0.1 on a free port and on a unix socket in
that folder; ``new_database()`` gives each test a database of its own. PostgreSQL refuses to run as root:
as root the server runs as the ``postgres`` system user the package made (or ``nobody``). Nothing here touches
the package's own cluster. ``why_unavailable()`` says why a server cannot be started (then the tests skip).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "ljsms"  # the database superuser of the throw-away cluster (trust authentication, 127.0.0.1 only)


def find_bin() -> Path | None:
    """The folder with initdb and pg_ctl: PATH first, then Debian's versioned folders (newest first)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if os.access(os.path.join(folder, "initdb"), os.X_OK) and os.access(os.path.join(folder, "pg_ctl"), os.X_OK):
            return Path(folder)
    return None


def _run_as() -> str | None:
    """The system user to run the server as when we are root (PostgreSQL will not run as root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return None


def why_unavailable() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg (psycopg[binary]) is not installed"
    if find_bin() is None:
        return "PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql)"
    if os.geteuid() == 0 and _run_as() is None:
        return "running as root with no 'postgres' or 'nobody' user to run the server as"
    return None


def _base_dir() -> str:
    """A temp folder the server's user can reach: /var/tmp (sticky, world-traversable) before the temp folder,
    which a test elsewhere may have made private for a moment (seen: /tmp 0700 mid-run)."""
    for folder in (os.environ.get("LJSMS_PG_TMP"), "/var/tmp", tempfile.gettempdir()):
        if folder and os.path.isdir(folder) and os.stat(folder).st_mode & 0o001:
            return folder
    return tempfile.gettempdir()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, *, durable: bool = False):
        """*durable*: fsync on (the benchmark's figures); off for the tests (speed; a test's server dies with it)."""
        self.durable = durable
        self.bin = find_bin()
        self.user = _run_as()
        self.dir = Path(tempfile.mkdtemp(prefix="ljsms-pg-", dir=_base_dir()))
        self.data = self.dir / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._admin = None

    def _cmd(self, *args: str) -> list[str]:
        cmd = [str(self.bin / args[0]), *args[1:]]
        return ["runuser", "-u", self.user, "--", *cmd] if self.user else cmd

    def start(self) -> PgServer:
        if self.user:
            shutil.chown(self.dir, self.user)
        subprocess.run(self._cmd("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "--locale=C",
                                 "--encoding=UTF8", "--no-sync"),
                       check=True, capture_output=True, text=True)
        opts = [f"-p {self.port}", "-c listen_addresses=127.0.0.1", f"-c unix_socket_directories={self.dir}",
                "-c max_connections=300", "-c shared_buffers=128MB"]
        if not self.durable:
            opts += ["-c fsync=off", "-c full_page_writes=off"]
        subprocess.run(self._cmd("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "server.log"), "-w",
                                 "-t", "60", "-o", " ".join(opts), "start"),
                       check=True, capture_output=True, text=True)
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{dbname}"

    def admin(self):
        import psycopg
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.url(), autocommit=True)
        return self._admin

    def new_database(self) -> str:
        """A fresh, empty database; its URL (no password: trust authentication on 127.0.0.1)."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        try:
            self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except Exception:  # noqa: BLE001 - a test that left a connection behind; the server goes anyway
            pass

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
        if self.data.exists():
            subprocess.run(self._cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                           capture_output=True)
        if not os.environ.get("LJSMS_PG_KEEP"):  # set it to read server.log after a failure
            shutil.rmtree(self.dir, ignore_errors=True)
