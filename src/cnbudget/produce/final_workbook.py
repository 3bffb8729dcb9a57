"""The final-account input workbook: ``write_final_template`` makes it, ``read_final_workbook``
turns a filled one into a ``FinalInput``, ``write_final_input`` fills one from a ``FinalInput``.

Sheets: 基本信息 (meta, 类型 = 决算); 收入支出明细 (one row per 项 and 资金来源: 年初结转和结余,
本年收入, the year's spending by kind, 年初预算数, the reason 决算 differs from it — a row with a
3- or 5-digit code and no figures names a 类 or 款); 基本支出明细 (公开06表: 一般公共预算财政拨款
基本支出 by economic 款); 三公经费 (公开09表's header: 预算数 and 决算数; the grey 合计 and 小计
cells are computed); 其他事项 (duties, organisation, procurement, assets, reasons …); 上年数
(last year's final-account figures).  The nine 公开表 themselves are derived, never typed.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from cnbudget.model import Finding
from cnbudget.produce.final_inputs import (
    FINAL_FUNDS,
    FUND_LABELS,
    FinalFacts,
    FinalInput,
    FinalLine,
    FinalPrevious,
    ProcurementFinal,
    ThreePublicFinal,
)
from cnbudget.produce.final_layouts import FINAL_LAYOUTS
from cnbudget.produce.inputs import Assets, EconomicLine, ThreePublic
from cnbudget.produce.layouts import C, Layout
from cnbudget.produce.workbook import (
    _BORDER,
    _DERIVED,
    ASSET_FIELDS,
    INFO_FIELDS,
    SHEET_FACTS,
    SHEET_INFO,
    SHEET_PREVIOUS,
    BadWorkbook,
    _amount,
    _kv,
    _sheet,
    _text,
    _typed_mismatch,
    _write_header,
    open_workbook,
    read_meta,
    read_previous_fields,
)

SHEET_LINES = "收入支出明细"
SHEET_BASIC = "基本支出明细"
SHEET_THREE = "三公经费"
_INPUT_ROWS = 60

LINES_LAYOUT = Layout("lines", "收入支出明细", (
    C("科目编码（7位项级）", key="code"), C("科目名称", key="name"), C("资金来源", key="text:fund"),
    C("年初结转和结余", "carryover"), C("本年收入", "income"),
    C("本年支出", None, C("基本支出", "basic"), C("项目支出", "project"), C("上缴上级支出", "remit_superior"),
      C("经营支出", "operating_expense"), C("对附属单位补助支出", "affiliate_subsidy")),
    C("年初预算数（一般公共预算）", "initial_budget"), C("决算数与年初预算数差异的主要原因", key="text:reason"),
))
_LINE_AMOUNTS = ("carryover", "income", "basic", "project", "remit_superior", "operating_expense",
                 "affiliate_subsidy", "initial_budget")

BASIC_LAYOUT = Layout("basic", "一般公共预算财政拨款基本支出明细", (
    C("经济分类科目编码（5位款级）", key="code"), C("科目名称", key="name"), C("决算数", "total")))

_LABEL_FUND = {label: fund for fund, label in FUND_LABELS.items()} | {f: f for f in FINAL_FUNDS}

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

_THREE_DERIVED = ("budget.total", "budget.vehicle", "actual.total", "actual.vehicle")


def _input_sheet(wb: Workbook, name: str, layout: Layout, rows: int, derived: tuple[str, ...], note: str,
                 year: int | None) -> None:
    ws = wb.create_sheet(name)
    ws.append([f"{year or ''}年度{layout.title}"])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.append([note])
    depth, leaves = _write_header(ws, layout, 3, derived)
    first = 3 + depth
    for r in range(rows):
        for c, leaf in enumerate(leaves):
            cell = ws.cell(row=first + r, column=c + 1)
            cell.border = _BORDER
            if leaf.id in derived:
                cell.fill = _DERIVED
            elif leaf.id:
                cell.number_format = "0.00"
    ws.freeze_panes = ws.cell(row=first, column=1)


def write_final_template(path: str | Path, year: int | None = None) -> Path:
    """Write the input workbook for a final-account disclosure."""
    wb = Workbook()
    info = wb.active
    info.title = SHEET_INFO
    info.append(["项目", "内容"])
    for key, label, example in INFO_FIELDS:
        value = {"year": str(year) if year else "2024", "kind": "决算"}.get(key, example)
        info.append([label, value])
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 40

    _input_sheet(wb, SHEET_LINES, LINES_LAYOUT, _INPUT_ROWS, (),
                 "每行一个项级科目和一种资金来源（" + "、".join(FUND_LABELS.values()) + "）。年末结转和结余、"
                 "各级合计由工具计算。3位或5位编码且不填金额的行用于命名类、款。金额单位：万元。", year)
    ws = wb[SHEET_LINES]
    dv = DataValidation(type="list", formula1='"' + ",".join(FUND_LABELS.values()) + '"', allow_blank=True)
    ws.add_data_validation(dv)
    first = _first_row(LINES_LAYOUT)
    dv.add(f"C{first}:C{first + _INPUT_ROWS - 1}")
    _input_sheet(wb, SHEET_BASIC, BASIC_LAYOUT, _INPUT_ROWS, (),
                 "一般公共预算财政拨款基本支出按部门预算支出经济分类款级科目填写；人员经费合计、公用经费合计由工具计算。",
                 year)
    three = FINAL_LAYOUTS["three_public"]
    _input_sheet(wb, SHEET_THREE, Layout("three_public", three.title, three.columns), 1, _THREE_DERIVED,
                 "白色单元格填写预算数和决算数；灰色的合计、小计由工具计算。金额单位：万元。", year)

    facts = wb.create_sheet(SHEET_FACTS)
    facts.append(["项目", "内容"])
    for i in range(1, 6):
        facts.append([f"主要职责{i}", ""])
    for _key, label in FINAL_FACT_FIELDS:
        facts.append([label, ""])
    for _key, label in ASSET_FIELDS:
        facts.append([label, ""])
    for _key, label in FINAL_REASON_FIELDS:
        facts.append([label, ""])
    facts.column_dimensions["A"].width = 44
    facts.column_dimensions["B"].width = 80
    prev = wb.create_sheet(SHEET_PREVIOUS)
    prev.append(["上年决算数（用于说明中的增减变化；可改用 --last-year 上年公开文件）", "金额"])
    for _key, label in FINAL_PREVIOUS_FIELDS:
        prev.append([label, ""])
    prev.column_dimensions["A"].width = 40
    out = Path(path)
    wb.save(str(out))
    return out


def workbook_kind(path: str | Path) -> str | None:
    """"final" or "budget" as the workbook's 基本信息 says (``None``: not a template)."""
    try:
        wb = load_workbook(str(path), read_only=True)
    except Exception:  # noqa: BLE001 - any unreadable workbook is simply not ours
        return None
    if SHEET_INFO not in wb.sheetnames:
        return None
    kv = _kv(wb[SHEET_INFO])
    label = next(lab for key, lab, _ in INFO_FIELDS if key == "kind")
    return "final" if _text(kv.get(label)) in ("决算", "final") else "budget"


