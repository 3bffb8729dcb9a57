"""The registry and the engine: every rule documented and tested, crashes isolated, order."""

from __future__ import annotations

import re
from pathlib import Path

from cnbudget.checks import all_rules, check_disclosure
from cnbudget.checks import registry as reg
from cnbudget.checks.registry import Rule
from tests.checks.conftest import D, T

HERE = Path(__file__).parent
TEST_TEXT = "".join(p.read_text(encoding="utf-8") for p in [*HERE.glob("test_*.py"), HERE.parent / "test_cli_check.py"])


def test_every_rule_is_documented_and_tested():
    rules = all_rules()
    assert len(rules) >= 30
    for r in rules.values():
        assert re.fullmatch(r"[a-z]+(\.[a-z_]+)+", r.id), r.id
        assert r.severity in ("error", "warning", "info"), r.id
        assert "—" in r.description and re.search(r"[\u4e00-\u9fff]", r.description), r.id
        assert f'"{r.id}"' in TEST_TEXT or f"'{r.id}'" in TEST_TEXT, f"no test mentions {r.id}"


def test_a_crashing_rule_becomes_engine_rule_failed(monkeypatch):
    def boom(doc, ctx):
        raise ZeroDivisionError("bad")
        yield  # pragma: no cover

    fake = Rule(id="test.boom", severity="error", description="测试 — test", func=boom)
    monkeypatch.setitem(reg.RULES, "test.boom", fake)
    t = T("expenditure", "total basic project", ("total", "100.00", "60.00", "30.00"))
    report = check_disclosure(D(t), only={"test.boom", "sum.columns"})
    rules = [f.rule for f in report.findings]
    assert "engine.rule_failed" in rules and "sum.columns" in rules
    failed = report.of_rule("engine.rule_failed")[0]
    assert "test.boom" in failed.message and failed.severity == "warning"


def test_findings_sorted_by_severity_then_table_and_coverage_counted():
    e = T("expenditure", "total basic project", ("total", "100.00", "60.00", "30.00"))
    g = T("general_expenditure", "total basic project", ("total", "100.00", "60.00", "30.00"))
    report = check_disclosure(D(g, e))
    sev = [f.severity for f in report.findings]
    assert sev == sorted(sev, key=["error", "warning", "info"].index)
    errors = [f.table for f in report.findings if f.severity == "error" and f.rule == "sum.columns"]
    assert errors == ["expenditure", "general_expenditure"]
    assert report.coverage.checked > 0 and report.summary["error"] == report.count("error")


def test_rules_apply_by_document_kind():
    t = T("basic_expenditure", "total", ("301", "10.00"), ("personnel_total", "20.00"))
    assert check_disclosure(D(t, kind="final"), only={"sum.group_totals"}).findings
    assert not check_disclosure(D(t, kind="budget"), only={"sum.group_totals"}).findings


def test_no_rule_fails_on_a_document_of_tables_without_text():
    # a workbook of tables only has no passages: every rule reading the text must take none
    # (wording.unfinished_sentence once paired an empty text with a closing None)
    from cnbudget.model import Row, Source, Table

    goal = Row(code=None, name="项目1", values={}, source=Source(page=2), texts={"绩效目标": "完成年度任务，"})
    projects = Table(kind="projects", title="项目支出表", unit="万元", columns=(), rows=(goal,), source=Source(page=2))
    report = check_disclosure(D(T("expenditure", "total basic project", ("total", "10", "10", None)), projects))
    assert not report.of_rule("engine.rule_failed")
