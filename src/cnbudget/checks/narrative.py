"""Rules on the 情况说明: the figures it states against the tables and against each other.

    claim.amount           a stated amount = the table figure it refers to (Claim.refers_to)
    claim.share            占 x% = part ÷ whole (related ``part`` / ``whole``)
    claim.rate             增长/下降 y% = change ÷ (current − change)
    claim.rate_wrong_base  y% = change ÷ current: the rate was computed on this year's figure
                           instead of last year's (增长率按本年数而非上年数计算)
    claim.rate_zero_base   a rate stated where this year's figure is all increase (上年为 0): no
                           rate can be computed (info)
    claim.count            a stated number of projects (预算项目共 N 个) = the projects listed
    claim.components       the listed reasons of a change (主要原因: A 减少 x, B 增加 y) add up to it
    claim.reason_direction the one reason given for a change goes the other way ("增加80.80万元，
                           主要是因公赴港澳经费减少3.20万元"; "减少21.15万元，主要原因是本年度新增车辆")
    claim.change           with last year's disclosure: stated changes and rates = this year − last year

A share or rate that misses by one unit of its last printed digit is a warning (尾差调整), not
an error (``CheckSettings.near_miss_digits``).  Where last year's figure is 0 ("增长100%" for a
new item) no rate can be computed: claim.rate_zero_base says so, as info.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Any

from cnbudget.checks.common import TABLE_PART, claims_by_id, could_not_verify, text_blocks, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.sentences import decimal_slip
from cnbudget.checks.values import (
    EXACT_ZERO,
    UNIT_SCALE,
    blocked,
    class_totals,
    col_label,
    data_rows,
    fmt,
    fmt_iv,
    iv,
    iv_sum,
    last_place,
    level_and_parent,
    near_miss,
    percent_iv,
    rounding_tail,
    siblings_carry_tail,
    table_label,
    top_rows,
)
from cnbudget.checks.within_table import PERSONNEL_CLASSES, PUBLIC_CLASSES
from cnbudget.model import Claim, Disclosure, Finding, Ref, Row, Table
from cnbudget.numbers import Interval, decimals

_BASIS_COLUMNS = ("budget.", "actual.", "initial_budget", "final_budget", "executed")


@dataclass(frozen=True)
class Resolved:
    table: Table
    row: Row | None
    column: str
    interval: Interval
    shown: Decimal | None  # the printed figure, when the interval is one cell
    substituted: bool = False  # read from a column of another name (本年收入合计 ↔ 合计)


_SYNONYMS = {"current_total": ("total",), "total": ("current_total",)}


# A figure whose own table a layout leaves out, printing it as a column of another: 深圳 prints
# the 政府采购 total as a column of the 支出总表, with no 政府采购预算表
_PRINTED_ELSEWHERE = {("procurement", "total", "total"): Ref("expenditure", "total", "procurement")}


def resolve_all(doc: Disclosure, ref: Ref) -> list[Resolved]:
    """Every table figure a claim may refer to (a summary item without a side: either side)."""
    elsewhere = _PRINTED_ELSEWHERE.get((ref.table, ref.row, ref.column or "total"))
    if elsewhere is not None and doc.table(ref.table) is None:
        t = doc.table(elsewhere.table)
        if t is not None and any(c.id == elsewhere.column for c in t.columns):
            ref = elsewhere
    out: list[Resolved] = []
    want = ref.column or "total"
    side = getattr(ref, "side", None)
    for t in doc.tables_of(ref.table):
        cols = {c.id for c in t.columns}
        col = want if want in cols else next((c for c in _SYNONYMS.get(want, ()) if c in cols), want)
        found = []
        for row in _find_rows(t, ref.row, side):
            v = row.values.get(col)
            if v is None and col not in cols:
                continue
            found.append(Resolved(t, row, col, iv(t, v), v, substituted=col != want))
        if not found:
            agg = _aggregate(t, ref.row, want)
            if agg is not None:
                found.append(agg)
        out.extend(found)
    return out


def resolve(doc: Disclosure, ref: Ref) -> Resolved | None:
    found = resolve_all(doc, ref)
    return next((r for r in found if r.shown is not None), found[0] if found else None)


def _aggregate(t: Table, key: str | None, col: str) -> Resolved | None:
    """A figure the table implies but does not print on one line."""
    cols = {c.id for c in t.columns}
    if t.kind == "basic_expenditure" and key in (None, "total") and col in ("personnel", "public") and col not in cols:
        classes = PERSONNEL_CLASSES if col == "personnel" else PUBLIC_CLASSES
        group = next((r for r in t.rows if r.item == f"{col}_total" and r.values), None)
        if group is not None:
            v = next(iter(group.values.values()))
            return Resolved(t, group, col, iv(t, v), v)
        rows = [r for r in data_rows(t) if len(r.code or "") == 3 and (r.code or "") in classes]
        vals = [r.values.get("total") for r in rows]
        if rows and any(v is not None for v in vals):
            return Resolved(t, rows[0], col, iv_sum(t, vals), None)
        return None
    if col not in cols and col != "total":
        return None
    if key in (None, "total"):
        groups = [r for r in t.rows if r.item in ("personnel_total", "public_total") and r.values]
        if t.kind == "basic_expenditure" and len(groups) >= 2:
            vals = [next(iter(r.values.values())) for r in groups]
            return Resolved(t, groups[0], col, iv_sum(t, vals), None)
        top = top_rows(data_rows(t))
        vals = [r.values.get(col) for r in top]
        if any(v is not None for v in vals):
            return Resolved(t, top[0], col, iv_sum(t, vals), None)
        return None
    if key.isdigit() and key[:1] in "23":
        # a 类 or 款 not printed as its own row (budget layout): add up its rows
        rows = [r for r in data_rows(t) if (r.code or "").startswith(key) and r.code != key]
        if not rows:
            return None
        if len(key) == 3:
            vals, first = class_totals(t, col).get(key, ([], None))
            if vals:
                return Resolved(t, first, col, iv_sum(t, vals), vals[0] if len(vals) == 1 else None)
        shortest = min(len(r.code or "") for r in rows)
        top = [r for r in rows if len(r.code or "") == shortest]
        vals = [r.values.get(col) for r in top]
        return Resolved(t, top[0], col, iv_sum(t, vals), vals[0] if len(vals) == 1 else None)
    return None


def _find_rows(t: Table, key: str | None, ref_side: str | None = None) -> list[Row]:
    if key is not None and key.startswith(Ref.NAME_PREFIX):
        name = key[len(Ref.NAME_PREFIX):]
        return [r for r in t.rows if r.item is None and r.name and Ref.name_key(r.name) == name]
    if key is None or key == "total":
        tr = t.total_row()
        if tr is not None:
            return [tr]
        return [t.rows[0]] if len(t.rows) == 1 else []
    side = ref_side
    item = key
    for sep in (".", ":"):
        if sep in key and key.split(sep, 1)[0] in ("income", "expenditure"):
            side, item = key.split(sep, 1)
    return [
        r
        for r in t.rows
        if (side is None or r.side == side) and (r.item == item or (r.code == item and r.item != "unit"))
    ]


def _scale(claim_unit: str, table: Table, doc: Disclosure) -> Decimal | None:
    """Factor turning a claim's figure into the table's unit; ``None`` when unknown."""
    tu = table.unit or doc.meta.unit
    if not claim_unit or tu is None:
        return Decimal(1) if not claim_unit or claim_unit == tu else None
    if claim_unit not in UNIT_SCALE or tu not in UNIT_SCALE:
        return None
    return UNIT_SCALE[claim_unit] / UNIT_SCALE[tu]


def _cut_when_converted(stated: Decimal, shown: Decimal | None, k: Decimal) -> bool:
    """A table in 元 stated in 万元 cut, not rounded, at the printed places (936,647,884.33元 as
    93,664.78万元): the same figure, the narrative's last place dropped rather than rounded."""
    if shown is None or k <= 1:
        return False
    places = Decimal(1).scaleb(min(stated.as_tuple().exponent, 0))
    return (shown / k).quantize(places, rounding=ROUND_DOWN) == stated


