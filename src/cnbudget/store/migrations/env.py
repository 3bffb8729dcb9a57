"""Alembic environment: migrations run on the connection ``store.db.upgrade`` hands over.

A new revision is written with ``store.db.new_revision(message)`` (see docs/library.md).
"""

from __future__ import annotations

from alembic import context

from cnbudget.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - offline / command-line use
        from sqlalchemy import create_engine

        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
        engine = create_engine(url)
        with engine.begin() as conn:
            _migrate(conn)
        return
    _migrate(connection)


def _migrate(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
