"""A throwaway PostgreSQL server for the tests (Debian's binaries, a temp dir, a Unix socket).

``initdb`` refuses to run as root, so as root the server runs as the ``postgres``
user.  It listens only on a socket in its own folder (no TCP port to collide
with), runs with ``fsync=off`` (a test database needs no durability) and is
ready in about a second.  Each test gets a fresh *schema* in the one database
(the URL's ``search_path``), which costs a millisecond where a fresh database
costs a copy of ``template1``.  When no server can start (no binaries, no
``postgres`` user, psycopg not installed) :func:`start` says why and the
tests that need one skip with that reason.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

#: Where Debian installs the server binaries; ``$WORTLAUT_PG_BIN`` overrides it.
PG_BIN = Path(os.environ.get("WORTLAUT_PG_BIN", "/usr/lib/postgresql/15/bin"))
SERVER_OPTIONS = (
    "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    " -c max_connections=50"
)
#: The server's defaults (fsync, synchronous commit) with a larger cache, for benchmarks.
DURABLE_OPTIONS = "-c listen_addresses='' -c shared_buffers=512MB -c max_connections=50"


class Server:
    """A running throwaway server; :meth:`url` gives a fresh, empty schema each time."""

    def __init__(self, folder: Path, run_as: list[str], *, keep: bool = False) -> None:
        self.folder = folder
        self.run_as = run_as
        self.keep = keep
        self._numbers = itertools.count(1)

    @property
    def base_url(self) -> str:
        return f"postgresql://postgres@/postgres?host={quote(str(self.folder), safe='')}"

    def url(self) -> str:
        """The URL of a new empty schema (``search_path`` set in the connection options)."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._numbers)}"
        with psycopg.connect(self.base_url, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {name}")
        return f"{self.base_url}&options={quote(f'-csearch_path={name}', safe='')}"

    def schema_url(self, name: str) -> str:
        """The URL of the schema ``name``, created when missing (a persistent server's store)."""
        import psycopg

        with psycopg.connect(self.base_url, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA IF NOT EXISTS {name}")
        return f"{self.base_url}&options={quote(f'-csearch_path={name}', safe='')}"

    def stop(self) -> None:
        """Stop the server; a throwaway one's folder is removed, a kept one's (:func:`start_at`) stays."""
        mode = "fast" if self.keep else "immediate"  # a kept store shuts down cleanly, with a checkpoint
        subprocess.run(
            [*self.run_as, str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w",
             "stop"],
            capture_output=True, check=False, timeout=300,
        )
        if not self.keep:
            shutil.rmtree(self.folder, ignore_errors=True)


def start(*, durable: bool = False) -> Server | str:
    """A running server, or the reason none could start (``durable``: fsync on, for benchmarks)."""
    reason = _missing()
    if reason:
        return reason
    folder = Path(tempfile.mkdtemp(prefix="wlpg-"))
    run_as = _run_as(folder)
    if isinstance(run_as, str):
        return run_as
    reason = _init(folder, run_as) or _start(folder, run_as, durable=durable)
    if reason:
        shutil.rmtree(folder, ignore_errors=True)
        return reason
    return Server(folder, run_as)


def start_at(folder: Path, *, durable: bool = True) -> Server | str:
    """The server kept in ``folder`` (created on first use, started when not running), or why not.

    For benchmarks that reuse a large store across runs: :meth:`Server.stop` stops it and keeps the
    folder; a server already running there is used as it is (and stopped by ``stop`` as well).
    """
    reason = _missing()
    if reason:
        return reason
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    run_as = _run_as(folder)
    if isinstance(run_as, str):
        return run_as
    if not (folder / "data" / "PG_VERSION").exists():
        reason = _init(folder, run_as)
    if not reason and not _running(folder, run_as):
        reason = _start(folder, run_as, durable=durable)
    return reason or Server(folder, run_as, keep=True)


def _missing() -> str:
    """Why no server can start here, or ``""``."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'wortlaut[postgres]')"
    if not (PG_BIN / "initdb").exists():
        return f"no PostgreSQL server binaries in {PG_BIN} (set WORTLAUT_PG_BIN)"
    return ""


def _run_as(folder: Path) -> list[str] | str:
    """The command prefix that runs the server's binaries (as ``postgres`` when we are root)."""
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        return "running as root and there is no postgres user to run initdb as"
    os.chown(folder, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


def _init(folder: Path, run_as: list[str]) -> str:
    return _step([*run_as, str(PG_BIN / "initdb"), "-D", str(folder / "data"), "--auth=trust", "--no-locale",
                  "-E", "UTF8", "-U", "postgres", "--no-sync"])  # fmt: skip


def _start(folder: Path, run_as: list[str], *, durable: bool) -> str:
    options = DURABLE_OPTIONS if durable else SERVER_OPTIONS
    return _step([*run_as, str(PG_BIN / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"),
                  "-w", "-t", "60", "-o", f"-k {folder} {options}", "start"])  # fmt: skip


def _running(folder: Path, run_as: list[str]) -> bool:
    done = subprocess.run([*run_as, str(PG_BIN / "pg_ctl"), "-D", str(folder / "data"), "status"],
                          capture_output=True, check=False, timeout=60)  # fmt: skip
    return done.returncode == 0


def _step(command: list[str]) -> str:
    """Run one server command; ``""`` when it worked, else the reason (its last line of output)."""
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode == 0:
        return ""
    reason = (done.stderr or done.stdout).strip().splitlines()
    return f"cannot start a PostgreSQL server: {reason[-1] if reason else done.returncode}"
