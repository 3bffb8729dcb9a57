"""Reading a filled-in input workbook: ``read_budget_workbook`` and ``read_final_workbook``.

Only primary figures are read; a derived cell someone typed anyway must agree with its parts,
or the workbook is refused (``InconsistentInput``).  Sheets are found by the layout: a budget's
input sheets are its tables that take input (by recipe); a final account's are 收入支出明细,
基本支出明细 and 三公经费 (the nine 公开表 are derived, never typed).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cnbudget.codes.catalog import ECONOMIC, FUNCTION
from cnbudget.document import Source
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
from cnbudget.produce.known_codes import unknown_code
from cnbudget.produce.layout import DocumentLayout, TableLayout, document_layout
from cnbudget.produce.money import q2
from cnbudget.produce.workbook_cells import (
    ASSET_FIELDS,
    BASIC_LAYOUT,
    FINAL_FACT_FIELDS,
    FINAL_PREVIOUS_FIELDS,
    FINAL_REASON_FIELDS,
    INFO_FIELDS,
    LABEL_FUND,
    LINE_AMOUNTS,
    LINES_LAYOUT,
    PREVIOUS_FIELDS,
    REASON_FIELDS,
    SHEET_BASIC,
    SHEET_FACTS,
    SHEET_INFO,
    SHEET_LINES,
    SHEET_THREE,
    TARGETS_LABEL,
    BadWorkbook,
    count,
    first_row,
    open_workbook,
    read_meta,
    read_previous_fields,
    sheet,
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


def _leaf_paths(layout: TableLayout) -> list[str]:
    """Each column's printed header path ("基本支出/人员经费/工资福利支出"), left to right."""
    out: list[str] = []

    def walk(cols, path: list[str]) -> None:
        for c in cols:
            if c.children:
                walk(c.children, [*path, c.label])
            else:
                out.append("/".join([*path, c.label]))

    walk(layout.columns, [])
    return out


class _Problems:
    """Every problem of a workbook, each with its sheet and row, refused together at the end."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Finding] = []

    def add(self, sheet_name: str, row: int | None, message: str, column: str | None = None, *,
            rule: str = "input.cell", expected: Decimal | None = None, actual: Decimal | None = None) -> None:
        self.items.append(Finding(rule=rule, severity="error", message=message, table=sheet_name,
                                  row=f"第{row}行" if row else None, column=column, expected=expected,
                                  actual=actual, source=Source(sheet=sheet_name, line=row)))

    def amount(self, value, sheet_name: str, row: int, column: str) -> Decimal | None:
        try:
            return _amount(value, f"{sheet_name}!第{row}行", self.file)
        except BadWorkbook:
            self.add(sheet_name, row, f"不是金额：“{_text(value)}”", column)
            return None

    def typed(self, typed: Decimal | None, parts: list[Decimal], sheet_name: str, row: int, label: str) -> None:
        """A derived cell someone typed anyway must agree with its parts."""
        if typed is None:
            return
        expected = q2(sum(parts, Decimal(0)))
        if typed != expected:
            self.add(sheet_name, row, f"填写的{label}与其组成部分之和不符", label, rule="input.typed_total",
                     expected=expected, actual=typed)

    def code(self, catalog: str, code: str, name: str, year: int | None, sheet_name: str, row: int) -> None:
        message = unknown_code(catalog, code, name, year)
        if message is not None:
            self.add(sheet_name, row, message, "科目编码", rule="input.unknown_code")

    def template_placeholders(self, meta_values: dict[str, str]) -> None:
        """基本信息 still as the template wrote it: no department, or the template's example."""
        department = meta_values.get("department") or ""
        example = next(ex for key, _label, ex in INFO_FIELDS if key == "department")
        if not department or department == example or PLACEHOLDER in department:
            self.add(SHEET_INFO, None, f"部门名称未填写（模板示例“{example}”仍在）", "部门名称",
                     rule="input.placeholder")
        if not meta_values.get("year"):
            self.add(SHEET_INFO, None, "年度未填写", "年度", rule="input.placeholder")

    def placeholders(self, facts: Facts) -> None:
        """其他事项 holding a 【请填写…】 placeholder copied from a produced document."""
        texts = [*facts.duties, facts.organisation, facts.composition, facts.performance_note,
                 *facts.reasons.values()]
        if any(t and PLACEHOLDER in t for t in texts):
            self.add(SHEET_FACTS, None, f"仍有“{PLACEHOLDER}…】”占位文字，请填写实际内容", rule="input.placeholder")

    def refuse_if_any(self) -> None:
        if self.items:
            raise InconsistentInput(self.items, file=self.file)


PLACEHOLDER = "【请填写"


# --- budgets --------------------------------------------------------------------------------


