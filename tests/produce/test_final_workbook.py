"""The final-account input workbook: template, filled-in round trip, the commands a user runs."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cnbudget.produce.build import produce
from cnbudget.produce.consistency import InconsistentInput
from cnbudget.produce.workbook import write_final_input, write_template
from cnbudget.produce.workbook_cells import SHEET_LINES, SHEET_THREE
from cnbudget.produce.workbook_read import read_final_workbook
from cnbudget.render.text import render_text
from tests.render.conftest import load_example


@pytest.fixture(scope="module")
def final_example():
    return load_example("make_final_example")


def _app():
    from cnbudget import cli_render
    from cnbudget.cli import app

    if not any(c.callback and c.callback.__name__ == "render" for c in app.registered_commands):
        cli_render.register(app)
    return app


def test_final_template_has_its_sheets(tmp_path):
    path = write_template(tmp_path / "t.xlsx", "final", 2024)
    wb = load_workbook(path)
    assert {"基本信息", SHEET_LINES, "基本支出明细", SHEET_THREE, "其他事项", "上年数"} <= set(wb.sheetnames)
    assert wb[SHEET_THREE].merged_cells.ranges
    assert any(c.value == "决算" for row in wb["基本信息"].iter_rows() for c in row)


def test_filled_workbook_gives_back_the_input_and_the_example(final_example, tmp_path):
    inp = final_example.build_input()
    path = write_final_input(inp, tmp_path / "in.xlsx")
    back = read_final_workbook(path)
    assert (back.meta, back.lines, back.economic_lines, back.three_public, back.facts, back.previous) == (
        inp.meta, inp.lines, inp.economic_lines, inp.three_public, inp.facts, inp.previous)
    assert render_text(produce(path)) == render_text(final_example.build())


def test_template_filled_rendered_and_parsed_equals_the_input(final_example, tmp_path):
    from cnbudget.parse import parse_file
    from cnbudget.produce.derive import derive_disclosure as derive_final_disclosure
    from cnbudget.render.disclosure import write
    from tests.render.roundtrip import differences

    inp = final_example.build_input()
    path = write_final_input(inp, tmp_path / "in.xlsx")
    out = write(produce(path), "xlsx", tmp_path / "out.xlsx")
    assert differences(derive_final_disclosure(inp), parse_file(out)) == []


def test_typed_three_public_total_that_disagrees_is_refused(final_example, tmp_path):
    path = write_final_input(final_example.build_input(), tmp_path / "in.xlsx")
    wb = load_workbook(path)
    ws = wb[SHEET_THREE]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=2).value is not None
               and isinstance(ws.cell(row=r, column=2).value, int | float))
    ws.cell(row=row, column=7, value=99.00)  # 决算数 合计, disagreeing with its parts
    wb.save(path)
    with pytest.raises(InconsistentInput, match="合计"):
        produce(path)


def test_cli_template_then_render_final(tmp_path):
    runner = CliRunner()
    app = _app()
    tpl = tmp_path / "t.xlsx"
    res = runner.invoke(app, ["template", "--kind", "final", "--to", str(tpl), "--year", "2024"])
    assert res.exit_code == 0, res.output
    out = tmp_path / "t.md"
    res = runner.invoke(app, ["render", str(tpl), "--to", "md", "--output", str(out)])
    assert res.exit_code == 2 and "部门名称未填写" in res.output and not out.exists()  # untouched: refused
    wb = load_workbook(tpl)
    wb["基本信息"]["B2"] = "测试市某局"
    wb[SHEET_LINES]["A5"], wb[SHEET_LINES]["B5"], wb[SHEET_LINES]["E5"], wb[SHEET_LINES]["F5"] = (
        "2010301", "行政运行", 10, 10)
    wb["基本支出明细"]["A4"], wb["基本支出明细"]["B4"], wb["基本支出明细"]["C4"] = "30101", "基本工资", 10
    wb.save(tpl)
    res = runner.invoke(app, ["render", str(tpl), "--to", "md", "--output", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "收入支出决算总表（公开01表）" in text and "【请填写" in text


def test_cli_render_parsed_final_with_last_year(final_example, tmp_path):
    from cnbudget.render.disclosure import write
    from cnbudget.serialize import disclosure_to_json, dumps

    txt = write(final_example.build(), "txt", tmp_path / "last.txt")
    path = tmp_path / "x.json"
    path.write_text(dumps(disclosure_to_json(final_example.build().disclosure)), encoding="utf-8")
    res = CliRunner().invoke(_app(), ["render", str(path), "--to", "txt", "--last-year", str(txt)])
    assert res.exit_code == 0, res.output
    text = (tmp_path / "x.txt").read_text(encoding="utf-8")
    assert "收、支总计均为1116.72万元，与2024年度持平" in text  # last year's file is this year's
    assert "完成年初预算的【请填写】%" in text  # a parsed disclosure has no 年初预算数
