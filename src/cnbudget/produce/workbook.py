"""The input workbook of a layout: ``write_template`` makes it, ``read_workbook`` turns a filled
one into a ``BudgetInput`` or ``FinalInput``, ``write_input`` fills one from an input.

Sheets: 基本信息 (meta; 类型 names the layout: 预算, 决算 …), the input sheets of the layout's
family, 其他事项 (duties, vehicles, reasons …) and 上年数 (last year's figures).

A budget's input sheets are its tables as printed (merged header): input cells (white) take
only primary figures; derived columns (合计, 小计, 人员经费/公用经费 …, grey, the layout's
``derived``) and the tables computed whole (收支总表, 收入表, 支出表, 财政拨款收支总表) are left
to the tool.  A final account's are 收入支出明细 (one row per 项 and 资金来源: 年初结转和结余,
本年收入, the year's spending by kind, 年初预算数, the reason 决算 differs from it — a row with a
3- or 5-digit code and no figures names a 类 or 款), 基本支出明细 (一般公共预算财政拨款基本支出
by economic 款) and 三公经费 (公开09表's header: 预算数 and 决算数).  A derived cell someone
typed anyway must agree with its parts, or the workbook is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from cnbudget.produce.inputs import FUND_LABELS, BudgetInput, FinalInput, Input
from cnbudget.produce.layout import C, Col, DocumentLayout, TableLayout, document_layout, layout_names
from cnbudget.produce.workbook_cells import (
    ASSET_FIELDS,
    BASIC_LAYOUT,
    FINAL_FACT_FIELDS,
    FINAL_PREVIOUS_FIELDS,
    FINAL_REASON_FIELDS,
    INFO_FIELDS,
    KIND_LABEL,
    LINE_AMOUNTS,
    LINES_LAYOUT,
    PREVIOUS_FIELDS,
    REASON_FIELDS,
    SHEET_BASIC,
    SHEET_FACTS,
    SHEET_INFO,
    SHEET_LINES,
    SHEET_PREVIOUS,
    SHEET_THREE,
    TARGETS_LABEL,
    THREE_DERIVED,
    BadWorkbook,
    first_row,
    info_sheet,
    input_sheet,
    kv,
    kv_sheet,
    save,
    text,
)
from cnbudget.produce.workbook_read import read_budget_workbook, read_final_workbook

_INPUT_ROWS = 40  # bordered empty rows offered for input (budget tables)
_LINE_ROWS = 60  # … and for the final account's 收入支出明细 and 基本支出明细


def _sheets(layout: DocumentLayout) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    """kind → (sheet name, fund of a function sheet, derived column ids) of a budget layout."""
    return {t.kind: (t.sheet or t.title, t.fund, t.derived) for t in layout.tables}


SHEETS = _sheets(document_layout("budget"))


def _layout_named(kind: str | DocumentLayout) -> DocumentLayout:
    if isinstance(kind, DocumentLayout):
        return kind
    if kind not in layout_names():
        raise BadWorkbook(f"未知的模板类型 {kind!r}（{' | '.join(layout_names())}；budget 预算 | final 决算）")
    return document_layout(kind)


def workbook_layout(path: str | Path, extra: DocumentLayout | None = None) -> DocumentLayout | None:
    """The layout a workbook's 基本信息!类型 names — ``extra`` (a layout file given by the user)
    or a bundled one (``None``: not one of our templates)."""
    try:
        wb = load_workbook(str(path), read_only=True)
    except Exception:  # noqa: BLE001 - any unreadable workbook is simply not ours
        return None
    if SHEET_INFO not in wb.sheetnames:
        return None
    said = text(kv(wb[SHEET_INFO]).get(KIND_LABEL))
    if extra is not None and said in (extra.label, extra.name):
        return extra
    for name in layout_names():
        layout = document_layout(name)
        if said in (layout.label, layout.name):
            return layout
    return document_layout("budget")


def read_workbook(path: str | Path, layout: DocumentLayout | None = None) -> Input:
    """A filled-in template as primary figures of its layout; raises ``CnbudgetError`` on bad input."""
    layout = layout or workbook_layout(path) or document_layout("budget")
    if layout.family == "final":
        return read_final_workbook(path, layout)
    return read_budget_workbook(path, layout)


# --- templates ----------------------------------------------------------------------------------


def _budget_sheet(wb: Workbook, t: TableLayout, year: int | None, layout: DocumentLayout) -> None:
    title = f"{year or ''}{layout.year_word}{t.title}"
    name, derived = t.sheet or t.title, t.derived
    if "*" in derived:
        input_sheet(wb, name, t, title, "本表由工具根据其他各表计算生成，无需填写。", 0)
        return
    rows = 1 if t.recipe == "three_public" else _INPUT_ROWS
    if t.recipe == "function_lines":
        # Input by 项: the full 7-digit code in 科目编码, no 类/款 rows (the tool adds them).
        cols: tuple[Col, ...] = (C("科目编码（7位项级）", key="code"),) + t.columns[1:]
        t = TableLayout(t.kind, t.title, cols)
    input_sheet(wb, name, t, title, "白色单元格填写原始数据；灰色列（合计、小计等）由工具计算，无需填写。金额单位：万元。",
                rows, derived)


def _budget_template(wb: Workbook, layout: DocumentLayout, year: int | None) -> None:
    for t in layout.tables:
        _budget_sheet(wb, t, year, layout)
    labels = [f"主要职责{i}" for i in range(1, 6)] + ["预算单位构成"] + [label for _k, label in ASSET_FIELDS]
    labels += ["机关运行经费（不填则取公用经费）"] + [label for _k, label in REASON_FIELDS]
    labels += [TARGETS_LABEL, "绩效目标说明"]
    kv_sheet(wb, SHEET_FACTS, ["项目", "内容"], labels, (36, 80))
    kv_sheet(wb, SHEET_PREVIOUS, ["上年数（用于说明中的增减变化；可改用 --last-year 上年公开文件）", "金额"],
             [label for _k, label in PREVIOUS_FIELDS], (40,))


def _final_template(wb: Workbook, layout: DocumentLayout, year: int | None) -> None:
    def title(t: TableLayout) -> str:
        return f"{year or ''}{layout.year_word}{t.title}"

    input_sheet(wb, SHEET_LINES, LINES_LAYOUT, title(LINES_LAYOUT),
                "每行一个项级科目和一种资金来源（" + "、".join(FUND_LABELS.values()) + "）。年末结转和结余、"
                "各级合计由工具计算。3位或5位编码且不填金额的行用于命名类、款。金额单位：万元。", _LINE_ROWS)
    ws = wb[SHEET_LINES]
    dv = DataValidation(type="list", formula1='"' + ",".join(FUND_LABELS.values()) + '"', allow_blank=True)
    ws.add_data_validation(dv)
    first = first_row(LINES_LAYOUT)
    dv.add(f"C{first}:C{first + _LINE_ROWS - 1}")
    input_sheet(wb, SHEET_BASIC, BASIC_LAYOUT, title(BASIC_LAYOUT),
                "一般公共预算财政拨款基本支出按部门预算支出经济分类款级科目填写；人员经费合计、公用经费合计由工具计算。",
                _LINE_ROWS)
    three = next(t for t in layout.tables if t.recipe == "three_public_final")
    three = TableLayout(three.kind, three.title, three.columns)  # without the form's 栏次 row
    input_sheet(wb, SHEET_THREE, three, title(three),
                "白色单元格填写预算数和决算数；灰色的合计、小计由工具计算。金额单位：万元。", 1, THREE_DERIVED)
    labels = [f"主要职责{i}" for i in range(1, 6)] + [label for _k, label in FINAL_FACT_FIELDS]
    labels += [label for _k, label in ASSET_FIELDS] + [label for _k, label in FINAL_REASON_FIELDS]
    kv_sheet(wb, SHEET_FACTS, ["项目", "内容"], labels, (44, 80))
    kv_sheet(wb, SHEET_PREVIOUS, ["上年决算数（用于说明中的增减变化；可改用 --last-year 上年公开文件）", "金额"],
             [label for _k, label in FINAL_PREVIOUS_FIELDS], (40,))


def write_template(path: str | Path, kind: str | DocumentLayout = "budget", year: int | None = None) -> Path:
    """Write the input workbook of a layout (``kind``: "budget" 预算, "final" 决算 …, or a
    ``DocumentLayout`` read from a layout file)."""
    layout = _layout_named(kind)
    wb = Workbook()
    values = {"kind": layout.label}
    if year or layout.family == "final":
        values["year"] = str(year) if year else "2024"
    info_sheet(wb, values)
    if layout.family == "final":
        _final_template(wb, layout, year)
    else:
        _budget_template(wb, layout, year)
    return save(wb, path)


# --- filled-in inputs ---------------------------------------------------------------------------


def _fill_info(wb, values: dict[str, Any]) -> None:
    for i, (key, _label, _ex) in enumerate(INFO_FIELDS, start=2):
        wb[SHEET_INFO].cell(row=i, column=2, value=str(values[key] or ""))


def _scope(inp: Input) -> str:
    return "汇总" if inp.meta.scope == "consolidated" else "本级"


def write_input(inp: Input, path: str | Path, layout: DocumentLayout | None = None) -> Path:
    """A template filled with ``inp``'s primary figures (derived cells left blank)."""
    if isinstance(inp, FinalInput):
        return write_final_input(inp, path, layout)
    layout = layout or document_layout("budget")
    out = write_template(path, layout, inp.meta.year)
    wb = load_workbook(str(out))
    m = inp.meta
    _fill_info(wb, {"department": m.department, "region": m.region, "year": m.year,
                    "kind": "决算" if m.kind == "final" else layout.label, "scope": _scope(inp),
                    "unit": m.unit or "万元", "dept_code": inp.dept_code, "unit_code": inp.unit_code,
                    "unit_name": inp.unit_name})
    _fill_budget(wb, inp, layout)
    _fill_facts(wb, inp)
    wb.save(str(out))
    return out


