"""``Library``: an opened store — engine, migrations applied, sessions for reading and writing.

    lib = Library.open("postgresql://…")      # or a path, or None for the default file
    saved = lib.add(Entry(disclosure, findings, content_hash=…, file=…))
    with lib.reading() as s: …                # a read-only session

Every ``add`` is its own transaction: a document is stored whole or not at all.  Two
processes adding the same content end with one document (the content hash is unique; the
loser of the race reports "unchanged").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from cnbudget.errors import CnbudgetError
from cnbudget.store.db import make_engine, resolve_url, upgrade, writer
from cnbudget.store.schema import Document
from cnbudget.store.write import Entry, Saved, save


class Library:
    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
        except (NoSuchModuleError, ImportError) as e:  # a scheme whose driver is not installed
            raise CnbudgetError(f"无法使用该数据库：缺少驱动 (no driver for this database: {e})",
                                file=self.display_url) from e
        if migrate:
            try:
                upgrade(self.engine)
            except OperationalError as e:
                self.engine.dispose()
                raise CnbudgetError(f"无法打开资料库 (cannot open the library: {e.orig})",
                                    file=self.display_url) from e
            except DatabaseError as e:  # SQLite: "file is not a database"
                self.engine.dispose()
                raise CnbudgetError(f"不是资料库文件，或文件已损坏 (not a database, or damaged: {e.orig})",
                                    file=self.display_url) from e
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer(self.engine), expire_on_commit=False)

    @classmethod
    def open(cls, db: str | None = None) -> Library:
        """Open (and create or upgrade) the library at ``db`` (URL or path; see ``db.resolve_url``)."""
        return cls(resolve_url(db))

    @property
    def display_url(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any exception."""
        with self._write() as session, session.begin():
            yield session

    def known(self) -> dict[str, str]:
        """content hash → parser version of every stored document."""
        with self.reading() as s:
            return {h: v for h, v in s.execute(select(Document.content_hash, Document.parser_version))}

    def add(self, entry: Entry) -> Saved:
        """Store one checked disclosure in one transaction (see ``write.save``)."""
        try:
            with self.writing() as s:
                return save(s, entry)
        except IntegrityError:
            # another process stored the same content first
            with self.reading() as s:
                doc = s.scalars(select(Document).where(Document.content_hash == entry.content_hash)).one()
                return Saved(doc.id, "unchanged", 0, {"error": doc.errors, "warning": doc.warnings,
                                                       "info": doc.infos})
