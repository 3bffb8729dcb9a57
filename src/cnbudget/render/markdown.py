"""A produced disclosure as Markdown: headings, paragraphs and pipe tables.

A table's first header row is the Markdown header line; the other header rows follow as
ordinary rows (Markdown has no merged cells), so the grid is the same as the txt layout's.
"""

from __future__ import annotations

from cnbudget.produce.document import Heading, Para, Produced, TableBlock
from cnbudget.render.layout import PrintedTable, printed


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ").strip()


def table_markdown(pt: PrintedTable) -> list[str]:
    lines = [f"**{pt.title}**", ""]
    if pt.department:
        lines += [f"编制部门：{pt.department}", ""]
    lines += [f"单位：{pt.unit or '万元'}", ""]
    grid = pt.grid()
    lines.append("| " + " | ".join(_cell(c) for c in grid[0]) + " |")
    lines.append("|" + "|".join("---:" if i in pt.amount_cols else "---" for i in range(pt.width)) + "|")
    for row in grid[1:]:
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    for note in pt.notes:
        lines += ["", note]
    return lines


def render_markdown(doc: Produced) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Para):
            lines += [block.text, ""]
        elif isinstance(block, TableBlock):
            lines += table_markdown(printed(block.table, doc.meta.department, doc.meta.kind))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