def _tail_moved_onto(doc: Disclosure, c: Claim, res: Resolved, k: Decimal) -> bool:
    """A table in 元 stated in 万元, ``c``'s last place raised or dropped rather than rounded
    (53,300,945元 as 5,331万元) where the narrative states every row of its level and moved their
    rounding tail onto one: the stated rows add up to their parent rounded (5,331 + 102 + 51 =
    5,484, the total 5,483.70), the rows rounded one by one would not (5,330 + 102 + 51).  The
    stated figure is still not the table's: the finding stays an error and says why."""
    if k <= 1 or res.shown is None or c.refers_to is None:
        return False
    places = Decimal(1).scaleb(min(c.value.as_tuple().exponent, 0))
    if c.value not in {(res.shown / k).quantize(places, rounding=way) for way in (ROUND_UP, ROUND_DOWN)}:
        return False
    level, parent = level_and_parent(res.table, res.row, res.column)
    if parent is None or len(level) < 2:
        return False
    ref = c.refers_to
    stated: dict[str, Decimal] = {}
    for o in doc.claims:
        r = o.refers_to
        if o.kind == "amount" and o.basis == "current" and o.unit == c.unit and r is not None \
                and (r.table, r.column, r.side) == (ref.table, ref.column, ref.side):
            stated.setdefault(r.row, o.value)
    if any(r.code not in stated for r in level):
        return False  # a row of the level not stated: nothing to say of the tail

    def rounded(v: Decimal) -> Decimal:
        return (v / k).quantize(places, rounding=ROUND_HALF_UP)

    total = sum((stated[r.code] for r in level if r.code), Decimal(0))
    return total == rounded(parent.values[res.column]) and total != sum(
        (rounded(r.values[res.column]) for r in level), Decimal(0))


