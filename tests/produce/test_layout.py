"""Layout files: a kind of document is data, not code.  A new layout (a 单位预算 with its own
titles and table numbers) goes through the one pipeline without a line of Python."""

from __future__ import annotations

from importlib import resources

import pytest

from cnbudget.produce.derive import derive_disclosure
from cnbudget.produce.document import build_produced
from cnbudget.produce.layout import BadLayout, document_layout, layout_names, load_layout, parse_outline
from cnbudget.produce.narrative import WRITERS
from cnbudget.produce.recipe import RECIPES
from cnbudget.render.text import render_text


def _budget_text() -> str:
    return (resources.files("cnbudget.produce") / "layouts" / "budget.toml").read_text(encoding="utf-8")


def unit_budget_layout():
    """The budget layout turned into a 单位预算 with numbered tables (预算01表 …), by editing data."""
    text = _budget_text().replace('name = "budget"', 'name = "unit_budget"').replace('label = "预算"', 'label = "单位预算"')
    text = text.replace('title_word = "部门预算"', 'title_word = "单位预算"')
    text = text.replace('title = "部门收支预算表"', 'title = "单位收支预算表"\nnumber = "预算01表"')
    text = text.replace('title = "部门收入预算表"', 'title = "单位收入预算表"\nnumber = "预算02表"')
    text = text.replace('heading = "第一部分 部门概况"', 'heading = "第一部分 单位概况"')
    return load_layout(text=text)


@pytest.mark.parametrize("name", layout_names())
def test_every_bundled_layout_names_known_recipes_and_sections(name):
    layout = document_layout(name)
    assert layout.tables and layout.narrative and layout.glossary
    for t in layout.tables:
        assert t.recipe in RECIPES, (name, t.kind, t.recipe)
        assert t.amount_ids(), (name, t.kind)
    writer = WRITERS[layout.family]
    for section, heading in layout.narrative:
        assert callable(getattr(writer, section, None)), (name, section)
        assert heading


def test_the_budget_and_final_layouts_print_their_official_numbers():
    final = document_layout("final")
    assert [t.number for t in final.tables] == [f"公开{i:02d}表" for i in range(1, 10)]
    assert final.table("basic_expenditure").groups == (("301", "303"), ("302",), ("307", "310", "399"))
    assert document_layout("budget").order[:3] == ("summary", "income", "expenditure")


def test_a_new_layout_file_produces_a_unit_budget(example):
    layout = unit_budget_layout()
    produced = build_produced(example.build_input(), layout=layout)
    text = render_text(produced)
    assert "单位收支预算表" in text and "预算01表" in text and "第一部分 单位概况" in text
    assert produced.blocks[0].text.endswith("2025年单位预算")
    summary = produced.disclosure.table("summary")
    assert summary.number == "预算01表"
    # the same figures as the department budget: only the printing differs
    department = derive_disclosure(example.build_input())
    assert [r.values for r in summary.rows] == [r.values for r in department.table("summary").rows]


def test_outline_headers_parse_into_trees():
    cols = parse_outline("合计 =total\n基本支出\n  小计 =basic\n  人员经费 =personnel\n科目名称 :name\n")
    assert [c.label for c in cols] == ["合计", "基本支出", "科目名称"]
    assert [c.id for c in cols[1].children] == ["basic", "personnel"]
    assert cols[2].key == "name"


@pytest.mark.parametrize("outline, says", [
    ("合计 =total\n   小计 =x\n", "缩进"),
    ("@nowhere\n", "未定义"),
    ("合计 =total\n  小计 =basic\n", "下级"),
])
def test_a_bad_header_outline_is_refused_with_its_reason(outline, says):
    with pytest.raises(BadLayout, match=says):
        parse_outline(outline, where="x.toml")


def test_a_layout_naming_an_unknown_recipe_is_refused(example):
    layout = load_layout(text=_budget_text().replace('recipe = "projects"', 'recipe = "no_such_recipe"'))
    with pytest.raises(BadLayout, match="no_such_recipe"):
        derive_disclosure(example.build_input(), layout=layout)


def test_a_layout_of_the_other_family_is_refused(example):
    with pytest.raises(BadLayout):
        derive_disclosure(example.build_input(), layout=document_layout("final"))


def test_an_incomplete_layout_file_is_refused():
    with pytest.raises(BadLayout):
        load_layout(text='name = "x"\n')


def test_a_layout_file_drives_the_template_and_render_commands(tmp_path, example):
    """The whole path a user takes with a new kind of document: template, fill, render."""
    from typer.testing import CliRunner

    from cnbudget import cli_render
    from cnbudget.cli import app
    from cnbudget.produce.workbook import write_input

    if not any(c.callback and c.callback.__name__ == "render" for c in app.registered_commands):
        cli_render.register(app)
    layout_file = tmp_path / "unit_budget.toml"
    text = _budget_text().replace('name = "budget"', 'name = "unit_budget"').replace('label = "预算"', 'label = "单位预算"')
    layout_file.write_text(text.replace('title = "部门收支预算表"', 'title = "单位收支预算表"\nnumber = "预算01表"'),
                           encoding="utf-8")
    runner = CliRunner()
    tpl = tmp_path / "t.xlsx"
    res = runner.invoke(app, ["template", "--layout", str(layout_file), "--to", str(tpl), "--year", "2025"])
    assert res.exit_code == 0, res.output
    from openpyxl import load_workbook

    assert load_workbook(tpl)["基本信息"]["B5"].value == "单位预算"
    filled = write_input(example.build_input(), tmp_path / "in.xlsx", layout=load_layout(layout_file))
    out = tmp_path / "out.md"
    res = runner.invoke(app, ["render", str(filled), "--layout", str(layout_file), "--to", "md", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "2025年单位收支预算表（预算01表）" in out.read_text(encoding="utf-8")
    res = runner.invoke(app, ["template", "--layout", str(tmp_path / "missing.toml"), "--to", str(tpl)])
    assert res.exit_code == 2 and "missing.toml" in res.output


def test_every_recipe_is_used_by_a_bundled_layout_and_documented():
    import ast
    from pathlib import Path

    import cnbudget.produce as produce

    used = {t.recipe for name in layout_names() for t in document_layout(name).tables}
    assert set(RECIPES) == used
    folder = Path(produce.__file__).parent
    docs = "".join(ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or ""
                   for p in folder.glob("recipes_*.py"))
    assert [r for r in RECIPES if r not in docs] == []
