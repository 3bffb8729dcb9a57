"""The 政府采购 the text states by category against the table that lists what is bought.

    claim.procurement_category  "政府采购预算共8704.4万元，其中政府采购货物类预算448.08万元、服务类…、
                                工程类…" where the 政府采购表's rows of that category add to another
                                figure (476.08: two cars, A-items, left out of the goods)

A 政府采购表 classes its rows by category in one of three ways: a row for each category (货物 /
工程 / 服务, its amount the category's), a column naming the category of each group of rows
(采购品目大类: 货物 …), or a catalogue code opening each item's 采购目录 (政府采购品目分类目录:
A… 货物, B… 工程, C… 服务: "A0601办公家具").  The category rows a table is read by must add up
to its 合计, so that every row was classed; a table where they do not (a code misread, a row
cut) is not judged.  The stated categories are those of the whole procurement ("政府采购预算总额
X：货物…"), not of one fund ("其中一般公共预算拨款政府采购 Y：货物…").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt, fmt_iv, in_table_unit, iv, iv_sum
from cnbudget.model import Claim, Disclosure, Finding, Row, Table
from cnbudget.numbers import Interval
from cnbudget.units import UNIT_SCALE

# a category of procurement as the text names it: "政府采购货物类预算", "拟采购工程支出", "服务类项目"
_CATEGORY_RE = re.compile(r"(?P<cat>货物|工程|服务)类?(?:项目)?(?:支出)?(?:预算)?$")
# a procurement figure of one fund only (its categories are not the table's whole rows)
_FUND_RE = re.compile(r"一般公共预算|政府性基金|国有资本|财政专户|单位资金|财政拨款")
CATEGORIES = ("货物", "工程", "服务")
# the 政府采购品目分类目录's first letter: A goods, B works, C services ("A0601办公家具", "C99其他服务")
CATALOG_LETTERS = {"A": "货物", "B": "工程", "C": "服务"}
_CATALOG_CODE_RE = re.compile(r"\s*(?P<letter>[ABC])\d{2}")


@rule(
    "claim.procurement_category",
    severity="warning",
    description="所述政府采购货物/工程/服务类金额与政府采购表该类各行合计不符 — "
    "a stated procurement category against the table's rows of that category",
)
def procurement_categories(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    stated = _stated_categories(doc)
    tables = [t for t in doc.tables if t.kind == "procurement"]
    if not stated or len(tables) != 1:
        return
    table = tables[0]
    read = _categories(table)
    if read is None:
        return
    how, rows = read
    unit = table.unit or doc.meta.unit or ""
    for cat, c in stated.items():
        if (claimed := in_table_unit(Interval.of(c.value), c.unit, unit)) is None:
            continue
        ctx.checked()
        values = [v for r in rows[cat] if (v := r.values.get("total")) is not None]
        table_sum = iv_sum(table, values)
        if claimed.meets(table_sum) or _rounded_sum(values, unit, c) == c.value:
            continue  # the rows' sum, or the sum of the rows each rounded as the text prints them
        shown = in_table_unit(table_sum, unit, c.unit) or table_sum
        yield finding(
            "claim.procurement_category",
            f"情况说明称“{c.subject}”{fmt(c.value)}{c.unit}，政府采购表{how}“{cat}”{len(rows[cat])}行合计 "
            f"{fmt_iv(shown)}{c.unit} — the stated {cat} against the procurement table's rows of that category",
            table=table.kind,
            row=cat,
            column="total",
            actual=c.value,
            source=c.source,
            text=c.text,
        )


def _stated_categories(doc: Disclosure) -> dict[str, Claim]:
    """The first statement of each category as a part of the whole procurement."""
    by_id = {c.id: c for c in doc.claims}
    found: dict[str, Claim] = {}
    for c in doc.claims:
        m = _CATEGORY_RE.search(c.subject or "")
        whole = by_id.get(c.related.get("whole", -1))
        if c.kind != "amount" or c.basis != "current" or m is None or whole is None:
            continue
        if "采购" not in whole.subject or _FUND_RE.search(whole.subject) or _FUND_RE.search(c.subject):
            continue
        found.setdefault(m.group("cat"), c)
    return found


def _categories(table: Table) -> tuple[str, dict[str, list[Row]]] | None:
    """The table's rows of each category and how they are told (a row or column naming the
    category, or the catalogue code of each item), where they add up to the table's 合计."""
    total = next((r for r in table.rows if r.item == "total" and r.values.get("total") is not None), None)
    if total is None:
        return None
    named: dict[str, list[Row]] = {cat: [] for cat in CATEGORIES}
    coded: dict[str, list[Row]] = {cat: [] for cat in CATEGORIES}
    for r in table.rows:
        if r is total or r.values.get("total") is None:
            continue
        words = [(r.name or "").strip(), *(v.strip() for v in r.texts.values())]
        cat = next((w for w in words if w in CATEGORIES), None)
        if cat is not None:
            named[cat].append(r)
            continue
        code = next((m for w in words if (m := _CATALOG_CODE_RE.match(w)) is not None), None)
        if code is not None:
            coded[CATALOG_LETTERS[code.group("letter")]].append(r)
    whole = iv(table, total.values["total"])
    for how, rows in (("按类别行", named), ("按采购目录编码（A货物、B工程、C服务）", coded)):
        values = [r.values.get("total") for cat in CATEGORIES for r in rows[cat]]
        if values and iv_sum(table, values).meets(whole):
            return how, rows
    return None



def _rounded_sum(values: list[Decimal], unit: str, c: Claim) -> Decimal | None:
    """The rows' figures each put in the claim's unit and rounded to its printed places, added:
    a text that adds the items of a table in 元 as 万元 to the 分 prints this sum."""
    scale = UNIT_SCALE.get(unit), UNIT_SCALE.get(c.unit)
    if scale[0] is None or scale[1] is None:
        return None
    step = Decimal(1).scaleb(c.value.as_tuple().exponent)  # type: ignore[arg-type]
    return sum((((v * scale[0]) / scale[1]).quantize(step, ROUND_HALF_UP) for v in values), Decimal(0))
