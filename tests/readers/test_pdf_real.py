"""The PDF reader on real published disclosures (``../shared/real``), against cells read off the
rendered pages by eye."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from cnbudget.document import Document, Grid, Paragraph
from cnbudget.readers import read_document

REAL = Path(__file__).resolve().parents[3] / "shared" / "real"
pytestmark = pytest.mark.skipif(not (REAL / "real_03.pdf").exists(),
                                reason=f"real PDFs not found in {REAL} (shared/ beside the project)")


@cache
def real(name: str) -> Document:
    return read_document(REAL / name)


def page_blocks(doc: Document, page: int) -> list:
    return [b for b in doc.blocks if b.source.page == page]


def test_beijing_2026_summary_title_unit_then_grid() -> None:
    blocks = page_blocks(real("real_03.pdf"), 1)
    assert [b.text for b in blocks[:2]] == ["预算01表 收支总表", "金额单位：万元"]
    g = blocks[2]
    assert isinstance(g, Grid) and g.width == 4 and len(g.rows) == 31
    assert g.rows[0] == ("收入", "", "支出", "")
    assert g.merges == ((0, 0, 0, 1), (0, 2, 0, 3))
    assert g.rows[1] == ("项目", "预算数", "项目", "预算数")
    # the figure touches the next cell's text: cut at the ruling line, never glued
    assert g.rows[2] == ("一、一般公共预算拨款收入", "110,387.976749", "一、一般公共服务支出", "")
    assert g.rows[6] == ("五、事业收入", "", "五、教育支出", "9,038.772380")
    assert g.rows[-3] == ("本年收入合计", "110,387.976749", "本年支出合计", "110,896.619602")
    assert g.rows[-1] == ("收入总计", "110,896.619602", "支出总计", "110,896.619602")
    assert len(g.row_sources) == 31 and g.row_sources[-1].page == 1


def test_shenzhen_2026_summary_on_a_wide_page() -> None:
    doc = real("real_04.pdf")
    blocks = page_blocks(doc, 16)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["二、表格部分", "表 1", "收支总表", "部门名称：深圳市医疗保障局（本级）", "单位：万元"]
    g = blocks[-1]
    assert isinstance(g, Grid) and g.width == 4
    assert g.rows[2] == ("一、财政拨款", "13,607.02", "一、社会保障和就业支出", "1,101.93")
    assert g.rows[7] == ("三、单位资金", "1,725.63", "抚恤", "2.55")
    assert g.source.box[2] > 842  # 1077-point-wide page read in its own frame
    # page numbers ("- 13 -") are furniture
    assert not any(isinstance(b, Paragraph) and b.text.startswith("-") for b in doc.blocks)


def test_shenzhen_income_table_three_header_rows_with_spans() -> None:
    (g,) = [b for b in page_blocks(real("real_04.pdf"), 18) if isinstance(b, Grid)]
    assert g.width == 12
    assert (0, 2, 0, 10) in g.merges  # 本年收入 over nine columns
    assert (1, 2, 1, 4) in g.merges  # 财政拨款 over three
    assert g.rows[0][:3] == ("预算单位", "收入总计", "本年收入")
    assert g.rows[2][2:5] == ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款")
    assert g.rows[3] == ("深圳市医疗保障局（本级）", "15,480.26", "13,607.02", "0.00", "0.00", "0.00",
                         "0.00", "0.00", "0.00", "0.00", "1,725.63", "147.61")


def test_shenzhen_table_continued_on_next_page_is_a_second_grid() -> None:
    doc = real("real_04.pdf")
    (g,) = [b for b in page_blocks(doc, 17) if isinstance(b, Grid)]
    assert g.rows[1] == ("项目", "2026 年预算数", "项目", "2026 年预算数")  # header repeated
    assert g.rows[-1] == ("收入总计", "15,480.26", "支出总计", "15,480.26")


def test_foshan_names_wrapping_over_two_lines_are_joined() -> None:
    (g,) = [b for b in page_blocks(real("real_02.pdf"), 22) if isinstance(b, Grid)]
    names = {r[0]: r[1] for r in g.rows}
    assert names["20822"] == "大中型水库移民后期扶持基金支出"
    assert names["21208"] == "国有土地使用权出让收入及对应专项债务收入安排的支出"
    assert g.rows[2] == ("栏次", "", "1", "2", "3", "4", "5", "6")


def test_landscape_page_read_upright() -> None:
    doc = real("real_01.pdf")
    blocks = page_blocks(doc, 7)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts[:4] == ["收入支出决算总表", "公开 01 表", "部门：国家信访局", "金额单位：万元"]
    (g,) = [b for b in blocks if isinstance(b, Grid)]
    assert g.width == 6
    assert g.rows[3] == ("一、一般公共预算财政拨款收入", "1", "19,572.91", "一、一般公共服务支出", "32", "10,685.56")
    assert g.rows[-1] == ("总计", "31", "22,066.59", "总计", "62", "22,066.59")


def test_narrative_lines_are_joined_into_paragraphs() -> None:
    texts = [b.text for b in page_blocks(real("real_01.pdf"), 21) if isinstance(b, Paragraph)]
    assert "（二）财政拨款支出决算结构情况" in texts
    assert any(t.startswith("国家信访局 2024 年度财政拨款支出 13733.8 万元，占总支出94.24%。") for t in texts)
