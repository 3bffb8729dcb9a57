"""The function classes a 情况说明 lists against the classes its tables print.

    claim.class_omitted   a sentence that breaks the spending down "按支出功能分类" into classes
                          and their amounts ("包括科学技术支出1140.61万元、…、住房保障支出
                          16588.47万元"), every amount the table's own, leaves out a class the
                          same table prints with an amount (其他支出 15000.00): the breakdown
                          does not cover the whole; so does the passage under a heading that
                          announces a figure's structure ("2.一般公共预算当年拨款结构情况。")

The table the list speaks of is the one whose class rows print every listed amount (支出表 or
一般公共预算支出表): the amounts decide the scope, never the wording alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from cnbudget.checks.common import passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.checks.values import data_rows, fmt, in_table_unit, iv, table_label
from cnbudget.codes.catalog import FUNCTION, entries, known_names
from cnbudget.codes.names import stem
from cnbudget.model import Disclosure, Finding, Row, Table, TextBlock
from cnbudget.narrative.patterns import STRUCTURE_HEADING_RE
from cnbudget.numbers import Interval, parse_amount

# "按支出功能分类" / "按功能分类" / "按支出功能科目分类": the lead-in of a breakdown by class.
BREAKDOWN_RE = re.compile(r"按(?:支出)?功能(?:科目)?分类")
# "科学技术支出1140.61万元", "教育(类)支出 3797.62万元": a class name and its amount (the text is
# NFKC-folded).
CLASS_AMOUNT_RE = re.compile(
    r"(?P<head>[\u4e00-\u9fff]{2,24}?)\s*(?:\(类\))?\s*支出\s*(?:\(类\))?\s*(?:为|预算|预算数|安排)?\s*"
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"
)
# A list that says it names only some classes: "主要用于…", "…住房保障支出16588.47万元等".
PARTIAL_LIST_RE = re.compile(r"主要|(?:亿元|万元|元|%)\)?\s*等")
# Tables with one row per 类 and its total: where a breakdown by class can be read.
CLASS_TABLE_KINDS = ("expenditure", "general_expenditure", "gov_fund")
# A breakdown names at least this many classes (one class and its amount is no list).
MIN_LISTED = 2


@dataclass(frozen=True)
class Listed:
    """A class the sentence names, with the amount it states."""

    code: str
    name: str
    amount: Interval
    printed: str  # the amount as printed ("1140.61")
    unit: str


@lru_cache(maxsize=16)
def class_names(year: int | None) -> dict[str, str]:
    """The 类 (3-digit) function classes of ``year`` by the stem of each of their names."""
    return {stem(n): e.code for e in entries(FUNCTION, year) if len(e.code) == 3 for n in known_names(e)}


def _class_of(name: str, year: int | None) -> tuple[str, str] | None:
    """(类 code, class name) of a printed name; a lead-in ("包括科学技术支出") is cut off."""
    names = class_names(year)
    for i in range(len(name) - 1):
        code = names.get(stem(name[i:]))
        if code is not None:
            return code, name[i:]
    return None


def listed_classes(sentence: str, year: int | None) -> list[Listed]:
    out: list[Listed] = []
    for m in CLASS_AMOUNT_RE.finditer(sentence):
        hit = _class_of(m.group("head") + "支出", year)
        value = parse_amount(m.group("amount"))
        if hit is None or value is None or any(x.code == hit[0] for x in out):
            continue
        out.append(Listed(hit[0], hit[1], Interval.of(value), m.group("amount"), m.group("unit")))
    return out


def _class_rows(t: Table) -> dict[str, Row]:
    return {r.code: r for r in data_rows(t) if r.code and len(r.code) == 3}


def _prints_all(t: Table, rows: dict[str, Row], listed: list[Listed]) -> bool:
    """Every listed amount is the table's figure for that class."""
    for x in listed:
        r = rows.get(x.code)
        value = r.values.get("total") if r is not None else None
        stated = in_table_unit(x.amount, x.unit, t.unit)
        if value is None or stated is None or not stated.meets(iv(t, value)):
            return False
    return True


def _sentence_end(text: str, start: int) -> int:
    end = text.find("。", start)
    return len(text) if end < 0 else end


@rule(
    "claim.class_omitted",
    severity="warning",
    description="按功能分类列举的各类支出漏列了表中有金额的类（所列各类金额均与表一致） — "
    "a breakdown by class in the text leaves out a class the table prints with an amount",
)
def class_omitted(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    tables = [t for t in doc.tables if t.kind in CLASS_TABLE_KINDS]
    if not tables:
        return
    under_structure = False
    for b in passages(doc, ctx).items:
        if b.heading:
            # the passage under "2.一般公共预算当年拨款结构情况。" breaks the whole down, as
            # "按支出功能分类" does
            under_structure = STRUCTURE_HEADING_RE.match(re.sub(r"\s+", "", b.text)) is not None
            continue
        starts = [m.start() for m in BREAKDOWN_RE.finditer(b.text)]
        if under_structure:  # the passage right under the heading, from its start
            starts = [0, *starts]
            under_structure = False
        for start in starts:
            end = _sentence_end(b.text, start)
            listed = listed_classes(b.text[start:end], doc.meta.year)
            if len(listed) < MIN_LISTED or PARTIAL_LIST_RE.search(b.text[start:end]):
                continue
            ctx.checked()
            found = _omission(b, start, end, listed, tables)
            if found is not None:
                yield found


def _omission(b: TextBlock, start: int, end: int, listed: list[Listed], tables: list[Table]) -> Finding | None:
    """The finding on a list that leaves out classes of every table whose figures it prints (a
    list the 政府性基金 table prints whole is no omission from the 支出表 that prints more)."""
    named = {x.code for x in listed}
    gaps: list[tuple[Table, list[Row]]] = []
    for t in tables:
        rows = _class_rows(t)
        if not _prints_all(t, rows, listed):
            continue
        left_out = [r for code, r in rows.items() if code not in named and (r.values.get("total") or Decimal(0)) > 0]
        if not left_out:
            return None
        gaps.append((t, left_out))
    if not gaps:
        return None
    t, left_out = min(gaps, key=lambda g: len(g[1]))
    omitted = "、".join(f"{r.code} {r.name or ''} {fmt(r.values.get('total'))}" for r in left_out)
    first, last = listed[0], listed[-1]
    return text_finding(
        "claim.class_omitted",
        f"正文按功能分类列举了 {len(listed)} 类（{first.name} {first.printed}{first.unit} … "
        f"{last.name} {last.printed}{last.unit}），与{table_label(t)}一致，但漏列了表中的 {omitted}"
        f"（{t.unit or ''}） — the breakdown by class leaves out {', '.join(r.code or '' for r in left_out)}",
        b, start, end,
    )
