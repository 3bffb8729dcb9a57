"""Reading the library: documents by filter, one document back as a ``Disclosure``, findings.

``load_disclosure(session, id)`` rebuilds the model from the stored rows (exact Decimals,
sources, claims), so any rule or renderer can run on a stored document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from cnbudget.document import Source
from cnbudget.model import Claim, Column, Disclosure, Finding, Meta, Ref, Repair, Row, Section, Table
from cnbudget.store.schema import Document, FigureRecord, FindingRecord, RowRecord, TableRecord


def source_of(obj: dict[str, Any] | None) -> Source:
    if not obj:
        return Source()
    box = obj.get("box")
    return Source(line=obj.get("line"), page=obj.get("page"), box=tuple(box) if box else None,
                  sheet=obj.get("sheet"), cell=obj.get("cell"), printed_page=obj.get("printed_page"))


@dataclass(frozen=True)
class Filters:
    """Library filters (all optional): exact region / year / kind, department substring,
    ``severity``: documents with at least one finding of that severity."""

    region: str | None = None
    year: int | None = None
    kind: str | None = None
    department: str | None = None
    severity: str | None = None
    limit: int = 200
    offset: int = 0


def _filtered(q: Select, f: Filters) -> Select:
    if f.region:
        q = q.where(Document.region == f.region)
    if f.year is not None:
        q = q.where(Document.year == f.year)
    if f.kind:
        q = q.where(Document.kind == f.kind)
    if f.department:
        q = q.where(Document.department.contains(f.department, autoescape=True))
    if f.severity == "error":
        q = q.where(Document.errors > 0)
    elif f.severity == "warning":
        q = q.where(Document.warnings > 0)
    elif f.severity == "info":
        q = q.where(Document.infos > 0)
    return q


def list_documents(session: Session, filters: Filters | None = None) -> tuple[list[Document], int]:
    """Documents matching ``filters`` (newest year first) and how many match in all."""
    f = filters or Filters()
    q = _filtered(select(Document), f).order_by(Document.year.desc(), Document.department, Document.id)
    total = session.scalar(_filtered(select(func.count(Document.id)), f)) or 0
    return list(session.scalars(q.limit(f.limit).offset(f.offset))), total


def facets(session: Session) -> dict[str, list[Any]]:
    """The distinct regions, years, kinds and departments (for the filter menus)."""
    def distinct(col) -> list[Any]:
        return [v for v in session.scalars(select(col).distinct().order_by(col)) if v is not None]

    return {"region": distinct(Document.region), "year": distinct(Document.year), "kind": distinct(Document.kind),
            "department": distinct(Document.department)}


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id, "file": doc.file, "file_name": doc.file_name, "format": doc.format,
        "content_hash": doc.content_hash, "parser_version": doc.parser_version,
        "meta": {"department": doc.department, "region": doc.region, "year": doc.year, "kind": doc.kind,
                 "scope": doc.scope, "unit": doc.unit, "title": doc.title},
        "summary": {"error": doc.errors, "warning": doc.warnings, "info": doc.infos},
        "ingested_at": doc.ingested_at.isoformat(timespec="seconds") if doc.ingested_at else None,
    }


def load_disclosure(session: Session, document_id: int) -> Disclosure:
    """The stored document back as the model (``LookupError`` when there is none)."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise LookupError(document_id)
    tables = session.scalars(
        select(TableRecord).where(TableRecord.document_id == document_id).order_by(TableRecord.position)
        .options(selectinload(TableRecord.rows).selectinload(RowRecord.values))
    ).all()
    return Disclosure(
        file=doc.file,
        meta=Meta(department=doc.department, region=doc.region, year=doc.year, kind=doc.kind, scope=doc.scope,
                  unit=doc.unit, title=doc.title),
        tables=tuple(_table(t) for t in tables),
        claims=tuple(_claim(c) for c in doc.claims),
        sections=tuple(Section(s.get("title") or "", source_of(s.get("source")), s.get("level"))
                       for s in doc.sections or ()),
        notes=tuple(doc.notes or ()),
        format=doc.format,
    )


def _table(t: TableRecord) -> Table:
    return Table(
        kind=t.kind, title=t.title, unit=t.unit, columns=tuple(Column(i, label) for i, label in t.columns),
        rows=tuple(
            Row(code=r.code, name=r.name, values={v.column: v.amount for v in r.values}, source=source_of(r.source),
                side=r.side, item=r.item, texts=dict(r.texts or {}),
                repairs=tuple(Repair(*p) for p in r.repairs or ()))
            for r in t.rows
        ),
        source=source_of(t.source), number=t.number, notes=tuple(t.notes or ()), uncertain=tuple(t.uncertain or ()),
        header=tuple(tuple(h) for h in t.header or ()), matched=t.matched or "",
    )


def _claim(c) -> Claim:
    ref = None
    if c.ref_table is not None:
        ref = Ref(table=c.ref_table, row=c.ref_row, column=c.ref_column, side=c.ref_side)
    return Claim(id=c.claim_id, text=c.text, kind=c.kind, value=c.value, unit=c.unit, subject=c.subject,
                 source=source_of(c.source), refers_to=ref, direction=c.direction, related=dict(c.related or {}),
                 basis=c.basis)


def findings_of(session: Session, document_id: int) -> list[tuple[Finding, int | None]]:
    """The document's findings (its own, then cross-year ones) with the id checked against."""
    rows = session.scalars(
        select(FindingRecord).where(FindingRecord.document_id == document_id).order_by(FindingRecord.position)
    )
    return [
        (Finding(rule=f.rule, severity=f.severity, message=f.message, table=f.table, row=f.row, column=f.column,
                 expected=f.expected, actual=f.actual, source=None if f.source is None else source_of(f.source),
                 text=f.text), f.against_id)
        for f in rows
    ]


def figures_of(session: Session, document_ids: list[int]) -> dict[int, dict[str, tuple[str, Any, str | None]]]:
    """``{document id: {key: (label, amount, unit)}}`` of the stored headline figures (the unit
    as the figure's table printed it; None where the reader could not identify it)."""
    out: dict[int, dict[str, tuple[str, Any, str | None]]] = {i: {} for i in document_ids}
    for chunk_start in range(0, len(document_ids), 500):
        chunk = document_ids[chunk_start:chunk_start + 500]
        for f in session.scalars(select(FigureRecord).where(FigureRecord.document_id.in_(chunk))):
            out[f.document_id][f.key] = (f.label, f.amount, f.unit)
    return out


def severity_totals(session: Session, document_ids: list[int]) -> dict[str, int]:
    """Findings by severity over the given documents (their own and cross-year ones)."""
    out = {"error": 0, "warning": 0, "info": 0}
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start:start + 500]
        row = session.execute(
            select(func.sum(Document.errors), func.sum(Document.warnings), func.sum(Document.infos))
            .where(Document.id.in_(chunk))
        ).one()
        for key, value in zip(("error", "warning", "info"), row, strict=True):
            out[key] += int(value or 0)
    return out
