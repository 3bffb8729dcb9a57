"""What a person asked to see: --min-severity, --ignore (ids or patterns)."""

from __future__ import annotations

import pytest

from cnbudget.checks.engine import CheckReport
from cnbudget.checks.selection import Selection, parse_rules, select, severity_id
from cnbudget.errors import CnbudgetError
from cnbudget.model import Finding

REPORT = CheckReport("x", (Finding("sum.rows", "error", "a"), Finding("code.unknown", "warning", "b"),
                           Finding("code.name_mismatch", "info", "c")))


def test_min_severity_and_patterns():
    assert [f.rule for f in select(REPORT, Selection(min_severity="warning")).report.findings] == [
        "sum.rows", "code.unknown"]
    chosen = select(REPORT, Selection(ignore=("code.*",)))
    assert [f.rule for f in chosen.report.findings] == ["sum.rows"] and chosen.hidden == 2


def test_words_and_refusals():
    assert severity_id("警告") == "warning"
    with pytest.raises(CnbudgetError):
        severity_id("loud")
    assert parse_rules(["a,b", " c "]) == ("a", "b", "c")
    with pytest.raises(CnbudgetError, match="sum.rowz"):
        Selection(ignore=("sum.rowz",)).validate({"sum.rows"})
