"""Final-account primary figures → a ``Disclosure`` of the nine 公开表, everything derived.

Totals, 类/款 rows (sums of their 项), column sums, 本年收入/支出合计, 年末结转和结余 and the
two 总计 are computed from ``FinalLine``s; a sum of 2-decimal figures needs no rounding, so every
printed total equals the sum of its printed parts exactly.  A zero that nobody typed stays
blank (absent), the way the published forms print unused cells; the totals keep their zero.

``validate`` lists what makes an input unusable before anything is derived (an unknown fund,
a code that is not a 项, a negative 年末结转和结余, a basic table that disagrees with the
一般公共预算 basic spending).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from cnbudget.document import Source
from cnbudget.model import Column, Disclosure, Finding, Row, Table
from cnbudget.produce.derive import chinese_number, function_name
from cnbudget.produce.final_inputs import (
    FINAL_FUNDS,
    FISCAL_FUNDS,
    FUND_LABELS,
    OTHER_SOURCES,
    SPENDING,
    ZERO,
    FinalInput,
    FinalLine,
)
from cnbudget.produce.final_layouts import (
    ECONOMIC_GROUPS,
    ECONOMIC_NAMES,
    FINAL_LAYOUTS,
    FINAL_ORDER,
    PERSONNEL_CLASSES,
    SUMMARY_CLASSES,
    FinalLayout,
)
from cnbudget.produce.money import total

NO_SOURCE = Source()


def _values(pairs: Iterable[tuple[str, Decimal]], keep_zero: Iterable[str] = ()) -> dict[str, Decimal]:
    keep = set(keep_zero)
    return {k: v for k, v in pairs if v != 0 or k in keep}


def _columns(layout: FinalLayout) -> tuple[Column, ...]:
    labels = layout.labels()
    return tuple(Column(id=cid, label=labels.get(cid, cid)) for cid in layout.amount_ids())


def final_table(kind: str, year: int | None, rows: list[Row], unit: str | None = "万元") -> Table:
    """A table in its final-account layout; an empty one carries the layout's empty note."""
    layout = FINAL_LAYOUTS[kind]
    notes = list(layout.notes)
    if not any(r.values for r in rows) and layout.empty_note:
        notes.append(layout.empty_note.format(year=year or ""))
    return Table(kind=kind, title=f"{year or ''}年度{layout.title}", unit=unit or "万元",
                 columns=_columns(layout), rows=tuple(rows), source=NO_SOURCE, number=layout.number,
                 notes=tuple(notes))


# --- function-classified tables -----------------------------------------------------------


def _hierarchy(items: Mapping[str, Mapping[str, Decimal]], item_names: Mapping[str, str],
               names: Mapping[str, str], year: int | None, columns: tuple[str, ...],
               keep_zero: tuple[str, ...] = ("total",)) -> list[Row]:
    """合计, then each 类, its 款 and their 项 in code order; every row a sum of its 项."""
    codes = sorted(c for c, v in items.items() if any(v.get(col, ZERO) != 0 for col in columns))

    def sums(members: list[str]) -> dict[str, Decimal]:
        return _values(((col, total(items[m].get(col, ZERO) for m in members)) for col in columns),
                       keep_zero=keep_zero if members else ())

    rows = [Row(code=None, name="合计", values=sums(codes), source=NO_SOURCE, item="total")]
    for cls in sorted({c[:3] for c in codes}):
        rows.append(Row(code=cls, name=function_name(cls, names, year),
                        values=sums([c for c in codes if c.startswith(cls)]), source=NO_SOURCE))
        for kuan in sorted({c[:5] for c in codes if c.startswith(cls)}):
            rows.append(Row(code=kuan, name=function_name(kuan, names, year),
                            values=sums([c for c in codes if c.startswith(kuan)]), source=NO_SOURCE))
            for xiang in (c for c in codes if c.startswith(kuan)):
                rows.append(Row(code=xiang, name=names.get(xiang, item_names.get(xiang, xiang)),
                                values=sums([xiang]), source=NO_SOURCE))
    return rows


def _by_code(lines: Iterable[FinalLine], columns: Mapping[str, object]) -> dict[str, dict[str, Decimal]]:
    """项 code → column id → sum over the lines; ``columns`` maps an id to a line → amount."""
    out: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for ln in lines:
        for cid, fn in columns.items():
            out[ln.code][cid] += fn(ln)  # type: ignore[operator]
    return out


def _names(inp: FinalInput) -> dict[str, str]:
    return {ln.code: ln.name for ln in inp.lines}


