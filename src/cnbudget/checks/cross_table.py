"""Rules across tables: each figure two tables both publish, aware of what each table covers.

Scope: ``summary``/``income``/``expenditure``/``economic_summary``/``projects`` cover all funds;
``fiscal_summary``/``general_expenditure``/``basic_expenditure``/``three_public`` cover 财政拨款
only (``general_expenditure`` and ``basic_expenditure`` only 一般公共预算).  So figures of the
same scope are equalities, and a 财政拨款 figure against an all-funds one is an inequality whose
gap must be explained by the other funds (上年结转, 上级转移支付, 事业收入, 其他收入 …).

    cross.summary_vs_income                      收支总表收入方 = 收入表合计行
    cross.summary_vs_expenditure                 收支总表支出方各类 = 支出表各类
    cross.fiscal_summary_vs_general_expenditure  财政拨款收支总表(一般公共预算列) = 一般公共预算支出表
    cross.fiscal_summary_vs_summary              财政拨款收支总表收入 ⊂ 收支总表收入
    cross.general_expenditure_vs_expenditure     一般公共预算支出表 ≤ 支出表 (逐行), 差额由非一般公共预算资金解释
    cross.basic_vs_general_expenditure           基本支出表 = 一般公共预算支出表的基本支出 (人员/公用)
    cross.projects_vs_expenditure                项目支出表合计 = 支出表项目支出
    cross.economic_summary_vs_expenditure        支出经济分类汇总表 = 支出表合计；各经济科目 ≥ 基本支出表
    cross.carryover_vs_summary                   上年结转资金表 = 收支总表上年结转
    cross.performance_vs_expenditure             绩效表预算总额/基本/项目 = 支出表
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal

from cnbudget.checks.common import could_not_verify, economic_totals
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.summary_sides import below_total
from cnbudget.checks.values import (
    EXACT_ZERO,
    class_totals,
    data_rows,
    exceeds_tester,
    fmt,
    fmt_iv,
    general_budget_column,
    in_table_unit,
    iv,
    iv_sum,
    last_place,
    rounding_tail,
    row_key,
    row_label,
    siblings_carry_tail,
    table_label,
)
from cnbudget.checks.within_table import column_identities
from cnbudget.model import Disclosure, Finding, Row, Table
from cnbudget.numbers import Interval, parse_amount
from cnbudget.tables.columns import INCOME_SOURCES

SOURCE_ITEMS = tuple(i for i in INCOME_SOURCES if i != "unit_funds")


def _v(row: Row | None, col: str) -> Decimal | None:
    return None if row is None else row.values.get(col)


def _eq(
    ctx: Context,
    rule_id: str,
    a: Table,
    a_row: Row | None,
    a_what: str,
    a_val: Decimal | None,
    b: Table,
    b_row: Row | None,
    b_what: str,
    b_iv: Interval | None,
    *,
    b_shown: Decimal | None = None,
    alts: Sequence[tuple[Interval, str]] = (),
    row: str | None = None,
    column: str | None = None,
    severity: str | None = None,
) -> Iterator[Finding]:
    """Same figure printed by two tables of the same scope (``alts``: other legitimate readings)."""
    if a_val is None and b_iv is None:
        return
    ctx.checked()
    ai = iv(a, a_val)
    bi = b_iv if b_iv is not None else EXACT_ZERO
    if ai.meets(bi) or any(ai.meets(alt) for alt, _ in alts):
        return
    b_text = fmt(b_shown) if b_shown is not None or b_iv is None else fmt_iv(bi)
    one_unit = a_val is not None and b_shown is not None and abs(a_val - b_shown) == last_place(a_val, b_shown)
    spread = one_unit and any(
        r is not None and siblings_carry_tail(t, r, next((k for k, x in r.values.items() if x == v), ""))
        for t, r, v in ((a, a_row, a_val), (b, b_row, b_shown)))
    columns = _columns_tail(a, a_row, a_val, b_shown) or _columns_tail(b, b_row, b_shown, a_val)
    if rounding_tail(a, a_row, a_val, b_shown) or rounding_tail(b, b_row, b_shown, a_val) or spread or columns:
        # one table prints the exact sum of its own rounded parts, the other the rounding of the
        # same figure: 尾差, said once as info, never an error
        yield finding(
            rule_id,
            f"{table_label(a)}{a_what}为 {fmt(a_val)}，{table_label(b)}{b_what}为 {b_text}，差额为四舍五入尾差"
            f"（{'一表的同级各项与其合计之间本有尾差' if spread else '其中一表为其各项印刷数之和'}） — "
            f"{a.kind} and {b.kind} differ by a rounding tail",
            severity="info",
            table=a.kind,
            row=row or (row_key(a_row) if a_row is not None else None),
            column=column,
            expected=b_shown,
            actual=a_val,
            source=(a_row.source if a_row is not None else a.source),
        )
        return
    yield finding(
        rule_id,
        f"{table_label(a)}{a_what}为 {fmt(a_val)}，{table_label(b)}{b_what}为 {b_text}，两表应一致 — "
        f"{a.kind} and {b.kind} disagree",
        severity=severity,
        table=a.kind,
        row=row or (row_key(a_row) if a_row is not None else None),
        column=column,
        expected=None if b_iv is None else (b_shown if b_shown is not None else bi.mid.quantize(Decimal("0.01"))),
        actual=a_val,
        source=(a_row.source if a_row is not None else a.source),
    )


def _columns_tail(t: Table, row: Row | None, value: Decimal | None, other: Decimal | None) -> bool:
    """尾差 across columns: ``value`` is printed in a column that ``t``'s own identities make the sum
    of other columns of the row (基本支出 = 人员经费 + 公用经费), one of the two figures is the exact
    sum of those printed parts, and they differ by no more than the parts' rounding."""
    if row is None or value is None or other is None or value == other:
        return False
    col = next((c for c, v in row.values.items() if v == value), None)
    for _name, left, right in column_identities(t):
        parts = [row.values[c] for c in right if row.values.get(c) is not None]
        if left != [col] or len(parts) < 2:
            continue
        exact = sum(parts, Decimal(0))
        if exact in (value, other) and abs(value - other) <= last_place(value, other) * (len(parts) + 1) / 2:
            return True
    return False


