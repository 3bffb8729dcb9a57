"""The five seed disclosures: the inconsistencies an auditor finds, none that rounding explains,
and mutations (one printed amount changed) that must be caught.  Skipped without ../shared/seeds."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

import pytest

from cnbudget.checks import CheckReport, check_disclosure
from cnbudget.numbers import parse_amount
from cnbudget.parse import parse_file
from tests.conftest import seed_path


@cache
def _report(prefix: str) -> CheckReport:
    return check_disclosure(parse_file(seed_path(prefix)))


def report(prefix: str) -> CheckReport:
    seed_path(prefix)  # skips with a reason when the seeds are absent
    return _report(prefix)


def errors(rep: CheckReport, rule: str | None = None):
    return [f for f in rep.findings if f.severity == "error" and (rule is None or f.rule == rule)]


def test_seed000_rounding_only_is_not_reported():
    rep = report("000")
    assert not errors(rep), [f.message for f in errors(rep)]
    # 行政运行 488.34 vs 378.26 + 5.56 + 104.51 = 488.33
    assert not [f for f in rep.findings if f.row == "2101501" and f.rule.startswith("sum.")]


def test_seed001_rate_66_47_is_wrong():
    rep = report("001")
    f = [x for x in errors(rep, "claim.rate") if x.actual is not None and str(x.actual) == "66.47"]
    assert f and "65.9" in f[0].message and "3754.07" in f[0].message
    # 2101506: 726.95 (一般公共预算) vs 746.95 (all funds) is the 20.00 上年结转: not reported
    assert not errors(rep, "cross.general_expenditure_vs_expenditure")


def test_seed002_summary_carryover_and_other_income_blank():
    rep = report("002")
    assert [f.row for f in errors(rep, "summary.balance")] == ["income.grand_total"]
    assert any(f.row == "income.other" for f in errors(rep, "cross.summary_vs_income"))
    assert errors(rep, "summary.income_items")


def test_seed003_findings():
    rep = report("003")
    assert any(f.row == "2101101" for f in errors(rep, "claim.amount"))
    assert any(str(f.actual) == "95.36" for f in errors(rep, "perf.execution_rate"))
    assert {"30108", "30113"} <= {f.row for f in rep.of_rule("code.economic_vs_function")}
    # 公用经费 90.81 + 6.14 = 96.95 vs 96.94: rounding; the 06 table sums
    assert not [f for f in errors(rep) if f.rule.startswith(("sum.", "cross.basic"))]


def test_seed004_rate_on_wrong_base_and_missing_three_public():
    rep = report("004")
    f = [x for x in errors(rep, "claim.rate_wrong_base") if str(x.actual) == "31.29"]
    assert f and "增长率按本年数而非上年数计算" in f[0].message and "45.5" in f[0].message
    assert [x.table for x in errors(rep, "completeness.missing_table")] == ["three_public"]


def test_no_rule_crashes_on_any_seed():
    for p in ("000", "001", "002", "003", "004"):
        assert not report(p).of_rule("engine.rule_failed"), p


# --------------------------------------------------------------------------- mutations

MUTATE_KINDS = ("expenditure", "general_expenditure", "income", "basic_expenditure", "summary", "fiscal_summary")
_TOKEN = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d.])|(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def _mutations(path: Path, n: int) -> list[tuple[int, str, str]]:
    """(line number, original line, mutated line): the units digit of one amount moved by 5."""
    d = parse_file(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    cands = []
    for t in d.tables:
        if t.kind not in MUTATE_KINDS:
            continue
        for r in t.rows:
            if r.source.line is None:
                continue
            for v in r.values.values():
                if v >= 1:
                    cands.append((r.source.line, v))
    rng = random.Random(str(path.name))
    rng.shuffle(cands)
    out: list[tuple[int, str, str]] = []
    seen = set()
    for line_no, v in cands:
        if line_no in seen or len(out) >= n:
            continue
        line = lines[line_no - 1]
        for m in _TOKEN.finditer(line):
            if parse_amount(m.group()) == v:
                tok = m.group()
                i = tok.find(".") - 1 if "." in tok else len(tok) - 1
                digit = (int(tok[i]) + 5) % 10
                new = tok[:i] + str(digit) + tok[i + 1 :]
                out.append((line_no, line, line[: m.start()] + new + line[m.end() :]))
                seen.add(line_no)
                break
    return out


def _keys(rep: CheckReport) -> set[tuple]:
    return {(f.rule, f.table, f.row, f.column, f.message) for f in rep.findings if f.severity in ("error", "warning")}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_mutations_are_caught(prefix, tmp_path):
    path = seed_path(prefix)
    base = _keys(report(prefix))
    muts = _mutations(path, 12)
    assert len(muts) >= 3, "too few amounts to mutate: has the table stage changed?"
    text = path.read_text(encoding="utf-8").split("\n")
    missed = []
    for line_no, old, new in muts:
        lines = list(text)
        lines[line_no - 1] = new
        target = tmp_path / path.name
        target.write_text("\n".join(lines), encoding="utf-8")
        got = _keys(check_disclosure(parse_file(target)))
        if not (got - base):
            missed.append(f"line {line_no}: {old.strip()[:60]!r} → {new.strip()[:60]!r}")
    assert not missed, "mutations not caught:\n" + "\n".join(missed)