def read_budget_workbook(path: str | Path, layout: DocumentLayout) -> BudgetInput:
    """A filled-in budget template as primary figures; raises ``CnbudgetError`` on bad input.

    The sheets are the layout's tables that take input, found by their recipe: the function
    tables of one fund (``function_lines``), ``economic_classes``, ``three_public``,
    ``projects``, ``procurement``.  Every problem of every sheet is listed before refusing.
    """
    file = str(path)
    wb = open_workbook(file)
    meta, meta_values = read_meta(wb, file, "budget")
    year, department = meta.year, meta.department
    problems = _Problems(file)
    problems.template_placeholders(meta_values)
    z = Decimal("0.00")

    function_lines: list[FunctionLine] = []
    class_names: dict[str, str] = {}
    for t in _input_tables(layout, "function_lines"):
        name, fund = t.sheet or t.title, t.fund
        ws = sheet(wb, name, file)
        heads = ["科目编码", "科目名称", *[h for h, leaf in zip(_leaf_paths(t), t.leaves(), strict=True) if leaf.id]]
        # input sheet: code, name, total, basic, wages, household, goods, capital, project, operating, specific
        for r, v in _body(ws, first_row(t)):
            v = v + [None] * (11 - len(v))
            code = _text(v[0]).replace(" ", "")
            if not code:
                continue
            if code.isdigit() and len(code) in (3, 5) and all(x in (None, "") for x in v[2:11]):
                class_names[code] = _text(v[1])  # a 类/款 name row: names the subtotal rows
                continue
            if not (code.isdigit() and len(code) == 7):
                problems.add(name, r, f"科目编码应为7位项级编码：{code}", "科目编码")
                continue
            problems.code(FUNCTION, code, _text(v[1]), year, name, r)
            amounts = [problems.amount(x, name, r, heads[i + 2]) for i, x in enumerate(v[2:11])]
            total, basic, wages, household, goods, capital, project, operating, specific = amounts
            parts_basic = [x or z for x in (wages, household, goods, capital)]
            parts_project = [x or z for x in (operating, specific)]
            problems.typed(basic, parts_basic, name, r, "基本支出小计")
            problems.typed(project, parts_project, name, r, "项目支出小计")
            problems.typed(total, parts_basic + parts_project, name, r, "合计")
            function_lines.append(FunctionLine(
                code=code, name=_text(v[1]) or code, wages=parts_basic[0], household=parts_basic[1],
                goods_services=parts_basic[2], capital=parts_basic[3], project_operating=parts_project[0],
                project_specific=parts_project[1], fund=fund or "general_budget"))

    t = _input_table(layout, "economic_classes")
    name = t.sheet or t.title
    ws = sheet(wb, name, file)
    economic_lines: list[EconomicLine] = []
    for r, v in _body(ws, first_row(t)):
        v = v + [None] * (7 - len(v))
        code = _text(v[0])
        if not code:
            continue
        amount = problems.amount(v[4], name, r, "合计")
        personnel = problems.amount(v[5], name, r, "人员经费")
        public = problems.amount(v[6], name, r, "公用经费")
        if amount is None:
            continue
        problems.code(ECONOMIC, code, _text(v[1]), year, name, r)
        if personnel is not None or public is not None:
            problems.typed(amount, [personnel or z, public or z], name, r, "合计")
        economic_lines.append(EconomicLine(code=code, name=_text(v[1]) or code, amount=amount,
                                           gov_code=_text(v[2]) or None, gov_name=_text(v[3]) or None))

    t = _input_table(layout, "three_public")
    name = t.sheet or t.title
    rows = _body(sheet(wb, name, file), first_row(t))
    three = ThreePublic()
    if rows:
        r, v = rows[0]
        v = v + [None] * (6 - len(v))
        heads = _leaf_paths(t)
        total, abroad, vehicle, purchase, operation, reception = (problems.amount(x, name, r, heads[i])
                                                                  for i, x in enumerate(v[:6]))
        three = ThreePublic(abroad=abroad or z, vehicle_purchase=purchase or z, vehicle_operation=operation or z,
                            reception=reception or z)
        problems.typed(vehicle, [purchase or z, operation or z], name, r, "公务用车购置及运行费小计")
        problems.typed(total, [abroad or z, purchase or z, operation or z, reception or z], name, r,
                       "“三公”经费合计")

    unit_name = meta_values.get("unit_name") or department or ""
    fund_cols = ("general_budget", "gov_fund", "state_capital", "special_account", "other")
    projects: list[Project] = []
    t = _input_table(layout, "projects")
    name = t.sheet or t.title
    heads = _leaf_paths(t)
    for r, v in _body(sheet(wb, name, file), first_row(t)):
        v = v + [None] * (9 - len(v))
        category, pname = _text(v[0]), _text(v[1])
        if not pname:
            continue
        if category not in PROJECT_CATEGORIES:
            problems.add(name, r, f"项目类型应为“其他运转类”或“特定目标类”，填写的是“{category}”", "项目类型")
        amounts = [problems.amount(x, name, r, heads[i + 3]) for i, x in enumerate(v[3:9])]
        typed_total, by_fund = amounts[0], amounts[1:]
        problems.typed(typed_total, [x or z for x in by_fund], name, r, "合计")
        for fund, amt in zip(fund_cols, by_fund, strict=True):
            if amt:
                projects.append(Project(name=pname, category=category, amount=amt, fund=fund))

    procurement: list[ProcurementItem] = []
    t = _input_table(layout, "procurement")
    name = t.sheet or t.title
    heads = _leaf_paths(t)
    for r, v in _body(sheet(wb, name, file), first_row(t)):
        v = v + [None] * (9 - len(v))
        project, item, category = _text(v[0]), _text(v[1]), _text(v[2])
        if not (project or item):
            continue
        if category not in PROCUREMENT_CATEGORIES:
            problems.add(name, r, f"采购类别应为货物、工程或服务，填写的是“{category}”", "采购类别")
        amounts = [problems.amount(x, name, r, heads[i + 3]) for i, x in enumerate(v[3:9])]
        typed_total, by_fund = amounts[0], amounts[1:]
        problems.typed(typed_total, [x or z for x in by_fund], name, r, "合计")
        for fund, amt in zip(fund_cols, by_fund, strict=True):
            if amt:
                procurement.append(ProcurementItem(project=project, item=item, category=category, amount=amt,
                                                   fund=fund))

    if not (function_lines or economic_lines or projects or procurement or any(vars(three).values())):
        problems.add(SHEET_INFO, None, "模板尚未填写任何金额 (the template holds no figures)")
    facts = _read_budget_facts(wb, file)
    problems.placeholders(facts)
    previous = _read_previous(wb, file, year, PREVIOUS_FIELDS)
    problems.refuse_if_any()
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
    targets = _text(kv.get(TARGETS_LABEL))
    return Facts(duties=duties, composition=_text(kv.get("预算单位构成")) or None, reasons=reasons, assets=assets,
                 running_costs=running, performance_note=_text(kv.get("绩效目标说明")) or None,
                 targets_count=count(targets, TARGETS_LABEL, file) if targets else None)


