"""The bundled final-account example builds, is internally consistent, and its 情况说明
restates the tables' figures (amounts, shares, changes, 完成率) exactly."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from cnbudget.produce.consistency import InconsistentInput, verify
from cnbudget.produce.derive import derive_disclosure as derive_final_disclosure
from cnbudget.produce.derive import validate
from cnbudget.produce.document import build_produced as build_final_produced
from cnbudget.produce.inputs import FinalLine
from tests.render.conftest import load_example


@pytest.fixture(scope="module")
def final_example():
    return load_example("make_final_example")


def _text(produced) -> str:
    return "\n".join(b.text for b in produced.blocks if hasattr(b, "text"))


def test_final_example_writes_the_named_file(final_example, tmp_path):
    assert final_example.main(["make_final_example.py", str(tmp_path)]) == 0
    text = (tmp_path / "示例市数据管理局2024年部门决算.txt").read_text(encoding="utf-8")
    assert text.startswith("示例市数据管理局（本级）2024年部门决算")
    order = ["第一部分", "第二部分 2024年度部门决算表"]
    order += [f"（公开0{i}表）" for i in range(1, 10)]
    order += ["第三部分 2024年度部门决算情况说明", "第四部分 名词解释"]
    positions = [text.index(h) for h in order]
    assert positions == sorted(positions)
    assert "栏次" in text and "行次" in text and "人员经费合计" in text and "公用经费合计" in text
    assert "\n\n\t" not in text


def test_final_example_is_consistent(final_example):
    inp = final_example.build_input()
    assert validate(inp) == []
    d = derive_final_disclosure(inp)
    assert verify(d) == []
    exp = d.table("expenditure").total_row().values
    gen = d.table("general_expenditure").total_row().values
    assert exp["total"] == exp["basic"] + exp["project"] == Decimal("1108.57")
    basic = d.table("basic_expenditure")
    personnel = basic.rows[-2].values["total"]
    public = basic.rows[-1].values["total"]
    assert personnel + public == gen["basic"]
    summary = d.table("summary")
    grand = summary.row_by_item("income", "grand_total").values["total"]
    assert grand == summary.row_by_item("expenditure", "grand_total").values["total"]
    assert grand == (summary.row_by_item("income", "current_total").values["total"]
                     + summary.row_by_item("income", "carryover").values["total"])
    three = d.table("three_public").rows[0].values
    for group in ("budget", "actual"):
        assert three[f"{group}.total"] == (three[f"{group}.abroad"] + three[f"{group}.vehicle"]
                                           + three[f"{group}.reception"])
    # the 年初预算数 of the final account are the 2024 budget the budget example compares with
    assert sum((ln.initial_budget or 0 for ln in inp.lines), Decimal(0)) == Decimal("1055.80")


def test_final_example_narrative_restates_the_figures(final_example):
    text = _text(final_example.build())
    # 1116.72 this year, 1038.64 last year: Δ = 78.08, 78.08 / 1038.64 = 7.52%
    assert "收、支总计均为1116.72万元，比2023年度增加78.08万元，增长7.52%" in text
    # 基本支出 826.82 / 支出合计 1108.57 = 74.58%
    assert "基本支出826.82万元，占74.58%" in text
    # 决算 1102.07 / 年初预算 1055.80 = 104.38%
    assert "年初预算为1055.80万元，支出决算为1102.07万元，完成年初预算的104.38%" in text
    assert "“三公”经费财政拨款支出预算为8.60万元，支出决算为7.27万元，完成预算的84.53%" in text
    assert "人员经费595.79万元，占基本支出的72.06%" in text
    assert "【请填写主要原因】" not in text


def test_unknown_reasons_are_placeholders(final_example):
    inp = final_example.build_input()
    inp = dataclasses.replace(inp, facts=dataclasses.replace(inp.facts, reasons={}),
                              lines=tuple(dataclasses.replace(ln, reason=None) for ln in inp.lines))
    text = _text(build_final_produced(inp))
    assert text.count("【请填写主要原因】") >= 8


def test_basic_details_disagreeing_with_the_basic_spending_are_refused(final_example):
    inp = final_example.build_input()
    econ = inp.economic_lines
    bad = dataclasses.replace(inp, economic_lines=(dataclasses.replace(econ[0], amount=econ[0].amount + 1),
                                                   *econ[1:]))
    with pytest.raises(InconsistentInput, match="基本支出"):
        build_final_produced(bad)


def test_spending_beyond_carryover_and_income_is_refused(final_example):
    inp = final_example.build_input()
    line = FinalLine(code="2010302", name="一般行政管理事务", fund="gov_fund", income=Decimal("1.00"),
                     project=Decimal("5.00"))
    with pytest.raises(InconsistentInput, match="年末结转和结余为负") as err:
        build_final_produced(dataclasses.replace(inp, lines=(*inp.lines, line)))
    assert err.value.findings
