"""Reading confidence: whether each table was read reliably, judged from its own identities.

A real error in a published table is local: one cell, one row, a figure against one other
figure.  A misread is systemic: a column whose cells add up to nothing while its total does
not, a total row that misses its parts in every column (rows lost or doubled at a page
break), most of a table's identities failing at once.  A table with such evidence is reported
once as ``verify.unreliable_table`` (info) and no other rule sees it, so it yields no error
or warning; a table with a few local failures stays verified and its failures are reported.

The identities are those of the in-table rules themselves (``sum.*``, ``summary.*``), run on
each table alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from cnbudget.checks.registry import declare, finding
from cnbudget.checks.values import amount_columns, col_label, data_rows, fmt, table_label
from cnbudget.model import Disclosure, Finding, Table

IDENTITY_RULES = frozenset({
    "sum.rows", "sum.hierarchy", "sum.columns", "sum.group_totals",
    "summary.balance", "summary.classes", "summary.income_items",
})

declare(
    "verify.unreliable_table",
    severity="info",
    description="表格读取不可靠（其自身恒等式系统性不成立），不据此报告错误 — a table whose own identities say it was misread",
)


@dataclass(frozen=True)
class ReliabilitySettings:
    """When a table's failures are systemic rather than local.

    ``min_failing_rows``: fewer distinct failing rows than this is always local (one wrong
    cell breaks at most its own row, its parent and the total).  ``max_failing_share``: above
    this share of checked identities failing, with ``min_failing_rows`` rows, the reading is
    systemic.  ``min_total_columns``: a total row that misses its parts in every one of at least
    this many columns, by gaps larger than ``tail_gap`` (a rounding tail is no lost row) and
    not all equal, has lost or doubled rows.
    """

    min_failing_rows: int = 4
    max_failing_share: float = 1 / 3
    min_total_columns: int = 3
    tail_gap: Decimal = Decimal("0.05")


@dataclass(frozen=True)
class TableTrust:
    """The verdict on one table, with the evidence a person can check."""

    table: Table
    checked: int
    failed: int
    reliable: bool
    evidence: str = ""


# (disclosure, rule ids) → (findings, identities checked): the engine's own rule runner
RunRules = Callable[[Disclosure, frozenset[str]], tuple[list[Finding], int]]


def assess(d: Disclosure, run: RunRules, settings: ReliabilitySettings | None = None) -> list[TableTrust]:
    """One verdict per table of ``d`` (tables without identities are reliable by default)."""
    s = settings or ReliabilitySettings()
    out: list[TableTrust] = []
    for t in d.tables:
        found, checked = run(replace(d, tables=(t,), claims=()), IDENTITY_RULES)
        errors = [f for f in found if f.severity == "error" and f.rule in IDENTITY_RULES]
        failing_rows = {f.row for f in errors if f.rule == "sum.columns" and f.row != "total"}
        # a column read as nothing breaks the column identities of the rows it was lost from;
        # a 合计 alone printing a figure over a column of zeros is one wrong cell
        lost = _zero_column(t) if len(failing_rows) >= 2 else ""
        evidence = lost or _total_misses_everywhere(errors, s) or _most_fail(errors, checked, s)
        out.append(TableTrust(table=t, checked=checked, failed=len(errors), reliable=not evidence, evidence=evidence))
    return out


def _zero_column(t: Table) -> str:
    """A column whose rows are all blank or 0 while the total row prints an amount, in rows
    whose other columns were read (a column lost or shifted, not an empty table)."""
    total = t.total_row()
    rows = list(data_rows(t))
    cols = amount_columns(t)
    if total is None or len(rows) < 2 or len(cols) < 2:
        return ""
    if not any(v != 0 for r in rows for v in r.values.values()):
        return ""
    for c in cols:
        v = total.values.get(c)
        if v is None or v == 0:
            continue
        if all(r.values.get(c, Decimal(0)) == 0 for r in rows):
            return f"“{col_label(t, c)}”列各行均为空或 0，而合计行为 {fmt(v)}（该列未读对）"
    return ""


def _total_misses_everywhere(errors: list[Finding], s: ReliabilitySettings) -> str:
    """The total row differs from the sum of its rows in many columns, by different amounts:
    rows lost or doubled.  (One wrong figure shows the same gap in each column it adds into:
    its source column, 小计 and 合计 — that is a local error and stays one.)"""
    gaps: dict[str | None, dict[str | None, Decimal | None]] = defaultdict(dict)
    for f in errors:
        if f.rule == "sum.rows":
            gap = f.expected - f.actual if f.expected is not None and f.actual is not None else None
            if gap is not None and abs(gap) <= s.tail_gap:
                continue  # a rounding tail says nothing about lost rows
            gaps[f.row].setdefault(f.column, gap)
    for by_column in gaps.values():
        if len(by_column) >= s.min_total_columns and len(set(by_column.values())) > 1:
            return (f"合计行与各行之和在 {len(by_column)} 列都不相等且差额各不相同"
                    f"（可能漏读或重复读了若干行，如跨页续表）")
    return ""


def _most_fail(errors: list[Finding], checked: int, s: ReliabilitySettings) -> str:
    rows = {f.row for f in errors}
    if len(rows) >= s.min_failing_rows and checked and len(errors) / checked > s.max_failing_share:
        return f"{checked} 个恒等式中 {len(errors)} 个不成立，涉及 {len(rows)} 行（系统性不符，多为读取错位）"
    return ""


def unreliable_finding(trust: TableTrust) -> Finding:
    t = trust.table
    pages = sorted({r.source.page for r in t.rows if r.source.page} | ({t.source.page} if t.source.page else set()))
    where = f"第{pages[0]}–{pages[-1]}页" if len(pages) > 1 else (f"第{pages[0]}页" if pages else "")
    return finding(
        "verify.unreliable_table",
        f"{table_label(t)}{('（' + where + '）') if where else ''}读取不可靠，未据此报告错误：{trust.evidence} — "
        f"table {t.kind} could not be read reliably; no findings are raised from it",
        table=t.kind,
        source=t.source,
    )
