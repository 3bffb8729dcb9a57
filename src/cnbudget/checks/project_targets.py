"""A project's money in the 项目支出表 against the same project in its 绩效目标表.

    cross.projects_vs_performance   the amount a performance target form (or list) states for
                                    a project = that project's line in the project table, in
                                    the same scope (年度资金总额 ↔ 合计, 财政拨款 ↔ 财政拨款,
                                    一般公共预算 ↔ 一般公共预算)

Projects are matched by name (spaces, bracket widths and punctuation aside), and by unit
(单位名称) where both tables print it; a name printed twice in either table is not matched.
A project found in one table only is no finding here.  A performance figure whose scope is
not the year's (实施期 / 中期资金总额) is not compared.  Figures are compared as the intervals
their printed digits stand for, in the project table's unit; a difference of one unit of the
coarser figure's last printed place is 尾差 (info).

Performance forms are read in two layouts (``tables.performance`` keeps their cells in
``Row.texts``): a list, one project per line (项目名称 | 金额 / 预算数 / 当年财政拨款预算金额 |
绩效目标), and a form per project (its header says 项目名称 | X; its lines say 年度资金总额 |
100.00, 其中：财政拨款 | 80.00).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from cnbudget.checks.context import Context
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import (
    UNIT_SCALE,
    col_label,
    data_rows,
    fmt,
    in_table_unit,
    iv,
    iv_sum,
    table_label,
    ulp,
)
from cnbudget.model import Disclosure, Finding, Row, Source, Table
from cnbudget.numbers import Interval, decimals, parse_amount

# the scope a performance label names: "total" (all funds), "fiscal" (财政拨款),
# "general_budget" (一般公共预算), "any" (预算数 / 金额: the form does not say which)
_SCOPE_LABELS: tuple[tuple[str, str], ...] = (
    (r"一般公共预算", "general_budget"),
    (r"财政拨款", "fiscal"),
    (r"^(年度)?(预算)?资金总额|^项目(资金)?总额|^部门预算总额", "total"),
    (r"^(项目)?(预算)?(金额|预算数|资金)$|^预算(金额|数)$|^(本年|当年)预算(数|金额)?$", "any"),
)
# figures of another period than the budget year: never compared with the year's table
_OTHER_PERIOD = re.compile(r"实施期|中期|总投资|累计|以前年度|上年")
_NAME_LABEL = re.compile(r"^(一级|二级)?项目(名称)?$")
_GOAL_LABEL = re.compile(r"绩效目标|目标$")
_UNIT_LABEL = re.compile(r"^(预算)?单位(名称)?$|^二级预算单位名称$|^实施单位$")
_UNIT_IN_LABEL = re.compile(r"[(（](万元|元|千元|亿元)[)）]")

_MONEY_WORD = re.compile(r"资金|财政拨款|一般公共预算|总额|金额|预算数")



@dataclass(frozen=True)
class TargetAmount:
    """One project's figure in a performance table: the printed label decides its scope."""

    name: str
    unit_name: str | None
    value: Decimal
    scope: str
    label: str
    unit: str | None
    table: Table
    source: Source


_NAME_NOISE = re.compile(r"[\s\x00-\x1f\"'“”‘’「」《》()（）\[\]【】,，.。、:：;；·\-—_]")


def norm_name(name: str | None) -> str:
    """A project name as both tables can be matched by: NFKC, no spaces, quotes or punctuation."""
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", name or ""))


_ORG_SUFFIX = re.compile(r"(局|中心|委员会|办公室|办公厅|院|所|站|队|厅|馆|处|学校|医院|大学|学院)(本级)?$")


def unit_line(name: str, doc: Disclosure, region: str | None = None) -> bool:
    """A unit's subtotal line ("广州市城市建设档案馆"), not a project: both tables list one per
    unit, and the performance list's covers only the projects that have targets.  ``region``:
    ``region_key(doc)``, when the caller asks of many names."""
    n = norm_name(name)
    region = region_key(doc) if region is None else region
    return bool(region) and n.startswith(region) and bool(_ORG_SUFFIX.search(n))


def region_key(doc: Disclosure) -> str:
    """What a unit line's name opens with: the region (or the department's first characters)."""
    return norm_name(doc.meta.region) or norm_name(doc.meta.department)[:3]


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)  # a column's label, asked again on every row
def _clean_label(label: str) -> str:
    s = unicodedata.normalize("NFKC", label)
    s = re.sub(r"\s+", "", s)
    s = _UNIT_IN_LABEL.sub("", s.replace("(", "（").replace(")", "）"))
    return re.sub(r"^其中[:：]?|[:：]$", "", s)


@lru_cache(maxsize=4096)
def _scope(label: str) -> str | None:
    if _OTHER_PERIOD.search(label):
        return None
    lab = _clean_label(label)
    return next((sc for pat, sc in _SCOPE_LABELS if re.search(pat, lab)), None)


