"""From a Document to its tables: find, classify, read rows, repair."""

from __future__ import annotations

from dataclasses import replace

from cnbudget.document import Document
from cnbudget.model import Table
from cnbudget.tables.basic_final import looks_three_group, parse_basic_final
from cnbudget.tables.classify import classify
from cnbudget.tables.coded import parse_coded
from cnbudget.tables.repair import repair_codes
from cnbudget.tables.rows import split_lines
from cnbudget.tables.segment import find_tables
from cnbudget.tables.summary import parse_two_sided
from cnbudget.tables.three_public import parse_three_public


def build_tables(doc: Document) -> tuple[list[Table], list[str]]:
    """All tables of the document, in order, and notes about what was repaired or unsure."""
    tables: list[Table] = []
    notes: list[str] = []
    for cand in find_tables(doc):
        tl = split_lines(cand)
        if not tl.data and not tl.header:
            continue
        kind, title, matched = classify(cand, tl)
        if kind in ("summary", "fiscal_summary"):
            table = parse_two_sided(kind, title, tl, cand.source, tl.number)
        elif kind == "three_public":
            table = parse_three_public(title, tl, cand.source, tl.number)
        elif kind == "basic_expenditure" and looks_three_group(tl):
            table = parse_basic_final(title, tl, cand.source, tl.number)
        else:
            table = parse_coded(kind, title, tl, cand.source, tl.number)
        tables.append(replace(table, matched=matched, notes=tuple(cand.notes)))
    tables, repair_notes = repair_codes(tables)
    notes.extend(repair_notes)
    return tables, notes
