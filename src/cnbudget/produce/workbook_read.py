"""Reading a filled-in input workbook: ``read_budget_workbook`` and ``read_final_workbook``.

Only primary figures are read; a derived cell someone typed anyway must agree with its parts,
or the workbook is refused (``InconsistentInput``).  Sheets are found by the layout: a budget's
input sheets are its tables that take input (by recipe); a final account's are 收入支出明细,
基本支出明细 and 三公经费 (the nine 公开表 are derived, never typed).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cnbudget.model import Finding
from cnbudget.produce.consistency import InconsistentInput
from cnbudget.produce.inputs import (
    FUND_LABELS,
    PROCUREMENT_CATEGORIES,
    PROJECT_CATEGORIES,
    Assets,
    BudgetInput,
    EconomicLine,
    Facts,
    FinalInput,
    FinalLine,
    FunctionLine,
    Previous,
    ProcurementFinal,
    ProcurementItem,
    Project,
    ThreePublic,
    ThreePublicFinal,
)
from cnbudget.produce.layout import DocumentLayout, TableLayout, document_layout
from cnbudget.produce.workbook_cells import (
    ASSET_FIELDS,
    BASIC_LAYOUT,
    FINAL_FACT_FIELDS,
    FINAL_PREVIOUS_FIELDS,
    FINAL_REASON_FIELDS,
    LABEL_FUND,
    LINE_AMOUNTS,
    LINES_LAYOUT,
    PREVIOUS_FIELDS,
    REASON_FIELDS,
    SHEET_BASIC,
    SHEET_FACTS,
    SHEET_LINES,
    SHEET_THREE,
    BadWorkbook,
    count,
    first_row,
    open_workbook,
    read_meta,
    read_previous_fields,
    sheet,
    typed_mismatch,
)
from cnbudget.produce.workbook_cells import (
    amount as _amount,
)
from cnbudget.produce.workbook_cells import (
    body as _body,
)
from cnbudget.produce.workbook_cells import (
    kv as _kv,
)
from cnbudget.produce.workbook_cells import (
    text as _text,
)


def _input_tables(layout: DocumentLayout, recipe: str) -> list[TableLayout]:
    """The layout's tables made by ``recipe`` that take input (not computed whole)."""
    return [t for t in layout.tables if t.recipe == recipe and "*" not in t.derived]


def _input_table(layout: DocumentLayout, recipe: str) -> TableLayout:
    found = _input_tables(layout, recipe)
    if not found:
        raise BadWorkbook(f"版式 {layout.name} 没有可填写的{recipe}表 (layout has no such input table)")
    return found[0]


def _read_previous(wb, file: str, year: int | None, fields) -> Previous:
    values = read_previous_fields(wb, file, year, fields)
    return Previous() if values is None else Previous(**values)


# --- budgets --------------------------------------------------------------------------------


