"""Excel workbooks (.xlsx, via openpyxl), and the sheet-shaping shared by every tabular reader.

Each visible sheet is read in order.  A sheet is split into blocks at blank rows; within a
block, title rows (a single cell, merged across the table or looking like a title —
"2024年部门收支预算表"), meta rows ("编制部门：…", "单位：万元") and note rows ("注：…") above,
between or below the table body become ``Paragraph`` s, and the body becomes a ``Grid``.  A
title row directly under a table (no blank row between) starts a new table.

Cells are written as a person sees them printed: a number stored as a number is formatted
with the cell's number format ("0.00" → ``79.00``, "#,##0.00" → ``1,942.11``; "General"
rounds away float noise at 15 significant digits), a number stored as text stays as typed.
Merged cells keep their text in the top-left cell; the other cells of the range are "" and the
range is listed in ``Grid.merges``.  Every row carries ``Source(sheet=…, cell="A7")``.

The number formatting lives in ``excel_numbers``; the sheet shaping shared with ``xls``,
``docx`` and ``html`` lives in ``grid_shape``.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from decimal import Decimal
from io import BytesIO

from cnbudget.document import Block, Document
from cnbudget.errors import UnreadableFile
from cnbudget.readers.excel_numbers import format_datetime, format_number
from cnbudget.readers.grid_shape import clean_cell, sheet_blocks

# ---------------------------------------------------------------------------------------------
# The reader


def read(path: str, data: bytes) -> Document:
    """Read an .xlsx workbook: every visible sheet, in order."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(BytesIO(data), data_only=True)
    except Exception as e:  # openpyxl raises many kinds (zip, XML, KeyError) for a bad file
        raise UnreadableFile("Excel 文件已损坏或加密 (corrupt or encrypted .xlsx)", file=path) from e
    blocks: list[Block] = []
    notes: list[str] = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            notes.append(f"跳过隐藏工作表 {ws.title} (hidden sheet skipped)")
            continue
        show_zeros = getattr(ws.sheet_view, "showZeros", None) is not False
        cells: dict[tuple[int, int], str] = {}
        for (r, c), cell in ws._cells.items():  # only cells that exist, not the styled void
            text = _xlsx_text(cell.value, cell.number_format, show_zeros)
            if text:
                cells[(r - 1, c - 1)] = text
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        blocks.extend(sheet_blocks(ws.title, cells, merges))
    wb.close()
    return Document(path=path, blocks=tuple(blocks), format="xlsx", notes=tuple(notes))


def _xlsx_text(value: object, number_format: str | None, show_zeros: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_cell(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        if not show_zeros and value == 0:
            return ""
        return clean_cell(format_number(value, number_format))
    if isinstance(value, _dt.date | _dt.time | _dt.timedelta):
        return format_datetime(value)
    return clean_cell(str(value))


