"""A comparison to a file: CSV (the table as shown), XLSX (as shown, tidy, findings), Parquet (tidy).

Every amount is in the comparison's one unit (``Comparison.unit``: 万元 unless chosen); the
wide tables carry a 单位 column and the tidy records a ``unit`` column, each holding that one
unit.  Amounts stay exact: CSV writes their printed decimals, Parquet a ``decimal128`` column, XLSX
a number with two decimals shown (a spreadsheet cell holds a binary float).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from cnbudget.compare.table import Comparison
from cnbudget.errors import CnbudgetError

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet", ".pq": "parquet"}


def format_of(path: str | Path, fmt: str | None = None) -> str:
    if fmt:
        return fmt.lower()
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise CnbudgetError("无法从扩展名判断导出格式，请用 .csv / .xlsx / .parquet (unknown export format)",
                            file=str(path))
    return found


def _wide(c: Comparison) -> tuple[list[str], list[list[object]]]:
    header = ["指标 figure", "名称 label", "单位 unit", *[col.label for col in c.columns]]
    body = [[r.key, r.label, c.unit, *r.values] for r in c.rows]
    return header, body


def to_csv(c: Comparison, path: str | Path) -> Path:
    header, body = _wide(c)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel opens it as UTF-8
        w = csv.writer(fh)
        w.writerow(header)
        for row in body:
            w.writerow(["" if v is None else format(v, "f") if isinstance(v, Decimal) else v for v in row])
    return Path(path)


def to_xlsx(c: Comparison, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "对比"
    ws.append([f"{c.title}（单位：{c.unit}）"])
    ws["A1"].font = Font(bold=True)
    header, body = _wide(c)
    ws.append(header)
    for row in body:
        ws.append(row)
    for cells in ws.iter_rows(min_row=3, min_col=4):
        for cell in cells:
            cell.number_format = "#,##0.00"
    if c.notes:  # below the table: what was not put on the scale, renamed departments
        ws.append([])
        for note in c.notes:
            ws.append([f"说明：{note}"])
    tidy = wb.create_sheet("明细")
    records = c.tidy()
    keys = ["department", "region", "year", "kind", "unit", "figure", "label", "amount", "document_id"]
    tidy.append(keys)
    for rec in records:
        tidy.append([rec[k] for k in keys])
    found = wb.create_sheet("跨年核验")
    found.append(["year", "severity", "rule", "message", "text", "expected", "actual"])
    for f in c.findings:
        found.append([f.year, f.severity, f.rule, f.message, f.text, f.expected, f.actual])
    wb.save(path)
    return Path(path)


def to_parquet(c: Comparison, path: str | Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = c.tidy()
    scale = max((-r["amount"].as_tuple().exponent for r in records), default=2)
    scale = max(scale, 2)
    dtype = pa.decimal128(38, scale)
    table = pa.table({
        "department": pa.array([r["department"] for r in records], pa.string()),
        "region": pa.array([r["region"] for r in records], pa.string()),
        "year": pa.array([r["year"] for r in records], pa.int32()),
        "kind": pa.array([r["kind"] for r in records], pa.string()),
        "unit": pa.array([r["unit"] for r in records], pa.string()),
        "figure": pa.array([r["figure"] for r in records], pa.string()),
        "label": pa.array([r["label"] for r in records], pa.string()),
        "amount": pa.array([r["amount"] for r in records], dtype),
        "document_id": pa.array([r["document_id"] for r in records], pa.int64()),
    })
    pq.write_table(table.replace_schema_metadata({"title": c.title}), path)
    return Path(path)


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "parquet": to_parquet}


def export(c: Comparison, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``c`` to ``path`` in ``fmt`` (default: from the suffix)."""
    kind = format_of(path, fmt)
    if kind not in WRITERS:
        raise CnbudgetError(f"不支持的导出格式 {kind} (use csv, xlsx or parquet)", file=str(path))
    try:
        return WRITERS[kind](c, path)
    except OSError as e:
        raise CnbudgetError(f"无法写入文件 (cannot write: {e.strerror})", file=str(path)) from e
