"""code.* rules (with the real catalogs of cnbudget.codes)."""

from __future__ import annotations

import pytest

from cnbudget.model import Repair
from tests.checks.conftest import D, T, keys, run

catalog = pytest.importorskip("cnbudget.codes.catalog")


def test_unknown_function_code():
    t = T("expenditure", "total", ("2101501", "10.00"), ("2101598", "1.00"),
          names={"2101501": "行政运行", "2101598": "其他医疗保障管理事务支出"})
    f = run(D(t), "code.unknown")
    assert ("code.unknown", "expenditure", "2101598", None) in keys(f)
    assert not [x for x in f if x.row == "2101501"]


def test_truncated_code_unrepaired_and_repaired():
    t = T("income", "total", ("210159", "77.97"), names={"210159": "其他医疗保障管理事务支出"})
    f = run(D(t), "code.truncated")
    assert [(x.severity, x.row) for x in f] == [("warning", "210159")] and "2101599" in f[0].message
    rep = Repair("code", "210159", "2101599", "科目编码被截断")
    t2 = T("income", "total", ("2101599", "77.97"), names={"2101599": "其他医疗保障管理事务支出"},
           repairs={"2101599": rep})
    f2 = run(D(t2), "code.truncated")
    # printed cut short: a defect of the published table even though the reading completes it
    assert [(x.severity, x.row) for x in f2] == [("warning", "2101599")]
    # a code printed as its last two digits under its 款 is a layout, not a defect
    seg = Repair("code", "99", "2079999", "只印了末两位的科目编码，按上级科目补全")
    t3 = T("income", "total", ("2079999", "50.00"), names={"2079999": "其他文化旅游体育与传媒支出"},
           repairs={"2079999": seg})
    assert [x.severity for x in run(D(t3), "code.truncated")] == ["info"]


def test_codes_looked_up_by_name_are_said_once_per_table():
    why = "表中未印科目编码，按名称及上级科目补出"
    t = T("expenditure", "total", ("201", "5.00"), ("20101", "5.00"),
          names={"201": "一般公共服务支出", "20101": "人大事务"},
          repairs={"201": Repair("code", "", "201", why), "20101": Repair("code", "", "20101", why)})
    f = run(D(t), "code.truncated")
    assert [x.severity for x in f] == ["info"] and "2 行" in f[0].message


def test_name_mismatch():
    t = T("expenditure", "total", ("2101501", "10.00"), names={"2101501": "医疗保障政策管理"})
    assert ("code.name_mismatch", "expenditure", "2101501", None) in keys(run(D(t), "code.name_mismatch"))
    t_ok = T("expenditure", "total", ("2101501", "10.00"), names={"2101501": "行政运行"})
    assert not run(D(t_ok), "code.name_mismatch")


def test_economic_vs_function():
    # 攸县 2024 (seed 003): 30113 住房公积金 55.44 vs 2210201 住房公积金 25.00
    b = T("basic_expenditure", "total", ("30113", "55.44"), ("30108", "37.00"))
    g = T("general_expenditure", "total basic project", ("2210201", "25.00", "25.00"), ("2080505", "37.00", "37.00"))
    f = run(D(b, g, kind="final"), "code.economic_vs_function")
    assert keys(f) == {("code.economic_vs_function", "basic_expenditure", "30113", "total")}


def test_medical_items_carry_what_the_catalog_books_with_them():
    # 2101101/02 also carry 公费医疗 (30114 医疗费): 19.39 lies between 30110 7.20 and 7.20 + 47.48
    b = T("basic_expenditure", "total", ("30110", "7.20"), ("30114", "47.48"))
    g = T("general_expenditure", "total basic project", ("2101102", "19.39", "19.39"))
    assert not run(D(b, g), "code.economic_vs_function")
    above = T("general_expenditure", "total basic project", ("2101102", "60.00", "60.00"))
    assert keys(run(D(b, above), "code.economic_vs_function")) == {
        ("code.economic_vs_function", "basic_expenditure", "30110", "total")}
    # 30111 90.56 = 2101103 37.41 + the 事业单位's top-up 53.15 under 2101199
    b2 = T("basic_expenditure", "total", ("30111", "90.56"))
    g2 = T("general_expenditure", "total basic project", ("2101103", "37.41", "37.41"), ("2101199", "53.15", "53.15"))
    assert not run(D(b2, g2), "code.economic_vs_function")
    g3 = T("general_expenditure", "total basic project", ("2101103", "37.41", "37.41"), ("2101199", "50.00", "50.00"))
    assert keys(run(D(b2, g3), "code.economic_vs_function")) == {
        ("code.economic_vs_function", "basic_expenditure", "30111", "total")}


