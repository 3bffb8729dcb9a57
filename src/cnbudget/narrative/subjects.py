"""The words before a figure: what it is of (subject), which period (basis), which way (direction).

A figure's *lead* is the text of its clause before it, from the clause start or the end of the
previous figure: "安阳市医疗保障局（本级）2024年收入总计" → subject "收入总计";
"一般公共预算财政拨款支出年初预算为" → subject "一般公共预算财政拨款支出", basis
``initial_budget`` (in a final account); "公用经费较上年减少" → subject "公用经费", a change,
direction -1.

Bases: ``current`` (this year: the budget of a budget, the 决算 of a final account),
``previous`` (上年 / an earlier year), ``initial_budget`` (年初预算, final accounts),
``final_budget`` (全年预算, final accounts), ``budget`` (预算 with neither word, in a final
account: the 三公 "预算数" may be either, as each document's table note says).
"""

from __future__ import annotations

import re

# Change words at the end of a lead: "减少", "比上年增加了", "下降".
INCREASE_RE = re.compile(r"(?:增加|增长|上升|提高|调增|增幅|涨幅|增长率|增长幅度)(?:了|为|到|达)?\s*$")
DECREASE_RE = re.compile(r"(?:减少|下降|降低|压减|调减|下调|减幅|降幅|下降率|下降幅度)(?:了|为|到|达)?\s*$")
# "与上年持平", "与2023年预算数保持一致": no change (needs a comparison with an earlier year).
UNCHANGED_RE = re.compile(r"持平|保持一致|一致|相同|无变化|没有变化|未发生变化|未变化")
# "完成年初预算的", "完成预算": a share of the budget that was spent.
BUDGET_COMPLETION_RE = re.compile(r"完成(?:了)?(?:年初|全年|调整后)?预算(?:数)?(?:的)?\s*$")
# "占支出合计的", "占 " — the whole a share is of, when printed.
SHARE_RE = re.compile(r"占(?P<whole>[^占]*?)(?:的)?(?:比重|比例)?(?:为)?\s*$")
# "主要原因", "主要是因为", "增长原因主要是": reasons for a change follow.
REASON_RE = re.compile(r"原因|主要是|主要系|主要由于|主要用于弥补")
# "其中", "主要用于以下方面", "分为", "包括": parts of the figure just stated follow.
ENUMERATION_RE = re.compile(r"其中|主要用于以下方面|以下方面|分为|具体如下|如下")

# Basis words at the end of a lead.
_INITIAL_RE = re.compile(r"年初预算(?:数)?(?:为|是)?\s*$")
_FINAL_BUDGET_RE = re.compile(r"(?:全年|调整后)预算(?:数)?(?:为|是)?\s*$")
_BUDGET_RE = re.compile(r"(?<!决)预算(?:数)?(?:为|是|安排)?\s*$")
_ACTUAL_RE = re.compile(r"决算(?:数)?(?:为|是)?\s*$")
_PREVIOUS_RE = re.compile(r"(?:上年|上年度|去年|上一年)(?:年初|全年|调整后)?(?:预算|决算)?(?:执行)?(?:数)?(?:为|是)?\s*$")
_YEAR_BEFORE_RE = re.compile(
    r"((?:19|20)\d\d)\s*年(?:度)?(?:年初|全年|调整后)?(?:预算|决算)(?:执行)?(?:数)?(?:为|是)?\s*$")
# "比2025年年初预算数547012.85万元减少…", "较上年80万元增加": the amount right after the year a
# comparison names is that year's (the base), not this year's.
_COMPARISON_BASE_RE = re.compile(
    r"(?:比|较|与|同)\s*(?:(?:上年|上年度|去年|上一年)|((?:19|20)\d\d)\s*年(?:度)?)"
    r"(?:年初|全年|调整后)?(?:预算|决算)?(?:执行)?(?:数)?(?:的|为)?\s*$")
# "上年支出80万元", "上年度决算数为": a lead that starts with last year (not 上年结转, this year's income).
# (not last year's leftovers, this year's income: "上年结转", "上年实户资金余额")
_PREVIOUS_START_RE = re.compile(r"^[\s,;:、]*(?:其中[,:]?)?\s*(?:上年|上年度|去年|上一年)(?![^,;:。\d]{0,8}?(?:结转|结余|余额)|末|底)")
# "2024年支出80万元" in 2025's document: the last year named in the lead, when it is no comparison.
_LEAD_YEAR_RE = re.compile(r"(?<![与比较同])((?:19|20)\d\d)\s*年(?:度)?(?!\s*(?:\d{1,2}\s*月|末|底|期末|年末|年底))")
_COMPARED_RE = re.compile(r"相比|比较|同期|对比")