def _fill_budget(wb, inp: BudgetInput, layout: DocumentLayout) -> None:
    by_recipe: dict[str, TableLayout] = {}
    by_fund: dict[str, str] = {}
    for t in layout.tables:
        if "*" in t.derived:
            continue
        by_recipe.setdefault(t.recipe, t)
        if t.recipe == "function_lines" and t.fund:
            by_fund[t.fund] = t.kind
    sheets = {t.kind: wb[t.sheet or t.title] for t in layout.tables}
    rows = {t.kind: first_row(t) for t in layout.tables}  # each sheet's first input row

    def put(kind: str, values: list[Any]) -> None:
        ws = sheets[kind]
        for c, v in enumerate(values, start=1):
            if v is not None and v != "":
                ws.cell(row=rows[kind], column=c, value=v)
        rows[kind] += 1

    for code, name in sorted(inp.class_names.items()):
        if len(code) in (3, 5) and any(ln.code.startswith(code) for ln in inp.function_lines):
            put(by_fund["general_budget"], [code, name])
    for ln in inp.function_lines:
        kind = by_fund.get(ln.fund)
        if kind is None:
            raise BadWorkbook(f"资金来源 {ln.fund} 的支出尚不能写入模板 (fund not supported by the template)")
        put(kind, [ln.code, ln.name, None, None, ln.wages or None, ln.household or None, ln.goods_services or None,
                   ln.capital or None, None, ln.project_operating or None, ln.project_specific or None])
    for e in inp.economic_lines:
        put(by_recipe["economic_classes"].kind, [e.code, e.name, e.gov_code, e.gov_name, e.amount])
    t = inp.three_public
    put(by_recipe["three_public"].kind,
        [None, t.abroad, None, t.vehicle_purchase, t.vehicle_operation, t.reception])
    fund_index = {"general_budget": 4, "gov_fund": 5, "state_capital": 6, "special_account": 7, "business": 8,
                  "other": 8}
    for p in inp.projects:
        vals: list[Any] = [p.category, p.name, inp.unit_name, None, None, None, None, None, None]
        vals[fund_index[p.fund]] = p.amount
        put(by_recipe["projects"].kind, vals)
    for it in inp.procurement:
        vals = [it.project, it.item, it.category, None, None, None, None, None, None]
        vals[fund_index[it.fund]] = it.amount
        put(by_recipe["procurement"].kind, vals)


