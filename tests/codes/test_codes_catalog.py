"""Lookups, year validity, local economic codes, suggestions and coverage."""

from __future__ import annotations

import pytest

from cnbudget.codes import catalog
from cnbudget.codes.catalog import (
    CodeEntry,
    coverage,
    covers_year,
    economic_code,
    function_code,
    gov_economic_code,
    name_matches,
    suggest_economic_code,
    suggest_function_code,
)


def test_function_code_known_item():
    e = function_code("2101599")
    assert e is not None
    assert (e.code, e.name, e.level, e.parent, e.catalog) == (
        "2101599",
        "其他医疗保障管理事务支出",
        "项",
        "21015",
        "function",
    )


@pytest.mark.parametrize(
    ("code", "name", "level", "parent"),
    [
        ("201", "一般公共服务支出", "类", None),
        ("20805", "行政事业单位养老支出", "款", "208"),
        ("2080505", "机关事业单位基本养老保险缴费支出", "项", "20805"),
        ("2101501", "行政运行", "项", "21015"),
        ("2101506", "医疗保障经办事务", "项", "21015"),
        ("2101550", "事业运行", "项", "21015"),
        ("2210201", "住房公积金", "项", "22102"),
        ("224", "灾害防治及应急管理支出", "类", None),
    ],
)
def test_function_code_levels_and_parents(code, name, level, parent):
    e = function_code(code)
    assert e is not None and (e.name, e.level, e.parent) == (name, level, parent)


def test_function_code_tolerates_printed_forms():
    assert function_code("208 05 05").code == "2080505"
    assert function_code("２１０１５０１").code == "2101501"


def test_unknown_function_code_is_none():
    assert function_code("2101598") is None
    assert function_code("") is None


def test_year_validity_of_a_renamed_class():
    assert function_code("210", 2018).name == "医疗卫生与计划生育支出"
    assert function_code("210", 2019).name == "卫生健康支出"
    assert function_code("210").name == "卫生健康支出"  # no year: the current name
    assert function_code("207", 2018).name == "文化体育与传媒支出"
    assert function_code("207", 2024).name == "文化旅游体育与传媒支出"


def test_the_2024_petitions_class_is_known_from_2024():
    # 20140 信访事务, as the 2024 final account of 国家信访局 prints it
    e = function_code("2014004")
    assert e is not None and e.name == "信访业务" and e.valid_in(2025) and not e.valid_in(2023)


def test_codes_new_in_2019_do_not_exist_before():
    assert function_code("21015", 2018) is None
    assert function_code("2101599", 2018) is None
    assert function_code("2101599", 2019).name == "其他医疗保障管理事务支出"
    assert function_code("224", 2018) is None


def test_entry_years_and_validity():
    e = function_code("21015", 2024)
    assert e.years == (2019, None)
    assert e.valid_in(2025) and not e.valid_in(2018)


def test_economic_code_official_and_local():
    e = economic_code("30102")
    assert (e.name, e.level, e.parent, e.local) == ("津贴补贴", "款", "301", False)
    local = economic_code("3010201")
    assert isinstance(local, CodeEntry)
    assert (local.code, local.name, local.local, local.local_code) == ("30102", "津贴补贴", True, "3010201")


def test_economic_local_code_needs_an_official_parent():
    assert economic_code("3020301").code == "30203"
    assert economic_code("3023001") is None  # 30230 is not an official 款


def test_economic_code_before_the_2018_reform_is_not_covered():
    assert economic_code("30101", 2017) is None
    assert economic_code("30101", 2024).name == "基本工资"


def test_gov_economic_code():
    e = gov_economic_code("50101")
    assert (e.name, e.parent, e.catalog) == ("工资奖金津补贴", "501", "gov_economic")
    assert gov_economic_code("505").name == "对事业单位经常性补助"
    assert gov_economic_code("30101") is None


@pytest.mark.parametrize(
    ("printed", "name", "expected"),
    [
        ("210159", None, "2101599"),
        ("210159", "其他医疗保障管理事务支出", "2101599"),
        ("201999", None, "2019999"),
        ("201999", "其他一般公共 服务支出", "2019999"),
        ("208010", "社会保险经办 机构", "2080109"),
        ("208050", "机关事业单位基本养老保险缴费支出", "2080505"),
        ("208050", "机关事业单位 基本养老保险", "2080505"),
        # a right name under a wrong code of the same 类
        ("2101501", "其他医疗保障管理事务支出", "2101599"),
        # one digit misread
        ("2101508", "医疗保障政策管理", "2101505"),
    ],
)
def test_suggest_function_code_best_first(printed, name, expected):
    suggestions = suggest_function_code(printed, name)
    assert suggestions and suggestions[0].code == expected


