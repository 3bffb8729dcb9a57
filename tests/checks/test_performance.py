"""perf.score_sum, perf.execution_rate, perf.rate_over_whole, perf.rate_unit, perf.cost_over_funds,
perf.count_in_percent, perf.rate_without_percent, perf.blank_goal, perf.goal_funds."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cnbudget.model import Row, Table
from tests.checks.conftest import D, T, keys, run

COLS = "initial_budget final_budget executed weight execution_rate score"


def test_execution_rate_seed003():
    # 攸县 2024 附表2 (seed 003): 722.31 ÷ 759.87 = 95.06 %, printed 95.36
    t = T("performance_review", COLS, ("年度资金总额", "473", "759.87", "722.31", "10", "95.36", None))
    f = run(D(t, kind="final"), "perf.execution_rate")
    assert ("perf.execution_rate", "performance_review", "年度资金总额", "execution_rate") in keys(f)
    ok = T("performance_review", COLS, ("年度资金总额", "473", "759.87", "722.31", "10", "95.06", None))
    assert not run(D(ok, kind="final"), "perf.execution_rate")


def test_score_sum():
    ok = T("performance_review", "weight score", ("a", "40", "40"), ("b", "50", "49.54"), ("c", "10", "10"),
           ("总分", "100", "99.54"))
    assert not run(D(ok, kind="final"), "perf.score_sum")
    bad = T("performance_review", "weight score", ("a", "40", "40"), ("b", "50", "48.54"), ("c", "10", "10"),
            ("总分", "100", "99.54"))
    f = run(D(bad, kind="final"), "perf.score_sum")
    assert [(x.rule, x.severity, x.column) for x in f] == [("perf.score_sum", "error", "score")]


def test_score_sum_blank_score_counted_as_full_marks():
    # seed 003 附表2: the 资金 row has 分值 10, no 得分, 执行率 95.36 %; the total needs it at 10
    t = T("performance_review", COLS, ("年度资金总额", "473", "759.87", "722.31", "10", "95.36", None),
          ("指标1", None, None, None, "50", None, "50"), ("指标2", None, None, None, "40", None, "39.54"), ("总分", None, None, None, "100", None, "99.54"))
    f = run(D(t, kind="final"), "perf.score_sum")
    assert [(x.severity, x.column) for x in f] == [("warning", "score")]


def _targets(*lines: tuple[str, str]) -> Table:
    from cnbudget.model import Column, Source

    rows = tuple(Row(code=None, name="绩效指标", values={}, source=Source(page=40),
                     texts={"三级指标": name, "目标值": target}) for name, target in lines)
    return Table(kind="performance_targets", title="项目绩效目标表", unit="万元", columns=(Column("total", "金额"),),
                 rows=rows, source=Source(page=40))


def test_a_share_of_a_whole_cannot_target_more_than_100_percent():
    # 泉州 2026 (corpus c166 p40-44): "验收合格率 =1100%", "群众满意度 ≥1100%" for 100 %
    t = _targets(("车辆验收合格率", "=1100%"), ("群众满意度", "≥1100%"), ("资金拨付及时性", "≤100%"),
                 ("办公设备和服务器完成率", "≥105%"), ("收入增长率", "≥120%"), ("保障覆盖率", "≥100%"))
    f = run(D(t), "perf.rate_over_whole")
    assert [(x.row, x.severity) for x in f] == [("绩效指标", "warning")] * 2
    assert "车辆验收合格率" in f[0].message and "群众满意度" in f[1].message


def test_a_rates_target_in_a_unit_no_rate_has():
    # 福州 2026 (corpus c142 p35, p40): a satisfaction in 次, a control rate in 万元
    t = _targets(("社会公众满意度", "≤3次"), ("创新实验室成本控制率", "≤10000万元"), ("补助对象满意度", "≥90%"),
                 ("群众满意度", "≥90分"), ("主流媒体报道次数", "≥15000人次"), ("项目完成率", "100%"),
                 ("增长率", "≥2个百分点"), ("办结及时性", "≤5个工作日"))
    f = run(D(t), "perf.rate_unit")
    assert [(x.column, x.severity) for x in f] == [("目标值", "warning")] * 2
    assert "社会公众满意度" in f[0].message and "≤10000万元" in f[1].message


def test_a_rates_target_in_a_count_is_found_wherever_its_cell_stands():
    # the cells are sought by the unit before the break joining one cell to the next: the last too
    for lines in ((("社会公众满意度", "≤3次"), ("项目完成率", "100%")), (("项目完成率", "100%"), ("社会公众满意度", "≤3次"))):
        f = run(D(_targets(*lines)), "perf.rate_unit")
        assert len(f) == 1 and "≤3次" in f[0].message


def test_a_counts_target_stated_as_a_percentage():
    # 福州 2026 (corpus c138 p29): "周工作时长 ≤40%" for 40 hours; a rate or a count in its unit is clean
    t = _targets(("周工作时长", "≤40%"), ("巡查次数", "≥12次"), ("培训人数占比", "≥90%"), ("项目完成率", "100%"),
                 ("检查户数", "≥150户"), ("服务人次", "≥95%"))
    f = run(D(t), "perf.count_in_percent")
    assert [(x.column, x.severity) for x in f] == [("目标值", "warning")] * 2
    assert "周工作时长" in f[0].message and "≤40%" in f[0].message and "服务人次" in f[1].message


def test_a_rates_target_printed_as_a_bare_fraction():
    # 烟台 2026 (corpus c186 p33): "基本殡葬费用减免完成率 1" where the form's other rates read "=100%"
    t = _targets(("基本殡葬费用减免完成率", "1"), ("资金拨付及时率", "=100%"), ("群众满意度", "≥0.95"),
                 ("发放人数", "1"), ("死亡事故发生率", "0%"))
    f = run(D(t), "perf.rate_without_percent")
    assert [(x.column, x.severity) for x in f] == [("目标值", "warning")] * 2
    assert "基本殡葬费用减免完成率" in f[0].message and "≥0.95" in f[1].message
    # a form that prints no rate in %, or gives the unit a cell of its own, has its figures in %
    assert not run(D(_targets(("完成率", "1"), ("满意度", "≥90"))), "perf.rate_without_percent")
    unit_cell = _targets(("差错率", "≤1"), ("完成率", "=100%"))
    rows = (replace(unit_cell.rows[0], texts={**unit_cell.rows[0].texts, "计量单位": "%"}), unit_cell.rows[1])
    assert not run(D(replace(unit_cell, rows=rows)), "perf.rate_without_percent")


def test_a_unit_printed_twice_in_a_target_cell():
    # 泉州 2026 (corpus c166 p36): "成本控制率 ≥100%%"; 烟台 (c173 p60): "项目总成本 ≤234万万元"
    f = run(D(_targets(("成本控制率", "≥100%%"), ("按时完工", "≥100%"), ("项目总成本", "≤234万万元"))), "wording.doubled_unit")
    assert len(f) == 2 and "%%" in f[0].message and "万万元" in f[1].message


def test_a_stated_cost_above_the_projects_whole_funds():
    # 福州 2026 (corpus c139 p32): "财政投入控制数 =1849.5万元" on a form whose 资金总额 is 1800.00
    from cnbudget.model import Column, Source

    def form(cost: str) -> Table:
        funds = Row(code=None, name="专项资金情况（万元）", values={"total": Decimal("1800.00")}, source=Source(page=32),
                    texts={"主管部门": "专项资金情况（万元）", "c2": "资金总额", "c3": "1800.00"})
        line = Row(code=None, name="成本指标", values={}, source=Source(page=32),
                   texts={"一级指标": "成本指标", "三级指标": "财政投入控制数", "指标值": cost})
        return Table(kind="performance_targets", title="菜篮子工程建设专项资金项目绩效目标表", unit=None,
                     columns=(Column("total", "资金总额"),), rows=(funds, line), source=Source(page=32))

    f = run(D(form("=1849.5万元")), "perf.cost_over_funds")
    assert [(x.severity, x.actual) for x in f] == [("warning", Decimal("1849.5"))]
    # within the funds, or a ceiling (a project's cost over several years may pass this year's funds)
    assert not run(D(form("=1800万元")), "perf.cost_over_funds")
    assert not run(D(form("≤1849.5万元")), "perf.cost_over_funds")


def _form(goal: str | None) -> Table:
    from cnbudget.model import Column, Source

    funds = Row(code=None, name="专项资金情况（万元）", values={"total": Decimal("500.00")}, source=Source(page=30),
                texts={"主管部门": "专项资金情况（万元）", "c2": "资金总额", "c3": "500.00"})
    goal_row = Row(code=None, name="年度目标", values={}, source=Source(page=30),
                   texts={"主管部门": "年度目标"} | ({"c2": goal} if goal else {}))
    line = Row(code=None, name="产出指标", values={}, source=Source(page=30),
               texts={"一级指标": "产出指标", "三级指标": "培训人次", "指标值": "≥300人次"})
    return Table(kind="performance_targets", title="职业培训补贴项目绩效目标表", unit="万元",
                 columns=(Column("total", "资金总额"),), rows=(funds, goal_row, line), source=Source(page=30))


def test_a_project_forms_goal_left_blank():
    # 福州 2026 (corpus c142 p32): a form whose 年度目标 line prints its label only
    f = run(D(_form(None)), "perf.blank_goal")
    assert [(x.rule, x.severity, x.row) for x in f] == [("perf.blank_goal", "warning", "年度目标")]
    assert not run(D(_form("完成职业技能培训300人次，提升就业能力。")), "perf.blank_goal")
    # a list of projects (several 资金 lines) is not a form: its goals are a column
    listing = replace(_form(None), rows=(*_form(None).rows, replace(_form(None).rows[0], name="另一项目")))
    assert not run(D(listing), "perf.blank_goal")


def test_a_goal_stating_more_money_for_the_year_than_its_line():
    # 广州 2026 (corpus c104 p52, p62): "计划于2026年使用816.36万元采购…" on a line of 766.36
    from cnbudget.model import Column, Source

    def listing(goal: str) -> Table:
        row = Row(code=None, name="设备更新经费", values={"total": Decimal("766.36")}, source=Source(page=60),
                  texts={"绩效目标": goal})
        return Table(kind="performance_targets", title="项目绩效目标表", unit="万元",
                     columns=(Column("total", "预算数"),), rows=(row,), source=Source(page=60))

    f = run(D(listing("计划于2026年使用816.36万元采购一批检测设备。"), year=2026), "perf.goal_funds")
    assert [(x.severity, x.expected, x.actual) for x in f] == [("warning", Decimal("766.36"), Decimal("816.36"))]
    # the line's own money, another year's, or a sum without a year (the project's whole cost): clean
    assert not run(D(listing("计划于2026年使用766.36万元采购一批检测设备。"), year=2026), "perf.goal_funds")
    assert not run(D(listing("2027年计划投入900万元，完成二期建设。"), year=2026), "perf.goal_funds")
    assert not run(D(listing("项目总投资使用2738万元，分三年实施。"), year=2026), "perf.goal_funds")