def read_budget_workbook(path: str | Path, layout: DocumentLayout) -> BudgetInput:
    """A filled-in budget template as primary figures; raises ``CnbudgetError`` on bad input.

    The sheets are the layout's tables that take input, found by their recipe: the function
    tables of one fund (``function_lines``), ``economic_classes``, ``three_public``,
    ``projects``, ``procurement``.
    """
    file = str(path)
    wb = open_workbook(file)
    problems: list[Finding] = []
    meta, meta_values = read_meta(wb, file, "budget")
    year, department = meta.year, meta.department

    function_lines: list[FunctionLine] = []
    class_names: dict[str, str] = {}
    for t in _input_tables(layout, "function_lines"):
        name, fund = t.sheet or t.title, t.fund
        ws = sheet(wb, name, file)
        # input sheet: code, name, total, basic, wages, household, goods, capital, project, operating, specific
        for r, v in _body(ws, first_row(t)):
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
            for f in (typed_mismatch(basic, parts_basic, where, "基本支出小计"),
                      typed_mismatch(project, parts_project, where, "项目支出小计"),
                      typed_mismatch(total, parts_basic + parts_project, where, "合计")):
                if f is not None:
                    problems.append(f)
            function_lines.append(FunctionLine(
                code=code, name=_text(v[1]) or code, wages=parts_basic[0], household=parts_basic[1],
                goods_services=parts_basic[2], capital=parts_basic[3], project_operating=parts_project[0],
                project_specific=parts_project[1], fund=fund or "general_budget"))

    t = _input_table(layout, "economic_classes")
    name = t.sheet or t.title
    ws = sheet(wb, name, file)
    first = first_row(t)
    economic_lines: list[EconomicLine] = []
    for r, v in _body(ws, first):
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
            f = typed_mismatch(amount, [personnel or Decimal(0), public or Decimal(0)], where, "合计")
            if f is not None:
                problems.append(f)
        economic_lines.append(EconomicLine(code=code, name=_text(v[1]) or code, amount=amount,
                                           gov_code=_text(v[2]) or None, gov_name=_text(v[3]) or None))

    t = _input_table(layout, "three_public")
    name = t.sheet or t.title
    ws = sheet(wb, name, file)
    first = first_row(t)
    body = _body(ws, first)
    z = Decimal("0.00")
    three = ThreePublic()
    if body:
        r, v = body[0]
        v = v + [None] * (6 - len(v))
        where = f"{name}!第{r}行"
        total, abroad, vehicle, purchase, operation, reception = (_amount(x, where, file) for x in v[:6])
        three = ThreePublic(abroad=abroad or z, vehicle_purchase=purchase or z, vehicle_operation=operation or z,
                            reception=reception or z)
        for f in (typed_mismatch(vehicle, [purchase or z, operation or z], where, "公务用车购置及运行费小计"),
                  typed_mismatch(total, [abroad or z, purchase or z, operation or z, reception or z], where,
                                  "“三公”经费合计")):
            if f is not None:
                problems.append(f)

    unit_name = meta_values.get("unit_name") or department or ""
    projects: list[Project] = []
    t = _input_table(layout, "projects")
    name = t.sheet or t.title
    ws = sheet(wb, name, file)
    first = first_row(t)
    fund_cols = ("general_budget", "gov_fund", "state_capital", "special_account", "other")
    for r, v in _body(ws, first):
        v = v + [None] * (9 - len(v))
        where = f"{name}!第{r}行"
        category, pname = _text(v[0]), _text(v[1])
        if not pname:
            continue
        if category not in PROJECT_CATEGORIES:
            raise BadWorkbook(f"{where}: 项目类型应为“其他运转类”或“特定目标类” (got {category!r})", file=file)
        amounts = [_amount(x, where, file) for x in v[3:9]]
        typed_total, by_fund = amounts[0], amounts[1:]
        f = typed_mismatch(typed_total, [x or z for x in by_fund], where, "合计")
        if f is not None:
            problems.append(f)
        for fund, amt in zip(fund_cols, by_fund, strict=True):
            if amt:
                projects.append(Project(name=pname, category=category, amount=amt, fund=fund))

    procurement: list[ProcurementItem] = []
    t = _input_table(layout, "procurement")
    name = t.sheet or t.title
    ws = sheet(wb, name, file)
    first = first_row(t)
    for r, v in _body(ws, first):
        v = v + [None] * (9 - len(v))
        where = f"{name}!第{r}行"
        project, item, category = _text(v[0]), _text(v[1]), _text(v[2])
        if not (project or item):
            continue
        if category not in PROCUREMENT_CATEGORIES:
            raise BadWorkbook(f"{where}: 采购类别应为货物、工程或服务 (got {category!r})", file=file)
        amounts = [_amount(x, where, file) for x in v[3:9]]
        typed_total, by_fund = amounts[0], amounts[1:]
        f = typed_mismatch(typed_total, [x or z for x in by_fund], where, "合计")
        if f is not None:
            problems.append(f)
        for fund, amt in zip(fund_cols, by_fund, strict=True):
            if amt:
                procurement.append(ProcurementItem(project=project, item=item, category=category, amount=amt,
                                                   fund=fund))

    facts = _read_budget_facts(wb, file)
    previous = _read_previous(wb, file, year, PREVIOUS_FIELDS)
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


def _read_budget_facts(wb, file: str) -> Facts:
    if SHEET_FACTS not in wb.sheetnames:
        return Facts()
    kv = _kv(wb[SHEET_FACTS])
    duties = tuple(_text(v) for k, v in kv.items() if k.startswith("主要职责") and _text(v))
    reasons = {key: _text(kv.get(label)) for key, label in REASON_FIELDS if _text(kv.get(label))}
    asset_values = {key: kv.get(label) for key, label in ASSET_FIELDS}
    assets = None
    if any(_text(v) for v in asset_values.values()):
        counts = {key: count(asset_values[key], label, file) for key, label in ASSET_FIELDS[1:]}
        assets = Assets(as_of=_text(asset_values["as_of"]) or None, **counts)
    running = _amount(kv.get("机关运行经费（不填则取公用经费）"), SHEET_FACTS, file)
    return Facts(duties=duties, composition=_text(kv.get("预算单位构成")) or None, reasons=reasons, assets=assets,
                 running_costs=running, performance_note=_text(kv.get("绩效目标说明")) or None)


# --- final accounts ---------------------------------------------------------------------------


