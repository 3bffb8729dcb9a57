"""One amount stated twice with two different changes against the same base.

    claim.restated_change   "住房公积金(2210201)192.99万元，较上年增加15.96万元" in one section and
                            "住房公积金(2210201)192.99万元，较上年增加15.95万元" in the next; "一般
                            公共预算拨款支出13,650.79万元，较上年减少183.49万元" and, a paragraph
                            later, "…13,650.79万元，较上年减少99.00万元"

    claim.restated_amount   a part of a list stated again, among its fellows stated again alike,
                            with another value: "包括…公用经费857.93万元…" and "(二)公用经费875.93
                            万元" (``related["restates"]``)

A 情况说明 states its figures again section by section (收支总体, 财政拨款, 一般公共预算, 基本支出);
an economic class is stated once under each of its two classifications ("对企业补助(312)47334.05万元，
较上年增加3310.05万元" in the 部门经济分类 list, "对企业补助(507)47334.05万元，较上年增加47334.05
万元" in the 政府经济分类 one): the same name and amount with its 3-digit class code left aside are
one figure too (a 7-digit function code stays: "行政运行(2010101)" and "行政运行(2013301)" are two);
the same subject, the same amount and the same comparison ("较上年", "比2025年年初预算") make the
same change, so two changes of it are a figure copied or computed wrongly in one place — which one
the text does not say (warning).  The subject must be the same words (its list number, 当年 and
其中 aside), the amount the same printed figure, the comparison the same words: "比上年预算" and
"比上年执行数" are two bases, "一般公共预算拨款收入" and "…支出" two quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.common import claims_by_id
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.sentences import _signed
from cnbudget.checks.values import fmt
from cnbudget.model import Claim, Disclosure, Finding
from cnbudget.narrative.subjects import norm_subject
from cnbudget.numbers import Interval, figure_spans

# what a subject may carry before its name: a list number, 当年/本年/其中
_LEAD_RE = re.compile(r"^(?:[\d.、()]+|当年|本年|其中|:)+")
_NUMBER_RE = re.compile(r"^[\d.、()]+")
# the 3-digit code of an economic class closing its name ("对企业补助(312)", "(507)"): the two
# classifications print one class's name with two codes
_ECONOMIC_CODE_RE = re.compile(r"\([35]\d\d\)$")
# the words between an amount and its change that name the base ("较上年", "比2025年年初预算")
_BASE_NOISE_RE = re.compile(r"[\s,;:、()]|万元|亿元|元|增加|减少|增长|下降|了")
# the key of a summary's 总计, either side: 收入总计 = 支出总计 in every year's summary
_BALANCED_KEY = "收支总计"
# the clauses of a sentence, and one that opens with its comparison ("比2021年增加")
_CLAUSE_RE = re.compile(r"[,;:。]")
_COMPARISON_OPEN_RE = re.compile(r"^\s*(?:比|较|与|同)")
# an amount and its change further apart than this are not read as one statement
BASE_MAX_CHARS = 24


def _subject(c: Claim) -> str:
    return _ECONOMIC_CODE_RE.sub("", _LEAD_RE.sub("", norm_subject(c.subject or "")))


def _base(c: Claim, amount: Claim) -> str | None:
    """The comparison words between ``amount`` and its change ``c`` where the sentence prints
    them close together, with 较/比/与 as one; None where it does not."""
    amounts = figure_spans(c.text, amount.value)
    for start, _ in figure_spans(c.text, c.value):
        before = [end for _, end in amounts if end <= start]
        if before and start - before[-1] <= BASE_MAX_CHARS:
            return _base_words(c.text[before[-1]:start])
        # the amount further back, its parts listed between ("收入X，其中：A…，B…；比2021年增加…"):
        # the comparison words that open the change's own clause
        clause = _CLAUSE_RE.split(c.text[:start])[-1]
        if _COMPARISON_OPEN_RE.match(clause):
            return _base_words(clause)
    return None


def _base_words(text: str) -> str:
    """The words that name a comparison's base, with 较/与/同 read as 比 ("较上年" → "比上年")."""
    return re.sub(r"^[较与同]", "比", _BASE_NOISE_RE.sub("", text))


