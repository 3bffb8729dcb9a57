"""A rate stated on 年初预算 that was computed on 全年预算 (the adjusted budget).

    claim.completion_base   "完成年初预算的 X%" / "为年初预算的 X%" / "占年初预算 X%": X must be
                            决算 ÷ 年初预算; a rate that is 决算 ÷ 全年预算 and not 决算 ÷ 年初预算
                            names the wrong base

The two bases come from the sentence ("年初预算为 A 万元，全年预算为 B 万元，支出决算为 C 万元，
完成年初预算的 X%") or, where the sentence gives fewer, from the one table line that prints
年初预算数, 全年预算数 and the 执行数 the sentence states (a project's 绩效自评表).  A rate that
fits neither base is ``claim.share``'s; one that fits both (the budget was not adjusted) is
right.  Tolerance comes from the printed digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from cnbudget.checks.common import claims_by_id
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt, fmt_iv, in_table_unit, iv, percent_iv, table_label
from cnbudget.model import Claim, Disclosure, Finding, Row, Table
from cnbudget.numbers import Interval

# "完成年初预算的91.14%", "为年初预算的 91.67%", "占年初预算数 91.7%"
_ON_INITIAL = re.compile(
    r"(?:完成|为|占|达到?|执行)(?:了)?(?:当年|本年)?年初(?:部门)?预算(?:数)?(?:的)?\s*(?P<v>\d+(?:\.\d+)?)\s*%"
)

_ADJUSTED = re.compile(r"调整(?:后)?(?:的)?预算")


def _printed_on_initial(c: Claim) -> bool:
    """The share ``c`` is the figure of a 年初预算 completion phrase of its sentence."""
    return any(Decimal(m.group("v")) == c.value for m in _ON_INITIAL.finditer(re.sub(r"\s+", "", c.text)))


def _same_sentence(doc: Disclosure, c: Claim) -> list[Claim]:
    return [x for x in doc.claims if x.kind == "amount" and x.text == c.text and x.source == c.source]


def _one(claims: list[Claim], basis: str) -> Claim | None:
    found = [x for x in claims if x.basis == basis]
    return found[0] if len(found) == 1 else None


def _civ(c: Claim, unit: str) -> Interval | None:
    return in_table_unit(Interval.of(c.value), c.unit, unit)


def _table_line(doc: Disclosure, part: Claim, initial: Claim | None) -> tuple[Table, Row] | None:
    """The one line that prints 年初预算数, 全年预算数 and an 执行数 equal to the stated 决算
    (and a 年初预算数 equal to the stated one, where the sentence states it)."""
    found: list[tuple[Table, Row]] = []
    for t in doc.tables:
        for r in t.rows:
            v = r.values
            if not {"initial_budget", "final_budget", "executed"} <= v.keys():
                continue
            unit = t.unit or doc.meta.unit or ""
            done = _civ(part, unit)
            if done is None or not done.meets(iv(t, v["executed"])):
                continue
            if initial is not None:
                init = _civ(initial, unit)
                if init is None or not init.meets(iv(t, v["initial_budget"])):
                    continue
            found.append((t, r))
    return found[0] if len(found) == 1 else None


@rule(
    "claim.completion_base",
    severity="error",
    description="“完成年初预算的X%”应以年初预算为分母，不应按全年（调整后）预算计算 — "
    "a rate stated on the initial budget that was computed on the adjusted (full-year) budget",
    doc_kinds=("final",),
)
def completion_base(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    by_id = claims_by_id(doc)
    for c in doc.claims:
        if c.kind != "share" or not _printed_on_initial(c):
            continue
        amounts = _same_sentence(doc, c)
        part = by_id.get(c.related.get("part", -1))
        if part is None or part.basis != "current":
            part = next((x for x in reversed(amounts) if x.basis == "current"), None)
        if part is None:
            continue
        unit = part.unit
        initial, final = _one(amounts, "initial_budget"), _one(amounts, "final_budget")
        if final is None and _ADJUSTED.search(c.text):
            final = _one(amounts, "budget")  # "调整预算为 B 万元": the narrative reads it as 预算
        where = "句中"
        init_iv = _civ(initial, unit) if initial is not None else None
        final_iv = _civ(final, unit) if final is not None else None
        init_v = initial.value if initial is not None else None
        final_v = final.value if final is not None else None
        if init_iv is None or final_iv is None:
            line = _table_line(doc, part, initial)
            if line is None:
                continue
            t, r = line
            where = f"{table_label(t)}“{r.name or ''}”"
            # the table's figures, in the unit of the sentence
            init_iv = in_table_unit(iv(t, r.values["initial_budget"]), t.unit or doc.meta.unit, unit)
            final_iv = in_table_unit(iv(t, r.values["final_budget"]), t.unit or doc.meta.unit, unit)
            init_v, final_v = r.values["initial_budget"], r.values["final_budget"]
            if init_iv is None or final_iv is None:
                continue
        done = Interval.of(part.value)
        on_initial, on_final = percent_iv(done, init_iv), percent_iv(done, final_iv)
        if on_initial is None or on_final is None:
            continue
        ctx.checked()
        printed = Interval.of(c.value)
        if printed.meets(on_initial) or not printed.meets(on_final):
            continue
        yield finding(
            "claim.completion_base",
            f"所述“年初预算的 {fmt(c.value)}%”系按全年预算计算：决算 {fmt(part.value)} ÷ 全年预算 {fmt(final_v)} = "
            f"{fmt_iv(on_final)}%，而{where}年初预算为 {fmt(init_v)}，决算 ÷ 年初预算 = {fmt_iv(on_initial)}% — "
            f"the rate on the initial budget was computed on the adjusted budget",
            expected=on_initial.mid.quantize(Decimal("0.01")),
            actual=c.value,
            source=c.source,
            text=c.text,
        )