def _fill_facts(wb, inp: Input) -> None:
    """其他事项 and 上年数 of either family, by their labels."""
    facts_ws = wb[SHEET_FACTS]
    labels = {facts_ws.cell(row=r, column=1).value: r for r in range(2, facts_ws.max_row + 1)}
    f = inp.facts

    def fact(label: str, value: Any) -> None:
        if value is not None and value != "" and label in labels:
            facts_ws.cell(row=labels[label], column=2, value=value)

    for i, duty in enumerate(f.duties[:5], start=1):
        fact(f"主要职责{i}", duty)
    p = f.procurement
    fields = {"organisation": f.organisation, "composition": f.composition,
              "vehicles_fiscal": f.vehicles_fiscal, "running_costs": f.running_costs,
              "goods": p.goods if p else None, "works": p.works if p else None,
              "services": p.services if p else None, "sme": p.sme if p else None,
              "small_micro": p.small_micro if p else None, "performance_note": f.performance_note}
    if isinstance(inp, FinalInput):
        for key, label in FINAL_FACT_FIELDS:
            fact(label, fields[key])
    else:
        fact("预算单位构成", f.composition)
        fact("机关运行经费（不填则取公用经费）", f.running_costs)
        fact("绩效目标说明", f.performance_note)
        fact(TARGETS_LABEL, f.targets_count)
    if f.assets is not None:
        for key, label in ASSET_FIELDS:
            fact(label, getattr(f.assets, key))
    for key, label in (FINAL_REASON_FIELDS if isinstance(inp, FinalInput) else REASON_FIELDS):
        fact(label, f.reasons.get(key))
    prev_ws = wb[SHEET_PREVIOUS]
    previous_fields = FINAL_PREVIOUS_FIELDS if isinstance(inp, FinalInput) else PREVIOUS_FIELDS
    for i, (key, _label) in enumerate(previous_fields, start=2):
        v = getattr(inp.previous, key)
        if v is not None:
            prev_ws.cell(row=i, column=2, value=v)


