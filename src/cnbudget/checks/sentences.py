"""Rules on one sentence's figures against each other: no table needed, so they also check a
document that publishes its 情况说明 alone.

    sentence.change      "本年 100 万元，上年 80 万元，增加 30 万元": the change is not this year
                         − last year
    sentence.direction   the change word against the sign: "增加 20 万元" where this year is
                         below last year
    sentence.rate        "本年 100 万元，上年 80 万元，增长 20%" (no change stated): the rate is
                         not (this − last) ÷ last
    sentence.comparison  大于/小于/高于/低于/持平/一致 against the two figures it compares
                         ("支出 90 万元，高于上年 95 万元"; "与上年 80 万元持平" of 100 万元); a final
                         account's "决算数大于年初预算数" against the 决算 and 预算 stated before it
    sentence.parts       the parts a list states ("其中：…", "包括：…") add up to more than the
                         whole ("50万元以上设备8台，其中100万元以上15台"), or to less where their
                         names make up the whole's ("离退休人员78人，其中：离休3人，退休72人")
    sentence.change_parts  a change stated with the changes of the two parts every 支出 (基本 /
                         项目) or 基本支出 (人员 / 公用) is split into, which do not add up to it;
                         or a list of parts whose amounts add up to the whole, each with its
                         change, where the whole rose by more than the parts' changes add up to
                         (a part left out has nothing this year and can only have fallen)
    sentence.shares      the shares of one whole's parts add up to more than 100 %
    sentence.change_row  a comparison table printed with the text (a row per year and a 变化 row):
                         the 变化 is not the later year − the earlier one
    sentence.heading_amount  an item's heading that states its amount ("（3）住房公积金163.4万元")
                         and the sentence under it that states another ("2025年安排158.20万元")
    sentence.zero_base   a change whose base the sentence says was nothing ("增加118.80万元，…年初预算数
                         为 0") while this year's figure is another (120.20): the change or the 0 is wrong
    wording.missing_direction  "比上年1.43万元，增加0.68%": the figure after 比上年 is the change
                         (1.43 ÷ 208.89 = 0.68 %), its 增加/减少 left out

The links between figures are the claims' (``narrative.claims``: ``current``, ``previous``,
``change``, ``whole``).  Tolerance comes from the printed digits (``numbers.Interval``).  A
change and rate against ``current`` alone is ``claim.rate``'s.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.common import TABLE_PART, claims_by_id, passages, text_blocks, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import EXACT_ZERO, fmt, fmt_iv, near_miss, percent_iv
from cnbudget.model import Claim, Disclosure, Finding, Row, Table, TextBlock
from cnbudget.narrative.subjects import same_quantity
from cnbudget.numbers import Interval, parse_amount
from cnbudget.units import UNIT_SCALE

HUNDRED = Interval.exact(Decimal(100))


_NOT_THREE_PUBLIC = re.compile(r"会议费|培训费")


def _amount_iv(c: Claim, unit: str) -> Interval | None:
    """The interval ``c`` stands for, in ``unit`` (``None``: units that do not convert)."""
    i = Interval.of(c.value)
    if c.unit == unit or not c.unit or not unit:
        return i
    if c.unit in UNIT_SCALE and unit in UNIT_SCALE:
        return i.scale(UNIT_SCALE[c.unit] / UNIT_SCALE[unit])
    return None


def _signed(c: Claim) -> Interval:
    i = Interval.of(abs(c.value))
    return -i if (c.direction or 0) < 0 else i


def _word(direction: int) -> tuple[str, str]:
    return ("增加", "增长") if direction > 0 else ("减少", "下降")


def decimal_slip(stated: Decimal, expected: Interval) -> str:
    """"（疑为小数点错位）" when the stated figure ×10, ÷10, ×100 or ÷100 fits."""
    for k in (Decimal(10), Decimal("0.1"), Decimal(100), Decimal("0.01")):
        if Interval.of(stated).scale(k).meets(expected):
            return "（疑为小数点错位）"
    return ""


def _pairs(doc: Disclosure, kind: str) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(claim, current, previous) for each claim of ``kind`` linked to both."""
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind != kind:
            continue
        cur, prev = by_id.get(c.related.get("current", -1)), by_id.get(c.related.get("previous", -1))
        if cur is not None and prev is not None:
            yield c, cur, prev


# --------------------------------------------------------------------------- change, direction