def _carry_group(t: Table, row: Row | None) -> tuple[Interval | None, Decimal | None]:
    if row is None:
        return None, None
    for c in ("carryover", "carryover.total"):
        if c in row.values:
            return iv(t, row.values[c]), row.values[c]
    parts = [v for c, v in row.values.items() if c.startswith("carryover.")]
    if parts:
        return iv_sum(t, parts), None
    return None, None


# --------------------------------------------------------------------------- summary vs income


@rule(
    "cross.summary_vs_income",
    severity="error",
    kinds=("summary",),
    description="收支总表收入方与收入表合计行一致 — the summary's income side agrees with the income table",
)
def summary_vs_income(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    s, i = doc.table("summary"), doc.table("income")
    if s is None or i is None or i.total_row() is None:
        return
    it = i.total_row()
    assert it is not None
    cur = s.row_by_item("income", "current_total")
    gt = s.row_by_item("income", "grand_total")
    if "current_total" in it.values and cur is not None:
        yield from _eq(ctx, "cross.summary_vs_income", s, cur, "本年收入合计", _v(cur, "total"), i, it, "本年收入合计",
                       iv(i, it.values["current_total"]), b_shown=it.values["current_total"], column="total")
    if "total" in it.values and (cur is not None or gt is not None):
        target = gt if "current_total" in it.values or cur is None else cur
        alts = [(iv(s, _v(r, "total")), "") for r in (cur, gt) if r is not None and r is not target]
        # the income table's 合计 may include the 上年结转 that the summary prints on its own
        # line: the gap is then exactly that carryover (a difference of scope, not an error)
        whole = iv(i, it.values["total"])
        carried = _carried_in(s)
        carry_row = s.row_by_item("income", "carryover")
        if target is cur and _v(carry_row, "total") is not None:
            alts.append((whole - iv(s, _v(carry_row, "total")), "不含上年结转"))
        if target is cur and carried:
            # 上年结转 and the other carried-in lines (上年实户资金余额 …) printed apart: all of them
            alts.append((whole - iv_sum(s, [_v(r, "total") for r in carried]), "不含上年结转等"))
        ci_total, _shown = _carry_group(i, it)
        if target is cur and ci_total is not None:
            alts.append((whole - ci_total, "不含上年结转"))
        below = below_total(s, cur) if cur is not None else []
        if target is cur and below:
            # income lines printed under 本年收入合计 (上级补助收入 in 烟台's layout) are in the
            # income table's 合计
            alts.append((whole - iv_sum(s, [_v(r, "total") for r in below]), "不含本年收入合计以下各项"))
        yield from _eq(ctx, "cross.summary_vs_income", s, target, f"“{row_label(target)}”", _v(target, "total"), i, it,
                       "合计", iv(i, it.values["total"]), b_shown=it.values["total"], alts=alts, column="total")
    for item in SOURCE_ITEMS:
        srow = s.row_by_item("income", item)
        if srow is None or item not in {c.id for c in i.columns}:
            continue
        ival = it.values.get(item)
        alts = []
        cv = it.values.get(f"carryover.{item}")
        if cv is not None:
            alts.append((iv(i, ival) + iv(i, cv), "含上年结转"))
        yield from _eq(ctx, "cross.summary_vs_income", s, srow, f"“{row_label(srow)}”", _v(srow, "total"), i, it,
                       f"“{item}”列合计", None if ival is None else iv(i, ival), b_shown=ival, alts=alts, column="total")
    carry = s.row_by_item("income", "carryover")
    ci, cshown = _carry_group(i, it)
    if carry is not None and ci is not None:
        yield from _eq(ctx, "cross.summary_vs_income", s, carry, "上年结转", _v(carry, "total"), i, it, "上年结转合计",
                       ci, b_shown=cshown, column="total")


# --------------------------------------------------------------------------- class comparisons


def _class_compare(
    ctx: Context, rule_id: str, a: Table, a_col: str, b: Table, b_col: str, side: str = "expenditure",
    also: Sequence[Table] = (), carried: Sequence[Row] = (),
) -> Iterator[Finding]:
    """Each function class of ``a`` against ``b`` (plus the tables ``also``, whose classes add in).
    ``carried``: ``a``'s own lines of money carried in from last year (上年结转 …), which ``a``'s
    classes may spend while ``b`` covers this year's money only."""
    b_classes = class_totals(b, b_col)
    for t in also:
        for code, (vals, row) in class_totals(t, b_col).items():
            mine, first = b_classes.get(code, ([], row))
            b_classes[code] = ([*mine, *vals], first)
    a_rows = [r for r in a.rows if r.side == side and r.code and len(r.code) == 3]
    if a_rows and not b_classes:
        # the other table is not listed by function class (one line of totals, by unit …)
        yield could_not_verify(ctx, f"{table_label(a)}各类支出", f"{table_label(b)}未按功能分类列示", b)
        return
    grouped: dict[str, list[Row]] = {}
    for r in a_rows:
        grouped.setdefault(r.code or "", []).append(r)
    a_codes = set(grouped)
    missing = {c: vals for c, (vals, _r) in b_classes.items()
               if c not in a_codes and not all(v is None or v == 0 for v in vals)}
    template = _template_other(ctx, rule_id, a, grouped.get(OTHER_CLASS, []), a_col, b, b_classes, missing)
    if template is not None:
        yield template
        grouped.pop(OTHER_CLASS)
        missing = {}
    explained = _carried_scope(ctx, rule_id, a, grouped, a_col, b, b_classes, carried)
    if explained is not None:
        yield explained
        return
    for code, rows in grouped.items():
        # a class may be printed on several lines (an old and a new name): add them up
        present = [v for v in (r.values.get(a_col) for r in rows) if v is not None]
        shown_row = next((r for r in rows if r.values.get(a_col) is not None), rows[0])
        vals, brow = b_classes.get(code, ([], None))
        bi = iv_sum(b, vals) if vals else None
        shown = vals[0] if len(vals) == 1 else None
        a_val = sum(present, Decimal(0)) if present else None
        yield from _eq(ctx, rule_id, a, shown_row, f"“{row_label(shown_row)}”", a_val, b, brow, f"{code} 类",
                       bi, b_shown=shown, row=code, column=a_col)
    if a_rows:
        for code, vals in missing.items():
            ctx.checked()
            yield finding(
                rule_id,
                f"{table_label(b)}有 {code} 类支出 {fmt_iv(iv_sum(b, vals))}，{table_label(a)}未列该类 — "
                f"class {code} in {b.kind} is missing from {a.kind}",
                table=a.kind,
                row=code,
                column=a_col,
                expected=iv_sum(b, vals).mid.quantize(Decimal("0.01")),
                source=a.source,
            )


def _carried_scope(
    ctx: Context, rule_id: str, a: Table, grouped: dict[str, list[Row]], a_col: str, b: Table,
    b_classes: dict[str, tuple[list[Decimal | None], Row | None]], carried: Sequence[Row],
) -> Finding | None:
    """``a`` prints its classes with money ``b`` does not cover — last year's carried-in money (its
    本年支出 = 本年收入 + 上年结转) or, for a 财政拨款 column of all funds, a fund whose own table
    could not be read by class (its income line instead).  When no class of ``a`` is below ``b``'s
    and the gaps add up exactly to those lines as ``a`` prints them, one scope is explained by the
    other (an info), not a disagreement per class.  ``None`` when the classes agree anyway or the
    gaps are not exactly that."""
    carry = [r.values.get("total") for r in carried]
    if not any(carry):
        return None
    pairs = {code: (iv_sum(a, [r.values.get(a_col) for r in rows]),
                    iv_sum(b, b_classes.get(code, ([], None))[0])) for code, rows in grouped.items()}
    for code, (vals, _row) in b_classes.items():
        pairs.setdefault(code, (EXACT_ZERO, iv_sum(b, vals)))
    apart = [code for code, (ai, bi) in pairs.items() if not ai.meets(bi)]
    if not apart or any(ai.hi < bi.lo for ai, bi in pairs.values()):
        return None
    a_all = iv_sum(a, [v for rows in grouped.values() for r in rows for v in (r.values.get(a_col),)])
    b_all = iv_sum(b, [v for vals, _r in b_classes.values() for v in vals])
    if not a_all.meets(b_all + iv_sum(a, carry)):
        return None
    ctx.checked()
    what = "、".join(row_label(r) for r in carried)
    return finding(
        rule_id,
        f"{table_label(a)}各类支出含{what}（{' + '.join(fmt(v) for v in carry)}），{table_label(b)}不含："
        f"{'、'.join(apart)} 类的差额之和正是{what} — {a.kind} spends money {b.kind} does not cover "
        f"(carried in, or another fund); the gaps add up to it exactly",
        severity="info",
        table=a.kind,
        row=apart[0],
        column=a_col,
        source=a.source,
    )


def _carried_in(t: Table, side_item_fund: str | None = None) -> list[Row]:
    """The income-side lines of money carried in from last year that a summary spends this year
    beside 本年收入: 上年结转 (or its part for one fund), 上年实户资金余额, 使用非财政拨款结余,
    用事业基金弥补收支差额."""
    part = t.row_by_item("income", f"carryover.{side_item_fund}") if side_item_fund else None
    lines = [part or t.row_by_item("income", "carryover")]
    lines += [t.row_by_item("income", item) for item in ("account_balance", "non_fiscal_surplus", "business_fund")]
    return [r for r in lines if r is not None and r.values.get("total")]


OTHER_CLASS = "229"  # 其他支出: the line a fixed template prints every class it has no line for under


def _template_other(
    ctx: Context, rule_id: str, a: Table, a_other: list[Row], a_col: str, b: Table,
    b_classes: dict[str, tuple[list[Decimal | None], Row | None]], missing: dict[str, list[Decimal | None]],
) -> Finding | None:
    """A summary printed on a fixed template of class lines (一、一般公共服务支出 … 二十一、其他支出)
    has no line for a class such as 219 援助其他地区支出 and prints its money under 其他支出.  When
    ``a``'s 其他支出 is exactly ``b``'s 其他支出 plus the classes ``a`` has no line for, the two
    tables agree (an info saying so); any other gap is left to the class comparison."""
    a_vals = [v for v in (r.values.get(a_col) for r in a_other) if v is not None]
    if not a_vals or not missing:
        return None
    b_other = b_classes.get(OTHER_CLASS, ([], None))[0]
    b_parts = [*b_other, *(v for vals in missing.values() for v in vals)]
    if not iv_sum(a, a_vals).meets(iv_sum(b, b_parts)):
        return None
    ctx.checked()
    codes = "、".join(sorted(missing))
    return finding(
        rule_id,
        f"{table_label(a)}未列 {codes} 类，其“{row_label(a_other[0])}”{fmt(sum(a_vals, Decimal(0)))} 正是"
        f"{table_label(b)} {codes} 类与其他支出之和：表式无该类行，金额一致 — a fixed template prints class {codes} "
        f"under 其他支出; the amounts agree",
        severity="info",
        table=a.kind,
        row=OTHER_CLASS,
        column=a_col,
        source=a_other[0].source,
    )


@rule(
    "cross.summary_vs_expenditure",
    severity="error",
    kinds=("summary",),
    description="收支总表支出方各类、本年支出合计与支出表一致 — the summary's expenditure side agrees with the expenditure table",
)
def summary_vs_expenditure(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    s, e = doc.table("summary"), doc.table("expenditure")
    if s is None or e is None:
        return
    yield from _class_compare(ctx, "cross.summary_vs_expenditure", s, "total", e, "total")
    cur, et = s.row_by_item("expenditure", "current_total"), e.total_row()
    if cur is not None and et is not None and "total" in et.values:
        # the expenditure table may spend the money carried in (上年结转, 上年实户资金余额) that the
        # summary prints beside 本年收入 and leaves out of 本年支出合计: exactly those lines apart
        carried = _carried_in(s)
        whole = iv(e, et.values["total"])
        alts = [(whole - iv_sum(s, [_v(r, "total") for r in carried]), "不含上年结转")] if carried else []
        yield from _eq(ctx, "cross.summary_vs_expenditure", s, cur, "本年支出合计", _v(cur, "total"), e, et, "合计",
                       whole, b_shown=et.values["total"], alts=alts, column="total")


def _fiscal_col(f: Table) -> str:
    cols = {c.id for c in f.columns}
    return "general_budget" if "general_budget" in cols else "total"


@rule(
    "cross.fiscal_summary_vs_general_expenditure",
    severity="error",
    kinds=("fiscal_summary",),
    description="财政拨款收支总表(一般公共预算)各类、本年支出与一般公共预算支出表一致 — fiscal summary agrees with the general-budget expenditure table",
)
def fiscal_vs_general(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    f, g = doc.table("fiscal_summary"), doc.table("general_expenditure")
    if f is None or g is None:
        return
    col = _fiscal_col(f)
    funds: list[Table] = []
    carried = _carried_in(f, "general_budget" if col == "general_budget" else None)
    if col == "total":
        # one 合计 column: all 财政拨款, 政府性基金 and 国有资本经营 included — compared with the
        # three expenditure tables together, never with the 一般公共预算 table alone
        for kind, item in (("gov_fund", "gov_fund"), ("state_capital", "state_capital")):
            t = doc.table(kind)
            if t is not None and _spends_by_class(t):
                funds.append(t)
            elif t is not None and (income := f.row_by_item("income", item)) is not None and _v(income, "total"):
                # the fund's table was not read by class (西安's 政府性基金收支表 prints classes
                # beside two economic classifications): the fund's income line of this very
                # table is what its classes hold beyond the 一般公共预算 table
                carried.append(income)
            elif _fund_income(f, item):
                yield could_not_verify(ctx, f"{table_label(f)}各类支出",
                                       f"该表只列合计（含{'政府性基金' if kind == 'gov_fund' else '国有资本经营'}预算），"
                                       f"而文中无对应支出表", f)
                return
    yield from _class_compare(ctx, "cross.fiscal_summary_vs_general_expenditure", f, col, g, "total", also=funds,
                              carried=carried)
    cur, gt = f.row_by_item("expenditure", "current_total"), g.total_row()
    if cur is None or gt is None or "total" not in gt.values:
        return
    totals = [gt.values["total"]] + [_v(t.total_row(), "total") for t in funds]
    what = "合计" if not funds else "合计（含" + "、".join(table_label(t) for t in funds) + "）"
    val = cur.values.get(col, cur.values.get("total"))
    empty_funds = all((_v(t.total_row(), "total") or 0) == 0 for t in funds)
    shown = gt.values["total"] if not funds or empty_funds else None
    this_year = iv_sum(g, totals) if funds else iv(g, gt.values["total"])
    # 本年支出 printed with the 上年结转 it spends (本年支出合计 = 本年收入合计 + 上年结转)
    alts = [(this_year + iv_sum(f, [_v(r, "total") for r in carried]), "含上年结转")] if carried else []
    yield from _eq(ctx, "cross.fiscal_summary_vs_general_expenditure", f, cur, "本年支出(一般公共预算)", val, g, gt,
                   what, this_year, b_shown=shown, alts=alts, column=col)


def _spends_by_class(t: Table) -> bool:
    """The fund's expenditure table was read with its 合计 and money on function classes."""
    total = t.total_row()
    return (total is not None and total.values.get("total") is not None
            and any(v for vals, _r in class_totals(t, "total").values() for v in vals))


def _fund_income(f: Table, item: str) -> bool:
    """The fiscal summary's income side prints money of that fund (this year's or carried over)."""
    return any(
        r.side == "income" and (r.item == item or r.item == f"carryover.{item}") and (r.values.get("total") or 0) != 0
        for r in f.rows
    )


@rule(
    "cross.fiscal_summary_vs_summary",
    severity="error",
    kinds=("fiscal_summary",),
    description="财政拨款收支总表的一般公共预算、政府性基金收入与收支总表一致 — fiscal summary income agrees with the summary",
)
def fiscal_vs_summary(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    f, s = doc.table("fiscal_summary"), doc.table("summary")
    if f is None or s is None:
        return
    for item in ("general_budget", "fiscal", "gov_fund", "state_capital"):
        fr, sr = f.row_by_item("income", item), s.row_by_item("income", item)
        if fr is None or sr is None:
            continue
        fc = f.row_by_item("income", f"carryover.{item}")
        alts = []
        if fc is not None:
            alts.append((iv(f, _v(fr, "total")) + iv(f, _v(fc, "total")), "含上年结转"))
        yield from _eq(ctx, "cross.fiscal_summary_vs_summary", s, sr, f"“{row_label(sr)}”", _v(sr, "total"), f, fr,
                       f"“{row_label(fr)}”", iv(f, _v(fr, "total")) if _v(fr, "total") is not None else None,
                       b_shown=_v(fr, "total"), alts=alts, column="total")


# --------------------------------------------------------------------------- fiscal ≤ all funds


def _by_code(t: Table) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for r in data_rows(t):
        if r.code:
            out.setdefault(r.code, []).append(r)
    return out


@rule(
    "cross.general_expenditure_vs_expenditure",
    severity="error",
    kinds=("general_expenditure",),
    description="一般公共预算支出表逐行不超过支出表，差额应由上年结转、转移支付等其他资金解释 — general-budget rows ≤ all-funds rows, the gap explained by other funds",
)
def general_vs_expenditure(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    g, e = doc.table("general_expenditure"), doc.table("expenditure")
    if g is None or e is None:
        return
    ecodes = _by_code(e)
    exceeds = exceeds_tester(g, e)
    cols = [c for c in ("total", "basic", "project", "personnel", "public", "project_operating", "project_specific")
            if c in {x.id for x in g.columns} and c in {x.id for x in e.columns}]
    for code, grows in _by_code(g).items():
        erows = ecodes.get(code)
        if not erows:
            continue
        for c in cols:
            gv = [r.values.get(c) for r in grows]
            if all(v is None for v in gv):
                continue
            ev = [r.values.get(c) for r in erows]
            ctx.checked()
            if not exceeds(grows, erows, c):
                continue
            gi, ei = iv_sum(g, gv), iv_sum(e, ev)
            yield finding(
                "cross.general_expenditure_vs_expenditure",
                f"{table_label(g)} {code} {grows[0].name or ''}“{c}”为 {fmt_iv(gi)}，大于{table_label(e)}同科目的 {fmt_iv(ei)}；"
                f"一般公共预算财政拨款不能超过全部资金 — general-budget figure exceeds the all-funds figure",
                table=g.kind,
                row=code,
                column=c,
                expected=ei.mid.quantize(Decimal("0.01")),
                actual=gv[0] if len(gv) == 1 else None,
                source=grows[0].source,
            )
    gt, et = g.total_row(), e.total_row()
    if gt is None or et is None or "total" not in gt.values or "total" not in et.values:
        return
    gap = iv(e, et.values["total"]) - iv(g, gt.values["total"])
    other = _other_funds(doc)
    if other is None:
        return
    ctx.checked()
    if gap.lo <= other.hi:
        return
    yield finding(
        "cross.general_expenditure_vs_expenditure",
        f"支出表合计 {fmt(et.values['total'])} 比一般公共预算支出表合计 {fmt(gt.values['total'])} 多 {fmt_iv(gap)}，"
        f"但收入方一般公共预算以外的资金(上年结转、转移支付、事业收入、其他收入等)只有 {fmt_iv(other)} — "
        f"the gap between all-funds and general-budget expenditure is not explained by other funds",
        severity="warning",
        table=e.kind,
        row="total",
        column="total",
        expected=other.mid.quantize(Decimal("0.01")),
        actual=gap.mid.quantize(Decimal("0.01")),
        source=et.source,
    )


def _other_funds(doc: Disclosure) -> Interval | None:
    """All funds that are not this year's general-budget appropriation, from the summary."""
    s = doc.table("summary")
    if s is None:
        return None
    gt = s.row_by_item("income", "grand_total")
    if gt is None or _v(gt, "total") is None:
        return None
    whole = iv(s, _v(gt, "total"))
    gb = s.row_by_item("income", "general_budget")
    if gb is not None:
        return whole - iv(s, _v(gb, "total"))
    fiscal = s.row_by_item("income", "fiscal")
    if fiscal is None:
        return whole
    # 财政拨款 printed as one line (广州's 预算拨款) holds the fund budgets too: the money that is
    # not general budget within it is what the 政府性基金 and 国有资本经营 tables spend
    funds = [_spent(doc, kind) for kind in ("gov_fund", "state_capital")]
    if any(f is None for f in funds):
        return None
    return whole - iv(s, _v(fiscal, "total")) + iv_sum(s, funds)


def _spent(doc: Disclosure, kind: str) -> Decimal | None:
    """The 合计 a fund's expenditure table prints (0 for the table printed empty), None without it."""
    t = doc.table(kind)
    if t is None:
        return None
    total = t.total_row()
    return total.values.get("total", Decimal(0)) if total is not None else Decimal(0)


# --------------------------------------------------------------------------- basic expenditure


def _basic_totals(b: Table) -> dict[str, tuple[Interval, Row | None, Decimal | None]]:
    out: dict[str, tuple[Interval, Row | None, Decimal | None]] = {}
    t = b.total_row()
    if t is not None:
        for c in ("total", "personnel", "public"):
            if c in t.values:
                out[c] = (iv(b, t.values[c]), t, t.values[c])
    pt = next((r for r in b.rows if r.item == "personnel_total"), None)
    ut = next((r for r in b.rows if r.item == "public_total"), None)

    def first(r: Row | None) -> Decimal | None:
        return None if r is None else (r.values.get("total") if "total" in r.values else next(iter(r.values.values()), None))

    if "personnel" not in out and pt is not None and first(pt) is not None:
        out["personnel"] = (iv(b, first(pt)), pt, first(pt))
    if "public" not in out and ut is not None and first(ut) is not None:
        out["public"] = (iv(b, first(ut)), ut, first(ut))
    if "total" not in out and "personnel" in out and "public" in out:
        out["total"] = (out["personnel"][0] + out["public"][0], pt, None)
    return out


@rule(
    "cross.basic_vs_general_expenditure",
    severity="error",
    kinds=("basic_expenditure",),
    description="一般公共预算基本支出表合计、人员经费、公用经费与一般公共预算支出表的基本支出一致 — basic expenditure table agrees with the general-budget table",
)
def basic_vs_general(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    b, g = doc.table("basic_expenditure"), doc.table("general_expenditure")
    if b is None or g is None or g.total_row() is None:
        return
    gt = g.total_row()
    assert gt is not None
    bt = _basic_totals(b)
    gcols = {c.id for c in g.columns}
    wants = [("total", ["basic"], "基本支出"), ("personnel", ["personnel"] if "personnel" in gcols else ["wages", "household"], "人员经费"),
             ("public", ["public"] if "public" in gcols else ["goods_services", "capital"], "公用经费")]
    for key, gparts, label in wants:
        if key not in bt or not all(p in gcols for p in gparts):
            continue
        bi, brow, bshown = bt[key]
        gv = [gt.values.get(p) for p in gparts]
        if all(v is None for v in gv):
            continue
        ctx.checked()
        gi = iv_sum(g, gv)
        if bi.meets(gi):
            continue
        gshown = gv[0] if len(gv) == 1 else None
        tail = any(check(t, r, x, y) for check in (rounding_tail, _columns_tail)
                   for t, r, x, y in ((b, brow, bshown, gshown), (g, gt, gshown, bshown)))
        yield finding(
            "cross.basic_vs_general_expenditure",
            f"{table_label(b)}{label}为 {fmt(bshown) if bshown is not None else fmt_iv(bi)}，"
            f"{table_label(g)}合计行{label}为 {fmt_iv(gi)}，"
            + ("差额为四舍五入尾差（其中一表为其各项印刷数之和） — a rounding tail" if tail
               else "两表应一致 — basic expenditure tables disagree"),
            severity="info" if tail else None,
            table=b.kind,
            row=row_key(brow) if brow is not None else "total",
            column=key,
            expected=gi.mid.quantize(Decimal("0.01")),
            actual=bshown,
            source=(brow.source if brow is not None else b.source),
        )


# --------------------------------------------------------------------------- projects, economic summary


@rule(
    "cross.projects_vs_expenditure",
    severity="error",
    kinds=("projects",),
    description="项目支出表合计与支出表的项目支出一致；其一般公共预算与一般公共预算支出表的项目支出一致 — project table agrees with expenditure tables",
)
def projects_vs_expenditure(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    p = doc.table("projects")
    if p is None or p.total_row() is None:
        return
    pt = p.total_row()
    assert pt is not None
    e, g = doc.table("expenditure"), doc.table("general_expenditure")
    if e is not None and e.total_row() is not None and "project" in e.total_row().values and "total" in pt.values:  # type: ignore[union-attr]
        et = e.total_row()
        assert et is not None
        # a unit's 经营支出 is budgeted as projects too (湖州: 事业单位经营支出 beside 项目支出):
        # the project table's 合计 then holds both, exactly
        alts = [(iv(e, et.values["project"]) + iv(e, et.values["operating_expense"]), "含事业单位经营支出")] \
            if et.values.get("operating_expense") else []
        yield from _eq(ctx, "cross.projects_vs_expenditure", p, pt, "合计", pt.values["total"], e, et, "项目支出",
                       iv(e, et.values["project"]), b_shown=et.values["project"], alts=alts, column="total")
    if g is not None and g.total_row() is not None and "project" in g.total_row().values and "general_budget" in pt.values:  # type: ignore[union-attr]
        gt = g.total_row()
        assert gt is not None
        alts = []
        cv = pt.values.get("carryover.general_budget")
        if cv is not None:
            alts.append((iv(p, pt.values["general_budget"]) + iv(p, cv), "含结转"))
        # compare the other way round so the alternatives apply to the projects figure
        ctx.checked()
        gi = iv(g, gt.values["project"])
        if not (gi.meets(iv(p, pt.values["general_budget"])) or any(gi.meets(a) for a, _ in alts)):
            yield finding(
                "cross.projects_vs_expenditure",
                f"{table_label(p)}一般公共预算合计 {fmt(pt.values['general_budget'])}"
                f"{'（含结转 ' + fmt(cv) + '）' if cv is not None else ''}与{table_label(g)}项目支出 "
                f"{fmt(gt.values['project'])} 不一致 — projects table disagrees with the general-budget table",
                table=p.kind,
                row="total",
                column="general_budget",
                expected=gt.values["project"],
                actual=pt.values["general_budget"],
                source=pt.source,
            )


@rule(
    "cross.economic_summary_vs_expenditure",
    severity="error",
    kinds=("economic_summary",),
    description="支出经济分类汇总表合计与支出表一致，各经济科目不小于基本支出表 — economic summary agrees with the expenditure tables",
)
def economic_vs_expenditure(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    ec = doc.table("economic_summary")
    if ec is None:
        return
    # the table's title states its scope: 一般公共预算支出表（按经济分类）is the general budget only
    scope = "general_expenditure" if "一般公共预算" in "".join(ec.title.split()) else "expenditure"
    et, e = ec.total_row(), doc.table(scope)
    if et is not None and e is not None and e.total_row() is not None and "total" in et.values:
        ert = e.total_row()
        assert ert is not None
        yield from _eq(ctx, "cross.economic_summary_vs_expenditure", ec, et, "合计", et.values["total"], e, ert, "合计",
                       iv(e, ert.values.get("total")), b_shown=ert.values.get("total"), column="total")
    b = doc.table("basic_expenditure")
    if b is None:
        return
    # a 一般公共预算 economic table beside a 基本支出总表 of all funds (深圳): compare the
    # basic table's 一般公共预算 column, or nothing
    basic_col = general_budget_column(b) if scope == "general_expenditure" else "total"
    if basic_col is None:
        yield could_not_verify(ctx, "各经济科目不小于基本支出表", "基本支出表含全部资金，经济分类表仅为一般公共预算", ec)
        return
    eco, bas = economic_totals(ctx, doc, ec, "total"), economic_totals(ctx, doc, b, basic_col)
    for code, bi in bas.items():
        if code not in eco:
            continue
        ctx.checked()
        if bi.lo <= eco[code].hi:
            continue
        yield finding(
            "cross.economic_summary_vs_expenditure",
            f"基本支出表 {code} 为 {fmt_iv(bi)}，大于支出经济分类汇总表同科目 {fmt_iv(eco[code])}（汇总表含项目支出，不应更小） — "
            f"basic table exceeds the economic summary for {code}",
            table=ec.kind,
            row=code,
            column="total",
            expected=bi.mid.quantize(Decimal("0.01")),
            actual=eco[code].mid.quantize(Decimal("0.01")),
            source=ec.source,
        )


# --------------------------------------------------------------------------- carryover table


@rule(
    "cross.carryover_vs_summary",
    severity="error",
    kinds=("carryover",),
    description="上年结转资金表合计与收支总表(或财政拨款收支总表)的上年结转一致 — the carryover table agrees with the summary's carryover",
)
def carryover_vs_summary(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    c = doc.table("carryover")
    if c is None:
        return
    tr = c.total_row()
    if tr is not None and "total" in tr.values:
        ci, shown = iv(c, tr.values["total"]), tr.values["total"]
    else:
        vals = [r.values.get("total") for r in data_rows(c)]
        if not any(v is not None for v in vals):
            return
        ci, shown = iv_sum(c, vals), None
    candidates = []
    for kind in ("summary", "fiscal_summary"):
        t = doc.table(kind)
        r = t.row_by_item("income", "carryover") if t is not None else None
        if t is not None and r is not None and _v(r, "total") is not None:
            candidates.append((t, r))
    if not candidates:
        return  # the summaries leave 上年结转 blank and point to this table ("统一在表12反映")
    ctx.checked()
    if any(iv(t, _v(r, "total")).meets(ci) for t, r in candidates):
        return
    t, r = candidates[0]
    yield finding(
        "cross.carryover_vs_summary",
        f"{table_label(c)}合计 {fmt(shown) if shown is not None else fmt_iv(ci)}，{table_label(t)}上年结转为 "
        f"{fmt(_v(r, 'total'))}，两表应一致 — carryover table disagrees with the summary",
        table=c.kind,
        row="total",
        column="total",
        expected=_v(r, "total"),
        actual=shown,
        source=c.source,
    )


# --------------------------------------------------------------------------- performance tables


def _perf_key(text: str) -> str | None:
    """The figure a line (or header label) of a 整体 performance form names; ``None`` when it
    names several ("资金总额 | 656.73 | 其中：基本支出 | 386.73 | 项目支出 | 270.00" read as one row:
    which figure goes with which label is not known)."""
    keys = [k for k, word in (("total", "总额"), ("basic", "基本支出"), ("project", "项目支出")) if word in text]
    return keys[0] if len(keys) == 1 else None


def _whole_department(t: Table) -> bool:
    """The department's (or unit's) 整体 performance table, by its title."""
    return "整体" in t.title.replace(" ", "")


@rule(
    "cross.performance_vs_expenditure",
    severity="warning",
    kinds=("performance_review", "performance_targets"),
    description="部门整体绩效表的预算总额、基本支出、项目支出与支出表一致 — department performance tables agree with the expenditure tables",
)
def performance_vs_expenditure(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    refs = [t for t in (doc.table("general_expenditure"), doc.table("expenditure")) if t is not None and t.total_row() is not None]
    if not refs:
        return
    for p in doc.tables:
        # only the department's own table (部门整体): a project's table, titled by its project's
        # name or not titled at all, holds one project's money
        if p.kind not in ("performance_review", "performance_targets") or not _whole_department(p):
            continue
        figures = [(r, f) for r in p.rows for f in _perf_figures(r)]
        # a label whose figure stands on several lines heads a list of parts (西安's 任务 | 总额
        # per task), not the department's whole: only its 合计 line, if any, is the whole
        lines_per_label = Counter(f[1] for _, f in figures)
        for r, (key, col, val) in figures:
            by_header = col not in ("executed", "final_budget", "total")
            if by_header and lines_per_label[col] > 1 and (r.name or "").strip() not in ("合计", "总计"):
                continue
            yield from _perf_vs(ctx, p, r, key, col, val, refs)


def _perf_figures(r: Row) -> list[tuple[str, str, Decimal]]:
    """(what, column, figure) of a line of a 整体 form: cells under a header that names the
    figure ("资金总额 | 基本支出 | 项目支出" over "656.73 | 386.73 | 270.00"), else the line's
    one figure beside the one label it names."""
    by_header = []
    for label, cell in r.texts.items():
        key = _perf_key(label)
        value = parse_amount(cell)
        if key is not None and value is not None:
            by_header.append((key, label, value))
    if by_header:
        return by_header
    key = _perf_key(" ".join([r.name or "", *r.texts.values()]))
    col = next((c for c in ("executed", "final_budget", "total") if c in r.values), None)
    return [] if key is None or col is None else [(key, col, r.values[col])]


def _perf_vs(ctx: Context, p: Table, r: Row, key: str, col: str, val: Decimal,
             refs: list[Table]) -> Iterator[Finding]:
    """One figure of a 整体 form against the expenditure tables' same whole."""
    options = [(t, t.total_row().values.get(key)) for t in refs]  # type: ignore[union-attr]
    options = [(t, v) for t, v in options if v is not None]
    if not options:
        return
    stated = [in_table_unit(iv(p, val), p.unit, t.unit) for t, _ in options]
    if any(x is None for x in stated):
        yield could_not_verify(ctx, f"{table_label(p)}与支出表", "两表单位未能识别", p)
        return
    ctx.checked()
    if any(x.meets(iv(t, v)) for x, (t, v) in zip(stated, options, strict=True)):  # type: ignore[union-attr]
        return
    # name the nearest: a form of all funds is compared with the 支出表, not the 一般公共预算 one
    t0, v0 = min(options, key=lambda o: abs(o[1] - val))
    what = {"total": "合计", "basic": "基本支出", "project": "项目支出"}[key]
    label = col if col not in ("executed", "final_budget", "total") else what
    yield finding(
        "cross.performance_vs_expenditure",
        f"{table_label(p)}“{row_label(r)}”{label}为 {fmt(val)}，{table_label(t0)}对应的{what}为 {fmt(v0)}"
        f" — performance table disagrees with {t0.kind}",
        table=p.kind,
        row=row_key(r),
        column=col if col in ("executed", "final_budget", "total") else key,
        expected=v0,
        actual=val,
        source=r.source,
    )


# --------------------------------------------------------------------------- 年初预算 of the 整体 form

_DEPARTMENT_WHOLE_RE = re.compile(r"^(部门|单位)?(一般公共预算)?(财政拨款)?(支出|预算)?(总额)?$|^一般公共预算财政拨款支出$")


@rule(
    "cross.performance_initial_budget",
    severity="warning",
    kinds=("performance_review",),
    description="部门整体绩效自评表的年初预算数与情况说明所述年初预算一致 — the 整体 self-evaluation's 年初预算 "
                "agrees with the narrative's",
)
def performance_initial_budget(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    """The 整体 self-evaluation prints 部门预算总额 as 年初预算数 | 全年预算数 | 实际执行数; the
    narrative of a final account states the year's 年初预算 of the same spending.  Compared only
    where the form's 实际执行数 is the 一般公共预算支出 table's 合计 — the two are then of one
    scope — and in one unit."""
    general = doc.table("general_expenditure")
    total = general.total_row() if general is not None else None
    if doc.meta.kind != "final" or total is None or total.values.get("total") is None:
        return
    stated = [c for c in doc.claims if c.kind == "amount" and c.basis == "initial_budget" and c.refers_to is None
              and _DEPARTMENT_WHOLE_RE.match(re.sub(r"\s+", "", c.subject or "")) and c.unit in ("万元", "元")]
    if not stated:
        return
    for p in doc.tables_of("performance_review"):
        row = next((r for r in p.rows if any("部门预算总额" in v for v in (r.name or "", *r.texts.values()))
                    and "initial_budget" in r.values and "executed" in r.values), None)
        if row is None:
            continue
        executed = in_table_unit(iv(p, row.values["executed"]), p.unit or doc.meta.unit, general.unit or doc.meta.unit)
        if executed is None or not executed.meets(iv(general, total.values["total"])):
            continue  # another scope (all funds, or the form of one unit)
        for c in stated:
            form = in_table_unit(iv(p, row.values["initial_budget"]), p.unit or doc.meta.unit, c.unit)
            if form is None:
                continue
            ctx.checked()
            if form.meets(Interval.of(c.value)):
                continue
            yield finding(
                "cross.performance_initial_budget",
                f"{table_label(p)}“部门预算总额”年初预算数为 {fmt(row.values['initial_budget'])}，情况说明称"
                f"{c.subject}年初预算为 {fmt(c.value)}{c.unit} — the self-evaluation's 年初预算 differs from the narrative's",
                table=p.kind,
                row=row_key(row),
                column="initial_budget",
                expected=c.value,
                actual=row.values["initial_budget"],
                source=row.source,
                text=c.text,
            )