def test_catalog_unavailable_is_one_info(monkeypatch):
    from cnbudget.checks import codes

    monkeypatch.setattr(codes, "load_catalog", lambda: None)
    t = T("expenditure", "total", ("2101501", "10.00"), ("2101598", "1.00"))
    f = run(D(t), "code.unknown")
    assert [(x.rule, x.severity) for x in f] == [("verify.could_not_verify", "info")]


def test_economic_vs_function_only_against_the_basic_column():
    # the function table prints no 基本支出 column: its 2080505 合计 may hold 项目 money — not compared
    b = T("basic_expenditure", "total personnel public", ("30108", "3066021.08", "3066021.08", None))
    g = T("general_expenditure", "total", ("2080505", "3464021.08"))
    assert not run(D(b, g), "code.economic_vs_function")
    # a 基本支出 table laid out by function codes is not the economic side
    fb = T("basic_expenditure", "total personnel public", ("2080505", "3066021.08", "3066021.08", None))
    g2 = T("general_expenditure", "total basic project", ("2080505", "3464021.08", "3066021.08", "398000.00"))
    assert not run(D(fb, g2), "code.economic_vs_function")
    assert not run(D(b, g2), "code.economic_vs_function")


def test_medical_contributions_paid_within_the_running_items_are_no_mismatch():
    # no 2101101–03 rows at all: 职工医保 paid within 行政运行 — nothing to compare
    b = T("basic_expenditure", "total", ("30110", "42.88"), ("30108", "37.00"))
    g = T("general_expenditure", "total basic project", ("2080505", "37.00", "37.00"), ("2010101", "500.00", "500.00"))
    assert not run(D(b, g), "code.economic_vs_function")
    # a 2101101 row that differs is still one
    g2 = T("general_expenditure", "total basic project", ("2080505", "37.00", "37.00"), ("2101101", "30.00", "30.00"))
    assert ("code.economic_vs_function", "basic_expenditure", "30110", "total") in keys(
        run(D(b, g2), "code.economic_vs_function"))


def test_invalid_code_whose_name_is_another_codes_is_an_error_naming_it():
    # "7 卫生健康支出": no function code at all; the printed name is 210's
    t = T("expenditure", "total", ("208", "50.00"), ("7", "10.00"), ("2101501", "10.00"),
          names={"208": "社会保障和就业支出", "7": "卫生健康支出", "2101501": "行政运行"})
    f = run(D(t), "code.unknown")
    assert [(x.row, x.severity) for x in f] == [("7", "error")]
    assert "应为 210 卫生健康支出" in f[0].message
    # a code of the right shape the catalog lacks under a known 款, printed with the name of an
    # item of another 款: 2080505 is meant
    t2 = T("expenditure", "total", ("2101104", "1.00"), names={"2101104": "机关事业单位基本养老保险缴费支出"})
    f2 = run(D(t2), "code.unknown")
    assert [(x.row, x.severity) for x in f2] == [("2101104", "error")] and "应为 2080505" in f2[0].message


@pytest.mark.parametrize("code,name", [
    ("2089901", "其他社会保障和就业支出"),   # beside 2089999, same parent: another edition's numbering
    ("2014101", "行政运行"),                 # a 款 (20141) the catalog does not list
    ("2121100", "农业土地开发资金安排的支出"),  # 21211 printed a level deeper
])
def test_unknown_codes_the_catalog_may_not_know_stay_warnings(code, name):
    f = run(D(T("expenditure", "total", (code, "1.00"), names={code: name})), "code.unknown")
    assert [(x.row, x.severity) for x in f] == [(code, "warning")]


def test_invalid_code_without_a_matching_name_stays_a_warning_with_the_nearest_code():
    t = T("expenditure", "total", ("2101597", "1.00"), names={"2101597": "其他医疗保障事务"})
    f = run(D(t), "code.unknown")
    assert [(x.row, x.severity) for x in f] == [("2101597", "warning")]
    assert "2101599" in f[0].message  # the nearest code under 21015
    # a sibling whose name is nothing like the printed one is no guess worth making
    t2 = T("expenditure", "total", ("2101597", "1.00"), names={"2101597": "医保专项"})
    assert "2101599" not in run(D(t2), "code.unknown")[0].message


def test_stray_digits_are_judged_only_by_a_catalog_name():
    # a stray digit whose name is no catalog name says nothing (it may be a note or a 序号)
    t = T("expenditure", "total", ("7", "10.00"), names={"7": "某专项"})
    assert not run(D(t), "code.unknown")
    # a 序号 column read as codes (several stray digits) is a layout, not seven wrong codes
    t2 = T("expenditure", "total", ("1", "10.00"), ("2", "5.00"),
           names={"1": "卫生健康支出", "2": "医疗保障管理事务"})
    assert not run(D(t2), "code.unknown")
    # valid codes with generic names are left alone
    t3 = T("expenditure", "total", ("2013101", "5.00"), names={"2013101": "行政运行"})
    assert not run(D(t3), "code.unknown")


