"""The engine reuses what the table-local identity rules found while judging each table's
reliability: the report is exactly the one a fresh run of every rule gives (findings, their
order, the could-not-verify cap, coverage), and a rule marked ``table_local`` finds on a whole
document exactly what it finds on each table alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cnbudget.checks import CheckReport, all_rules, check_disclosure, engine
from cnbudget.checks.context import Context
from cnbudget.model import Disclosure
from cnbudget.parse import parse_file
from tests.checks.conftest import D, T
from tests.conftest import seed_path


def _fresh(d: Disclosure, monkeypatch: pytest.MonkeyPatch) -> CheckReport:
    """The report with every rule run on the document again (nothing reused)."""
    with monkeypatch.context() as m:
        m.setattr(engine, "_reused", lambda *a: None)
        return check_disclosure(d)


def _same(a: CheckReport, b: CheckReport) -> None:
    assert a.findings == b.findings
    assert {**a.coverage.__dict__, "by_rule": None} == {**b.coverage.__dict__, "by_rule": None}
    assert list(a.coverage.by_rule.items()) == list(b.coverage.by_rule.items())


def _mixed() -> Disclosure:
    """Two tables of one kind (one with a wrong total), one misread table (every row fails:
    unreliable, so no rule sees it), a summary table whose sides do not balance."""
    good = T("expenditure", "total basic project",
             ("total", "100.00", "70.00", "30.00"), ("201", "60.00", "40.00", "20.00"), ("208", "40.00", "30.00", "10.00"))
    wrong = T("expenditure", "total basic project",
              ("total", "100.00", "70.00", "30.00"), ("201", "61.00", "41.00", "20.00"), ("208", "40.00", "30.00", "10.00"))
    misread = T("general_expenditure", "total basic project",
                ("total", "500.00", "300.00", "200.00"),
                *[(str(201 + i), "10.00", "1.00", "2.00") for i in range(6)])
    summary = T("summary", "total",
                ("income.general_budget", "90.00"), ("income.current_total", "100.00"),
                ("income.grand_total", "100.00"), ("expenditure.201", "60.00"),
                ("expenditure.current_total", "100.00"), ("expenditure.grand_total", "100.00"))
    return D(good, wrong, misread, summary)


def test_reused_identities_give_the_findings_of_a_fresh_run(monkeypatch):
    d = _mixed()
    report = check_disclosure(d)
    _same(report, _fresh(d, monkeypatch))
    assert report.of_rule("verify.unreliable_table") and report.of_rule("sum.rows")


def test_the_could_not_verify_cap_applies_to_the_reused_findings_of_all_tables(monkeypatch):
    # seven tables whose columns were not identified: each table alone says so once per rule,
    # the document as a whole at most max_could_not_verify times per rule
    kinds = ("expenditure", "general_expenditure", "basic_expenditure", "gov_fund", "state_capital", "projects",
             "carryover")
    tables = [T(kind, "total basic project", ("total", "100.00", "70.00", "30.00"),
                ("201", "100.00", "70.00", "30.00"), uncertain=("columns",)) for kind in kinds]
    d = D(*tables)
    report = check_disclosure(d)
    _same(report, _fresh(d, monkeypatch))
    capped = [f for f in report.of_rule("verify.could_not_verify") if "sum.rows" in f.message]
    assert len(capped) == 5
    assert report.coverage.by_rule["sum.rows"][1] == 7


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_reused_identities_give_the_findings_of_a_fresh_run_on_a_seed(prefix, monkeypatch):
    d = parse_file(seed_path(prefix))
    _same(check_disclosure(d), _fresh(d, monkeypatch))


def _findings(rule_id: str, d: Disclosure) -> tuple[list, dict]:
    r = all_rules()[rule_id]
    ctx = Context()
    ctx.current_rule = rule_id
    assert r.func is not None
    return list(r.func(d, ctx)), ctx.coverage.by_rule


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_a_table_local_rule_finds_on_the_document_what_it_finds_on_each_table(prefix):
    d = parse_file(seed_path(prefix))
    local = [r for r in all_rules().values() if r.table_local]
    assert {"sum.rows", "sum.columns", "sum.hierarchy"} <= {r.id for r in local}
    for r in local:
        whole, counts = _findings(r.id, d)
        alone = [_findings(r.id, replace(d, tables=(t,), claims=())) for t in d.tables]
        assert whole == [f for found, _ in alone for f in found], r.id
        assert sum(c.get(r.id, [0, 0])[0] for _, c in alone) == counts.get(r.id, [0, 0])[0], r.id


def test_a_per_run_index_is_built_once_per_disclosure():
    ctx = Context()
    built: list[Disclosure] = []

    def build(d: Disclosure) -> int:
        built.append(d)
        return len(d.tables)

    one, other = _mixed(), D()
    assert ctx.index("tables", one, build) == 4 and ctx.index("tables", one, build) == 4
    assert ctx.index("tables", other, build) == 0
    assert built == [one, other]
