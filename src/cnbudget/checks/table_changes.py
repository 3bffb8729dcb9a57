"""A stated change against the change the table itself prints.

    claim.table_rate     the rate stated with such a change against the table's change ÷ last year
                         ("会议费…增加27.84万元，增幅90.89%" where the table gives 90.91 %)
    claim.table_change   "公务接待费12.90万元，较上年减少5.86万元（31.24%）" where the 三公 table
                         prints the 公务接待费 of last year (187,500元), of this year (129,000元)
                         and the change (−58,500元): the change stated is not the table's (5.85)

Tables that print last year beside this year (the 三公 tables of 西安, comparison tables) state
each change themselves. A change whose figure the text ties to a cell of such a table is checked
against that row's change column, or its two year columns.  A sentence comparing with another base
than the table's (上年执行数, 决算) is left alone.  The stated figure is the interval its printed
digits stand for, converted to the table's unit; a gap of more than two units of the stated last
place (a change the other way aside) is a comparison with another base, not reported; a change computed from the two year figures
each rounded as the text prints them is right too (round(本年) − round(上年) may differ from
round(本年 − 上年) by one unit of the last place).  持平 and 无变化 are words, not figures: "基本
持平" is a judgment the rule does not weigh.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cnbudget.checks.common import claims_by_id
from cnbudget.checks.context import Context
from cnbudget.checks.narrative import Resolved, _scale, resolve
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt, fmt_iv, iv, percent_iv
from cnbudget.model import Claim, Disclosure, Finding
from cnbudget.numbers import Interval, decimals, parse_amount

# a comparison with another base than the year column a table prints beside this year
OTHER_BASE_RE = re.compile(r"执行|决算|实际|调整")
_FIGURE_UNIT_RE = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)?")


def _table_change(c: Claim, by_id: dict[int, Claim], doc: Disclosure) -> _TableChange | None:
    """The table's change for a change tied to a cell whose row prints its change or last year."""
    cur = by_id.get(c.related.get("current", -1))
    ref = c.refers_to or (cur.refers_to if cur is not None else None)
    if ref is None:
        return None
    res = resolve(doc, ref)
    if res is None or res.row is None or res.shown is None:
        return None
    values, col, t = res.row.values, res.column, res.table
    k = _scale(c.unit, t, doc)
    if k is None:
        return None
    if (v := values.get("change." + col)) is not None:
        change, before = iv(t, v), res.shown - v
    elif (before := values.get("previous." + col)) is not None:
        change = iv(t, res.shown) - iv(t, before)
    else:
        return None
    return _TableChange(change, k, col, res, res.shown, before)


@dataclass(frozen=True)
class _TableChange:
    change: Interval  # in the table's unit
    k: Decimal  # the claim's unit in the table's
    column: str
    cell: Resolved
    now: Decimal
    before: Decimal

    def of_rounded_years(self, places: int) -> Decimal:
        """This year − last year, each rounded to the stated places in the claim's unit: the
        change a text computes from the two figures it prints (a legitimate way too)."""
        q = Decimal(1).scaleb(-places)
        return (self.now / self.k).quantize(q, ROUND_HALF_UP) - (self.before / self.k).quantize(q, ROUND_HALF_UP)


def _unit_printed(c: Claim) -> bool:
    """Whether the text prints the change's figure with its unit (a figure without one is read in
    the document's unit, which may not be the one meant: wording.money_unit's matter)."""
    for m in _FIGURE_UNIT_RE.finditer(c.text):
        if m.group("unit") and parse_amount(m.group("num")) == abs(c.value):
            return True
    return False