def _income(inp: FinalInput) -> Table:
    cols: dict[str, object] = {
        "total": lambda ln: ln.income,
        "fiscal": lambda ln: ln.income if ln.fund in FISCAL_FUNDS else ZERO,
        **{s: (lambda ln, s=s: ln.income if ln.fund == s else ZERO) for s in OTHER_SOURCES},
    }
    rows = _hierarchy(_by_code(inp.lines, cols), _names(inp), inp.class_names, inp.meta.year, tuple(cols))
    return final_table("income", inp.meta.year, rows, inp.meta.unit)


def _spending_columns() -> dict[str, object]:
    return {"total": lambda ln: ln.spending, **{c: (lambda ln, c=c: getattr(ln, c)) for c in SPENDING}}


def _expenditure(inp: FinalInput) -> Table:
    cols = _spending_columns()
    rows = _hierarchy(_by_code(inp.lines, cols), _names(inp), inp.class_names, inp.meta.year, tuple(cols))
    return final_table("expenditure", inp.meta.year, rows, inp.meta.unit)


def _fund_table(kind: str, inp: FinalInput, fund: str) -> Table:
    lines = [ln for ln in inp.lines if ln.fund == fund]
    cols: dict[str, object] = {"total": lambda ln: ln.spending, "basic": lambda ln: ln.basic,
                               "project": lambda ln: ln.project}
    if kind == "gov_fund":
        cols = {"carryover": lambda ln: ln.carryover, "current_income": lambda ln: ln.income, **cols,
                "carryover_out": lambda ln: ln.carryover_out}
    rows = _hierarchy(_by_code(lines, cols), _names(inp), inp.class_names, inp.meta.year, tuple(cols))
    if len(rows) == 1:  # nothing of this fund: the 合计 line alone, blank
        rows = [Row(code=None, name="合计", values={}, source=NO_SOURCE, item="total")]
    return final_table(kind, inp.meta.year, rows, inp.meta.unit)


# --- the two-sided summaries ----------------------------------------------------------------


def _fund_sums(inp: FinalInput, attr: str) -> dict[str, Decimal]:
    out = {f: ZERO for f in FINAL_FUNDS}
    for ln in inp.lines:
        out[ln.fund] += getattr(ln, attr)
    return out


def _class_rows(lines: list[FinalLine], columns: Mapping[str, tuple[str, ...]], label: str) -> list[Row]:
    """The expenditure side's 类 lines (every standard class, amounts where present).

    ``columns`` maps a column id to the funds whose spending it sums.
    """
    classes = list(SUMMARY_CLASSES) + sorted({ln.code[:3] for ln in lines} - set(SUMMARY_CLASSES))
    rows = []
    for i, code in enumerate(classes, start=1):
        vals = _values((cid, total(ln.spending for ln in lines if ln.code.startswith(code) and ln.fund in funds))
                       for cid, funds in columns.items())
        name = function_name(code, {}, None)
        rows.append(Row(code=code, name=label.format(n=chinese_number(i), name=name), values=vals,
                        source=NO_SOURCE, side="expenditure", item=code))
    return rows


def _side(side: str, item: str, name: str, values: dict[str, Decimal]) -> Row:
    return Row(code=None, name=name, values=values, source=NO_SOURCE, side=side, item=item)


_SUMMARY_INCOME = (
    ("general_budget", "一、一般公共预算财政拨款收入"),
    ("gov_fund", "二、政府性基金预算财政拨款收入"),
    ("state_capital", "三、国有资本经营预算财政拨款收入"),
    ("superior_subsidy", "四、上级补助收入"),
    ("business", "五、事业收入"),
    ("operating", "六、经营收入"),
    ("affiliated", "七、附属单位上缴收入"),
    ("other", "八、其他收入"),
)


def _summary(inp: FinalInput) -> Table:
    income = _fund_sums(inp, "income")
    carry = total(_fund_sums(inp, "carryover").values())
    current = total(income.values())
    spend = total(ln.spending for ln in inp.lines)
    grand = total([current, carry])
    rows = [_side("income", item, label, _values([("total", income[item])])) for item, label in _SUMMARY_INCOME]
    rows += [
        _side("income", "current_total", "本年收入合计", {"total": current}),
        _side("income", "non_fiscal_surplus", "使用非财政拨款结余", {}),
        _side("income", "carryover", "年初结转和结余", _values([("total", carry)])),
        _side("income", "grand_total", "总计", {"total": grand}),
    ]
    rows += _class_rows(list(inp.lines), {"total": FINAL_FUNDS}, "{n}、{name}")
    rows += [
        _side("expenditure", "current_total", "本年支出合计", {"total": spend}),
        _side("expenditure", "surplus_distribution", "结余分配", {}),
        _side("expenditure", "carryover_out", "年末结转和结余", _values([("total", q(grand - spend))])),
        _side("expenditure", "grand_total", "总计", {"total": grand}),
    ]
    return final_table("summary", inp.meta.year, rows, inp.meta.unit)


