"""Rules inside one table: rows add up to the total row, parents to their children, columns
to their parts.

    sum.rows        合计行 = Σ 顶层行 (and unit rows: 部门 = Σ 单位)
    sum.hierarchy   类 = Σ 款 = Σ 项 (by code prefix); 单位行 = Σ 其下各行
    sum.columns     合计 = 基本支出 + 项目支出; 基本 = 人员 + 公用 (or 工资福利 + 对个人和家庭
                    + 商品和服务 + 资本性); 项目 = 其他运转类 + 特定目标类; 本年收入 = Σ 来源;
                    总计 = 本年收入 + 上年结转; 三公 = 出国 + 公务用车 + 接待, 公务用车 =
                    购置 + 运行 (预算数、决算数 both)
    sum.group_totals 决算06表 人员经费合计 = 301 + 303, 公用经费合计 = 302 + 307 + 310 + 399 …
    format.decimals 补零表中少印小数位的数字 (info)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.checks.common import could_not_verify
from cnbudget.checks.context import Context
from cnbudget.checks.levels import read_levels
from cnbudget.checks.registry import finding, rule
from cnbudget.checks.values import (
    DOC_PADDED,
    NON_AMOUNT_COLUMNS,
    Node,
    amount_columns,
    blocked,
    code_tree,
    col_label,
    data_rows,
    fmt,
    fmt_iv,
    is_column_numbers,
    is_unit_row,
    iv,
    iv_sum,
    parts_tester,
    row_key,
    row_label,
    table_label,
    table_style,
    top_rows,
    unit_tree,
    walk,
    whole_bounds,
)
from cnbudget.model import Disclosure, Finding, Row, Table
from cnbudget.numbers import bounds_meet, decimals
from cnbudget.tables.columns import INCOME_SOURCES

ROW_SUM_KINDS = (
    "income",
    "expenditure",
    "general_expenditure",
    "basic_expenditure",
    "gov_fund",
    "state_capital",
    "economic_summary",
    "projects",
    "carryover",
    "procurement",
    "purchased_services",
    "running_costs",
    "fiscal_expenditure",
    "fiscal_basic_expenditure",
    "project_economic",
    "basic_function",
)
COLUMN_KINDS = (
    *ROW_SUM_KINDS,
    "summary",
    "fiscal_summary",
    "three_public",
)

# Income sources, in the order tables print them.  ``fiscal`` (其中：财政拨款) is inside
# ``general_budget`` and counts only where ``general_budget`` is not printed.
SOURCES = INCOME_SOURCES
UNIT_FUND_PARTS = ("business", "operating", "superior_subsidy", "affiliated", "other")
EXPENDITURE_PARTS = ("basic", "project", "remit_superior", "operating_expense", "affiliate_subsidy")
_PART_LABELS = {"remit_superior": "上缴上级支出", "operating_expense": "经营支出", "affiliate_subsidy": "对附属单位补助支出"}
KNOWN_COLUMNS = frozenset(
    {
        *SOURCES,
        *EXPENDITURE_PARTS,
        "total",
        "current_total",
        "current_income",
        "carryover",
        "carryover_out",
        "personnel",
        "public",
        "wages",
        "household",
        "goods_services",
        "capital",
        "project_operating",
        "project_specific",
        "abroad",
        "vehicle",
        "vehicle_purchase",
        "vehicle_operation",
        "reception",
        "meeting",
        "training",
        "all_total",
        "quantity",
        # memo columns beside the parts (政府采购项目 and its 其中 lines): checked down the rows
        "procurement",
        "sme",
        "small_micro",
    }
)


def _known(col: str) -> bool:
    return col.split(".")[-1] in KNOWN_COLUMNS


@dataclass
class _Layout:
    """A table's item rows and their nesting, read once per run for the sum rules (sum.rows and
    sum.hierarchy both add the rows up by their codes and units)."""

    table: Table
    data: list[Row] = field(init=False)
    _tree: list[Node] | None = field(default=None, init=False, repr=False)
    _units: list[Node] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.data = list(data_rows(self.table))

    @property
    def tree(self) -> list[Node]:
        """``code_tree`` of the item rows."""
        if self._tree is None:
            self._tree = code_tree(self.data)
        return self._tree

    @property
    def units(self) -> list[Node]:
        """``unit_tree`` of the table."""
        if self._units is None:
            self._units = unit_tree(self.table)
        return self._units


def _layout(ctx: Context, doc: Disclosure, t: Table) -> _Layout:
    layouts: dict[int, _Layout] = ctx.index("within_table.layouts", doc, lambda d: {})
    found = layouts.get(id(t))
    if found is None or found.table is not t:
        found = layouts[id(t)] = _Layout(t)
    return found


def _sum_parts(table: Table, row: Row, cols: Sequence[str]):
    return iv_sum(table, [row.values.get(c) for c in cols])


def _mismatch_msg(what: str, lhs_label: str, lhs: Decimal | None, rhs_label: str, rhs_iv) -> str:
    return (
        f"{what}：{lhs_label} {fmt(lhs)}，{rhs_label} {fmt_iv(rhs_iv)}，"
        f"超出四舍五入可解释的范围 — {what} does not add up"
    )


# --------------------------------------------------------------------------- sum.rows


@rule(
    "sum.rows",
    severity="error",
    table_local=True,
    kinds=ROW_SUM_KINDS,
    description="表内各行之和应等于合计行 — the rows of a table add up to its total row",
)
def rows_add_up(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in ROW_SUM_KINDS:
            continue
        total = t.total_row()
        if total is None:
            continue
        layout = _layout(ctx, doc, t)
        data = layout.data
        units = layout.units
        cols = [c for c in amount_columns(t) if c in total.values or any(c in r.values for r in data)]
        why = blocked(t, cols)
        if why:
            yield could_not_verify(ctx, "合计行", f"列未确定（{why}）", t)
            continue
        own = _outside_units_and_codes(t, data)
        top = [n.row for n in layout.tree] if own is data else top_rows(own)
        if top and not all(r.code for r in top) and _levels_stacked(t, total, top, cols):
            # rows without codes whose sum is a whole multiple of the total: several levels
            # (unit / project / item) printed one under another, which we cannot tell apart —
            # also where the items under each unit line carry codes (广州 表11: "广州市商务局" over
            # 工资福利支出 301 …), the unit lines having none
            yield could_not_verify(ctx, "合计行", "各行无编码且分多个层级，无法确定哪些行相加", t)
            top = []
        if units and _levels_stacked(t, total, [n.row for n in units], cols):
            # unit lines of several levels (全额 / 差额 groups over their units) printed alike
            yield could_not_verify(ctx, "合计行 = 各单位之和", "单位行分多个层级，无法确定哪些行相加", t)
            units = []
        partial = partial_note(t)
        unit_rows = [n.row for n in units]
        # rows of several levels, each parent the sum of the rows under it: read, and so verified
        levels_read = ({c for c in cols if read_levels(t, top, c, total.values.get(c))}
                       if top and not any(r.code for r in top) else set())
        test = parts_tester(t)
        on_top = dict(test(total, [c for c in cols if c not in levels_read], top)) if top else {}
        on_units = dict(test(total, cols, unit_rows)) if units else {}
        if levels_read or on_top or on_units:
            ctx.checked(len(levels_read) + len(on_top) + len(on_units))
        for c in cols:  # the findings column by column, the rows' before the units'
            if on_top.get(c) is False:
                yield _sum_finding("sum.rows", t, total, c, top, "各行之和", partial)
            if on_units.get(c) is False:
                yield _sum_finding("sum.rows", t, total, c, unit_rows, "各单位之和", partial)


# A table's note saying it prints only part of its lines (projects removed under secrecy rules)
_PARTIAL_NOTE = re.compile(r"涉密|保密|予以剔除|不予公开|未予?公开|不公开|未列示|未列入本表")


def partial_note(t: Table) -> str | None:
    """The table's own note saying some of its lines are left out, if it has one."""
    return next((n for n in t.notes if _PARTIAL_NOTE.search(re.sub(r"\s+", "", n))), None)


