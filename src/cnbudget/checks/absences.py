"""What the narrative says is not there, against the tables that print it.

    claim.no_vehicle_purchase  "2026年单位预算安排购置车辆0辆", "本年度未报送购置车辆预算", "无公务用车
                               购置计划" where the “三公”经费表 budgets (or a final account spends)
                               公务用车购置费 this year, or an economic table prints 公务用车购置
                               (31013) above zero; or, unless the statement is of the 财政拨款
                               alone, where the 政府采购 table lists a car (品目 A020305 乘用车)

    claim.no_fund              "本单位无政府性基金预算支出、国有资本经营预算支出和上级专项转移支付预算
                               支出" in a budget whose tables print that fund this year above zero
                               (the 收支总表 / 财政拨款收支总表 / 收入表 line or column of the fund,
                               the fund's own table), or a line 上级下达资金 / 上级专项转移支付

The statement is judged clause by clause: a clause naming another year than the document's
("上年度购置新车") or only a part of the department (本级, 机关) is not, and a figure the table
prints as zero or leaves blank agrees with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.common import passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.checks.values import fmt, table_label
from cnbudget.model import Disclosure, Finding, Table, TextBlock

# buying cars, in the words disclosures use: 购置车辆, 车辆购置, 购置公务用车, 公务车购置, 购置公车
_BUY_CAR = r"(?:购置|购买)(?:公务用?车|公车|车辆)|(?:公务用?车|公车|车辆)购置"
# …said not to happen: "安排购置车辆0辆", "未报送购置车辆预算", "无公务用车购置计划", "未安排经费于
# 公务用车购置"; not "不含车辆" (a list of equipment that leaves cars out)
NO_CAR_BOUGHT_RE = re.compile(
    rf"(?:{_BUY_CAR})\s*0\s*辆|(?:未|没有|无|不再)[^,;。:!?]{{0,12}}?(?:{_BUY_CAR})"
)
_NO_CAR_HINT = re.compile(r"车")
_CLAUSE_RE = re.compile(r"[^,;。:!?]+")
_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")
_OTHER_TIME_RE = re.compile(r"上年|去年|上一年|以前年度|往年")
_PART_RE = re.compile(r"本级|机关")
# a car in the 政府采购品目分类目录: A020305 乘用车 (A02030501 轿车, …03 商务车 …)
CAR_ITEM_RE = re.compile(r"A020305|(?!C)\S*(?:轿车|越野车|商务车|乘用车)")
# a statement of the 财政拨款 alone: cars bought with other money may stand in the 政府采购 table
_FISCAL_ONLY_RE = re.compile(r"一般公共预算|财政拨款")
# 公务用车购置 in the economic classification: 31013 (资本性支出), 30913 (基本建设支出, before 2018)
CAR_PURCHASE_CODES = ("31013", "30913")


def _procured_cars(doc: Disclosure) -> list[tuple[Table, str, Decimal]]:
    """(table, what it is called, amount) of each car a 政府采购 table lists (品目 A020305 乘用车:
    轿车, 越野车, 商务车; a car hired, C…租赁服务, is no purchase)."""
    out: list[tuple[Table, str, Decimal]] = []
    for t in doc.tables_of("procurement"):
        for r in t.rows:
            item = next((c.strip() for k, c in r.texts.items() if "目录" in k or "品目" in k), "")
            if CAR_ITEM_RE.match(item) and (v := r.values.get("total")) is not None and v > 0:
                out.append((t, f"“{r.name or item}”（{item}）", v))
    return out


def _purchases(doc: Disclosure) -> list[tuple[Table, str, Decimal]]:
    """(table, what it is called, amount) of each car purchase this year's tables print above zero."""
    out: list[tuple[Table, str, Decimal]] = []
    column = "actual.vehicle_purchase" if doc.meta.kind == "final" else "vehicle_purchase"
    for t in doc.tables_of("three_public"):
        total = t.total_row()
        if total is not None and (v := total.values.get(column)) is not None and v > 0:
            out.append((t, "公务用车购置费", v))
    for t in doc.tables:
        for r in t.rows:
            if r.code in CAR_PURCHASE_CODES and (v := r.values.get("total")) is not None and v > 0:
                out.append((t, f"{r.code} {r.name or '公务用车购置'}", v))
                break
    return out


def _speaks_of_this_year(clause: str, year: int | None) -> bool:
    years = {int(y) for y in _YEAR_RE.findall(clause)}
    if _OTHER_TIME_RE.search(clause) and not re.search(r"本年|当年|今年", clause):
        return False
    return not years or (year is not None and year in years)