# --- final accounts ---------------------------------------------------------------------------


def read_final_workbook(path: str | Path, layout: DocumentLayout | None = None) -> FinalInput:
    """A filled-in final-account template as primary figures; raises ``CnbudgetError`` on bad input.

    Every problem of every sheet is listed before refusing.
    """
    layout = layout or document_layout("final")
    file = str(path)
    wb = open_workbook(file)
    meta, meta_values = read_meta(wb, file, "final")
    year = meta.year
    problems = _Problems(file)
    problems.template_placeholders(meta_values)
    z = Decimal("0.00")

    lines: list[FinalLine] = []
    class_names: dict[str, str] = {}
    ws = sheet(wb, SHEET_LINES, file)
    heads = _leaf_paths(LINES_LAYOUT)
    for r, v in _body(ws, first_row(LINES_LAYOUT)):
        v = v + [None] * (13 - len(v))
        code = _text(v[0]).replace(" ", "")
        if not code:
            continue
        amounts = [problems.amount(x, SHEET_LINES, r, heads[i + 3]) for i, x in enumerate(v[3:11])]
        if code.isdigit() and len(code) in (3, 5) and all(a is None for a in amounts):
            class_names[code] = _text(v[1])
            continue
        if not (code.isdigit() and len(code) == 7):
            problems.add(SHEET_LINES, r, f"科目编码应为7位项级编码：{code}", "科目编码")
            continue
        problems.code(FUNCTION, code, _text(v[1]), year, SHEET_LINES, r)
        fund = LABEL_FUND.get(_text(v[2]) or FUND_LABELS["general_budget"])
        if fund is None:
            problems.add(SHEET_LINES, r, "资金来源应为" + "、".join(FUND_LABELS.values()) + f"，填写的是“{_text(v[2])}”",
                         "资金来源")
            continue
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
        amount = problems.amount(v[2], SHEET_BASIC, r, "决算数")
        if code and amount is not None:
            problems.code(ECONOMIC, code, _text(v[1]), year, SHEET_BASIC, r)
            economic.append(EconomicLine(code=code, name=_text(v[1]) or code, amount=amount))

    three_layout = _input_table(layout, "three_public_final")
    rows = _body(sheet(wb, SHEET_THREE, file), first_row(three_layout))
    three = ThreePublicFinal()
    if rows:
        r, v = rows[0]
        v = v + [None] * (12 - len(v))
        heads = _leaf_paths(three_layout)
        parts = []
        for offset in (0, 6):
            total_, abroad, vehicle, purchase, operation, reception = (
                problems.amount(x, SHEET_THREE, r, heads[offset + i]) for i, x in enumerate(v[offset:offset + 6]))
            problems.typed(vehicle, [purchase or z, operation or z], SHEET_THREE, r, "公务用车购置及运行维护费小计")
            problems.typed(total_, [abroad or z, purchase or z, operation or z, reception or z], SHEET_THREE, r,
                           "“三公”经费合计")
            parts.append(ThreePublic(abroad=abroad or z, vehicle_purchase=purchase or z,
                                     vehicle_operation=operation or z, reception=reception or z))
        three = ThreePublicFinal(budget=parts[0], actual=parts[1])

    if not (lines or economic):
        problems.add(SHEET_INFO, None, "模板尚未填写任何金额 (the template holds no figures)")
    facts = _read_final_facts(wb, file)
    problems.placeholders(facts)
    previous = _read_previous(wb, file, year, FINAL_PREVIOUS_FIELDS)
    problems.refuse_if_any()
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
