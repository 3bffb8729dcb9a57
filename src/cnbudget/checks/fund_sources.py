"""What the narrative says all the money came from, against the tables' sources of income.

    claim.fund_exclusivity   "收入 X 万元，均为一般公共预算拨款" / "全部为财政拨款": false when
                             another fund (政府性基金, 国有资本经营, 财政专户, 事业收入, 其他收入 …)
                             carries a non-zero amount in the same scope

The scope is the one the sentence's own amount names: it must equal a total the tables print
(收入表 or 收支总表 收入合计 / 本年收入, or 财政拨款收支总表 收入 for "一般公共预算"); an amount
that equals no such total (a class, a project, 三公, 政府采购, the 上年结转 alone) is not judged,
nor a hedged one ("主要为", "基本为").  Without an amount, only a sentence whose subject is the
department's income itself ("本部门收入均为一般公共预算拨款") is judged, against this year's
income (上年结转 aside).  A fund counts only where a table
prints it under its own name: 上年结转 or 上级转移支付 printed without a fund may be the same
一般公共预算 money, so they make no finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.checks.common import passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.checks.values import col_label, fmt, in_table_unit, iv, table_label
from cnbudget.model import Disclosure, Finding, Table
from cnbudget.narrative.sentences import sentence_span
from cnbudget.numbers import Interval, parse_amount

# "均为一般公共预算拨款", "全部为财政拨款", "全部来源于一般公共预算" — not "主要全部为", "不全为"
_ONLY = re.compile(
    r"(?<![主要基本不并])(?:全部|均|都|全)(?:为|是|系|来源于|来自于?|属于)(?:本年|当年)?"
    r"(?P<fund>一般公共预算|财政拨款)"
)
# What every match of _ONLY holds: a passage without it is not tried at every character (the
# look-behind opens the pattern).
_ONLY_HINT = re.compile(r"(?:全部|均|都|全)(?:为|是|系|来源于|来自|属于)")
_AMOUNT = re.compile(r"(?P<v>\d[\d,]*(?:\.\d+)?)\s*(?P<u>亿元|万元|千元|元)")
_CLAUSE_START = re.compile(r"[，,；;：:（(]")

# income sources that are another fund than 一般公共预算 / than 财政拨款, by column id or item
_NOT_GENERAL = ("gov_fund", "state_capital", "special_account", "business", "operating",
                "superior_subsidy", "affiliated", "other", "unit_funds")
_NOT_FISCAL = ("special_account", "business", "operating", "superior_subsidy", "affiliated", "other", "unit_funds")
# parts printed under a fund's own name: 政府性基金 carried over or transferred
_FUND_PARTS = {"gov_fund", "state_capital"}


@dataclass(frozen=True)
class Scope:
    """A total the tables print and the other funds inside it."""

    what: str  # "收入表合计" …
    table: Table
    total: Decimal
    others: tuple[tuple[str, Decimal], ...]  # (printed label, amount) of each non-zero other fund


def _others(fund: str, values: dict[str, tuple[str, Decimal]]) -> tuple[tuple[str, Decimal], ...]:
    """The non-zero funds other than ``fund`` among ``values`` (id → (label, amount))."""
    plain = _NOT_GENERAL if fund == "一般公共预算" else _NOT_FISCAL
    out: list[tuple[str, Decimal]] = []
    for key, (label, v) in values.items():
        head, _, tail = key.partition(".")
        other = key in plain or (fund == "一般公共预算" and head in ("carryover", "transfer") and tail in _FUND_PARTS)
        if other and v != 0 and all(label != x for x, _ in out):
            out.append((label, v))
    return tuple(out)


def _scopes(doc: Disclosure, fund: str) -> Iterator[Scope]:
    inc = doc.table("income")
    tr = inc.total_row() if inc is not None else None
    if inc is not None and tr is not None and "general_budget" in inc.column_ids():
        vals = {c: (col_label(inc, c), v) for c, v in tr.values.items()}
        for col, what in (("total", "合计"), ("current_total", "本年收入合计")):
            if col in tr.values:
                others = _others(fund, {k: x for k, x in vals.items() if not k.startswith("carryover")}
                                 if col == "current_total" else vals)
                yield Scope(f"{table_label(inc)}{what}", inc, tr.values[col], others)
    s = doc.table("summary")
    if s is not None:
        items = {r.item: ((r.name or r.item or ""), r.values["total"]) for r in s.rows
                 if r.side == "income" and r.item and "total" in r.values}
        for item, what in (("grand_total", "收入总计"), ("current_total", "本年收入合计")):
            if item in items:
                parts = {k: x for k, x in items.items() if not (item == "current_total" and k.startswith("carryover"))}
                yield Scope(f"{table_label(s)}{items[item][0] or what}", s, items[item][1], _others(fund, parts))
    f = doc.table("fiscal_summary")
    if f is not None and fund == "一般公共预算":
        for r in f.rows:
            if r.side != "income" or r.item not in ("grand_total", "current_total") or "total" not in r.values:
                continue
            # funds as rows (income.gov_fund) or as columns of the total line
            parts = {x.item: (x.name or x.item, x.values["total"]) for x in f.rows
                     if x.side == "income" and x.item and "total" in x.values
                     and not (r.item == "current_total" and x.item.startswith("carryover"))}
            parts.update({c: (col_label(f, c), v) for c, v in r.values.items() if c != "total"})
            yield Scope(f"{table_label(f)}{r.name or '收入'}", f, r.values["total"], _others(fund, parts))


def _meets(stated: tuple[Decimal, str], sc: Scope, doc: Disclosure) -> bool:
    a = in_table_unit(Interval.of(stated[0]), stated[1], sc.table.unit or doc.meta.unit)
    return a is not None and a.meets(iv(sc.table, sc.total))


# "2024年本部门收入", "我单位本年收入预算": the department's income, said with no amount
_INCOME_SUBJECT = re.compile(
    r"^(?:(?:19|20)\d\d年(?:度)?)?(?:本部门|本单位|我部门|我单位|我局|部门|单位)?(?:本年|当年)?(?:部门)?收入(?:预算)?(?:来源)?$"
)


def _bare_income(text: str, start: int) -> bool:
    s0, _ = sentence_span(text, start)
    clause = re.split(r"[，,；;：:]", text[s0:start])[-1]
    return bool(_INCOME_SUBJECT.match(re.sub(r"\s+", "", clause)))


def _this_years_income(doc: Disclosure, fund: str) -> Scope | None:
    """The income of the year (上年结转 aside) as the income table, or else the summary, prints it."""
    inc = doc.table("income")
    tr = inc.total_row() if inc is not None else None
    if inc is not None and tr is not None and "general_budget" in inc.column_ids():
        total = tr.values.get("current_total", tr.values.get("total"))
        vals = {c: (col_label(inc, c), v) for c, v in tr.values.items() if not c.startswith("carryover")}
        if total is not None:
            return Scope(f"{table_label(inc)}本年收入", inc, total, _others(fund, vals))
    s = doc.table("summary")
    if s is not None:
        items = {r.item: ((r.name or r.item or ""), r.values["total"]) for r in s.rows
                 if r.side == "income" and r.item and "total" in r.values and not r.item.startswith("carryover")}
        if "current_total" in items:
            return Scope(f"{table_label(s)}{items['current_total'][0]}", s, items["current_total"][1], _others(fund, items))
    return None


def _stated_amount(text: str, start: int, end: int) -> tuple[Decimal, str] | None:
    """The amount the exclusivity speaks of: the last one before it in its sentence, at most
    one clause back ("支出181807.13万元，全部为…"), or one right after it ("全部为一般公共预算
    拨款1773.19万元")."""
    s0, _ = sentence_span(text, start)
    before = list(_AMOUNT.finditer(text, s0, start))
    if before and len(_CLAUSE_START.findall(text, before[-1].end(), start)) <= 1:
        m = before[-1]
    else:
        m = _AMOUNT.search(text, end, end + 16)
        if m is None or m.start() - end > 6:
            return None
    v = parse_amount(m.group("v"))
    return (v, m.group("u")) if v is not None else None


@rule(
    "claim.fund_exclusivity",
    severity="error",
    kinds=("income", "summary", "fiscal_summary"),
    description="说明称收入“均为/全部为一般公共预算拨款（财政拨款）”，而表中同口径另有其他资金 — "
    "the narrative says all the money is general-budget (or fiscal) while the tables print another fund",
)
def fund_exclusivity(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for block in passages(doc, ctx).items:
        if not _ONLY_HINT.search(block.text):
            continue
        for m in _ONLY.finditer(block.text):
            fund = m.group("fund")
            stated = _stated_amount(block.text, m.start(), m.end())
            if stated is None:
                # no amount: judged only where the subject is the department's income itself
                sc0 = _this_years_income(doc, fund) if _bare_income(block.text, m.start()) else None
                scopes = [sc0] if sc0 is not None else []
            else:
                scopes = [sc for sc in _scopes(doc, fund) if _meets(stated, sc, doc)]
            for sc in scopes:
                ctx.checked()
                if not sc.others or (sc.what, m.group(0)) in seen:
                    break
                seen.add((sc.what, m.group(0)))
                listed = "、".join(f"{label} {fmt(v)}" for label, v in sc.others[:4])
                yield text_finding(
                    "claim.fund_exclusivity",
                    f"称“{m.group(0)}”，但{sc.what} {fmt(sc.total)} 中另有{listed}（{sc.table.unit or doc.meta.unit or ''}） — "
                    f"the text says all of it is {'general-budget' if fund == '一般公共预算' else 'fiscal'} money; "
                    f"the tables print other funds",
                    block, m.start(), m.end(),
                    table=sc.table.kind,
                    expected=sc.total - sum((v for _, v in sc.others), Decimal(0)),
                    actual=sc.total,
                )
                break