def _outside_units_and_codes(t: Table, data: list[Row]) -> list[Row]:
    """The rows that are parts of the total itself.  In a 项目支出表 the projects, printed without
    codes, belong to the line above them: a unit line (its sum is checked against the unit) or a
    function-class row (201 / 20113 / 2011302, then the project of 2011302).  Elsewhere a line
    without a code is a line of its own (or a misread one, which the total must still show)."""
    if t.kind != "projects":
        return data
    out: list[Row] = []
    in_data = {id(r) for r in data}
    under_unit = under_code = False
    for r in t.rows:
        if is_unit_row(r):
            under_unit = True
        if r.code and not is_unit_row(r):
            under_code = True
        if id(r) in in_data and (r.code or not (under_unit or under_code)):
            out.append(r)
    return out


def _levels_stacked(t: Table, total: Row, rows: list[Row], cols: list[str]) -> bool:
    """Do the rows add up to a whole multiple (2–4) of the total in most of the columns the
    total prints?  Most, not all: one wrong figure in one column does not unstack the levels
    the other columns show.  (In whole numbers, each row's bounds read once for every column.)"""
    whole = whole_bounds(t)
    figures = [whole.row(r) for r in rows]  # the table's own rows: read with it
    target = whole.row(total)
    votes = []
    for col in cols:
        if total.values.get(col) in (None, Decimal(0)):
            continue
        j = whole.position.get(col)
        lo = hi = 0
        if j is not None:
            for f in figures:
                if (b := f[j]) is not None:
                    lo += b[0]
                    hi += b[1]
        t_lo, t_hi = target[j] if j is not None and target[j] is not None else (0, 0)
        votes.append(any(bounds_meet(lo, hi, k * t_lo, k * t_hi) for k in (2, 3, 4)))
    return bool(votes) and sum(votes) * 2 > len(votes)


