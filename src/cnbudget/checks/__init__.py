"""Checks: rules over a Disclosure (and optionally last year's) → Findings.

Modules:
    registry      — ``@rule`` and the one ``RULES`` registry; ``finding`` builds a Finding
    context       — ``Context`` handed to rules (last year's disclosure, settings, coverage)
    values        — reading figures from tables; the rounding-aware tolerance (numbers.Interval; whole-number bounds inside a table)
    common        — helpers shared by the rule families (``could_not_verify``)
    engine        — ``check_disclosure`` / ``check_file`` → ``CheckReport``; rules isolated
    reliability   — per table, whether it was read reliably (its own identities); misreads fail closed
    within_table  — rows vs total, 类/款/项 hierarchy, column identities, 06表 group totals
    levels        — levels of rows printed without codes or indentation, read from their own sums
    summary_sides — two-sided summary tables: balance, classes, income items
    cross_table   — the same figure in two tables, aware of each table's scope
    narrative     — claims vs tables, shares, growth rates, components, vs last year
    class_lists   — the classes a breakdown "按支出功能分类" lists against the classes the tables print
    class_paths   — a 类/款/项 path named in the text whose 项 the catalog files under another 款
    budget_base   — a rate stated on 年初预算 that was computed on 全年预算 (sentence or table)
    sentences     — each sentence's figures against each other (no table needed): change vs
                    this year and last year, direction words, comparisons, parts vs whole
    wording       — template placeholders, drafting notes, empty reasons, obsolete class names
    institutions  — the number of 内设机构 stated against the bodies listed after it (inline or as numbered headings); budget units against their table
    body_names    — a body named by a name the 2018 institutional reform retired (卫生和计划生育委员会 in 2026)
    department_name — a statement opening with another department's name (a copied text not renamed)
    unit_names    — a unit's name printed with one or two characters missing (检验研究院 for 检验检测研究院)
    reasons       — the reasons given for a change: one of another item, one run into its label, one of no change, one announced the other way
    typography    — malformed numbers, doubled units, rates without %, punctuation, brackets, Japanese character forms
    restated      — one amount stated twice with two changes against the same base
    repeats       — words, lead-ins and item numbers printed twice; a full stop closing a bracket mid-sentence
    definitions   — a class's definition in the text that is another item's (a 其他 item's under an item of its own)
    standard_terms — a term of the standard definitions or an official phrase printed a character off or swapped
    years         — years named in the text against the document's year and kind
    grants        — a stated 当年拨款 that counts last year's carry-over in
    fund_sources  — "均为一般公共预算拨款" / "全部为财政拨款" against the funds the tables print
    procurement   — the 政府采购 the text states by category (货物/工程/服务) against the table's rows of that category
    absences      — what the text says is not there ("购置车辆0辆", "无政府性基金预算支出") against the tables that print it
    vehicles      — the cars whose running the text budgets against the cars it says are held and bought
    inclusions    — parts ≤ wholes (财政拨款 ≤ 全部资金, 三公 items, 机关运行经费)
    codes         — classification codes against the official catalogs
    code_digits   — a class code in the text printed with 4 or 6 digits (no code has them)
    cited_codes   — a known class code in the text printed with another code's name, or one the tables print under another code
    completeness  — required tables and sections, empty tables with notes, a table's heading with nothing under it
    contents      — headings against the document's own 目录 (a rearranged or mistyped heading)
    performance   — 绩效 tables: score sums, execution rates, rates over 100 % or without %, costs over the funds
    table_changes — a stated change and its rate against the change its table prints on the same row (三公 tables with last year)
    target_funds  — the funds the 绩效目标 statement says its projects involve, one digit off the tables' project total
    project_targets — a project's amount in 项目支出表 vs its 绩效目标表 (same scope, by name)
    against       — is ``--against`` last year's document of the same department, kind and scope
    selection     — the findings a person asked to see (--min-severity, --ignore, --show-info)
    labels        — findings for people: printed row / column labels, places, ``FindingRow``
    report        — the report on a batch of documents (summary table + each document's findings)
"""

from __future__ import annotations

from cnbudget.checks.context import CheckSettings, Context
from cnbudget.checks.engine import CheckReport, check_disclosure, check_file, report_to_json
from cnbudget.checks.registry import RULES, Rule, rule

__all__ = [
    "RULES",
    "CheckReport",
    "CheckSettings",
    "Context",
    "Rule",
    "check_disclosure",
    "check_file",
    "report_to_json",
    "rule",
]


def all_rules() -> dict[str, Rule]:
    """Every registered rule (importing the rule families first)."""
    from cnbudget.checks.engine import _load_rules

    _load_rules()
    return RULES
