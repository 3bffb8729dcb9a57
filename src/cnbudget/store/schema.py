"""The library's tables (SQLAlchemy 2 declarative models).

One ``Document`` per distinct file content (``content_hash`` is unique); its ``tables`` →
``rows`` → ``values``, its ``claims``, its ``findings`` and its headline ``figures`` (for fast
comparisons) hang below it and are deleted with it.  Amounts are ``ExactDecimal``: NUMERIC on
PostgreSQL (exact, keeps the printed scale) and the printed decimal text on SQLite (whose
NUMERIC is a float) — a ``Decimal`` comes back exactly as it went in, "7.80" stays "7.80".

The schema is created and upgraded only by the Alembic migrations in ``store/migrations``;
``tests/store`` proves the migrations and these models agree.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import NUMERIC
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ExactDecimal(TypeDecorator):
    """A ``Decimal`` stored exactly: NUMERIC on PostgreSQL, its decimal text elsewhere."""

    impl = String(64)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(NUMERIC())
        return dialect.type_descriptor(String(64))

    def process_bind_param(self, value: Any, dialect) -> Any:
        if value is None:
            return None
        value = Decimal(value)
        return value if dialect.name == "postgresql" else format(value, "f")

    def process_result_value(self, value: Any, dialect) -> Decimal | None:
        if value is None:
            return None
        return value if isinstance(value, Decimal) else Decimal(str(value))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Document(Base):
    """One ingested file (by content).  ``parser_version``: the cnbudget that read it."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    file: Mapped[str] = mapped_column(Text)  # the source path (or "上传:<name>")
    file_name: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer, default=0)
    parser_version: Mapped[str] = mapped_column(String(40))
    department: Mapped[str | None] = mapped_column(String(200), index=True)
    region: Mapped[str | None] = mapped_column(String(100), index=True)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str | None] = mapped_column(String(20))
    scope: Mapped[str | None] = mapped_column(String(20))
    unit: Mapped[str | None] = mapped_column(String(10))
    title: Mapped[str | None] = mapped_column(Text)
    sections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    # the document last year's cross-year rules ran against (None: not checked against any)
    checked_against: Mapped[int | None] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)

    tables: Mapped[list[TableRecord]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True, order_by="TableRecord.position"
    )
    claims: Mapped[list[ClaimRecord]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ClaimRecord.position"
    )
    findings: Mapped[list[FindingRecord]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="FindingRecord.position",
        foreign_keys="FindingRecord.document_id",
    )
    figures: Mapped[list[FigureRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class TableRecord(Base):
    __tablename__ = "tables"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(40))
    unit: Mapped[str | None] = mapped_column(String(10))
    columns: Mapped[list[Any]] = mapped_column(JSON)  # [[id, label], …]
    notes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    uncertain: Mapped[list[Any]] = mapped_column(JSON, default=list)
    header: Mapped[list[Any]] = mapped_column(JSON, default=list)
    matched: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    document: Mapped[Document] = relationship(back_populates="tables")
    rows: Mapped[list[RowRecord]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RowRecord.position"
    )


class RowRecord(Base):
    __tablename__ = "rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(Text)
    side: Mapped[str | None] = mapped_column(String(20))
    item: Mapped[str | None] = mapped_column(String(60))
    texts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    repairs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    source: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    values: Mapped[list[ValueRecord]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ValueRecord.position"
    )


class ValueRecord(Base):
    __tablename__ = "row_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("rows.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    column: Mapped[str] = mapped_column(String(60))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal())


class ClaimRecord(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    claim_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(Text)
    direction: Mapped[int | None] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(String(20))
    related: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ref_table: Mapped[str | None] = mapped_column(String(40))
    ref_row: Mapped[str | None] = mapped_column(String(60))
    ref_column: Mapped[str | None] = mapped_column(String(60))
    ref_side: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class FindingRecord(Base):
    """A finding.  ``against_id`` is set for cross-year findings (checked against that document)."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    against_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(80))
    severity: Mapped[str] = mapped_column(String(10), index=True)
    message: Mapped[str] = mapped_column(Text)
    table: Mapped[str | None] = mapped_column(String(40))
    row: Mapped[str | None] = mapped_column(String(200))
    column: Mapped[str | None] = mapped_column(String(60))
    expected: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    actual: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    source: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text)


class FigureRecord(Base):
    """A headline figure of a document (``store.figures``), for comparisons across documents."""

    __tablename__ = "figures"
    __table_args__ = (UniqueConstraint("document_id", "key", name="uq_figures_document_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(100))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str | None] = mapped_column(String(10))  # as its table printed it (None: not identified)


class DepartmentLink(Base):
    """Two names of one department (renamed between years): ``old`` → ``new``.

    Comparisons of a department across years and the cross-year checks treat the names of a
    linked group as one department (``store.links``)."""

    __tablename__ = "department_links"
    __table_args__ = (UniqueConstraint("old", "new", name="uq_department_links_old_new"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    old: Mapped[str] = mapped_column(String(200))
    new: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


Index("ix_documents_series", Document.department, Document.kind, Document.year)
