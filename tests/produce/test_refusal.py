"""Refusing bad input: every problem with its sheet and row, grouped; ``--report`` writes them
all; an unknown code names the one likely meant; a template still holding its placeholders."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cnbudget.produce.build import produce
from cnbudget.produce.consistency import SHOWN, InconsistentInput
from cnbudget.produce.known_codes import unknown_code
from cnbudget.produce.workbook import write_final_input, write_input, write_template


def _app():
    from cnbudget import cli_render
    from cnbudget.cli import app

    if not any(c.callback and c.callback.__name__ == "render" for c in app.registered_commands):
        cli_render.register(app)
    return app


def _first_row_with(ws, code: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=1).value) == code)


@pytest.fixture
def spoiled(example, tmp_path):
    """The example's workbook with four problems on two sheets."""
    path = write_input(example.build_input(), tmp_path / "in.xlsx")
    wb = load_workbook(path)
    ws = wb["一般公共预算支出预算表"]
    r = _first_row_with(ws, "2010301")
    ws.cell(row=r, column=1, value="2010388")  # not a catalog 项 — 行政运行 is 2010301
    ws.cell(row=r + 1, column=5, value="十二")  # not an amount
    ws = wb["项目支出预算表"]
    ws.cell(row=6, column=1, value="专项类")  # not a project category
    ws.cell(row=6, column=4, value=1)  # a typed 合计 that disagrees with its parts
    wb.save(path)
    return path, r


def test_every_problem_is_listed_with_its_sheet_and_row_grouped(spoiled):
    path, r = spoiled
    with pytest.raises(InconsistentInput) as err:
        produce(path)
    e = err.value
    found = {(f.source.sheet, f.row, f.column) for f in e.findings}
    assert ("一般公共预算支出预算表", f"第{r}行", "科目编码") in found
    assert ("一般公共预算支出预算表", f"第{r + 1}行", "基本支出/人员经费/工资福利支出") in found
    assert ("项目支出预算表", "第6行", "项目类型") in found
    assert ("项目支出预算表", "第6行", "合计") in found
    groups = dict(e.groups())
    assert len(groups["一般公共预算支出预算表"]) == 2 and len(groups["项目支出预算表"]) == 2
    message = str(e)
    assert "\n" not in message  # the refusal is one line …
    assert message.index("【一般公共预算支出预算表】") < message.index("【项目支出预算表】")  # … grouped by sheet


def test_an_unknown_code_names_the_likely_intended_one(spoiled):
    path, r = spoiled
    with pytest.raises(InconsistentInput) as err:
        produce(path)
    (f,) = [f for f in err.value.findings if f.rule == "input.unknown_code"]
    assert "2010388" in f.message and "可能应为 2010301 行政运行" in f.message


def test_unknown_codes_get_a_same_level_suggestion_by_name_or_digits():
    assert unknown_code("function", "2010301", "行政运行", 2025) is None
    assert "可能应为 2080501 行政单位离退休" in unknown_code("function", "2080588", "行政单位离退休", 2025)
    by_digits = unknown_code("economic", "30188", "", 2025)
    assert by_digits is not None and "可能应为 301" in by_digits and len(by_digits.split("可能应为 ")[1].split()[0]) == 5


def test_report_writes_them_all_even_past_the_one_line_limit(example, tmp_path):
    path = write_input(example.build_input(), tmp_path / "in.xlsx")
    wb = load_workbook(path)
    ws = wb["一般公共预算基本支出表"]
    bad_rows = list(range(5, 5 + SHOWN + 5))
    for row in bad_rows:
        ws.cell(row=row, column=1, value="30101")
        ws.cell(row=row, column=5, value="约十万")
    wb.save(path)
    out, report = tmp_path / "out.html", tmp_path / "problems.txt"
    res = CliRunner().invoke(_app(), ["render", str(path), "--to", "html", "-o", str(out), "--report", str(report)])
    assert res.exit_code == 2 and not out.exists()
    assert "另有 5 处" in res.output and str(report) in res.output
    text = report.read_text(encoding="utf-8")
    assert f"【一般公共预算基本支出表】{len(bad_rows)} 处" in text
    for row in bad_rows:
        assert f"第{row}行 合计：不是金额：“约十万”" in text


def test_report_of_a_clean_input_says_so(example, tmp_path):
    path = write_input(example.build_input(), tmp_path / "in.xlsx")
    report = tmp_path / "problems.txt"
    res = CliRunner().invoke(_app(), ["render", str(path), "--to", "md", "--report", str(report)])
    assert res.exit_code == 0, res.output
    assert "未发现问题" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["budget", "final"])
def test_an_untouched_template_is_refused(kind, tmp_path):
    path = write_template(tmp_path / "t.xlsx", kind, 2025)
    with pytest.raises(InconsistentInput) as err:
        produce(path)
    rules = {f.rule for f in err.value.findings}
    assert "input.placeholder" in rules
    assert any("尚未填写任何金额" in f.message for f in err.value.findings)


def test_a_placeholder_left_in_the_facts_is_refused(final_example, tmp_path):
    path = write_final_input(final_example.build_input(), tmp_path / "in.xlsx")
    wb = load_workbook(path)
    ws = wb["其他事项"]
    r = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "机构设置")
    ws.cell(row=r, column=2, value="【请填写示例市数据管理局的内设机构设置】")
    wb.save(path)
    with pytest.raises(InconsistentInput, match="占位"):
        produce(path)


@pytest.fixture(scope="module")
def final_example():
    from tests.render.conftest import load_example

    return load_example("make_final_example")


# --- no sentence states a fact that was not entered ------------------------------------------


def _performance(produced) -> str:
    paras = [b.text for b in produced.blocks if hasattr(b, "text")]
    i = paras.index("（四）预算绩效目标设置情况")
    return paras[i + 1]


def test_the_targets_sentence_comes_only_from_entered_data(example):
    import dataclasses

    from cnbudget.produce.document import build_produced

    inp = example.build_input()
    assert "全部设置了绩效目标" in _performance(build_produced(inp))  # the example entered 3 of 3
    two = dataclasses.replace(inp, facts=dataclasses.replace(inp.facts, targets_count=2))
    assert "其中2个设置了绩效目标" in _performance(build_produced(two))
    blank = dataclasses.replace(inp, facts=dataclasses.replace(inp.facts, targets_count=None))
    sentence = _performance(build_produced(blank))
    assert "全部设置了绩效目标" not in sentence and "设置绩效目标的项目【请填写】个" in sentence


def test_the_targets_count_goes_through_the_workbook(example, tmp_path):
    path = write_input(example.build_input(), tmp_path / "in.xlsx")
    assert "全部设置了绩效目标" in _performance(produce(path))
    wb = load_workbook(path)
    ws = wb["其他事项"]
    r = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=1).value).startswith("设置了绩效目标"))
    ws.cell(row=r, column=2).value = None
    wb.save(path)
    assert "【请填写】" in _performance(produce(path))
