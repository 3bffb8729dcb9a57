"""`cnbudget template` and `cnbudget render` as a user runs them."""

from __future__ import annotations

import typer
from openpyxl import load_workbook
from typer.testing import CliRunner

from cnbudget import cli_render
from cnbudget.serialize import disclosure_to_json, dumps


def _app():
    from cnbudget.cli import app

    if not any(getattr(c, "name", None) == "render" or (c.callback and c.callback.__name__ == "render")
               for c in app.registered_commands):
        cli_render.register(app)
    return app


def test_template_then_render(tmp_path):
    runner = CliRunner()
    app = _app()
    tpl = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["template", "--kind", "budget", "--to", str(tpl)]).exit_code == 0
    out = tmp_path / "t.md"
    # the untouched template still holds its example department and no figure: refused, nothing written
    res = runner.invoke(app, ["render", str(tpl), "--to", "md", "--output", str(out)])
    assert res.exit_code == 2 and "部门名称未填写" in res.output and "尚未填写任何金额" in res.output
    assert not out.exists()
    wb = load_workbook(tpl)
    wb["基本信息"]["B2"] = "测试市某局"
    ws = wb["一般公共预算支出预算表"]
    ws["A6"], ws["B6"], ws["E6"] = "2010301", "行政运行", 10
    ws = wb["一般公共预算基本支出表"]
    ws["A5"], ws["B5"], ws["E5"] = "30101", "基本工资", 10
    wb.save(tpl)
    res = runner.invoke(app, ["render", str(tpl), "--to", "md", "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "【请填写" in out.read_text(encoding="utf-8")


def test_render_json_with_last_year(example, tmp_path):
    from cnbudget.produce.derive import derive_disclosure

    inp = example.build_input()
    path = tmp_path / "x.json"
    path.write_text(dumps(disclosure_to_json(derive_disclosure(inp))), encoding="utf-8")
    res = CliRunner().invoke(_app(), ["render", str(path), "--to", "txt", "--last-year", str(path)])
    assert res.exit_code == 0, res.output
    text = (tmp_path / "x.txt").read_text(encoding="utf-8")
    # last year = this year: every change is 持平, and the facts a JSON lacks are placeholders
    assert "与2025年收、支总计各持平" in text
    assert "【请填写" in text


def test_inconsistent_input_exits_2_with_one_line(example, tmp_path):
    import dataclasses
    from decimal import Decimal

    from cnbudget.produce.derive import derive_disclosure

    d = derive_disclosure(example.build_input())
    t = d.table("three_public")
    row = t.rows[0]
    bad = dataclasses.replace(t, rows=(dataclasses.replace(row, values={**row.values, "total": Decimal("99.00")}),))
    d = dataclasses.replace(d, tables=tuple(bad if x.kind == "three_public" else x for x in d.tables))
    path = tmp_path / "bad.json"
    path.write_text(dumps(disclosure_to_json(d)), encoding="utf-8")
    res = CliRunner().invoke(_app(), ["render", str(path), "--to", "txt"])
    assert res.exit_code == 2
    assert "不一致" in res.output
    assert isinstance(_app(), typer.Typer)