@rule(
    "sentence.change",
    severity="error",
    description="句中所述变动额 ≠ 本年数 − 上年数 — a stated change is not this year's figure minus last year's",
)
def stated_changes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for c, cur, prev in _pairs(doc, "change"):
        diff = _diff(cur, prev, c.unit)
        if diff is None or c.direction == 0:
            continue
        ctx.checked()
        stated = _signed(c)
        if stated.meets(diff) or (-stated).meets(diff):
            continue  # the direction is sentence.direction's
        yield finding(
            "sentence.change",
            f"所述{_word(c.direction or 1)[0]} {fmt(abs(c.value))}{c.unit}，但本年 {fmt(cur.value)} − 上年 {fmt(prev.value)} = "
            f"{fmt_iv(diff)}{decimal_slip(abs(c.value), _abs(diff))} — the stated change is not this year minus last year",
            expected=diff.mid.quantize(Decimal("0.01")),
            actual=c.value * (c.direction or 1),
            source=c.source,
            text=c.text,
        )


# the base of a change said to have been nothing, in words after it: "较2025年年初预算增加118.80万元，主要是…
# 年初未下达，年初预算数为 0。" ("…为 0 万元" is an amount, linked as ``previous``: sentence.change's)
_ZERO_BASE = re.compile(r"(?:上年|年初)(?:预算)?(?:数|安排)?(?:为|是)\s*0(?![\d.])(?!\s*万?元)")
# the next figure in 万元 / 元: the clause of another amount
_NEXT_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*万?元")


