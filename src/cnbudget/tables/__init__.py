"""Tables: recognise each Grid as a standard table and read its rows.

Modules:
    build        — the stage's entry point: find, classify, read, repair (``build_tables``)
    segment      — find tables in a document: title, number, unit, notes; join page continuations
    rows         — page furniture removed, header separated from data rows
    cells        — cell cleaning; codes, ordinals (栏次/行次) and totals told apart
    header       — header flattening into one label path per column (with slid-cell repair)
    columns      — amount column ids and the header labels that map to them
    kinds        — table kinds and their title signatures
    classify     — the kind of a table from its title, number and header
    coded        — tables keyed by code or name (function, economic, project tables)
    summary      — two-sided summary tables (收支总表, 财政拨款收支总表)
    basic_final  — the final-account basic expenditure table's three column groups, unfolded
    three_public — the "三公" table
    performance  — performance target / self-evaluation forms (mostly text, a few figures)
    name_codes   — function codes for tables that print names only, from the catalog
    ocr_repair   — figures OCR misread (lost decimal points), repaired only where one reading fits
    slid         — figures that slid one column in extraction, put back by the table's identities
    repair       — truncated codes repaired from the names and the other tables
    toc          — the document's own list of its tables (its 目录)
"""

from __future__ import annotations

from cnbudget.document import Document
from cnbudget.model import Table
from cnbudget.tables.build import build_tables

__all__ = ["Table", "build_tables", "Document"]
