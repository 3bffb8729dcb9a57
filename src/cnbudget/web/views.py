"""What the pages show, computed from the model: tables with the cells that findings point at,
the findings beside them (each linking to its cell), chart data for comparisons."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cnbudget.checks.values import row_key
from cnbudget.model import Disclosure, Finding, Row, Table

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_LABEL = {"budget": "预算", "final": "决算"}
SCOPE_LABEL = {"unit": "本级", "consolidated": "汇总"}


def table_label(kind: str) -> str:
    try:
        from cnbudget.tables.kinds import KIND_LABELS

        return KIND_LABELS.get(kind, kind)
    except ImportError:  # pragma: no cover
        return kind


def amount(v: Decimal | None) -> str:
    return "" if v is None else f"{v:,f}"


@dataclass
class Cell:
    text: str
    numeric: bool = False
    severity: str | None = None
    notes: list[str] = field(default_factory=list)
    anchor: str | None = None

    @property
    def css(self) -> str:
        parts = ["num"] if self.numeric else []
        if self.severity:
            parts += ["hit", f"hit-{self.severity}"]
        return " ".join(parts)


@dataclass
class RowView:
    cells: list[Cell]
    anchor: str
    severity: str | None = None
    source: str = ""


@dataclass
class TableView:
    index: int
    kind: str
    label: str
    title: str
    unit: str | None
    headers: list[str]
    rows: list[RowView]
    anchor: str
    severity: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class FindingView:
    finding: Finding
    index: int
    anchor: str | None  # the cell / row / table it points at
    where: str
    cross_year: bool = False

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABEL.get(self.finding.severity, self.finding.severity)


def _worse(a: str | None, b: str) -> str:
    return b if a is None or SEVERITY_RANK.get(b, 9) < SEVERITY_RANK.get(a, 9) else a


def _row_matches(row: Row, f: Finding) -> bool:
    if f.row is not None:
        keys = {row_key(row), row.code, row.item, row.name}
        if row.side and row.item:
            keys.add(f"{row.side}.{row.item}")
        if f.row in keys:
            return True
    src = f.source
    return bool(src and src.line and row.source.line == src.line and (f.row is None or f.column is None))


def _label_columns(table: Table) -> list[tuple[str, Any]]:
    cols: list[tuple[str, Any]] = []
    if any(r.side for r in table.rows):
        cols.append(("收/支", lambda r: {"income": "收入", "expenditure": "支出"}.get(r.side or "", r.side or "")))
    if any(r.code for r in table.rows):
        cols.append(("编码", lambda r: r.code or ""))
    cols.append(("名称", lambda r: "合计" if r.is_total and not r.name else (r.name or r.item or "")))
    return cols


def table_views(d: Disclosure, findings: list[tuple[Finding, int | None]]) -> tuple[list[TableView], list[FindingView]]:
    """The tables with highlighted cells, and the findings each linked to where it points."""
    views: list[TableView] = []
    for ti, t in enumerate(d.tables):
        label_cols = _label_columns(t)
        headers = [h for h, _ in label_cols] + [c.label or c.id for c in t.columns]
        rows = []
        for ri, r in enumerate(t.rows):
            cells = [Cell(fn(r)) for _, fn in label_cols]
            cells += [Cell(amount(r.values.get(c.id)), numeric=True) for c in t.columns]
            rows.append(RowView(cells, f"t{ti}-r{ri}", source=r.source.label()))
        views.append(TableView(ti, t.kind, table_label(t.kind), t.title, t.unit, headers, rows, f"t{ti}",
                               notes=list(t.notes)))
    out: list[FindingView] = []
    for fi, (f, against) in enumerate(findings):
        anchor = None
        for tv, t in zip(views, d.tables, strict=True):
            if f.table is None or t.kind != f.table:
                continue
            col_index = {c.id: i for i, c in enumerate(t.columns)}
            n_label = len(tv.headers) - len(t.columns)
            for ri, r in enumerate(t.rows):
                if not _row_matches(r, f):
                    continue
                rv = tv.rows[ri]
                if f.column in col_index:
                    cell = rv.cells[n_label + col_index[f.column]]
                    cell.anchor = cell.anchor or f"{rv.anchor}-c{col_index[f.column]}"
                    anchor = anchor or cell.anchor
                else:
                    cell = rv.cells[n_label - 1]
                    anchor = anchor or rv.anchor
                cell.severity = _worse(cell.severity, f.severity)
                cell.notes.append(f"[{SEVERITY_LABEL.get(f.severity, f.severity)}] {f.message}")
                rv.severity = _worse(rv.severity, f.severity)
            if anchor is None:
                tv.severity = _worse(tv.severity, f.severity)
                anchor = tv.anchor
            break
        where = " · ".join(x for x in (table_label(f.table) if f.table else None, f.row, f.column,
                                       f.source.label() if f.source else None) if x)
        out.append(FindingView(f, fi, anchor, where, cross_year=against is not None))
    return views, out


# Departments of one year differ in size by three orders of magnitude (a 统计局 beside a 人社局
# with the social funds): past this ratio between the largest and the smallest bar, a linear
# axis draws the small ones under a pixel, so the value axis becomes logarithmic (and says so).
LOG_AXIS_SPREAD = 100


def chart_data(comparison) -> dict[str, Any]:
    """ECharts-ready data for a comparison: categories and series (floats: a chart only), every
    value in the comparison's one unit (a document printed in 元 is converted, never mixed);
    ``scale`` is "log" when the bars' sizes differ by more than ``LOG_AXIS_SPREAD`` times."""
    if comparison.mode == "department":
        keys = ["grand_total", "basic", "project", "personnel", "public", "three_public"]
        categories = [c.label for c in comparison.columns]
    else:
        keys = ["grand_total", "basic", "project"]
        categories = [c.label for c in comparison.columns]
    series = []
    for key in keys:
        row = comparison.row(key)
        if row is None:
            continue
        series.append({"name": row.label, "data": [None if v is None else float(v) for v in row.values]})
    classes = [r for r in comparison.rows if r.key.startswith("class.")]
    tops = [max((v for s in series if (v := s["data"][i]) is not None), default=None) for i in range(len(categories))]
    positive = [v for v in tops if v is not None and v > 0]
    spread = max(positive) / min(positive) if positive else 1.0
    return {
        "mode": comparison.mode,
        "title": comparison.title,
        "unit": comparison.unit,
        "scale": "log" if spread > LOG_AXIS_SPREAD else "linear",
        "spread": round(spread),
        "categories": categories,
        "series": series,
        "classes": {"names": [r.label for r in classes],
                    "series": [{"name": cat, "data": [None if r.values[i] is None else float(r.values[i])
                                                      for r in classes]}
                               for i, cat in enumerate(categories)]},
    }
