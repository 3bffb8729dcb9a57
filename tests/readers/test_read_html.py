"""The .html reader: encodings, rowspan / colspan, layout tables, headings, source lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnbudget.document import Grid, Paragraph
from cnbudget.readers import read_document
from cnbudget.readers.html import decode


def _write(tmp_path: Path, page: str, encoding: str = "utf-8", name: str = "t.html") -> Path:
    p = tmp_path / name
    p.write_bytes(page.encode(encoding))
    return p


def test_gb2312_declared_page_is_decoded_as_gb18030(tmp_path):
    # 镕 and 堃 are not in GB2312 but are in GBK / GB18030, as on real pages declared gb2312.
    page = '<html><head><meta charset="gb2312"></head><body><p>朱镕基 王堃 预算</p></body></html>'
    doc = read_document(_write(tmp_path, page, "gbk"))
    assert [b.text for b in doc.blocks] == ["朱镕基 王堃 预算"]


def test_http_equiv_gbk_and_wrong_declaration():
    gbk = '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>单位：万元</p>'.encode("gbk")
    assert "单位：万元" in decode("x.html", gbk)
    # declared gb2312, actually UTF-8: valid UTF-8 wins
    utf8 = '<meta charset="gb2312"><p>单位：万元</p>'.encode()
    assert "单位：万元" in decode("x.html", utf8)


def test_rowspan_colspan_on_the_grid(tmp_path):
    page = """<table border=1>
<tr><td rowspan="2">项目</td><td colspan="2">基本支出</td><td rowspan=2>项目支出</td></tr>
<tr><td>人员经费</td><td>公用经费</td></tr>
<tr><td>合计</td><td>1.00</td><td>&nbsp;</td><td>2.00</td></tr>
</table>"""
    (grid,) = read_document(_write(tmp_path, page)).blocks
    assert grid.rows == (
        ("项目", "基本支出", "", "项目支出"),
        ("", "人员经费", "公用经费", ""),
        ("合计", "1.00", "", "2.00"),
    )
    assert set(grid.merges) == {(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 1, 3)}
    assert [s.line for s in grid.row_sources] == [2, 3, 4]


def test_rowspan_past_the_end_and_zero_is_clipped(tmp_path):
    page = "<table><tr><td rowspan=0>甲</td><td>1</td></tr><tr><td rowspan=9>2</td></tr></table>"
    (grid,) = read_document(_write(tmp_path, page)).blocks
    assert grid.rows == (("甲", "1"), ("", "2"))
    assert set(grid.merges) == {(0, 0, 1, 0)}


def test_layout_table_is_flattened_and_nested_table_kept(tmp_path):
    page = """<html><body><table width="100%"><tr><td>
<h2>第三部分 预算表</h2><p>2025年部门收支预算总表</p>
<table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr></table>
</td></tr><tr><td>版权所有：某县财政局</td></tr></table></body></html>"""
    blocks = read_document(_write(tmp_path, page)).blocks
    assert [(type(b).__name__, getattr(b, "text", None)) for b in blocks] == [
        ("Paragraph", "第三部分 预算表"), ("Paragraph", "2025年部门收支预算总表"), ("Grid", None),
        ("Paragraph", "版权所有：某县财政局")]
    assert blocks[0].heading == 2


def test_text_flow_scripts_breaks_and_cjk_line_joins(tmp_path):
    page = """<html><head><title>不是正文</title><style>p{}</style></head><body>
<script>document.write("<p>不是正文</p>")</script>
<div>一般公共
预算支出<br>第二行 <b>加粗</b></div><!-- 注释 -->
<p><strong>单位：万元</strong></p></body></html>"""
    blocks = read_document(_write(tmp_path, page)).blocks
    assert [b.text for b in blocks] == ["一般公共预算支出", "第二行 加粗", "单位：万元"]
    assert [b.bold for b in blocks] == [False, False, True]
    assert blocks[0].source.line == 3


def test_caption_is_a_paragraph_before_the_grid(tmp_path):
    page = "<table><caption>部门支出预算表</caption><tr><th>科目</th><th>金额</th></tr></table>"
    blocks = read_document(_write(tmp_path, page)).blocks
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "部门支出预算表"
    assert isinstance(blocks[1], Grid)


def test_html_fragment_without_html_tag_is_sniffed_by_name(tmp_path):
    p = _write(tmp_path, "<p>说明</p><table><tr><td>a</td><td>b</td></tr></table>", name="page.htm")
    doc = read_document(p)
    assert doc.format == "html"
    assert isinstance(doc.blocks[1], Grid)


def test_page_saved_by_libreoffice_from_the_workbook(tmp_path, built):
    """A spreadsheet saved as a web page: title rows inside the tables, navigation around them."""
    import shutil

    from formats_fixture import build

    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    page = build.soffice_convert(built["xlsx"], "html", tmp_path / "lo")
    grids = [b.rows for b in read_document(page).blocks if isinstance(b, Grid)]
    assert grids == [b.rows for b in read_document(built["txt"]).blocks if isinstance(b, Grid)]