def _claim_place(c: Claim) -> dict[str, Any]:
    """Where a finding on a stated figure points: its sentence, and the table cell it was read as."""
    ref = c.refers_to
    return {"source": c.source, "text": c.text, "table": ref.table if ref else None, "row": ref.row if ref else None}


def _civ(c: Claim) -> Interval:
    return Interval.of(abs(c.value))


# --------------------------------------------------------------------------- claim.amount


def _comparable(c: Claim) -> bool:
    if c.refers_to is None:
        return False
    col = c.refers_to.column or ""
    if c.basis == "current":
        return True
    return any(col.startswith(b) for b in _BASIS_COLUMNS)


@rule(
    "claim.amount",
    severity="error",
    description="情况说明所述金额与其所指表格数字一致 — a stated amount equals the table figure it refers to",
)
def amounts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for c in doc.claims:
        if c.kind != "amount" or not _comparable(c):
            continue
        if "运行经费" in (c.subject or "") or "运转经费" in (c.subject or ""):
            continue  # 机关运行经费 covers administrative units only: inclusion.running_costs weighs it
        assert c.refers_to is not None
        found = resolve_all(doc, c.refers_to)
        if not found:
            if c.value != 0 and doc.table(c.refers_to.table) is not None:
                yield could_not_verify(
                    ctx, f"“{c.text[:40]}”", f"表中未找到 {c.refers_to.row}/{c.refers_to.column}", doc.table(c.refers_to.table)
                )
            continue
        res = next((r for r in found if r.shown is not None), found[0])
        why = blocked(res.table, [res.column], need_unit=True)
        if why:
            yield could_not_verify(ctx, f"“{c.subject}”金额", f"列或单位未确定（{why}）", res.table)
            continue
        k = _scale(c.unit, res.table, doc)
        if k is None:
            yield could_not_verify(ctx, f"“{c.subject}”金额", f"单位不明（说明为{c.unit}，表为{res.table.unit}）", res.table)
            continue
        ctx.checked()
        stated = Interval.of(c.value).scale(k)
        if any(stated.meets(r.interval) for r in found) or (c.value == 0 and all(r.shown is None for r in found)):
            continue
        if all(r.substituted for r in found):
            yield could_not_verify(ctx, f"“{c.subject}” {fmt(c.value)}", f"表中未单列 {c.refers_to.column}", res.table)
            continue
        table_fig = fmt(res.shown) if res.shown is not None else fmt_iv(res.interval)
        # the table prints the exact sum of its own rounded parts; the narrative the rounding of
        # the same figure (or the reverse): 尾差, said as info
        tail = (k == 1 and (rounding_tail(res.table, res.row, res.shown, c.value) or (
            res.shown is not None and abs(res.shown - c.value) == last_place(res.shown)
            and siblings_carry_tail(res.table, res.row, res.column))))
        moved = not tail and _tail_moved_onto(doc, c, res, k)
        cut = not tail and not moved and _cut_when_converted(c.value, res.shown, k)
        # the table's digits printed with another unit ("1,234.56元" for 1,234.56 万元)
        slip = k != 1 and res.shown is not None and Interval.of(c.value).meets(Interval.of(res.shown))
        yield finding(
            "claim.amount",
            f"情况说明称{c.subject or ''} {fmt(c.value)}{c.unit}，{table_label(res.table)}"
            f"{'“' + (res.row.name or res.row.code or '') + '”' if res.row is not None else ''}"
            f"{'“' + col_label(res.table, res.column) + '”栏' if c.refers_to.table != res.table.kind else ''}为 {table_fig}"
            f"{res.table.unit or ''}" + ("，差额为四舍五入尾差 — a rounding tail" if tail
                                         else "，折算为万元后未按四舍五入，同级各项之和恰为合计，疑为凑齐合计而调整了此项尾数"
                                         " — the rounding tail of its level moved onto it" if moved
                                         else "，折算为万元时截去末位而未四舍五入 — cut, not rounded, when converted"
                                         if cut
                                         else f"：数字相同，单位应为{res.table.unit or doc.meta.unit} — the amount is printed in the wrong unit"
                                         if slip else " — stated amount differs from the table"),
            severity="info" if tail or cut else None,
            table=res.table.kind,
            row=c.refers_to.row,
            column=res.column,
            expected=res.shown if res.shown is not None else res.interval.mid.quantize(Decimal("0.01")),
            actual=c.value,
            source=c.source,
            text=c.text,
        )


