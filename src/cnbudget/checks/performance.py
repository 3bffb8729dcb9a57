"""Rules on performance tables (绩效自评表, 评价基础数据表, 绩效目标表).

    perf.score_sum       各指标得分之和 = 总分 (and 分值之和 = 总分值)
    perf.execution_rate  执行率 = 全年执行数 ÷ 全年预算数
    perf.rate_over_whole a target over 100 % for a rate that is a share of a whole (合格率, 满意度,
                         覆盖率, 及时性 …): "车辆验收合格率 =1100%"
    perf.rate_unit       a rate's target (…率, …满意度) stated in a unit no rate has: "社会公众满意度
                         ≤3次", "创新实验室成本控制率 ≤10000万元"
    perf.cost_over_funds a 成本指标 stating a cost in 万元 above the whole of the project's funds
                         its own form prints ("财政投入控制数 =1849.5万元" on 资金总额 1800.00)
    perf.rate_without_percent a rate's target printed as a bare fraction among rates in %:
                         "基本殡葬费用减免完成率 1" where the form's other rates read "=100%"
    perf.count_in_percent a target that counts (…时长, …次数, …人数) stated as a percentage: "周工作时长
                         ≤40%" (hours, not a share)
    perf.blank_goal      a project form whose 年度目标 line prints its label only: no goal stated
    perf.goal_funds      a goal that states more money for the document's year than its project's
                         line: "计划于2026年使用816.36万元采购…" on a line of 766.36
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from cnbudget.checks.common import cell_finding, cells, text_cells
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt, fmt_iv, iv, percent_iv, row_key, row_label, table_label
from cnbudget.model import Disclosure, Finding, Row, Table
from cnbudget.numbers import Interval, decimals

KINDS = ("performance_review", "performance_targets")


def _is_total(r: Row) -> bool:
    if r.is_total:
        return True
    text = "".join([r.name or "", *r.texts.values()])
    return "总分" in text or "综合得分" in text


def _score_blocks(t: Table) -> Iterator[tuple[list[Row], Row]]:
    """Indicator rows followed by their 总分 row (a table may hold several self-evaluations)."""
    block: list[Row] = []
    for r in t.rows:
        if _is_total(r):
            yield block, r
            block = []
        elif "score" in r.values or "weight" in r.values:
            block.append(r)


def _is_sub_row(r: Row) -> bool:
    """“其中：当年财政拨款” — a part of the row above, not an indicator of its own."""
    text = (r.name or "") + "".join(r.texts.values())
    return text.lstrip().startswith("其中")


def _col_iv(t: Table, col: str, rows: list[Row]) -> Callable[[Decimal], Interval]:
    """Weights (分值) are assigned, so exact; scores are rounded at the column's precision."""
    if col == "weight":
        return Interval.exact
    places = max((decimals(r.values[col]) for r in rows if col in r.values), default=0)

    def of(v: Decimal) -> Interval:
        r = Decimal(5).scaleb(-max(places, decimals(v)) - 1)
        return Interval(v - r, v + r)

    return of


