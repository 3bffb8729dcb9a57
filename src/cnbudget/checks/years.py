"""Rules on the years the text names, against the document's own year and kind (meta).

    year.comparison      a budget of year N compares with a year other than N−1 ("2026年预算 …
                         比2026年预算增加"); a final account of N with a year other than N−1,
                         or with N itself unless it is N's own 预算 ("比2024年年初预算增加" is
                         right); a sentence comparing a year with itself ("2025年…，比2025年减少")
    year.heading         a heading or a table title naming another year's 预算/决算
                         ("2023年度部门决算" in the final account of 2024)
    year.scope           the sentence naming the units "纳入…N年部门预算编制范围" names another
                         year than the document's own ("纳入烟台市司法局2025年部门预算编制范围的
                         二级预算单位包括" in the 2026 budget)
    year.statement       a figure stated for N−1 by its year and compared with 上年 in the same
                         statement ("2021年本部门财政拨款支出105364.27万元，较上年增加29447.58
                         万元" in the 2022 budget): a figure compared with last year is this year's
    year.as_of           an asset date that does not fit: a final account of N reports its
                         assets at the end of N ("截至2023年12月31日" in 2024's is last year's),
                         a budget of N at a date before N
    year.project_period  a budget of N whose project runs only in earlier years
                         ("实施期：2025年1月至2025年12月" in a 2026 budget), or whose 绩效目标
                         sets a completion date before N ("项目完成时间 | 2025年12月31日") or a
                         deadline in its words ("2025年12月前出具报告")
    year.target          a performance target of a year-N budget that opens with N−1 ("2025年
                         按照工作职责完成好…") where the table's other targets open with N
    year.past_plan       a budget of N that plans for a year already past: "2025年计划投入100万元，
                         保障…" or "2024年拟组织…城市营销" in a 2026 budget (a project's text
                         copied from an earlier year's), in the text or a table cell
    year.plan_period     a five-year plan that ended before N named as the frame of N's work
                         ("紧紧围绕“十四五”…工作任务" in a 2026 budget), in the text or a table cell
    year.no_such_date    a date no calendar has ("2026年9月31日前完成", "2月30日"), in the text
                         or a table cell (a 绩效目标's deadline)

Legitimate mentions of other years stay silent: "上年", "2025年预算执行数" or "2025年末资产" in a
2026 budget, "与2023年度决算相比" in a 2024 final account, dates of documents and meetings.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from cnbudget.checks.common import (
    TABLE_PART,
    cell_finding,
    cells,
    checked_each,
    passages,
    pattern_findings,
    text_blocks,
    text_cells,
    text_finding,
)
from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import fmt
from cnbudget.model import Claim, Disclosure, Finding, TextBlock
from cnbudget.narrative.sentences import sentence_span
from cnbudget.numbers import figure_spans

YEAR = r"(?:19|20)\d\d"
KIND_ZH = {"budget": "预算", "final": "决算"}

# "与2023年相比", "比2023年预算数增加", "较2025年年初预算增加", "与2023年预算数保持一致".
COMPARISON_RE = re.compile(
    rf"(?:与|比|较|同|相对于|相较于?)\s*(?P<y>{YEAR})\s*年\s*(?:度)?(?P<tail>[^,;。!?]{{0,14}})"
)
# What makes the year after 与/比/较 a comparison (and not "与2024年工作相结合").
COMPARISON_TAIL_RE = re.compile(
    r"^(?:(?:年初|全年|调整后)?(?:部门)?(?:预算|决算)?(?:执行)?(?:数|情况)?)\s*"
    r"(?:相比|比较|同期|相较|增加|减少|增长|下降|持平|一致|相同|上升|降低|提高|增幅|降幅|无变化|基本持平|\d)"
)
_OWN_BUDGET_RE = re.compile(r"^(?:年初|全年|调整后)?(?:部门)?预算")
# "2025年“三公”经费预算13.85万元,比2025年减少5.45万元": the subject year, a figure, the same year.
SELF_COMPARISON_RE = re.compile(
    rf"(?<![比较与同\d])(?<![比较与同]\s)(?P<y1>{YEAR})\s*年(?:度)?[^。;]{{0,40}}?\d[\d,.]*\s*(?:亿元|万元|元)[^。;]{{0,16}}?"
    rf"(?:比|较|与)\s*(?P<y2>{YEAR})\s*年(?:度)?(?!\s*(?:年初|全年|调整后)?(?:部门)?预算)"
)
# A heading or title naming a year's 预算 / 决算 ("2023年度部门决算", "2024年部门预算情况说明").
HEADING_YEAR_RE = re.compile(rf"(?P<y>{YEAR})\s*年(?!\s*\d{{1,2}}\s*月)")
HEADING_KIND_RE = re.compile(r"预算|决算")
HEADING_OTHER_YEAR_OK_RE = re.compile(r"执行|结转|上年|对比|比较|同期|期末|年末|年底|截至|截止|以来|至\s*(?:19|20)\d\d")
# "截至2023年12月31日", "2023年末", "2023年底", "2023年期末".
AS_OF_RE = re.compile(
    rf"(?:(?:截至|截止)(?:到)?\s*(?P<y1>{YEAR})\s*年\s*(?:12\s*月\s*31\s*日|末|底|年底|年末|期末)"
    rf"|(?<![比较与至到])(?P<y2>{YEAR})\s*年\s*(?:12\s*月\s*31\s*日|末|底|期末))"
)
ASSETS_WORDS_RE = re.compile(r"资产|车辆|房屋|设备|用车")
# "实施期：2025年1月至2025年12月", "项目周期为2025年", "执行期限2024-2025年".
PERIOD_RE = re.compile(
    rf"(?:实施期|实施周期|项目周期|执行期|执行期限|实施期限|项目期限|起止时间|实施年限)\s*(?:限)?\s*(?:为|是)?\s*[:：]?\s*"
    rf"(?P<y1>{YEAR})\s*年?(?:度)?[^。;,]{{0,12}}?(?:(?:至|到|-|—|~|～)\s*(?P<y2>{YEAR})\s*年?|(?=[。;,]|$))"
)


# What every match of COMPARISON_RE and SELF_COMPARISON_RE holds (a comparison word, then a
# year): a passage without it is not scanned (the latter opens with look-behinds).
_COMPARED_YEAR_HINT = re.compile(rf"[与比较同于]\s*{YEAR}")


def _comparison_findings(doc: Disclosure, b: TextBlock, year: int) -> Iterator[Finding]:
    if not _COMPARED_YEAR_HINT.search(b.text):
        return
    kind = doc.meta.kind
    for m in COMPARISON_RE.finditer(b.text):
        tail = m.group("tail")
        if not COMPARISON_TAIL_RE.match(tail):
            continue
        y = int(m.group("y"))
        if y == year - 1:
            continue
        if kind == "final" and y == year and _OWN_BUDGET_RE.match(tail):
            continue  # a final account of N against N's own budget
        want = f"{year - 1}年" if kind == "budget" else f"{year - 1}年（上年）或{year}年预算"
        yield text_finding(
            "year.comparison",
            f"{year}年{KIND_ZH.get(kind or '', '')}与“{y}年”比较，比较年度应为{want} — compared with the wrong year",
            b, m.start(), m.end(), expected=None,
        )
    for m in SELF_COMPARISON_RE.finditer(b.text):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 != y2 or y2 != year - 1:
            continue  # another year than N-1 is year.comparison's
        yield text_finding(
            "year.comparison",
            f"句中以{y1}年的数与{y2}年比较（同一年份自己比较）；{year}年{KIND_ZH.get(kind or '', '')}应为{year}年与"
            f"{year - 1}年比较 — a year compared with itself",
            b, m.start(), m.end(),
        )


@rule(
    "year.comparison",
    severity="error",
    description="比较年度与文件年度不符（预算N年应与N−1年比较） — a comparison with the wrong year for the document's year and kind",
)
def comparison_years(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year or doc.meta.kind not in KIND_ZH:
        return
    for b in text_blocks(doc, skip_parts=(TABLE_PART, "profile", "glossary")):
        if b.heading:
            continue
        ctx.checked()
        yield from _comparison_findings(doc, b, year)


def _heading_years(doc: Disclosure) -> list[tuple[int, TextBlock | None, str, object, int]]:
    """(year, block, text, source-or-table, offset) of every heading and table title naming a
    year's 预算/决算."""
    out: list[tuple[int, TextBlock | None, str, object, int]] = []
    for b in doc.text:
        if not b.heading and b is not doc.text[0]:
            continue
        if not HEADING_KIND_RE.search(b.text) or HEADING_OTHER_YEAR_OK_RE.search(b.text):
            continue
        for m in HEADING_YEAR_RE.finditer(b.text):
            out.append((int(m.group("y")), b, b.text, b.source, m.start()))
    for t in doc.tables:
        title = t.title or ""
        if not HEADING_KIND_RE.search(title) or HEADING_OTHER_YEAR_OK_RE.search(title):
            continue
        for m in HEADING_YEAR_RE.finditer(title):
            out.append((int(m.group("y")), None, title, t, m.start()))
    return out


