"""Building comparisons from the library's stored headline figures.

``department_series(lib, name, kind=None, unit="万元")`` — one department over its years (one
column per year; where a year has several documents, the latest ingested one of the chosen
kind), with the cross-year findings of each year against the year before (pending checks are
run first).  A department renamed between years and linked (``cnbudget link``) is followed
through its names.  ``year_side_by_side(lib, year, kind=None, region=None, unit="万元")`` — the
departments of one year.  Budgets and final accounts are never mixed in one comparison:
``kind`` defaults to the kind with the most documents.  Every amount is converted from the
unit its table printed to ``unit`` (``units.convert``); one whose unit is unknown is left out
and named in ``notes``.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from cnbudget.compare.table import Comparison, CrossYearFinding, DocumentColumn, FigureRow
from cnbudget.errors import CnbudgetError
from cnbudget.store.figures import FIGURES
from cnbudget.store.links import group_of, link_pairs
from cnbudget.store.read import figures_of
from cnbudget.store.schema import Document, FindingRecord
from cnbudget.units import DEFAULT_UNIT, convert

KIND_LABELS = {"budget": "预算", "final": "决算"}


def _pick_kind(docs: list[Document], kind: str | None) -> str | None:
    if kind is not None:
        return kind
    counts = Counter(d.kind for d in docs)
    return counts.most_common(1)[0][0] if counts else None


def _latest_per(docs: list[Document], key) -> list[Document]:
    best: dict[object, Document] = {}
    for d in docs:
        k = key(d)
        if k not in best or (d.ingested_at, d.id) > (best[k].ingested_at, best[k].id):
            best[k] = d
    return list(best.values())


def _rows(session: Session, docs: list[Document], columns: list[str],
          unit: str) -> tuple[tuple[FigureRow, ...], tuple[str, ...]]:
    """The figure rows in ``unit``, and a note for each column with figures of unknown unit."""
    figs = figures_of(session, [d.id for d in docs])
    keys: list[str] = [k for k in FIGURES if any(k in figs[d.id] for d in docs)]
    classes = sorted({k for d in docs for k in figs[d.id] if k.startswith("class.")})
    unknown: Counter[int] = Counter()
    rows = []
    for key in keys + classes:
        label = next((figs[d.id][key][0] for d in docs if key in figs[d.id]), key)
        values: list[Decimal | None] = []
        for i, d in enumerate(docs):
            if key not in figs[d.id]:
                values.append(None)
                continue
            _label, amount, printed = figs[d.id][key]
            value = convert(amount, printed, unit)
            if value is None:
                unknown[i] += 1
            values.append(value)
        rows.append(FigureRow(key, label, tuple(values)))
    notes = tuple(f"{columns[i]}：{n} 项数字未能识别金额单位（元或万元），无法换算，未列入"
                  for i, n in sorted(unknown.items()))
    return tuple(rows), notes


def _column(d: Document, label: str) -> DocumentColumn:
    return DocumentColumn(d.id, label, d.department, d.region, d.year, d.kind, d.unit, d.file)


def resolve_department(session: Session, name: str) -> str:
    """The stored (or linked) department name for ``name``: exact, else the one name containing it."""
    names = {n for n in session.scalars(select(Document.department).distinct()) if n}
    names |= {n for pair in link_pairs(session) for n in pair}
    if name in names:
        return name
    matches = sorted(n for n in names if name in n)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CnbudgetError(f"资料库中没有部门“{name}” (no such department in the library)", place="--department")
    shown = "、".join(matches[:8]) + ("…" if len(matches) > 8 else "")
    raise CnbudgetError(f"“{name}”匹配多个部门：{shown} (ambiguous department)", place="--department")


def department_series(lib, department: str, kind: str | None = None, unit: str = DEFAULT_UNIT) -> Comparison:
    from cnbudget.store.cross_year import link_years

    link_years(lib)  # cross-year checks the library has not run yet
    with lib.reading() as s:
        name = resolve_department(s, department)
        names = group_of(s, name)
        docs = list(s.scalars(select(Document).where(Document.department.in_(sorted(names)),
                                                     Document.year.is_not(None))))
        kind = _pick_kind(docs, kind)
        docs = sorted(_latest_per([d for d in docs if d.kind == kind], lambda d: d.year), key=lambda d: d.year)
        if not docs:
            raise CnbudgetError(f"“{name}”没有{KIND_LABELS.get(kind or '', kind or '')}文件 (no documents of that kind)",
                                place="--kind")
        findings = _cross_year(s, docs)
        latest = docs[-1].department or name
        labels = [f"{d.year}年" for d in docs]
        rows, notes = _rows(s, docs, labels, unit)
        renamed = tuple(f"{d.year}年部门名称为“{d.department}”（已关联为同一部门）"
                        for d in docs if d.department != latest)
        title = f"{latest} {KIND_LABELS.get(kind or '', '')}逐年对比（{docs[0].year}–{docs[-1].year}年）"
        return Comparison(title, "department", tuple(_column(d, lab) for d, lab in zip(docs, labels, strict=True)),
                          rows, findings, unit, renamed + notes)


def _cross_year(session: Session, docs: list[Document]) -> tuple[CrossYearFinding, ...]:
    by_id = {d.id: d for d in docs}
    rows = session.scalars(
        select(FindingRecord).where(FindingRecord.document_id.in_(list(by_id)), FindingRecord.against_id.is_not(None))
        .order_by(FindingRecord.document_id, FindingRecord.position)
    )
    return tuple(
        CrossYearFinding(f.document_id, f.against_id, by_id[f.document_id].year, f.rule, f.severity, f.message, f.text,
                         f.expected, f.actual)
        for f in rows
    )


def year_side_by_side(lib, year: int, kind: str | None = None, region: str | None = None,
                      unit: str = DEFAULT_UNIT) -> Comparison:
    with lib.reading() as s:
        q = select(Document).where(Document.year == year, Document.department.is_not(None))
        if region:
            q = q.where(Document.region == region)
        docs = list(s.scalars(q))
        kind = _pick_kind(docs, kind)
        docs = sorted(_latest_per([d for d in docs if d.kind == kind], lambda d: (d.department, d.scope)),
                      key=lambda d: (d.region or "", d.department or ""))
        if not docs:
            where = f"{region}" if region else "资料库"
            raise CnbudgetError(f"{where}中没有{year}年的{KIND_LABELS.get(kind or '', '')}文件 (no documents for that year)",
                                place="--year")
        dup = Counter(d.department for d in docs)
        columns = tuple(
            _column(d, d.department + (f"（{'汇总' if d.scope == 'consolidated' else '本级'}）"
                                       if dup[d.department] > 1 else ""))
            for d in docs
        )
        findings = _cross_year(s, docs)
        rows, notes = _rows(s, docs, [c.label for c in columns], unit)
        title = f"{year}年{region or ''}各部门{KIND_LABELS.get(kind or '', '')}对比（{len(docs)}个部门）"
        return Comparison(title, "year", columns, rows, findings, unit, notes)