# --------------------------------------------------------------------------- claim.share


@rule(
    "claim.share",
    severity="error",
    description="所述占比 = 部分 ÷ 整体 — a stated share equals part ÷ whole",
)
def shares(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind != "share":
            continue
        part, whole = by_id.get(c.related.get("part", -1)), by_id.get(c.related.get("whole", -1))
        if part is None or whole is None:
            continue
        if part.unit != whole.unit and part.unit and whole.unit:
            continue
        q = percent_iv(_civ(part), _civ(whole))
        if q is None:
            continue
        ctx.checked()
        printed = Interval.of(c.value)
        if printed.meets(q):
            continue
        near = near_miss(q, c.value, ctx.settings.near_miss_digits)
        yield finding(
            "claim.share",
            f"所述占比 {fmt(c.value)}% 与 {fmt(part.value)} ÷ {fmt(whole.value)} = {fmt_iv(q)}% 不符"
            f"{'（末位相差一个单位，可能为凑足100%的尾差调整）' if near else ''} — stated share differs from part/whole",
            severity="warning" if near else None,
            table=None,
            expected=q.mid.quantize(Decimal("0.01")),
            actual=c.value,
            source=c.source,
            text=c.text,
        )


# --------------------------------------------------------------------------- rates


@dataclass(frozen=True)
class RateCase:
    rate: Claim
    change: Interval
    current: Interval
    direction: int
    expected: Interval | None  # change ÷ (current − change)
    on_current: Interval | None  # change ÷ current
    flipped: Interval | None  # change ÷ (current + change): the direction taken the wrong way
    prev: Interval
    # the rate with a whole-number change read at the current figure's decimals ("1.10 万元，减少
    # 25 万元" means 25.00): None when the change has decimals of its own
    wide: Interval | None
    change_value: Decimal
    current_value: Decimal | None


def _rate_cases(doc: Disclosure) -> Iterator[RateCase]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind != "rate":
            continue
        ch = by_id.get(c.related.get("change", -1))
        if ch is None:
            continue
        direction = c.direction if c.direction is not None else (ch.direction if ch.direction is not None else 1)
        if direction == 0:
            continue
        cur_claim = by_id.get(c.related.get("current", -1)) or by_id.get(ch.related.get("current", -1))
        cur_iv: Interval | None = None
        cur_val: Decimal | None = None
        if cur_claim is not None:
            cur_iv, cur_val = _civ(cur_claim), abs(cur_claim.value)
        else:
            ref = c.refers_to or ch.refers_to
            res = resolve(doc, ref) if ref is not None else None
            if res is not None and res.shown is not None:
                cur_iv, cur_val = res.interval, res.shown
        if cur_iv is None:
            continue
        chg = _civ(ch)
        prev = cur_iv - chg if direction > 0 else cur_iv + chg
        if prev.hi <= 0 or prev.lo <= 0:
            continue  # last year was 0 (a new item): "增长100%" is a convention, not a rate
        flipped_prev = cur_iv + chg if direction > 0 else cur_iv - chg
        yield RateCase(
            rate=c,
            change=chg,
            current=cur_iv,
            direction=direction,
            expected=rate_iv(chg, cur_iv, direction),
            on_current=percent_iv(chg, cur_iv),
            flipped=percent_iv(chg, flipped_prev) if flipped_prev.lo > 0 else None,
            prev=prev,
            wide=_wide_rate(ch, cur_val, cur_iv, direction),
            change_value=abs(ch.value),
            current_value=cur_val,
        )


def _wide_rate(ch: Claim, cur_val: Decimal | None, cur_iv: Interval, direction: int) -> Interval | None:
    places = decimals(cur_val) if cur_val is not None else 0
    if decimals(ch.value) or not places:
        return None
    r = Decimal(5).scaleb(-places - 1)
    return rate_iv(Interval(abs(ch.value) - r, abs(ch.value) + r), cur_iv, direction)


def rate_iv(change: Interval, current: Interval, direction: int) -> Interval | None:
    """The rates (in %) that figures printed as ``change`` and ``current`` can give: change ÷
    (current ∓ change), last year's figure being this year's less the change.  The two share the
    change, so the bounds come from the corners (the rate rises with the change, falls with this
    year's figure); last year's figure taken as an interval of its own would admit rates no pair
    of figures gives.  ``None`` where last year's figure may be 0 or less."""
    sign = -1 if direction > 0 else 1
    low_base, high_base = current.hi + sign * change.lo, current.lo + sign * change.hi
    if low_base <= 0 or high_base <= 0:
        return None
    return Interval(change.lo / low_base * 100, change.hi / high_base * 100)


def _prev_shown(case: RateCase, expected: Interval) -> str:
    if expected is case.wide and case.current_value is not None:
        return fmt(case.current_value - case.direction * case.change_value)
    return fmt_iv(case.prev)


def _word(direction: int) -> tuple[str, str]:
    return ("增加", "增长") if direction > 0 else ("减少", "下降")


@rule(
    "claim.rate",
    severity="error",
    description="增长/下降率 = 变动额 ÷ (本年数 − 变动额) — a stated growth rate equals change ÷ last year's figure",
)
def rates(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for case in _rate_cases(doc):
        if case.expected is None:
            continue
        ctx.checked()
        stated = Interval.of(case.rate.value)
        expected, why = case.expected, ""
        if stated.meets(case.expected):
            if case.wide is None or stated.meets(case.wide):
                continue
            # only the whole-number change read at the current figure's decimals shows the gap
            expected, why = case.wide, f"（变动额 {fmt(case.change_value)} 按 {decimals(case.current_value or Decimal(0))} 位小数理解）"
        if case.on_current is not None and stated.meets(case.on_current):
            continue  # claim.rate_wrong_base reports it
        inc, grow = _word(case.direction)
        if case.flipped is not None and stated.meets(case.flipped):
            why = f"；所述比率似按“本年数{'+' if case.direction > 0 else '−'}变动额”作上年数计算（方向弄反）"
        if not why:
            why = decimal_slip(case.rate.value, expected)
        near = (not why or expected is case.wide) and near_miss(expected, case.rate.value, ctx.settings.near_miss_digits)
        if near:
            why += "（末位相差一个单位）"
        yield finding(
            "claim.rate",
            f"所述{inc} {fmt(case.change_value)}、{grow} {fmt(case.rate.value)}% 与金额不符：本年 {fmt(case.current_value)}，"
            f"上年应为 {_prev_shown(case, expected)}，{grow}率应为 {fmt_iv(expected)}%{why} — stated rate does not follow "
            f"from the amounts",
            severity="warning" if near or expected is case.wide else None,
            expected=expected.mid.quantize(Decimal("0.01")),
            actual=case.rate.value,
            **_claim_place(case.rate),
        )


@rule(
    "claim.rate_wrong_base",
    severity="error",
    description="增长率按本年数而非上年数计算 — a growth rate computed on this year's figure instead of last year's",
)
def rate_wrong_base(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for case in _rate_cases(doc):
        if case.expected is None or case.on_current is None:
            continue
        ctx.checked()
        stated = Interval.of(case.rate.value)
        if stated.meets(case.expected) or not stated.meets(case.on_current):
            continue
        inc, grow = _word(case.direction)
        yield finding(
            "claim.rate_wrong_base",
            f"增长率按本年数而非上年数计算：{inc} {fmt(case.change_value)} ÷ 本年 {fmt(case.current_value)} = "
            f"{fmt_iv(case.on_current)}%，即所述 {fmt(case.rate.value)}%；按上年 {fmt_iv(case.prev)} 计算，"
            f"{grow}率应为 {fmt_iv(case.expected)}% — rate computed on this year's figure, not last year's",
            expected=case.expected.mid.quantize(Decimal("0.01")),
            actual=case.rate.value,
            **_claim_place(case.rate),
        )


@rule(
    "claim.rate_zero_base",
    severity="info",
    description="上年数为 0 时增长率无法计算（所述“增长100%”） — a growth rate stated on a base of zero",
)
def rate_zero_base(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        ch = by_id.get(c.related.get("change", -1)) if c.kind == "rate" else None
        if ch is None or c.value == 0 or (c.direction if c.direction is not None else ch.direction) != 1:
            continue
        cur = by_id.get(c.related.get("current", -1)) or by_id.get(ch.related.get("current", -1))
        if cur is None or cur.value == 0:
            continue
        ctx.checked()
        # this year's figure stated, and its whole is the increase: last year's was 0
        if abs(cur.value) != abs(ch.value) or cur.unit != ch.unit:
            continue
        yield finding(
            "claim.rate_zero_base",
            f"本年 {fmt(cur.value)}{cur.unit}、增加 {fmt(ch.value)}{ch.unit}，上年数为 0，增长率无法计算，"
            f"所述 {fmt(c.value)}% 无意义（可写“上年为0，无法计算增减比率”） — a growth rate on a base of zero",
            actual=c.value,
            **_claim_place(c),
        )


# --------------------------------------------------------------------------- components


def _money_reasons(change: Claim, reasons: list[Claim]) -> list[Claim]:
    """The reasons that are amounts of money (a count — "减少6辆" — is a reason, not a part of
    the sum), without the change restated among them ("预算支出减少322339.69万元")."""
    if change.unit not in UNIT_SCALE:
        return []
    whole = abs(change.value) * UNIT_SCALE[change.unit]
    return [p for p in reasons if p.unit in UNIT_SCALE and abs(p.value) * UNIT_SCALE[p.unit] != whole]


def _signed(v: Decimal, direction: int | None, places: int) -> Interval:
    """The interval of a stated change, read at no fewer than ``places`` decimals, with its sign."""
    r = Decimal(5).scaleb(-max(places, decimals(v)) - 1)
    i = Interval(abs(v) - r, abs(v) + r)
    return i if (direction if direction is not None else 1) >= 0 else -i


@rule(
    "claim.components",
    severity="warning",
    description="变动原因所列各项之和应等于变动额 — the listed components of a change add up to it",
)
def components(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind != "change":
            continue
        if any(k.startswith(("unsigned_reason", "unquantified_reason")) for k in c.related):
            # a reason stated as a bare amount ("2021年度A预算20万元") has no sign to add, one named
            # without its figure ("A未安排预算、B减少4.1亿元") no figure: the listed reasons cannot
            # be summed, whatever the others are
            continue
        comps = _money_reasons(c, [by_id[i] for k, i in sorted(c.related.items())
                                   if k.startswith("component") and i in by_id])
        if len(comps) < 2:
            continue
        # a reason printed "27" beside "9.35" most likely means 27.00: read whole numbers at the
        # statement's widest decimals, and say so when only that reading shows the gap
        places = max(decimals(x.value) for x in (c, *comps))

        d0 = c.direction if c.direction is not None else 1
        ctx.checked()
        for wide in (False, True):
            total = EXACT_ZERO
            for p in comps:
                k = UNIT_SCALE[p.unit] / UNIT_SCALE[c.unit] if p.unit != c.unit else Decimal(1)
                total = total + _signed(p.value, p.direction, places if wide and k == 1 else 0).scale(k)
            stated = _signed(c.value, d0, places if wide else 0)
            if not stated.meets(total):
                break
        else:
            continue
        listed = "，".join(f"{p.subject or ''}{_word(p.direction or 1)[0]}{fmt(abs(p.value))}"
                           f"{p.unit if p.unit != c.unit else ''}" for p in comps)
        note = f"（整数按 {places} 位小数理解）" if wide else ""
        yield finding(
            "claim.components",
            f"变动 {_word(d0)[0]} {fmt(abs(c.value))}{c.unit}，所列原因（{listed}）合计为 {fmt_iv(total)}{note}，"
            f"相差 {fmt_iv(stated - total)} — the listed reasons do not add up to the change",
            expected=total.mid.quantize(Decimal("0.01")),
            actual=c.value * d0,
            source=c.source,
            text=c.text,
        )


# "增加80.80万元，主要是因公赴港澳经费减少3.20万元。", "减少21.15万元，下降48.96%，主要原因是本年度
# 新增车辆。": the change, then its one reason as one clause to the sentence's end (also as the next
# sentence: "减少720.42万元，减少6.45%。主要原因是…").  A reason that runs over commas
# ("主要原因是：一是…，二是…", "主要是A于年初安排，而B…实际减少…") may name others or compare with
# another base, and is judged only where it closes on its effect ("缴费基数调整，人员增加": the last
# clause ends with the direction word) and is no enumeration (一是…).
_SOLE_REASON_RE = re.compile(
    r"(?P<word>增加|减少|增长|下降)了?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元|%)"
    # up to 主要原因 no other change is stated ("增加406.39万元，其中基本支出减少19.11万元，主要是…": the
    # reason is the 减少's)
    r"(?:(?!增加|减少|增长|下降)[^。;])*?(?:。\s*)?"
    r"(?:主要(?:原因)?|原因)(?:是|为|系|在于)\s*:?\s*(?P<reason>[^;:。]{2,40})(?=[。;]|$)"
)
# a reason over commas that closes on its effect: its last clause ends with the direction word
_CLOSING_EFFECT_RE = re.compile(r",[^,]*(?:增加|新增|增长|提高|上涨|上升|增多|扩大|减少|下降|降低|压减|缩减|核减|压缩|调减)$")
# a reason that enumerates ("一是…", "1.…", "首先…"): its clauses are several reasons
_ENUMERATED_RE = re.compile(r"^(?:一是|第一|首先|\d+[.、])")
_REASON_UP_RE = re.compile(r"增加|新增|增长|提高|上涨|上升|增多|扩大")
_REASON_DOWN_RE = re.compile(r"减少|下降|降低|压减|节约|缩减|核减|压缩|调减")
# words that turn a reason around or put it in another year: "未新增", "上年新增车辆" (so this
# year has none), "不再增加", "零增长", "增加的项目到期" — then the reason may well explain the change
_REASON_TURNED_RE = re.compile(r"未|不|无|没|零增长|停|取消|报废|到期|结束|完成|上年|去年|往年|以前|上一年")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def reason_against_change(change_word: str, reason: str, year: int | None = None) -> bool:
    """Does a sole reason clause speak only of the other direction than its change?  A year
    other than the document's own (``year``) puts the reason in another year."""
    if _REASON_TURNED_RE.search(reason) or any(int(y) != year for y in _YEAR_RE.findall(reason)):
        return False
    up, down = _REASON_UP_RE.search(reason), _REASON_DOWN_RE.search(reason)
    if change_word in ("减少", "下降"):
        return bool(up) and not down
    return bool(down) and not up


@rule(
    "claim.reason_direction",
    severity="warning",
    description="变动的唯一原因与变动方向相反（增加80.80万元，主要是…减少3.20万元；减少…主要原因是新增车辆） — the only reason given goes the other way",
)
def reason_directions(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in text_blocks(doc, skip_parts=(TABLE_PART, "profile", "glossary")):
        if b.heading or "原因" not in b.text and "主要" not in b.text:
            continue  # a sole reason is announced with 主要 or 原因
        for m in _SOLE_REASON_RE.finditer(b.text):
            ctx.checked()
            reason = m.group("reason").strip()
            if "," in reason and (not _CLOSING_EFFECT_RE.search(reason) or _ENUMERATED_RE.match(reason)):
                continue
            if not reason_against_change(m.group("word"), reason, doc.meta.year):
                continue
            yield text_finding(
                "claim.reason_direction",
                f"所述{m.group('word')} {m.group('num')}{m.group('unit')}，所列唯一原因却是“{m.group('reason').strip()}”，"
                "方向相反 — the only reason given goes the other way than the change",
                b, m.start(), m.end(),
            )


# --------------------------------------------------------------------------- against last year


@rule(
    "claim.change",
    severity="error",
    needs_against=True,
    description="与上年公开文件对照：所述变动额、变动率 = 本年 − 上年 — stated changes agree with last year's disclosure",
)
def changes_vs_last_year(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    last = ctx.against
    assert last is not None
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind not in ("change", "rate"):
            continue
        ref = c.refers_to
        cur_claim = by_id.get(c.related.get("current", -1))
        if ref is None and cur_claim is not None:
            ref = cur_claim.refers_to
        if ref is None:
            continue
        now, before = resolve(doc, ref), resolve(last, ref)
        if now is None or before is None or now.shown is None or before.shown is None:
            if before is None and now is not None:
                yield could_not_verify(ctx, f"“{c.text[:30]}”", f"上年文件中未找到 {ref.table}/{ref.row}", None)
            continue
        d = c.direction if c.direction is not None else 1
        delta = now.interval - before.interval
        ctx.checked()
        if c.kind == "change":
            stated = Interval.of(abs(c.value)) if d >= 0 else -Interval.of(abs(c.value))
            if stated.meets(delta):
                continue
            msg = (f"所述{_word(d)[0]} {fmt(abs(c.value))}，但本年 {fmt(now.shown)} − 上年 {fmt(before.shown)} = "
                   f"{fmt_iv(delta)} — stated change differs from last year's disclosure")
            expected = delta.mid.quantize(Decimal("0.01"))
        else:
            q = percent_iv(delta, before.interval)
            if q is None:
                continue
            stated = Interval.of(abs(c.value)) if d >= 0 else -Interval.of(abs(c.value))
            if stated.meets(q):
                continue
            msg = (f"所述{_word(d)[1]} {fmt(abs(c.value))}%，但按上年 {fmt(before.shown)}、本年 {fmt(now.shown)} "
                   f"计算为 {fmt_iv(q)}% — stated rate differs from last year's disclosure")
            expected = q.mid.quantize(Decimal("0.01"))
        yield finding(
            "claim.change",
            msg,
            table=ref.table,
            row=ref.row,
            column=now.column,
            expected=expected,
            actual=c.value * d,
            source=c.source,
            text=c.text,
        )


# --------------------------------------------------------------------------- counts

_PROJECT_COUNT_RE = re.compile(r"^(本部门|我单位|本单位|部门)?(\d{4}年)?(财政拨款安排的)?(预算)?(支出)?"
                               r"(特定目标类|其他运转类)?(预算支出100万元及100万元以上)?(重点)?项目$")


def _project_rows(t: Table, subject: str, sentence: str) -> list[Row]:
    rows = [r for r in t.rows if r.item is None and r.values.get("total") is not None]
    for kind in ("特定目标类", "其他运转类"):
        # "特定目标类项目共6个，……其中预算支出100万元及以上项目2个": the 其中 counts the same kind
        if kind in subject or (kind in sentence and "其中" in sentence):
            rows = [r for r in rows if kind in "".join(r.texts.values())]
    if "100万元及100万元以上" in subject:
        rows = [r for r in rows if r.values["total"] >= 100]
    return rows


@rule(
    "claim.count",
    severity="warning",
    kinds=("projects",),
    doc_kinds=("budget",),
    description="情况说明所述项目个数与项目支出表所列一致 — a stated number of projects matches the projects table",
)
def counts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    t = doc.table("projects")
    if t is None or t.unit not in (None, "万元"):
        return
    for c in doc.claims:
        subject = re.sub(r"\s+", "", c.subject or "")
        if c.kind != "count" or c.unit != "个" or not _PROJECT_COUNT_RE.match(subject):
            continue
        ctx.checked()
        listed = _project_rows(t, subject, c.text)
        if Decimal(len(listed)) == c.value:
            continue
        yield finding(
            "claim.count",
            f"情况说明称{c.subject}共 {fmt(c.value)} 个，{table_label(t)}列有 {len(listed)} 个 — "
            "the stated number of projects differs from the projects table",
            table=t.kind,
            expected=Decimal(len(listed)),
            actual=c.value,
            source=c.source,
            text=c.text,
        )
