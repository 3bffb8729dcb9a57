"""Databases for the store tests: a SQLite file always, PostgreSQL where it can start.

The PostgreSQL cluster is a throwaway one made with Debian's binaries
(``/usr/lib/postgresql/*/bin/initdb`` and ``pg_ctl``, package ``postgresql``) in a temporary
directory on a free port, run as the ``postgres`` user when the tests run as root.  Where the
binaries (or a non-root user) are missing, the PostgreSQL variants skip and say why.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


class PgCluster:
    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.reason: str | None = None
        self.dir: Path | None = None
        self.port = 0
        self.prefix: list[str] = []

    def start(self) -> None:
        if self.bin is None:
            self.reason = "PostgreSQL not installed (apt-get install postgresql: /usr/lib/postgresql/*/bin/initdb)"
            return
        try:
            import psycopg  # noqa: F401
        except ImportError:
            self.reason = "psycopg is not installed (pip install 'psycopg[binary]')"
            return
        owner = None
        if os.geteuid() == 0:
            import pwd

            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                self.reason = "running as root and there is no 'postgres' user to run initdb as"
                return
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.dir = Path(tempfile.mkdtemp(prefix="cnbudget-pg-"))
        if owner is not None:
            os.chown(self.dir, owner.pw_uid, owner.pw_gid)
        data = self.dir / "data"
        self.port = _free_port()
        try:
            self._run([str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                       "--locale=C.UTF-8"])
            self._run([str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                       "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
        except (subprocess.CalledProcessError, OSError) as e:
            log = (self.dir / "log").read_text(errors="replace")[-500:] if (self.dir / "log").exists() else ""
            self.reason = f"could not start PostgreSQL: {e} {getattr(e, 'stderr', '') or ''} {log}".strip()
            self.stop()

    def _run(self, cmd: list[str]) -> None:
        subprocess.run([*self.prefix, *cmd], check=True, capture_output=True, text=True, timeout=120)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        if self.dir is None:
            return
        data = self.dir / "data"
        if (data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError, OSError):
                self._run([str(self.bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = PgCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty library database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.db'}"
    cluster = request.getfixturevalue("pg_cluster")
    if cluster.reason:
        pytest.skip(cluster.reason)
    return cluster.new_database()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> list[Path]:
    """Six fictional disclosures: two departments × 2023–2025 (clean, cross-year consistent)."""
    from tests.batch.corpus import write_corpus

    return write_corpus(tmp_path_factory.mktemp("corpus"), 6)
