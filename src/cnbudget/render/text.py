"""A produced disclosure as plain text in the seeds' layout: one table row per line, TAB-separated.

Each table is printed as its title line ("2025年部门收支预算表"), "编制部门：…", "单位：万元",
then the header rows and data rows (a merged header cell's text in its top-left cell), with no
blank line inside a table, then its notes.  Paragraphs and headings are separated by blank lines.
"""

from __future__ import annotations

from cnbudget.produce.document import Heading, Para, Produced, TableBlock
from cnbudget.render.layout import PrintedTable, printed


def table_lines(pt: PrintedTable) -> list[str]:
    lines = [pt.title, ""]
    if pt.department:
        lines += [f"编制部门：{pt.department}", ""]
    lines += [f"单位：{pt.unit or '万元'}", ""]
    for row in pt.grid():
        lines.append("\t".join(_clean(c) for c in row))
    for note in pt.notes:
        lines += ["", note]
    return lines


def _clean(cell: str) -> str:
    return cell.replace("\t", " ").replace("\n", " ")


def render_text(doc: Produced) -> str:
    lines: list[str] = []
    dept = doc.meta.department
    for block in doc.blocks:
        if isinstance(block, Heading | Para):
            lines += [block.text, ""]
        elif isinstance(block, TableBlock):
            lines += table_lines(printed(block.table, dept, doc.meta.kind))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
