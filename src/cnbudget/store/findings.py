"""The library's findings as the rows of a findings sheet (``cnbudget findings``).

``library_findings(session, filters, severities, rules)`` selects the stored findings of the
documents matching ``filters`` (region, year, kind, department), of the given severities and
rule patterns, and resolves each one's table, row and column to what the document prints (the
stored document is read back with ``read.load_disclosure``).  Cross-year findings (checked
against last year's document) are included; their message says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase

from sqlalchemy import select
from sqlalchemy.orm import Session

from cnbudget.checks.labels import FindingRow, finding_row
from cnbudget.model import Finding, Meta
from cnbudget.store.read import Filters, _filtered, load_disclosure, source_of
from cnbudget.store.schema import Document, FindingRecord


def library_findings(
    session: Session,
    filters: Filters | None = None,
    severities: Iterable[str] | None = None,
    rules: Iterable[str] | None = None,
) -> list[FindingRow]:
    """Every stored finding that matches, in library order (newest year first), labels resolved."""
    f = filters or Filters()
    wanted = set(severities or ())
    patterns = tuple(rules or ())
    docs = session.scalars(
        _filtered(select(Document), Filters(region=f.region, year=f.year, kind=f.kind, department=f.department))
        .order_by(Document.year.desc(), Document.department, Document.id)
    ).all()
    out: list[FindingRow] = []
    for doc in docs:
        q = select(FindingRecord).where(FindingRecord.document_id == doc.id)
        if wanted:
            q = q.where(FindingRecord.severity.in_(sorted(wanted)))
        records = [r for r in session.scalars(q.order_by(FindingRecord.position))
                   if not patterns or any(fnmatchcase(r.rule, p) for p in patterns)]
        if not records:
            continue
        d = load_disclosure(session, doc.id)
        meta = Meta(department=doc.department, region=doc.region, year=doc.year, kind=doc.kind, scope=doc.scope,
                    unit=doc.unit, title=doc.title)
        for r in records:
            finding = Finding(rule=r.rule, severity=r.severity, message=r.message, table=r.table, row=r.row,
                              column=r.column, expected=r.expected, actual=r.actual,
                              source=None if r.source is None else source_of(r.source), text=r.text)
            row = finding_row(finding, d, doc.file_name, meta, doc.format)
            if r.against_id is not None:
                row = _cross_year(row, r.against_id)
            out.append(row)
    return out


def _cross_year(row: FindingRow, against_id: int) -> FindingRow:
    from dataclasses import replace

    return replace(row, message=f"{row.message}（与上年文件 #{against_id} 对比）")
