"""Where the library is and how to open it: URL resolution, engine settings, migrations.

``resolve_url(db)``: ``--db`` / ``CNBUDGET_DB`` as a SQLAlchemy URL (``postgresql://…``,
``sqlite:///…``) or a plain file path; the default is ``$XDG_DATA_HOME/cnbudget/library.db``
(``~/.local/share/cnbudget/library.db``).  ``make_engine(url)`` sets SQLite up for one writer
and many readers (WAL, a busy timeout, foreign keys; writes take the lock at ``BEGIN
IMMEDIATE`` so two writers queue instead of failing).  ``upgrade(engine)`` runs ``alembic
upgrade head`` programmatically; ``open`` always does it.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from cnbudget.errors import CnbudgetError

ENV_VAR = "CNBUDGET_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_SECONDS = 60


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "cnbudget" / "library.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL of the library: ``db``, else ``$CNBUDGET_DB``, else the default file."""
    raw = str(db) if db is not None else os.environ.get(ENV_VAR) or ""
    if not raw:
        raw = str(default_path())
    if "://" not in raw:
        path = Path(raw).expanduser().resolve()
        _make_folder(path, raw)
        return f"sqlite:///{path}"
    try:
        url = make_url(raw)
    except ArgumentError as e:
        raise CnbudgetError(f"数据库地址无法识别 (bad database URL: {e})", place="--db") from e
    if url.get_backend_name() not in SUPPORTED:
        raise CnbudgetError(f"不支持的数据库类型 {url.get_backend_name()}，只支持 SQLite 与 PostgreSQL "
                            "(unsupported database; use a file path, sqlite:/// or postgresql://)", place="--db")
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        _make_folder(Path(url.database).expanduser(), raw)
    return url.render_as_string(hide_password=False)


SUPPORTED = ("sqlite", "postgresql", "postgres")


def _make_folder(path: Path, raw: str) -> None:
    """The library file's folder, made if missing; a folder that cannot be made is a user error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CnbudgetError(f"无法创建资料库所在的文件夹 (cannot create the folder: {e.strerror})",
                            file=str(path.parent), place="--db") from e


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the library's settings (see the module docstring)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:  # pragma: no cover - exercised by every test
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
            cur.execute("PRAGMA foreign_keys=ON")
            if "memory" not in url:
                _wal(cur)
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    return create_engine(url, pool_pre_ping=True)


def _wal(cur) -> None:
    """Switch a SQLite file to WAL; a switch racing another process's is retried (it ignores
    the busy timeout)."""
    import sqlite3
    import time

    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at once (SQLite)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """``alembic upgrade head`` on ``engine`` (serialised between processes)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with writer(engine).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242424242)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def new_revision(message: str, url: str = "sqlite://") -> None:
    """Write a new migration (autogenerated against a database at head) — for developers."""
    from alembic import command
    from alembic.config import Config

    engine = make_engine(url)
    if current_revision(engine) is not None or head_revision() is not None:
        upgrade(engine)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with writer(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, autogenerate=True)
