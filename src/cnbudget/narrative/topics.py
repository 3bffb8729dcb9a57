"""What a heading is about: the document part it opens, or the topic of the text under it.

Parts (第一部分 …): ``profile`` (概况: 职责, 机构, 单位构成), ``tables`` (the 预算表 / 决算表),
``narrative`` (情况说明), ``glossary`` (名词解释), ``annex`` (附件 that is not a set of tables,
e.g. a 绩效自评报告).  Figures are read from ``narrative`` and ``annex`` parts (and from
documents that have no parts at all), never from ``profile``, ``tables`` or ``glossary``.

Topics are the sections of the 情况说明; each one says which table the same words point to
("基本支出" is a column of the 支出表 under 三、支出, the whole 基本支出表 under 六、基本支出).
Topic ids are table kinds (DESIGN.md) where the section speaks of one table, plus:

    operating_cost     机关运行经费 (≈ 公用经费 of the 基本支出表)
    assets             国有资产占用 (vehicles and equipment: counts)
    performance        绩效 (targets, self-evaluation: counts, scores, amounts with no table)
    general_spending   一般性支出 (会议费, 培训费)
    transfers          专项转移支付
    other              其他重要事项 (a container: its sub-headings say more)
    profile, glossary, toc   parts whose figures are never read
"""

from __future__ import annotations

import re

from cnbudget.codes.classes import function_class_code

# Heading words → part, tried in order on the heading text (whitespace removed).
PART_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"名词解释"), "glossary"),
    (re.compile(r"情况说明|说明$"), "narrative"),
    (re.compile(r"概况|职责|职能|机构设置"), "profile"),
    (re.compile(r"表$|报表|预算表|决算表"), "tables"),
    (re.compile(r"附件|附表"), "annex"),
)

# Heading words → topic, tried in order: specific words before general ones ("财政拨款收支"
# before "收支", "基本支出" before "支出").
TOPIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"名词解释"), "glossary"),
    (re.compile(r"^目录$"), "toc"),
    (re.compile(r"职责|职能|概况|机构设置|单位构成|预算构成|决算构成|工作任务"), "profile"),
    (re.compile(r"三公"), "three_public"),
    (re.compile(r"运行经费|运转经费"), "operating_cost"),
    (re.compile(r"一般性支出"), "general_spending"),
    (re.compile(r"政府采购"), "procurement"),
    (re.compile(r"政府购买服务"), "purchased_services"),
    (re.compile(r"国有资产|资产占用|资产占有"), "assets"),
    (re.compile(r"绩效"), "performance"),
    (re.compile(r"转移支付"), "transfers"),
    (re.compile(r"政府性基金"), "gov_fund"),
    (re.compile(r"国有资本"), "state_capital"),
    (re.compile(r"上年结转"), "carryover"),
    (re.compile(r"基本支出"), "basic_expenditure"),
    (re.compile(r"财政拨款收(入)?(、)?支(出)?"), "fiscal_summary"),
    # central layout: "财政拨款支出决算情况说明" covers every 财政拨款 fund, like 公开04表's expenditure side
    (re.compile(r"^[一二三四五六七八九十、（）()\d.]*财政拨款支出"), "fiscal_summary"),
    # "三、财政拨款情况说明": the 财政拨款 funds' income and spending (a heading that names no side)
    (re.compile(r"^[一二三四五六七八九十、（）()\d.]*财政拨款(?:预算)?情况"), "fiscal_summary"),
    (re.compile(r"一般公共预算"), "general_expenditure"),
    (re.compile(r"项目支出"), "projects"),
    (re.compile(r"收入支出|收支"), "summary"),
    (re.compile(r"收入"), "income"),
    (re.compile(r"支出"), "expenditure"),
    (re.compile(r"其他重要事项|其他需要说明"), "other"),
)

# Topics whose figures are never claims.
SILENT_TOPICS = frozenset({"glossary", "toc", "profile"})
# Parts whose figures are never claims.
SILENT_PARTS = frozenset({"glossary", "profile", "tables", "toc"})


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("*", "")


def part_of(title: str) -> str | None:
    """The part a 第X部分 / 附件 heading opens, from its title words (``None``: not told)."""
    t = _squash(title)
    for rx, part in PART_RULES:
        if rx.search(t):
            return part
    return None


def topic_of(title: str) -> str | None:
    """The topic a section heading names, or ``None`` when its words name none."""
    t = _squash(title)
    for rx, topic in TOPIC_RULES:
        if rx.search(t):
            return topic
    return None


def names_class(title: str) -> bool:
    """Does a heading name a function class ("(一)教育支出(类)", "(二)社会保障和就业支出")?"""
    t = re.sub(r"^[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]?", "", _squash(title))
    return "(类)" in t or "（类）" in t or function_class_code(re.sub(r"[(（]类[)）]", "", t)) is not None
