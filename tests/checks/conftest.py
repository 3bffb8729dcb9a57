"""Builders for rule tests: a Disclosure from a few inline table lines.

    T("expenditure", "total basic project",
      ("total", "644.06", "565.06", "79"),
      ("2080505", "52.69", "52.69", None),       # a code row; None or "" = blank cell
      ("unit:313", "644.06", "565.06", "79"),    # a unit row
      ("income.current_total", "644.06"),        # side.item (two-sided summary tables)
      ("expenditure.208", "52.69"),              # side.class code
      ("personnel_total", "1073.45"),            # a row item
      ("项目名称", "16"))                          # any other key: a named row (projects)

    D(T(...), T(...), kind="budget", claims=[C(...)], sections=["三公经费"])
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from cnbudget.checks import check_disclosure
from cnbudget.model import Claim, Column, Disclosure, Meta, Ref, Repair, Row, Section, Source, Table

_line = itertools.count(1)

_ITEMS = {
    "current_total",
    "grand_total",
    "carryover",
    "carryover_out",
    "non_fiscal_surplus",
    "surplus_distribution",
    "general_budget",
    "fiscal",
    "gov_fund",
    "state_capital",
    "special_account",
    "business",
    "operating",
    "superior_subsidy",
    "affiliated",
    "other",
    "transfer",
    "unit_funds",
}


def _row(key: str, cols: list[str], values: tuple, names: dict[str, str] | None = None) -> Row:
    vals = {c: Decimal(v.replace(",", "")) for c, v in zip(cols, values, strict=False) if v not in (None, "")}
    src = Source(line=next(_line))
    if key == "total":
        return Row(code=None, name="合计", values=vals, source=src, item="total")
    if key.startswith("unit:"):
        return Row(code=key[5:], name="某单位", values=vals, source=src, item="unit")
    if key.startswith(("income.", "expenditure.")):
        side, item = key.split(".", 1)
        code = item if item.isdigit() else None
        return Row(code=code, name=(names or {}).get(item), values=vals, source=src, side=side, item=item)
    if key in ("personnel_total", "public_total"):
        return Row(code=None, name=key, values=vals, source=src, item=key)
    if key.isdigit():
        return Row(code=key, name=(names or {}).get(key), values=vals, source=src)
    return Row(code=None, name=key, values=vals, source=src)


def T(kind: str, columns: str, *rows: tuple, title: str | None = None, unit: str | None = "万元",
      uncertain: tuple[str, ...] = (), notes: tuple[str, ...] = (), names: dict[str, str] | None = None,
      repairs: dict[str, Repair] | None = None) -> Table:
    cols = columns.split()
    built = []
    for r in rows:
        row = _row(r[0], cols, tuple(r[1:]), names)
        if repairs and r[0] in repairs:
            row = Row(**{**row.__dict__, "repairs": (repairs[r[0]],)})
        built.append(row)
    return Table(
        kind=kind,
        title=title or kind,
        unit=unit,
        columns=tuple(Column(c, c) for c in cols),
        rows=tuple(built),
        source=Source(line=next(_line)),
        notes=notes,
        uncertain=uncertain,
    )


def C(id: int, kind: str, value: str, *, ref: tuple | None = None,
      related: dict[str, int] | None = None, direction: int | None = None, unit: str | None = None,
      subject: str = "", basis: str = "current", text: str | None = None) -> Claim:
    return Claim(
        id=id,
        text=text or f"claim {id}: {kind} {value}",
        kind=kind,
        value=Decimal(value),
        unit=unit if unit is not None else ("%" if kind in ("share", "rate") else "万元"),
        subject=subject,
        source=Source(line=1000 + id),
        refers_to=Ref(*ref) if ref else None,
        direction=direction,
        related=related or {},
        basis=basis,
    )


def D(*tables: Table, kind: str = "budget", year: int = 2024, claims=(), sections=()) -> Disclosure:
    return Disclosure(
        file="test.txt",
        meta=Meta(department="测试局", year=year, kind=kind, unit="万元"),
        tables=tuple(tables),
        claims=tuple(claims),
        sections=tuple(Section(s, Source(line=i + 1)) for i, s in enumerate(sections)),
    )


def run(d: Disclosure, rule: str | None = None, against: Disclosure | None = None):
    """Findings of one rule (or all) on a disclosure."""
    report = check_disclosure(d, against=against, only={rule} if rule else None)
    return report.findings


def keys(findings) -> set[tuple]:
    return {(f.rule, f.table, f.row, f.column) for f in findings}


@pytest.fixture
def check():
    return run


def W(text: str, *, kind: str = "budget", year: int = 2024, tables=()) -> Disclosure:
    """A Disclosure read from a few lines of 情况说明 (its text and its claims, no tables needed)."""
    from cnbudget.narrative import extract_claims, extract_text
    from cnbudget.readers.text import parse_text

    doc = parse_text("示例.txt", text)
    meta = Meta(department="示例市测绘局", year=year, kind=kind, unit="万元")
    return Disclosure(file="示例.txt", meta=meta, tables=tuple(tables),
                      claims=tuple(extract_claims(doc, list(tables), meta)), text=tuple(extract_text(doc)))


def texts(findings) -> list[tuple[str, str]]:
    """(rule, severity) of each finding."""
    return [(f.rule, f.severity) for f in findings]
