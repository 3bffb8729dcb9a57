"""The input workbook: template, filled-in round trip, refusal of typed totals that disagree."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from cnbudget.produce.build import produce
from cnbudget.produce.consistency import InconsistentInput
from cnbudget.produce.workbook import SHEETS, write_input, write_template
from cnbudget.render.text import render_text


def test_template_has_a_sheet_per_standard_table_with_merged_headers(tmp_path):
    path = write_template(tmp_path / "t.xlsx", "budget", 2025)
    wb = load_workbook(path)
    for name, _fund, _derived in SHEETS.values():
        assert name in wb.sheetnames
    assert {"基本信息", "其他事项", "上年数"} <= set(wb.sheetnames)
    assert wb["一般公共预算支出预算表"].merged_cells.ranges


def test_filled_workbook_renders_the_example(example, tmp_path):
    path = write_input(example.build_input(), tmp_path / "in.xlsx")
    assert render_text(produce(path)) == render_text(example.build())


def test_typed_total_that_disagrees_is_refused(example, tmp_path):
    path = write_input(example.build_input(), tmp_path / "in.xlsx")
    wb = load_workbook(path)
    ws = wb["一般公共预算支出预算表"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "2010301")
    ws.cell(row=row, column=3, value=1.00)  # 合计 typed, disagreeing with its parts
    wb.save(path)
    with pytest.raises(InconsistentInput, match="合计"):
        produce(path)


def test_projects_disagreeing_with_the_expenditure_table_are_refused(example, tmp_path):
    path = write_input(example.build_input(), tmp_path / "in.xlsx")
    wb = load_workbook(path)
    ws = wb["项目支出预算表"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=2).value == "公共数据开放与数据安全评估")
    ws.cell(row=row, column=5, value=40.00)
    wb.save(path)
    with pytest.raises(InconsistentInput, match="项目支出"):
        produce(path)
