"""Which table cell a narrative figure speaks of: ``Ref(table kind, row key, column id)``.

The same words point at different tables in different sections (docs/model.md): "基本支出"
under 三、支出 is ``Ref("expenditure", "total", "basic")``, under 六、基本支出 it is the whole
``Ref("basic_expenditure", "total", "total")``.  So each topic has its own ordered list of
(subject pattern → row, column); the first pattern that matches the subject wins.  A few
quantities are recognised in any topic: the 三公 figures and 机关运行经费.

Rules that depend on the document kind say so: final accounts print 人员经费合计 / 公用经费合计
as rows of the 基本支出表, budgets as columns; the final-account 三公 table has ``budget.`` and
``actual.`` column groups.  A figure of another period (上年, or 年初预算 in a final account)
refers to no cell, except the 三公 budget, which the final-account table prints.

Two-sided summary tables: ``Ref.side`` says which side a figure is on ("收入总计" → income,
"支出总计" → expenditure, a function class → expenditure); "收、支总计" names both (side None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.codes.catalog import economic_code, gov_economic_code, name_matches
from cnbudget.model import Ref, Table
from cnbudget.narrative.functions import (
    CLASS_RE,
    CODE_FIRST_ITEM_RE,
    CODED_ITEM_RE,
    ITEM_RE,
    KUAN_ITEM_RE,
    FunctionIndex,
)

_BUDGET_BASES = frozenset({"initial_budget", "final_budget", "budget"})


@dataclass(frozen=True)
class Rule:
    """Subject pattern → (row, column); ``kind`` limits it to "budget" or "final" documents;
    ``table``: a cell of another table than the topic's own."""

    pattern: re.Pattern[str]
    row: str
    column: str
    kind: str | None = None
    table: str | None = None


def _r(pattern: str, row: str, column: str, kind: str | None = None, table: str | None = None) -> Rule:
    return Rule(re.compile(pattern), row, column, kind, table)