def test_seed_with_a_class_printed_as_7_names_the_right_code(tmp_path):
    """A real layout end to end: seed 000's 210 11 01 printed as 7 11 01 (both tables)."""
    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file
    from tests.conftest import seed_path

    text = seed_path("000").read_text(encoding="utf-8")
    line = "210\t11\t01\t\t行政单位医疗\t24.04"
    assert line in text
    mutated = tmp_path / "seed000_7.txt"
    mutated.write_text(text.replace(line, "7\t11\t01\t\t行政单位医疗\t24.04"), encoding="utf-8")
    found = [f for f in check_disclosure(parse_file(mutated)).findings if f.rule == "code.unknown"]
    assert [(f.severity, f.row) for f in found] == [("error", "71101")] and "应为 2101101" in found[0].message
    assert not [f for f in check_disclosure(parse_file(seed_path("000"))).findings if f.rule == "code.unknown"]


def test_a_code_that_is_no_code_is_judged_in_a_year_the_catalog_does_not_cover():
    t = T("expenditure", "total", ("7", "10.00"), ("2101599", "1.00"),
          names={"7": "卫生健康支出", "2101599": "某新设科目"})
    f = run(D(t, year=2031), "code.unknown")
    # the edition is unknown: one could-not-verify, and the stray 7 still named as 210
    assert sorted((x.rule, x.severity, x.row) for x in f) == [
        ("code.unknown", "error", "7"), ("verify.could_not_verify", "info", None)]


def _narrative(sentence: str, *tables):
    from tests.checks.conftest import W

    return W("二、支出预算情况说明\n\n" + sentence + "\n", tables=tables)


def test_a_code_in_the_text_that_the_tables_print_otherwise_is_an_error_naming_theirs():
    # the tables print 其他社会保障和就业支出 as 2089999; the text gives 2089901, no class code
    t = T("expenditure", "total", ("2089999", "0.10"), names={"2089999": "其他社会保障和就业支出"})
    f = run(_narrative("(2)其他社会保障和就业支出（2089901）0.1万元，上年度该科目无预算资金。", t), "code.narrative")
    assert [(x.rule, x.severity) for x in f] == [("code.narrative", "error")]
    assert "2089901" in f[0].message and "2089999" in f[0].message


def test_a_code_in_the_text_known_nowhere_is_a_warning():
    f = run(_narrative("其他社会保障和就业支出（2089901）0.1万元。"), "code.narrative")
    assert [(x.rule, x.severity) for x in f] == [("code.narrative", "warning")]


@pytest.mark.parametrize("sentence", [
    "(1)机关事业单位职业年金缴费支出（2080506）4.36万元。",   # in the catalog
    "工资福利支出（301）478.83万元，较上年增加286.42万元。",      # an economic class: another catalog
    "2026年（2026）预算安排如下。",                              # a year in brackets is no code
])
def test_codes_in_the_text_that_exist_are_clean(sentence):
    assert not run(_narrative(sentence), "code.narrative")


def test_a_local_code_the_tables_print_is_not_judged_again_in_the_text():
    t = T("expenditure", "total", ("2089901", "0.10"), names={"2089901": "其他社会保障和就业支出"})
    assert not run(_narrative("其他社会保障和就业支出（2089901）0.1万元。", t), "code.narrative")


def test_a_year_the_catalog_lacks_judges_text_codes_only_against_the_tables():
    from tests.checks.conftest import W

    last = catalog.coverage("function")["function"].last_year
    year = last + 5
    head = "二、支出预算情况说明\n\n其他社会保障和就业支出（2089901）0.1万元。\n"
    t = T("expenditure", "total", ("2089999", "0.10"), names={"2089999": "其他社会保障和就业支出"})
    f = run(W(head, year=year, tables=[t]), "code.narrative")
    assert [(x.rule, x.severity) for x in f] == [("code.narrative", "error")] and f"{last}年" in f[0].message
    # no table to contradict it: a code the latest edition lacks may be new, and is not judged
    assert not run(W(head, year=year), "code.narrative")


def test_a_text_without_codes_says_nothing_even_where_the_catalog_lacks_the_year():
    from tests.checks.conftest import W

    year = catalog.coverage("function")["function"].last_year + 5
    assert not run(W("二、支出预算情况说明\n\n支出100万元。\n", year=year), "code.narrative")
