"""From a Document to its tables: find, classify, read rows, repair."""

from __future__ import annotations

from dataclasses import replace

from cnbudget.document import Document
from cnbudget.model import Table
from cnbudget.tables.basic_final import looks_three_group, parse_basic_final
from cnbudget.tables.classify import classify, kind_by_codes
from cnbudget.tables.coded import parse_coded
from cnbudget.tables.name_codes import add_codes_from_names, expand_partial_codes
from cnbudget.tables.ocr_repair import ocr_pages, repair_ocr_figures
from cnbudget.tables.performance import parse_performance
from cnbudget.tables.repair import repair_codes
from cnbudget.tables.rows import split_lines
from cnbudget.tables.segment import find_tables
from cnbudget.tables.summary import parse_two_sided
from cnbudget.tables.three_public import parse_three_public

# The column that is a table's whole, named by the table's subject: "机关运行经费" in a table
# of 机关运行经费, "基本支出/总计" in a table of 基本支出 — that table's ``total``.
_WHOLE_COLUMN = {
    "running_costs": "running_costs",
    "basic_expenditure": "basic",
    "fiscal_basic_expenditure": "basic",
}


def _whole_column_is_total(t: Table) -> Table:
    whole = _WHOLE_COLUMN.get(t.kind)
    if whole is None or "total" in t.column_ids() or whole not in t.column_ids():
        return t
    cols = tuple(replace(c, id="total") if c.id == whole else c for c in t.columns)
    rows = tuple(
        replace(r, values={("total" if k == whole else k): v for k, v in r.values.items()}) for r in t.rows
    )
    return replace(t, columns=cols, rows=rows)


def build_tables(doc: Document) -> tuple[list[Table], list[str]]:
    """All tables of the document, in order, and notes about what was repaired or unsure."""
    tables: list[Table] = []
    notes: list[str] = []
    scanned = ocr_pages(doc.notes)
    for cand in find_tables(doc):
        tl = split_lines(cand)
        if not tl.data and not tl.header:
            continue
        kind, title, matched = classify(cand, tl)
        if kind in ("summary", "fiscal_summary"):
            table = parse_two_sided(kind, title, tl, cand.source, tl.number)
        elif kind == "three_public":
            table = parse_three_public(title, tl, cand.source, tl.number)
        elif kind in ("performance_targets", "performance_review"):
            table = parse_performance(kind, title, tl, cand.source, tl.number)
        elif kind == "basic_expenditure" and looks_three_group(tl):
            table = parse_basic_final(title, tl, cand.source, tl.number)
        else:
            # positions in a text extraction may slide; a PDF/Office grid's do not
            table = parse_coded(kind, title, tl, cand.source, tl.number, repair_slid=doc.format == "text")
            table = add_codes_from_names(expand_partial_codes(table))
            if table.source.page in scanned:
                table = repair_ocr_figures(table)
            by_codes = kind_by_codes(kind, title, [r.code or "" for r in table.rows])
            if by_codes != kind:
                scheme = "功能" if by_codes == "basic_function" else "经济"
                kind, matched = by_codes, f"{matched}；编码列为{scheme}分类科目"
                table = replace(table, kind=kind)
            table = _whole_column_is_total(table)
        tables.append(replace(table, matched=matched, notes=tuple(cand.notes)))
    tables = _empty_shadows(tables)
    tables = _fill_units(tables, notes)
    tables, repair_notes = repair_codes(tables)
    notes.extend(repair_notes)
    return tables, notes


def _fill_units(tables: list[Table], notes: list[str]) -> list[Table]:
    """A table printed without "单位：万元" takes the unit its notes name, else the document's."""
    units = [t.unit for t in tables if t.unit]
    common = max(set(units), key=units.count) if units else None
    out = []
    for t in tables:
        if t.unit is None:
            from_notes = next((u for u in ("万元", "元") for n in t.notes if u in n), None)
            unit = from_notes or common
            if unit:
                notes.append(f"{t.title or t.kind}: 未印金额单位，按{'表注' if from_notes else '本文件其他表格'}取“{unit}”")
                t = replace(t, unit=unit)
        out.append(t)
    return out


def _empty_shadows(tables: list[Table]) -> list[Table]:
    """A financial table with no rows (a list of tables under a table's title, a header
    without its body) must not stand for the real table of its kind printed later."""
    out = []
    for i, t in enumerate(tables):
        later = any(u.kind == t.kind and u.rows for u in tables[i + 1 :])
        if not t.rows and later and t.kind not in ("other", "performance_targets", "performance_review"):
            t = replace(t, kind="other", matched=f"{t.matched}；无数据行，且后文另有同类表格")
        out.append(t)
    return out