# Function classes ("社会保障和就业支出", "一般公共服务(类)") are handled beside these rules.
TOPIC_RULES: dict[str, tuple[Rule, ...]] = {
    "summary": (
        _r(r"收支(预算)?总计|收入(预算)?总计|支出(预算)?总计|收入、支出(预算)?总计|^总计$|收支总预算|收支预算总",
           "grand_total", "total"),
        _r(r"^(本年)?(收入|支出)合计$", "current_total", "total"),
        # the income side's items ("(1)一般公共预算拨款收入 105,814.6 万元"), rows of the summary
        _r(r"^(本年)?一般公共预算(财政)?拨款(收入)?$", "general_budget", "total"),
        _r(r"^(本年)?政府性基金(预算)?(财政)?拨款(收入)?$", "gov_fund", "total"),
        _r(r"^(本年)?国有资本经营(预算)?(财政)?拨款(收入)?$", "state_capital", "total"),
        _r(r"^(本年)?财政专户管理资金(收入)?$", "special_account", "total"),
        _r(r"^(本年)?事业收入$", "business", "total"),
        _r(r"^(本年)?事业单位经营收入$", "operating", "total"),
        _r(r"^(本年)?上级补助收入$", "superior_subsidy", "total"),
        _r(r"^(本年)?附属单位上缴收入$", "affiliated", "total"),
        _r(r"^(本年)?其他收入$", "other", "total"),
        _r(r"^上年结转(结余)?$|^上年结余、?结转$", "carryover", "total"),
        _r(r"^年终结转(结余)?$|^结转下年$", "carryover_out", "total"),
    ),
    "income": (
        _r(r"^本年收入(合计)?$", "total", "current_total", "budget"),
        _r(r"^(收入|收入合计|收入总计|收入预算|收入预算合计|总收入)$", "total", "total", "budget"),
        # a final-account income table's only whole is 本年收入合计, read as column "total"
        _r(r"^(收入|收入合计|本年收入(合计)?)$", "total", "total", "final"),
        _r(r"一般公共预算", "total", "general_budget"),
        _r(r"^(本年)?(其中)?财政拨款(收入)?$", "total", "fiscal"),
        _r(r"政府性基金", "total", "gov_fund"),
        _r(r"国有资本", "total", "state_capital"),
        _r(r"财政专户|专户管理", "total", "special_account"),
        _r(r"事业单位经营收入|^经营收入$", "total", "operating"),
        _r(r"^(本年)?事业收入$", "total", "business"),
        _r(r"上级补助", "total", "superior_subsidy"),
        _r(r"附属单位上缴", "total", "affiliated"),
        _r(r"^(本年)?其他收入$", "total", "other"),
        _r(r"^单位资金$", "total", "unit_funds"),
        _r(r"上年结转|年初结转", "total", "carryover"),
    ),
    "expenditure": (
        _r(r"^(本年)?支出(预算)?(合计|总计)?$", "total", "total"),
        _r(r"^基本支出$", "total", "basic"),
        _r(r"^项目支出$", "total", "project"),
        _r(r"上缴上级", "total", "remit_superior"),
        _r(r"^经营支出$", "total", "operating_expense"),
        _r(r"对附属单位补助", "total", "affiliate_subsidy"),
        # "按支出用途分类，包括人员支出 X；日常公用支出 Y；项目支出 Z": a budget's columns of 基本支出
        _r(r"^人员(支出|经费)$", "total", "personnel", "budget"),
        _r(r"^(日常)?公用(支出|经费)$", "total", "public", "budget"),
        # "年终结转结余 0.00 万元" after the spending: the summary's expenditure-side 结转下年
        _r(r"^(年终|年末)结转(结余)?$|^结转下年$", "carryover_out", "total", table="summary"),
    ),
    "fiscal_summary": (
        _r(r"^一般公共预算(拨款)?收支", "general_budget", "total"),
        _r(r"^政府性基金(预算)?(拨款)?收支", "gov_fund", "total"),
        _r(r"^国有资本经营(预算)?(拨款)?收支", "state_capital", "total"),
        _r(r"收支总计|收支(总)?预算$|收支$|^总计$", "grand_total", "total"),
        _r(r"^本年(财政拨款)?收入$", "current_total", "total"),
        # "财政拨款预算支出 105,814.6 万元，占本年支出合计的…": this year's spending (a budget's
        # 财政拨款收入 may count the carry-over in; a final account's "支出决算为…" under an item
        # heading takes this subject too)
        _r(r"^(本年|当年)?财政拨款(预算)?支出(预算)?$", "current_total", "total", "budget"),
        _r(r"^上年结转(结余)?(收入)?$|^年初(财政拨款)?结转和结余$", "carryover", "total"),
        # one fund's spending: the total of that fund's own table
        _r(r"^(本年|当年)?一般公共预算(财政)?(拨款)?支出$", "total", "total", table="general_expenditure"),
        _r(r"^(本年|当年)?政府性基金预算(财政)?(拨款)?支出$", "total", "total", table="gov_fund"),
    ),
    "general_expenditure": (
        _r(r"^基本支出$", "total", "basic"),
        _r(r"^项目支出$", "total", "project"),
        _r(r"^(一般公共预算)?(财政拨款)?支出$|^一般公共预算$", "total", "total"),
        # "当年一般公共预算支出", "一般公共预算拨款支出": the table's total ("当年拨款" may leave the
        # carry-over out)
        _r(r"^(本年|当年)?一般公共(预算|财政)(财政)?(拨款)?支出$", "total", "total"),
    ),
    "basic_expenditure": (
        _r(r"基本支出$", "total", "total"),
        _r(r"^人员(经费)?(支出)?$", "total", "personnel", "budget"),
        _r(r"^(日常)?公用(经费)?(支出)?$", "total", "public", "budget"),
        _r(r"^人员(经费)?(支出)?$", "personnel_total", "total", "final"),
        _r(r"^(日常)?公用(经费)?(支出)?$", "public_total", "total", "final"),
    ),
    "gov_fund": (
        _r(r"收入$", "total", "current_income", "final"),
        _r(r"年初结转", "total", "carryover", "final"),
        _r(r"年末结转", "total", "carryover_out", "final"),
        _r(r"^基本支出$", "total", "basic"),
        _r(r"^项目支出$", "total", "project"),
        _r(r"^(政府性基金(预算)?(财政拨款)?)?支出$", "total", "total"),
        # "政府性基金支出预算支出", "政府性基金预算当年拨款"
        _r(r"^政府性基金(预算)?(支出)?(预算)?(当年)?(财政)?(拨款)?(支出)?$", "total", "total", "budget"),
    ),
    "state_capital": (
        _r(r"^基本支出$", "total", "basic"),
        _r(r"^项目支出$", "total", "project"),
        _r(r"^(国有资本经营预算(财政拨款)?)?支出$", "total", "total"),
    ),
    "procurement": (
        # (not "当年本部门政府采购": a 资产配置、购买服务 table may count more in)
        # ("所属各预算单位政府采购预算总额": a 部门's whole, its units together)
        _r(r"^(所属各预算单位)?政府采购(项目)?(支出)?(预算)?(总额)?$", "total", "total", "budget"),
        _r(r"^一般公共预算(拨款)?(政府采购)?$", "total", "general_budget", "budget"),
        _r(r"^政府性基金(预算)?$", "total", "gov_fund", "budget"),
        _r(r"^国有资本经营(预算)?$", "total", "state_capital", "budget"),
        _r(r"^财政专户管理资金$", "total", "special_account", "budget"),
        _r(r"^单位资金$", "total", "unit_funds", "budget"),
    ),
    "purchased_services": (_r(r"^政府购买服务(支出|预算)?$", "total", "total", "budget"),),
    "projects": (_r(r"项目支出$", "total", "total", "budget"),),
    # 绩效: the spending a "涉及…资金" statement covers (claims.py names it)
    "performance": (
        _r(r"^项目支出$", "total", "project", "budget", table="expenditure"),
        _r(r"^支出$|^纳入(部门)?整体支出绩效目标的金额$", "total", "total", "budget", table="expenditure"),
        _r(r"^一般公共预算项目支出$", "total", "project", "budget", table="general_expenditure"),
        _r(r"^一般公共预算支出$", "total", "total", "budget", table="general_expenditure"),
        _r(r"^政府性基金预算支出$", "total", "total", "budget", table="gov_fund"),
        _r(r"^国有资本经营预算支出$", "total", "total", "budget", table="state_capital"),
    ),
    "carryover": (_r(r"^上年结转(资金)?$", "total", "total", "budget"),),
}