def _first_row(layout: Layout) -> int:
    """The first body row of an input sheet (title, note, then the header)."""
    from cnbudget.render.layout import _header

    return 3 + _header(layout.columns)[1]


def _body(ws, first: int) -> list[tuple[int, list[Any]]]:
    out = []
    for r in range(first, ws.max_row + 1):
        values = [ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)]
        if any(v not in (None, "") for v in values):
            out.append((r, values))
    return out


def read_final_workbook(path: str | Path) -> FinalInput:
    """Read a filled-in final-account template; raises ``CnbudgetError`` on bad input."""
    from cnbudget.produce.consistency import InconsistentInput

    file = str(path)
    wb = open_workbook(file)
    problems: list[Finding] = []
    meta, meta_values = read_meta(wb, file, "final")
    year = meta.year

    lines: list[FinalLine] = []
    class_names: dict[str, str] = {}
    ws = _sheet(wb, SHEET_LINES, file)
    for r, v in _body(ws, _first_row(LINES_LAYOUT)):
        v = v + [None] * (13 - len(v))
        code = _text(v[0]).replace(" ", "")
        where = f"{SHEET_LINES}!第{r}行"
        if not code:
            continue
        amounts = [_amount(x, where, file) for x in v[3:11]]
        if code.isdigit() and len(code) in (3, 5) and all(a is None for a in amounts):
            class_names[code] = _text(v[1])
            continue
        if not (code.isdigit() and len(code) == 7):
            raise BadWorkbook(f"{where}: 科目编码应为7位项级编码 (function code must have 7 digits: {code!r})",
                              file=file)
        fund = _LABEL_FUND.get(_text(v[2]) or FUND_LABELS["general_budget"])
        if fund is None:
            raise BadWorkbook(f"{where}: 资金来源应为" + "、".join(FUND_LABELS.values()) + f" (got {_text(v[2])!r})",
                              file=file)
        z = Decimal("0.00")
        vals = dict(zip(_LINE_AMOUNTS, amounts, strict=True))
        lines.append(FinalLine(
            code=code, name=_text(v[1]) or code, fund=fund,
            **{k: vals[k] or z for k in _LINE_AMOUNTS if k != "initial_budget"},
            initial_budget=vals["initial_budget"], reason=_text(v[11]) or None))

    economic: list[EconomicLine] = []
    ws = _sheet(wb, SHEET_BASIC, file)
    for r, v in _body(ws, _first_row(BASIC_LAYOUT)):
        v = v + [None] * (3 - len(v))
        code = _text(v[0])
        amount = _amount(v[2], f"{SHEET_BASIC}!第{r}行", file)
        if code and amount is not None:
            economic.append(EconomicLine(code=code, name=_text(v[1]) or code, amount=amount))

    ws = _sheet(wb, SHEET_THREE, file)
    body = _body(ws, _first_row(FINAL_LAYOUTS["three_public"]))
    z = Decimal("0.00")
    three = ThreePublicFinal()
    if body:
        r, v = body[0]
        v = v + [None] * (12 - len(v))
        where = f"{SHEET_THREE}!第{r}行"
        parts = []
        for offset in (0, 6):
            total_, abroad, vehicle, purchase, operation, reception = (_amount(x, where, file)
                                                                       for x in v[offset:offset + 6])
            for f in (_typed_mismatch(vehicle, [purchase or z, operation or z], where, "公务用车购置及运行维护费小计"),
                      _typed_mismatch(total_, [abroad or z, purchase or z, operation or z, reception or z], where,
                                      "“三公”经费合计")):
                if f is not None:
                    problems.append(f)
            parts.append(ThreePublic(abroad=abroad or z, vehicle_purchase=purchase or z,
                                     vehicle_operation=operation or z, reception=reception or z))
        three = ThreePublicFinal(budget=parts[0], actual=parts[1])

    facts = _read_facts(wb, file)
    previous = _read_previous(wb, file, year)
    if problems:
        raise InconsistentInput(problems, file=file)
    return FinalInput(meta=meta, lines=tuple(lines), economic_lines=tuple(economic), three_public=three,
                      facts=facts, previous=previous, class_names=class_names)


