"""Writing a checked disclosure into the library — one document, one transaction.

``save(session, entry)`` adds a new document, or replaces the rows of the document with the
same content hash when it was read by another parser version (``status`` "replaced"), or
leaves it alone (``"unchanged"``).  The caller's transaction makes it all-or-nothing: a
failure midway leaves the old version intact.  ``replace_cross_year`` stores the findings of
a document checked against last year's document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from cnbudget.model import Disclosure, Finding
from cnbudget.store.figures import class_names, figure_label, figures_with_units
from cnbudget.store.schema import (
    ClaimRecord,
    Document,
    FigureRecord,
    FindingRecord,
    RowRecord,
    TableRecord,
    ValueRecord,
)


def parser_version() -> str:
    """The version of the reading pipeline: ``parse.PARSER_VERSION`` if set, else the package's."""
    import cnbudget
    from cnbudget import parse

    return str(getattr(parse, "PARSER_VERSION", None) or cnbudget.__version__)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hash(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class Entry:
    """What is written for one file: the disclosure, its findings and where it came from."""

    disclosure: Disclosure
    findings: tuple[Finding, ...]
    content_hash: str
    file: str
    size: int = 0
    parser_version: str = field(default_factory=parser_version)


@dataclass(frozen=True)
class Saved:
    document_id: int
    status: str  # "added" | "replaced" | "unchanged"
    tables: int = 0
    findings: dict[str, int] = field(default_factory=dict)


def _summary(findings: tuple[Finding, ...]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}


def save(session: Session, entry: Entry) -> Saved:
    """Add or replace ``entry``'s document inside the session's current transaction."""
    q = select(Document).where(Document.content_hash == entry.content_hash)
    if session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    doc = session.scalars(q).one_or_none()
    if doc is not None and doc.parser_version == entry.parser_version:
        return Saved(doc.id, "unchanged", len(doc.tables), {"error": doc.errors, "warning": doc.warnings,
                                                            "info": doc.infos})
    status = "added"
    if doc is None:
        doc = Document(content_hash=entry.content_hash)
        session.add(doc)
    else:
        status = "replaced"
        _clear(session, doc)
    _fill(doc, entry)
    session.flush()
    write_children(session, doc, entry)
    session.flush()
    return Saved(doc.id, status, len(entry.disclosure.tables), _summary(entry.findings))


def _clear(session: Session, doc: Document) -> None:
    """Delete a document's children (the new version's are written next, same transaction)."""
    table_ids = select(TableRecord.id).where(TableRecord.document_id == doc.id)
    row_ids = select(RowRecord.id).where(RowRecord.table_id.in_(table_ids))
    session.execute(delete(ValueRecord).where(ValueRecord.row_id.in_(row_ids)))
    session.execute(delete(RowRecord).where(RowRecord.table_id.in_(table_ids)))
    for model in (TableRecord, ClaimRecord, FindingRecord, FigureRecord):
        session.execute(delete(model).where(model.document_id == doc.id))
    session.expire(doc)


def _fill(doc: Document, entry: Entry) -> None:
    d = entry.disclosure
    m = d.meta
    summary = _summary(entry.findings)
    doc.file = entry.file
    doc.file_name = Path(entry.file).name[:500]
    doc.format = d.format
    doc.size = entry.size
    doc.parser_version = entry.parser_version
    doc.department, doc.region, doc.year = m.department, m.region, m.year
    doc.kind, doc.scope, doc.unit, doc.title = m.kind, m.scope, m.unit, m.title
    doc.sections = [{"title": s.title, "level": s.level, "source": s.source.to_json()} for s in d.sections]
    doc.notes = list(d.notes)
    doc.errors, doc.warnings, doc.infos = summary["error"], summary["warning"], summary["info"]
    doc.checked_against = None
    doc.ingested_at = datetime.now(UTC).replace(tzinfo=None)


def write_children(session: Session, doc: Document, entry: Entry) -> None:
    """Insert the tables, rows, values, claims, findings and figures of ``entry`` (bulk statements)."""
    d = entry.disclosure
    conn = session.connection()  # Core statements: the ORM's bulk path costs more than the insert
    tables, rows_t, values_t = TableRecord.__table__, RowRecord.__table__, ValueRecord.__table__
    if d.tables:
        # executemany without RETURNING (on SQLite, ordered RETURNING degrades to one statement per
        # row), then one query maps positions to ids — the document's rows are ours in this transaction
        conn.execute(insert(tables), [
            {"document_id": doc.id, "position": ti, "kind": t.kind, "title": t.title, "number": t.number,
             "unit": t.unit, "columns": [[c.id, c.label] for c in t.columns], "notes": list(t.notes),
             "uncertain": list(t.uncertain), "header": [list(h) for h in t.header], "matched": t.matched,
             "source": t.source.to_json()}
            for ti, t in enumerate(d.tables)
        ])
        table_id = dict(conn.execute(select(tables.c.position, tables.c.id).where(tables.c.document_id == doc.id)).all())
        rows = [(table_id[ti], ri, r) for ti, t in enumerate(d.tables) for ri, r in enumerate(t.rows)]
        if rows:
            conn.execute(insert(rows_t), [
                {"table_id": tid, "position": ri, "code": r.code, "name": r.name, "side": r.side,
                 "item": r.item, "texts": dict(r.texts),
                 "repairs": [[p.field, p.original, p.repaired, p.reason] for p in r.repairs],
                 "source": r.source.to_json()}
                for tid, ri, r in rows
            ])
            row_id = {
                (tid, pos): rid
                for tid, pos, rid in conn.execute(
                    select(rows_t.c.table_id, rows_t.c.position, rows_t.c.id)
                    .where(rows_t.c.table_id.in_(list(table_id.values())))
                ).all()
            }
            values = [
                {"row_id": row_id[(tid, ri)], "position": vi, "column": k, "amount": v}
                for tid, ri, r in rows
                for vi, (k, v) in enumerate(r.values.items())
            ]
            if values:
                conn.execute(insert(values_t), values)
    if d.claims:
        conn.execute(
            insert(ClaimRecord.__table__),
            [
                {"document_id": doc.id, "position": i, "claim_id": c.id, "text": c.text, "kind": c.kind,
                 "value": c.value, "unit": c.unit, "subject": c.subject, "direction": c.direction, "basis": c.basis,
                 "related": dict(c.related),
                 "ref_table": c.refers_to.table if c.refers_to else None,
                 "ref_row": c.refers_to.row if c.refers_to else None,
                 "ref_column": c.refers_to.column if c.refers_to else None,
                 "ref_side": c.refers_to.side if c.refers_to else None,
                 "source": c.source.to_json()}
                for i, c in enumerate(d.claims)
            ],
        )
    session.add_all(finding_records(doc.id, entry.findings))
    names = class_names(d)
    figures = [{"document_id": doc.id, "key": k, "label": figure_label(k, names)[:100], "amount": v, "unit": unit}
               for k, (v, unit) in figures_with_units(d).items()]
    if figures:
        conn.execute(insert(FigureRecord.__table__), figures)


CROSS_YEAR_POSITION = 1_000_000  # cross-year findings are listed after the document's own


def finding_records(document_id: int, findings: tuple[Finding, ...] | list[Finding], against_id: int | None = None,
                    start: int = 0) -> list[FindingRecord]:
    return [
        FindingRecord(
            document_id=document_id, against_id=against_id, position=start + i, rule=f.rule, severity=f.severity,
            message=f.message, table=f.table, row=f.row, column=f.column, expected=f.expected, actual=f.actual,
            source=None if f.source is None else f.source.to_json(), text=f.text,
        )
        for i, f in enumerate(findings)
    ]


def replace_cross_year(session: Session, document_id: int, against_id: int, findings: list[Finding]) -> None:
    """Replace the document's cross-year findings by ``findings`` (checked against ``against_id``)."""
    clear_cross_year(session, document_id)
    session.add_all(finding_records(document_id, findings, against_id=against_id, start=CROSS_YEAR_POSITION))
    doc = session.get(Document, document_id)
    if doc is not None:
        doc.checked_against = against_id
        _recount(session, doc, [f.severity for f in findings])


def clear_cross_year(session: Session, document_id: int) -> None:
    """Drop the document's cross-year findings (its last-year document is no longer its pair)."""
    session.execute(
        delete(FindingRecord).where(FindingRecord.document_id == document_id, FindingRecord.against_id.is_not(None))
    )
    doc = session.get(Document, document_id)
    if doc is not None:
        doc.checked_against = None
        _recount(session, doc, [])


def _recount(session: Session, doc: Document, cross_year: list[str]) -> None:
    """The document's finding counts: its own findings and ``cross_year``'s severities."""
    own = list(session.scalars(select(FindingRecord.severity).where(
        FindingRecord.document_id == doc.id, FindingRecord.against_id.is_(None))))
    everything = own + cross_year
    doc.errors = everything.count("error")
    doc.warnings = everything.count("warning")
    doc.infos = everything.count("info")
