"""What the pages show, computed from the model: tables with the cells that findings point at,
laid out as printed (a two-sided summary table with 收入 and 支出 side by side, each printed
line one row), the findings beside them (each linking to its cell), chart data for comparisons."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cnbudget.checks.labels import finding_row
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
    anchor: str | None  # None on a printed line of a two-sided table: its name cells carry the ids
    severity: str | None = None
    source: str = ""


@dataclass
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    css: str = ""


def header_rows(labels: list[str], fixed: int) -> list[list[HeaderCell]]:
    """The header as printed: a group label ("基本支出/人员经费", "基本支出/公用经费") over its
    columns, the label columns (the first ``fixed``) and ungrouped ones spanning both rows."""
    parts = [label.split("/", 1) if i >= fixed and "/" in label else [label] for i, label in enumerate(labels)]
    if all(len(p) == 1 for p in parts):
        return [[HeaderCell(label) for label in labels]]
    top: list[HeaderCell] = []
    bottom: list[HeaderCell] = []
    i = 0
    while i < len(parts):
        if len(parts[i]) == 1:
            top.append(HeaderCell(parts[i][0], rowspan=2))
            i += 1
            continue
        j = i
        while j < len(parts) and len(parts[j]) == 2 and parts[j][0] == parts[i][0]:
            bottom.append(HeaderCell(parts[j][1]))
            j += 1
        top.append(HeaderCell(parts[i][0], colspan=j - i))
        i = j
    return [top, bottom]


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
    header_rows: list[list[HeaderCell]] = field(default_factory=list)  # the header as printed (spans)
    gap: int = -1  # the column where the 支出 half of a two-sided table starts


@dataclass
class FindingView:
    finding: Finding
    index: int
    anchor: str | None  # the cell / row / table it points at
    where: str
    cross_year: bool = False
    message: str = ""  # Chinese, ids turned into printed words (``checks.labels``)
    crop_url: str | None = None  # the page crop (PDF findings with a place on the page)

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
        printed = finding_row(f, d, d.file)  # the printed labels, never ids
        where = " · ".join(x for x in (printed.table if f.table else None, printed.page,
                                       printed.row and f"行“{printed.row}”",
                                       printed.column and f"列“{printed.column}”") if x)
        out.append(FindingView(f, fi, anchor, where, cross_year=against is not None, message=printed.message))
    for tv, t in zip(views, d.tables, strict=True):
        if _two_sided(t):
            _side_by_side(tv, t)
        else:
            tv.header_rows = header_rows(tv.headers, len(tv.headers) - len(t.columns))
    return views, out


SIDE_LABEL = {"income": "收入", "expenditure": "支出"}


def _two_sided(t: Table) -> bool:
    sides = {r.side for r in t.rows}
    return "income" in sides and "expenditure" in sides


def _line_key(r: Row) -> tuple | None:
    src = r.source
    if src.box is not None:
        return (src.page, round(src.box[1]))
    if src.line is not None:
        return (src.sheet, src.line)
    return None


def _side_by_side(tv: TableView, t: Table) -> None:
    """Lay a two-sided summary table out as printed: 收入 | 支出, one row per printed line.

    Rows printed on one line (same page and top, or same text line) are paired; where the
    sources do not tell (a side printed below the other), the n-th income row meets the n-th
    expenditure row.  The tr ids become ids of the name cells, so links to rows still work."""
    n_label = len(tv.headers) - len(t.columns)
    width = 1 + len(t.columns)
    lines: dict[tuple, dict[str, int]] = {}
    for ri, r in enumerate(t.rows):
        key = _line_key(r)
        if key is not None and r.side in SIDE_LABEL:
            lines.setdefault(key, {}).setdefault(r.side, ri)
    paired = [ln for ln in lines.values() if len(ln) == 2]
    if paired and sum(len(ln) for ln in lines.values()) == sum(1 for r in t.rows if r.side in SIDE_LABEL):
        order = sorted(lines.values(), key=lambda ln: min(ln.values()))
    else:
        inc = [i for i, r in enumerate(t.rows) if r.side == "income"]
        exp = [i for i, r in enumerate(t.rows) if r.side == "expenditure"]
        order = [{k: v for k, v in (("income", inc[i] if i < len(inc) else None),
                                    ("expenditure", exp[i] if i < len(exp) else None)) if v is not None}
                 for i in range(max(len(inc), len(exp)))]
    others = [ri for ri, r in enumerate(t.rows) if r.side not in SIDE_LABEL]

    def half(ri: int | None) -> list[Cell]:
        if ri is None:
            return [Cell("") for _ in range(width)]
        rv = tv.rows[ri]
        name = rv.cells[n_label - 1]
        name.anchor = name.anchor or rv.anchor
        return [name, *rv.cells[n_label:]]

    rows = []
    for ln in order:
        left, right = ln.get("income"), ln.get("expenditure")
        sev = None
        for ri in (left, right):
            if ri is not None and tv.rows[ri].severity:
                sev = _worse(sev, tv.rows[ri].severity)  # type: ignore[arg-type]
        src = next(tv.rows[ri].source for ri in (left, right) if ri is not None)
        rows.append(RowView(half(left) + half(right), None, sev, src))
    for ri in others:  # a row of neither side (rare): across the income half
        rows.append(RowView(half(ri) + [Cell("") for _ in range(width)], None, tv.rows[ri].severity,
                            tv.rows[ri].source))
    values = [c.label or c.id for c in t.columns]
    tv.headers = ["项目", *values, "项目", *values]
    half = header_rows(["项目", *values], 1)
    tv.header_rows = [[HeaderCell(SIDE_LABEL["income"], colspan=width),
                       HeaderCell(SIDE_LABEL["expenditure"], colspan=width, css="side-gap")]]
    for level in half:
        right = [HeaderCell(h.text, h.colspan, h.rowspan, h.css) for h in level]
        if level is half[0]:
            right[0].css = "side-gap"
        tv.header_rows.append(level + right)
    tv.gap = width
    tv.rows = rows


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