def _denials(doc: Disclosure, ctx: Context, b: TextBlock, denial: re.Pattern[str]) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """(clause, denial) of each clause of ``b`` that denies something of the whole department this
    year: a clause of another year, or of 本级 / 机关 alone, is passed over."""
    for clause in _CLAUSE_RE.finditer(b.text):
        if (m := denial.search(clause.group(0))) is None:
            continue
        ctx.checked()
        if _speaks_of_this_year(clause.group(0), doc.meta.year) and not _PART_RE.search(clause.group(0)):
            yield clause, m


@rule(
    "claim.no_vehicle_purchase",
    severity="error",
    description="情况说明称本年不购置车辆（购置车辆0辆、未安排车辆购置），表中却列有公务用车购置费 — "
    "the text says no car is bought, a table budgets a purchase",
)
def no_vehicle_purchase(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    blocks = text.holding(_NO_CAR_HINT)
    if not blocks:
        return
    bought, procured = _purchases(doc), _procured_cars(doc)
    for b in blocks:
        for clause, m in _denials(doc, ctx, b, NO_CAR_BOUGHT_RE):
            found = bought or ([] if _FISCAL_ONLY_RE.search(clause.group(0)) else procured)
            if not found:
                continue
            t, what, v = found[0]
            yield text_finding(
                "claim.no_vehicle_purchase",
                f"情况说明称“{clause.group(0).strip()}”，而{table_label(t)}列有{what} {fmt(v)}{t.unit or ''} — "
                "the text says no car is bought this year; a table budgets a purchase",
                b, clause.start() + m.start(), clause.start() + m.end(),
                table=t.kind,
            )
            break  # one finding per passage: the statement is one


# "无政府性基金预算支出", "没有国有资本经营预算拨款", "无…上级专项转移支付支出" (not 无锡: a city)
NO_FUND_RE = re.compile(r"(?:(?<!暂)无(?!锡)|没有)[^,;。:!?]{0,20}?(?:政府性基金|国有资本经营|上级专项转移支付|上级转移支付)")
_FUND_WORD_RE = re.compile(r"政府性基金|国有资本经营|上级专项转移支付|上级转移支付")
_FUND_IDS = {"政府性基金": "gov_fund", "国有资本经营": "state_capital"}
# carried-over money is not the year's: "无上年结转的政府性基金"
_CARRIED_RE = re.compile(r"结转|结余")
_TRANSFER_ROW_RE = re.compile(r"^(?:上级下达资金|上级(?:专项)?转移支付(?:资金|支出)?)$")


def _fund_amounts(doc: Disclosure, fund: str) -> list[tuple[Table, str, Decimal]]:
    """(table, where, amount) of each place this year's tables print ``fund`` above zero."""
    out: list[tuple[Table, str, Decimal]] = []
    if fund in _FUND_IDS:
        fid = _FUND_IDS[fund]
        for t in doc.tables:
            if t.kind in ("summary", "fiscal_summary"):
                for r in t.rows:
                    if r.side == "income" and r.item == fid and (v := r.values.get("total")) is not None and v > 0:
                        out.append((t, f"“{r.name or fund}”", v))
            elif t.kind == "income" and (tr := t.total_row()) is not None and (v := tr.values.get(fid)) is not None and v > 0:
                out.append((t, f"合计“{fund}”栏", v))
            elif t.kind == fid and (tr := t.total_row()) is not None and (v := tr.values.get("total")) is not None and v > 0:
                out.append((t, "合计", v))
        return out
    for t in doc.tables:
        for r in t.rows:
            if _TRANSFER_ROW_RE.match(re.sub(r"\s+", "", r.name or "")) and (v := r.values.get("total")) is not None and v > 0:
                out.append((t, f"“{r.name}”", v))
    return out


@rule(
    "claim.no_fund",
    severity="error",
    doc_kinds=("budget",),
    description="情况说明称无政府性基金、国有资本经营或上级专项转移支付预算，表中却列有该项资金 — "
    "the text says a fund is not there, the tables print it",
)
def no_fund(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    for b in text.holding(_FUND_WORD_RE):
        for clause, m in _denials(doc, ctx, b, NO_FUND_RE):
            said = clause.group(0)
            if _CARRIED_RE.search(said):
                continue
            # every fund the clause denies, from the negation on ("无政府性基金、国有资本经营…")
            for fund in dict.fromkeys(w.group(0) for w in _FUND_WORD_RE.finditer(said, m.start())):
                found = _fund_amounts(doc, "上级专项转移支付" if "转移支付" in fund else fund)
                if not found:
                    continue
                t, where, v = found[0]
                yield text_finding(
                    "claim.no_fund",
                    f"情况说明称“{said.strip()}”，而{table_label(t)}{where}为 {fmt(v)}{t.unit or ''} — "
                    f"the text says there is no {fund}; the tables print it",
                    b, clause.start() + m.start(), clause.end(),
                    table=t.kind,
                )
