"""The kind of a table: from its title first, then from its header signature and number."""

from __future__ import annotations

import re

from cnbudget.tables.cells import compact
from cnbudget.tables.kinds import kind_from_title
from cnbudget.tables.rows import TableLines
from cnbudget.tables.segment import Candidate, is_list_of_tables_row, is_title

# Header words that identify a table when its title is missing or garbled.
_HEADER_SIGNATURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("three_public", ("因公出国", "公务接待")),
    ("income", ("本年收入合计", "财政拨款收入", "上级补助收入")),
    ("income", ("事业收入", "经营收入", "其他收入", "科目名称")),
    ("expenditure", ("本年支出合计", "基本支出", "项目支出", "上缴上级")),
    ("expenditure", ("基本支出", "项目支出", "经营支出")),
    ("gov_fund", ("年初结转和结余", "本年收入", "本年支出", "年末结转和结余")),
    ("performance_review", ("一级指标", "实际完成值")),
    ("performance_targets", ("一级指标", "指标值")),
    ("performance_targets", ("项目名称", "绩效目标")),
    ("performance_targets", ("项目", "预算数", "绩效目标")),  # 广州: 项目 | 预算数（单位：万元） | 绩效目标
)

# 公开NN表 numbering of the final-account set (财政部 template); used only as a last resort.
_FINAL_NUMBERS = {
    "01": "summary",
    "02": "income",
    "03": "expenditure",
    "04": "fiscal_summary",
    "05": "general_expenditure",
    "06": "basic_expenditure",
}


def classify(cand: Candidate, tl: TableLines) -> tuple[str, str, str]:
    """(kind, title, matched) — ``matched`` explains the decision for ``parse --explain``."""
    title = cand.title
    if not title:
        # a title printed inside the grid's first rows
        for ln in cand.grids[0].rows[:3]:
            if is_list_of_tables_row(ln):
                continue  # a row of a list of tables, not a title
            for cell in ln:
                if is_title(cell):
                    title = cell.strip()
                    break
            if title:
                break
    if title:
        kind = kind_from_title(title)
        if kind:
            return kind, title, f"标题“{compact(title)}”"
    head = "".join("".join(compact(c) for c in ln.cells) for ln in tl.header[:4])
    for kind, words in _HEADER_SIGNATURES:
        if all(w in head for w in words):
            return kind, title or "", f"表头含 {'、'.join(words)}"
    if _looks_two_sided(head):
        return "summary", title or "", "表头分收入、支出两栏"
    number = cand.number or tl.number
    if number:
        m = re.search(r"(\d{1,2})", number)
        if m and m.group(1).zfill(2) in _FINAL_NUMBERS:
            return _FINAL_NUMBERS[m.group(1).zfill(2)], title or number, f"表号“{number}”"
    return "other", title or (number or ""), "未能识别"


def _looks_two_sided(head: str) -> bool:
    return head.startswith(("收入", "收")) and "支出" in head or ("收入" in head and "支" in head and "项目" in head[:8])


# Function classification codes begin with 2 (201 … 239); economic ones with 3 (部门预算
# 301 … 399) or 5 (政府预算 501 … 599).
_FUNCTION_KINDS = ("general_expenditure", "expenditure", "gov_fund", "state_capital", "fiscal_expenditure")


def kind_by_codes(kind: str, title: str, codes: list[str]) -> str:
    """A table read as a function-classified table whose codes are economic codes is an
    economic-class table, whatever its title says ("一般公共预算支出表（按经济分类）"); a
    基本支出 table whose codes are function codes is ``basic_function``."""
    digits = [c for c in codes if c and c.isdigit() and len(c) in (3, 5, 7)]
    economic = sum(1 for c in digits if c[0] in "35")
    function = sum(1 for c in digits if c[0] == "2")
    if kind == "basic_expenditure" and function >= 3 and function > 2 * economic:
        # 基本支出明细表（按功能科目分）(西安): the basic expenditure by function, not the
        # 基本支出表 by economic class that other tables are compared with
        return "basic_function"
    if kind not in _FUNCTION_KINDS:
        return kind
    if economic < 3 or economic <= 2 * function:
        return kind
    t = compact(title)
    if "项目支出" in t:
        return "project_economic"  # 项目支出 by economic class: neither basic nor all expenditure
    return "basic_expenditure" if "基本支出" in t and "项目" not in t else "economic_summary"
