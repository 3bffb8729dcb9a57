"""claim.amount, claim.share, claim.rate, claim.rate_wrong_base, claim.components, claim.reason_direction, claim.change."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.checks.conftest import C, D, T, W, keys, run


def gen(code: str = "2080505", value: str = "99.18"):
    # a table that adds up (its total is its one row), so that only the claim is under test
    return T("general_expenditure", "total basic project", ("total", value, value, None),
             (code, value, value, None))


def test_amount_matches_table():
    d = D(gen(), claims=[C(1, "amount", "99.18", ref=("general_expenditure", "2080505", "total"))])
    assert not run(d, "claim.amount")


def test_amount_differs_from_table():
    # 攸县 2024 (seed 003): 行政单位医疗(项) stated 18, the table has 13.00 (18.00 is the 款)
    d = D(T("general_expenditure", "total", ("21011", "18.00"), ("2101101", "13.00"), ("2101103", "5.00")),
          claims=[C(1, "amount", "18", ref=("general_expenditure", "2101101", "total"), subject="行政单位医疗")],
          kind="final")
    f = run(d, "claim.amount")
    assert ("claim.amount", "general_expenditure", "2101101", "total") in keys(f)
    assert f[0].text and f[0].expected == Decimal("13.00")


def test_amount_summary_item_on_the_claims_side():
    t = T("fiscal_summary", "total", ("income.current_total", "1512.56"), ("expenditure.current_total", "1773.19"))
    ok = D(t, claims=[C(1, "amount", "1512.56", ref=("fiscal_summary", "current_total", "total", "income"))])
    assert not run(ok, "claim.amount")
    either = D(t, claims=[C(1, "amount", "1512.56", ref=("fiscal_summary", "current_total", "total"))])
    assert not run(either, "claim.amount")


def test_amount_class_not_printed_adds_up_its_items():
    e = T("expenditure", "total", ("2101101", "24.04"), ("2101501", "488.34"), ("2101505", "79"))
    assert not run(D(e, claims=[C(1, "amount", "591.38", ref=("expenditure", "210", "total"))]), "claim.amount")
    f = run(D(e, claims=[C(1, "amount", "691.38", ref=("expenditure", "210", "total"))]), "claim.amount")
    assert [x.rule for x in f] == ["claim.amount"]


def test_amount_row_not_found_could_not_verify():
    f = run(D(gen(), claims=[C(1, "amount", "5", ref=("general_expenditure", "2089999", "total"))]), "claim.amount")
    assert [x.rule for x in f] == ["verify.could_not_verify"]


def share_claims(share: str):
    return [C(1, "amount", "644.06"), C(2, "amount", "565.06"), C(3, "share", share, related={"part": 2, "whole": 1})]


def test_share_interval_87_73():
    # 安阳 2024 (seed 000): 565.06 ÷ 644.06 = 87.734 %, printed 87.73
    assert not run(D(claims=share_claims("87.73")), "claim.share")


def test_share_wrong_is_an_error_and_near_miss_a_warning():
    f = run(D(claims=share_claims("86.73")), "claim.share")
    assert [(x.rule, x.severity) for x in f] == [("claim.share", "error")]
    f = run(D(claims=share_claims("87.72")), "claim.share")
    assert [(x.rule, x.severity) for x in f] == [("claim.share", "warning")]


def rate_claims(change: str, rate: str, current: str, direction: int = -1):
    return [C(1, "amount", current), C(2, "change", change, related={"current": 1}, direction=direction),
            C(3, "rate", rate, related={"change": 2, "current": 1}, direction=direction)]


def test_rate_seed001_wrong():
    # 濮阳 2024 (seed 001): 一般公共预算 fell 3754.07, "下降 66.47%" — the amounts give 65.90 %
    f = run(D(claims=rate_claims("3754.07", "66.47", "1942.11")), "claim.rate")
    assert [(x.rule, x.severity) for x in f] == [("claim.rate", "error")]
    assert "65.9" in f[0].message
    assert not run(D(claims=rate_claims("3754.07", "65.90", "1942.11")), "claim.rate")


def test_rate_of_small_numbers_tolerates_rounding():
    # 宿州 (seed 004): 公务员医疗补助 4.78, +0.35, "增长 7.98%": 0.35/4.43 = 7.90 %, within rounding
    assert not run(D(claims=rate_claims("0.35", "7.98", "4.78", 1)), "claim.rate")


def test_rate_new_item_not_checked():
    assert not run(D(claims=rate_claims("125.50", "100", "125.50", 1)), "claim.rate")
    assert not run(D(claims=rate_claims("125.50", "100", "125.50", 1)), "claim.rate_wrong_base")


def test_rate_wrong_base_seed004():
    # 宿州 (seed 004): 养老保险缴费 99.18, +31.03, "增长 31.29%" = Δ / this year; Δ / last year = 45.53 %
    d = D(claims=rate_claims("31.03", "31.29", "99.18", 1))
    f = run(d, "claim.rate_wrong_base")
    assert [(x.rule, x.severity) for x in f] == [("claim.rate_wrong_base", "error")]
    assert "增长率按本年数而非上年数计算" in f[0].message and "45.5" in f[0].message
    assert not run(d, "claim.rate")  # reported once, by the more specific rule
    assert not run(D(claims=rate_claims("31.03", "45.53", "99.18", 1)), "claim.rate_wrong_base")


def test_rate_direction_flipped_explained():
    # 宿州 (seed 004): 行政运行 416.25, −77.94, "下降 23.04%" = 77.94 / (416.25 − 77.94)
    f = run(D(claims=rate_claims("77.94", "23.04", "416.25")), "claim.rate")
    assert f and "方向弄反" in f[0].message


def test_components_do_not_add_up():
    cl = [C(1, "change", "1.35", direction=-1, related={"component_1": 2, "component_2": 3, "component_3": 4}),
          C(2, "change", "27.00", direction=-1), C(3, "change", "9.35", direction=-1), C(4, "change", "35.05", direction=1)]
    f = run(D(claims=cl), "claim.components")
    assert [(x.rule, x.severity) for x in f] == [("claim.components", "warning")]
    cl[0] = C(1, "change", "1.30", direction=-1, related={"component_1": 2, "component_2": 3, "component_3": 4})
    assert not run(D(claims=cl), "claim.components")


def test_whole_number_reasons_read_at_the_statements_decimals():
    # "27" beside "9.35": 27.00, so the reasons give 1.50 against the stated 1.40
    cl = [C(1, "change", "1.40", direction=-1, related={"component_1": 2, "component_2": 3, "component_3": 4}),
          C(2, "change", "27", direction=-1), C(3, "change", "9.55", direction=-1), C(4, "change", "35.05", direction=1)]
    f = run(D(claims=cl), "claim.components")
    assert [x.rule for x in f] == ["claim.components"] and "整数按 2 位小数理解" in f[0].message
    cl[0] = C(1, "change", "1.50", direction=-1, related={"component_1": 2, "component_2": 3, "component_3": 4})
    assert not run(D(claims=cl), "claim.components")


def test_change_against_last_year():
    this = D(gen(value="99.18"), claims=[
        C(1, "amount", "99.18", ref=("general_expenditure", "2080505", "total")),
        C(2, "change", "31.03", ref=("general_expenditure", "2080505", "total"), direction=1, related={"current": 1})])
    last = D(gen(value="68.15"), year=2023)
    assert not run(this, "claim.change", against=last)
    last2 = D(gen(value="60.15"), year=2023)
    f = run(this, "claim.change", against=last2)
    assert ("claim.change", "general_expenditure", "2080505", "total") in keys(f)
    assert not run(this, "claim.change")  # without last year's file the rule does not apply


def _projects():
    from cnbudget.document import Source
    from cnbudget.model import Column, Row, Table

    def p(name, total, kind):
        return Row(code=None, name=name, values={"total": Decimal(total)}, source=Source(line=1),
                   texts={"类型": kind})

    return Table(kind="projects", title="项目支出表", unit="万元", columns=(Column("total", "合计"),),
                 rows=(Row(code=None, name="合计", values={"total": Decimal("430")}, source=Source(line=1), item="total"),
                       p("甲", "200", "特定目标类"), p("乙", "30", "特定目标类"), p("丙", "200", "其他运转类")),
                 source=Source(line=1))


def test_project_count_matches_the_projects_table():
    cl = [C(1, "count", "3", unit="个", subject="预算项目", text="本部门预算项目共3个。"),
          C(2, "count", "2", unit="个", subject="财政拨款安排的特定目标类项目",
            text="特定目标类项目共2个，其中预算支出100万元及100万元以上项目1个。"),
          C(3, "count", "1", unit="个", subject="预算支出100万元及100万元以上项目",
            text="特定目标类项目共2个，其中预算支出100万元及100万元以上项目1个。")]
    assert not run(D(_projects(), claims=cl), "claim.count")


def test_project_count_differs_from_the_projects_table():
    cl = [C(1, "count", "4", unit="个", subject="预算项目", text="本部门预算项目共4个。")]
    f = run(D(_projects(), claims=cl), "claim.count")
    assert [(x.rule, x.severity, x.actual, x.expected) for x in f] == [("claim.count", "warning", Decimal(4), Decimal(3))]


def test_a_stated_total_one_cent_from_a_table_that_prints_its_parts_exact_sum_is_a_rounding_tail():
    # 表5 合计 74868.33 = its classes' exact sum; the narrative states 74868.34 (the rounding of the
    # unrounded total, as 表1 and 表4 print it): 尾差, info
    g = T("general_expenditure", "total", ("total", "74868.33"), ("201", "179.17"), ("214", "70074.56"),
          ("208", "4614.60"))
    ref = ("general_expenditure", "total", "total")
    got = run(D(g, claims=[C(1, "amount", "74868.34", ref=ref)]), "claim.amount")
    assert [x.severity for x in got] == ["info"]
    off = run(D(g, claims=[C(1, "amount", "74868.54", ref=ref)]), "claim.amount")
    assert [x.severity for x in off] == ["error"]


def test_a_class_one_unit_off_in_a_table_that_spreads_its_own_rounding_tail():
    # 表一's classes add to 244,895.03 against its 合计 244,895.02; the narrative prints 201 as
    # 190.62 where the table has 190.63: the same figure rounded the other way (尾差)
    s = T("summary", "total", ("expenditure.current_total", "300.02"), ("expenditure.201", "190.63"),
          ("expenditure.205", "109.40"))
    ref = ("summary", "201", "total", "expenditure")
    got = run(D(s, claims=[C(1, "amount", "190.62", ref=ref)]), "claim.amount")
    assert [x.severity for x in got] == ["info"]
    # a table whose classes add up exactly gives no such allowance
    exact = T("summary", "total", ("expenditure.current_total", "300.03"), ("expenditure.201", "190.63"),
              ("expenditure.205", "109.40"))
    assert [x.severity for x in run(D(exact, claims=[C(1, "amount", "190.62", ref=ref)]), "claim.amount")] == ["error"]


def test_a_figure_in_yuan_cut_not_rounded_when_stated_in_wan_is_a_tail():
    # 表5 合计 936,647,884.33元; the narrative: 93,664.78万元 (93,664.788 cut, not rounded): info
    g = T("general_expenditure", "total", ("total", "936647884.33"), ("201", "936647884.33"), unit="元")
    ref = ("general_expenditure", "total", "total")
    cut = run(D(g, claims=[C(1, "amount", "93664.78", ref=ref, unit="万元")]), "claim.amount")
    assert [x.severity for x in cut] == ["info"] and "截去末位" in cut[0].message
    assert not run(D(g, claims=[C(1, "amount", "93664.79", ref=ref, unit="万元")]), "claim.amount")
    off = run(D(g, claims=[C(1, "amount", "93664.68", ref=ref, unit="万元")]), "claim.amount")
    assert [x.severity for x in off] == ["error"]


def test_a_figure_adjusted_so_that_its_level_adds_up_to_the_rounded_total_is_an_error_that_says_so():
    # 上海 (corpus c024 p6): the classes 53,300,945 / 1,023,400 / 512,655 元 (total 54,837,000)
    # stated as 5,331 / 102 / 51 万元 — adding up to the rounded total 5,484, as 5,330 / 102 / 51
    # would not: the tail moved onto the largest.  Still not the table's figure (blind audits
    # count it a defect): an error that names the cause.  c008: 12,565,793元 stated 1,256, dropped.
    g = T("fiscal_summary", "total", ("expenditure.current_total", "54837000"), ("expenditure.208", "53300945"),
          ("expenditure.210", "1023400"), ("expenditure.221", "512655"), unit="元")

    def claims(first: str, third: str = "51") -> list:
        return [C(i, "amount", v, ref=("fiscal_summary", code, "total", "expenditure"), unit="万元")
                for i, (code, v) in enumerate((("208", first), ("210", "102"), ("221", third)), start=1)]

    moved = run(D(g, claims=claims("5331")), "claim.amount")
    assert [x.severity for x in moved] == ["error"] and "凑齐合计" in moved[0].message
    assert not run(D(g, claims=claims("5330")), "claim.amount")
    # raised without the parts making the total (c159): an error without that cause
    assert ["凑齐合计" in x.message for x in run(D(g, claims=claims("5331", "52")), "claim.amount")] == [False, False]
    # dropped, the level adding up to the rounded total: the same cause, not a figure cut (info)
    g2 = T("fiscal_summary", "total", ("expenditure.current_total", "54828000"), ("expenditure.208", "53306000"),
           ("expenditure.210", "1016000"), ("expenditure.221", "506000"), unit="元")
    dropped = run(D(g2, claims=claims("5330", "51")), "claim.amount")
    assert [x.severity for x in dropped] == ["error"] and "凑齐合计" in dropped[0].message


def test_reasons_counted_in_vehicles_or_restating_the_change_are_no_parts_of_it():
    # "减少108万元，主要原因是报废更新车辆较上年减少6辆" — a count is a reason, not a part of the sum
    rel = {"component_1": 2, "component_2": 3}
    cl = [C(1, "change", "108.00", direction=-1, related=rel, unit="万元"),
          C(2, "change", "6", direction=-1, unit="辆"), C(3, "change", "0.80", direction=1, unit="万元")]
    assert not run(D(claims=cl), "claim.components")
    # "减少322339.69万元…一是…减少40亿元…二是…增加8亿元…预算支出减少322339.69万元": 亿 read as 亿
    rel = {"component_1": 2, "component_2": 3, "component_3": 4}
    cl = [C(1, "change", "322339.69", direction=-1, related=rel, unit="万元"),
          C(2, "change", "40", direction=-1, unit="亿元"), C(3, "change", "8", direction=1, unit="亿元"),
          C(4, "change", "322339.69", direction=-1, unit="万元")]
    assert not run(D(claims=cl), "claim.components")  # -32亿 (±1亿 as printed) against -32.23亿
    cl[1] = C(2, "change", "50", direction=-1, unit="亿元")
    f = run(D(claims=cl), "claim.components")
    assert [x.rule for x in f] == ["claim.components"] and "亿元" in f[0].message


def test_components_not_summed_with_a_reason_without_sign():
    # "原因是2024年度A预算20万元，B增加50万元，C增加10万元": the 20 has no sign to add
    rel = {"component_1": 2, "component_2": 3, "unsigned_reason_4": 4}
    cl = [C(1, "change", "40", direction=1, related=rel), C(2, "change", "50", direction=1),
          C(3, "change", "10", direction=1), C(4, "amount", "20")]
    assert not run(D(claims=cl), "claim.components")
    cl[0] = C(1, "change", "40", direction=1, related={"component_1": 2, "component_2": 3})
    assert [x.rule for x in run(D(claims=cl), "claim.components")] == ["claim.components"]


def test_components_not_summed_with_a_reason_without_figure():
    rel = {"component_1": 2, "component_2": 3, "unquantified_reason": 1}
    cl = [C(1, "change", "17.83", direction=-1, related=rel), C(2, "change", "4.1", direction=-1),
          C(3, "change", "1.7", direction=-1)]
    assert not run(D(claims=cl), "claim.components")


@pytest.mark.parametrize("sentence,bad", [
    # corpus c074 p36: an increase whose one listed reason is a decrease
    ("1.因公出国（境）费用。2026年预算数87.20万元，较2025年年初预算增加80.80万元，主要是因公赴港澳经费减少3.20万元。", True),
    ("1.因公出国（境）费用。2026年预算数87.20万元，较2025年年初预算增加80.80万元，主要是因公赴港澳经费增加80.80万元。", False),
    ("1.因公出国（境）费用。2026年预算数87.20万元，较2025年年初预算增加80.80万元，主要是因公赴港澳经费增加3.20万元。", False),
    # corpus c107 p101: the reasons run on over commas, the second named without its figure
    ("2026年本部门收入预算89,421.55万元，比上年减少6,602.58万元，下降6.9%，主要原因是一是人员增加，基本支出收入预算"
     "增加5,505.45万元，二是落实过紧日子要求，减少项目收入预算。", False),
    # two reasons over commas: not one clause
    ("公务接待费25.19万元，较上年增加5万元，主要是A接待增加8万元，B接待减少3万元。", False),
    # corpus c176 p30: a decrease whose one reason says vehicles were added
    ("公务用车运行维护费22.05万元，比上年减少21.15万元，下降48.96%，主要原因是本年度新增车辆。", True),
    ("公务用车购置费0万元，比上年减少24万元，主要原因是上年新增车辆购置。", False),
    ("公务用车运行维护费22.05万元，比上年减少21.15万元，主要原因是未新增车辆。", False),
    ("公务用车运行维护费22.05万元，比上年增加1.15万元，主要原因是本年度新增车辆。", False),
    # corpus c162 p9: the reason is the last change's, not the sentence's first
    ("2022年一般公共预算较上年增加406.39万元，其中基本支出减少19.11万元，主要是减少在职人员1名。", False),
])
def test_the_only_reason_of_a_change_going_the_other_way(sentence, bad):
    f = run(W("五、“三公”经费预算情况\n\n" + sentence + "\n", year=2026), "claim.reason_direction")
    assert [(x.rule, x.severity) for x in f] == ([("claim.reason_direction", "warning")] if bad else [])
    if bad:
        assert re.search(r"80\.80.*3\.20|(21\.15|48\.96).*新增车辆", f[0].message)


@pytest.mark.parametrize("sentence,bad", [
    # the reason as the next sentence, over a comma, closing on its effect: staff up for a decrease
    ("提租补贴(项)支出 820.50 万元，与上年相比减少 64.20 万元，减少 7.26%。主要原因是缴费基数调整，人员增加。", True),
    ("提租补贴(项)支出 820.50 万元，与上年相比减少 64.20 万元，减少 7.26%。主要原因是缴费基数调整，人员减少。", False),
    # the last clause does not close on a direction word: the effect is not stated
    ("公务用车运行维护费 12.00 万元，比上年减少 3.00 万元。主要原因是新能源车辆占比提高，运行费用低于燃油车。", False),
    ("工资福利支出 900.00 万元，较上年减少 40.00 万元，主要原因是人员变动，新增调出和退休人员。", False),
    # an enumeration: several reasons, one each way
    ("支出 500.00 万元，较上年减少 20.00 万元。主要原因是一是项目结束，二是人员经费有所增加。", False),
    # "零增长" says nothing grew
    ("公务接待费 5.00 万元，较上年减少 1.00 万元，主要原因是厉行节约，接待费零增长。", False),
])
def test_a_reason_over_commas_closing_on_the_other_direction(sentence, bad):
    f = run(W("三、一般公共预算支出情况\n\n" + sentence + "\n", year=2026), "claim.reason_direction")
    assert [(x.rule, x.severity) for x in f] == ([("claim.reason_direction", "warning")] if bad else [])


def test_spending_restated_with_other_figures_than_the_expenditure_table():
    # corpus c175 p29: 支出预算 11,380.57 = 6,015.67 + 5,364.9, but the 支出表 prints 11,174.30 = 5,839.90 + 5,334.40
    exp = T("expenditure", "total basic project", ("total", "11174.30", "5839.90", "5334.40"))
    text = ("一、预算收支增减变化情况说明\n\n（二）支出预算：2026年支出预算{}万元，其中：基本支出{}万元，项目支出{}万元。\n")
    f = run(W(text.format("11,380.57", "6,015.67", "5,364.9"), year=2026, tables=(exp,)), "claim.amount")
    assert sorted(x.column for x in f) == ["basic", "project", "total"] and {x.severity for x in f} == {"error"}
    assert not run(W(text.format("11,174.30", "5,839.90", "5,334.40"), year=2026, tables=(exp,)), "claim.amount")


def test_a_reason_given_with_yuanyin_alone_against_its_change():
    # 西安 2022 (corpus c156 p25, p28): "原因是" with no 主要, each item's statement ending in "；"
    from tests.checks.conftest import W, run, texts

    text = ("（19）住房公积金（2210201）348.92万元，较上年减少19.93万元，原因是2022年住房公积金缴费增加；"
            "（20）购房补贴（2210203）211.58万元，较上年减少202.32万元，原因是2022年住房补贴人数减少。")
    f = run(W("三、一般公共预算支出情况\n\n" + text + "\n", year=2022), "claim.reason_direction")
    assert texts(f) == [("claim.reason_direction", "warning")] and "19.93" in f[0].message
    # a reason in another year than the document's may explain the change
    assert not run(W("三、一般公共预算支出情况\n\n" + text + "\n", year=2023), "claim.reason_direction")


def test_procurement_stated_against_the_spending_tables_column():
    # 深圳 2026 (corpus c075 p9): no 政府采购预算表; the 支出总表 prints the 政府采购 total as a column
    text = "十、政府采购情况\n\n纳入 2026 年部门预算的政府采购项目共有 620 万元，其中：服务类项目 620 万元。\n"
    spending = T("expenditure", "total basic project procurement", ("total", "1000.00", "480.00", "520.00", "520.00"))
    d = W(text, tables=(spending,))
    stated = next(c for c in d.claims if c.kind == "amount" and c.value == 620)
    assert (stated.subject, stated.refers_to.table) == ("政府采购项目", "procurement")
    f = run(d, "claim.amount")
    assert [(x.severity, x.table, x.column) for x in f] == [("error", "expenditure", "procurement")]
    assert "520.00" in f[0].message and "procurement" in f[0].message
    # the figure the column prints is no finding; a procurement table, where printed, is the one compared
    assert not run(W(text.replace("620", "520"), tables=(spending,)), "claim.amount")
    own = T("procurement", "total", ("total", "620.00"))
    assert not run(W(text, tables=(spending, own)), "claim.amount")
