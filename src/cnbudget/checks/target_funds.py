"""The funds the 情况说明's 绩效目标 statement says its projects involve, against the tables.

    claim.target_funds_slip  "全面实施绩效目标管理，涉及一级预算项目33个，预算资金9754.42万元，其中财政
                             拨款6733.42万元" where the tables print 项目支出 9,744.42 and its 财政拨款
                             part 6,743.42: one digit of each printed wrong

What such a statement covers varies (all projects, the projects that filed targets, 财政性资金
only), so a figure that matches no project total of the tables says nothing by itself; one that
matches none and differs from one of them in a single digit, the other digits and the places all
the same, is that figure mistyped.  The project totals: the 项目支出 column of the 支出表 and of
the 一般公共预算支出表, and the totals of the 项目支出表 and of the 绩效目标表.

    claim.target_funds_count  "涉及一级预算项目10个，预算资金1606.28万元" where the 项目支出表 lists
                             10 projects: then the statement is of those ten, and its money is
                             what they add up to (all funds, or one source's column) — 933.00
                             there.  A table that leaves rows out (a 涉密 project, its 合计 above
                             the rows) is met by the rows it prints as well as by its 合计.  A
                             绩效目标表 printed as a list of projects (a 项目名称 column, one amount
                             a row: "共计24个一级项目…详见表11") counts like a 项目支出表; a
                             project's own form (项目资金 / 其中：财政拨款 rows) lists no projects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt, row_label
from cnbudget.model import Claim, Disclosure, Finding, Row, Table
from cnbudget.numbers import decimals
from cnbudget.tables.kinds import KIND_LABELS
from cnbudget.units import UNIT_SCALE, convert

# a sentence about the projects' 绩效目标 and the money they involve
TARGET_WORD, PROJECT_WORD = "绩效目标", "项目"
PROJECT_TABLES = ("projects", "performance_targets")
# "N个项目", "一级预算项目N个", "项目共N个"
_PROJECTS_RE = re.compile(r"\d+\s*个(?:一级|二级)?(?:预算)?项目|项目(?:共|共计)?\s*\d+\s*个")


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


def _stated_projects(doc: Disclosure) -> list[tuple[int, Claim]]:
    """(number of projects, the money) of each 绩效目标 statement: "…绩效目标管理，涉及一级预算项目
    10个，预算资金1606.28万元" — the count, then the first amount after it in its statement."""
    out = []
    claims = doc.claims
    for k, c in enumerate(claims):
        if c.kind != "count" or c.unit != "个" or c.basis != "current" or TARGET_WORD not in c.text \
                or not _PROJECTS_RE.search(c.text):
            continue
        money = next((a for a in claims[k + 1:k + 3] if a.kind == "amount" and a.text == c.text
                      and a.unit in UNIT_SCALE and "whole" not in a.related), None)
        if money is not None and c.value == int(c.value) and c.value > 0:
            out.append((int(c.value), money))
    return out


# the column a table listing projects names each of them by (a 项目支出表, or a 绩效目标表 printed as a
# list: 单位名称 / 项目名称 / 金额 / 绩效目标); a project's own form has none, its rows are its funds
_PROJECT_NAME_COLUMN = "项目名称"


def _listed_projects(t: Table) -> list[Row]:
    total = t.total_row()
    rows = [r for r in t.rows if r is not total and r.values and r.item != "unit"]
    if t.kind != "projects" and not all(any(_PROJECT_NAME_COLUMN in k for k in r.texts) for r in rows):
        return []  # a 绩效目标表 that is one project's form, not a list of projects
    return rows


@rule(
    "claim.target_funds_count",
    severity="warning",
    description="绩效目标说明所称项目个数与项目支出表所列一致，资金却与这些项目的合计不符 — "
    "the funds a 绩效目标 statement gives for as many projects as the 项目支出表 lists are not theirs",
)
def target_funds_counts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    statements = _stated_projects(doc)
    tables = [(t, rows) for t in doc.tables if t.kind in PROJECT_TABLES and (rows := _listed_projects(t))] \
        if statements else []
    for n, money in statements:
        for t, rows in tables:
            if len(rows) != n:
                continue
            ctx.checked()
            places = decimals(money.value)
            stated = _printed(money.value, places)
            sums = {col: sum((r.values[col] for r in rows if col in r.values), Decimal(0))
                    for col in dict.fromkeys(c for r in rows for c in r.values)}
            total = t.total_row()
            figures = [*sums.values(), *(total.values.values() if total is not None else ())]
            if any(_printed(v, places) == stated for f in figures if (v := convert(f, t.unit, money.unit)) is not None):
                break
            whole = convert(sums.get("total", max(sums.values(), default=Decimal(0))), t.unit, money.unit)
            if whole is None:
                break
            names = "、".join(row_label(r) for r in rows[:3]) + ("等" if n > 3 else "")
            yield finding(
                "claim.target_funds_count",
                f"绩效目标说明称 {n} 个项目、{money.subject or '资金'} {fmt(money.value)}{money.unit}，而{KIND_LABELS.get(t.kind, t.kind)}"
                f"所列 {n} 个项目（{names}）合计 {fmt(whole)}{money.unit}，各资金来源也无此数 — "
                "the money stated for the projects is not what the table's projects add up to",
                table=t.kind,
                row="total",
                column="total",
                expected=whole,
                actual=money.value,
                source=money.source,
                text=money.text,
            )
            break
