"""A produced disclosure as an XLSX workbook (openpyxl).

Sheet 1 "公开说明" holds the headings and paragraphs (概况, 情况说明, 名词解释) one per row;
then one sheet per table: title, 编制部门, 单位, the header rows with merged cells, and the body
with amounts as numbers (format ``0.00``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from cnbudget.produce.document import Heading, Para, Produced, TableBlock
from cnbudget.render.layout import PrintedTable, printed
from cnbudget.tables.kinds import KIND_LABELS

_THIN = Side(style="thin", color="444444")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")


def _sheet_name(pt: PrintedTable, used: set[str]) -> str:
    base = (pt.title.split("年", 1)[-1] if "年" in pt.title else pt.title) or KIND_LABELS.get(pt.kind, pt.kind)
    for ch in "[]:*?/\\":
        base = base.replace(ch, "")
    base = base[:28]
    name, i = base, 2
    while name in used:
        name = f"{base[:26]}{i}"
        i += 1
    used.add(name)
    return name


def write_table(ws, pt: PrintedTable) -> None:
    ws.append([pt.title])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    if pt.width > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=pt.width)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    ws.append([f"编制部门：{pt.department}" if pt.department else ""])
    ws.append([f"单位：{pt.unit or '万元'}"])
    top = 4
    for r in range(pt.header_rows):
        for c in range(pt.width):
            cell = ws.cell(row=top + r, column=c + 1)
            cell.border = _BORDER
            cell.fill = _HEAD_FILL
    for m in pt.header_cells:
        cell = ws.cell(row=top + m.row, column=m.col + 1, value=m.text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if m.rowspan > 1 or m.colspan > 1:
            ws.merge_cells(start_row=top + m.row, start_column=m.col + 1,
                           end_row=top + m.row + m.rowspan - 1, end_column=m.col + m.colspan)
    first_body = top + pt.header_rows
    for i, row in enumerate(pt.body):
        for c, text in enumerate(row):
            cell = ws.cell(row=first_body + i, column=c + 1)
            cell.border = _BORDER
            if c in pt.amount_cols and text:
                cell.value = Decimal(text)
                cell.number_format = "0.00"
            elif text:
                cell.value = text
    r = first_body + len(pt.body) + 1
    for note in pt.notes:
        ws.cell(row=r, column=1, value=note)
        r += 1
    for c in range(pt.width):
        ws.column_dimensions[get_column_letter(c + 1)].width = 14 if c in pt.amount_cols else 18


def render_xlsx(doc: Produced, path: str | Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "公开说明"
    ws.column_dimensions["A"].width = 120
    for block in doc.blocks:
        if isinstance(block, Heading):
            ws.append([block.text])
            ws.cell(row=ws.max_row, column=1).font = Font(bold=True, size=16 - 2 * min(block.level, 3))
        elif isinstance(block, Para):
            ws.append([block.text])
            ws.cell(row=ws.max_row, column=1).alignment = Alignment(wrap_text=True)
    used: set[str] = {"公开说明"}
    for block in doc.blocks:
        if isinstance(block, TableBlock):
            pt = printed(block.table, doc.meta.department, doc.meta.kind)
            write_table(wb.create_sheet(_sheet_name(pt, used)), pt)
    wb.save(str(path))
