"""The input workbook: ``write_template`` makes it, ``read_workbook`` turns it into a ``BudgetInput``.

One sheet per standard table with its official header (merged cells).  Input cells (white) take
only primary figures; derived columns (合计, 小计, 人员经费/公用经费 …, grey) and the tables
that are wholly derived (收支总表, 收入表, 支出表, 财政拨款收支总表) are left to the tool.  A
derived cell someone typed anyway must agree with its parts, or the workbook is refused.
Sheets 基本信息 (meta), 其他事项 (duties, vehicles, reasons …) and 上年数 (last year's figures)
hold what the tables do not.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from cnbudget.errors import CnbudgetError
from cnbudget.model import Finding, Meta
from cnbudget.numbers import parse_amount
from cnbudget.produce.inputs import (
    PROCUREMENT_CATEGORIES,
    PROJECT_CATEGORIES,
    Assets,
    BudgetInput,
    EconomicLine,
    Facts,
    FunctionLine,
    PreviousYear,
    ProcurementItem,
    Project,
    ThreePublic,
)
from cnbudget.produce.layouts import BUDGET_LAYOUTS, Layout
from cnbudget.produce.money import q2

_THIN = Side(style="thin", color="666666")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_DERIVED = PatternFill("solid", fgColor="D9D9D9")
_HEAD = PatternFill("solid", fgColor="DDEBF7")
_INPUT_ROWS = 40  # bordered empty rows offered for input

# Sheet names (also the reader's keys).
SHEET_INFO = "基本信息"
SHEET_FACTS = "其他事项"
SHEET_PREVIOUS = "上年数"

# kind → (sheet name, fund for function sheets, derived column ids)
_FUNCTION_DERIVED = ("total", "basic", "project")
SHEETS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "summary": ("部门收支预算表", None, ()),
    "income": ("部门收入预算表", None, ()),
    "expenditure": ("部门支出预算表", None, ()),
    "fiscal_summary": ("财政拨款收支预算表", None, ()),
    "general_expenditure": ("一般公共预算支出预算表", "general_budget", _FUNCTION_DERIVED),
    "basic_expenditure": ("一般公共预算基本支出表", None, ("personnel", "public")),
    "three_public": ("三公经费预算表", None, ("total", "vehicle")),
    "gov_fund": ("政府性基金预算支出表", "gov_fund", _FUNCTION_DERIVED),
    "state_capital": ("国有资本经营预算支出表", "state_capital", _FUNCTION_DERIVED),
    "projects": ("项目支出预算表", None, ("total",)),
    "procurement": ("政府采购预算表", None, ("total",)),
}
_WHOLLY_DERIVED = ("summary", "income", "expenditure", "fiscal_summary")

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

ASSET_FIELDS: tuple[tuple[str, str], ...] = (
    ("as_of", "资产统计截止（如 2024年末）"),
    ("vehicles_general", "一般公务用车（辆）"),
    ("vehicles_enforcement", "执法执勤用车（辆）"),
    ("vehicles_special", "特种专业技术用车（辆）"),
    ("vehicles_other", "其他用车（辆）"),
    ("equipment_general", "单价50万元以上通用设备（台、套）"),
    ("equipment_special", "单价100万元以上专用设备（台、套）"),
)


class BadWorkbook(CnbudgetError):
    """The input workbook cannot be used (missing sheet, text in an amount cell …)."""


# --- template -----------------------------------------------------------------------------


def _write_header(ws, layout: Layout, top: int, derived: tuple[str, ...]) -> tuple[int, list]:
    from cnbudget.render.layout import _header  # the same merged header every renderer draws

    merges, depth, width = _header(layout.columns)
    for r in range(depth):
        for c in range(width):
            ws.cell(row=top + r, column=c + 1).border = _BORDER
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


def _input_sheet(wb: Workbook, kind: str, year: int | None) -> None:
    name, _fund, derived = SHEETS[kind]
    layout = BUDGET_LAYOUTS[kind]
    if kind in ("general_expenditure", "gov_fund", "state_capital"):
        # Input by 项: the full 7-digit code in 科目编码, no 类/款 rows (the tool adds them).
        from cnbudget.produce.layouts import C, Col

        cols: tuple[Col, ...] = (C("科目编码（7位项级）", key="code"),) + layout.columns[1:]
        layout = Layout(kind, layout.title, cols)
    ws = wb.create_sheet(name)
    ws.append([f"{year or ''}年{layout.title}"])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    if kind in _WHOLLY_DERIVED:
        ws.append(["本表由工具根据其他各表计算生成，无需填写。"])
        _write_header(ws, layout, 3, ())
        return
    ws.append(["白色单元格填写原始数据；灰色列（合计、小计等）由工具计算，无需填写。金额单位：万元。"])
    depth, leaves = _write_header(ws, layout, 3, derived)
    first = 3 + depth
    rows = 1 if kind == "three_public" else _INPUT_ROWS
    for r in range(rows):
        for c, leaf in enumerate(leaves):
            cell = ws.cell(row=first + r, column=c + 1)
            cell.border = _BORDER
            if leaf.id in derived:
                cell.fill = _DERIVED
            elif leaf.id:
                cell.number_format = "0.00"
    ws.freeze_panes = ws.cell(row=first, column=1)


def write_template(path: str | Path, kind: str = "budget", year: int | None = None) -> Path:
    """Write the input workbook for a budget disclosure (``kind="final"``: a final account's)."""
    if kind == "final":
        from cnbudget.produce.final_workbook import write_final_template

        return write_final_template(path, year)
    if kind != "budget":
        raise BadWorkbook(f"未知的模板类型 {kind!r}（budget 预算 | final 决算）")
    wb = Workbook()
    info = wb.active
    info.title = SHEET_INFO
    info.append(["项目", "内容"])
    for _key, label, example in INFO_FIELDS:
        info.append([label, str(year) if _key == "year" and year else example])
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 40
    for kind_id in SHEETS:
        _input_sheet(wb, kind_id, year)
    facts = wb.create_sheet(SHEET_FACTS)
    facts.append(["项目", "内容"])
    for i in range(1, 6):
        facts.append([f"主要职责{i}", ""])
    facts.append(["预算单位构成", ""])
    for _key, label in ASSET_FIELDS:
        facts.append([label, ""])
    facts.append(["机关运行经费（不填则取公用经费）", ""])
    for _key, label in REASON_FIELDS:
        facts.append([label, ""])
    facts.append(["绩效目标说明", ""])
    facts.column_dimensions["A"].width = 36
    facts.column_dimensions["B"].width = 80
    prev = wb.create_sheet(SHEET_PREVIOUS)
    prev.append(["上年数（用于说明中的增减变化；可改用 --last-year 上年公开文件）", "金额"])
    for _key, label in PREVIOUS_FIELDS:
        prev.append([label, ""])
    prev.column_dimensions["A"].width = 40
    out = Path(path)
    wb.save(str(out))
    return out


# --- reading ------------------------------------------------------------------------------


def _amount(value: Any, where: str, file: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise BadWorkbook(f"{where}: 不是金额 (not an amount: {value!r})", file=file)
    if isinstance(value, int | Decimal):
        return q2(Decimal(value))
    if isinstance(value, float):
        return q2(Decimal(repr(value)))
    text = str(value).strip()
    if not text:
        return None
    d = parse_amount(text)
    if d is None:
        raise BadWorkbook(f"{where}: 不是金额 (not an amount: {text!r})", file=file)
    return q2(d)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _body(ws, layout_depth: int) -> list[tuple[int, list[Any]]]:
    first = 3 + layout_depth
    out = []
    for r in range(first, ws.max_row + 1):
        values = [ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)]
        if any(v not in (None, "") for v in values):
            out.append((r, values))
    return out


def _sheet(wb, name: str, file: str):
    if name not in wb.sheetnames:
        raise BadWorkbook(f"缺少工作表“{name}” (missing sheet; start from `cnbudget template`)", file=file)
    return wb[name]


def _kv(ws) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for r in range(2, ws.max_row + 1):
        k = _text(ws.cell(row=r, column=1).value)
        if k:
            out[k] = ws.cell(row=r, column=2).value
    return out


def _typed_mismatch(typed: Decimal | None, parts: list[Decimal], where: str, label: str) -> Finding | None:
    if typed is None:
        return None
    expected = q2(sum(parts, Decimal(0)))
    if typed != expected:
        return Finding(rule="input.typed_total", severity="error",
                       message=f"{where} 填写的{label}与其组成部分之和不符", expected=expected, actual=typed)
    return None


def open_workbook(file: str):
    """The filled-in workbook (values, not formulas), or a ``BadWorkbook`` naming the file."""
    try:
        return load_workbook(file, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise BadWorkbook(f"无法打开工作簿 (cannot open workbook: {type(e).__name__})", file=file) from e


def read_meta(wb, file: str, kind: str) -> tuple[Meta, dict[str, str]]:
    """The 基本信息 sheet as ``Meta`` and as its raw fields (codes, unit name);
    ``kind`` is the document kind the workbook is for."""
    info = _kv(_sheet(wb, SHEET_INFO, file))
    labels = {label: key for key, label, _ in INFO_FIELDS}
    meta_values = {labels[k]: _text(v) for k, v in info.items() if k in labels}
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


def read_workbook(path: str | Path) -> BudgetInput:
    """Read a filled-in template into primary figures; raises ``CnbudgetError`` on bad input."""
    from cnbudget.produce.consistency import InconsistentInput
    from cnbudget.render.layout import _header

    file = str(path)
    wb = open_workbook(file)
    problems: list[Finding] = []
    meta, meta_values = read_meta(wb, file, "budget")
    year, department = meta.year, meta.department

    function_lines: list[FunctionLine] = []
    class_names: dict[str, str] = {}
    for kind in ("general_expenditure", "gov_fund", "state_capital"):
        name, fund, _derived = SHEETS[kind]
        ws = _sheet(wb, name, file)
        layout = BUDGET_LAYOUTS[kind]
        _m, depth, _w = _header(layout.columns)
        # input sheet: code, name, total, basic, wages, household, goods, capital, project, operating, specific
        for r, v in _body(ws, depth):
            v = v + [None] * (11 - len(v))
            code = _text(v[0]).replace(" ", "")
            where = f"{name}!第{r}行"
            if not code:
                continue
            if code.isdigit() and len(code) in (3, 5) and all(x in (None, "") for x in v[2:11]):
                class_names[code] = _text(v[1])  # a 类/款 name row: names the subtotal rows
                continue
            if not (code.isdigit() and len(code) == 7):
                raise BadWorkbook(f"{where}: 科目编码应为7位项级编码 (function code must have 7 digits: {code!r})",
                                  file=file)
            amounts = [_amount(x, where, file) for x in v[2:11]]
            total, basic, wages, household, goods, capital, project, operating, specific = amounts
            z = Decimal("0.00")
            parts_basic = [x or z for x in (wages, household, goods, capital)]
            parts_project = [x or z for x in (operating, specific)]
            for f in (_typed_mismatch(basic, parts_basic, where, "基本支出小计"),
                      _typed_mismatch(project, parts_project, where, "项目支出小计"),
                      _typed_mismatch(total, parts_basic + parts_project, where, "合计")):
                if f is not None:
                    problems.append(f)
            function_lines.append(FunctionLine(
                code=code, name=_text(v[1]) or code, wages=parts_basic[0], household=parts_basic[1],
                goods_services=parts_basic[2], capital=parts_basic[3], project_operating=parts_project[0],
                project_specific=parts_project[1], fund=fund or "general_budget"))

    name = SHEETS["basic_expenditure"][0]
    ws = _sheet(wb, name, file)
    _m, depth, _w = _header(BUDGET_LAYOUTS["basic_expenditure"].columns)
    economic_lines: list[EconomicLine] = []
    for r, v in _body(ws, depth):
        v = v + [None] * (7 - len(v))
        code = _text(v[0])
        where = f"{name}!第{r}行"
        if not code:
            continue
        amount = _amount(v[4], where, file)
        personnel, public = _amount(v[5], where, file), _amount(v[6], where, file)
        if amount is None:
            continue
        if personnel is not None or public is not None:
            f = _typed_mismatch(amount, [personnel or Decimal(0), public or Decimal(0)], where, "合计")
            if f is not None:
                problems.append(f)
        economic_lines.append(EconomicLine(code=code, name=_text(v[1]) or code, amount=amount,
                                           gov_code=_text(v[2]) or None, gov_name=_text(v[3]) or None))

    name = SHEETS["three_public"][0]
    ws = _sheet(wb, name, file)
    _m, depth, _w = _header(BUDGET_LAYOUTS["three_public"].columns)
    body = _body(ws, depth)
    z = Decimal("0.00")
    three = ThreePublic()
    if body:
        r, v = body[0]
        v = v + [None] * (6 - len(v))
        where = f"{name}!第{r}行"
        total, abroad, vehicle, purchase, operation, reception = (_amount(x, where, file) for x in v[:6])
        three = ThreePublic(abroad=abroad or z, vehicle_purchase=purchase or z, vehicle_operation=operation or z,
                            reception=reception or z)
        for f in (_typed_mismatch(vehicle, [purchase or z, operation or z], where, "公务用车购置及运行费小计"),
                  _typed_mismatch(total, [abroad or z, purchase or z, operation or z, reception or z], where,
                                  "“三公”经费合计")):
            if f is not None:
                problems.append(f)

    unit_name = meta_values.get("unit_name") or department or ""
    projects: list[Project] = []
    name = SHEETS["projects"][0]
    ws = _sheet(wb, name, file)
    _m, depth, _w = _header(BUDGET_LAYOUTS["projects"].columns)
    fund_cols = ("general_budget", "gov_fund", "state_capital", "special_account", "other")
    for r, v in _body(ws, depth):
        v = v + [None] * (9 - len(v))
        where = f"{name}!第{r}行"
        category, pname = _text(v[0]), _text(v[1])
        if not pname:
            continue
        if category not in PROJECT_CATEGORIES:
            raise BadWorkbook(f"{where}: 项目类型应为“其他运转类”或“特定目标类” (got {category!r})", file=file)
        amounts = [_amount(x, where, file) for x in v[3:9]]
        typed_total, by_fund = amounts[0], amounts[1:]
        f = _typed_mismatch(typed_total, [x or z for x in by_fund], where, "合计")
        if f is not None:
            problems.append(f)
        for fund, amt in zip(fund_cols, by_fund, strict=True):
            if amt:
                projects.append(Project(name=pname, category=category, amount=amt, fund=fund))

    procurement: list[ProcurementItem] = []
    name = SHEETS["procurement"][0]
    ws = _sheet(wb, name, file)
    _m, depth, _w = _header(BUDGET_LAYOUTS["procurement"].columns)
    for r, v in _body(ws, depth):
        v = v + [None] * (9 - len(v))
        where = f"{name}!第{r}行"
        project, item, category = _text(v[0]), _text(v[1]), _text(v[2])
        if not (project or item):
            continue
        if category not in PROCUREMENT_CATEGORIES:
            raise BadWorkbook(f"{where}: 采购类别应为货物、工程或服务 (got {category!r})", file=file)
        amounts = [_amount(x, where, file) for x in v[3:9]]
        typed_total, by_fund = amounts[0], amounts[1:]
        f = _typed_mismatch(typed_total, [x or z for x in by_fund], where, "合计")
        if f is not None:
            problems.append(f)
        for fund, amt in zip(fund_cols, by_fund, strict=True):
            if amt:
                procurement.append(ProcurementItem(project=project, item=item, category=category, amount=amt,
                                                   fund=fund))

    facts = _read_facts(wb, file)
    previous = _read_previous(wb, file, year)
    if problems:
        raise InconsistentInput(problems, file=file)
    return BudgetInput(
        meta=meta,
        dept_code=meta_values.get("dept_code") or "",
        unit_code=meta_values.get("unit_code") or "",
        unit_name=unit_name,
        function_lines=tuple(function_lines),
        economic_lines=tuple(economic_lines),
        projects=tuple(projects),
        procurement=tuple(procurement),
        three_public=three,
        facts=facts,
        previous=previous,
        class_names=class_names,
    )


def _read_facts(wb, file: str) -> Facts:
    if SHEET_FACTS not in wb.sheetnames:
        return Facts()
    kv = _kv(wb[SHEET_FACTS])
    duties = tuple(_text(v) for k, v in kv.items() if k.startswith("主要职责") and _text(v))
    reasons = {key: _text(kv.get(label)) for key, label in REASON_FIELDS if _text(kv.get(label))}
    asset_values = {key: kv.get(label) for key, label in ASSET_FIELDS}
    assets = None
    if any(_text(v) for v in asset_values.values()):
        counts = {}
        for key, _label in ASSET_FIELDS[1:]:
            t = _text(asset_values[key]) or "0"
            try:
                counts[key] = int(Decimal(t))
            except (InvalidOperation, ValueError) as e:
                raise BadWorkbook(f"{SHEET_FACTS}: {_label} 不是数字 ({t!r})", file=file) from e
        assets = Assets(as_of=_text(asset_values["as_of"]) or None, **counts)
    running = _amount(kv.get("机关运行经费（不填则取公用经费）"), SHEET_FACTS, file)
    return Facts(duties=duties, composition=_text(kv.get("预算单位构成")) or None, reasons=reasons, assets=assets,
                 running_costs=running, performance_note=_text(kv.get("绩效目标说明")) or None)


def read_previous_fields(wb, file: str, year: int | None, fields) -> dict[str, Any] | None:
    """The 上年数 sheet as field → value (``None`` when the workbook has no such sheet)."""
    if SHEET_PREVIOUS not in wb.sheetnames:
        return None
    kv = _kv(wb[SHEET_PREVIOUS])
    values: dict[str, Any] = {}
    for key, label in fields:
        raw = kv.get(label)
        if key == "year":
            t = _text(raw)
            values["year"] = int(t) if t.isdigit() else (year - 1 if year else None)
        else:
            values[key] = _amount(raw, f"{SHEET_PREVIOUS}!{label}", file)
    return values


def _read_previous(wb, file: str, year: int | None) -> PreviousYear:
    values = read_previous_fields(wb, file, year, PREVIOUS_FIELDS)
    return PreviousYear() if values is None else PreviousYear(**values)


def write_input(inp: BudgetInput, path: str | Path) -> Path:
    """A template filled with ``inp``'s primary figures (derived cells left blank)."""
    out = write_template(path, "budget", inp.meta.year)
    wb = load_workbook(str(out))
    m = inp.meta
    info_values = {"department": m.department, "region": m.region, "year": m.year,
                   "kind": "决算" if m.kind == "final" else "预算", "scope": "汇总" if m.scope == "consolidated" else "本级",
                   "unit": m.unit or "万元", "dept_code": inp.dept_code, "unit_code": inp.unit_code,
                   "unit_name": inp.unit_name}
    for i, (key, _label, _ex) in enumerate(INFO_FIELDS, start=2):
        wb[SHEET_INFO].cell(row=i, column=2, value=str(info_values[key] or ""))
    depth = 3
    sheets = {k: wb[SHEETS[k][0]] for k in SHEETS}
    rows = {k: 3 + depth for k in SHEETS}

    def put(kind: str, values: list[Any]) -> None:
        ws = sheets[kind]
        for c, v in enumerate(values, start=1):
            if v is not None and v != "":
                ws.cell(row=rows[kind], column=c, value=v)
        rows[kind] += 1

    for code, name in sorted(inp.class_names.items()):
        if len(code) in (3, 5) and any(ln.code.startswith(code) for ln in inp.function_lines):
            put("general_expenditure", [code, name])
    for ln in inp.function_lines:
        kind = {"general_budget": "general_expenditure", "gov_fund": "gov_fund",
                "state_capital": "state_capital"}.get(ln.fund)
        if kind is None:
            raise BadWorkbook(f"资金来源 {ln.fund} 的支出尚不能写入模板 (fund not supported by the template)")
        put(kind, [ln.code, ln.name, None, None, ln.wages or None, ln.household or None, ln.goods_services or None,
                   ln.capital or None, None, ln.project_operating or None, ln.project_specific or None])
    for e in inp.economic_lines:
        put("basic_expenditure", [e.code, e.name, e.gov_code, e.gov_name, e.amount])
    t = inp.three_public
    put("three_public", [None, t.abroad, None, t.vehicle_purchase, t.vehicle_operation, t.reception])
    fund_index = {"general_budget": 4, "gov_fund": 5, "state_capital": 6, "special_account": 7, "business": 8,
                  "other": 8}
    for p in inp.projects:
        vals: list[Any] = [p.category, p.name, inp.unit_name, None, None, None, None, None, None]
        vals[fund_index[p.fund]] = p.amount
        put("projects", vals)
    for it in inp.procurement:
        vals = [it.project, it.item, it.category, None, None, None, None, None, None]
        vals[fund_index[it.fund]] = it.amount
        put("procurement", vals)
    facts_ws = wb[SHEET_FACTS]
    labels = {facts_ws.cell(row=r, column=1).value: r for r in range(2, facts_ws.max_row + 1)}
    f = inp.facts
    for i, duty in enumerate(f.duties[:5], start=1):
        facts_ws.cell(row=labels[f"主要职责{i}"], column=2, value=duty)
    if f.composition:
        facts_ws.cell(row=labels["预算单位构成"], column=2, value=f.composition)
    if f.assets is not None:
        for key, label in ASSET_FIELDS:
            facts_ws.cell(row=labels[label], column=2, value=getattr(f.assets, key))
    if f.running_costs is not None:
        facts_ws.cell(row=labels["机关运行经费（不填则取公用经费）"], column=2, value=f.running_costs)
    for key, label in REASON_FIELDS:
        if key in f.reasons:
            facts_ws.cell(row=labels[label], column=2, value=f.reasons[key])
    if f.performance_note:
        facts_ws.cell(row=labels["绩效目标说明"], column=2, value=f.performance_note)
    prev_ws = wb[SHEET_PREVIOUS]
    for i, (key, _label) in enumerate(PREVIOUS_FIELDS, start=2):
        v = getattr(inp.previous, key)
        if v is not None:
            prev_ws.cell(row=i, column=2, value=v)
    wb.save(str(out))
    return out
