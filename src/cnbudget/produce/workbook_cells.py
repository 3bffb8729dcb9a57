"""The cells of an input workbook, whatever its layout: styles, input sheets, key–value sheets,
amounts typed by people, the 基本信息 and 上年数 sheets.

``workbook`` writes templates and filled-in inputs with these; ``workbook_read`` reads them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from cnbudget.errors import CnbudgetError
from cnbudget.model import Meta
from cnbudget.numbers import parse_amount
from cnbudget.produce.inputs import FINAL_FUNDS, FUND_LABELS
from cnbudget.produce.layout import C, Layout, TableLayout
from cnbudget.produce.money import q2

_THIN = Side(style="thin", color="666666")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
DERIVED_FILL = PatternFill("solid", fgColor="D9D9D9")
_HEAD = PatternFill("solid", fgColor="DDEBF7")

# Sheet names (also the reader's keys).
SHEET_INFO = "基本信息"
SHEET_FACTS = "其他事项"
SHEET_PREVIOUS = "上年数"

INFO_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("department", "部门名称", "示例市某某局"),
    ("region", "地区", "示例市"),
    ("year", "年度", "2025"),
    ("kind", "类型（预算/决算）", "预算"),
    ("scope", "范围（本级/汇总）", "本级"),
    ("unit", "金额单位", "万元"),
    ("dept_code", "部门代码", "901"),
    ("unit_code", "单位代码", "901001"),
    ("unit_name", "单位名称", ""),
)
KIND_LABEL = next(label for key, label, _ in INFO_FIELDS if key == "kind")

ASSET_FIELDS: tuple[tuple[str, str], ...] = (
    ("as_of", "资产统计截止（如 2024年末）"),
    ("vehicles_general", "一般公务用车（辆）"),
    ("vehicles_enforcement", "执法执勤用车（辆）"),
    ("vehicles_special", "特种专业技术用车（辆）"),
    ("vehicles_other", "其他用车（辆）"),
    ("equipment_general", "单价50万元以上通用设备（台、套）"),
    ("equipment_special", "单价100万元以上专用设备（台、套）"),
)


# --- the sheets of each family beyond the tables ----------------------------------------------

# budgets: 上年数, the reasons and the 绩效目标 count of 其他事项
TARGETS_LABEL = "设置了绩效目标的项目个数（不填则说明中留待填写）"
PREVIOUS_FIELDS: tuple[tuple[str, str], ...] = (
    ("year", "上年年度"),
    ("grand_total", "收支总计"),
    ("fiscal_total", "财政拨款收支总计"),
    ("general_budget", "一般公共预算支出"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("personnel", "人员经费"),
    ("public", "公用经费"),
    ("three_public", "“三公”经费合计"),
    ("abroad", "因公出国（境）费"),
    ("vehicle", "公务用车购置及运行费"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行维护费"),
    ("reception", "公务接待费"),
    ("running_costs", "机关运行经费"),
    ("procurement", "政府采购预算"),
)

REASON_FIELDS: tuple[tuple[str, str], ...] = (
    ("grand_total", "收支总计变动的主要原因"),
    ("fiscal_total", "财政拨款收支变动的主要原因"),
    ("general_budget", "一般公共预算支出变动的主要原因"),
    ("three_public", "“三公”经费变动的主要原因"),
    ("abroad", "因公出国（境）费变动的主要原因"),
    ("vehicle_purchase", "公务用车购置费变动的主要原因"),
    ("vehicle_operation", "公务用车运行维护费变动的主要原因"),
    ("reception", "公务接待费变动的主要原因"),
    ("running_costs", "机关运行经费变动的主要原因"),
)

# final accounts: the input sheets (the nine 公开表 are derived, never typed), 其他事项, 上年数
SHEET_LINES = "收入支出明细"
SHEET_BASIC = "基本支出明细"
SHEET_THREE = "三公经费"

LINES_LAYOUT = Layout("lines", "收入支出明细", (
    C("科目编码（7位项级）", key="code"), C("科目名称", key="name"), C("资金来源", key="text:fund"),
    C("年初结转和结余", "carryover"), C("本年收入", "income"),
    C("本年支出", None, C("基本支出", "basic"), C("项目支出", "project"), C("上缴上级支出", "remit_superior"),
      C("经营支出", "operating_expense"), C("对附属单位补助支出", "affiliate_subsidy")),
    C("年初预算数（一般公共预算）", "initial_budget"), C("决算数与年初预算数差异的主要原因", key="text:reason"),
))
LINE_AMOUNTS = ("carryover", "income", "basic", "project", "remit_superior", "operating_expense",
                 "affiliate_subsidy", "initial_budget")

BASIC_LAYOUT = Layout("basic", "一般公共预算财政拨款基本支出明细", (
    C("经济分类科目编码（5位款级）", key="code"), C("科目名称", key="name"), C("决算数", "total")))

LABEL_FUND = {label: fund for fund, label in FUND_LABELS.items()} | {f: f for f in FINAL_FUNDS}

FINAL_FACT_FIELDS: tuple[tuple[str, str], ...] = (
    ("organisation", "机构设置"),
    ("composition", "决算单位构成"),
    ("vehicles_fiscal", "开支财政拨款的公务用车保有量（辆）"),
    ("running_costs", "机关运行经费（不填则取公用经费）"),
    ("goods", "政府采购货物支出"),
    ("works", "政府采购工程支出"),
    ("services", "政府采购服务支出"),
    ("sme", "授予中小企业合同金额"),
    ("small_micro", "其中：授予小微企业合同金额"),
    ("performance_note", "预算绩效情况说明"),
)

FINAL_REASON_FIELDS: tuple[tuple[str, str], ...] = (
    ("grand_total", "收支总计变动的主要原因"),
    ("fiscal_total", "财政拨款收支总计变动的主要原因"),
    ("general_budget", "一般公共预算财政拨款支出变动的主要原因"),
    ("initial_budget", "一般公共预算财政拨款支出决算数与年初预算数差异的主要原因"),
    ("three_public", "“三公”经费决算数与预算数差异的主要原因"),
    ("three_public_change", "“三公”经费比上年变动的主要原因"),
    ("abroad", "因公出国（境）费决算数与预算数差异的主要原因"),
    ("vehicle", "公务用车购置及运行维护费决算数与预算数差异的主要原因"),
    ("reception", "公务接待费决算数与预算数差异的主要原因"),
    ("running_costs", "机关运行经费变动的主要原因"),
)

FINAL_PREVIOUS_FIELDS: tuple[tuple[str, str], ...] = (
    ("year", "上年年度"),
    ("grand_total", "收支总计"),
    ("current_income", "本年收入合计"),
    ("current_expenditure", "本年支出合计"),
    ("fiscal_total", "财政拨款收支总计"),
    ("general_budget", "一般公共预算财政拨款支出"),
    ("basic", "一般公共预算财政拨款基本支出"),
    ("personnel", "人员经费"),
    ("public", "公用经费"),
    ("three_public", "“三公”经费支出决算"),
    ("abroad", "因公出国（境）费"),
    ("vehicle", "公务用车购置及运行维护费"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行维护费"),
    ("reception", "公务接待费"),
    ("running_costs", "机关运行经费"),
    ("procurement", "政府采购支出总额"),
)

THREE_DERIVED = ("budget.total", "budget.vehicle", "actual.total", "actual.vehicle")


class BadWorkbook(CnbudgetError):
    """The input workbook cannot be used (missing sheet, text in an amount cell …)."""


# --- writing --------------------------------------------------------------------------------


def header(columns) -> tuple[list, int, int]:
    """The merged header cells of a column tree (the same every renderer draws)."""
    from cnbudget.render.layout import _header

    return _header(columns)


def write_header(ws, layout: TableLayout, top: int, derived: tuple[str, ...]) -> tuple[int, list]:
    merges, depth, width = header(layout.columns)
    for r in range(depth):
        for c in range(width):
            ws.cell(row=top + r, column=c + 1).border = BORDER
            ws.cell(row=top + r, column=c + 1).fill = _HEAD
    for m in merges:
        cell = ws.cell(row=top + m.row, column=m.col + 1, value=m.text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if m.rowspan > 1 or m.colspan > 1:
            ws.merge_cells(start_row=top + m.row, start_column=m.col + 1, end_row=top + m.row + m.rowspan - 1,
                           end_column=m.col + m.colspan)
    leaves = layout.leaves()
    for c, leaf in enumerate(leaves):
        ws.column_dimensions[get_column_letter(c + 1)].width = 16 if leaf.id else 22
        if leaf.id in derived:
            m = next(m for m in merges if m.col == c and m.colspan == 1 and m.row + m.rowspan == depth)
            ws.cell(row=top + m.row, column=c + 1).comment = Comment("由工具计算，无需填写", "cnbudget")
    return depth, leaves


def input_sheet(wb: Workbook, name: str, layout: TableLayout, title: str, note: str, rows: int,
                derived: tuple[str, ...] = ()) -> None:
    """A sheet: title, note, the table's header, then ``rows`` bordered input rows (grey where
    the tool computes the column); ``rows=0``: the header alone (a table computed whole)."""
    ws = wb.create_sheet(name)
    ws.append([title])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.append([note])
    depth, leaves = write_header(ws, layout, 3, derived)
    if not rows:
        return
    first = 3 + depth
    for r in range(rows):
        for c, leaf in enumerate(leaves):
            cell = ws.cell(row=first + r, column=c + 1)
            cell.border = BORDER
            if leaf.id in derived:
                cell.fill = DERIVED_FILL
            elif leaf.id:
                cell.number_format = "0.00"
    ws.freeze_panes = ws.cell(row=first, column=1)


def first_row(layout: TableLayout) -> int:
    """The first body row of an input sheet (title, note, then the header)."""
    return 3 + header(layout.columns)[1]


def info_sheet(wb: Workbook, values: dict[str, str]) -> None:
    """基本信息 as the first sheet: each field's label and its value (else the example)."""
    info = wb.active
    info.title = SHEET_INFO
    info.append(["项目", "内容"])
    for key, label, example in INFO_FIELDS:
        info.append([label, values.get(key, example)])
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 40


