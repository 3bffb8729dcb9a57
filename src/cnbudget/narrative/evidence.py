"""Whether a readable file is a budget / final-account disclosure at all.

Crawlers file notices, circulars, application forms, evaluation reports and web pages that
link to a disclosure under a department's budget.  Mentions of 预算 prove nothing; a
disclosure shows itself by what it publishes:

* one of the standard tables (收支总表, 收入表, 支出表, 财政拨款收支总表, 一般公共预算支出表,
  基本支出表, “三公”经费表, 政府性基金表, 国有资本经营表) with figures — a single table
  checked on its own is a disclosure too; a project list or a form of another title is not, or
* a 项目支出绩效目标表 published on its own (广州 publishes it as a file apart from the budget):
  one project's targets or more, each with its 绩效目标 or indicators — a 绩效评价报告's tables
  (scores, execution) are another kind and do not count, or
* a narrative-only document (its tables published in another file): a title naming a
  部门/单位 预算 or 决算, and at least three of the standard topics of the 情况说明.
"""

from __future__ import annotations

import re

from cnbudget.document import Document, Paragraph
from cnbudget.model import Table

CORE_KINDS = frozenset({
    "summary", "income", "expenditure", "fiscal_summary", "general_expenditure",
    "basic_expenditure", "three_public", "gov_fund", "state_capital",
})
_TITLE_RE = re.compile(r"(部门|单位|机关)\s*(?:综合|汇总)?\s*(预算|决算)|(预算|决算)\s*(信息)?公开|预决算")
_TOPICS = (
    re.compile(r"收支(预算|决算)?总体情况|收入支出决算总体情况|收支总表"),
    re.compile(r"财政拨款收(入)?支(出)?"),
    re.compile(r"一般公共预算"),
    re.compile(r"三公"),
    re.compile(r"机关运行经费|运行经费"),
    re.compile(r"政府采购"),
    re.compile(r"国有资产"),
    re.compile(r"绩效"),
    re.compile(r"政府性基金"),
)
_TITLE_PARAGRAPHS = 40  # the cover and the first headings


def is_disclosure(doc: Document, tables: list[Table]) -> bool:
    if any(t.kind in CORE_KINDS and any(r.values for r in t.rows) for t in tables):
        return True
    if any(t.kind == "performance_targets" and any(r.texts for r in t.rows) for t in tables):
        return True
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    head = re.sub(r"\s+", "", "".join(paragraphs[:_TITLE_PARAGRAPHS]))
    if not _TITLE_RE.search(head):
        return False
    text = re.sub(r"\s+", "", "".join(paragraphs))
    return sum(1 for p in _TOPICS if p.search(text)) >= 3
