"""The .xlsx reader: numbers as printed, sheet shaping, merges, sources."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from cnbudget.document import Grid, Paragraph, Source
from cnbudget.readers import read_document
from cnbudget.readers.excel_numbers import format_number
from cnbudget.readers.grid_shape import cell_name, clean_cell, shape_block


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [
        (79, "0.00", "79.00"),
        (1942.1100000001, "0.00", "1942.11"),
        (1942.1100000000001, "General", "1942.11"),
        (0.1 + 0.2, "General", "0.3"),
        (1942.11, "#,##0.00", "1,942.11"),
        (1234567.5, "#,##0.00", "1,234,567.50"),
        (-12.5, "#,##0.00", "-12.50"),
        (-12.5, "#,##0.00;(#,##0.00)", "(12.50)"),
        (0, "#,##0.00;-#,##0.00;", ""),
        (0, '0.00;-0.00;"-"', "-"),
        (0.905, "0.00%", "90.50%"),
        (2.675, "0.00", "2.68"),  # half away from zero, on the printed decimal value
        (5.5, "0", "6"),
        (5, "0.##", "5"),
        (5.25, "0.0#", "5.25"),
        (12345678, "#,##0,", "12,346"),
        (7, '0.00"万元"', "7.00万元"),
        (208, "General", "208"),
        (3, "@", "3"),
        (1.5, "[Red]0.00", "1.50"),
        (Decimal("1.005"), "0.00", "1.01"),
        (True, "General", "TRUE"),
    ],
)
def test_format_number(value, fmt, printed):
    assert format_number(value, fmt) == printed


def test_clean_cell_joins_cjk_lines_and_collapses_spaces():
    assert clean_cell("其中：\n财政拨款") == "其中：财政拨款"
    assert clean_cell(" 一般公共预算\u3000 小计 ") == "一般公共预算 小计"
    assert clean_cell("Total\namount") == "Total amount"


def test_cell_name():
    assert [cell_name(0, 0), cell_name(6, 1), cell_name(0, 26), cell_name(9, 701)] == ["A1", "B7", "AA1", "ZZ10"]


def _src(r, c):
    return Source(line=r + 1)


def test_shape_block_titles_meta_and_notes_become_paragraphs():
    rows = [
        ["2024年部门收支预算表", "", "", ""],
        ["编制部门：某局", "", "", "单位：万元"],
        ["项目", "金额", "项目", "金额"],
        ["一般公共预算", "1.00", "教育", "1.00"],
        ["注：本表无数据的项目为空。", "", "", ""],
    ]
    blocks = shape_block(rows, [(0, 0, 0, 3)], _src)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "Paragraph", "Grid", "Paragraph"]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "2024年部门收支预算表", "编制部门：某局", "单位：万元", "注：本表无数据的项目为空。"]
    grid = blocks[3]
    assert grid.rows == (("项目", "金额", "项目", "金额"), ("一般公共预算", "1.00", "教育", "1.00"))
    assert [s.line for s in grid.row_sources] == [3, 4]


def test_shape_block_keeps_single_cell_data_rows_inside_a_table():
    rows = [["项目", "金额", "项目", "金额"], ["收入", "1.00", "教育", "1.00"], ["", "", "科学技术", ""],
            ["合计", "1.00", "合计", "1.00"]]
    (grid,) = shape_block(rows, [], _src)
    assert len(grid.rows) == 4


def test_shape_block_title_row_under_a_table_starts_the_next_table():
    rows = [
        ["合计", "因公出国（境）费"], ["4.00", "0.00"],
        ["2024年政府性基金预算支出表", ""],
        ["单位：万元", ""],
        ["科目", "金额"], ["合计", ""],
    ]
    blocks = shape_block(rows, [(2, 0, 2, 1)], _src)
    assert [type(b).__name__ for b in blocks] == ["Grid", "Paragraph", "Paragraph", "Grid"]


def test_shape_block_trims_empty_margin_columns_and_shifts_merges():
    rows = [["", "收入", "", "支出", "", ""], ["", "项目", "金额", "项目", "金额", ""]]
    (grid,) = shape_block(rows, [(0, 1, 0, 2), (0, 3, 0, 4)], _src)
    assert grid.rows[0] == ("收入", "", "支出", "")
    assert grid.merges == ((0, 0, 0, 1), (0, 2, 0, 3))


def _save(wb: openpyxl.Workbook, tmp_path: Path, name: str = "t.xlsx") -> Path:
    p = tmp_path / name
    wb.save(p)
    return p


def test_sheet_with_two_tables_separated_by_a_blank_row(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表"
    ws["B2"], ws["C2"] = "项目", "金额"
    ws["B3"], ws["C3"] = "合计", 79
    ws["C3"].number_format = "0.00"
    ws["B5"], ws["C5"] = "科目", "金额"
    ws["B6"], ws["C6"] = "教育", "12.5"  # a number stored as text stays as typed
    doc = read_document(_save(wb, tmp_path))
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    assert [g.rows for g in grids] == [(("项目", "金额"), ("合计", "79.00")), (("科目", "金额"), ("教育", "12.5"))]
    assert grids[1].source == Source(sheet="表", cell="B5:C6")
    assert grids[1].row_sources[1] == Source(sheet="表", cell="B6")


def test_vertical_merge_does_not_split_the_table(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"] = "项目", "基本支出", None
    ws["B2"], ws["C2"] = "人员经费", "公用经费"
    ws.merge_cells("A1:A3")
    ws.merge_cells("B1:C1")
    ws["A4"], ws["B4"], ws["C4"] = "合计", 1, 2
    (grid,) = [b for b in read_document(_save(wb, tmp_path)).blocks if isinstance(b, Grid)]
    assert grid.rows == (("项目", "基本支出", ""), ("", "人员经费", "公用经费"), ("", "", ""), ("合计", "1", "2"))
    assert set(grid.merges) == {(0, 0, 2, 0), (0, 1, 0, 2)}


def test_hidden_sheets_are_skipped_with_a_note(tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["B1"] = "项目", "金额"
    hidden = wb.create_sheet("草稿")
    hidden["A1"], hidden["B1"] = "草稿", "1"
    hidden.sheet_state = "hidden"
    doc = read_document(_save(wb, tmp_path))
    assert len([b for b in doc.blocks if isinstance(b, Grid)]) == 1
    assert any("草稿" in n for n in doc.notes)


def test_zero_values_hidden_by_the_sheet_are_blank(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.sheet_view.showZeros = False
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "项目", "金额", "外交", 0
    (grid,) = [b for b in read_document(_save(wb, tmp_path)).blocks if isinstance(b, Grid)]
    assert grid.rows[1] == ("外交", "")


def test_formula_without_cached_value_is_blank_not_the_formula(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "项目", "金额", "合计", "=SUM(B3:B4)"
    (grid,) = [b for b in read_document(_save(wb, tmp_path)).blocks if isinstance(b, Grid)]
    assert grid.rows[1] == ("合计", "")


def test_styled_empty_cells_far_away_cost_nothing(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "项目", "金额"
    ws.cell(row=60000, column=200).number_format = "0.00"  # formatting, no value
    doc = read_document(_save(wb, tmp_path))
    (grid,) = [b for b in doc.blocks if isinstance(b, Grid)]
    assert grid.rows == (("项目", "金额"),)


def test_shape_block_wide_title_without_biao_under_a_table_starts_the_next_table():
    rows = [
        ["项目", "金额", "备注"], ["合计", "1.00", ""],
        ["2024年一般公共预算“三公”经费支出情况", "", ""],
        ["合计", "因公出国（境）费", "公务接待费"], ["4.00", "0.00", "4.00"],
        ["单位负责人：张三", "", "填表人：李四"],
    ]
    blocks = shape_block(rows, [(2, 0, 2, 2)], _src)
    assert [type(b).__name__ for b in blocks] == ["Grid", "Paragraph", "Grid", "Paragraph", "Paragraph"]
    assert [len(b.rows) for b in blocks if isinstance(b, Grid)] == [2, 2]


def test_shape_block_section_row_merged_across_stays_in_the_table():
    rows = [["科目", "金额"], ["一、基本支出", ""], ["工资福利支出", "1.00"]]
    (grid,) = shape_block(rows, [(1, 0, 1, 1)], _src)
    assert len(grid.rows) == 3