def _check_sum(
    ctx: Context, rule_id: str, t: Table, result: Row, col: str, parts: Sequence[Row], what: str,
    partial: str | None = None,
) -> list[Finding]:
    """``partial``: the table's note saying lines are left out — rows that fall short of the
    total are then explained by it (info); rows above the total are still an error."""
    return _check_sums(ctx, rule_id, t, result, (col,), parts, what, partial)


def _check_sums(
    ctx: Context, rule_id: str, t: Table, result: Row, cols: Sequence[str], parts: Sequence[Row], what: str,
    partial: str | None = None,
    test: Callable[[Row, Sequence[str], Sequence[Row]], list[tuple[str, bool]]] | None = None,
) -> list[Finding]:
    """``_check_sum`` in each of ``cols`` (a parent and its children are checked in every column),
    counted at once (a large table has tens of thousands of them).  ``test``: the table's
    ``parts_tester``, made once by a rule that checks many parents.  A list, not a generator:
    most parents add up, and a generator per parent costs more than its check."""
    verdicts = (test or parts_tester(t))(result, cols, parts)
    if verdicts:
        ctx.checked(len(verdicts))
    return [_sum_finding(rule_id, t, result, col, parts, what, partial) for col, holds in verdicts if not holds]


def _sum_finding(
    rule_id: str, t: Table, result: Row, col: str, parts: Sequence[Row], what: str, partial: str | None
) -> Finding:
    """The finding on a row whose figure in ``col`` does not meet the sum of its parts'."""
    target = result.values.get(col)
    vals = [r.values.get(col) for r in parts]
    s = iv_sum(t, vals)
    if partial is not None and s.hi < iv(t, target).lo:
        return finding(
            rule_id,
            f"{table_label(t)}“{row_label(result)}”行“{col_label(t, col)}”列为 {fmt(target)}，{what}为 {fmt_iv(s)}，"
            f"表注说明部分行未列示：“{partial.strip()}” — {t.kind}: its note says lines are left out",
            severity="info",
            table=t.kind,
            row=row_key(result),
            column=col,
            actual=target,
            source=result.source,
        )
    return finding(
        rule_id,
        f"{table_label(t)}“{row_label(result)}”行“{col_label(t, col)}”列为 {fmt(target)}，"
        f"{what}为 {fmt_iv(s)}（{len(parts)} 项），相差 {fmt_iv(s - iv(t, target))} — "
        f"{t.kind}: row {row_key(result)} column {col} is {fmt(target)}, its parts add up to {fmt_iv(s)}",
        table=t.kind,
        row=row_key(result),
        column=col,
        expected=s.mid.quantize(Decimal(1).scaleb(-max(2, decimals(target or Decimal(0))))),
        actual=target,
        source=result.source,
    )


