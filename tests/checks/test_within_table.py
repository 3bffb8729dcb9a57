"""sum.rows, sum.hierarchy, sum.columns, sum.group_totals, format.decimals — and the tolerance."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.conftest import D, T, keys, run

EXP_COLS = "total basic wages household goods_services capital project project_operating"


def seed000_expenditure(admin: str = "488.34"):
    # 安阳 2024 (seed 000): 行政运行 488.34 vs 378.26 + 5.56 + 104.51 = 488.33 — rounding only
    return T(
        "expenditure", EXP_COLS,
        ("total", "644.06", "565.06", "454.99", "5.56", "104.51", None, "79", "79"),
        ("unit:313", "644.06", "565.06", "454.99", "5.56", "104.51", None, "79", "79"),
        ("2080505", "52.69", "52.69", "52.69"),
        ("2101101", "24.04", "24.04", "24.04"),
        ("2101501", admin, admin, "378.26", "5.56", "104.51"),
        ("2101505", "79", None, None, None, None, None, "79", "79"),
    )


def test_seed000_rounding_is_not_an_error():
    f = run(D(seed000_expenditure()))
    assert not [x for x in f if x.severity == "error" and x.rule.startswith("sum.")]


def test_sum_columns_fires_when_parts_do_not_add_up():
    f = run(D(seed000_expenditure("498.34")), "sum.columns")
    assert ("sum.columns", "expenditure", "2101501", "basic") in keys(f)


def test_sum_rows_fires_and_names_the_total_row():
    t = T("general_expenditure", "total basic project",
          ("total", "100.00", "60.00", "40.00"),
          ("2010101", "50.00", "30.00", "20.00"),
          ("2010102", "40.00", "30.00", "20.00"))
    f = run(D(t), "sum.rows")
    assert ("sum.rows", "general_expenditure", "total", "total") in keys(f)
    assert all(x.severity == "error" for x in f)
    assert f[0].expected == Decimal("90.00") and f[0].actual == Decimal("100.00")


def test_sum_rows_units_add_up():
    t = T("income", "total general_budget",
          ("total", "1962.11", "1942.11"),
          ("unit:521", "1962.11", "1942.11"),
          ("unit:521001", "801.71", "801.71"),
          ("unit:521002", "1160.40", "1140.40"))
    assert not run(D(t), "sum.rows")
    assert not run(D(t), "sum.hierarchy")
    bad = T("income", "total general_budget",
            ("total", "1962.11", "1942.11"),
            ("unit:521", "1962.11", "1942.11"),
            ("unit:521001", "801.71", "801.71"),
            ("unit:521002", "1170.40", "1140.40"))
    assert ("sum.hierarchy", "income", "521", "total") in keys(run(D(bad), "sum.hierarchy"))


def test_sum_hierarchy_class_item():
    ok = T("expenditure", "total basic project",
           ("total", "73.11", "73.11", "0.00"),
           ("208", "73.11", "73.11", "0.00"),
           ("20805", "73.11", "73.11", "0.00"),
           ("2080505", "73.11", "73.11", "0.00"))
    assert not run(D(ok), "sum.hierarchy")
    bad = T("expenditure", "total basic project",
            ("total", "73.11", "73.11", "0.00"),
            ("208", "73.11", "73.11", "0.00"),
            ("20805", "73.11", "73.11", "0.00"),
            ("2080505", "37.11", "37.11", "0.00"))
    assert ("sum.hierarchy", "expenditure", "20805", "total") in keys(run(D(bad), "sum.hierarchy"))


def test_sum_columns_three_public_budget_and_actual():
    ok = T("three_public", "budget.total budget.abroad budget.vehicle budget.vehicle_purchase budget.vehicle_operation "
           "budget.reception actual.total actual.abroad actual.vehicle actual.vehicle_purchase actual.vehicle_operation actual.reception",
           ("total", "8.00", "0.00", "4.00", "0.00", "4.00", "4.00", "5.54", "0.00", "3.57", "0.00", "3.57", "1.97"))
    assert not run(D(ok, kind="final"), "sum.columns")
    bad = T("three_public", "actual.total actual.abroad actual.vehicle actual.vehicle_purchase actual.vehicle_operation actual.reception",
            ("total", "6.54", "0.00", "3.57", "0.00", "3.57", "1.97"))
    assert ("sum.columns", "three_public", "total", "actual.total") in keys(run(D(bad, kind="final"), "sum.columns"))


def test_sum_columns_income_sources_exclude_fiscal():
    ok = T("income", "total current_total general_budget fiscal carryover.total carryover.general_budget",
           ("total", "1962.11", "1942.11", "1942.11", "1670.11", "20.00", "20.00"))
    assert not run(D(ok), "sum.columns")
    bad = T("income", "total current_total general_budget fiscal carryover.total carryover.general_budget",
            ("total", "1962.11", "1942.11", "1942.11", "1670.11", "30.00", "30.00"))
    assert ("sum.columns", "income", "total", "total") in keys(run(D(bad), "sum.columns"))


def test_uncertain_column_fails_closed():
    t = T("expenditure", "total basic project", ("total", "100.00", "60.00", "30.00"),
          ("2010101", "100.00", "60.00", "30.00"), uncertain=("column basic: header not recognised",))
    f = run(D(t), "sum.columns")
    assert [x.rule for x in f] == ["verify.could_not_verify"]
    assert f[0].severity == "info"


def test_group_totals_final_basic_table():
    ok = T("basic_expenditure", "total",
           ("301", "1063.32"), ("30101", "1063.32"), ("303", "10.13"), ("30302", "10.13"),
           ("302", "143.06"), ("30201", "143.06"), ("310", "2.76"), ("31002", "2.76"),
           ("personnel_total", "1073.45"), ("public_total", "145.81"))
    assert not run(D(ok, kind="final"), "sum.group_totals")
    bad = T("basic_expenditure", "total",
            ("301", "1063.32"), ("303", "10.13"), ("302", "143.06"), ("310", "2.76"),
            ("personnel_total", "1083.45"), ("public_total", "145.81"))
    assert ("sum.group_totals", "basic_expenditure", "personnel_total", "total") in keys(
        run(D(bad, kind="final"), "sum.group_totals"))


def test_format_decimals_in_padded_table():
    t = T("fiscal_summary", "total", ("income.current_total", "1,942.1"), ("income.grand_total", "1,942.11"),
          ("expenditure.grand_total", "1,942.10"))
    f = run(D(t), "format.decimals")
    assert [x.row for x in f] == ["income.current_total"]
    trimmed = T("expenditure", "total basic project", ("total", "79", "0", "79"), ("2101505", "79", None, "79"),
                ("2101501", "92.5", "92.5"))
    assert not run(D(trimmed), "format.decimals")


def test_trimmed_table_reads_integers_at_table_precision():
    # "79" in a table of 2-decimal figures that never prints trailing zeros is 79.00, not 79 ± 0.5
    t = T("expenditure", "total basic project", ("total", "644.06", "565.06", "79"),
          ("2101505", "79", None, "79"), ("2101501", "565.06", "565.06"), ("2101502", "92.5", "92.5"))
    assert not run(D(t), "sum.columns")
    t2 = T("expenditure", "total basic project", ("total", "644.46", "565.06", "79"),
           ("2101505", "79.4", None, "79.4"), ("2101501", "565.06", "565.06"))
    assert ("sum.columns", "expenditure", "total", "total") in keys(run(D(t2), "sum.columns"))


# --------------------------------------------------------------------------- properties

amounts = st.lists(st.decimals(min_value=0, max_value=100000, places=6, allow_nan=False, allow_infinity=False),
                   min_size=1, max_size=25)
TWO = Decimal("0.01")


def _table(parts: list[Decimal], total: Decimal):
    return T("general_expenditure", "total",
             ("total", str(total)),
             *[(f"20101{i:02d}", str(p)) for i, p in enumerate(parts)])


@settings(max_examples=150, deadline=None)
@given(amounts)
def test_rounded_parts_and_rounded_sum_never_an_error(exact):
    # rounded half up, as documents print (half-even would print 71.095 × 3 as 213.28)
    parts = [x.quantize(TWO, rounding=ROUND_HALF_UP) for x in exact]
    total = sum(exact, Decimal(0)).quantize(TWO, rounding=ROUND_HALF_UP)
    assert not run(D(_table(parts, total)), "sum.rows")


@settings(max_examples=150, deadline=None)
@given(amounts, st.integers(min_value=1, max_value=10**6))
def test_sum_off_by_more_than_the_interval_always_an_error(exact, extra):
    parts = [x.quantize(TWO) for x in exact]
    slack = Decimal("0.005") * (len(parts) + 1)
    total = (sum(parts, Decimal(0)) + slack + Decimal(extra) * TWO).quantize(TWO)
    f = run(D(_table(parts, total)), "sum.rows")
    assert [x.severity for x in f] == ["error"]


def test_a_unit_over_project_levels_printed_without_codes_is_not_summed_flat():
    # 西安 专项业务经费支出表: 一级项目 / 二级项目 / 项目 one under another, no codes, no indent
    levels = T("projects", "total",
               ("total", "480"), ("unit:117001", "480"),
               ("通用项目", "180"), ("大型活动", "30"), ("审计培训", "30"), ("购买服务", "150"),
               ("购买中介机构审计服务", "150"),
               ("专用项目", "300"), ("审计业务经费", "300"), ("审计事务", "200"), ("审计专项补助", "100"))
    f = run(D(levels))
    assert not [x for x in f if x.rule.startswith("sum.")]
    # the levels are read from the figures themselves (each parent the sum of the rows after it)
    assert not any(x.rule == "verify.could_not_verify" and "层级" in x.message for x in f)
    # a flat list that simply does not add up is still an error
    flat = T("projects", "total", ("total", "480"), ("unit:117001", "480"),
             ("审计事务", "200"), ("审计专项补助", "100"), ("审计培训", "30"))
    assert ("sum.hierarchy", "projects", "117001", "total") in keys(run(D(flat), "sum.hierarchy"))


def test_category_lines_over_units_are_their_parents():
    # 西安: "1 全额" and "2 差额" over the units printed after each
    t = T("projects", "total",
          ("total", "600"), ("unit:1", "500"), ("unit:263001", "300"), ("unit:263002", "200"),
          ("unit:2", "100"), ("unit:263004", "100"))
    assert not [x for x in run(D(t)) if x.rule.startswith("sum.")]
    wrong = T("projects", "total",
              ("total", "600"), ("unit:1", "500"), ("unit:263001", "300"), ("unit:263002", "210"),
              ("unit:2", "100"), ("unit:263004", "100"))
    assert ("sum.hierarchy", "projects", "1", "total") in keys(run(D(wrong), "sum.hierarchy"))



def test_sum_columns_counts_an_operating_expense_column_beside_personnel_public_project():
    # 湖州's 支出预算总表: 总计 | 人员支出 | 公用经费 | 项目支出 | 事业单位经营支出 | 上缴上级 | …
    t = T("expenditure", "total personnel public project operating_expense",
          ("total", "300.00", "60.00", "30.00", "200.00", "10.00"),
          ("2140123", "300.00", "60.00", "30.00", "200.00", "10.00"))
    assert not run(D(t), "sum.columns")
    bad = T("expenditure", "total personnel public project operating_expense",
            ("total", "310.00", "60.00", "30.00", "200.00", "10.00"))
    assert ("sum.columns", "expenditure", "total", "total") in keys(run(D(bad), "sum.columns"))


def test_a_table_whose_note_says_lines_are_left_out_falls_short_of_its_total_as_info():
    note = "（注：根据国家保密法律法规和有关保密事项范围的规定，部分具体项目信息公开时予以剔除。）"
    t = T("projects", "total", ("total", "525.00"), ("项目甲", "15.00"), ("项目乙", "145.00"), ("项目丙", "75.00"),
          notes=(note,))
    f = run(D(t), "sum.rows")
    assert [x.severity for x in f] == ["info"] and "予以剔除" in f[0].message
    # more than the total is never explained by lines left out; without the note it is an error
    over = T("projects", "total", ("total", "200.00"), ("项目甲", "15.00"), ("项目乙", "145.00"), ("项目丙", "75.00"),
             notes=(note,))
    assert [x.severity for x in run(D(over), "sum.rows")] == ["error"]
    plain = T("projects", "total", ("total", "525.00"), ("项目甲", "15.00"), ("项目乙", "145.00"), ("项目丙", "75.00"))
    assert [x.severity for x in run(D(plain), "sum.rows")] == ["error"]


def test_project_rows_of_several_levels_are_read_from_their_sums():
    # 西安: unit → 通用项目 / 专用项目 → group → project, one column of names, no codes, no indent
    rows = [("通用项目", "456"), ("专项服务", "46"), ("资金管理", "146"), ("委托业务", "264"),
            ("法治建设", "10"), ("信用提升", "92"), ("信用服务", "142"), ("协调经费", "20"),
            ("专用项目", "1000"), ("履职专项", "1000"), ("拨改投", "150"), ("奖补资金", "850")]
    t = T("projects", "total", ("total", "1456"), ("unit:262001", "1456"), *rows)
    f = run(D(t))
    assert not [x for x in f if x.rule.startswith("sum.") or "层级" in x.message]
    # one project off: no nesting adds up, and the unit's flat sum is reported
    bad = T("projects", "total", ("total", "1456"), ("unit:262001", "1456"), *rows[:-1], ("奖补资金", "860"))
    assert [x.rule for x in run(D(bad)) if x.severity == "error" and x.rule.startswith("sum.")]


def test_projects_printed_under_their_function_class_rows_are_not_added_to_the_classes():
    # 201 / 20113 / 2011302 then the project of 2011302, each 270,000; 合计 270,000
    t = T("projects", "total", ("201", "270000"), ("20113", "270000"), ("2011302", "270000"),
          ("钻石宝玉石产业发展专项", "270000"), ("total", "270000"))
    assert not run(D(t), "sum.rows")
