"""Rules on the current-year grant (当年拨款) the text states.

    claim.grant_with_carryover  a budget's "一般公共预算当年拨款 X 万元" where X is that fund's 本年收入
                                plus its 上年结转 in the 财政拨款收支总表: the carry-over was counted in

当年拨款 is this year's appropriation; money carried over from last year is printed beside it on
the fiscal summary's income side (上年结转 / 一般公共预算), never inside it.  A template that
describes the fund's table ("一般公共预算当年拨款规模变化情况（详见表5）") tempts the preparer
to state that table's total, which in a year with carry-over is the two added.  The claim is
read as this slip only where the stated figure is that sum, within the rounding of the printed
parts, and not the current-year figure itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt, in_table_unit, iv, iv_sum
from cnbudget.model import Disclosure, Finding, Table
from cnbudget.numbers import Interval

# "一般公共预算当年拨款", "当年政府性基金预算拨款收入", "本年一般公共预算财政拨款收入": one fund's
# grant said to be this year's.  Not "一般公共预算财政拨款收入" alone: a budget's 收入 is often
# said of the income side's 总计, carry-over included (收入总计 = 本年收入 + 上年结转).
_GRANT_RE = re.compile(
    r"^(?:(?P<year>本年|当年))?(?P<fund>一般公共|政府性基金)(?:预算)?(?:财政)?"
    r"(?:(?P<grant>当年|本年)拨款(?:收入)?|拨款收入|收入)$"
)
_FUNDS = {"一般公共": ("general_budget", "一般公共预算"), "政府性基金": ("gov_fund", "政府性基金预算")}


def _fiscal_summary(doc: Disclosure) -> Table | None:
    """The one 财政拨款收支总表 (none where several are printed: one may be a unit's)."""
    tables = [t for t in doc.tables if t.kind == "fiscal_summary"]
    return tables[0] if len(tables) == 1 else None


@rule(
    "claim.grant_with_carryover",
    severity="warning",
    description="所述当年拨款未含上年结转 — a stated current-year grant does not count last year's carry-over in",
)
def grant_with_carryover(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    if doc.meta.kind != "budget" or (table := _fiscal_summary(doc)) is None:
        return
    for c in doc.claims:
        if c.kind != "amount" or c.basis != "current" or (m := _GRANT_RE.match(c.subject or "")) is None \
                or not (m.group("year") or m.group("grant")):
            continue
        item, label = _FUNDS[m.group("fund")]
        current = table.row_by_item("income", item)
        carried = table.row_by_item("income", f"carryover.{item}")
        if current is None or carried is None:
            continue
        now, carry = current.values.get("total"), carried.values.get("total")
        unit = table.unit or doc.meta.unit or ""
        if now is None or not carry or (stated := in_table_unit(Interval.of(c.value), c.unit, unit)) is None:
            continue
        ctx.checked()
        if stated.meets(iv(table, now)) or not stated.meets(iv_sum(table, [now, carry])):
            continue
        yield finding(
            "claim.grant_with_carryover",
            f"情况说明称“{c.subject}”{fmt(c.value)}{c.unit}，为财政拨款收支总表{label}本年收入 "
            f"{fmt(now)}{unit}与上年结转 {fmt(carry)}{unit}之和：当年拨款不含上年结转，应为 {fmt(now)}{unit}"
            " — the stated current-year grant counts last year's carry-over in",
            table=table.kind,
            row=item,
            column="total",
            expected=now,
            actual=c.value,
            source=c.source,
            text=c.text,
        )