def read_final_workbook(path: str | Path, layout: DocumentLayout | None = None) -> FinalInput:
    """A filled-in final-account template as primary figures; raises ``CnbudgetError`` on bad input."""
    layout = layout or document_layout("final")
    file = str(path)
    wb = open_workbook(file)
    problems: list[Finding] = []
    meta, meta_values = read_meta(wb, file, "final")
    year = meta.year

    lines: list[FinalLine] = []
    class_names: dict[str, str] = {}
    ws = sheet(wb, SHEET_LINES, file)
    for r, v in _body(ws, first_row(LINES_LAYOUT)):
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
        fund = LABEL_FUND.get(_text(v[2]) or FUND_LABELS["general_budget"])
        if fund is None:
            raise BadWorkbook(f"{where}: 资金来源应为" + "、".join(FUND_LABELS.values()) + f" (got {_text(v[2])!r})",
                              file=file)
        z = Decimal("0.00")
        vals = dict(zip(LINE_AMOUNTS, amounts, strict=True))
        lines.append(FinalLine(
            code=code, name=_text(v[1]) or code, fund=fund,
            **{k: vals[k] or z for k in LINE_AMOUNTS if k != "initial_budget"},
            initial_budget=vals["initial_budget"], reason=_text(v[11]) or None))

    economic: list[EconomicLine] = []
    ws = sheet(wb, SHEET_BASIC, file)
    for r, v in _body(ws, first_row(BASIC_LAYOUT)):
        v = v + [None] * (3 - len(v))
        code = _text(v[0])
        amount = _amount(v[2], f"{SHEET_BASIC}!第{r}行", file)
        if code and amount is not None:
            economic.append(EconomicLine(code=code, name=_text(v[1]) or code, amount=amount))

    ws = sheet(wb, SHEET_THREE, file)
    rows = _body(ws, first_row(_input_table(layout, "three_public_final")))
    z = Decimal("0.00")
    three = ThreePublicFinal()
    if rows:
        r, v = rows[0]
        v = v + [None] * (12 - len(v))
        where = f"{SHEET_THREE}!第{r}行"
        parts = []
        for offset in (0, 6):
            total_, abroad, vehicle, purchase, operation, reception = (_amount(x, where, file)
                                                                       for x in v[offset:offset + 6])
            for f in (typed_mismatch(vehicle, [purchase or z, operation or z], where, "公务用车购置及运行维护费小计"),
                      typed_mismatch(total_, [abroad or z, purchase or z, operation or z, reception or z], where,
                                      "“三公”经费合计")):
                if f is not None:
                    problems.append(f)
            parts.append(ThreePublic(abroad=abroad or z, vehicle_purchase=purchase or z,
                                     vehicle_operation=operation or z, reception=reception or z))
        three = ThreePublicFinal(budget=parts[0], actual=parts[1])

    facts = _read_final_facts(wb, file)
    previous = _read_previous(wb, file, year, FINAL_PREVIOUS_FIELDS)
    if problems:
        raise InconsistentInput(problems, file=file)
    return FinalInput(meta=meta, lines=tuple(lines), economic_lines=tuple(economic), three_public=three,
                      facts=facts, previous=previous, class_names=class_names)


def _read_final_facts(wb, file: str) -> Facts:
    if SHEET_FACTS not in wb.sheetnames:
        return Facts()
    kv = _kv(wb[SHEET_FACTS])
    duties = tuple(_text(v) for k, v in kv.items() if k.startswith("主要职责") and _text(v))
    reasons = {key: _text(kv.get(label)) for key, label in FINAL_REASON_FIELDS if _text(kv.get(label))}
    fields = {key: kv.get(label) for key, label in FINAL_FACT_FIELDS}

    def typed(key: str) -> Decimal | None:
        return _amount(fields[key], f"{SHEET_FACTS}!{dict(FINAL_FACT_FIELDS)[key]}", file)

    asset_values = {key: kv.get(label) for key, label in ASSET_FIELDS}
    assets = None
    if any(_text(v) for v in asset_values.values()):
        assets = Assets(as_of=_text(asset_values["as_of"]) or None,
                        **{key: count(asset_values[key], label, file) for key, label in ASSET_FIELDS[1:]})
    procurement = None
    if any(_text(fields[k]) for k in ("goods", "works", "services", "sme", "small_micro")):
        z = Decimal("0.00")
        procurement = ProcurementFinal(goods=typed("goods") or z, works=typed("works") or z,
                                       services=typed("services") or z, sme=typed("sme"),
                                       small_micro=typed("small_micro"))
    vehicles = _text(fields["vehicles_fiscal"])
    return Facts(
        duties=duties, organisation=_text(fields["organisation"]) or None,
        composition=_text(fields["composition"]) or None, reasons=reasons, running_costs=typed("running_costs"),
        procurement=procurement, assets=assets,
        vehicles_fiscal=count(vehicles, "公务用车保有量", file) if vehicles else None,
        performance_note=_text(fields["performance_note"]) or None)
