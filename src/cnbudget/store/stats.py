"""What the library holds, counted: documents, and their errors and warnings by region, by year
and by rule (the web app's dashboard).

Counts are over the stored findings (a document's own and its cross-year ones), so the rule
table and the region / year tables agree.  A document without a region or year is counted
under ``None`` (the page says "未识别").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from cnbudget.store.schema import Document, FindingRecord


@dataclass(frozen=True)
class GroupCount:
    """One line of a dashboard table: documents, documents with errors, errors, warnings."""

    key: str | int | None
    documents: int
    with_errors: int
    errors: int
    warnings: int


@dataclass(frozen=True)
class RuleCount:
    rule: str
    errors: int
    warnings: int
    documents: int  # documents the rule found something in


@dataclass(frozen=True)
class LibraryStats:
    documents: int
    with_errors: int
    errors: int
    warnings: int
    by_kind: tuple[GroupCount, ...]
    by_region: tuple[GroupCount, ...]
    by_year: tuple[GroupCount, ...]
    by_rule: tuple[RuleCount, ...]


def _by(session: Session, column) -> tuple[GroupCount, ...]:
    q = (select(column, func.count(Document.id), func.sum(case((Document.errors > 0, 1), else_=0)),
                func.coalesce(func.sum(Document.errors), 0), func.coalesce(func.sum(Document.warnings), 0))
         .group_by(column))
    rows = [GroupCount(k, n, int(e or 0), int(err), int(warn)) for k, n, e, err, warn in session.execute(q)]
    # most errors first; then by key (years newest first), unknown last
    return tuple(sorted(rows, key=lambda g: (-g.errors, g.key is None, str(g.key))))


def library_stats(session: Session, rule_limit: int = 50) -> LibraryStats:
    """The library counted for the dashboard (the ``rule_limit`` rules with most findings)."""
    n, with_errors, errors, warnings = session.execute(
        select(func.count(Document.id), func.sum(case((Document.errors > 0, 1), else_=0)),
               func.coalesce(func.sum(Document.errors), 0), func.coalesce(func.sum(Document.warnings), 0))
    ).one()
    by_year = tuple(sorted(_by(session, Document.year), key=lambda g: (g.key is None, -(g.key or 0))))
    sev = FindingRecord.severity
    q = (select(FindingRecord.rule, func.sum(case((sev == "error", 1), else_=0)),
                func.sum(case((sev == "warning", 1), else_=0)), func.count(func.distinct(FindingRecord.document_id)))
         .where(sev.in_(("error", "warning"))).group_by(FindingRecord.rule))
    rules = sorted((RuleCount(r, int(e or 0), int(w or 0), d) for r, e, w, d in session.execute(q)),
                   key=lambda r: (-r.errors, -r.warnings, r.rule))
    return LibraryStats(int(n or 0), int(with_errors or 0), int(errors), int(warnings), _by(session, Document.kind),
                        _by(session, Document.region), by_year, tuple(rules[:rule_limit]))