def q(v: Decimal) -> Decimal:
    return total([v])


def _fiscal_summary(inp: FinalInput) -> Table:
    income = _fund_sums(inp, "income")
    carry = _fund_sums(inp, "carryover")
    fiscal = [ln for ln in inp.lines if ln.fund in FISCAL_FUNDS]
    current = total(income[f] for f in FISCAL_FUNDS)
    carry_total = total(carry[f] for f in FISCAL_FUNDS)
    grand = total([current, carry_total])
    rows = [
        _side("income", "general_budget", "一、一般公共预算财政拨款", _values([("total", income["general_budget"])])),
        _side("income", "gov_fund", "二、政府性基金预算财政拨款", _values([("total", income["gov_fund"])])),
        _side("income", "state_capital", "三、国有资本经营预算财政拨款", _values([("total", income["state_capital"])])),
        _side("income", "current_total", "本年收入合计", {"total": current}),
        _side("income", "carryover", "年初财政拨款结转和结余", _values([("total", carry_total)])),
        *(_side("income", f"carryover.{f}", FUND_LABELS[f], _values([("total", carry[f])])) for f in FISCAL_FUNDS),
        _side("income", "grand_total", "总计", {"total": grand}),
    ]
    columns = {"total": FISCAL_FUNDS, **{f: (f,) for f in FISCAL_FUNDS}}
    rows += _class_rows(fiscal, columns, "{n}、{name}")

    def by_fund(fn) -> dict[str, Decimal]:
        return {"total": total(fn(f) for f in FISCAL_FUNDS), **{f: fn(f) for f in FISCAL_FUNDS}}

    def spent(f: str) -> Decimal:
        return total(ln.spending for ln in fiscal if ln.fund == f)

    spending = by_fund(spent)
    out = by_fund(lambda f: q(income[f] + carry[f] - spent(f)))
    rows += [
        _side("expenditure", "current_total", "本年支出合计", _values(spending.items(), keep_zero=("total",))),
        _side("expenditure", "carryover_out", "年末财政拨款结转和结余", _values(out.items())),
        _side("expenditure", "grand_total", "总计",
              _values(((k, q(spending[k] + out[k])) for k in spending), keep_zero=("total",))),
    ]
    return final_table("fiscal_summary", inp.meta.year, rows, inp.meta.unit)


# --- 公开06表 and 公开09表 ----------------------------------------------------------------------


def basic_rows(amounts: Mapping[str, Decimal], names: Mapping[str, str]) -> list[Row]:
    """Every standard economic item of the three column groups (blank where unused), each class
    the sum of its items, then 人员经费合计 and 公用经费合计."""
    codes = set(ECONOMIC_NAMES) | set(amounts)
    rows: list[Row] = []
    for group in ECONOMIC_GROUPS:
        for cls in group:
            items = sorted(c for c in codes if len(c) > 3 and c[:3] == cls)
            rows.append(Row(code=cls, name=names.get(cls) or ECONOMIC_NAMES.get(cls, cls),
                            values=_values([("total", total(amounts.get(c, ZERO) for c in items))]),
                            source=NO_SOURCE))
            for c in items:
                rows.append(Row(code=c, name=names.get(c) or ECONOMIC_NAMES.get(c, c),
                                values=_values([("total", total([amounts.get(c, ZERO)]))]), source=NO_SOURCE))
    extra = sorted(c for c in amounts if all(c[:3] not in g for g in ECONOMIC_GROUPS))
    for c in extra:  # a class the standard form lacks: printed in the third group
        rows.append(Row(code=c, name=names.get(c, c), values=_values([("total", amounts[c])]), source=NO_SOURCE))
    personnel = total(v for c, v in amounts.items() if c[:3] in PERSONNEL_CLASSES)
    public = total(v for c, v in amounts.items() if c[:3] not in PERSONNEL_CLASSES)
    rows.append(Row(code=None, name="人员经费合计", values={"total": personnel}, source=NO_SOURCE,
                    item="personnel_total"))
    rows.append(Row(code=None, name="公用经费合计", values={"total": public}, source=NO_SOURCE,
                    item="public_total"))
    return rows


def _basic(inp: FinalInput) -> Table:
    amounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    names: dict[str, str] = {}
    for e in inp.economic_lines:
        amounts[e.code] += e.amount
        names[e.code] = e.name
    return final_table("basic_expenditure", inp.meta.year, basic_rows(dict(amounts), names), inp.meta.unit)