@rule(
    "claim.table_change",
    severity="error",
    description="所述变动额与表中同一行所列的增减数（或本年 − 上年）不符 — a stated change differs from the change its table prints",
)
def table_changes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind != "change" or not c.direction or OTHER_BASE_RE.search(c.text) or not _unit_printed(c):
            continue  # 持平 / 无变化 (a word, "基本持平" a judgment), another base, a figure without unit
        found = _table_change(c, by_id, doc)
        if found is None:
            continue
        ctx.checked()
        signed = abs(c.value) * c.direction
        stated = Interval.of(abs(c.value)).scale(found.k)
        if c.direction < 0:
            stated = -stated
        if stated.meets(found.change) or signed == found.of_rounded_years(decimals(c.value)):
            continue
        if not _a_slip(signed, found, decimals(c.value)):
            continue  # a gap of more than a slip: the sentence compares with another base (scope)
        change, col, res, k = found.change, found.column, found.cell, found.k
        word = "增加" if c.direction > 0 else "减少"
        shown = change.scale(1 / k)
        yield finding(
            "claim.table_change",
            f"所述{c.subject or ''}{word} {fmt(abs(c.value))}{c.unit}，而{res.table.title or res.table.kind}该行所列增减为 "
            f"{fmt_iv(shown)}{c.unit} — the stated change differs from the change its table prints",
            table=res.table.kind,
            row=res.row.code or res.row.item or res.row.name,
            column=col,
            expected=shown.mid.quantize(Decimal("0.01")),
            actual=c.value * c.direction,
            source=c.source,
            text=c.text,
        )


@rule(
    "claim.table_rate",
    severity="error",
    description="所述增长（下降）率与表中同一行的增减数 ÷ 上年数不符 — a stated rate differs from the rate its table's figures give",
)
def table_rates(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for r in doc.claims:
        change = by_id.get(r.related.get("change", -1)) if r.kind == "rate" else None
        if change is None or not change.direction or not r.direction or OTHER_BASE_RE.search(r.text):
            continue
        if not _follows_from_text(r, change, by_id):
            continue  # a rate its own sentence's figures do not give: claim.rate's (or rate_wrong_base's)
        found = _table_change(change, by_id, doc)
        if found is None or found.before <= 0:
            continue
        if not _a_slip(abs(change.value) * change.direction, found, decimals(change.value)):
            continue  # the sentence's change is of another base than the table's: not the rate's matter
        ctx.checked()
        exact = percent_iv(found.change.scale(Decimal(change.direction)), iv(found.cell.table, found.before))
        if exact is None or Interval.of(abs(r.value)).meets(exact):
            continue
        # the rate of the two year figures as the text rounds them is a legitimate way too
        places = decimals(change.value)
        q = Decimal(1).scaleb(-places)
        before = (found.before / found.k).quantize(q, ROUND_HALF_UP)
        rounded = abs(found.of_rounded_years(places)) / before * 100 if before else None
        if rounded is not None and Interval.of(abs(r.value)).meets(Interval.exact(rounded)):
            continue
        grow = "增长" if r.direction > 0 else "下降"
        yield finding(
            "claim.table_rate",
            f"所述{r.subject or ''}{grow} {fmt(abs(r.value))}%，而{found.cell.table.title or found.cell.table.kind}该行增减 ÷ 上年为 "
            f"{fmt_iv(exact)}% — the stated rate differs from the rate its table's figures give",
            table=found.cell.table.kind,
            row=found.cell.row.code or found.cell.row.item or found.cell.row.name if found.cell.row else None,
            column=found.column,
            expected=exact.mid.quantize(Decimal("0.01")),
            actual=r.value,
            source=r.source,
            text=r.text,
        )


def _follows_from_text(r: Claim, change: Claim, by_id: dict[int, Claim]) -> bool:
    """Whether the stated rate is what the sentence's own change and current figure give."""
    current = by_id.get(change.related.get("current", -1))
    if current is None or current.unit != change.unit:
        return False
    moved = Interval.of(abs(change.value))
    before = Interval.of(abs(current.value)) - (moved if (change.direction or 0) > 0 else -moved)
    own = percent_iv(moved, before)
    return own is not None and Interval.of(abs(r.value)).meets(own)


# A stated change this many units of its last place from the table's is a slip of computing or
# copying; one further off, in a sentence whose figures agree with each other, compares with
# another last-year figure than the table's (上年年初预算 against an adjusted one): a matter of
# scope, not reported.  A change printed the other way (增加 for a fall) is a slip at any size.
SLIP_UNITS = 2


def _a_slip(signed: Decimal, found: _TableChange, places: int) -> bool:
    """Whether the stated change (signed, in the claim's unit) is within SLIP_UNITS of the table's,
    or is the table's printed the other way."""
    table = found.change.scale(1 / found.k).mid
    unit = Decimal(1).scaleb(-places)
    return abs(signed - table) <= SLIP_UNITS * unit or abs(abs(signed) - abs(table)) <= SLIP_UNITS * unit