def write_final_input(inp: FinalInput, path: str | Path, layout: DocumentLayout | None = None) -> Path:
    """A final-account template filled with ``inp``'s primary figures (derived cells left blank)."""
    layout = layout or document_layout("final")
    out = write_template(path, layout, inp.meta.year)
    wb = load_workbook(str(out))
    m = inp.meta
    _fill_info(wb, {"department": m.department, "region": m.region, "year": m.year, "kind": layout.label,
                    "scope": _scope(inp), "unit": m.unit or "万元", "dept_code": "", "unit_code": "",
                    "unit_name": m.department})

    def put(ws, row: int, values: list[Any]) -> None:
        for c, v in enumerate(values, start=1):
            if v is not None and v != "":
                ws.cell(row=row, column=c, value=v)

    ws = wb[SHEET_LINES]
    row = first_row(LINES_LAYOUT)
    for code, name in sorted(inp.class_names.items()):
        if len(code) in (3, 5) and any(ln.code.startswith(code) for ln in inp.lines):
            put(ws, row, [code, name])
            row += 1
    for ln in inp.lines:
        put(ws, row, [ln.code, ln.name, FUND_LABELS[ln.fund],
                      *[getattr(ln, k) or None for k in LINE_AMOUNTS if k != "initial_budget"],
                      ln.initial_budget, ln.reason])
        row += 1
    ws = wb[SHEET_BASIC]
    for i, e in enumerate(inp.economic_lines):
        put(ws, first_row(BASIC_LAYOUT) + i, [e.code, e.name, e.amount])
    ws = wb[SHEET_THREE]
    values: list[Any] = []
    for t in (inp.three_public.budget, inp.three_public.actual):
        values += [None, t.abroad, None, t.vehicle_purchase, t.vehicle_operation, t.reception]
    three = next(t for t in layout.tables if t.recipe == "three_public_final")
    put(ws, first_row(three), values)
    _fill_facts(wb, inp)
    wb.save(str(out))
    return out