# Topics whose function-class figures are rows of a table (class code as the row key).
CLASS_TOPICS: dict[str, str] = {
    "summary": "summary",
    "fiscal_summary": "fiscal_summary",
    "expenditure": "expenditure",
    "general_expenditure": "general_expenditure",
    "gov_fund": "gov_fund",
}

# 三公 items, most specific first: subject pattern → column id.
THREE_PUBLIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"因公出国"), "abroad"),
    (re.compile(r"公务用车购置(费)?(及|和)运行|公务用车购置费及运行"), "vehicle"),
    (re.compile(r"公务用车购置"), "vehicle_purchase"),
    (re.compile(r"公务用车运行"), "vehicle_operation"),
    (re.compile(r"^(其中|安排)?公务接待(费)?(预算)?(支出)?$"), "reception"),
    # the 会议费 / 培训费 a 三公 table may print beside the 三公 ("一般公共预算拨款安排的会议费预算支出")
    (re.compile(r"^(一般公共预算(拨款)?(安排的)?|当年一般公共预算)?会议费(预算)?(支出)?$"), "meeting"),
    (re.compile(r"^(一般公共预算(拨款)?(安排的)?|当年一般公共预算)?培训费(预算)?(支出)?$"), "training"),
    (re.compile(r"三公"), "total"),
)
# Parts of a 三公 item that the table does not print.
THREE_PUBLIC_PARTS_RE = re.compile(r"外宾|国内公务接待|国内接待")
OPERATING_COST_RE = re.compile(r"机关运行经费|机关\(事业\)运行经费|机构运转经费|机关事业运行经费")
# "上年结转结余的一般公共预算收入", "年初结转和结余中的政府性基金": a source's carried-over part.
CARRIED_SOURCE_RE = re.compile(r"^(上年|年初)结转(和)?(结余)?(资金)?(中)?的(?P<source>.+)$")
# A subject that says "all of it is …" names a source, not a quantity.
# …and one that says what money "is used for" (将用于支付…的国内服务费) names a use inside an
# item, never the item's printed figure.
# …and one measured by some rule ("因公出国费按批复额度", "按执行数") is not the printed figure.
NOT_A_QUANTITY_RE = re.compile(r"全部|均为|用于|按(?:批复|执行|实际|核定|口径)")
# "支出" / "支出决算" alone names no table cell
BARE_SPENDING_RE = re.compile(r"^(支出|支出决算|决算|决算数)$")
# A budget's bare whole ("收入预算", "部门预算支出", "当年预算收入", "收支预算", "相应安排支出"): the
# summary's 总计 or its 本年 total — one figure only where nothing is carried over (``carry_free``).
BARE_TOTAL_RE = re.compile(r"^(?:本年|当年)?(?:部门)?(?:相应安排)?(?:预算)?(收入|支出|收支)(?:预算)?$")
# "当年财政拨款收入", "财政拨款收入": this year's 财政拨款 income, or all of it with the carry-over.
FISCAL_INCOME_RE = re.compile(r"^(?:本年|当年)?财政拨款(?:预算)?收入(?:预算)?$")
# "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入": one fund's income, with or without its carry-over.
FUND_INCOME_RE = re.compile(r"^(?:本年|当年)?(一般公共|政府性基金)预算(?:财政)?(?:拨款)?收入$")
# "一般公共预算当年拨款": this year's grant, which the 一般公共预算支出表's total may exceed by the carry-over.
CURRENT_GRANT_RE = re.compile(r"^(?:本年|当年)?一般公共(?:预算|财政)(?:财政)?当年拨款(?:支出)?$")
# Where a bare whole stands: the summary's section, or a passage under no recognised heading.
_BARE_TOTAL_TOPICS = frozenset({"summary", None})