def _label_unit(label: str, table: Table, doc: Disclosure) -> str | None:
    m = _UNIT_IN_LABEL.search(unicodedata.normalize("NFKC", label).replace("(", "（").replace(")", "）"))
    return m.group(1) if m else (table.unit or doc.meta.unit)


def _amount(cell: str) -> Decimal | None:
    return parse_amount(cell.strip()) if cell and re.search(r"\d", cell) else None


# --------------------------------------------------------------------------- reading the forms


def _listed(t: Table, doc: Disclosure) -> Iterator[TargetAmount]:
    """List layout: one project per line, under 项目名称 and an amount label.  Where the list
    states each project's 绩效目标, a line without one is a group's (广州 prints each unit's line,
    the sum of its projects listed below, under 项目): no project of its own."""
    with_goals = any(v.strip() for r in t.rows for k, v in r.texts.items() if _GOAL_LABEL.search(k))
    for r in t.rows:
        name_key = next((k for k in r.texts if _NAME_LABEL.match(_clean_label(k))), None)
        if name_key is None:
            continue
        if with_goals and not any(v.strip() for k, v in r.texts.items() if _GOAL_LABEL.search(k)):
            continue
        name = r.texts[name_key].strip()
        unit_key = next((k for k in r.texts if _UNIT_LABEL.match(_clean_label(k))), None)
        for k, cell in r.texts.items():
            if k in (name_key, unit_key):
                continue
            scope = _scope(k)
            if scope is None:
                continue  # not an amount's column: its cell (a target, a long text) is not read
            value = _amount(cell)
            if value is None:
                continue
            yield TargetAmount(name, r.texts.get(unit_key) if unit_key else None, value, scope, _clean_label(k),
                               _label_unit(k, t, doc), t, r.source)


def _form_name(t: Table) -> str | None:
    """The project a per-project form is of: the cell after 项目名称 in its header."""
    for line in t.header:
        cells = [c for c in line if c and c.strip()]
        for i, c in enumerate(cells[:-1]):
            if _NAME_LABEL.match(_clean_label(c)):
                return cells[i + 1].strip()
    return None


def _form(t: Table, doc: Disclosure) -> Iterator[TargetAmount]:
    """Form layout: "年度资金总额： | 100.00", "其中：财政拨款 | 80.00" under a 项目资金（万元） line."""
    name = _form_name(t)
    if not name:
        return
    cells_of = [list(r.texts.values()) for r in t.rows]
    if any(_OTHER_PERIOD.search(c) for cells in cells_of for c in cells if len(c) < 20):
        return  # the form states the whole implementation period: its 财政拨款 is of that too
    unit = None
    seen: set[str] = set()
    for r, cells in zip(t.rows, cells_of, strict=True):
        for c in cells:
            if "资金" in c and "元" in c and _UNIT_IN_LABEL.search(unicodedata.normalize("NFKC", c).replace("(", "（").replace(")", "）")):
                unit = _label_unit(c, t, doc)
        for i, c in enumerate(cells[:-1]):
            # the cheap test first: most cells of a form are indicators and targets
            scope = _scope(c) if len(c) < 20 and _MONEY_WORD.search(c) else None
            if scope is None or scope == "any" or scope in seen:
                continue
            value = next((v for v in map(_amount, cells[i + 1:]) if v is not None), None)
            if value is None:
                continue
            seen.add(scope)
            yield TargetAmount(name, None, value, scope, _clean_label(c), unit or t.unit or doc.meta.unit, t, r.source)


def target_amounts(doc: Disclosure) -> list[TargetAmount]:
    out: list[TargetAmount] = []
    for t in doc.tables_of("performance_targets"):
        listed = list(_listed(t, doc))
        out += listed if listed else list(_form(t, doc))
    return out


# --------------------------------------------------------------------------- the project table


def _unit_name(r: Row) -> str | None:
    return next((v for k, v in r.texts.items() if _UNIT_LABEL.match(_clean_label(k))), None)


def _project_lines(p: Table) -> dict[str, list[Row]]:
    lines: dict[str, list[Row]] = {}
    for r in data_rows(p):
        if r.name and not r.is_total:
            lines.setdefault(norm_name(r.name), []).append(r)
    return lines


def _table_scope(p: Table) -> str:
    """What a project table's 合计 column covers, by its title."""
    title = re.sub(r"\s+", "", p.title)
    return "general_budget" if "一般公共预算" in title else ("fiscal" if "财政拨款" in title else "total")


def _fiscal_column(p: Table) -> str | None:
    """The column of 财政拨款 (合计 / 小计 under 财政拨款, or 其中：财政拨款)."""
    for c in p.columns:
        if c.id == "fiscal" or (c.id.startswith("total_") and "财政拨款" in c.label):
            return c.id
    return None