def test_suggest_function_code_limits_and_empty():
    assert len(suggest_function_code("208010", limit=3)) == 3
    assert suggest_function_code("") == []
    assert suggest_function_code("999999") == []


def test_suggest_respects_year():
    assert suggest_function_code("210159", year=2018) == []


def test_suggest_economic_code():
    assert suggest_economic_code("3021", "差旅费")[0].code == "30211"
    assert suggest_economic_code("3029", "其他商品和服务支出")[0].code == "30299"
    assert suggest_economic_code("3010299", "津贴补贴")[0].code == "30102"


@pytest.mark.parametrize(
    ("code", "printed"),
    [
        ("2101599", "其他医疗保障管理事务支出"),
        ("2101599", "其他医疗保障管理事务支"),  # cut off
        ("2101599", "其他医疗保障管理事务"),  # 支出 dropped
        ("208", "社会保障和就 业支出"),  # PDF space
        ("208", "八、社会保障和就业支出"),  # ordinal
        ("208", "社会保障和就业支出（类）"),
        ("210", "医疗卫生与计划生育支出"),  # old name
        ("2100202", "中医(民族)医院"),  # half-width brackets
        ("2040404", "两房建设"),  # no quotes
        ("2080505", "机关事业单位 基本养老保险"),
        ("2050702", "专门学校教育"),  # 工读学校 renamed in 2020
        ("2080701", "就业创业服务补助"),  # printed so by several 人社 budgets
    ],
)
def test_name_matches_tolerates(code, printed):
    assert name_matches(function_code(code), printed)


@pytest.mark.parametrize(
    ("code", "printed"),
    [
        ("2101599", "行政运行"),
        ("2101501", "其他医疗保障管理事务支出"),
        ("2101599", "其他"),  # too short to be a cut-off name
        ("2101599", ""),
    ],
)
def test_name_matches_rejects(code, printed):
    assert not name_matches(function_code(code), printed)


def test_economic_name_matches_bracket_widths():
    assert name_matches(economic_code("30213"), "维修(护)费")
    assert name_matches(economic_code("30212"), "因公出国 (境) 费用")
    assert name_matches(economic_code("31101"), "资本金注入（基本建设）")  # 福州's template wording


def test_coverage_describes_catalogs():
    cov = coverage()
    assert set(cov) == {"function", "economic", "gov_economic"}
    fn = cov["function"]
    assert (fn.first_year, fn.last_year) == (2019, 2025)
    assert fn.by_level["类"] >= 25 and fn.by_level["项"] > 500
    priority = [
        "201",
        "204",
        "205",
        "206",
        "207",
        "208",
        "210",
        "211",
        "212",
        "213",
        "214",
        "220",
        "221",
        "224",
        "229",
    ]
    assert set(priority) <= set(fn.detailed_classes)
    assert covers_year("function", 2024)
    assert not covers_year("function", 2016)
    assert covers_year("economic", 2018)
    assert coverage("economic")["economic"].label == "部门预算支出经济分类科目"


@pytest.mark.parametrize("cat", [catalog.FUNCTION, catalog.ECONOMIC, catalog.GOV_ECONOMIC])
@pytest.mark.parametrize("year", [None, 2018, 2025])
def test_the_name_index_finds_what_a_scan_of_the_catalog_finds(cat, year):
    # ``code_named`` takes its candidates from ``_by_stem``; a scan stems every entry's names
    from cnbudget.codes.catalog import _by_stem, entries, known_names
    from cnbudget.codes.names import stem

    names = {n for e in entries(cat) for n in (e.name, *e.aliases)} | {"行政运行", "其他支出", "不是科目"}
    for name in sorted(names):
        want = stem(name)
        scanned = [e for e in entries(cat, year) if any(stem(n) == want for n in known_names(e))]
        indexed = [e for e in _by_stem(cat).get(want, ()) if year is None or e.valid_in(year)]
        assert indexed == scanned, name
    assert catalog.code_named(catalog.FUNCTION, "行政运行", 2025, "2010101").code == "2010101"
