"""wording.obsolete_body: a body named by the name the 2018 institutional reform retired."""

from __future__ import annotations

import pytest

from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import D, W, run, texts

HEAD = "七、项目绩效目标情况\n\n"


def test_a_retired_name_in_a_later_document():
    # 广州 2026 (corpus c088 p114): a 绩效目标 copied from before the reform
    f = run(W(HEAD + "确保广州市卫生和计划生育委员会网络、监控及服务器支撑平台稳定运行。\n", year=2026), "wording.obsolete_body")
    assert texts(f) == [("wording.obsolete_body", "warning")] and "卫生健康委员会" in f[0].message


def test_a_retired_name_in_a_table_cell():
    row = Row(code=None, name="信息化运维项目", values={}, source=Source(page=35),
              texts={"绩效目标": "确保广州市卫生和计划生育委员会网络稳定运行。"})
    t = Table(kind="projects", title="项目支出表", unit="万元", columns=(Column("total", "金额"),), rows=(row,),
              source=Source(page=35))
    assert texts(run(D(t, year=2026), "wording.obsolete_body")) == [("wording.obsolete_body", "warning")]


@pytest.mark.parametrize("text,year", [
    ("对原广州市环境保护局1980年-2010年档案进行整理。", 2026),          # named as former
    ("根据机构改革方案，将市国土资源局的职责整合，组建市自然资源局。", 2026),  # the reform told
    ("确保市卫生和计划生育委员会网络稳定运行。", 2018),                  # before the reform
    ("确保市卫生健康委员会网络稳定运行。", 2026),                        # the name of today
])
def test_history_earlier_years_and_todays_names_are_clean(text, year):
    assert not run(W(HEAD + text + "\n", year=year), "wording.obsolete_body")
