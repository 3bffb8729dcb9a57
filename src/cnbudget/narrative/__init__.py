"""Narrative: document meta, section headings and the figures the 情况说明 states (claims).

Modules:
    meta      — department, region, year, budget/final, 本级/汇总, unit, title
    sections  — the headings of the document and its narrative (目录 skipped); the 目录's entries
    claims    — amounts, shares, changes, rates and counts, linked to each other and to cells
    outline   — headings and passages in reading order, with part and topic; skips the 目录
    topics    — heading words → document part (概况, 表, 情况说明, 名词解释, 附件) and topic
    patterns  — named regexes: figures (number + unit) and what is not one (dates, ordinals …)
    sentences — passages cut into sentences and clauses outside printed numbers
    subjects  — the words before a figure: subject, basis (本年/上年/年初预算), direction
    refs      — subject + topic + document kind → Ref(table, row, column)
    functions — 类/款/项 names → function codes (codes.classes, the document's own rows)
    evidence  — whether a file is a disclosure at all (by the tables and narrative it publishes)
    text      — headings and passages in reading order, for the wording rules
"""

from __future__ import annotations

from cnbudget.narrative.claims import extract_claims
from cnbudget.narrative.meta import extract_meta
from cnbudget.narrative.sections import extract_contents, extract_sections
from cnbudget.narrative.text import extract_text

__all__ = ["extract_claims", "extract_contents", "extract_meta", "extract_sections", "extract_text"]
