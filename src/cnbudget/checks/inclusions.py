"""Inclusions (warnings): a part printed somewhere must not exceed its whole printed elsewhere.

    inclusion.fiscal_le_total       财政拨款 ≤ 一般公共预算 ≤ 合计 (same row); 财政拨款收支总表
                                    各类/合计 ≤ 收支总表
    inclusion.carryover_le_total    年初/年末财政拨款结转和结余 ≤ 收支总表的年初/年末结转和结余
    inclusion.three_public_items    基本支出表 30212/30217/30231/31013 ≤ 三公经费表对应项
    inclusion.running_costs         机关运行经费 ≈ 基本支出中的公用经费
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.common import could_not_verify, economic_totals
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import (
    bounds,
    col_label,
    fmt,
    fmt_iv,
    general_budget_column,
    in_table_unit,
    iv,
    last_place,
    row_key,
    row_label,
    table_label,
    whole_bounds,
)
from cnbudget.model import Disclosure, Finding, Row, Table
from cnbudget.numbers import Interval


def _le(
    ctx: Context,
    rule_id: str,
    part_t: Table,
    part: Decimal | None,
    whole_t: Table,
    whole: Decimal | None,
    message: str,
    *,
    row: str | None,
    column: str | None,
    source,
) -> Iterator[Finding]:
    if not _exceeds(ctx, part_t, part, whole_t, whole):
        return
    yield finding(rule_id, message, table=part_t.kind, row=row, column=column, expected=whole, actual=part, source=source)


def _exceeds(ctx: Context, part_t: Table, part: Decimal | None, whole_t: Table, whole: Decimal | None) -> bool:
    """Does a printed part exceed its printed whole beyond rounding?  (A blank or zero part is
    no comparison.)"""
    if part is None or part == 0:
        return False
    ctx.checked()
    return bounds(part_t, part)[0] > bounds(whole_t, whole)[1]


@rule(
    "inclusion.fiscal_le_total",
    severity="warning",
    kinds=("income", "economic_summary", "projects", "summary", "fiscal_summary"),
    description="财政拨款、一般公共预算数不应超过同一行的全部资金数 — fiscal figures ≤ all-funds figures of the same row",
)
def fiscal_le_total(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind in ("summary", "fiscal_summary"):
            # 其中：财政拨款 may include 政府性基金 and 国有资本经营 money, so it is bounded by the
            # whole year's income, not by the 一般公共预算 line
            fr = t.row_by_item("income", "fiscal")
            whole = t.row_by_item("income", "current_total") or t.row_by_item("income", "grand_total")
            if fr is not None and whole is not None:
                yield from _le(ctx, "inclusion.fiscal_le_total", t, fr.values.get("total"), t, whole.values.get("total"),
                               f"{table_label(t)}“{row_label(fr)}” {fmt(fr.values.get('total'))} 大于“{row_label(whole)}” "
                               f"{fmt(whole.values.get('total'))} — fiscal income exceeds the year's income",
                               row="income.fiscal", column="total", source=fr.source)
            continue
        cols = {c.id for c in t.columns}
        by_current = "current_total" in cols
        by_total = "total" in cols
        parts = [c for c in ("fiscal", "general_budget") if c in cols]
        if not parts and not by_current:
            continue  # no pair of columns to compare on any row
        figures = whole_bounds(t)  # both figures of a pair are the table's: compared as whole numbers
        at = figures.position
        checked = 0
        for r in t.rows:
            vals = r.values
            # the whole of the row: its 本年 total where printed, else its 合计
            if by_current and "current_total" in vals:
                whole = "current_total"
            elif by_total and "total" in vals:
                whole = "total"
            else:
                continue
            pairs = [(c, whole) for c in parts if c in vals]
            if whole == "current_total" and "total" in vals:
                pairs.append(("current_total", "total"))
            if not pairs:
                continue
            bounds = figures.row(r)  # the row's figures as whole numbers, read once for its pairs
            for small, big in pairs:
                if vals[small] == 0:
                    continue  # a zero part is no comparison
                checked += 1
                if bounds[at[small]][0] > bounds[at[big]][1]:  # type: ignore[index]
                    yield finding("inclusion.fiscal_le_total",
                                  f"{table_label(t)}“{row_label(r)}”行{col_label(t, small)} {fmt(r.values[small])} 大于"
                                  f"{col_label(t, big)} {fmt(r.values[big])} — {small} exceeds {big}",
                                  table=t.kind, row=row_key(r), column=small, expected=r.values[big],
                                  actual=r.values[small], source=r.source)
        if checked:
            ctx.checked(checked)
    f, s = doc.table("fiscal_summary"), doc.table("summary")
    if f is None or s is None:
        return
    s_classes = {r.code: r for r in s.rows if r.side == "expenditure" and r.code}
    for r in f.rows:
        if r.side != "expenditure":
            continue
        other: Row | None = s_classes.get(r.code) if r.code else None
        if other is None and r.item in ("current_total", "grand_total"):
            other = s.row_by_item("expenditure", r.item)
        if other is None:
            continue
        yield from _le(ctx, "inclusion.fiscal_le_total", f, r.values.get("total"), s, other.values.get("total"),
                       f"{table_label(f)}“{row_label(r)}” {fmt(r.values.get('total'))} 大于{table_label(s)}同项 "
                       f"{fmt(other.values.get('total'))}（财政拨款是全部资金的一部分） — fiscal figure exceeds the all-funds figure",
                       row=row_key(r), column="total", source=r.source)


@rule(
    "inclusion.carryover_le_total",
    severity="warning",
    kinds=("fiscal_summary",),
    description="年初/年末财政拨款结转和结余不应超过收支总表的年初/年末结转和结余 — fiscal carryover ≤ the document's carryover",
)
def carryover_le_total(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    f, s = doc.table("fiscal_summary"), doc.table("summary")
    if f is None or s is None:
        return
    for side, item, label in (("income", "carryover", "年初"), ("expenditure", "carryover_out", "年末")):
        fr, sr = f.row_by_item(side, item), s.row_by_item(side, item)
        if fr is None or sr is None:
            continue  # a summary without that line (its 一般公共预算 line includes the carryover)
        sv = None if sr is None else sr.values.get("total")
        yield from _le(ctx, "inclusion.carryover_le_total", f, fr.values.get("total"), s, sv,
                       f"{table_label(f)}{label}财政拨款结转和结余 {fmt(fr.values.get('total'))}，"
                       f"大于{table_label(s)}{label}结转和结余 {fmt(sv)} — fiscal carryover exceeds the total carryover",
                       row=f"{side}.{item}", column="total", source=fr.source)


THREE_PUBLIC_ITEMS = (
    ("30212", "abroad", "因公出国（境）费用"),
    ("30217", "reception", "公务接待费"),
    ("30231", "vehicle_operation", "公务用车运行维护费"),
    ("31013", "vehicle_purchase", "公务用车购置"),
)


def _three_public_value(t: Table, col: str, kind: str | None) -> tuple[Decimal | None, Row | None, bool]:
    r = t.total_row() or (t.rows[0] if t.rows else None)
    if r is None:
        return None, None, False
    for c in ((f"actual.{col}", col) if kind == "final" else (col, f"budget.{col}")):
        if c in r.values:
            return r.values[c], r, True
    printed = any(c.id.split(".")[-1] == col for c in t.columns)
    return None, r, printed


@rule(
    "inclusion.three_public_items",
    severity="warning",
    kinds=("three_public",),
    description="基本支出表中的因公出国、公务接待、公务用车运行维护、公务用车购置不应超过三公经费表对应数 — economic items vs the 三公 table",
)
def three_public_items(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    t3, b = doc.table("three_public"), doc.table("basic_expenditure")
    if t3 is None or b is None:
        return
    # the 三公 figures are 一般公共预算 (财政拨款): compare the basic table's figures of that scope
    basic_col = general_budget_column(b)
    if basic_col is None:
        yield could_not_verify(ctx, "基本支出表与三公经费表", "基本支出表含全部资金且未列一般公共预算", t3)
        return
    eco = economic_totals(ctx, doc, b, basic_col)
    for code, col, label in THREE_PUBLIC_ITEMS:
        bi: Interval | None = eco.get(code)
        if bi is None or bi.hi <= 0:
            continue
        tv, trow, printed = _three_public_value(t3, col, doc.meta.kind)
        if not printed:
            continue
        # the two tables may print different units (基本支出表 in 元, 三公表 in 万元)
        b_unit, t_unit = b.unit or doc.meta.unit, t3.unit or doc.meta.unit
        item = in_table_unit(bi, b_unit, t_unit)
        if item is None:
            yield could_not_verify(ctx, f"{label}与三公经费表", "两表单位未能识别", t3)
            continue
        bi = item
        ctx.checked()
        if bi.lo <= iv(t3, tv).hi:
            continue
        yield finding(
            "inclusion.three_public_items",
            f"基本支出表 {code} {label} {fmt_iv(bi)}，大于三公经费表{label} {fmt(tv)}（三公经费含基本和项目支出，不应更小） — "
            f"{code} exceeds the matching 三公 item",
            table="three_public",
            row=row_key(trow) if trow is not None else None,
            column=col,
            expected=bi.mid.quantize(Decimal("0.01")),
            actual=tv,
            source=trow.source if trow is not None else t3.source,
        )


def _public_total(b: Table) -> tuple[Decimal | None, Row | None]:
    tr = b.total_row()
    if tr is not None and "public" in tr.values:
        return tr.values["public"], tr
    pr = next((r for r in b.rows if r.item == "public_total"), None)
    if pr is not None and pr.values:
        return (pr.values.get("total") if "total" in pr.values else next(iter(pr.values.values()))), pr
    return None, None


def _is_running_costs(subject: str) -> bool:
    return "运行经费" in subject or "运转经费" in subject


@rule(
    "inclusion.running_costs",
    severity="warning",
    kinds=("basic_expenditure",),
    description="情况说明的机关运行经费不应大于基本支出表公用经费 — stated running costs (机关运行经费) ≤ public funds of basic expenditure",
)
def running_costs(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    b = doc.table("basic_expenditure")
    if b is None:
        return
    pub, prow = _public_total(b)
    if pub is None:
        return
    for c in doc.claims:
        if c.kind != "amount" or c.basis != "current" or not _is_running_costs(c.subject or ""):
            continue
        ctx.checked()
        stated = in_table_unit(Interval.of(c.value), c.unit, b.unit or doc.meta.unit)
        if stated is None:
            ctx.unverified()
            continue
        # 机关运行经费 is the 公用经费 of the administrative units (and those managed like them):
        # a part of the department's 公用经费, smaller wherever it has 事业单位 — only more is wrong
        if stated.lo <= iv(b, pub).hi:
            continue
        # more by less than one unit of the narrative's last place: the whole 公用经费 stated, its
        # last digit rounded the wrong way (1360.42万元 for 13,604,142.01元) — 尾差, not a scope error
        lower = in_table_unit(Interval.of(c.value - last_place(c.value)), c.unit, b.unit or doc.meta.unit)
        tail = lower is not None and lower.lo <= iv(b, pub).hi
        yield finding(
            "inclusion.running_costs",
            f"情况说明称机关运行经费 {fmt(c.value)}{c.unit}，大于{table_label(b)}公用经费 {fmt(pub)}{b.unit or ''}"
            + ("，仅差末位一个单位（尾差） — a rounding tail" if tail else
               "（机关运行经费是公用经费的一部分） — stated running costs exceed the public funds they are part of"),
            severity="info" if tail else None,
            table=b.kind,
            row=row_key(prow) if prow is not None else None,
            column="public",
            expected=pub,
            actual=c.value,
            source=c.source,
            text=c.text,
        )
