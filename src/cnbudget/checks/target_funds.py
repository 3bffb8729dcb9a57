"""The funds the 情况说明's 绩效目标 statement says its projects involve, against the tables.

    claim.target_funds_slip  "全面实施绩效目标管理，涉及一级预算项目33个，预算资金9754.42万元，其中财政
                             拨款6733.42万元" where the tables print 项目支出 9,744.42 and its 财政拨款
                             part 6,743.42: one digit of each printed wrong

What such a statement covers varies (all projects, the projects that filed targets, 财政性资金
only), so a figure that matches no project total of the tables says nothing by itself; one that
matches none and differs from one of them in a single digit, the other digits and the places all
the same, is that figure mistyped.  The project totals: the 项目支出 column of the 支出表 and of
the 一般公共预算支出表, and the totals of the 项目支出表 and of the 绩效目标表.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt
from cnbudget.model import Disclosure, Finding, Table
from cnbudget.tables.kinds import KIND_LABELS
from cnbudget.units import convert

# a sentence about the projects' 绩效目标 and the money they involve
TARGET_WORD, PROJECT_WORD = "绩效目标", "项目"
PROJECT_TABLES = ("projects", "performance_targets")


def _project_totals(doc: Disclosure) -> list[tuple[Table, str, Decimal]]:
    """(table, column, figure) of each project total the tables print."""
    out = []
    for t in doc.tables:
        total = t.total_row()
        if total is None:
            continue
        for col, v in total.values.items():
            if t.kind in PROJECT_TABLES or col == "project":
                out.append((t, col, v))
    return out


def _printed(value: Decimal, places: int) -> str:
    return format(value.quantize(Decimal(1).scaleb(-places)), "f")


def one_digit_apart(a: str, b: str) -> bool:
    """Two printed figures of the same length and places that differ in one digit only."""
    return len(a) == len(b) and a.find(".") == b.find(".") and sum(x != y for x, y in zip(a, b, strict=True)) == 1


@rule(
    "claim.target_funds_slip",
    severity="warning",
    description="绩效目标所涉项目资金与表中项目支出仅差一位数字（9754.42 与 9,744.42），疑为笔误 — "
    "the funds of the projects with targets one digit off the project spending the tables print",
)
def target_funds_slips(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    statements = [c for c in doc.claims if c.kind == "amount" and TARGET_WORD in c.text and PROJECT_WORD in c.text]
    if not statements:
        return
    totals = _project_totals(doc)
    for c in statements:
        places = max(0, -int(c.value.as_tuple().exponent))
        stated = _printed(c.value, places)
        near: list[tuple[Table, str, Decimal]] = []
        matched = False
        for t, col, v in totals:
            shown = convert(v, t.unit, c.unit)
            if shown is None:
                continue
            printed = _printed(shown, places)
            if printed == stated:
                matched = True
                break
            if one_digit_apart(stated, printed):
                near.append((t, col, shown))
        if not totals:
            continue
        ctx.checked()
        if matched or not near:
            continue
        t, col, shown = near[0]
        label = KIND_LABELS.get(t.kind, t.kind)
        yield finding(
            "claim.target_funds_slip",
            f"绩效目标说明称{c.subject or ''} {fmt(c.value)}{c.unit}，与{label}项目支出合计 {_printed(shown, places)}{c.unit}"
            f"仅一位数字不同，疑为笔误 — one digit off the project spending the tables print",
            table=t.kind,
            row="total",
            column=col,
            expected=shown.quantize(Decimal(1).scaleb(-places)),
            actual=c.value,
            source=c.source,
            text=c.text,
        )
