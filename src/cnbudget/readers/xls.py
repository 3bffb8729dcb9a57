"""Legacy Excel workbooks (.xls, BIFF, via xlrd), shaped exactly like .xlsx sheets.

Opened with ``formatting_info=True`` so that merged cells and number formats are known (a
number is printed with its cell's format, as in ``xlsx``); files xlrd cannot read that way
are retried without formatting (merges then unknown, numbers printed as General).  Sheet
shaping — blank-row splits, title / meta rows as paragraphs, merges — is ``xlsx.sheet_blocks``.
"""

from __future__ import annotations

from cnbudget.document import Block, Document
from cnbudget.errors import UnreadableFile
from cnbudget.readers.excel_numbers import format_number
from cnbudget.readers.grid_shape import clean_cell, sheet_blocks


def read(path: str, data: bytes) -> Document:
    """Read an .xls workbook: every visible sheet, in order."""
    import xlrd

    notes: list[str] = []
    try:
        try:
            book = xlrd.open_workbook(file_contents=data, formatting_info=True)
        except xlrd.XLRDError as e:
            if "encrypt" in str(e).lower():
                raise
            book = xlrd.open_workbook(file_contents=data, formatting_info=False)
            notes.append("未读取单元格格式，合并单元格未知 (read without formatting: merges unknown)")
    except xlrd.XLRDError as e:
        if "encrypt" in str(e).lower():
            raise UnreadableFile("Excel 文件已加密，需先去除密码 (encrypted .xls)", file=path) from e
        raise UnreadableFile("Excel 文件已损坏或不是 .xls 格式 (corrupt .xls)", file=path) from e
    except Exception as e:  # xlrd raises assorted errors (struct, index, assertion) on bad BIFF
        raise UnreadableFile("Excel 文件已损坏或不是 .xls 格式 (corrupt .xls)", file=path) from e

    blocks: list[Block] = []
    for sheet in book.sheets():
        if getattr(sheet, "visibility", 0):
            notes.append(f"跳过隐藏工作表 {sheet.name} (hidden sheet skipped)")
            continue
        cells: dict[tuple[int, int], str] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                text = _cell_text(book, sheet, r, c)
                if text:
                    cells[(r, c)] = text
        merges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
        blocks.extend(sheet_blocks(sheet.name, cells, merges))
    return Document(path=path, blocks=tuple(blocks), format="xls", notes=tuple(notes))


def _cell_text(book, sheet, r: int, c: int) -> str:  # noqa: ANN001 - xlrd objects
    import xlrd

    kind = sheet.cell_type(r, c)
    value = sheet.cell_value(r, c)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_TEXT:
        return clean_cell(value)
    if kind == xlrd.XL_CELL_NUMBER:
        return clean_cell(format_number(value, _number_format(book, sheet, r, c)))
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.XLDateError):
            return format_number(value)
        return moment.date().isoformat() if moment.time().isoformat() == "00:00:00" else moment.isoformat(sep=" ")
    return clean_cell(str(value))


def _number_format(book, sheet, r: int, c: int) -> str:  # noqa: ANN001 - xlrd objects
    if not book.formatting_info:
        return "General"
    try:
        xf = book.xf_list[sheet.cell_xf_index(r, c)]
        return book.format_map[xf.format_key].format_str or "General"
    except (IndexError, KeyError, AttributeError):
        return "General"
