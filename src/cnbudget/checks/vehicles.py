"""The cars the narrative counts: those whose running it budgets against those the department holds.

    claim.vehicles_run   "公务用车运行维护费…主要是 20 台公务用车的燃料费、维修费…" where the
                         国有资产占用情况 says "共有车辆 19 辆" and "计划购置车辆 0 辆": the cars
                         whose running is budgeted are more than the department holds and buys

A count of cars is read as one of cars run only in a clause about their running (运行, 运维,
维护, 燃料, 维修, 保险 …) that does not speak of buying, renewing, scrapping or handing over cars,
and where the count is not one of a change ("增加6辆公务用车运维费" counts the cars added, not
those run).  The cars held are read from "共有车辆 M 辆" (also 实有 / 现有 / 拥有 / 占有), the cars
bought from "计划购置车辆 K 辆" / "预算安排购置车辆 K 辆"; a document that states two different
holdings (of two scopes) or no purchase plan is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnbudget.checks.common import passages, text_finding
from cnbudget.checks.context import Context
from cnbudget.checks.registry import rule
from cnbudget.model import Disclosure, Finding

_CAR = r"(?:公务用车|公务车辆?|公车)"
# "20 台公务用车", "5 辆公务用车", "存量运行维护公务用车 102 辆"
RUN_COUNT_RE = re.compile(rf"(?P<a>\d+)\s*(?:台|辆)\s*{_CAR}|{_CAR}\s*(?P<b>\d+)\s*(?:台|辆)")
_RUN_HINT = re.compile(r"(?:台|辆)\s*(?:公务|公车)|公务用?车\s*\d+\s*(?:台|辆)")
# what a clause about cars' running speaks of
_RUNNING_RE = re.compile(r"运行|运维|维护|燃料|燃油|加油|维修|保险|保养|过桥过路")
# …and what makes it a clause about other cars than those run this year
_OTHER_CARS_RE = re.compile(r"购置|购买|更新|报废|处置|调拨|移交|划转|租|新增|增加|减少|核减|拟")
# the cars held: "共有车辆 19 辆", "本部门共有车辆 324 辆", "实有车辆 125 辆"
HELD_RE = re.compile(r"(?:共有|实有|现有|拥有|占有)\s*车辆\s*(\d+)\s*辆")
_HELD_HINT = re.compile(r"车辆\s*\d+\s*辆")
# the cars bought this year: "2026年计划购置车辆 0 辆", "单位预算安排购置车辆1辆"
BUY_RE = re.compile(r"(?:计划|安排)购置车辆\s*(\d+)\s*辆")
_CLAUSE_RE = re.compile(r"[^,;。]+")


def _run_counts(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, count) of each count of cars run that ``text`` states."""
    for clause in _CLAUSE_RE.finditer(text):
        c = clause.group(0)
        if not _RUNNING_RE.search(c) or _OTHER_CARS_RE.search(c):
            continue
        for m in RUN_COUNT_RE.finditer(c):
            n = int(m.group("a") or m.group("b"))
            yield clause.start() + m.start(), clause.start() + m.end(), n


@rule(
    "claim.vehicles_run",
    severity="warning",
    description="情况说明所述运行维护的公务用车数多于国有资产占用情况所列共有车辆与计划购置车辆之和 — "
    "the cars whose running is budgeted are more than the department holds and buys",
)
def vehicles_run(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    text = passages(doc, ctx)
    held = {int(m.group(1)) for b in text.holding(_HELD_HINT) for m in HELD_RE.finditer(b.text)}
    bought = [int(m.group(1)) for b in text.holding(_HELD_HINT) for m in BUY_RE.finditer(b.text)]
    if len(held) != 1 or not bought:
        return  # no holding, or two of two scopes; or no purchase plan: the cars run cannot be bounded
    (have,), buy = held, max(bought)
    for b in text.holding(_RUN_HINT):
        for start, end, n in _run_counts(b.text):
            ctx.checked()
            if n > have + buy:
                yield text_finding(
                    "claim.vehicles_run",
                    f"称运行维护费用于“{b.text[start:end]}”，而国有资产占用情况称共有车辆 {have} 辆、"
                    f"计划购置车辆 {buy} 辆 — more cars run ({n}) than held ({have}) and bought ({buy})",
                    b, start, end,
                )