# --------------------------------------------------------------------------- sum.hierarchy


@rule(
    "sum.hierarchy",
    severity="error",
    table_local=True,
    kinds=ROW_SUM_KINDS,
    description="类 = Σ款 = Σ项（按编码前缀），单位行 = 其下各行之和 — parents add up to their children",
)
def hierarchy_adds_up(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in ROW_SUM_KINDS:
            continue
        cols = amount_columns(t)
        why = blocked(t, cols)
        if why:
            yield could_not_verify(ctx, "层级合计", f"列未确定（{why}）", t)
            continue
        test = parts_tester(t)
        layout = _layout(ctx, doc, t)
        for node in walk(layout.tree):
            if not node.children or any(not n.row.code for n in node.children):
                # children the catalog could not name: which of them are 款 and which 项 is unknown
                continue
            yield from _check_sums(ctx, "sum.hierarchy", t, node.row, cols, [n.row for n in node.children],
                                   "下级各行之和", test=test)
        for node in walk(layout.units):
            if node.children:
                yield from _check_sums(ctx, "sum.hierarchy", t, node.row, cols, [n.row for n in node.children],
                                       "所属单位之和", test=test)
        yield from _unit_blocks(ctx, t, cols)


def _unit_blocks(ctx: Context, t: Table, cols: list[str]) -> Iterator[Finding]:
    """A unit row followed by its own item rows: the unit row is their sum."""
    blocks: list[tuple[Row, list[Row]]] = []
    items = {id(r) for r in data_rows(t)}
    for r in t.rows:
        if id(r) in items:  # no unit's line nor the total (most rows: asked first)
            if blocks:
                blocks[-1][1].append(r)
        elif is_unit_row(r):
            blocks.append((r, []))
    if sum(1 for _, rows in blocks if rows) == 0:
        return
    test = parts_tester(t)
    for unit, rows in blocks:
        if not rows:
            continue
        top = top_rows(rows)
        uncoded = not any(r.code for r in top)
        levelled = [c for c in cols if read_levels(t, top, c, unit.values.get(c))] if uncoded else []
        if levelled:
            ctx.checked(len(levelled))  # 通用项目 / 专用项目 → group → project: each parent the sum of its rows
        if levelled and len(levelled) == len([c for c in cols if unit.values.get(c) is not None]):
            continue
        if uncoded and _levels_stacked(t, unit, top, cols):
            # 一级项目 / 二级项目 / 项目 listed one under another without codes or indent (西安)
            yield could_not_verify(ctx, f"“{row_label(unit)}”行 = 其下各行之和",
                                   "其下各行无编码且分多个层级，无法确定哪些行相加", t)
            continue
        yield from _check_sums(ctx, "sum.hierarchy", t, unit, [c for c in cols if c not in levelled], top,
                               "其下各行之和", test=test)


# --------------------------------------------------------------------------- sum.columns


# Column groups that repeat the same identities: 预算数/决算数, a year beside this year and the
# change between them, the same items per fund (三公 tables of 深圳).
_YEAR_IDENTITY = "本年 = 上年 + 增减变化"
_GROUP_SEGMENTS = frozenset({"budget", "actual", "previous", "change", "gov_fund", "state_capital"})


def _prefixes(cols: Iterable[str]) -> list[str]:
    out = [""]
    for c in cols:
        parts = c.split(".")[:-1]
        if parts and all(p in _GROUP_SEGMENTS for p in parts):
            p = ".".join(parts) + "."
            if p not in out:
                out.append(p)
    return out


def column_identities(t: Table) -> list[tuple[str, list[str], list[str]]]:
    """(name, left columns, right columns): Σ left = Σ right on every row that prints them.
    An identity between year lines (本年 = 上年 + 增减) holds only where the row prints every
    one of them: a unit printed without its 增减 line has nothing to check."""
    cols = set(amount_columns(t))
    ids: list[tuple[str, list[str], list[str]]] = []
    for p in _prefixes(cols):

        def has(*names: str, p: str = p) -> bool:
            return all(p + n in cols for n in names)

        def pick(names: Iterable[str], p: str = p) -> list[str]:
            return [p + n for n in names if p + n in cols]

        if has("total", "basic", "project"):
            ids.append(("合计 = 基本支出 + 项目支出", [p + "total"], pick(EXPENDITURE_PARTS)))
        if has("basic", "personnel", "public"):
            ids.append(("基本支出 = 人员经费 + 公用经费", [p + "basic"], pick(("personnel", "public"))))
        if has("basic", "wages", "household", "goods_services", "capital"):
            ids.append(
                (
                    "基本支出 = 工资福利 + 对个人和家庭的补助 + 商品和服务 + 资本性支出",
                    [p + "basic"],
                    pick(("wages", "household", "goods_services", "capital")),
                )
            )
        if has("personnel", "wages", "household"):
            ids.append(("人员经费 = 工资福利 + 对个人和家庭的补助", [p + "personnel"], pick(("wages", "household"))))
        if has("public", "goods_services", "capital"):
            ids.append(("公用经费 = 商品和服务 + 资本性支出", [p + "public"], pick(("goods_services", "capital"))))
        if has("project", "project_operating", "project_specific"):
            ids.append(
                ("项目支出 = 其他运转类 + 特定目标类", [p + "project"], pick(("project_operating", "project_specific")))
            )
        if has("total", "personnel", "public") and not has("basic"):
            if has("project"):  # layouts without a 基本支出 column: 人员 + 公用 + 项目(专项)
                # and whatever else the table spends beside them (事业单位经营支出, 上缴上级,
                # 对附属单位补助): their own columns are parts of the 合计 too
                others = pick(EXPENDITURE_PARTS[2:])
                label = "合计 = 人员经费 + 公用经费 + 项目支出" + "".join(
                    " + " + _PART_LABELS[c.removeprefix(p)] for c in others)
                ids.append((label, [p + "total"], pick(("personnel", "public", "project")) + others))
            else:
                ids.append(("合计 = 人员经费 + 公用经费", [p + "total"], pick(("personnel", "public"))))
        if has("total", "abroad", "reception") and (has("vehicle") or has("vehicle_purchase", "vehicle_operation")):
            veh = [p + "vehicle"] if has("vehicle") else pick(("vehicle_purchase", "vehicle_operation"))
            ids.append(("三公合计 = 出国 + 公务用车 + 接待", [p + "total"], [p + "abroad", *veh, p + "reception"]))
        if has("all_total", "total", "meeting", "training"):
            ids.append(("合计 = 三公经费 + 会议费 + 培训费", [p + "all_total"], pick(("total", "meeting", "training"))))
        if has("vehicle", "vehicle_purchase", "vehicle_operation"):
            ids.append(
                ("公务用车 = 购置 + 运行", [p + "vehicle"], pick(("vehicle_purchase", "vehicle_operation")))
            )
        if has("carryover", "current_income", "total", "carryover_out"):
            ids.append(
                (
                    "年初结转 + 本年收入 = 本年支出 + 年末结转",
                    pick(("carryover", "current_income")),
                    pick(("total", "carryover_out")),
                )
            )
    # a year beside this year and the change printed between them: 本年 = 上年 + 增减
    for c in sorted(cols):
        if c.startswith("change.") and (cur := c.removeprefix("change.")) in cols and "previous." + cur in cols:
            label = next((col.label for col in t.columns if col.id == cur), cur)
            ids.append((f"{_YEAR_IDENTITY}（{label}）", [cur], ["previous." + cur, c]))
    # income-like tables: sources
    src = [c for c in SOURCES if c in cols]
    if "general_budget" in src and "fiscal" in src:
        src.remove("fiscal")
    if "unit_funds" in src:
        src = [c for c in src if c not in UNIT_FUND_PARTS]
    carry_children = sorted(c for c in cols if c.startswith("carryover.") and c != "carryover.total")
    carry_whole = "carryover" if "carryover" in cols else ("carryover.total" if "carryover.total" in cols else None)
    carry = [carry_whole] if carry_whole else carry_children
    if carry_whole and carry_children:
        ids.append(("上年结转 = Σ 其各项", [carry_whole], carry_children))
    if src and not {"basic", "project", "abroad"} & cols and "current_income" not in cols:
        if "current_total" in cols:
            ids.append(("本年收入合计 = Σ 各项收入", ["current_total"], src))
            if "total" in cols and carry:
                ids.append(("总计 = 本年收入 + 上年结转", ["total"], ["current_total", *carry]))
        elif "total" in cols:
            ids.append(("合计 = Σ 各项资金来源", ["total"], src + carry))
    return ids


@rule(
    "sum.columns",
    severity="error",
    table_local=True,
    kinds=COLUMN_KINDS,
    description="列间恒等式：合计 = 基本 + 项目，基本 = 人员 + 公用，三公合计 = 各项 … — column identities on every row",
)
def columns_add_up(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in COLUMN_KINDS:
            continue
        ids = column_identities(t)
        if not ids:
            continue
        unknown = [c for c in amount_columns(t) if not _known(c) and any(c in r.values for r in t.rows)]
        rows = [r for r in t.rows if not is_column_numbers(r)]
        whole = whole_bounds(t)
        row_figures = [whole.row(r) for r in rows]  # read once, checked in every identity
        checked = 0
        for name, left, right in ids:
            # an unidentified column may be a part of a whole (预留机动经费 beside 基本/项目支出)
            if unknown and right and ("total" in left or any(c in SOURCES or c.startswith("carryover") for c in right)):
                printed = [next((col.label for col in t.columns if col.id == c), c) for c in unknown]
                yield could_not_verify(ctx, name, f"有未识别的列 {'、'.join(printed)}", t)
                continue
            why = blocked(t, left + right)
            if why:
                yield could_not_verify(ctx, name, f"列未确定（{why}）", t)
                continue
            whole_lines_only = name.startswith(_YEAR_IDENTITY)
            at_left = [whole.position[c] for c in left]
            at_right = [whole.position[c] for c in right]
            for r, figures in zip(rows, row_figures, strict=True):
                # the figures the row prints on each side (a blank adds nothing)
                left_lo, left_hi, left_printed = _side(figures, at_left)
                if not left_printed:
                    continue
                right_lo, right_hi, right_printed = _side(figures, at_right)
                if not right_printed:
                    continue
                if whole_lines_only and (left_printed < len(left) or right_printed < len(right)):
                    continue
                checked += 1
                if bounds_meet(left_lo, left_hi, right_lo, right_hi):
                    continue
                ri = iv_sum(t, [r.values.get(c) for c in right])
                actual = r.values[left[0]] if len(left) == 1 else None
                lhs = " + ".join(f"{col_label(t, c)} {fmt(r.values.get(c))}" for c in left)
                rhs = " + ".join(f"{col_label(t, c)} {fmt(r.values.get(c))}" for c in right)
                yield finding(
                    "sum.columns",
                    f"{table_label(t)}“{row_label(r)}”行不满足“{name}”：{lhs}，而 {rhs} = {fmt_iv(ri)} — "
                    f"{t.kind}: row {row_key(r)} breaks {'+'.join(left)} = {'+'.join(right)}",
                    table=t.kind,
                    row=row_key(r),
                    column=left[0],
                    expected=ri.mid.quantize(Decimal("0.01")) if actual is not None else None,
                    actual=actual,
                    source=r.source,
                )
        if checked:
            ctx.checked(checked)  # once per table, not per row


def _side(figures: tuple[tuple[int, int] | None, ...], at: list[int]) -> tuple[int, int, int]:
    """(lo, hi) of the sum of a row's figures at positions ``at`` (``WholeBounds.row``), and how
    many of them the row prints — one side of a column identity, added in one loop (the rule
    meets every row of every table in each of its identities)."""
    lo = hi = printed = 0
    for j in at:
        b = figures[j]
        if b is not None:
            lo += b[0]
            hi += b[1]
            printed += 1
    return lo, hi, printed


# --------------------------------------------------------------------------- group totals

PERSONNEL_CLASSES = ("301", "303")
PUBLIC_CLASSES = ("302", "307", "309", "310", "312", "313", "399")


@rule(
    "sum.group_totals",
    severity="error",
    table_local=True,
    kinds=("basic_expenditure",),
    doc_kinds=("final",),
    description="决算06表：人员经费合计 = 301 + 303，公用经费合计 = 302 + 307 + 310 + 399 等 — final basic table group totals",
)
def group_totals(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables_of("basic_expenditure"):
        for item, classes, label in (
            ("personnel_total", PERSONNEL_CLASSES, "人员经费合计"),
            ("public_total", PUBLIC_CLASSES, "公用经费合计"),
        ):
            gr = next((r for r in t.rows if r.item == item), None)
            if gr is None:
                continue
            col = "total" if "total" in gr.values else next(iter(gr.values), None)
            if col is None:
                continue
            parts = _class_values(t, classes, col)
            if not parts:
                yield could_not_verify(ctx, label, "未读到经济分类类级行", t)
                continue
            yield from _check_sum(ctx, "sum.group_totals", t, gr, col, parts, "、".join(classes) + " 类之和")


def _class_values(t: Table, classes: Sequence[str], col: str) -> list[Row]:
    rows = [r for r in data_rows(t) if r.code and r.code[:3] in classes]
    tree: list[Node] = code_tree(rows)
    return [n.row for n in tree]


# --------------------------------------------------------------------------- format.decimals


def _amounts_printed(t: Table, amounts: set[str]) -> int:
    """How many amounts the rows of ``t`` print (figures of ``amounts`` columns): counted as the
    table's style was read, where no row prints a figure beyond the header's columns."""
    style = table_style(t)
    if style.columns <= amounts | NON_AMOUNT_COLUMNS:  # every figure in a header's column
        return style.amounts
    return sum(len(r.values.keys() & amounts) for r in t.rows)



@rule(
    "format.decimals",
    severity="info",
    kinds=COLUMN_KINDS,
    description="补零打印的表中个别数字少印了小数位 — a figure printed with fewer decimals than its table",
)
def fewer_decimals(doc: Disclosure, ctx: Context) -> Iterator[Finding]:
    for t in doc.tables:
        if t.kind not in COLUMN_KINDS:
            continue
        style = table_style(t)
        if not (style.padded or DOC_PADDED.get()) or style.max_decimals == 0:
            continue
        n = 0
        amounts = set(amount_columns(t))
        checked = _amounts_printed(t, amounts)
        fewer = style.fewer
        for r in t.rows:
            if n == 5 or not fewer:
                break
            for c, v in r.values.items():
                if c in amounts and n < 5 and str(v) in fewer:
                    n += 1
                    yield finding(
                        "format.decimals",
                        f"{table_label(t)}“{row_label(r)}”行“{col_label(t, c)}”印为 {fmt(v)}，"
                        f"本表其余数字保留 {style.max_decimals} 位小数，按所印位数 ±{fmt(iv(t, v).hi - v)} 核验 — "
                        f"printed with fewer decimals than the rest of the table",
                        table=t.kind,
                        row=row_key(r),
                        column=c,
                        actual=v,
                        source=r.source,
                    )
        if checked:
            ctx.checked(checked)