def _read_facts(wb, file: str) -> FinalFacts:
    if SHEET_FACTS not in wb.sheetnames:
        return FinalFacts()
    kv = _kv(wb[SHEET_FACTS])
    duties = tuple(_text(v) for k, v in kv.items() if k.startswith("主要职责") and _text(v))
    reasons = {key: _text(kv.get(label)) for key, label in FINAL_REASON_FIELDS if _text(kv.get(label))}
    fields = {key: kv.get(label) for key, label in FINAL_FACT_FIELDS}

    def amount(key: str) -> Decimal | None:
        return _amount(fields[key], f"{SHEET_FACTS}!{dict(FINAL_FACT_FIELDS)[key]}", file)

    def count(value: Any, label: str) -> int:
        t = _text(value) or "0"
        try:
            return int(Decimal(t))
        except (InvalidOperation, ValueError) as e:
            raise BadWorkbook(f"{SHEET_FACTS}: {label} 不是数字 ({t!r})", file=file) from e

    asset_values = {key: kv.get(label) for key, label in ASSET_FIELDS}
    assets = None
    if any(_text(v) for v in asset_values.values()):
        assets = Assets(as_of=_text(asset_values["as_of"]) or None,
                        **{key: count(asset_values[key], label) for key, label in ASSET_FIELDS[1:]})
    procurement = None
    if any(_text(fields[k]) for k in ("goods", "works", "services", "sme", "small_micro")):
        z = Decimal("0.00")
        procurement = ProcurementFinal(goods=amount("goods") or z, works=amount("works") or z,
                                       services=amount("services") or z, sme=amount("sme"),
                                       small_micro=amount("small_micro"))
    vehicles = _text(fields["vehicles_fiscal"])
    return FinalFacts(
        duties=duties, organisation=_text(fields["organisation"]) or None,
        composition=_text(fields["composition"]) or None, reasons=reasons, running_costs=amount("running_costs"),
        procurement=procurement, assets=assets,
        vehicles_fiscal=count(vehicles, "公务用车保有量") if vehicles else None,
        performance_note=_text(fields["performance_note"]) or None)