@rule(
    "perf.score_sum",
    severity="error",
    kinds=KINDS,
    description="绩效自评表各项得分(分值)之和应等于总分 — indicator scores add up to the total score",
)
def score_sum(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in KINDS:
            continue
        for block, total in _score_blocks(t):
            block = [r for r in block if not _is_sub_row(r)]
            for col, label in (("score", "得分"), ("weight", "分值")):
                if col not in total.values:
                    continue
                rows = [r for r in block if col in r.values]
                if len(rows) < 2:
                    continue
                of = _col_iv(t, col, [*rows, total])
                ctx.checked()
                s = sum((of(r.values[col]) for r in rows), Interval.exact(Decimal(0)))
                target = of(total.values[col])
                if s.meets(target):
                    continue
                severity = None
                hint = ""
                blank = [r for r in block if col == "score" and "weight" in r.values and "score" not in r.values]
                if blank:
                    full = s + sum((Interval.exact(r.values["weight"]) for r in blank), Interval.exact(Decimal(0)))
                    names = "、".join(f"“{row_label(r)}”" for r in blank[:3])
                    if full.meets(target):
                        rates = [r.values.get("execution_rate") for r in blank]
                        short = [x for x in rates if x is not None and x < 100]
                        if not short:
                            continue  # the blank scores are full marks, and nothing argues against it
                        severity = "warning"
                        hint = (f"；总分只有在{names}得分按满分 {fmt(sum((r.values['weight'] for r in blank), Decimal(0)))} "
                                f"计时才成立，而该行执行率为 {fmt(short[0])}%，得分栏空白")
                    else:
                        hint = f"；{names}有分值而得分空白"
                yield finding(
                    "perf.score_sum",
                    f"{table_label(t)}各项{label}之和为 {fmt_iv(s)}（{len(rows)} 项），总分行为 {fmt(total.values[col])}{hint} — "
                    f"the {col}s do not add up to the total",
                    severity=severity,
                    table=t.kind,
                    row=row_key(total),
                    column=col,
                    expected=s.mid.quantize(Decimal("0.01")),
                    actual=total.values[col],
                    source=total.source,
                )


@rule(
    "perf.execution_rate",
    severity="error",
    kinds=KINDS,
    description="执行率 = 全年执行数 ÷ 全年预算数 — execution rate = executed ÷ final budget",
)
def execution_rate(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in KINDS:
            continue
        for r in t.rows:
            rate, done = r.values.get("execution_rate"), r.values.get("executed")
            base = r.values.get("final_budget", r.values.get("initial_budget"))
            if rate is None or done is None or base is None or base == 0:
                continue
            if rate == 0 and "weight" not in r.values:
                continue  # sub-lines (其中：财政拨款, 上年结转) print 0.0% by convention: not computed
            q = percent_iv(iv(t, done), iv(t, base))
            if q is None:
                continue
            ctx.checked()
            printed = Interval.of(rate)
            if printed.meets(q):
                continue
            yield finding(
                "perf.execution_rate",
                f"{table_label(t)}“{row_label(r)}”执行率印为 {fmt(rate)}%，而执行数 {fmt(done)} ÷ 预算数 {fmt(base)} = "
                f"{fmt_iv(q)}% — execution rate does not follow from executed / budget",
                table=t.kind,
                row=row_key(r),
                column="execution_rate",
                expected=q.mid.quantize(Decimal("0.01")),
                actual=rate,
                source=r.source,
            )


# Rates that are a share of a whole: no target of them can pass 100 % (a 完成率 or 执行率 may, by
# doing or spending more than planned; a 增长率 or 控制率 too).
BOUNDED_RATE_RE = re.compile(
    r"(?:合格率|满意度|满意率|覆盖率|知晓率|准确率|正确率|及时率|及时性|达标率|完好率|通过率|办结率|到位率|"
    r"普及率|参保率|入学率|上线率)$"
)
# A target in percent: "≥95%", "=100%", "不低于 98%"
PERCENT_TARGET_RE = re.compile(r"^(?:[≥≤=<>]|不低于|不少于|不高于|达到|大于|小于)?\s*(?P<n>\d+(?:\.\d+)?)\s*%$")


@rule(
    "perf.rate_over_whole",
    severity="warning",
    kinds=KINDS,
    description="绩效指标中合格率、满意度、覆盖率、及时性等比率的目标值超过 100%（=1100%） — a rate target over 100 %",
)
def rates_over_whole(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # the targets in percent first (most lines print none over 100), then the rate they are of
    over: dict[int, list[tuple[Table, Row, str, str, re.Match[str]]]] = {}
    for t, r, col, cell in text_cells(doc, ctx):  # folded once per run, shared with other rules
        if t.kind in KINDS and "%" in cell and (m := PERCENT_TARGET_RE.match(cell.strip())) is not None:
            ctx.checked()
            if Decimal(m.group("n")) > 100:
                over.setdefault(id(r), []).append((t, r, col, cell, m))
    for targets in over.values():
        names = [c for c in targets[0][1].texts.values() if BOUNDED_RATE_RE.search(c.strip())]
        for t, r, col, cell, m in targets if names else ():
            yield cell_finding(
                "perf.rate_over_whole",
                f"：“{names[-1].strip()}”的目标值为 {cell.strip()}，该比率不能超过 100% — a rate target over 100 %",
                t, r, col, cell, m.start("n"), m.end(),
            )


# A rate named as such, and a target in a unit that counts or sums (a rate is in %, ‰, 百分点 or
# a score: "满意度 ≥90分"): "社会公众满意度 ≤3次", "成本控制率 ≤10000万元"
RATE_NAME_RE = re.compile(r"(?:率|满意度)$")
COUNTED_TARGET_RE = re.compile(
    r"^(?:[≥≤=<>]|不低于|不少于|不高于|不超过|达到|大于|小于)?\s*\d[\d,]*(?:\.\d+)?\s*"
    r"(?P<unit>万元|元|人次|次|人|个|件|项|家|篇|个工作日|工作日|天|小时|辆|台|套|期|场|户|所)$"
)

_RATE_NAME_END = "率|满意度"
_COUNTED_END = "万元|元|人次|次|人|个|件|项|家|篇|工作日|天|小时|辆|台|套|期|场|户|所"


@rule(
    "perf.rate_unit",
    severity="warning",
    kinds=KINDS,
    description="绩效指标为比率（…率、满意度），指标值却以次、人、万元等计（社会公众满意度 ≤3次） — a rate's target in a unit no rate has",
)
def rate_units(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    # the cells ending with a counted unit, on rows with a cell ending with a rate's name
    table_cells = cells(doc, ctx)
    named = {id(table_cells.items[k][1]) for k in table_cells.ending(_RATE_NAME_END)}
    for k in table_cells.ending(_COUNTED_END):
        t, r, col, cell = table_cells.items[k]
        if t.kind not in KINDS or id(r) not in named:
            continue  # no rate named on its row (a name may end a cell or the row's last one)
        m = COUNTED_TARGET_RE.match(cell.strip())
        if m is None:
            continue
        ctx.checked()
        names = [c.strip() for k, c in r.texts.items() if k != col and RATE_NAME_RE.search(c.strip())]
        if names:
            yield cell_finding(
                "perf.rate_unit",
                f"：指标“{names[-1]}”为比率，指标值却为 {cell.strip()}（以“{m.group('unit')}”计） — a rate's target in a unit no rate has",
                t, r, col, cell, 0, len(cell),
            )


def _targets(r: Row, name_col: str, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """(column, cell) of each cell of the indicator's row other than its name that ``pattern``
    matches whole: its target."""
    for col, cell in r.texts.items():
        if col != name_col and pattern.match(cell.strip()):
            yield col, cell


# A rate's target printed as a bare number no larger than 1 ("完成率 1", "=0.95"): where the form's other
# rates are in % the % was left out, and "1" reads as 1 %, not the 100 % meant
BARE_FRACTION_RE = re.compile(r"^(?:[≥≤=<>]|不低于|不高于|达到)?\s*(?:0(?:\.\d+)?|1(?:\.0+)?)$")


@rule(
    "perf.rate_without_percent",
    severity="warning",
    kinds=KINDS,
    description="比率指标值为不带%的小数或1（完成率 1），同表其他比率均以%计 — a rate's target printed as a bare fraction",
)
def rates_without_percent(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    table_cells = cells(doc, ctx)
    named = table_cells.ending(_RATE_NAME_END)
    by_table: dict[int, list[tuple[Table, Row, str]]] = {}
    for k in named:
        t, r, col, name = table_cells.items[k]
        if t.kind in KINDS and RATE_NAME_RE.search(name.strip()):
            by_table.setdefault(id(t), []).append((t, r, col))
    for rates in by_table.values():
        ctx.checked(len(rates))
        # a form with a unit column prints "%" in a cell of its own: its bare figures are percents
        if not any("%" in c and c.strip() != "%" for _, r, col in rates for k, c in r.texts.items() if k != col):
            continue
        for t, r, col in rates:
            if any(c.strip() == "%" for c in r.texts.values()):
                continue
            for target_col, cell in _targets(r, col, BARE_FRACTION_RE):
                yield cell_finding(
                    "perf.rate_without_percent",
                    f"：指标“{r.texts[col].strip()}”的指标值为 {cell.strip()}，没有“%”，同表其他比率均以%计 — "
                    "a rate's target printed as a bare fraction",
                    t, r, target_col, cell, 0, len(cell),
                )


# An indicator named as a count or a length of time, and a target that is a bare percentage: a
# share has a 率 or 比例 in its name, a duration or a number of times has a unit of its own
# ("周工作时长 ≤40%" for 40 小时); the target as PERCENT_TARGET_RE reads it
_COUNT_NAME_END = "时长|天数|小时数|次数|人数|人次|户数|个数|件数|台数|辆数"
COUNT_NAME_RE = re.compile(f"(?:{_COUNT_NAME_END})$")


@rule(
    "perf.count_in_percent",
    severity="warning",
    kinds=KINDS,
    description="绩效指标为时长、次数、人数等计数，指标值却为百分比（周工作时长 ≤40%） — a count's target stated as a percentage",
)
def counts_in_percent(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    table_cells = cells(doc, ctx)
    for k in table_cells.ending(_COUNT_NAME_END):
        t, r, col, name = table_cells.items[k]
        if t.kind not in KINDS or not COUNT_NAME_RE.search(name.strip()):
            continue
        ctx.checked()
        for target_col, cell in _targets(r, col, PERCENT_TARGET_RE):
            yield cell_finding(
                "perf.count_in_percent",
                f"：指标“{name.strip()}”是时长或数量，指标值却为百分比 {cell.strip()} — a count's target stated as a percentage",
                t, r, target_col, cell, 0, len(cell),
            )


# A cost target in 万元 that states the cost: "=1849.5万元", "1,200万元" (a ceiling, "≤826万元", may
# stand above this year's funds: a project's whole cost over several years or sources)
COST_STATED_RE = re.compile(r"^=?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*万元$")
_COST_CLASS_RE = re.compile(r"成本指标$")


@rule(
    "perf.cost_over_funds",
    severity="warning",
    kinds=("performance_targets",),
    description="成本指标所列成本（万元）大于本项目绩效目标表所列的资金总额（=1849.5万元 / 1800.00） — "
    "a stated cost above the project's whole funds",
)
def costs_over_funds(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables_of("performance_targets"):
        funds = [r for r in t.rows if "total" in r.values]
        # one project's form: one 资金总额, stated in 万元 (its label or the table's unit)
        if len(funds) != 1 or not (t.unit == "万元" or any("万元" in c for c in funds[0].texts.values())):
            continue
        whole = funds[0].values["total"]
        if whole <= 0:
            continue  # no funds read: nothing to weigh the costs against
        for r in t.rows:
            cells = list(r.texts.items())
            if not any(_COST_CLASS_RE.search(c.strip()) for _, c in cells):
                continue
            for col, cell in cells:
                m = COST_STATED_RE.match(cell.strip())
                if m is None:
                    continue
                ctx.checked()
                ceiling = Decimal(m.group("n").replace(",", ""))
                if iv(t, ceiling).lo <= iv(t, whole).hi:
                    continue
                name = next((c for k, c in cells if "三级" in k), r.name or "")
                yield finding(
                    "perf.cost_over_funds",
                    f"{table_label(t)}（{t.title}）成本指标“{name.strip()}”目标值 {cell.strip()}，大于本表资金总额 "
                    f"{fmt(whole)}万元 — a stated cost above the project's whole funds",
                    table=t.kind, row=row_key(r), column=col, expected=whole, actual=ceiling, source=r.source,
                )


# The line of a project's form that holds its goal: "年度目标", "年度绩效目标", "绩效目标", "项目年度目标"
GOAL_LABEL_RE = re.compile(r"^(?:项目)?(?:年度|当年|本年度?)?(?:绩效)?目标$")


@rule(
    "perf.blank_goal",
    severity="warning",
    kinds=("performance_targets",),
    description="项目绩效目标表的“年度目标”栏为空（只有栏名，没有目标） — a project form's goal left blank",
)
def blank_goals(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables_of("performance_targets"):
        # one project's form: its money printed as one 资金总额 line (a list of projects prints
        # its goals in a column, where a blank cell is no line of its own)
        if sum("total" in r.values for r in t.rows) != 1:
            continue
        for r in t.rows:
            printed = [c.strip() for c in r.texts.values() if c.strip()]
            if r.values or not printed or not all(GOAL_LABEL_RE.match(re.sub(r"\s+", "", c)) for c in printed):
                continue
            ctx.checked()
            yield finding(
                "perf.blank_goal",
                f"{table_label(t)}（{t.title}）“{printed[0]}”栏为空，未填写项目的年度目标 — the form's goal is left blank",
                table=t.kind, row=row_key(r), column=None, source=r.source,
            )


# A goal that states this year's money of its project: "计划于2026年使用816.36万元采购…",
# "2026年安排资金120万元用于…" (a year printed: a sum without one may be the project's whole cost)
GOAL_FUNDS_RE = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?\s*(?:计划)?\s*(?:使用|安排|投入)(?:资金|经费|预算)?\s*"
    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*万元"
)
_GOAL_FUNDS_HINT = re.compile(r"(?:使用|安排|投入)")


@rule(
    "perf.goal_funds",
    severity="warning",
    kinds=("performance_targets", "projects"),
    description="绩效目标所述本年使用资金大于本行项目预算（“计划于2026年使用816.36万元”，预算数766.36） — "
    "a goal states more money for the year than its project's line",
)
def goal_funds(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return
    for t, r, col, cell in cells(doc, ctx).holding(_GOAL_FUNDS_HINT):
        whole = r.values.get("total")
        if t.kind not in ("performance_targets", "projects") or whole is None or whole <= 0 or t.unit != "万元":
            continue
        for m in GOAL_FUNDS_RE.finditer(cell):
            if int(m.group("year")) != year:
                continue
            ctx.checked()
            stated = Decimal(m.group("n").replace(",", ""))
            if iv(t, stated).lo <= iv(t, whole).hi:
                continue
            yield cell_finding(
                "perf.goal_funds",
                f"：目标称“{m.group(0)}”，大于本行预算数 {fmt(whole)}万元 — the goal states more money than its project's line",
                t, r, col, cell, m.start(), m.end(), expected=whole, actual=stated,
            )