def project_names(tables: list[Table], department: str | None) -> frozenset[str]:
    """The names (``Ref.name_key``) of the projects the 项目支出表 prints once each: a figure
    named exactly so ("4.文化管理及公共文化服务保障预算 5,529.23 万元") is that project's row.
    Not a unit's row (the department's name, a subtotal); none in a table of several units'
    projects (the narrative then speaks of each unit's projects, whose names recur)."""
    seen: dict[str, int] = {}
    dept = Ref.name_key(department or "") or None
    for t in tables:
        if t.kind != "projects":
            continue
        rows = [r for r in t.rows if r.item is None and r.name and r.values.get("total") is not None]
        groups = [i for i in range(len(rows)) if _is_group(rows, i)]
        if len(groups) > 1:
            return frozenset()
        for i, r in enumerate(rows):
            key = Ref.name_key(r.name or "")
            if len(key) < 4 or (dept and dept in key) or key.endswith("(本级)") or i in groups:
                continue
            seen[key] = seen.get(key, 0) + 1
    return frozenset(k for k, n in seen.items() if n == 1)


def _is_group(rows: list, i: int) -> bool:
    """Is ``rows[i]`` a unit's subtotal (the rows right after it add up to it: "深圳市考试院
    12,966.72" over its projects), not a project?"""
    whole, running = rows[i].values["total"], Decimal(0)
    for n, r in enumerate(rows[i + 1:], start=1):
        running += r.values["total"]
        if abs(running - whole) <= Decimal("0.01") * n:  # each printed part may carry a rounding tail
            return True
        if running > whole:
            return False
    return False


# A part named by an economic class with its code last: "工资福利支出(301)", "①机关商品和服务支出
# (502)", "资本性支出(基本建设)(309)" (NFKC-folded: "①" reads "1").
ECONOMIC_PART_RE = re.compile(r"^[\d.、]*(?P<name>\D+?)\((?P<code>[35]\d\d)\)$")


def economic_classes(tables: list[Table]) -> frozenset[str]:
    """The economic classes (3-digit codes) of the general budget's whole spending, where one
    table prints them: the 一般公共预算支出表 by economic class (西安: "一般公共预算支出明细表（按经济
    分类科目）").  Not a table of 基本支出 only, nor one of all funds (支出经济分类汇总表): the
    narrative's "一般公共预算支出 X，其中：工资福利支出(301) Y" is neither's figure."""
    titles = {id(t): re.sub(r"\s+", "", t.title) for t in tables if t.kind == "economic_summary"}
    found = [t for t in tables if id(t) in titles and "一般公共预算" in titles[id(t)] and "基本支出" not in titles[id(t)]]
    if len(found) != 1:
        return frozenset()
    return frozenset(r.code for r in found[0].rows if r.code is not None and len(r.code) == 3)