# Cleaning a lead into a subject.
_LEADING_RE = re.compile(
    r"^(?:[-•·,;:、]|\d{1,2}[.、)]|\(\d{1,2}\)|[(]?[一二三四五六七八九十]+[)、.]|[一二三四五六七八九十]+是|\(?详见[^()]*\)|"
    r"其中|主要用于以下方面|主要用于|主要包括|包括|分别为|分别是|具体如下|具体情况如下|按资金来源分|"
    r"按资金年度分为|按功能分类分为|另外|此外|同时|截至|截止|我部门|本部门|我单位|本单位|我局|本局|"
    r"部门\(单位\)|预算共安排|预算安排|共安排|共有|共计|共|是|纳入(?:部门)?预算的)+"
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d\s*年(?:度)?(?:末|底|期末|12月31日)?")
_COMPARISON_RE = re.compile(
    r"(?:与|比|较|同)(?:上年|上年度|去年|上一年|(?:19|20)\d\d年(?:度)?)?(?:年初|全年)?(?:预算|决算)?(?:执行)?(?:数)?(?:相比|同期)?$|"
    r"(?:与|比|较)(?:上年|上年度|去年|上一年|(?:19|20)\d\d年(?:度)?)(?:年初|全年)?(?:预算|决算)?(?:执行)?(?:数)?(?:相比)?"
)
# ("“教育支出”科目": 上海 names a class with 科目 after it)
_TRAILING_RE = re.compile(r"(?:各|均|共计|共有|共|为|是|达到|达|安排|分别|的|科目)$")
_BASIS_TAIL_RE = re.compile(r"(?:年初|全年|调整后)?(?:预算|决算)(?:数)?$")
_VERB_TAIL_RE = re.compile(
    r"(?:增加|增长|上升|提高|调增|增幅|涨幅|增长率|增长幅度|减少|下降|降低|压减|调减|下调|减幅|降幅|下降率|下降幅度)"
    r"(?:了|为|到|达)?$"
)
_QUOTES_RE = re.compile(r"[“”\"'‘’《》「」*\s]")


def direction_of(lead: str) -> int | None:
    """+1 / -1 when the lead ends with a change word, else ``None``."""
    if INCREASE_RE.search(lead):
        return 1
    if DECREASE_RE.search(lead):
        return -1
    return None


def basis_of(lead: str, kind: str | None, year: int | None) -> str:
    """The period the figure after ``lead`` is of (see the module docstring)."""
    lead = lead.rstrip()
    if _PREVIOUS_RE.search(lead):
        return "previous"
    if (m := _COMPARISON_BASE_RE.search(lead)) and (m.group(1) is None or (year and int(m.group(1)) < year)):
        return "previous"
    if (m := _YEAR_BEFORE_RE.search(lead)) and year and int(m.group(1)) < year:
        return "previous"
    if _PREVIOUS_START_RE.search(lead) and not _COMPARED_RE.search(lead):
        return "previous"
    years = list(_LEAD_YEAR_RE.finditer(lead))
    if years and year and int(years[-1].group(1)) < year and not _COMPARED_RE.search(lead, years[-1].end()):
        return "previous"
    if kind != "final":
        return "current"
    if _INITIAL_RE.search(lead):
        return "initial_budget"
    if _FINAL_BUDGET_RE.search(lead):
        return "final_budget"
    if _ACTUAL_RE.search(lead):
        return "current"
    if _BUDGET_RE.search(lead):
        return "budget"
    return "current"


def mentions_earlier_year(text: str, year: int | None) -> bool:
    """Does ``text`` compare with 上年 / an earlier year ("与2023年预算数保持一致")?"""
    if re.search(r"上年|上年度|去年|上一年|同期", text):
        return True
    return any(year and int(y) < year for y in re.findall(r"((?:19|20)\d\d)\s*年", text))


def clean_subject(lead: str, department: str | None = None) -> tuple[str, bool]:
    """The subject a lead names, and whether basis words were stripped from its end.

    "安阳市医疗保障局（本级）2024年收入总计" → ("收入总计", False);
    "支出决算为" → ("支出", True); "项目资金较上年减少" → ("项目资金", False).
    """
    s = _QUOTES_RE.sub("", lead)
    s = s.replace("收、支", "收支")
    if department:
        d = re.escape(re.sub(r"\s+", "", department))
        s = re.sub(rf"{d}(?:\((?:本级|汇总|部门)\))?(?:本级|部门)?", "", s)
    s = _YEAR_RE.sub("", s)
    s = re.sub(r"^.*?(?:与|比|较)(?:上年|上年度|去年|(?:19|20)\d\d年)?(?:预算|决算)?(?:数)?相比", "", s)
    s = _LEADING_RE.sub("", s)
    tail = False
    for _ in range(4):
        before = s
        s = _VERB_TAIL_RE.sub("", s)
        s = _COMPARISON_RE.sub("", s)
        s = _TRAILING_RE.sub("", s)
        if _BASIS_TAIL_RE.search(s) and not s.endswith(("一般公共预算", "收支预算", "总预算")):
            s = _BASIS_TAIL_RE.sub("", s)
            tail = True
        s = s.strip(",;:、").lstrip("()").rstrip("(")
        if s == before:
            break
    return s, tail


def whole_phrase(lead: str) -> str | None:
    """The whole a share names ("占支出合计的" → "支出合计"), or ``None`` for a plain "占"."""
    m = SHARE_RE.search(lead)
    if not m:
        return None
    whole = _QUOTES_RE.sub("", m.group("whole"))
    whole = _YEAR_RE.sub("", whole)
    return whole or None


def same_quantity(a: str, b: str) -> bool:
    """Do two subjects name the same quantity ("收支总计" covers "收入总计" and "支出总计")?"""
    a, b = norm_subject(a), norm_subject(b)
    if not a or not b:
        return False
    for x in _expand(a):
        for y in _expand(b):
            if x == y or x in y or y in x:
                return True
    return False


def norm_subject(s: str) -> str:
    """A subject for comparison: no 本年/部门/的, no spaces or quotes."""
    s = _QUOTES_RE.sub("", s)
    s = _YEAR_RE.sub("", s)
    return re.sub(r"本年度|本年|部门|单位|的", "", s)


def _expand(s: str) -> list[str]:
    if "收支" in s:
        return [s.replace("收支", "收入"), s.replace("收支", "支出"), s]
    return [s]