def three_public_values(prefix: str, t) -> dict[str, Decimal]:
    vehicle = total([t.vehicle_purchase, t.vehicle_operation])
    return {
        f"{prefix}.total": total([t.abroad, vehicle, t.reception]),
        f"{prefix}.abroad": total([t.abroad]),
        f"{prefix}.vehicle": vehicle,
        f"{prefix}.vehicle_purchase": total([t.vehicle_purchase]),
        f"{prefix}.vehicle_operation": total([t.vehicle_operation]),
        f"{prefix}.reception": total([t.reception]),
    }


def _three_public(inp: FinalInput) -> Table:
    t = inp.three_public
    vals = {**three_public_values("budget", t.budget), **three_public_values("actual", t.actual)}
    rows = [Row(code=None, name="“三公”经费", values=vals, source=NO_SOURCE, item="total")]
    return final_table("three_public", inp.meta.year, rows, inp.meta.unit)


# --- the whole --------------------------------------------------------------------------------


def validate(inp: FinalInput) -> list[Finding]:
    """What makes a final-account input unusable, each as an error finding."""
    out: list[Finding] = []

    def bad(message: str, table: str | None = None, row: str | None = None, column: str | None = None,
            expected: Decimal | None = None, actual: Decimal | None = None) -> None:
        out.append(Finding(rule="input.final", severity="error", message=message, table=table, row=row,
                           column=column, expected=expected, actual=actual))

    for ln in inp.lines:
        if ln.fund not in FINAL_FUNDS:
            bad(f"{ln.code} 的资金来源“{ln.fund}”无法识别", "lines", ln.code, "fund")
        if not (ln.code.isdigit() and len(ln.code) == 7):
            bad(f"科目编码应为7位项级编码：{ln.code}", "lines", ln.code, "code")
        if ln.fund in FISCAL_FUNDS and (ln.remit_superior or ln.operating_expense or ln.affiliate_subsidy):
            bad(f"{ln.code} 财政拨款只能列基本支出或项目支出", "lines", ln.code, "fund")
        for c in ("carryover", "income", *SPENDING):
            if getattr(ln, c) < 0:
                bad(f"{ln.code} 的金额不能为负数", "lines", ln.code, c, actual=getattr(ln, c))
        if ln.fund == "gov_fund" and ln.carryover_out < 0:
            bad(f"{ln.code} 政府性基金年末结转和结余为负（年初结转＋本年收入＜本年支出）", "gov_fund", ln.code,
                "carryover_out", expected=ZERO, actual=ln.carryover_out)
    for f in FINAL_FUNDS:
        members = [ln for ln in inp.lines if ln.fund == f]
        left = total(ln.carryover_out for ln in members)
        if members and left < 0:
            bad(f"{FUND_LABELS[f]}的年末结转和结余为负：本年支出超过年初结转与本年收入之和", "fiscal_summary",
                f, "carryover_out", expected=ZERO, actual=left)
    basic = total(ln.basic for ln in inp.lines if ln.fund == "general_budget")
    econ = total(e.amount for e in inp.economic_lines)
    if basic != econ:
        bad("基本支出明细（经济分类）之和与一般公共预算财政拨款基本支出不一致", "basic_expenditure", "total",
            "total", expected=basic, actual=econ)
    for e in inp.economic_lines:
        if not (e.code.isdigit() and len(e.code) == 5 and e.code[0] == "3"):
            bad(f"经济分类科目编码应为5位款级编码：{e.code}", "basic_expenditure", e.code, "code")
    return out


def derive_final_tables(inp: FinalInput) -> list[Table]:
    """The nine final-account tables, in the order they are printed."""
    builders = {
        "summary": lambda: _summary(inp),
        "income": lambda: _income(inp),
        "expenditure": lambda: _expenditure(inp),
        "fiscal_summary": lambda: _fiscal_summary(inp),
        "general_expenditure": lambda: _fund_table("general_expenditure", inp, "general_budget"),
        "basic_expenditure": lambda: _basic(inp),
        "gov_fund": lambda: _fund_table("gov_fund", inp, "gov_fund"),
        "state_capital": lambda: _fund_table("state_capital", inp, "state_capital"),
        "three_public": lambda: _three_public(inp),
    }
    return [builders[k]() for k in FINAL_ORDER]


def derive_final_disclosure(inp: FinalInput, file: str = "") -> Disclosure:
    """The structured final-account disclosure of an input (tables only; the narrative is separate)."""
    return Disclosure(file=file, meta=inp.meta, tables=tuple(derive_final_tables(inp)), format="produced")
