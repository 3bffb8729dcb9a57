"""Narrative: document meta, section headings and the figures the 情况说明 states (claims).

Modules:
    meta      — department, region, year, budget/final, 本级/汇总, unit
    sections  — the headings of the document and its narrative
    claims    — amounts, shares, changes, rates and counts, each tied to what it speaks of
"""

from __future__ import annotations

from cnbudget.narrative.claims import extract_claims
from cnbudget.narrative.meta import extract_meta
from cnbudget.narrative.sections import extract_sections

__all__ = ["extract_claims", "extract_meta", "extract_sections"]
