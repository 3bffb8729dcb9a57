"""The findings sheet an auditor forwards: one row per finding, as XLSX or CSV.

Columns (``FindingRow.HEADERS``): 文件, 部门, 年度, 表 (Chinese label), 页 ("第 7 页" as the page
prints it, else "PDF 第 N 页"),
行 (the printed row label), 列 (the printed header), 印刷数, 应为, 差额, 规则, 级别
(错误/警告/提示), 说明, 原文 (the narrative sentence).  XLSX: bold frozen header, autofilter,
column widths fitted to the contents (capped), amounts as numbers with two or more decimals,
error rows tinted.  CSV: UTF-8 with a byte-order mark, so that Excel opens the Chinese text.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from cnbudget.checks.labels import FindingRow
from cnbudget.errors import CnbudgetError

_NUMERIC = {7, 8, 9}  # 印刷数, 应为, 差额 (0-based)
_MAX_WIDTH = {12: 80, 13: 60}  # 说明, 原文
_FILL = {"error": "FDECEC", "warning": "FFF6D6"}


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def write_findings(rows: Sequence[FindingRow], path: Path, fmt: str | None = None) -> Path:
    """Write ``rows`` to ``path`` as ``fmt`` ("xlsx" | "csv"; default from the suffix)."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    try:
        if fmt == "xlsx":
            _xlsx(rows, path)
        elif fmt == "csv":
            _csv(rows, path)
        else:
            raise CnbudgetError(f"不支持的格式“{fmt}”：只能是 .xlsx 或 .csv", file=str(path))
    except OSError as e:
        raise CnbudgetError(f"无法写入：{e.strerror or e}", file=str(path)) from e
    return path


def write_csv(rows: Sequence[FindingRow], stream: TextIO) -> None:
    """The sheet as CSV on an open text stream (amounts written exactly)."""
    w = csv.writer(stream)
    w.writerow(FindingRow.HEADERS)
    for r in rows:
        w.writerow(["" if v is None else (format(v, "f") if isinstance(v, Decimal) else v) for v in r.cells()])


def _csv(rows: Sequence[FindingRow], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        write_csv(rows, fh)


def _xlsx(rows: Sequence[FindingRow], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "核验发现"
    ws.append(list(FindingRow.HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
    widths = [_width(h) + 2 for h in FindingRow.HEADERS]
    wrap = Alignment(wrap_text=True, vertical="top")
    for r in rows:
        values = list(r.cells())
        ws.append(values)
        line = ws.max_row
        fill = _FILL.get(r.severity_id)
        for i, v in enumerate(values):
            cell = ws.cell(row=line, column=i + 1)
            if i in _NUMERIC and isinstance(v, Decimal):
                cell.number_format = "#,##0.00" + "0" * max(0, -v.as_tuple().exponent - 2)  # type: ignore[operator]
            if i in (12, 13):
                cell.alignment = wrap
            if fill and i == 11:
                cell.fill = PatternFill("solid", fgColor=fill)
            widths[i] = max(widths[i], min(_width(v) + 2, _MAX_WIDTH.get(i, 40)))
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FindingRow.HEADERS))}{max(ws.max_row, 1)}"
    wb.save(path)
