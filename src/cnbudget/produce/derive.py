"""Primary figures → a ``Disclosure``: each table of the layout computed by its recipe.

``derive_disclosure(inp)`` takes a ``BudgetInput`` or a ``FinalInput`` and the layout of its
document kind (or the one given); every table the layout lists is made by the recipe it names
(``recipes_function``, ``recipes_summary``, ``recipes_listing``).  ``validate`` lists what makes
an input unusable before anything is derived.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Disclosure, Finding, Table
from cnbudget.produce import recipes_function, recipes_listing, recipes_summary
from cnbudget.produce.inputs import FINAL_FUNDS, FISCAL_FUNDS, FUND_LABELS, SPENDING, FinalInput, Input
from cnbudget.produce.layout import BadLayout, DocumentLayout, layout_of
from cnbudget.produce.money import total
from cnbudget.produce.recipe import RECIPES, ZERO

# the recipe modules register themselves on import
_RECIPE_MODULES = (recipes_function, recipes_listing, recipes_summary)


def _family(inp: Input) -> str:
    return "final" if isinstance(inp, FinalInput) else "budget"


def input_layout(inp: Input, layout: DocumentLayout | None = None) -> DocumentLayout:
    """The layout an input is printed in: the one given (of the input's family), else its kind's."""
    layout = layout or layout_of(_family(inp))
    if layout.family != _family(inp):
        raise BadLayout(f"版式 {layout.name} 用于{layout.family}类输入，不能用于{_family(inp)}类输入 "
                        "(layout and input are of different families)")
    return layout


def derive_tables(inp: Input, layout: DocumentLayout | None = None) -> list[Table]:
    """All tables of the layout, in the order they are printed."""
    layout = input_layout(inp, layout)
    out = []
    for t in layout.tables:
        if t.recipe not in RECIPES:
            raise BadLayout(f"版式 {layout.name} 的表 {t.kind} 使用未知的计算方法 {t.recipe!r} "
                            f"(unknown recipe; known: {', '.join(sorted(RECIPES))})")
        out.append(RECIPES[t.recipe](inp, t, layout))
    return out


def derive_disclosure(inp: Input, file: str = "", layout: DocumentLayout | None = None) -> Disclosure:
    """The structured disclosure of an input (tables only; the narrative is separate)."""
    return Disclosure(file=file, meta=inp.meta, tables=tuple(derive_tables(inp, layout)), format="produced")




def validate(inp: Input) -> list[Finding]:
    """What makes an input unusable, each as an error finding (final accounts: funds, codes,
    negative 年末结转和结余, a basic table that disagrees with the 一般公共预算 basic spending)."""
    if not isinstance(inp, FinalInput):
        return []  # a budget's figures are checked as they are read (workbook) and derived
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