@rule(
    "year.heading",
    severity="error",
    description="标题或表名中的年度与文件年度不符 — a heading or table title naming another year's budget or final account",
)
def heading_years(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return
    found = _heading_years(doc)
    ctx.checked(len(found))
    wrong = [x for x in found if x[0] != year]
    if len(wrong) > len(found) - len(wrong) + 1:
        return  # most headings disagree with the title's year: the title is the one in doubt
    for y, b, text, where, at in wrong:
        msg = (f"标题写“{y}年”，而本文件为{year}年{KIND_ZH.get(doc.meta.kind or '', '')} — "
               "heading names another year")
        if b is not None:
            yield text_finding("year.heading", msg, b, at)
        else:
            t = where
            yield finding("year.heading", msg, table=t.kind, source=t.source, text=text)  # type: ignore[attr-defined]


# "纳入X局2025年部门预算编制范围的…", "纳入本部门2024年度部门决算编制范围的单位": the scope of
# the document itself, in its own year and kind
SCOPE_YEAR_RE = re.compile(rf"(?P<y>{YEAR})\s*年\s*度?\s*(?:部门|单位)?(?:综合)?(?P<kind>预算|决算)\s*(?:编制|汇编)范围")
_SCOPE_HINT = re.compile(r"算\s*(?:编制|汇编)范围")


@rule(
    "year.scope",
    severity="error",
    description="“纳入…N年部门预算（决算）编制范围”的年度与文件年度不符 — the document's own scope named with another year",
)
def scope_years(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year, kind = doc.meta.year, doc.meta.kind
    if not year or kind not in KIND_ZH:
        return
    text = passages(doc, ctx)
    checked_each(ctx, text.items)
    for b in text.holding(_SCOPE_HINT):
        for m in SCOPE_YEAR_RE.finditer(b.text):
            if m.group("kind") != KIND_ZH[kind] or int(m.group("y")) == year:
                continue  # another kind's scope is not this document's; its own year is right
            yield text_finding(
                "year.scope",
                f"称“{m.group(0)}”，而本文件为{year}年{KIND_ZH[kind]} — the document's own scope named with year {m.group('y')}",
                b, m.start(), m.end(),
            )


# a year printed before a figure in its clause ("2021 年本部门财政拨款支出 105364.27")
_CLAUSE_YEAR_RE = re.compile(rf"(?P<y>{YEAR})\s*年(?!\s*\d{{1,2}}\s*月)[^,;。:]*$")
# how many claims after an amount its change is sought among
CHANGE_REACH = 5


@rule(
    "year.statement",
    severity="error",
    doc_kinds=("budget",),
    description="以上年年份陈述的数又与上年比较（2022年预算：“2021年本部门财政拨款支出…，较上年增加…”） — "
    "a figure given last year's year and compared with last year",
)
def statement_years(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return
    claims = doc.claims
    for k, a in enumerate(claims):
        if a.kind != "amount" or a.basis != "previous" or "上年" in (a.subject or ""):
            continue
        change = next((c for c in claims[k + 1:k + 1 + CHANGE_REACH] if c.kind == "change" and "current" not in c.related
                       and c.subject == a.subject and c.source.page == a.source.page), None)
        if change is None:
            continue
        ctx.checked()
        stated = _stated_year(a)
        if stated != year - 1:
            continue
        word = "增加" if (change.direction or 0) > 0 else "减少"
        yield finding(
            "year.statement",
            f"“{stated}年…{a.subject}{fmt(a.value)}{a.unit}”其后即称较上年{word}{fmt(change.value)}{change.unit}：与上年比较的是{year}年的数，"
            f"年份应为{year}年 — a figure given year {stated} and compared with last year",
            source=a.source,
            text=a.text,
        )


def _stated_year(a: Claim) -> int | None:
    """The year printed in the clause that names the amount's subject before its figure."""
    for start, _ in figure_spans(a.text, a.value):
        y = _CLAUSE_YEAR_RE.search(a.text, 0, start)
        if y is not None and (a.subject or "") in a.text[y.end("y"):start]:
            return int(y.group("y"))  # the figure printed after its own subject, in a clause with a year
    return None


@rule(
    "year.as_of",
    severity="error",
    description="资产等时点年度与文件不符（N年决算应为N年末） — an as-of date of another year than the document's",
)
def as_of_dates(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year, kind = doc.meta.year, doc.meta.kind
    if not year or kind not in KIND_ZH:
        return
    for b in text_blocks(doc, skip_parts=(TABLE_PART, "profile", "glossary")):
        if b.heading or not ASSETS_WORDS_RE.search(b.text):
            continue
        ctx.checked()
        for m in AS_OF_RE.finditer(b.text):
            y = int(m.group("y1") or m.group("y2"))
            _, end = sentence_span(b.text, m.start())
            if not ASSETS_WORDS_RE.search(b.text, m.end(), min(end, m.end() + 60)):
                continue  # a date of something else than the assets
            if kind == "final" and y != year:
                want = f"{year}年12月31日（{year}年末）"
            elif kind == "budget" and y >= year:
                want = f"{year - 1}年末或更早"
            else:
                continue
            yield text_finding(
                "year.as_of",
                f"{year}年{KIND_ZH[kind]}的资产时点写作“{m.group(0).strip()}”，应为{want} — as-of date of another year",
                b, m.start(), m.end(),
            )


@rule(
    "year.project_period",
    severity="error",
    doc_kinds=("budget",),
    description="预算项目的实施期早于预算年度 — a budget project whose period ended before the budget year",
)
def project_periods(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return
    for b in text_blocks(doc, skip_parts=(TABLE_PART, "profile", "glossary")):
        ctx.checked()
        for m in PERIOD_RE.finditer(b.text):
            end = int(m.group("y2") or m.group("y1"))
            if end >= year:
                continue
            yield text_finding(
                "year.project_period",
                f"{year}年预算项目的实施期为“{m.group(0).split('期', 1)[-1].strip(':：为是 ')}”，在{year}年之前已结束 — "
                "project period ended before the budget year",
                b, m.start(), m.end(),
            )
    # a 绩效目标's 时效指标 whose completion date lies before the budget year ("项目完成时间 |
    # 2025年12月31日" in a 2026 budget)
    rows = {id(r): (t, r) for t, r, _, _ in cells(doc, ctx).holding(COMPLETION_NAME_RE)
            if t.kind in ("performance_targets", "projects")}
    for t, r in rows.values():
        ctx.checked()
        for col, cell in r.texts.items():
            if (m := COMPLETION_DATE_RE.match(cell)) is not None and int(m.group("y")) < year:
                name = next(c for c in r.texts.values() if COMPLETION_NAME_RE.search(c))
                yield cell_finding(
                    "year.project_period",
                    f"：{year}年预算项目的“{name.strip()}”为 {cell.strip()}，在{year}年之前 — "
                    "a completion date before the budget year",
                    t, r, col, cell, m.start("y"), m.end(),
                )
    # a deadline a target of the year sets before the year began ("2025年12月前出具报告" in a 2026
    # budget's 绩效目标): the target copied from last year's
    for t, r, col, cell in text_cells(doc, ctx):
        if t.kind != "performance_targets" or ("目标" not in col and "指标" not in col) or "前" not in cell:
            continue  # (a deadline says 前: most cells are passed over at C speed)
        for m in DEADLINE_RE.finditer(cell):
            if int(m.group("y")) < year:
                yield cell_finding(
                    "year.project_period",
                    f"：{year}年预算的绩效目标定下期限“{m.group(0)}”，在{year}年之前 — a target's deadline before the budget year",
                    t, r, col, cell, m.start("y"), m.end(),
                )
                break  # one finding a cell: its other dates are the same slip


# A deadline set in a target's words: "2025年12月前出具报告", "2025年12月31日前完成设备购置",
# "2025年6月底前" — not one already met ("已于2025年6月前完成").
DEADLINE_RE = re.compile(rf"(?<!已于)(?<!已在)(?P<y>{YEAR})\s*年\s*\d{{1,2}}\s*月\s*(?:\d{{1,2}}\s*日)?\s*(?:底|末)?\s*(?:之前|以前|前)")
# A 时效指标 naming a completion date, and a target that is a date ("2025年12月31日", "≤2026年6月")
COMPLETION_NAME_RE = re.compile(r"完成时间|完成时限|完成日期|完成期限|截止时间|完工时间|验收时间")
COMPLETION_DATE_RE = re.compile(rf"^\s*(?:[≤<=]|不晚于|于)?\s*(?P<y>{YEAR})\s*年")


# A target cell that opens with its year ("2026年完成水路交通绿色发展…", "目标1：2026年…"); a year
# followed by 度/底/末/前/以来, a range or a list ("2025年度财务报告", "2024-2025年") names the
# period of a thing, not the year the target is for.
TARGET_YEAR_RE = re.compile(rf"^\s*(?:目标\s*\d*\s*[:.、]?\s*)?(?P<y>{YEAR})\s*年(?![度底末前以中\-~至、和及与]|\d)")
# A table whose targets open with the budget year at least this often sets the year they are for.
TARGETS_OPENING_WITH_YEAR = 2


@rule(
    "year.target",
    severity="warning",
    doc_kinds=("budget",),
    description="绩效目标写成上一年（2025年完成…），而同表其他目标为预算年度 — a performance target stated for the year before",
)
def target_years(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return
    by_table: dict[int, list[tuple[object, ...]]] = {}
    for t, r, col, cell in text_cells(doc, ctx):
        if "目标" not in col:
            continue  # a target, not a procurement item ("2021年项目合同尾款") or a project's name
        m = TARGET_YEAR_RE.match(cell)
        if m is not None:
            by_table.setdefault(id(t), []).append((t, r, col, cell, m))
    for opened in by_table.values():
        ctx.checked(len(opened))
        if sum(1 for *_, m in opened if int(m.group("y")) == year) < TARGETS_OPENING_WITH_YEAR:  # type: ignore[attr-defined]
            continue  # the table does not say which year its targets are for
        for t, r, col, cell, m in opened:
            if int(m.group("y")) != year - 1:  # type: ignore[attr-defined]
                continue
            yield cell_finding(
                "year.target",
                f"目标写作“{cell[:24]}…”，而同表其他目标为“{year}年…” — a target of the {year} budget stated for {year - 1}",
                t, r, col, cell, m.start("y"), m.end(),  # type: ignore[arg-type, attr-defined]
            )


# "2025年计划投入100万元", "2024年拟组织…": a year's plan.  Not a comparison with last year's plan
# ("比2025年计划数增加", "较2025年计划…") nor a plan's figure or items named ("2025年计划数",
# "2025年计划内项目"), nor one said to be already made or changed (原/已).
PAST_PLAN_RE = re.compile(rf"(?<![较比与同于对原已])(?P<y>{YEAR})\s*年\s*(?:计划|拟)(?![数内外中的])")
_PAST_PLAN_HINT = re.compile(r"年\s*(?:计划|拟)")


@rule(
    "year.past_plan",
    severity="warning",
    doc_kinds=("budget",),
    description="预算写有往年的计划（2026年预算中“2025年计划投入100万元”） — a budget planning for a year already past",
)
def past_plans(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return

    def message(text: str, m: re.Match[str]) -> str | None:
        planned = int(m.group("y"))
        if planned >= year:
            return None
        return (f"{year}年预算写有“{text[m.start():m.end() + 16]}…”：计划的是{planned}年，早于预算年度"
                f" — a {year} budget planning for {planned}")

    yield from pattern_findings(doc, ctx, "year.past_plan", _PAST_PLAN_HINT, PAST_PLAN_RE, message)


# "紧紧围绕“十四五”…工作任务": a five-year plan named as the frame of the year's work.  Not where the
# plan is cited (根据《“十三五”…规划》), its tasks finished (完成…“十四五”…任务) or looked back on.
PLAN_FRAME_RE = re.compile(
    r"(?:围绕|紧扣|聚焦|对标|锚定|立足|落实|贯彻|推进|实现)[^。;,]{0,8}?“?十(?P<n>[一二三四五六七八九])五”?"
    r"(?P<tail>[^。;]{0,24})"
)
_PLAN_HINT = re.compile("十[一二三四五六七八九]五")  # in every match, and opening with a literal
LOOK_BACK_RE = re.compile(r"^[^。;]{0,12}?(?:评估|总结|回顾|收官|终期|期间|时期|以来|成效|成果)")
_PLAN_NUMBER = {c: n for n, c in enumerate("一二三四五六七八九", start=11)}


def plan_end(number: str) -> int:
    """The last year of the 十X五 plan (the 11th, 十一五, ran 2006–2010)."""
    return 1955 + 5 * _PLAN_NUMBER[number]


@rule(
    "year.plan_period",
    severity="warning",
    description="以已结束的五年规划作为本年工作的依托（2026年预算“围绕‘十四五’…工作任务”） — "
    "a five-year plan that has ended named as the frame of the year's work",
)
def plan_periods(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    if not year:
        return
    for b in passages(doc, ctx).holding(_PLAN_HINT):
        for m in _ended_plans(b.text, year, ctx):
            yield text_finding("year.plan_period", _plan_message(m, year), b, m.start(), m.end())
    for t, r, col, cell in cells(doc, ctx).holding(_PLAN_HINT):
        for m in _ended_plans(cell, year, ctx):
            yield cell_finding("year.plan_period", "：" + _plan_message(m, year), t, r, col, cell, m.start(), m.end())


def _ended_plans(text: str, year: int, ctx: Context) -> Iterator[re.Match[str]]:
    """The plans ``text`` names as the frame of ``year``'s work whose period ended before it."""
    for m in PLAN_FRAME_RE.finditer(text):
        ctx.checked()
        if plan_end(m.group("n")) < year and not LOOK_BACK_RE.match(m.group("tail")):
            yield m


def _plan_message(m: re.Match[str], year: int) -> str:
    name = f"十{m.group('n')}五"
    return (f"“{m.group(0)[:36]}”：“{name}”规划期已于{plan_end(m.group('n'))}年结束，{year}年的工作不应再围绕它安排"
            f"（疑为沿用往年文本） — a five-year plan that ended in {plan_end(m.group('n'))} framed as {year}'s work")


# "2026年9月31日", "9月31日前": a month and a day, with the year where it is printed.
DATE_RE = re.compile(r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?<![\d.,])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_DATE_HINT = re.compile(r"月\s*\d{1,2}\s*日")


def no_such_day(text: str, year: int | None) -> Iterator[re.Match[str]]:
    """The dates of ``text`` whose month has no such day (or no such month): the year printed
    with the date, else ``year``, decides 2月29日."""
    for m in DATE_RE.finditer(text):
        month, day = int(m.group("m")), int(m.group("d"))
        printed = int(m.group("y")) if m.group("y") else year
        if not 1 <= month <= 12:
            yield m
            continue
        # a year not known: 2月29日 stands (it exists in a leap year)
        last = calendar.monthrange(printed or 2024, month)[1]
        if not 1 <= day <= last:
            yield m


@rule(
    "year.no_such_date",
    severity="warning",
    description="日期不存在（2026年9月31日、2月30日） — a date that no calendar has",
)
def no_such_dates(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    year = doc.meta.year
    text, table_cells = passages(doc, ctx), cells(doc, ctx)
    ctx.checked(len(text.items) + len(table_cells.items))
    for b in text.holding(_DATE_HINT):
        for m in no_such_day(b.text, year):
            yield text_finding("year.no_such_date", _date_message(m), b, m.start(), m.end())
    for t, r, col, cell in table_cells.holding(_DATE_HINT):
        for m in no_such_day(cell, year):
            yield cell_finding("year.no_such_date", "：" + _date_message(m), t, r, col, cell, m.start(), m.end())


def _date_message(m: re.Match[str]) -> str:
    month, day = int(m.group("m")), int(m.group("d"))
    why = f"没有{month}月" if not 1 <= month <= 12 else f"{month}月没有{day}日"
    return f"“{m.group(0)}”：{why}，日期有误 — no such date"