def economic_part(subject: str, whole: Ref | None, classes: frozenset[str], year: int | None) -> Ref | None:
    """The cell of an economic class listed as a part of the general budget's spending with its
    code ("一般公共预算支出 X，其中：工资福利支出(301) Y"): that class's row of the general budget's
    economic table — when the table prints the code and the printed name is that code's."""
    if whole != Ref("general_expenditure", "total", "total") or (m := ECONOMIC_PART_RE.match(subject)) is None:
        return None
    code = m.group("code")
    entry = (economic_code if code[0] == "3" else gov_economic_code)(code, year)
    if code not in classes or entry is None or not name_matches(entry, m.group("name")):
        return None
    return Ref("economic_summary", code, "total")


def carry_free(tables: list[Table]) -> frozenset[tuple[str, str]]:
    """(kind, side) of the two-sided summary tables (``summary``, ``fiscal_summary``) whose side
    carries nothing over: on the income side the 上年结转 line is blank or 0, on the expenditure
    side the 年末结转 line is — or, with no such line, the side's 本年 total is its 总计.  There a
    budget's bare "收入" (or "支出") is both that side's 本年 total and its 总计.  Not where the
    document prints several tables of the kind (one a unit: its units' figures)."""
    tables_of: dict[str, list[Table]] = {}
    for t in tables:
        if t.kind in _TWO_SIDED:
            tables_of.setdefault(t.kind, []).append(t)
    return frozenset((k, side) for k, ts in tables_of.items() if len(ts) == 1
                     for side in ("income", "expenditure") if _carries_nothing(ts[0], side))


def _carries_nothing(t: Table, side: str) -> bool:
    carry = t.row_by_item(side, "carryover" if side == "income" else "carryover_out")
    if carry is not None:
        return all(v == 0 for v in carry.values.values())
    current, grand = t.row_by_item(side, "current_total"), t.row_by_item(side, "grand_total")
    if current is None or grand is None:
        return False
    value = current.values.get("total")
    return value is not None and value == grand.values.get("total")


def bare_total(subject: str, topic: str | None, kind: str | None, basis: str,
               free: frozenset[tuple[str, str]]) -> Ref | None:
    """The cell of a budget's bare whole, where the side of the table it is a figure of carries
    nothing over (``carry_free``): "收入预算 X" → the summary's 收入总计, "当年财政拨款收入" → the
    fiscal summary's 本年收入, "一般公共预算当年拨款" → the general budget table's total."""
    if kind != "budget" or basis != "current" or not subject:
        return None
    if topic in _BARE_TOTAL_TOPICS and (m := BARE_TOTAL_RE.match(subject)) is not None:
        sides = {"收入": ("income",), "支出": ("expenditure",)}.get(m.group(1), ("income", "expenditure"))
        if all(("summary", side) in free for side in sides):
            return Ref("summary", "grand_total", "total", sides[0] if len(sides) == 1 else None)
        return None
    if topic == "fiscal_summary" and ("fiscal_summary", "income") in free and FISCAL_INCOME_RE.match(subject):
        return Ref("fiscal_summary", "current_total", "total", "income")
    if topic == "fiscal_summary" and ("fiscal_summary", "income") in free \
            and (m := FUND_INCOME_RE.match(subject)) is not None:
        return Ref("fiscal_summary", "general_budget" if m.group(1) == "一般公共" else "gov_fund", "total", "income")
    if topic == "general_expenditure" and ("fiscal_summary", "income") in free and CURRENT_GRANT_RE.match(subject):
        return Ref("general_expenditure", "total", "total")
    return None


