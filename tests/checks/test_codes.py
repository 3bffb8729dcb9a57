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


def test_catalog_unavailable_is_one_info(monkeypatch):
    from cnbudget.checks import codes

    monkeypatch.setattr(codes, "_catalog", lambda: None)
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