@rule(
    "sentence.zero_base",
    severity="warning",
    description="称上年（年初预算）为0，所述增加额却不等于本年数 — a change said to be from nothing is not this year's figure",
)
def zero_bases(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind != "change" or c.direction != 1 or "previous" in c.related or "0" not in c.text:
            continue
        cur = by_id.get(c.related.get("current", -1))
        if cur is None or cur.text != c.text:
            continue
        printed = re.search(rf"增加\s*{re.escape(format(c.value, 'f'))}\s*{re.escape(c.unit or '')}", c.text)
        if printed is None:
            continue
        rest = c.text[printed.end():]
        nxt = _NEXT_AMOUNT.search(rest)
        if not _ZERO_BASE.search(rest[:nxt.start() if nxt else len(rest)]):
            continue
        now = _amount_iv(cur, c.unit)
        if now is None:
            continue
        ctx.checked()
        if Interval.of(c.value).meets(now):
            continue
        yield finding(
            "sentence.zero_base",
            f"称上年（年初预算）为 0，则增加额应为本年数 {fmt(cur.value)}{cur.unit}，所述增加 {fmt(c.value)}{c.unit} — "
            "a change from nothing is this year's figure",
            expected=cur.value,
            actual=c.value,
            source=c.source,
            text=c.text,
        )


def _abs(i: Interval) -> Interval:
    return -i if i.hi <= 0 else i


def _diff(cur: Claim, prev: Claim, unit: str) -> Interval | None:
    a, b = _amount_iv(cur, unit), _amount_iv(prev, unit)
    return a - b if a is not None and b is not None else None


@rule(
    "sentence.direction",
    severity="error",
    description="增减方向与数字相反（本年少于上年却称增加） — the change word goes against the two figures",
)
def directions(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for kind in ("change", "rate"):
        for c, cur, prev in _pairs(doc, kind):
            diff = _diff(cur, prev, cur.unit)
            if diff is None or not c.direction:
                continue
            ctx.checked()
            if (c.direction > 0 and diff.hi < 0) or (c.direction < 0 and diff.lo > 0):
                more = "少于" if c.direction > 0 else "多于"
                yield finding(
                    "sentence.direction",
                    f"所述“{_word(c.direction)[0 if kind == 'change' else 1]}”，但本年 {fmt(cur.value)} {more}上年 "
                    f"{fmt(prev.value)} — the change word goes against the figures",
                    expected=diff.mid.quantize(Decimal("0.01")),
                    actual=c.value * c.direction,
                    source=c.source,
                    text=c.text,
                )


# --------------------------------------------------------------------------- rate of two stated figures


@rule(
    "sentence.rate",
    severity="error",
    description="句中所述增长率 ≠ (本年数 − 上年数) ÷ 上年数 — a stated rate does not follow from the two stated figures",
)
def stated_rates(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for c, cur, prev in _pairs(doc, "rate"):
        if "change" in c.related or not c.direction:
            continue  # with a change stated, claim.rate checks it
        diff, base = _diff(cur, prev, cur.unit), _amount_iv(prev, cur.unit)
        if diff is None or base is None or base.lo <= 0:
            continue
        q = percent_iv(_abs(diff), base)
        if q is None:
            continue
        ctx.checked()
        if Interval.of(abs(c.value)).meets(q):
            continue
        misread = percent_iv(base, _abs(diff)) if _abs(diff).lo > 0 else None
        if misread is not None and Interval.of(abs(c.value)).meets(misread) or change_as_previous(c, cur, prev):
            continue  # "比上年1.43万元，增加0.68%": the figure read as last year's is the change
        near = near_miss(q, abs(c.value), ctx.settings.near_miss_digits)
        yield finding(
            "sentence.rate",
            f"所述{_word(c.direction)[1]} {fmt(c.value)}%，按本年 {fmt(cur.value)}、上年 {fmt(prev.value)} 计算为 "
            f"{fmt_iv(q)}%{decimal_slip(abs(c.value), q)}{'（末位相差一个单位）' if near else ''} — the stated rate "
            "does not follow from the two figures",
            severity="warning" if near else None,
            expected=q.mid.quantize(Decimal("0.01")),
            actual=c.value,
            source=c.source,
            text=c.text,
        )


# --------------------------------------------------------------------------- a change word left out

# "比上年1.43万元" — a figure right after 比上年 / 较2025年预算, with no 增加/减少 between them
_COMPARED_WITH = r"(?:比|较|与)\s*(?:上年|去年|上一年|(?:19|20)\d\d\s*年)(?:度)?(?:年初)?(?:预算|决算)?(?:数)?(?:相比)?\s*,?\s*"


def change_as_previous(c: Claim, cur: Claim, prev: Claim) -> bool:
    """Is the rate ``c`` the stated figure "last year's" ``prev`` taken as the change?  With A
    the figure, last year was this year − A (增加) or + A (减少), and A over it is the rate."""
    if not c.direction or cur.unit != prev.unit:
        return False
    a, now = Interval.of(abs(prev.value)), Interval.of(cur.value)
    before = now - a if c.direction > 0 else now + a
    as_printed = percent_iv(_abs(now - a), a) if a.lo > 0 else None
    if before.lo <= 0 or as_printed is not None and Interval.of(abs(c.value)).meets(as_printed):
        return False  # read as printed (A last year's figure) the rate holds: nothing left out
    rate = percent_iv(a, before)
    return rate is not None and Interval.of(abs(c.value)).meets(rate)


def _follows_comparison(text: str, value: Decimal) -> bool:
    """Does ``text`` print ``value`` right after a 比上年 phrase, no change word between?"""
    for m in re.finditer(_COMPARED_WITH + r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元)", text):
        if Decimal(m.group("num").replace(",", "")) == abs(value):
            return True
    return False


@rule(
    "wording.missing_direction",
    severity="warning",
    description="“比上年”后漏写增减字样（比上年1.43万元，增加0.68%：1.43为增加额） — the change word left out before the change",
)
def missing_directions(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for c, cur, prev in _pairs(doc, "rate"):
        if "change" in c.related or not _follows_comparison(prev.text, prev.value):
            continue
        ctx.checked()
        if not change_as_previous(c, cur, prev):
            continue
        base = cur.value - abs(prev.value) * c.direction  # type: ignore[operator]
        word = _word(c.direction or 1)[0]
        yield finding(
            "wording.missing_direction",
            f"“比上年{fmt(prev.value)}{prev.unit}”漏写增减字样：{fmt(prev.value)} 是{word}额（{fmt(prev.value)} ÷ "
            f"{fmt(base)} = {fmt(c.value)}%），应为“比上年{word}{fmt(prev.value)}{prev.unit}” — the change word is "
            "missing before the change",
            source=prev.source,
            text=prev.text,
        )


# --------------------------------------------------------------------------- a comparison table

# "2021 | 1493.51 | …", "2022年 | …", then "变化 | +406.39 | …" (增减, 增减额, 差额 …)
_YEAR_LABEL_RE = re.compile(r"^(?:19|20)\d\d\s*(?:年|年度)?$")
_CHANGE_LABEL_RE = re.compile(r"^(?:变化|变动|增减|增减变化|增减额|变动额|变化额|差额|增减情况)(?:\(万元\))?$")


def _label(r: Row) -> str:
    return re.sub(r"\s+", "", r.name or r.code or "")


# a comparison table printed with the text: two years, their change, perhaps a header and a note
COMPARISON_MAX_ROWS = 8


def _comparison_rows(t: Table) -> tuple[Row, Row, Row] | None:
    """(earlier year, later year, 变化) of a two-year comparison table, or None."""
    if len(t.rows) > COMPARISON_MAX_ROWS:
        return None  # a financial table of many lines is no two-year comparison
    years = [r for r in t.rows if _YEAR_LABEL_RE.match(_label(r))]
    changes = [r for r in t.rows if _CHANGE_LABEL_RE.match(_label(r))]
    if len(years) != 2 or len(changes) != 1:
        return None
    early, late = sorted(years, key=lambda r: _label(r)[:4])
    return (early, late, changes[0]) if _label(early)[:4] != _label(late)[:4] else None


@rule(
    "sentence.change_row",
    severity="error",
    description="对比表中“变化”行 ≠ 后一年 − 前一年（如 2022 1535.82、2021 1290.47，变化 +425.5） — a comparison table's change row is not the difference of its two years",
)
def change_rows(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        rows = _comparison_rows(t)
        if rows is None:
            continue
        early, late, change = rows
        for col in t.columns:
            a, b, stated = early.values.get(col.id), late.values.get(col.id), change.values.get(col.id)
            if a is None or b is None or stated is None:
                continue
            ctx.checked()
            diff = Interval.of(b) - Interval.of(a)
            if Interval.of(abs(stated)).meets(_abs(diff)):
                continue  # a change printed without its sign is still the change
            yield finding(
                "sentence.change_row",
                f"{change.source.label()}：对比表“{col.label}”栏变化 {fmt(stated)}，但 {_label(late)} {fmt(b)} − "
                f"{_label(early)} {fmt(a)} = {fmt_iv(diff)} — the change row is not the later year minus the earlier",
                table=t.kind, row=_label(change), column=col.id,
                expected=diff.mid.quantize(Decimal("0.01")), actual=stated, source=change.source,
            )


# --------------------------------------------------------------------------- a change and its parts

# The two parts every 支出 is split into, and every 基本支出: a change of the whole stated with
# both parts' changes after it ("较上年增加6,915.49万元，其中基本支出减少8,627.56万元，项目支出增加
# 15,496.49万元") is their sum.
_EXHAUSTIVE_PARTS = (
    (re.compile(r"支出"), ("基本支出", "项目支出")),
    (re.compile(r"基本支出"), ("人员经费", "公用经费")),
)
_AMOUNT_TEXT_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _at(text: str, value: Decimal, after: int = 0) -> int:
    """Where ``text`` prints ``value`` first at or after ``after`` (-1: nowhere)."""
    for m in _AMOUNT_TEXT_RE.finditer(text, after):
        if parse_amount(m.group(0)) == abs(value):
            return m.start()
    return -1


def _change_parts(doc: Disclosure) -> Iterator[tuple[Claim, tuple[Claim, Claim]]]:
    """(a change of a whole, the changes of its two parts) stated in one sentence, the parts
    after "其中", one after the other."""
    claims = doc.claims
    for k, w in enumerate(claims[:-2]):
        if w.kind != "change" or not w.subject or w.direction == 0:
            continue
        pair = claims[k + 1:k + 3]
        names = next((n for rx, n in _EXHAUSTIVE_PARTS
                      if rx.search(w.subject) and not any(x in w.subject for x in n)), None)
        if names is None or any(p.kind != "change" or p.text != w.text or p.unit != w.unit for p in pair):
            continue
        if sorted(p.subject or "" for p in pair) != sorted(names):
            continue
        at = _at(w.text, w.value)
        first = _at(w.text, pair[0].value, at + 1) if at >= 0 else -1
        if first < 0 or "其中" not in w.text[at:first]:
            continue
        yield w, (pair[0], pair[1])


def _listed_parts_changes(doc: Disclosure) -> Iterator[tuple[Claim, Claim, tuple[Claim, ...]]]:
    """(a whole, its change, the changes of its listed parts) where the whole rose by more than
    its parts can account for.  A list ("其中：(1)A x，较上年增加a；(2)B y，较上年减少b；…") whose
    amounts add up to the whole's holds every part of this year; a part of last year's that has
    none this year is not listed, and its change can only be a fall.  So the whole's change —
    stated in the list's sentence or where the same amount of the same quantity is stated with
    its change ("当年一般公共预算拨款支出2518.06万元，较上年减少3083.36万元") — can be below the sum
    of the listed changes, never above it."""
    by_id = claims_by_id(doc)
    change_of: dict[int, list[Claim]] = defaultdict(list)
    lists: dict[int, list[Claim]] = defaultdict(list)
    for c in doc.claims:
        if c.kind == "change" and c.direction is not None and c.related.get("current") in by_id:
            change_of[c.related["current"]].append(c)
        elif c.kind == "amount" and "whole" in c.related:
            lists[c.related["whole"]].append(c)
    for wid, parts in lists.items():
        whole = by_id.get(wid)
        if whole is None or whole.kind != "amount" or whole.basis != "current" or len(parts) < 2:
            continue
        # each part with its one change (cheapest test first: most lists state none)
        changes = [cs[0] for p in parts if len(cs := change_of.get(p.id, ())) == 1 and cs[0].unit == whole.unit]
        if len(changes) < len(parts) or any(p.unit != whole.unit or p.basis != "current" for p in parts):
            continue
        if not sum((Interval.of(p.value) for p in parts), EXACT_ZERO).meets(Interval.of(whole.value)):
            continue  # some parts only ("其中：A…"): their changes need not add up to the whole's
        wholes = change_of.get(whole.id) or [
            c for a, cs in change_of.items() for c in cs
            if a != whole.id and by_id[a].value == whole.value and by_id[a].unit == whole.unit
            and by_id[a].basis == "current" and _same_spending(by_id[a].subject, whole.subject)
            and "whole" not in by_id[a].related]
        total = sum((_signed(c) for c in changes), EXACT_ZERO)
        if wholes and all(_signed(w).lo > total.hi for w in wholes):
            # the statement nearest before the list names the change it breaks down (else the first after)
            before = [w for w in wholes if w.id < whole.id]
            nearest = max(before, key=lambda w: w.id) if before else min(wholes, key=lambda w: w.id)
            yield whole, nearest, tuple(changes)


def _same_spending(a: str, b: str) -> bool:
    """Do two subjects name the same figure, "一般公共预算拨款支出" being "一般公共预算支出"?"""
    return same_quantity(a.replace("拨款", ""), b.replace("拨款", ""))


def _change_text(c: Claim, unit: bool = True) -> str:
    return f"{c.subject}{_word(c.direction or 1)[0]}{fmt(abs(c.value))}{c.unit if unit else ''}"


@rule(
    "sentence.change_parts",
    severity="error",
    description="总变动额 ≠ 各组成部分变动之和（增加6,915.49万元，其中基本支出减少8,627.56万元、项目支出增加15,496.49万元；"
    "或所列各科目金额合计等于总数，总数的增加却多于其变动之和） — "
    "a change stated with its parts' changes is not their sum, or rose by more than all its parts' changes",
)
def change_parts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for whole, parts in _change_parts(doc):
        ctx.checked()
        total = _signed(parts[0]) + _signed(parts[1])
        if _signed(whole).meets(total):
            continue
        listed = "，".join(_change_text(p) for p in parts)
        yield finding(
            "sentence.change_parts",
            f"{whole.subject}{_word(whole.direction or 1)[0]} {fmt(abs(whole.value))}{whole.unit}，其中{listed}，"
            f"两者合计{_word(1 if total.mid >= 0 else -1)[0]} {fmt_iv(_abs(total))}{whole.unit} — "
            "the change is not the sum of its two parts' changes",
            expected=total.mid.quantize(Decimal("0.01")),
            actual=whole.value * (whole.direction or 1),
            source=whole.source,
            text=whole.text,
        )
    for whole, change, changes in _listed_parts_changes(doc):
        ctx.checked()
        total = sum((_signed(c) for c in changes), EXACT_ZERO)
        listed = "；".join(_change_text(c, unit=False) for c in changes)
        where = f"（第{change.source.page}页）" if change.source.page != whole.source.page else ""
        yield finding(
            "sentence.change_parts",
            f"{whole.subject} {fmt(whole.value)}{whole.unit}，较上年{_word(change.direction or 1)[0]} "
            f"{fmt(abs(change.value))}{change.unit}{where}；所列 {len(changes)} 项金额之和即总数，其变动合计却只"
            f"{_word(1 if total.mid >= 0 else -1)[0]} {fmt_iv(_abs(total))}{whole.unit}，相差 "
            f"{fmt_iv(_abs(_signed(change) - total))}{whole.unit}，未列项目本年为 0、只能减少，补不上这一差额"
            f"（{listed}） — the whole rose by more than its listed parts can account for",
            expected=total.mid.quantize(Decimal("0.01")),
            actual=change.value * (change.direction or 1),
            source=whole.source,
            text=whole.text,
        )


# --------------------------------------------------------------------------- parts and shares


def _unit_slip(whole: Claim, parts: list[Claim]) -> str | None:
    """The unit the whole was meant in, where its digits are the parts' sum in their own unit
    ("支出1,234.56元，其中基本支出1,000.00万元、项目支出234.56万元": 万元)."""
    units = {p.unit for p in parts}
    if whole.kind != "amount" or len(units) != 1 or any(p.kind != "amount" for p in parts):
        return None
    unit = units.pop()
    if unit == whole.unit or unit not in UNIT_SCALE or whole.unit not in UNIT_SCALE:
        return None
    own = sum((Interval.of(p.value) for p in parts), EXACT_ZERO)
    return unit if own.meets(Interval.of(whole.value)) else None


def named_whole(whole: Claim, parts: list[Claim]) -> str | None:
    """The whole's name where the parts' names make it up, the Chinese way of naming a whole by
    its parts: 离休 + 退休 → "离退休", 行政单位 + 事业单位 → "行政事业单位", 中学 + 小学 → "中小学"
    — the parts' heads joined before their shared tail.  Such parts are all of it."""
    names = [p.subject or "" for p in parts]
    if len(names) < 2 or not all(names):
        return None
    tail = names[0]
    for n in names[1:]:
        while not n.endswith(tail):
            tail = tail[1:]
    heads = [n[:len(n) - len(tail)] for n in names]
    if not tail or not all(heads) or len(set(heads)) != len(heads):
        return None
    name = "".join(heads) + tail
    return name if name in (whole.subject or "") else None


def _parts_by_whole(doc: Disclosure) -> dict[int, list[Claim]]:
    """The amounts and counts stated as parts of a whole, by the whole's claim id."""
    groups: dict[int, list[Claim]] = defaultdict(list)
    for c in doc.claims:
        if c.kind in ("amount", "count") and "whole" in c.related:
            groups[c.related["whole"]].append(c)
    return groups


@rule(
    "sentence.parts",
    severity="error",
    description="所列各部分之和大于总数（其中数大于合计数） — the stated parts add up to more than the stated whole",
)
def parts_vs_whole(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for wid, parts in _parts_by_whole(doc).items():
        whole = by_id.get(wid)
        if whole is None:
            continue
        if "三公" in (whole.subject or ""):
            # 会议费 and 培训费 printed beside the 三公经费 are not parts of it (三公 = 出国 +
            # 公务用车 + 公务接待)
            parts = [p for p in parts if not _NOT_THREE_PUBLIC.search(p.subject or "")]
            if not parts:
                continue
        total = EXACT_ZERO
        for p in parts:
            i = _amount_iv(p, whole.unit) if p.kind == "amount" else Interval.exact(p.value)
            if i is None:
                break
            total = total + i
        else:
            ctx.checked()
            w = Interval.of(whole.value) if whole.kind == "amount" else Interval.exact(whole.value)
            if total.meets(w):
                continue
            listed = "、".join(f"{p.subject or '?'}{fmt(p.value)}{p.unit}" for p in parts)
            summed = fmt_iv(total) if whole.kind == "amount" else fmt(total.lo)
            if total.lo < w.hi:
                whole_name = named_whole(whole, parts)
                if whole_name is None:
                    continue  # "其中" may list some of the parts only
                yield finding(
                    "sentence.parts",
                    f"{whole.subject or ''}{fmt(whole.value)}{whole.unit}，所列 {len(parts)} 项之和 {summed}{whole.unit}"
                    f"小于总数，而各项合起来正是“{whole_name}”（{listed}） — the parts that make up the whole add up to less",
                    expected=whole.value,
                    actual=total.mid.quantize(Decimal("0.01")),
                    source=parts[0].source,
                    text=whole.text if whole.text == parts[-1].text else f"{whole.text}{parts[-1].text}",
                )
                continue
            what = "其中数" if len(parts) == 1 else f"所列 {len(parts)} 项之和 {summed}{whole.unit}"
            slip = _unit_slip(whole, parts)
            yield finding(
                "sentence.parts",
                f"{whole.subject or ''}{fmt(whole.value)}{whole.unit}，{what}大于总数（{listed}）"
                + (f"：总数的数字即各项之和，单位应为{slip} — the whole is printed in the wrong unit" if slip
                   else " — the parts add up to more than the whole"),
                expected=whole.value,
                actual=total.mid.quantize(Decimal("0.01")),
                source=parts[0].source,
                text=whole.text if whole.text == parts[-1].text else f"{whole.text}{parts[-1].text}",
            )


@rule(
    "sentence.shares",
    severity="error",
    description="同一总数各组成部分的占比之和超过100% — the shares of one whole's parts add up to more than 100 %",
)
def shares_over_100(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for c in doc.claims:
        if c.kind != "share":
            continue
        part = by_id.get(c.related.get("part", -1))
        # a share of the list's whole ("其中：基本支出…，占87.73%"), not "完成预算的99.95%" nor
        # "占货物支出金额的9.16%"
        if part is not None and "whole" in part.related and c.related.get("whole") == part.related["whole"]:
            groups[part.related["whole"]].append(c)
    for shares in groups.values():
        if len(shares) < 2:
            continue
        total = EXACT_ZERO
        for s in shares:
            total = total + Interval.of(s.value)
        ctx.checked()
        if total.lo <= HUNDRED.hi:
            continue
        yield finding(
            "sentence.shares",
            f"各部分占比之和为 {fmt_iv(total)}%（{'+'.join(fmt(s.value) + '%' for s in shares)}），超过100% — "
            "the shares of one whole add up to more than 100 %",
            expected=Decimal(100),
            actual=total.mid.quantize(Decimal("0.01")),
            source=shares[0].source,
            text=shares[0].text,
        )


# --------------------------------------------------------------------------- comparison words

_MONEY = r"(?P<{0}>\d[\d,]*(?:\.\d+)?)\s*(?P<{0}u>亿元|万元|元)"
_PERIOD = r"(?:上年|上年度|去年|上一年|(?:19|20)\d\d\s*年(?:度)?)?(?:年初|全年)?(?:预算|决算|执行)?(?:数)?(?:的)?"
# "90万元，高于上年95万元" / "90万元，低于上年的95万元"
ORDER_RE = re.compile(
    _MONEY.format("x") + rf"\s*,?\s*(?:比|较)?\s*(?P<word>高于|低于|大于|小于|多于|少于|超过|超出)\s*{_PERIOD}\s*"
    + _MONEY.format("y")
)
# "100万元，与上年80万元持平" / "与上年预算数80万元相比保持一致"
EQUAL_RE = re.compile(
    _MONEY.format("x") + rf"\s*,?\s*(?:与|和|同)\s*{_PERIOD}\s*" + _MONEY.format("y")
    + r"\s*(?:相比)?\s*,?\s*(?:保持|基本)?(?P<word>持平|一致|相同|相等|无变化)"
)


# A final account's "决算数大于年初预算数" / "决算数与预算数持平", after the two figures it compares:
# "年初预算为393万元，支出决算为560.01万元，…，决算数大于年初预算数的主要原因是…"
FINAL_VS_BUDGET_RE = re.compile(
    r"决算(?:数)?(?:(?P<word>大于|小于|高于|低于|超过|超出|少于|多于|等于)(?P<which>年初|全年|调整后)?预算(?:数)?"
    r"|与(?P<which2>年初|全年|调整后)?预算(?:数)?(?:基本)?(?P<word2>持平|一致|相同|相等))"
)
STATED_BUDGET_RE = re.compile(r"(?P<which>年初|全年|调整后)?预算(?:数)?(?:为|是)?\s*" + _MONEY.format("v"))
STATED_FINAL_RE = re.compile(r"决算(?:数)?(?:为|是)?\s*" + _MONEY.format("v"))
# how far before the comparison its two figures are looked for (the same statement, or the one before)
_FIGURES_BEFORE = 160


def _last(rx: re.Pattern[str], text: str, which: str | None = None) -> re.Match[str] | None:
    """The last match of ``rx`` in ``text`` (of the budget ``which`` names, when it names one)."""
    found = [m for m in rx.finditer(text) if which is None or m.groupdict().get("which") in (which, None)]
    return found[-1] if found else None


def _final_vs_budget(b: TextBlock, ctx: Context) -> Iterator[Finding]:
    if "决算" not in b.text:
        return
    for m in FINAL_VS_BUDGET_RE.finditer(b.text):
        word, which = m.group("word") or m.group("word2"), m.group("which") or m.group("which2")
        before = b.text[max(0, m.start() - _FIGURES_BEFORE):m.start()]
        if (previous := FINAL_VS_BUDGET_RE.search(before)) is not None:
            before = before[previous.end():]  # the figures of this comparison, not of the one before
        final, budget = _last(STATED_FINAL_RE, before), _last(STATED_BUDGET_RE, before, which)
        if final is None or budget is None:
            continue
        ctx.checked()
        if _contradicts(word, _money(final, "v"), _money(budget, "v"), m.group(0)):
            yield text_finding(
                "sentence.comparison",
                f"称“{m.group(0)}”，但决算为 {final.group('v')}{final.group('vu')}、{which or ''}预算为 "
                f"{budget.group('v')}{budget.group('vu')} — the comparison word goes against the figures",
                b, m.start(), m.end(),
            )


def _contradicts(word: str, x: Interval, y: Interval, phrase: str) -> bool:
    """Does "x <word> y" go against the figures, whatever their rounding?"""
    if word in ("大于", "高于", "超过", "超出", "多于"):
        return x.hi <= y.lo
    if word in ("小于", "低于", "少于"):
        return x.lo >= y.hi
    return not x.meets(y) and "基本" not in phrase  # 持平 / 一致 / 等于 …


# The comparison word each pattern needs: a passage without one is not tried figure by figure.
_ORDER_WORDS = re.compile(r"高于|低于|大于|小于|多于|少于|超过|超出")
_EQUAL_WORDS = re.compile(r"持平|一致|相同|相等|无变化")


def _money(m: re.Match[str], g: str) -> Interval:
    v = Decimal(m.group(g).replace(",", ""))
    return Interval.of(v).scale(UNIT_SCALE[m.group(g + "u")])


@rule(
    "sentence.comparison",
    severity="error",
    description="比较用语（高于/低于/持平）与所比较的两个数字不符 — a comparison word against the two figures it compares",
)
def comparison_words(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in text_blocks(doc, skip_parts=(TABLE_PART, "profile", "glossary")):
        if b.heading:
            continue
        for rx, words in ((ORDER_RE, _ORDER_WORDS), (EQUAL_RE, _EQUAL_WORDS)):
            if not words.search(b.text):
                continue
            for m in rx.finditer(b.text):
                word = m.group("word")
                ctx.checked()
                if _contradicts(word, _money(m, "x"), _money(m, "y"), m.group(0)):
                    yield text_finding(
                        "sentence.comparison",
                        f"称 {m.group('x')}{m.group('xu')}“{word}” {m.group('y')}{m.group('yu')}，与两数不符 — "
                        "the comparison word goes against the figures",
                        b, m.start(), m.end(),
                    )
        yield from _final_vs_budget(b, ctx)

    # the claims' own 持平 (a change of 0) beside two different stated figures
    for c, cur, prev in _pairs(doc, "change"):
        if c.direction != 0:
            continue
        diff = _diff(cur, prev, cur.unit)
        if diff is None:
            continue
        ctx.checked()
        if diff.meets(EXACT_ZERO):
            continue
        yield finding(
            "sentence.comparison",
            f"称与上年持平，但本年 {fmt(cur.value)}、上年 {fmt(prev.value)}，相差 {fmt_iv(diff)} — "
            "'unchanged' against two different figures",
            source=c.source,
            text=c.text,
        )


# --------------------------------------------------------------------------- heading amounts

# An item's heading that states its amount ("（3）住房公积金163.4万元"), run into the passage under
# it (a line without a stop joins the next), whose first clause states the item's amount again
# with no other subject: "2025年安排158.20万元，主要用于…", "预算数为158.20万元。"
HEADING_AMOUNT_RE = re.compile(
    r"(?:^|(?<=[。;]))\s*[(]?[一二三四五六七八九十\d]{1,3}[)、.]\s*(?P<name>[\u4e00-\u9fff()]{2,40}?)\s*:?\s*"
    + _MONEY.format("h") + r"\s*[。;]?\s*"
    r"(?:(?:19|20)\d\d\s*年度?)?\s*(?:年初)?(?:安排|预算(?:数)?(?:安排)?(?:为)?|支出(?:决算)?(?:数)?(?:为)?"
    r"|决算(?:数)?(?:为)?|为|共|合计)\s*" + _MONEY.format("v") + r"\s*[,。;]"
)
# What every match of HEADING_AMOUNT_RE holds: the heading's amount, then the word its sentence
# opens with (context-free, ``common.Texts``; the pattern itself opens with an anchor)
_HEADING_AMOUNT_HINT = re.compile(  # from the 元 every unit ends in: a literal first
    r"元\s*[。;]?\s*(?:(?:19|20)\d\d\s*年度?)?\s*(?:年初)?(?:安排|预算|支出|决算|为|共|合计)")


@rule(
    "sentence.heading_amount",
    severity="warning",
    description="项目标题中的金额与其下一句所述金额不一致（住房公积金163.4万元 / 安排158.20万元） — "
    "the amount in an item's heading differs from the amount its own sentence states",
)
def heading_amounts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for b in passages(doc, ctx).holding(_HEADING_AMOUNT_HINT):
        for m in HEADING_AMOUNT_RE.finditer(b.text):
            ctx.checked()
            if _money(m, "h").meets(_money(m, "v")):
                continue
            yield text_finding(
                "sentence.heading_amount",
                f"“{m.group('name')} {m.group('h')}{m.group('hu')}”其下一句称 {m.group('v')}{m.group('vu')}，"
                "两处金额不一致 — the amount in the item's heading differs from its own sentence",
                b, m.start("name"), m.end(),
            )


@rule(
    "sentence.repeated_part",
    severity="info",
    description="同一列表中同一名称的组成部分出现两次（A 91万元、…、A 12.5万元） — one list names the same part twice",
)
def repeated_parts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for parts in _parts_by_whole(doc).values():
        seen: dict[tuple[str, str], Claim] = {}
        for p in parts:
            name = re.sub(r"\s+", "", p.subject or "")
            if len(name) < 4:
                continue
            ctx.checked()
            first = seen.setdefault((p.kind, name), p)
            if first is p:
                continue
            yield finding(
                "sentence.repeated_part",
                f"同一列表两次列出“{name}”（{fmt(first.value)}{first.unit}、{fmt(p.value)}{p.unit}） — the list names the same part twice",
                source=p.source,
                text=p.text,
            )
