"""Table kinds (DESIGN.md) and how each is recognised from its title and header.

Each kind has title patterns (regular expressions tried on the title, most specific kinds
first) and header words that confirm it.  A grid no signature matches is kept as ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# id → (budget document name, final-account document name)
TABLE_KINDS: dict[str, str] = {
    "summary": "部门收支总表 / 收入支出决算总表",
    "income": "部门收入表 / 收入决算表",
    "expenditure": "部门支出表 / 支出决算表",
    "fiscal_summary": "财政拨款收支总表 / 财政拨款收入支出决算总表",
    "general_expenditure": "一般公共预算支出表 / 一般公共预算财政拨款支出决算表",
    "basic_expenditure": "一般公共预算基本支出表 / 一般公共预算财政拨款基本支出决算表",
    "three_public": "一般公共预算“三公”经费支出表 / 财政拨款“三公”经费支出决算表",
    "gov_fund": "政府性基金预算支出表 / 政府性基金预算财政拨款收入支出决算表",
    "state_capital": "国有资本经营预算支出表 / 国有资本经营预算财政拨款支出决算表",
    "economic_summary": "支出经济分类汇总表",
    "projects": "项目支出表",
    "carryover": "上年结转资金表",
    "procurement": "政府采购支出表",
    "purchased_services": "政府购买服务支出表",
    "running_costs": "机关运行经费（预算/支出）表",
    "project_economic": "项目支出表（按经济分类科目）",
    "basic_function": "一般公共预算基本支出表（按功能分类科目）",
    "fiscal_expenditure": "财政拨款支出表（功能科目；一般公共预算、政府性基金、国有资本经营合计）",
    "fiscal_basic_expenditure": "财政拨款基本支出表（经济科目）",
    "performance_targets": "部门整体 / 项目 绩效目标表",
    "performance_review": "整体 / 项目 绩效自评表, 绩效评价基础数据表",
    "other": "未能识别的表格 (kept with its cells)",
}

# Chinese label of each kind, for people.
KIND_LABELS: dict[str, str] = {
    "summary": "收支总表",
    "income": "收入表",
    "expenditure": "支出表",
    "fiscal_summary": "财政拨款收支总表",
    "general_expenditure": "一般公共预算支出表",
    "basic_expenditure": "一般公共预算基本支出表",
    "three_public": "“三公”经费表",
    "gov_fund": "政府性基金预算支出表",
    "state_capital": "国有资本经营预算支出表",
    "economic_summary": "支出经济分类汇总表",
    "projects": "项目支出表",
    "carryover": "上年结转资金表",
    "procurement": "政府采购支出表",
    "purchased_services": "政府购买服务支出表",
    "running_costs": "机关运行经费表",
    "project_economic": "项目支出经济分类表",
    "basic_function": "基本支出功能分类表",
    "fiscal_expenditure": "财政拨款支出表",
    "fiscal_basic_expenditure": "财政拨款基本支出表",
    "performance_targets": "绩效目标表",
    "performance_review": "绩效自评表",
    "other": "其他表格",
}


@dataclass(frozen=True)
class Signature:
    kind: str
    title: re.Pattern[str]


def _p(s: str) -> re.Pattern[str]:
    return re.compile(s)


# Order matters: the first matching title wins, so specific kinds come before general ones.
SIGNATURES: tuple[Signature, ...] = (
    Signature("performance_review", _p(r"绩效.*(自评|评价基础数据|评价自评)|自评表")),
    Signature("performance_targets", _p(r"绩效目标|支出绩效表")),  # 湖州/杭州: 项目支出绩效表
    Signature("three_public", _p(r"三公")),
    # a table of its own for 机关运行经费 (a 三公 table with a 机关运行经费 column stays three_public)
    Signature("running_costs", _p(r"机关运行经费")),
    Signature("purchased_services", _p(r"政府购买服务")),
    Signature("procurement", _p(r"政府采购")),
    # 西安: …上年结转资金支出表, 财政拨款结转资金支出表 without the 上年, 财拨结转支出表
    Signature("carryover", _p(r"结转(资金)?(支出)?(情况)?(预算)?表")),
    Signature("economic_summary", _p(r"经济分类.*汇总|支出经济分类(预算)?表")),
    # 财政拨款 tables of all three budgets (苏州/无锡 公开05/06表); "一般公共预算财政拨款支出决算表"
    # and "政府性基金预算财政拨款…" name one budget and are not these
    Signature("fiscal_basic_expenditure", _p(r"^(?!.*(一般公共预算|政府性基金|国有资本)).*财政拨款基本支出")),
    Signature("fiscal_expenditure", _p(r"^(?!.*(一般公共预算|政府性基金|国有资本|收入|收支)).*财政拨款支出(预算|决算)?表")),
    Signature("basic_expenditure", _p(r"基本支出")),
    Signature("gov_fund", _p(r"政府性基金")),
    Signature("state_capital", _p(r"国有资本经营")),
    Signature("fiscal_summary", _p(r"财政拨款收(入)?支(出)?")),
    Signature("general_expenditure", _p(r"一般公共预算.*支出")),
    Signature("projects", _p(r"项目支出|专项(业务)?经费")),  # 西安: 专项业务经费支出表
    Signature("summary", _p(r"收(入)?支(出)?(预算|决算)?总(体情况)?表|收支总体|收支预算表")),
    Signature("income", _p(r"收入(预算|决算)?(总体情况|总|情况|明细)?表")),
    Signature("expenditure", _p(r"支出(预算|决算)?(总体情况|总|情况|明细)?表")),
)


def kind_from_title(title: str) -> str | None:
    """The table kind a title names, or ``None``."""
    t = re.sub(r"\s+", "", title)
    for sig in SIGNATURES:
        if sig.title.search(t):
            return sig.kind
    return None