def _candidates(p: Table, r: Row, scope: str) -> list[tuple[str, Decimal, Interval]]:
    """(column label, printed value, its interval) of the project line in ``scope`` (``any``:
    each scope the line has).  财政拨款 without a column of its own is 一般公共预算 + 政府性基金
    + 国有资本经营."""
    own = _table_scope(p)
    out: list[tuple[str, Decimal, Interval]] = []

    def add(label: str, value: Decimal, interval: Interval) -> None:
        if all(v != value for _, v, _ in out):
            out.append((label, value, interval))

    wanted = ("total", "fiscal", "general_budget") if scope == "any" else (scope,)
    for sc in wanted:
        col = None
        if sc == own:
            col = "total"
        elif sc == "fiscal":
            col = _fiscal_column(p)
        elif sc == "general_budget":
            col = "general_budget"
        if col is not None and col in r.values:
            add(col_label(p, col), r.values[col], iv(p, r.values[col]))
        elif sc == "fiscal" and "general_budget" in r.values:
            parts = [r.values[c] for c in ("general_budget", "gov_fund", "state_capital") if c in r.values]
            add("财政拨款（一般公共预算+政府性基金+国有资本经营）", sum(parts, Decimal(0)), iv_sum(p, parts))
    return out


# --------------------------------------------------------------------------- the rule


def _match(lines: dict[str, list[Row]], a: TargetAmount, name: str, unit: str) -> Row | None:
    """The one project line of ``a``, by its normalised ``name`` (and ``unit``'s, when several)."""
    rows = lines.get(name, [])
    if len(rows) > 1 and a.unit_name:
        rows = [r for r in rows if norm_name(_unit_name(r)) == unit]
    return rows[0] if len(rows) == 1 else None


def _tail(p: Table, a: TargetAmount, printed: Interval, value: Decimal) -> bool:
    """尾差: the two figures one unit of the coarser one's last printed place apart."""
    scale = UNIT_SCALE.get(a.unit or "", Decimal(1)) / UNIT_SCALE.get(p.unit or "", Decimal(1))
    step = max(ulp(p, value), Decimal(1).scaleb(-decimals(a.value)) * scale)
    return abs(printed.mid - value) <= step


@rule(
    "cross.projects_vs_performance",
    severity="error",
    kinds=("performance_targets",),
    description="绩效目标表中项目的资金（年度资金总额/财政拨款/预算数）与项目支出表同一项目同口径金额一致 — "
    "a project's amount in its performance targets agrees with the project table",
)
def projects_vs_performance(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    projects = [p for p in doc.tables_of("projects") if p.rows]
    if not projects:
        return
    lines = [(p, _project_lines(p)) for p in projects]
    amounts = target_amounts(doc)
    keys = [(norm_name(a.name), a.scope, norm_name(a.unit_name)) for a in amounts]
    reported: set[tuple[int, str]] = set()  # one finding per project and form
    region = region_key(doc)
    for a, key in zip(amounts, keys, strict=True):
        if keys.count(key) > 1 or unit_line(a.name, doc, region):
            continue  # one name, several forms (several units'): which line is which is unknown
        if (id(a.table), key[0]) in reported:
            continue  # its 财政拨款 line repeats the 资金总额 already reported
        hits = [(p, r) for p, by_name in lines if (r := _match(by_name, a, key[0], key[2])) is not None]
        if len(hits) != 1:
            continue
        p, r = hits[0]
        cands = _candidates(p, r, a.scope)
        printed = in_table_unit(Interval.of(a.value), a.unit, p.unit or doc.meta.unit)
        if not cands or printed is None:
            ctx.unverified()
            continue
        ctx.checked()
        if any(printed.meets(i) for _, _, i in cands):
            continue
        label, value, _ = cands[0]
        unit_word = a.unit or ""
        where = f"项目“{r.name}”：{table_label(a.table)}{a.label}为 {fmt(a.value)}{unit_word}，{table_label(p)}“{label}”为 {fmt(value)}{p.unit or ''}"
        tail = any(_tail(p, a, printed, v) for _, v, _ in cands)
        reported.add((id(a.table), key[0]))
        yield finding(
            "cross.projects_vs_performance",
            f"{where}，{'相差末位一个单位，为四舍五入尾差' if tail else '两表同一项目金额应一致'} — "
            f"the project's amount in its performance targets {'differs by rounding' if tail else 'disagrees with the project table'}",
            severity="info" if tail else None,
            # the place is the performance table's line; the message names the project table's
            table=a.table.kind,
            row=r.name,
            expected=value,
            actual=printed.mid.quantize(Decimal(1).scaleb(-max(decimals(value), 2))),
            source=a.source,
        )
