"""Rules on the two-sided summary tables (``summary``, ``fiscal_summary``).

    summary.balance       收入方：本年收入 + 上年结转 (+ 使用非财政拨款结余) = 收入总计；
                          支出方：本年支出 + 年末结转 (+ 结余分配, 未安排支出的实户资金) = 支出总计；
                          收入总计 = 支出总计
    summary.classes       支出方各功能分类(类)之和 = 本年支出合计
    summary.income_items  收入方各项收入之和 = 本年收入合计；一般公共预算 = 经常收入 + 非税；
                          上年结转 = 其各项
    summary.total_missing 收入方列本年收入合计，支出方却无本年支出合计（该格及其名称空白），
                          而支出方各类列有金额
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import col_label, fmt, fmt_iv, iv, iv_sum, table_label
from cnbudget.model import Disclosure, Finding, Row, Table
from cnbudget.numbers import Interval
from cnbudget.tables.columns import INCOME_SOURCES

KINDS = ("summary", "fiscal_summary")

INCOME_ITEMS = INCOME_SOURCES
ITEM_LABELS = {
    "current_total": "本年收入/支出合计",
    "carryover": "上年结转(年初结转和结余)",
    "non_fiscal_surplus": "使用非财政拨款结余",
    "grand_total": "总计",
    "carryover_out": "年末结转和结余",
    "surplus_distribution": "结余分配",
    "account_balance": "实户资金",
}


def _label(row: Row | None, item: str) -> str:
    if row is not None and row.name:
        return row.name
    return ITEM_LABELS.get(item, item)


def _val(row: Row | None, col: str) -> Decimal | None:
    return None if row is None else row.values.get(col)


def _side_cols(t: Table, side: str) -> list[str]:
    cols: list[str] = []
    for r in t.rows:
        if r.side == side:
            for c in r.values:
                if c not in cols:
                    cols.append(c)
    return cols or ["total"]


def _identity(
    ctx: Context,
    rule_id: str,
    t: Table,
    side: str,
    col: str,
    result: Row,
    parts: Sequence[tuple[str, Row | None]],
    what: str,
    hint: str = "",
) -> Iterator[Finding]:
    vals = [_val(r, col) for _, r in parts]
    target = _val(result, col)
    if target is None and all(v is None for v in vals):
        return
    ctx.checked()
    s = iv_sum(t, vals)
    if s.meets(iv(t, target)):
        return
    shown = " + ".join(f"{_label(r, item)} {fmt(_val(r, col))}" for item, r in parts)
    col_note = "" if col == "total" else f"（{col_label(t, col)}列）"
    yield finding(
        rule_id,
        f"{table_label(t)}{col_note}{what}不平：{shown} = {fmt_iv(s)}，而“{_label(result, '')}”为 {fmt(target)}，"
        f"相差 {fmt_iv(iv(t, target) - s)}{hint} — {t.kind} {side} side does not balance",
        table=t.kind,
        row=f"{side}.{result.item}",
        column=col,
        expected=s.mid.quantize(Decimal("0.01")),
        actual=target,
        source=result.source,
    )


@rule(
    "summary.balance",
    severity="error",
    kinds=KINDS,
    description="收支总表两方平衡：本年收入 + 上年结转 = 收入总计，本年支出 + 年末结转 = 支出总计，收入总计 = 支出总计 — both sides of a summary table balance",
)
def balance(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in KINDS:
            continue
        # income side
        gt = t.row_by_item("income", "grand_total")
        if gt is not None:
            cur = t.row_by_item("income", "current_total")
            carry = t.row_by_item("income", "carryover")
            nfs = t.row_by_item("income", "non_fiscal_surplus")
            head: list[tuple[str, Row | None]]
            if cur is not None:
                # income lines printed below 本年收入合计 (烟台 prints 上级补助收入 there) are not
                # in it, but they are in 收入总计
                head = [("current_total", cur), *[(r.item or "", r) for r in below_total(t, cur)]]
            else:
                head = [(r.item or "", r) for r in _income_items(t)]
            parts = [*head, ("carryover", carry)]
            if nfs is not None:
                parts.append(("non_fiscal_surplus", nfs))
            hint = ""
            if _val(carry, "total") is None:
                fiscal_carry = _fiscal_carry(doc, t)
                hint = "；“年初结转和结余/上年结转”一行空白"
                if fiscal_carry is not None:
                    hint += f"，而财政拨款收支总表列年初财政拨款结转和结余 {fmt(fiscal_carry)}"
            yield from _identity(ctx, "summary.balance", t, "income", "total", gt, parts, "收入方", hint)
        # expenditure side
        gte = t.row_by_item("expenditure", "grand_total")
        if gte is not None:
            cur = t.row_by_item("expenditure", "current_total")
            head = [("current_total", cur)] if cur is not None else [(r.code or "", r) for r in _classes(t)]
            parts = [*head, ("carryover_out", t.row_by_item("expenditure", "carryover_out"))]
            for item in ("surplus_distribution", "account_balance"):
                if (extra := t.row_by_item("expenditure", item)) is not None:
                    parts.append((item, extra))
            for col in _side_cols(t, "expenditure"):
                yield from _identity(ctx, "summary.balance", t, "expenditure", col, gte, parts, "支出方")
        # the two sides
        if gt is not None and gte is not None:
            a, b = _val(gt, "total"), _val(gte, "total")
            if a is not None or b is not None:
                ctx.checked()
                if not iv(t, a).meets(iv(t, b)):
                    yield finding(
                        "summary.balance",
                        f"{table_label(t)}收入总计 {fmt(a)} 与支出总计 {fmt(b)} 不等 — grand totals of the two sides differ",
                        table=t.kind,
                        row="expenditure.grand_total",
                        column="total",
                        expected=a,
                        actual=b,
                        source=gte.source,
                    )


def _fiscal_carry(doc: Disclosure, t: Table) -> Decimal | None:
    if t.kind != "summary":
        return None
    f = doc.table("fiscal_summary")
    if f is None:
        return None
    return _val(f.row_by_item("income", "carryover"), "total")


def below_total(t: Table, cur: Row) -> list[Row]:
    """Income lines printed below 本年收入合计 that are not its parts: there are parts above it
    (a total printed first, "一、本年收入", has its parts below it)."""
    return _income_items(t, after=cur) if _income_items(t, before=cur) else []


def _income_items(t: Table, before: Row | None = None, after: Row | None = None) -> list[Row]:
    """The income lines (one source each), optionally only those printed before / after a row."""
    rows = [r for r in t.rows if r.side == "income" and r.item in INCOME_ITEMS]
    items = {r.item for r in rows}
    if "general_budget" in items:
        rows = [r for r in rows if r.item != "fiscal"]
    if before is not None or after is not None:
        order = {id(r): i for i, r in enumerate(t.rows)}
        if before is not None:
            rows = [r for r in rows if order[id(r)] < order[id(before)]]
        if after is not None:
            rows = [r for r in rows if order[id(r)] > order[id(after)]]
    return rows


def _classes(t: Table) -> list[Row]:
    return [
        r
        for r in t.rows
        if r.side == "expenditure" and r.code and len(r.code) == 3 and r.item not in ITEM_LABELS
    ]


@rule(
    "summary.classes",
    severity="error",
    table_local=True,
    kinds=KINDS,
    description="支出方各功能分类(类)之和 = 本年支出合计 — the function classes add up to the year's expenditure",
)
def classes_add_up(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in KINDS:
            continue
        cur = t.row_by_item("expenditure", "current_total")
        classes = _classes(t)
        if cur is None or not classes:
            continue
        parts = [(r.code or "", r) for r in classes]
        for col in _side_cols(t, "expenditure"):
            yield from _identity(ctx, "summary.classes", t, "expenditure", col, cur, parts, "支出方各类之和与本年支出合计")


@rule(
    "summary.income_items",
    severity="error",
    table_local=True,
    kinds=KINDS,
    description="收入方各项收入之和 = 本年收入合计；一般公共预算 = 经常收入 + 非税；上年结转 = 其各项 — income lines add up",
)
def income_items_add_up(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in KINDS:
            continue
        cur = t.row_by_item("income", "current_total")
        items = (_income_items(t, before=cur) or _income_items(t)) if cur is not None else []
        if cur is not None and items:
            parts = [(r.item or "", r) for r in items]
            yield from _identity(ctx, "summary.income_items", t, "income", "total", cur, parts, "收入方各项收入之和与本年收入合计")
        gb = t.row_by_item("income", "general_budget")
        subs = [r for r in t.rows if r.side == "income" and (r.item or "").startswith("general_budget.")]
        if gb is not None and len(subs) >= 2:
            yield from _identity(
                ctx, "summary.income_items", t, "income", "total", gb, [(r.item or "", r) for r in subs], "一般公共预算拨款各项之和"
            )
        carry = t.row_by_item("income", "carryover")
        csubs = [r for r in t.rows if r.side == "income" and (r.item or "").startswith("carryover.")]
        if carry is not None and csubs:
            yield from _identity(
                ctx, "summary.income_items", t, "income", "total", carry, [(r.item or "", r) for r in csubs], "上年结转各项之和"
            )


@rule(
    "summary.total_missing",
    severity="warning",
    kinds=KINDS,
    description="收支总表收入方列本年收入合计，支出方本年支出合计一格空白（各类列有金额） — the expenditure side's year total left blank",
)
def expenditure_total_missing(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in KINDS:
            continue
        income_total = t.row_by_item("income", "current_total")
        if income_total is None or _val(income_total, "total") is None:
            continue
        if t.row_by_item("expenditure", "grand_total") is None:
            continue  # the expenditure side was not read to its end
        classes = [r for r in _classes(t) if _val(r, "total") is not None]
        if not classes:
            continue
        ctx.checked()
        expenditure_total = t.row_by_item("expenditure", "current_total")
        if expenditure_total is not None and expenditure_total.values:
            continue
        class_sum = iv_sum(t, [_val(r, "total") for r in classes])
        if _unlabelled_total(t, classes, class_sum):
            continue  # a line carrying the sum under a label not read: the total is printed
        yield finding(
            "summary.total_missing",
            f"{table_label(t)}收入方列本年收入合计 {fmt(_val(income_total, 'total'))}，支出方“本年支出合计”一格空白"
            f"（支出方各类之和 {fmt_iv(class_sum)}） — the expenditure side's year total is left blank",
            table=t.kind,
            row="expenditure.current_total",
            column="total",
            expected=class_sum.mid.quantize(Decimal("0.01")),
            source=income_total.source,
        )


def _unlabelled_total(t: Table, classes: list[Row], class_sum: Interval) -> bool:
    """Does an expenditure line other than a class or 支出总计 print the classes' sum?  (With one
    class, its only 款 does too: then the total cannot be told apart, and nothing is said.)"""
    skip = {id(r) for r in classes} | {id(t.row_by_item("expenditure", "grand_total"))}
    return any(
        r.side != "income" and id(r) not in skip and _val(r, "total") is not None
        and iv(t, _val(r, "total")).meets(class_sum)
        for r in t.rows
    )
