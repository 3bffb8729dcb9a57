"""The engine: run every applicable rule over a disclosure, isolating each one.

``check_disclosure(d, against=None) -> CheckReport``.  A rule that raises becomes one
``engine.rule_failed`` finding and the other rules go on.  Findings come back sorted by
severity, then table, then the printed position.  The report also says how much was verified
(identities and comparisons checked vs could not verify).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cnbudget.checks.context import CheckSettings, Context, Coverage
from cnbudget.checks.registry import RULES, Rule, finding
from cnbudget.checks.reliability import TableTrust, assess, unreliable_finding
from cnbudget.checks.values import DOC_PADDED, RUN_MEMO, RunMemo, document_padded
from cnbudget.model import Disclosure, Finding
from cnbudget.tables.kinds import TABLE_KINDS

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
UNCHECKED_KINDS = frozenset({"other", "performance_targets", "performance_review"})
_TABLE_ORDER = list(TABLE_KINDS)  # the vocabulary's own order: every kind, "other" last


@dataclass(frozen=True)
class CheckReport:
    """The findings on one file and how much of it could be verified."""

    file: str
    findings: tuple[Finding, ...]
    coverage: Coverage = field(default_factory=Coverage)
    seconds: float = 0.0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def summary(self) -> dict[str, int]:
        return {s: self.count(s) for s in ("error", "warning", "info")}

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    def of_rule(self, rule_id: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule_id]


def _sort_key(f: Finding) -> tuple[Any, ...]:
    t = _TABLE_ORDER.index(f.table) if f.table in _TABLE_ORDER else (len(_TABLE_ORDER) if f.table else -1)
    src = f.source
    return (
        _SEVERITY_ORDER.get(f.severity, 9),
        t,
        (src.page or 0, src.line or 0) if src else (0, 0),
        f.rule,
        f.row or "",
        f.column or "",
    )


def _load_rules() -> None:
    """Import the rule families so their decorators register them."""
    from cnbudget.checks import (  # noqa: F401
        absences,
        body_names,
        budget_base,
        cited_codes,
        class_lists,
        class_paths,
        code_digits,
        codes,
        completeness,
        contents,
        cross_table,
        definitions,
        department_name,
        fund_sources,
        grants,
        inclusions,
        institutions,
        narrative,
        performance,
        procurement,
        project_targets,
        reasons,
        repeats,
        restated,
        sentences,
        standard_terms,
        summary_sides,
        table_changes,
        target_funds,
        typography,
        unit_names,
        vehicles,
        within_table,
        wording,
        years,
    )


def check_disclosure(
    d: Disclosure,
    against: Disclosure | None = None,
    settings: CheckSettings | None = None,
    only: set[str] | None = None,
) -> CheckReport:
    """Run every applicable rule (or only the ids in ``only``) and collect their findings."""
    _load_rules()
    started = time.perf_counter()
    memo = RUN_MEMO.set(RunMemo())
    token = DOC_PADDED.set(document_padded(d.tables))
    try:
        return _run(d, against, settings, only, started)
    finally:
        DOC_PADDED.reset(token)
        RUN_MEMO.reset(memo)


def _run(
    d: Disclosure,
    against: Disclosure | None,
    settings: CheckSettings | None,
    only: set[str] | None,
    started: float,
) -> CheckReport:
    settings = settings or CheckSettings()
    # Tables whose own identities say they were misread are seen by no rule but the
    # completeness rules (the table is there, only its figures cannot be trusted).
    runs: dict[int, dict[str, _RuleRun]] = {}
    trust = assess(d, lambda sub, ids: _identities(sub, settings, ids, runs))
    bad = {id(x.table) for x in trust if not x.reliable}
    trusted = replace(d, tables=tuple(t for t in d.tables if id(t) not in bad)) if bad else d
    ctx = Context(against=against, settings=settings)
    found = _run_rules(d, trusted, against, ctx, only, reuse=runs)
    if only is None or "verify.unreliable_table" in only:
        found.extend(unreliable_finding(x) for x in trust if not x.reliable)
    _count_verified(ctx.coverage, d, trust)
    found = _dedupe(found)
    found.sort(key=_sort_key)
    return CheckReport(
        file=d.file, findings=tuple(found), coverage=ctx.coverage, seconds=time.perf_counter() - started
    )


@dataclass(frozen=True)
class _RuleRun:
    """What one rule found on one table alone: its findings (before the could-not-verify cap),
    its coverage counts ([checked, unverified], None when it counted nothing) and whether it
    crashed."""

    findings: tuple[Finding, ...] = ()
    counts: tuple[int, int] | None = None
    crashed: bool = False


def _identities(
    d: Disclosure, settings: CheckSettings, ids: frozenset[str], runs: dict[int, dict[str, _RuleRun]]
) -> tuple[list[Finding], int]:
    """The identity rules on a one-table disclosure, for ``assess``; what each table-local rule
    found is kept in ``runs`` (by table) so the main run need not find it again."""
    ctx = Context(settings=settings)
    record: dict[str, _RuleRun] = {}
    found = _run_rules(d, d, None, ctx, set(ids), record=record)
    if len(d.tables) == 1:
        runs[id(d.tables[0])] = record
    return found, ctx.coverage.checked


def _run_rules(
    d: Disclosure,
    trusted: Disclosure,
    against: Disclosure | None,
    ctx: Context,
    only: set[str] | None,
    *,
    reuse: dict[int, dict[str, _RuleRun]] | None = None,
    record: dict[str, _RuleRun] | None = None,
) -> list[Finding]:
    """Every applicable rule (or those in ``only``).  ``record`` receives what each rule found
    (uncapped); ``reuse`` holds such records per table, taken instead of running a table-local
    rule again."""
    found: list[Finding] = []
    for r in RULES.values():
        if only is not None and r.id not in only:
            continue
        target = d if r.module.endswith(".completeness") else trusted
        if not r.applies_to(target, against is not None):
            if r.func is not None:
                ctx.coverage.rules_skipped += 1
            if record is not None:
                record[r.id] = _RuleRun()
            continue
        ctx.current_rule = r.id
        ctx.coverage.rules_run += 1
        out = _reused(r, target, ctx, reuse) if reuse is not None else None
        if out is None:
            try:
                assert r.func is not None
                out = list(r.func(target, ctx))
            except Exception as e:  # noqa: BLE001 - a crashing rule must not stop the others
                found.append(
                    finding(
                        "engine.rule_failed",
                        f"规则 {r.id} 执行出错，该项未能核验：{type(e).__name__}: {e} — rule {r.id} crashed",
                        row=None,
                    )
                )
                ctx.unverified()
                if record is not None:
                    record[r.id] = _RuleRun(crashed=True)
                continue
        if record is not None:
            counts = ctx.coverage.by_rule.get(r.id)
            record[r.id] = _RuleRun(tuple(out), (counts[0], counts[1]) if counts is not None else None)
        found.extend(_cap_unverified(out, ctx.settings.max_could_not_verify))
    return found


def _reused(r: Rule, target: Disclosure, ctx: Context, runs: dict[int, dict[str, _RuleRun]]) -> list[Finding] | None:
    """A table-local rule's findings on ``target``: what it found on each table alone, in table
    order, with its coverage counts added to ``ctx``.  None (run it again) when a table was not
    judged alone or the rule crashed on one."""
    if not r.table_local:
        return None
    per_table = [runs.get(id(t), {}).get(r.id) for t in target.tables]
    if any(x is None or x.crashed for x in per_table):
        return None
    out: list[Finding] = []
    for x in per_table:
        assert x is not None
        out.extend(x.findings)
        if x.counts is not None:
            ctx.checked(x.counts[0])
            ctx.unverified(x.counts[1])
    return out


def _count_verified(cov: Coverage, d: Disclosure, trust: list[TableTrust]) -> None:
    """How much of the document was verified: tables, rows and claims (for every report)."""
    financial = [x for x in trust if x.table.kind not in UNCHECKED_KINDS]
    cov.tables = len(financial)
    cov.tables_verified = sum(1 for x in financial if x.reliable)
    cov.rows = sum(len(x.table.rows) for x in financial)
    cov.rows_verified = sum(len(x.table.rows) for x in financial if x.reliable)
    bad_kinds = {x.table.kind for x in trust if not x.reliable}
    cov.claims = len(d.claims)
    cov.claims_verified = sum(1 for c in d.claims if c.refers_to is not None and c.refers_to.table not in bad_kinds)


def _cap_unverified(out: list[Finding], cap: int) -> list[Finding]:
    kept: list[Finding] = []
    n = 0
    for f in out:
        if f.rule == "verify.could_not_verify":
            n += 1
            if n > cap:
                continue
        kept.append(f)
    return kept


def _dedupe(found: list[Finding]) -> list[Finding]:
    seen: set[tuple[Any, ...]] = set()
    out: list[Finding] = []
    for f in found:
        key = (f.rule, f.severity, f.message, f.table, f.row, f.column)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def check_file(path: str | Path, against: str | Path | None = None) -> CheckReport:
    """Parse a file (and last year's) and check it.  Raises ``CnbudgetError`` on bad input."""
    from cnbudget.parse import parse_file

    d = parse_file(path)
    last = parse_file(against) if against is not None else None
    return check_disclosure(d, against=last)


def report_to_json(report: CheckReport) -> dict[str, Any]:
    """DESIGN.md's shape: ``{"file", "findings", "summary"}`` (+ ``"coverage"``)."""
    from cnbudget.serialize import finding_to_json

    return {
        "file": report.file,
        "findings": [finding_to_json(f) for f in report.findings],
        "summary": report.summary,
        "coverage": report.coverage.to_json(),
    }
