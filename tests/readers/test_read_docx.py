"""The .docx reader: document order, headings, merged cells on the grid."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from cnbudget.document import Grid, Paragraph
from cnbudget.readers import read_document
from cnbudget.readers.docx import table_grid


def _save(d, tmp_path: Path) -> Path:
    p = tmp_path / "t.docx"
    d.save(str(p))
    return p


def test_paragraphs_and_tables_in_document_order(tmp_path):
    d = docx.Document()
    d.add_heading("第一部分 部门概况", level=1)
    d.add_paragraph("概况正文。")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "项目", "金额"
    t.cell(1, 0).text, t.cell(1, 1).text = "合计", "1.00"
    d.add_heading("第二部分 情况说明", level=2)
    doc = read_document(_save(d, tmp_path))
    assert doc.format == "docx"
    kinds = [(type(b).__name__, getattr(b, "heading", None)) for b in doc.blocks]
    assert kinds == [("Paragraph", 1), ("Paragraph", None), ("Grid", None), ("Paragraph", 2)]
    grid = doc.blocks[2]
    assert grid.rows == (("项目", "金额"), ("合计", "1.00"))
    assert [s.line for s in grid.row_sources] == [3, 4]
    assert doc.blocks[3].source.line == 5


def test_chinese_heading_style_name_and_outline_level(tmp_path):
    d = docx.Document()
    style = d.styles.add_style("标题 2", 1)
    d.add_paragraph("一、收支预算总体情况", style=style)
    p = d.add_paragraph("（一）收入")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    d.add_paragraph("正文")
    doc = read_document(_save(d, tmp_path))
    assert [(b.text, b.heading) for b in doc.blocks] == [("一、收支预算总体情况", 2), ("（一）收入", 3), ("正文", None)]


def test_merged_cells_top_left_keeps_text(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text = "项目"
    t.cell(0, 1).text = "基本支出"
    t.cell(1, 1).text, t.cell(1, 2).text = "人员经费", "公用经费"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "合计", "1", "2"
    t.cell(0, 0).merge(t.cell(1, 0))
    t.cell(0, 1).merge(t.cell(0, 2))
    (grid,) = read_document(_save(d, tmp_path)).blocks
    assert grid.rows == (("项目", "基本支出", ""), ("", "人员经费", "公用经费"), ("合计", "1", "2"))
    assert set(grid.merges) == {(0, 0, 1, 0), (0, 1, 0, 2)}


def test_grid_before_and_wrapped_cell_text():
    tbl = parse_xml(
        f"<w:tbl {nsdecls('w')}><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p><w:r><w:t>其中：</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>财政拨款</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>"
        "<w:tc><w:p><w:r><w:t>1</w:t><w:br/><w:t>00</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    rows, merges = table_grid(tbl)
    assert rows == [["项目", "其中：财政拨款", ""], ["", "1 00", "2"]]
    assert merges == [(0, 1, 0, 2)]


def test_title_rows_inside_a_word_table_become_paragraphs(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    t.cell(0, 0).text = "2025年部门收支预算总表"
    t.cell(0, 0).merge(t.cell(0, 2))
    t.cell(1, 2).text = "单位：万元"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "项目", "金额", "备注"
    t.cell(3, 0).text, t.cell(3, 1).text = "合计", "1.00"
    blocks = read_document(_save(d, tmp_path)).blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["2025年部门收支预算总表", "单位：万元"]
    (grid,) = [b for b in blocks if isinstance(b, Grid)]
    assert grid.rows == (("项目", "金额", "备注"), ("合计", "1.00", ""))


@pytest.mark.parametrize("style_bold", [True, False])
def test_bold_paragraph(tmp_path, style_bold):
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("单位：万元").bold = style_bold
    (para,) = read_document(_save(d, tmp_path)).blocks
    assert para.bold is style_bold