def _read_previous(wb, file: str, year: int | None) -> FinalPrevious:
    values = read_previous_fields(wb, file, year, FINAL_PREVIOUS_FIELDS)
    return FinalPrevious() if values is None else FinalPrevious(**values)


def write_final_input(inp: FinalInput, path: str | Path) -> Path:
    """A final-account template filled with ``inp``'s primary figures (derived cells left blank)."""
    out = write_final_template(path, inp.meta.year)
    wb = load_workbook(str(out))
    m = inp.meta
    info_values = {"department": m.department, "region": m.region, "year": m.year, "kind": "决算",
                   "scope": "汇总" if m.scope == "consolidated" else "本级", "unit": m.unit or "万元",
                   "dept_code": "", "unit_code": "", "unit_name": m.department}
    for i, (key, _label, _ex) in enumerate(INFO_FIELDS, start=2):
        wb[SHEET_INFO].cell(row=i, column=2, value=str(info_values[key] or ""))

    def put(ws, row: int, values: list[Any]) -> None:
        for c, v in enumerate(values, start=1):
            if v is not None and v != "":
                ws.cell(row=row, column=c, value=v)

    ws = wb[SHEET_LINES]
    row = _first_row(LINES_LAYOUT)
    for code, name in sorted(inp.class_names.items()):
        if len(code) in (3, 5) and any(ln.code.startswith(code) for ln in inp.lines):
            put(ws, row, [code, name])
            row += 1
    for ln in inp.lines:
        put(ws, row, [ln.code, ln.name, FUND_LABELS[ln.fund],
                      *[getattr(ln, k) or None for k in _LINE_AMOUNTS if k != "initial_budget"],
                      ln.initial_budget, ln.reason])
        row += 1
    ws = wb[SHEET_BASIC]
    for i, e in enumerate(inp.economic_lines):
        put(ws, _first_row(BASIC_LAYOUT) + i, [e.code, e.name, e.amount])
    ws = wb[SHEET_THREE]
    values: list[Any] = []
    for t in (inp.three_public.budget, inp.three_public.actual):
        values += [None, t.abroad, None, t.vehicle_purchase, t.vehicle_operation, t.reception]
    put(ws, _first_row(FINAL_LAYOUTS["three_public"]), values)

    facts_ws = wb[SHEET_FACTS]
    labels = {facts_ws.cell(row=r, column=1).value: r for r in range(2, facts_ws.max_row + 1)}
    f = inp.facts

    def fact(label: str, value: Any) -> None:
        if value is not None and value != "":
            facts_ws.cell(row=labels[label], column=2, value=value)

    for i, duty in enumerate(f.duties[:5], start=1):
        fact(f"主要职责{i}", duty)
    p = f.procurement
    field_values = {"organisation": f.organisation, "composition": f.composition,
                    "vehicles_fiscal": f.vehicles_fiscal, "running_costs": f.running_costs,
                    "goods": p.goods if p else None, "works": p.works if p else None,
                    "services": p.services if p else None, "sme": p.sme if p else None,
                    "small_micro": p.small_micro if p else None, "performance_note": f.performance_note}
    for key, label in FINAL_FACT_FIELDS:
        fact(label, field_values[key])
    if f.assets is not None:
        for key, label in ASSET_FIELDS:
            fact(label, getattr(f.assets, key))
    for key, label in FINAL_REASON_FIELDS:
        fact(label, f.reasons.get(key))
    prev_ws = wb[SHEET_PREVIOUS]
    for i, (key, _label) in enumerate(FINAL_PREVIOUS_FIELDS, start=2):
        v = getattr(inp.previous, key)
        if v is not None:
            prev_ws.cell(row=i, column=2, value=v)
    wb.save(str(out))
    return out
