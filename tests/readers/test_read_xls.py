"""The .xls reader (xlrd): merges and number formats as in .xlsx.  Files are written with xlwt."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from formats_fixture import build

from cnbudget.document import Grid, Paragraph, Source
from cnbudget.readers import read_document


@pytest.fixture
def xlwt():
    return pytest.importorskip("xlwt", reason="xlwt (dev dependency) writes the .xls test files")


def _save(wb, tmp_path: Path) -> Path:
    p = tmp_path / "t.xls"
    wb.save(str(p))
    return p


def test_merges_formats_and_titles(tmp_path, xlwt):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("收支总表")
    two = xlwt.easyxf(num_format_str="0.00")
    thousands = xlwt.easyxf(num_format_str="#,##0.00")
    ws.write_merge(0, 0, 0, 2, "2024年部门收支预算总表")
    ws.write(1, 2, "单位：万元")
    ws.write_merge(2, 3, 0, 0, "项目")
    ws.write_merge(2, 2, 1, 2, "预算数")
    ws.write(3, 1, "合计")
    ws.write(3, 2, "其中：财政拨款")
    ws.write(4, 0, "一般公共预算")
    ws.write(4, 1, 79, two)
    ws.write(4, 2, 1942.1100000000001, thousands)
    ws.write(5, 0, "208")  # a code stored as text
    ws.write(5, 1, "05")
    ws.write(5, 2, dt.date(2025, 1, 31), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    blocks = read_document(_save(wb, tmp_path)).blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["2024年部门收支预算总表", "单位：万元"]
    (grid,) = [b for b in blocks if isinstance(b, Grid)]
    assert grid.rows == (
        ("项目", "预算数", ""),
        ("", "合计", "其中：财政拨款"),
        ("一般公共预算", "79.00", "1,942.11"),
        ("208", "05", "2025-01-31"),
    )
    assert set(grid.merges) == {(0, 0, 1, 0), (0, 1, 0, 2)}
    assert grid.source == Source(sheet="收支总表", cell="A3:C6")
    assert grid.row_sources[2] == Source(sheet="收支总表", cell="A5")


def test_hidden_sheet_skipped(tmp_path, xlwt):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("表1")
    ws.write(0, 0, "项目")
    ws.write(0, 1, "金额")
    hidden = wb.add_sheet("隐藏")
    hidden.write(0, 0, "不应读取")
    hidden.write(0, 1, "1")
    hidden.visibility = 1
    doc = read_document(_save(wb, tmp_path))
    assert [b.rows for b in doc.blocks if isinstance(b, Grid)] == [(("项目", "金额"),)]
    assert any("隐藏" in n for n in doc.notes)


def test_xls_saved_by_libreoffice_reads_like_the_text_version(tmp_path, built):
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    path = build._xls_by_soffice(tmp_path)
    assert path is not None
    doc = read_document(path)
    want = [g.rows for g in read_document(built["txt"]).blocks if isinstance(g, Grid)]
    got = [g for g in doc.blocks if isinstance(g, Grid)]
    assert [g.rows for g in got] == [tuple(tuple(r) + ("",) * (len(g.rows[0]) - len(r)) for r in w)
                                     for w, g in zip(want, got, strict=True)]
    assert all(g.merges for g in got)