def kv_sheet(wb: Workbook, name: str, heading: list[str], labels: list[str], widths: tuple[int, ...]) -> None:
    """A two-column sheet of labels to fill in (其他事项, 上年数)."""
    ws = wb.create_sheet(name)
    ws.append(heading)
    for label in labels:
        ws.append([label, ""])
    for letter, width in zip("AB", widths, strict=False):
        ws.column_dimensions[letter].width = width


def save(wb: Workbook, path: str | Path) -> Path:
    out = Path(path)
    wb.save(str(out))
    return out


# --- reading --------------------------------------------------------------------------------


def amount(value: Any, where: str, file: str) -> Decimal | None:
    """A typed amount (number or text as printed), 2 decimals; ``None`` for a blank cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise BadWorkbook(f"{where}: 不是金额 (not an amount: {value!r})", file=file)
    if isinstance(value, int | Decimal):
        return q2(Decimal(value))
    if isinstance(value, float):
        return q2(Decimal(repr(value)))
    text_ = str(value).strip()
    if not text_:
        return None
    d = parse_amount(text_)
    if d is None:
        raise BadWorkbook(f"{where}: 不是金额 (not an amount: {text_!r})", file=file)
    return q2(d)


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def body(ws, first: int) -> list[tuple[int, list[Any]]]:
    """The non-empty rows from ``first`` on, as (row number, cell values)."""
    out = []
    for r in range(first, ws.max_row + 1):
        values = [ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)]
        if any(v not in (None, "") for v in values):
            out.append((r, values))
    return out


def sheet(wb, name: str, file: str):
    if name not in wb.sheetnames:
        raise BadWorkbook(f"缺少工作表“{name}” (missing sheet; start from `cnbudget template`)", file=file)
    return wb[name]


def kv(ws) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for r in range(2, ws.max_row + 1):
        k = text(ws.cell(row=r, column=1).value)
        if k:
            out[k] = ws.cell(row=r, column=2).value
    return out


def open_workbook(file: str):
    """The filled-in workbook (values, not formulas), or a ``BadWorkbook`` naming the file."""
    try:
        return load_workbook(file, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise BadWorkbook(f"无法打开工作簿 (cannot open workbook: {type(e).__name__})", file=file) from e


def read_meta(wb, file: str, kind: str) -> tuple[Meta, dict[str, str]]:
    """The 基本信息 sheet as ``Meta`` and as its raw fields (codes, unit name);
    ``kind`` is the document kind the workbook is for."""
    info = kv(sheet(wb, SHEET_INFO, file))
    labels = {label: key for key, label, _ in INFO_FIELDS}
    meta_values = {labels[k]: text(v) for k, v in info.items() if k in labels}
    try:
        year = int(meta_values.get("year") or 0) or None
    except ValueError as e:
        raise BadWorkbook(f"基本信息: 年度不是数字 ({meta_values.get('year')!r})", file=file) from e
    department = meta_values.get("department") or None
    if kind == "budget" and meta_values.get("kind") in ("决算", "final"):
        kind = "final"
    return Meta(
        department=department,
        region=meta_values.get("region") or None,
        year=year,
        kind=kind,
        scope="consolidated" if meta_values.get("scope") in ("汇总", "consolidated") else "unit",
        unit=meta_values.get("unit") or "万元",
        title=f"{department}{year}年部门{'决算' if kind == 'final' else '预算'}" if department and year else None,
    ), meta_values


def read_previous_fields(wb, file: str, year: int | None, fields) -> dict[str, Any] | None:
    """The 上年数 sheet as field → value (``None`` when the workbook has no such sheet)."""
    if SHEET_PREVIOUS not in wb.sheetnames:
        return None
    values = kv(wb[SHEET_PREVIOUS])
    out: dict[str, Any] = {}
    for key, label in fields:
        raw = values.get(label)
        if key == "year":
            t = text(raw)
            out["year"] = int(t) if t.isdigit() else (year - 1 if year else None)
        else:
            out[key] = amount(raw, f"{SHEET_PREVIOUS}!{label}", file)
    return out


def count(value: Any, label: str, file: str) -> int:
    """A typed count (vehicles, equipment); blank is 0."""
    t = text(value) or "0"
    try:
        return int(Decimal(t))
    except (ArithmeticError, ValueError) as e:
        raise BadWorkbook(f"{SHEET_FACTS}: {label} 不是数字 ({t!r})", file=file) from e
