"""bench/corpus_score.py: which finding finds a narrative defect noticed while auditing."""

from __future__ import annotations

import json
from pathlib import Path

from bench.corpus_score import score_narrative_defects


def _score(tmp_path: Path, defect: dict, findings: list[dict]) -> list:
    (tmp_path / "part1.json").write_text(json.dumps({"narrative_defects": [defect]}), encoding="utf-8")
    return score_narrative_defects([{"file": "c1.pdf", "findings": findings}], tmp_path)["found"]


def f(rule: str, message: str, page: int = 3) -> dict:
    return {"rule": rule, "page": page, "message": message}


def test_a_punctuation_defect_needs_a_rule_on_marks_that_quotes_it(tmp_path):
    defect = {"file": "c1.pdf", "page": 3, "kind": "punctuation",
              "text": "购置费0万元，比上年增加0万元；运行维护费2.5万元，比上年减少1万元。）比上年减少1万元"}
    # a wording rule on another word of the same sentence does not find it
    assert not _score(tmp_path, defect, [f("wording.zero_change", "第3页：“增加0万元”：没有变化时宜写“与上年持平”")])
    assert _score(tmp_path, defect, [f("wording.bracket_stop", "第3页：句号后接右括号：“。）比上年”")])


def test_a_typo_needs_a_finding_that_quotes_its_words(tmp_path):
    defect = {"file": "c1.pdf", "page": 3, "kind": "typo", "text": "主要用于用于实验室运营支出。"}
    assert _score(tmp_path, defect, [f("wording.doubled_phrase", "第3页：“用于”重复：“用于用于”")])
    assert not _score(tmp_path, defect, [f("wording.placeholder", "第3页：正文留有模板待选字样“下降(增长)”")])


def test_a_stated_figure_against_a_table_finds_an_inconsistency(tmp_path):
    defect = {"file": "c1.pdf", "page": 3, "kind": "inconsistency", "text": "机关运行经费预算安排 1501.66 万元"}
    msg = "情况说明称机关运行经费 1501.66万元，大于基本支出表公用经费 993767.31元"
    assert _score(tmp_path, defect, [f("inclusion.running_costs", msg)])
    # a table-to-table inclusion rule is about no stated figure
    assert not _score(tmp_path, defect, [f("inclusion.fiscal_le_total", "财政拨款 1501.66 大于合计")])


def test_a_rate_defect_is_found_by_a_finding_on_its_rate(tmp_path):
    defect = {"file": "c1.pdf", "page": 3, "kind": "rate", "text": "公务用车运行维护费 5.00 万元，较上年增加 5.00 万元(100%)"}
    # a finding on another rate of the page that shares the amount 5.00 is not about this rate
    other = f("claim.rate_wrong_base", "增长率按本年数而非上年数计算：增加 5.00 ÷ 本年 6.00 = 83.33%，即所述 83.33%")
    assert not _score(tmp_path, defect, [other])
    assert _score(tmp_path, defect, [f("claim.rate", "所述增加 5.00、增长 100% 与金额不符")])


def test_a_count_defect_is_found_by_a_finding_quoting_its_count(tmp_path):
    defect = {"file": "c1.pdf", "page": 3, "kind": "count", "text": "纳入本部门 2022 年部门预算编制范围的二级预算单位共有 0 个，包括:"}
    assert _score(tmp_path, defect, [f("wording.count_listed", "第3页：称“共有 0 个,包括”：数量为 0 却接着列举")])
    assert not _score(tmp_path, defect, [f("wording.count_listed", "第3页：称“等8家”：列举了 9 家")])


def test_a_year_is_not_the_figure_of_a_count_defect(tmp_path):
    # corpus c143 p37: the defect is the count 0 against its parts; "2026" only dates the sentence
    defect = {"file": "c1.pdf", "page": 3, "kind": "amount", "text": "2026 年单位预算安排购置车辆 0 辆，其中"}
    msg = "单位预算安排购置车辆0辆，所列 8 项之和 18辆大于总数"
    assert _score(tmp_path, defect, [f("sentence.parts", msg)])
    assert not _score(tmp_path, defect, [f("sentence.parts", "政府采购预算总额 35 万元，所列 3 项之和 40 万元大于总数")])


def test_a_performance_form_funds_against_the_tables_finds_an_inconsistency(tmp_path):
    # corpus c166 p52: the 部门整体支出绩效目标表 states funds the 支出表 does not have
    defect = {"file": "c1.pdf", "page": 3, "kind": "inconsistency", "text": "资金总额 81562.56 项目支出 29514.82 基本支出 52047.74"}
    msg = "部门整体支出绩效目标表资金总额 81562.56 与支出表合计 81206.56 不符"
    assert _score(tmp_path, defect, [f("cross.performance_vs_expenditure", msg)])
    assert not _score(tmp_path, defect, [f("cross.projects_vs_expenditure", msg)])