def resolve(subject: str, topic: str | None, kind: str | None, basis: str,
            functions: FunctionIndex) -> Ref | None:
    """The cell ``subject`` names under ``topic`` in a ``kind`` document, or ``None``."""
    if not subject or topic is None or NOT_A_QUANTITY_RE.search(subject):
        return None
    if BARE_SPENDING_RE.match(subject) and kind != "budget":
        return None  # "年初预算为 A，支出决算为 B": the item is named in a heading we cannot tie
    if topic == "three_public" or "三公" in subject:
        return _three_public(subject, kind, basis)
    if basis != "current":
        return None
    if OPERATING_COST_RE.search(subject) or topic == "operating_cost":
        if not OPERATING_COST_RE.search(subject) and not re.search(r"运行经费|运转经费", subject):
            return None
        return Ref("basic_expenditure", "public_total", "total") if kind == "final" \
            else Ref("basic_expenditure", "total", "public")
    if topic in CLASS_TOPICS and (code := _function_code(subject, functions)) is not None:
        if len(code) == 3:
            side = "expenditure" if CLASS_TOPICS[topic] in _TWO_SIDED else None
            return Ref(CLASS_TOPICS[topic], code, "total", side)
        # a 款 or 项 is a row of the section's table, when that table prints it; under 财政拨款支出
        # (the fiscal summary prints classes only) a row of the fund's own table that prints it
        kinds = ("general_expenditure", "gov_fund") if topic == "fiscal_summary" else (
            (CLASS_TOPICS[topic],) if topic in ("general_expenditure", "expenditure", "gov_fund") else ())
        for kind in kinds:
            if functions.printed_in(code, kind) is not False:
                return Ref(kind, code, "total")
        return None
    if topic == "income" and (m := CARRIED_SOURCE_RE.match(subject)) is not None:
        # "上年结转结余的一般公共预算收入": the carried-over part of a source, never the source
        inner = resolve(m.group("source"), topic, kind, basis, functions)
        if inner is None or inner.column in ("total", "carryover", "current_total"):
            return Ref(topic, "total", "carryover") if not m.group("source") else None
        return Ref(topic, inner.row, "carryover." + inner.column, inner.side)
    for rule in TOPIC_RULES.get(topic, ()):
        if rule.kind is not None and kind is not None and rule.kind != kind:
            continue
        if rule.pattern.search(subject):
            table = rule.table or topic
            return Ref(table, rule.row, rule.column, _side(subject) if table in _TWO_SIDED else None)
    return None


_TWO_SIDED = frozenset({"summary", "fiscal_summary"})


def _side(subject: str) -> str | None:
    """收入… → income, 支出… → expenditure, 收支/收、支 (both) → None."""
    has_in, has_out = "收" in subject, "支" in subject
    if re.search(r"收、?支", subject):
        return None
    if has_in and not has_out:
        return "income"
    if has_out and not has_in:
        return "expenditure"
    return None


def _three_public(subject: str, kind: str | None, basis: str) -> Ref | None:
    if THREE_PUBLIC_PARTS_RE.search(subject) or basis == "previous":
        return None
    for rx, column in THREE_PUBLIC_RULES:
        if rx.search(subject):
            if kind == "final":
                prefix = "budget." if basis in _BUDGET_BASES else "actual."
                return Ref("three_public", "total", prefix + column)
            if basis != "current":
                return None
            return Ref("three_public", "total", column)
    return None


def _function_code(subject: str, functions: FunctionIndex) -> str | None:
    """The code of a 项 ("…(类)…(款)…(项)") or 类 ("卫生健康支出", "…(类)") the subject names."""
    if (m := ITEM_RE.search(subject)) is not None:
        return functions.code_of_item(m.group("cls"), m.group("kuan"), m.group("xiang"))
    if (m := KUAN_ITEM_RE.search(subject)) is not None:
        return functions.code_of_item("", m.group("kuan"), m.group("xiang"))
    if (m := CODED_ITEM_RE.search(subject)) is not None:
        return functions.code_of_coded_item(m.group("code"), subject[:m.start()])
    if (m := CODE_FIRST_ITEM_RE.match(subject)) is not None:
        return functions.code_of_coded_item(m.group("code"), m.group("name"))
    if (m := CLASS_RE.search(subject)) is not None:
        return functions.code_of_class(m.group("cls"))
    if subject.endswith(("支出", "事务")) or functions.code_of_class(subject):
        return functions.code_of_class(subject)
    return None
