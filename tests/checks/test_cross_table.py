"""cross.* rules: the same figure in two tables, aware of scope."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.checks.conftest import D, T, keys, run

GE_COLS = "total basic project project_operating project_specific"


def puyang(general_2101506: str = "726.95"):
    """濮阳 2024 (seed 001): 2101506 is 746.95 in the all-funds table, 726.95 in the general-budget
    table; the 20.00 is 上年结转 (医保专项（结转）)."""
    e = T("expenditure", GE_COLS,
          ("total", "1962.11", "1040.11", "922.00", "355.00", "567.00"),
          ("2101501", "1215.16", "1040.11", "175.05", "175.05", "0.00"),
          ("2101506", "746.95", None, "746.95", "179.95", "567.00"))
    g = T("general_expenditure", GE_COLS,
          ("total", "1942.11", "1040.11", "902.00", "335.00", "567.00"),
          ("2101501", "1215.16", "1040.11", "175.05", "175.05", "0.00"),
          ("2101506", general_2101506, None, general_2101506, "159.95", "567.00"))
    s = T("summary", "total", ("income.general_budget", "1942.11"), ("income.fiscal", "1670.11"),
          ("income.current_total", "1942.11"), ("income.carryover", "20.00"), ("income.grand_total", "1962.11"),
          ("expenditure.210", "1962.11"), ("expenditure.current_total", "1962.11"),
          ("expenditure.grand_total", "1962.11"))
    return D(e, g, s)


def test_general_vs_expenditure_difference_explained_by_carryover():
    assert not run(puyang(), "cross.general_expenditure_vs_expenditure")


def test_general_exceeding_expenditure_is_an_error():
    f = run(puyang("766.95"), "cross.general_expenditure_vs_expenditure")
    assert ("cross.general_expenditure_vs_expenditure", "general_expenditure", "2101506", "total") in keys(f)


def test_gap_not_explained_by_other_funds_is_a_warning():
    d = puyang()
    s = T("summary", "total", ("income.general_budget", "1952.11"), ("income.current_total", "1952.11"),
          ("income.carryover", "10.00"), ("income.grand_total", "1962.11"))
    d2 = D(d.tables[0], d.tables[1], s)
    f = run(d2, "cross.general_expenditure_vs_expenditure")
    assert [(x.severity, x.table) for x in f] == [("warning", "expenditure")]


def test_one_fiscal_income_line_holds_the_fund_budgets_the_fund_tables_spend():
    # 广州: 收支总表 prints 预算拨款 (all 财政拨款) as one line; the all-funds 支出表 exceeds the
    # 一般公共预算支出表 by what the 政府性基金 and 国有资本经营 tables spend
    e = T("expenditure", "total", ("total", "1300.00"), ("201", "1000.00"), ("212", "300.00"))
    g = T("general_expenditure", "total", ("total", "1000.00"), ("201", "1000.00"))
    s = T("summary", "total", ("income.fiscal", "1300.00"), ("income.current_total", "1300.00"),
          ("income.grand_total", "1300.00"))
    fund = T("gov_fund", "total", ("total", "300.00"), ("212", "300.00"))
    capital = T("state_capital", "total", ("total", "0.00"))
    assert not run(D(e, g, s, fund, capital), "cross.general_expenditure_vs_expenditure")
    less = T("gov_fund", "total", ("total", "100.00"), ("212", "100.00"))
    f = run(D(e, g, s, less, capital), "cross.general_expenditure_vs_expenditure")
    assert [(x.severity, x.row) for x in f] == [("warning", "total")]


def test_summary_vs_expenditure_classes():
    e = T("expenditure", "total basic project", ("total", "644.06", "565.06", "79"),
          ("2080505", "52.69", "52.69"), ("2101101", "24.04", "24.04"), ("2101501", "488.34", "488.34"),
          ("2101505", "79", None, "79"))
    s = T("summary", "total", ("expenditure.208", "52.69"), ("expenditure.210", "591.37"),
          ("expenditure.current_total", "644.06"))
    assert not run(D(e, s), "cross.summary_vs_expenditure")
    s2 = T("summary", "total", ("expenditure.208", "52.69"), ("expenditure.210", "581.37"),
           ("expenditure.current_total", "644.06"))
    assert ("cross.summary_vs_expenditure", "summary", "210", "total") in keys(run(D(e, s2), "cross.summary_vs_expenditure"))


def test_summary_vs_income_other_blank():
    i = T("income", "total fiscal other", ("total", "1923.35", "1442.80", "480.55"))
    s = T("summary", "total", ("income.fiscal", "1442.80"), ("income.other", None),
          ("income.current_total", "1923.35"))
    f = run(D(i, s, kind="final"), "cross.summary_vs_income")
    assert ("cross.summary_vs_income", "summary", "income.other", "total") in keys(f)
    s_ok = T("summary", "total", ("income.fiscal", "1442.80"), ("income.other", "480.55"),
             ("income.current_total", "1923.35"))
    assert not run(D(i, s_ok, kind="final"), "cross.summary_vs_income")


def test_fiscal_summary_vs_general_expenditure():
    f = T("fiscal_summary", "total general_budget gov_fund", ("expenditure.208", "73.11", "73.11"),
          ("expenditure.210", "1988.64", "1988.64"), ("expenditure.current_total", "2061.75", "2061.75"))
    g = T("general_expenditure", "total basic project", ("total", "2061.75", "1219.27", "842.48"),
          ("208", "73.11", "73.11", "0.00"), ("210", "1988.64", "1146.16", "842.48"))
    assert not run(D(f, g, kind="final"), "cross.fiscal_summary_vs_general_expenditure")
    g2 = T("general_expenditure", "total basic project", ("total", "2061.75", "1219.27", "842.48"),
           ("208", "83.11", "83.11", "0.00"), ("210", "1978.64", "1136.16", "842.48"))
    assert ("cross.fiscal_summary_vs_general_expenditure", "fiscal_summary", "208", "general_budget") in keys(
        run(D(f, g2, kind="final"), "cross.fiscal_summary_vs_general_expenditure"))


def test_fiscal_summary_vs_summary_allows_carryover_inside():
    # 宿州 2024 (seed 004): the summary's 一般公共预算 1773.19 includes 上年结转 260.64
    f = T("fiscal_summary", "total", ("income.general_budget", "1512.56"), ("income.carryover.general_budget", "260.64"))
    s = T("summary", "total", ("income.general_budget", "1773.19"))
    assert not run(D(f, s), "cross.fiscal_summary_vs_summary")
    s2 = T("summary", "total", ("income.general_budget", "1873.19"))
    assert ("cross.fiscal_summary_vs_summary", "summary", "income.general_budget", "total") in keys(
        run(D(f, s2), "cross.fiscal_summary_vs_summary"))


def test_basic_vs_general_expenditure():
    b = T("basic_expenditure", "total personnel public", ("total", "565.06", "460.55", "104.51"))
    g = T("general_expenditure", "total basic wages household goods_services capital project",
          ("total", "644.06", "565.06", "454.99", "5.56", "104.51", None, "79"))
    assert not run(D(b, g), "cross.basic_vs_general_expenditure")
    b2 = T("basic_expenditure", "total personnel public", ("total", "565.06", "470.55", "94.51"))
    f = run(D(b2, g), "cross.basic_vs_general_expenditure")
    assert {("cross.basic_vs_general_expenditure", "basic_expenditure", "total", "personnel"),
            ("cross.basic_vs_general_expenditure", "basic_expenditure", "total", "public")} <= keys(f)


def test_projects_vs_expenditure():
    p = T("projects", "total general_budget carryover.general_budget", ("total", "922.00", "902.00", "20.00"))
    e = T("expenditure", "total basic project", ("total", "1962.11", "1040.11", "922.00"))
    g = T("general_expenditure", "total basic project", ("total", "1942.11", "1040.11", "902.00"))
    assert not run(D(p, e, g), "cross.projects_vs_expenditure")
    e2 = T("expenditure", "total basic project", ("total", "1972.11", "1040.11", "932.00"))
    assert ("cross.projects_vs_expenditure", "projects", "total", "total") in keys(run(D(p, e2, g), "cross.projects_vs_expenditure"))


def test_economic_summary_vs_expenditure():
    ec = T("economic_summary", "total", ("total", "644.06"), ("30299", "83.7"), ("30101", "560.36"))
    e = T("expenditure", "total basic project", ("total", "644.06", "565.06", "79"))
    b = T("basic_expenditure", "total personnel public", ("total", "565.06", "560.36", "4.7"), ("30299", "4.7", None, "4.7"))
    assert not run(D(ec, e, b), "cross.economic_summary_vs_expenditure")
    b2 = T("basic_expenditure", "total personnel public", ("total", "565.06", "460.36", "104.7"), ("30299", "104.7", None, "104.7"))
    assert ("cross.economic_summary_vs_expenditure", "economic_summary", "30299", "total") in keys(
        run(D(ec, e, b2), "cross.economic_summary_vs_expenditure"))


def test_carryover_vs_summary():
    c = T("carryover", "total", ("2101505", "2.68"), ("2101599", "12.22"), ("2101599", "5"))
    blank = T("summary", "total", ("income.carryover", None))
    assert not run(D(c, blank), "cross.carryover_vs_summary")  # 统一在表12反映: nothing to compare
    s = T("summary", "total", ("income.carryover", "19.91"))
    assert not run(D(c, s), "cross.carryover_vs_summary")  # 19.90 vs 19.91: rounding
    s2 = T("summary", "total", ("income.carryover", "29.91"))
    assert ("cross.carryover_vs_summary", "carryover", "total", "total") in keys(run(D(c, s2), "cross.carryover_vs_summary"))


def test_performance_vs_expenditure():
    g = T("general_expenditure", "total basic project", ("total", "2203.76", "1219.27", "984.49"))
    p = T("performance_review", "initial_budget final_budget executed execution_rate",
          ("部门预算总额", "11031.9805", "2203.7563", "2203.7563", "100.00"),
          ("项目支出", "9941.30", "1219.2654", "1219.2654", "100.00"),
          title="部门整体预算绩效自评表")
    f = run(D(g, p, kind="final"), "cross.performance_vs_expenditure")
    assert [(x.rule, x.row, x.severity) for x in f] == [("cross.performance_vs_expenditure", "项目支出", "warning")]


def test_fiscal_summary_total_column_includes_the_fund_tables():
    # 财政拨款收支总表 with one 合计 column: 212 = 一般公共预算 400.00 + 政府性基金 600.00
    from cnbudget.checks import check_disclosure

    f = T("fiscal_summary", "total", ("income.general_budget", "1000.00"), ("income.gov_fund", "600.00"),
          ("expenditure.212", "1000.00"), ("expenditure.208", "600.00"), ("expenditure.current_total", "1600.00"))
    g = T("general_expenditure", "total", ("total", "1000.00"), ("208", "600.00"), ("212", "400.00"))
    gf = T("gov_fund", "total", ("total", "600.00"), ("212", "600.00"))
    rule = "cross.fiscal_summary_vs_general_expenditure"
    assert not [x for x in check_disclosure(D(f, g, gf)).findings if x.rule == rule]
    # without the 政府性基金 table the comparison cannot be made: said so, no error
    got = run(D(f, g), rule)
    assert not [x for x in got if x.severity == "error"]
    assert [x.rule for x in check_disclosure(D(f, g), only={rule, "verify.could_not_verify"}).findings] == [
        "verify.could_not_verify"]
    # a real difference is still one
    g2 = T("general_expenditure", "total", ("total", "1010.00"), ("208", "610.00"), ("212", "400.00"))
    assert ("cross.fiscal_summary_vs_general_expenditure", "fiscal_summary", "208", "total") in keys(
        run(D(f, g2, gf), rule))


def test_economic_table_of_the_general_budget_is_compared_with_the_general_budget():
    from dataclasses import replace

    ec = replace(T("economic_summary", "total", ("total", "13754.63"), ("301", "13754.63")),
                 title="一般公共预算支出表（按经济分类）")
    g = T("general_expenditure", "total", ("total", "13754.63"), ("201", "13754.63"))
    e = T("expenditure", "total", ("total", "15480.26"), ("201", "15480.26"))
    assert not run(D(ec, g, e), "cross.economic_summary_vs_expenditure")
    all_funds = replace(ec, title="支出经济分类汇总表")
    assert ("cross.economic_summary_vs_expenditure", "economic_summary", "total", "total") in keys(
        run(D(all_funds, g, e), "cross.economic_summary_vs_expenditure"))


def test_income_table_total_including_the_carryover_is_no_disagreement():
    # 收支总表 本年收入合计 73,606.56 + 上年结转结余 7,600.00 = 收入总表 合计 81,206.56
    s = T("summary", "total", ("income.current_total", "73606.56"), ("income.carryover", "7600.00"))
    i = T("income", "total", ("total", "81206.56"))
    assert not run(D(s, i), "cross.summary_vs_income")
    i2 = T("income", "total", ("total", "81306.56"))
    assert ("cross.summary_vs_income", "summary", "income.current_total", "total") in keys(
        run(D(s, i2), "cross.summary_vs_income"))


def test_a_projects_performance_table_is_not_the_departments():
    # one project's 绩效目标表 (titled by its project) holds that project's money only
    g = T("general_expenditure", "total basic project", ("total", "2203.76", "1219.27", "984.49"))
    p = T("performance_targets", "total", ("项目支出", "332.50"), title="台商公安办案业务及其他经费补助")
    assert not run(D(g, p), "cross.performance_vs_expenditure")


def test_three_public_items_compared_in_one_unit():
    # 基本支出表 in 元 (30217 公务接待费 124,900 元), 三公表 in 万元 (12.49): equal
    from dataclasses import replace

    t3 = T("three_public", "total abroad vehicle vehicle_purchase vehicle_operation reception",
           ("total", "12.49", "0.00", "0.00", "0.00", "0.00", "12.49"))
    b = replace(T("basic_expenditure", "total personnel public", ("30217", "124900", None, "124900")), unit="元")
    assert not run(D(t3, b), "inclusion.three_public_items")
    b2 = replace(T("basic_expenditure", "total personnel public", ("30217", "224900", None, "224900")), unit="元")
    assert run(D(t3, b2), "inclusion.three_public_items")


def test_a_total_printed_as_the_sum_of_its_rounded_parts_is_a_rounding_tail():
    # 表5 214 = 56242.17 + 388.00 + 13444.39 = 70074.56 exactly; 表4 prints 70074.57: 尾差 (info)
    f = T("fiscal_summary", "total general_budget", ("expenditure.214", "70074.57", "70074.57"))
    g = T("general_expenditure", "total", ("214", "70074.56"), ("21401", "56242.17"), ("21402", "388.00"),
          ("21406", "13444.39"))
    got = run(D(f, g), "cross.fiscal_summary_vs_general_expenditure")
    assert [(x.severity, x.row) for x in got] == [("info", "214")]
    # a figure that is not its parts' exact sum, one cent away, stays an error
    g2 = T("general_expenditure", "total", ("214", "70074.56"), ("21401", "56242.16"), ("21402", "388.00"),
           ("21406", "13444.39"))
    got2 = run(D(f, g2), "cross.fiscal_summary_vs_general_expenditure")
    assert ("error", "214") in [(x.severity, x.row) for x in got2]


def test_a_department_form_printing_its_figures_under_their_headers():
    # 长沙 部门整体支出绩效目标表: 资金总额 | 基本支出 | 项目支出 as headers over one line of
    # figures, and 项目支出 again as an indicator's name on the same line
    from cnbudget.document import Source
    from cnbudget.model import Row, Table

    g = T("general_expenditure", "total basic project", ("total", "656.73", "386.73", "270.00"))
    line = Row(code=None, name="示例办公室", values={"total": Decimal("656.73")}, source=Source(page=24),
               texts={"资金总额": "656.73", "基本支出": "386.73", "项目支出": "270.00", "三级指标": "项目支出"})
    p = Table(kind="performance_targets", title="2026年部门整体支出绩效目标表", unit="万元", columns=(),
              rows=(line,), source=Source(page=24))
    assert not run(D(g, p), "cross.performance_vs_expenditure")
    wrong = replace(line, texts={**line.texts, "基本支出": "396.73"})
    got = run(D(g, replace(p, rows=(wrong,))), "cross.performance_vs_expenditure")
    assert [(x.column, x.actual) for x in got] == [("basic", Decimal("396.73"))]


def test_two_tables_one_unit_apart_where_one_spreads_its_own_tail():
    # 表4's classes add to 100.01 against its 合计 100.00: its 210 33.03 and 表5's 33.04 are the
    # same figure rounded two ways — 尾差, info
    f = T("fiscal_summary", "total", ("expenditure.current_total", "100.00"), ("expenditure.201", "66.98"),
          ("expenditure.210", "33.03"))
    g = T("general_expenditure", "total", ("total", "100.00"), ("201", "66.96"), ("210", "33.04"))
    rule = "cross.fiscal_summary_vs_general_expenditure"
    assert {x.severity for x in run(D(f, g), rule) if x.row == "210"} == {"info"}
    exact = T("fiscal_summary", "total", ("expenditure.current_total", "100.01"), ("expenditure.201", "66.98"),
              ("expenditure.210", "33.03"))
    assert "error" in {x.severity for x in run(D(exact, g), rule) if x.row in ("210", "expenditure.210")}


def test_a_list_of_tasks_in_a_department_form_is_not_the_departments_whole():
    # 西安 部门整体支出绩效目标表: 任务名称 | 总额 (万元) per task, beside a 元 expenditure table
    from cnbudget.document import Source
    from cnbudget.model import Row, Table

    g = T("general_expenditure", "total", ("total", "28384234.71"), unit="元")
    tasks = tuple(Row(code=None, name=n, values={}, source=Source(page=40), texts={"任务名称": n, "总额": v})
                  for n, v in (("代管事务经办", "103.50"), ("信访矛盾多元化解", "121.24")))
    p = Table(kind="performance_targets", title="部门整体支出绩效目标表", unit="万元", columns=(), rows=tasks,
              source=Source(page=40))
    assert not run(D(g, p), "cross.performance_vs_expenditure")
    # the department's whole in 万元 against a table in 元 is converted, not compared raw
    whole = Row(code=None, name="示例局", values={}, source=Source(page=40), texts={"资金总额": "2838.42"})
    assert not [x for x in run(D(g, replace(p, rows=(whole,))), "cross.performance_vs_expenditure")
                if x.severity != "info"]


def test_the_whole_self_evaluations_initial_budget_against_the_narratives():
    # seed 002: the form prints 部门预算总额 年初预算数 11031.9805 (实际执行数 2203.7563 = 表 合计);
    # the narrative: 一般公共预算财政拨款支出年初预算为 1,360.68 万元
    from tests.checks.conftest import C

    g = T("general_expenditure", "total", ("total", "2203.76"))
    p = T("performance_review", "initial_budget final_budget executed", ("部门预算总额", "11031.9805", "2203.7563", "2203.7563"))
    said = replace(C(1, "amount", "1360.68"), basis="initial_budget", subject="一般公共预算财政拨款支出")
    got = run(D(g, p, kind="final", claims=[said]), "cross.performance_initial_budget")
    assert [(x.severity, x.actual) for x in got] == [("warning", Decimal("11031.9805"))]
    agrees = replace(said, value=Decimal("11031.98"))
    assert not run(D(g, p, kind="final", claims=[agrees]), "cross.performance_initial_budget")
    # a form of another scope (its 实际执行数 is not the table's 合计) is not compared
    other = T("general_expenditure", "total", ("total", "1500.00"))
    assert not run(D(other, p, kind="final", claims=[said]), "cross.performance_initial_budget")


def test_projects_table_may_hold_the_units_operating_expense():
    # 支出表: 项目支出 171,262.41 beside 事业单位经营支出 200.00; 项目支出表 合计 171,462.41
    e = T("expenditure", "total personnel public project operating_expense",
          ("total", "201286.11", "26435.02", "3388.68", "171262.41", "200.00"))
    p = T("projects", "total", ("total", "171462.41"))
    assert not run(D(p, e), "cross.projects_vs_expenditure")
    p2 = T("projects", "total", ("total", "171562.41"))
    assert ("cross.projects_vs_expenditure", "projects", "total", "total") in keys(run(D(p2, e), "cross.projects_vs_expenditure"))


def test_a_fixed_template_prints_a_class_it_has_no_line_for_under_other():
    # 收支总表 on the 21-line template: no 219 援助其他地区支出 line, its 3,206.80 under 其他支出
    s = T("summary", "total",
          ("expenditure.201", "5575.68"), ("expenditure.229", "3206.80"),
          ("expenditure.current_total", "8782.48"))
    e = T("expenditure", "total", ("total", "8782.48"), ("201", "5575.68"), ("219", "3206.80"))
    f = run(D(s, e), "cross.summary_vs_expenditure")
    assert not [x for x in f if x.severity == "error"]
    assert [x.row for x in f if x.severity == "info"] == ["229"]
    # a 其他支出 the missing class does not explain stays an error, and so does the missing class
    s2 = T("summary", "total",
           ("expenditure.201", "5575.68"), ("expenditure.229", "3106.80"),
           ("expenditure.current_total", "8682.48"))
    errors = {x.row for x in run(D(s2, e), "cross.summary_vs_expenditure") if x.severity == "error"}
    assert {"229", "219"} <= errors


def _fiscal_with_carryover(c204: str):
    # 财政拨款收支总表: 本年收入 3,000 + 上年结转 150 = 本年支出合计 3,150, its classes with the carryover
    return T("fiscal_summary", "total",
             ("income.current_total", "3000.00"), ("income.carryover", "150.00"),
             ("income.grand_total", "3150.00"),
             ("expenditure.204", c204), ("expenditure.215", "30.00"), ("expenditure.208", "500.00"),
             ("expenditure.current_total", "3150.00"), ("expenditure.grand_total", "3150.00"))


def test_fiscal_summary_classes_with_the_carryover_the_general_table_leaves_out():
    g = T("general_expenditure", "total", ("total", "3000.00"), ("204", "2500.00"), ("208", "500.00"))
    f = run(D(_fiscal_with_carryover("2620.00"), g), "cross.fiscal_summary_vs_general_expenditure")
    assert not [x for x in f if x.severity == "error"]
    assert [x.severity for x in f] == ["info"]
    # gaps that are not the carryover stay errors, class by class
    bad = run(D(_fiscal_with_carryover("2640.00"), g), "cross.fiscal_summary_vs_general_expenditure")
    assert {"204", "215"} <= {x.row for x in bad if x.severity == "error"}


def test_summary_current_totals_against_tables_that_include_the_carried_in_money():
    # 本年收入合计 3,643.37 + 上年实户资金余额 40.93 + 上年结转 11.61 = 收入总计 3,695.91;
    # the income and expenditure tables' 合计 are 3,695.91
    s = T("summary", "total",
          ("income.current_total", "3643.37"), ("income.account_balance", "40.93"), ("income.carryover", "11.61"),
          ("income.grand_total", "3695.91"),
          ("expenditure.current_total", "3643.37"), ("expenditure.carryover_out", "52.54"),
          ("expenditure.grand_total", "3695.91"))
    i = T("income", "total general_budget", ("total", "3695.91", "3643.37"))
    e = T("expenditure", "total basic project", ("total", "3695.91", "3000.00", "695.91"))
    assert not [x for x in run(D(s, i, e), "cross.summary_vs_income") if x.severity == "error"]
    assert not run(D(s, i, e), "cross.summary_vs_expenditure")
    e2 = T("expenditure", "total basic project", ("total", "3705.91", "3000.00", "705.91"))
    assert ("cross.summary_vs_expenditure", "summary", "expenditure.current_total", "total") in keys(
        run(D(s, i, e2), "cross.summary_vs_expenditure"))


def test_fiscal_summary_total_column_when_the_fund_table_is_not_read_by_class():
    # the 政府性基金 table is there but not read by class: the gaps must be its income line, exactly
    f = T("fiscal_summary", "total", ("income.general_budget", "1000.00"), ("income.gov_fund", "600.00"),
          ("expenditure.212", "1000.00"), ("expenditure.208", "600.00"), ("expenditure.current_total", "1600.00"))
    g = T("general_expenditure", "total", ("total", "1000.00"), ("208", "600.00"), ("212", "400.00"))
    unread = T("gov_fund", "total", ("商品和服务支出", "600.00"))
    rule = "cross.fiscal_summary_vs_general_expenditure"
    assert [x.severity for x in run(D(f, g, unread), rule)] == ["info"]
    g2 = T("general_expenditure", "total", ("total", "1000.00"), ("208", "610.00"), ("212", "390.00"))
    assert ("cross.fiscal_summary_vs_general_expenditure", "fiscal_summary", "212", "total") in keys(
        run(D(f, g2, unread), rule))


def test_basic_total_printed_as_the_exact_sum_of_its_columns_is_a_rounding_tail():
    # 基本支出表 合计 1,704.12 = 人员 1,573.37 + 公用 130.75; the general table prints 1,704.11
    b = T("basic_expenditure", "total personnel public", ("total", "1704.12", "1573.37", "130.75"))
    g = T("general_expenditure", "total basic personnel public project",
          ("total", "2123.11", "1704.11", "1573.37", "130.75", "419.00"))
    f = run(D(b, g), "cross.basic_vs_general_expenditure")
    assert [x.severity for x in f] == ["info"]
    g2 = T("general_expenditure", "total basic personnel public project",
           ("total", "2123.10", "1704.10", "1573.37", "130.75", "419.00"))
    assert [x.severity for x in run(D(b, g2), "cross.basic_vs_general_expenditure")] == ["error"]