@rule(
    "claim.restated_change",
    severity="warning",
    description="同一金额两处所述较同一基数的变动额不同（较上年增加15.96万元 / 15.95万元） — "
    "one amount stated twice with two changes against the same base",
)
def restated_changes(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    # (subject, figure) → its changes: only a figure stated twice needs its comparison words read
    stated: dict[tuple[str, Decimal, str], list[tuple[Claim, Claim]]] = {}
    for c in doc.claims:
        amount = by_id.get(c.related.get("current", -1)) if c.kind == "change" else None
        if amount is None or amount.kind != "amount" or c.direction is None:
            continue
        subject = _BALANCED_KEY if _balanced_total(amount) else _subject(amount)
        if len(subject) >= 2:
            stated.setdefault((subject, amount.value, amount.unit), []).append((c, amount))
    for changes in stated.values():
        ctx.checked(len(changes))
        if len(changes) > 1:
            yield from _differing(changes)


def _balanced_total(amount: Claim) -> bool:
    """Is the amount a side of the summary's 总计 (收入总计 or 支出总计)?"""
    r = amount.refers_to
    return r is not None and (r.table, r.row) == ("summary", "grand_total")


def _differing(changes: list[tuple[Claim, Claim]]) -> Iterator[Finding]:
    """The changes of one subject's figure that differ from the first stated against the same base."""
    seen: dict[str, tuple[Claim, Claim]] = {}
    for c, amount in changes:
        base = _base(c, amount)
        if not base:
            continue
        first, first_amount = seen.setdefault(base, (c, amount))
        if first is c or first.text == c.text or first.unit != c.unit or _signed(first).meets(_signed(c)):
            continue
        subject = _NUMBER_RE.sub("", amount.subject)
        if _balanced_total(amount) and first_amount.refers_to != amount.refers_to:
            # 收入总计 and 支出总计 are one figure in every year's summary: their changes are one too
            subject = f"{_NUMBER_RE.sub('', first_amount.subject)}与{subject}（收支总计两方相等）"
        yield finding(
            "claim.restated_change",
            f"{subject} {fmt(amount.value)}{amount.unit}{base}的变动，前文为{_said(first)}，此处为{_said(c)} — "
            "one amount stated twice with two changes against the same base",
            expected=first.value * (first.direction or 1),
            actual=c.value * (c.direction or 1),
            source=c.source,
            text=c.text,
        )


def _said(c: Claim) -> str:
    page = f"（第{c.source.page}页）" if c.source.page is not None else ""
    word = "增加" if (c.direction or 0) > 0 else "减少" if (c.direction or 0) < 0 else "变动"
    return f"{word}{fmt(c.value)}{c.unit}{page}"


@rule(
    "claim.restated_amount",
    severity="warning",
    description="列举的组成部分在随后的分项说明中数额不同（包括公用经费857.93万元…；（二）公用经费875.93万元） — "
    "a listed part restated with another value",
)
def restated_amounts(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        listed = by_id.get(c.related.get("restates", -1))
        if listed is None:
            continue
        ctx.checked()
        if Interval.of(listed.value).meets(Interval.of(c.value)):
            continue  # the same figure printed to fewer places
        where = f"（{listed.source.label()}）" if listed.source.page != c.source.page else ""
        yield finding(
            "claim.restated_amount",
            f"{c.subject}：列举时为 {fmt(listed.value)}{listed.unit}{where}，分项说明时为 {fmt(c.value)}{c.unit} — "
            "a listed part restated with another value",
            expected=listed.value, actual=c.value, source=c.source, text=c.text,
        )
