"""The "三公" table: one line of figures under a two- or three-level header.

Budget tables print six figures (合计, 因公出国(境)费, 公务用车购置及运行费 小计 / 购置费 /
运行费, 公务接待费); final-account tables print them twice, under 预算数 and 决算数.  The
header decides the ids where it can be read; a garbled header falls back on that standard
order, and says so in ``Table.matched``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.model import Column, Row, Table
from cnbudget.numbers import parse_amount
from cnbudget.tables.cells import is_ordinal_column, is_ordinal_row
from cnbudget.tables.columns import column_id
from cnbudget.tables.header import flatten
from cnbudget.tables.rows import Line, TableLines

_BUDGET = ["total", "abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]
_LABELS = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"]


def _three_public_id(path: list[str]) -> str | None:
    """"“三公”经费/小计" is the 三公 total; the rest as ``column_id`` reads them."""
    if len(path) >= 2 and "三公" in path[-2] and path[-1] in ("小计", "合计"):
        return "total"
    if len(path) == 1 and "三公" in path[0] and any(w in path[0] for w in ("合计", "总额", "总计")):
        return "total"  # "“三公”经费合计", "“三公”经费财政拨款预算总额"
    cid = column_id(path)
    if cid and cid.startswith(("budget.", "actual.")):
        group, leaf = cid.split(".", 1)
        if any("三公" in p for p in path) and leaf == "total":
            return cid
    return cid


# The 三公 items as row labels of a table printed with its items as rows (福州, 广州, 泉州).
_ITEM_ROWS = (
    (re.compile(r"因公出国"), "abroad"),
    (re.compile(r"公务接待"), "reception"),
    (re.compile(r"公务用车购置(及|和)运行"), "vehicle"),
    (re.compile(r"公务用车运行|车辆运行|运行(维护)?费"), "vehicle_operation"),
    (re.compile(r"公务用车购置|车辆购置|购置费"), "vehicle_purchase"),
    (re.compile(r"三公.{0,3}经费|^合计$|^总计$"), "total"),
    (re.compile(r"^会议费"), "meeting"),
    (re.compile(r"^培训费"), "training"),
)
_YEAR_RE = re.compile(r"(\d{4})\s*年")
_CHANGE_RE = re.compile(r"增减|变化|增长|减少")
# "上年 | 当年 | 增减变化情况" (西安): the years named by their place, not their number
_PREVIOUS_RE = re.compile(r"^(上年|上一年)")
_CURRENT_RE = re.compile(r"^(当年|本年)")
# one column per fund under each item (深圳 财政拨款“三公”经费支出表): 一般公共预算 is the
# standard scope of the 三公 figures; the other funds keep their figures under their prefix
_FUND_PREFIX = (
    (re.compile(r"^一般公共预算"), ""),
    (re.compile(r"^政府性基金"), "gov_fund."),
    (re.compile(r"^国有资本经营"), "state_capital."),
)
# a line of a table printed with one line per year ("2025年 | 19.49 …", "增减变化金额 | …")
_YEAR_LINE_RE = re.compile(r"^(\d{4})年(度|预算数?)?$")


def _item_of(label: str) -> str | None:
    t = re.sub(r"^(其中[:：]?)?[（(]?[一二三四五六七八九十\d]+[)）、.．]?", "", re.sub(r"\s+", "", label))
    return next((item for rx, item in _ITEM_ROWS if rx.search(t)), None)


def _items_as_rows(title: str, tl: TableLines, source, number: str | None) -> Table | None:
    """Items printed as rows ("1、因公出国（境）费用 | 7.05"): one total row, item columns.
    The first amount column (合计 / 预算数) holds the figures."""
    lines = [ln for ln in tl.data if any(parse_amount(c) is not None for c in ln.cells)]
    found: dict[str, tuple[Decimal, object]] = {}
    for ln in lines:
        label = next((c for c in ln.cells if c and parse_amount(c) is None), "")
        item = _item_of(label)
        amount = next((parse_amount(c) for c in ln.cells if parse_amount(c) is not None), None)
        if item and amount is not None and item not in found:
            found[item] = (amount, ln.source)
    if len([i for i in found if i != "total"]) < 2:
        return None
    ids = [i for i in _BUDGET + ["meeting", "training"] if i in found]
    labels = dict(zip(_BUDGET, _LABELS, strict=True)) | {"meeting": "会议费", "training": "培训费"}
    first = found.get("total", next(iter(found.values())))[1]
    row = Row(code=None, name="“三公”经费", values={i: found[i][0] for i in ids}, source=first, item="total")
    return Table(kind="three_public", title=title, unit=tl.unit,
                 columns=tuple(Column(id=i, label=labels[i]) for i in ids), rows=(row,), source=source,
                 number=number, header=tuple(tuple(h.cells) for h in tl.header),
                 matched="（各项按行列示，已转为列）")


def _year_groups(paths: list[list[str]], cols: list[int]) -> dict[int, str] | None:
    """Column → prefix where the header groups the items by year ("2025年预算数" |
    "2026年预算数" | "增减变化"): the latest year is this year (no prefix), an earlier one
    ``previous.``, a change group ``change.``."""
    years: dict[int, int] = {}
    change: set[int] = set()
    for c in cols:
        top = re.sub(r"\s+", "", paths[c][0]) if paths[c] else ""
        m = _YEAR_RE.search(top)
        if m:
            years[c] = int(m.group(1))
        elif _PREVIOUS_RE.search(top):
            years[c] = 0
        elif _CURRENT_RE.search(top):
            years[c] = 1
        elif _CHANGE_RE.search(top):
            change.add(c)
    if len(set(years.values())) < 2 and not (years and change):
        return None
    latest = max(years.values())
    return {c: "" if c in years and years[c] == latest else ("change." if c in change else "previous.")
            for c in cols if c in years or c in change}


def _fund_split_id(path: list[str]) -> str | None:
    """``gov_fund.abroad`` for "因公出国(境)费/政府性基金预算"; the plain id where the path
    ends in no fund."""
    leaf = re.sub(r"\s+", "", path[-1]) if path else ""
    for rx, prefix in _FUND_PREFIX:
        if rx.search(leaf) and len(path) >= 2:
            cid = _three_public_id(path[:-1])
            return prefix + cid if cid else None
    return _three_public_id(path)


def _year_of(cell: str) -> int | None:
    """The year of a line of a one-line-per-year table; 0 for its 增减 line."""
    t = re.sub(r"\s+", "", cell)
    m = _YEAR_LINE_RE.match(t)
    if m:
        return int(m.group(1))
    return 0 if t and _CHANGE_RE.search(t) and len(t) <= 8 else None


def _by_year_lines(title: str, tl: TableLines, source, number: str | None) -> Table | None:
    """One line per year under each unit ("深圳市水务局 | 2025年 | …", "| 2026年 | …",
    "| 增减变化金额 | …"): each unit becomes one row, the latest year as this year, the earlier
    one under ``previous.``, the change under ``change.``; the first unit is the table's total."""
    lines = [ln for ln in tl.data if any(parse_amount(c) is not None for c in ln.cells)]
    width = tl.width
    year_col = None
    for c in range(min(width, 4)):
        years = [_year_of(ln.cells[c]) if c < len(ln.cells) else None for ln in lines]
        if lines and all(y is not None for y in years) and len({y for y in years if y}) >= 2:
            year_col = c
            break
    if year_col is None:
        return None
    paths = flatten([h.cells for h in tl.header], width)
    amount_cols = [i for i in range(year_col + 1, width)]
    ids = [_fund_split_id(paths[i]) for i in amount_cols]
    if not all(ids) or len(set(ids)) != len(ids) or "total" not in ids:
        return None
    latest = max(y for ln in lines if (y := _year_of(ln.cells[year_col])))
    groups: list[tuple[str, list[Line]]] = []
    for ln in lines:
        name = " ".join(c for c in ln.cells[:year_col] if c)
        if name or not groups or any(_year_of(g.cells[year_col]) == _year_of(ln.cells[year_col])
                                     for g in groups[-1][1]):
            groups.append((name, []))
        groups[-1][1].append(ln)
    rows: list[Row] = []
    for k, (name, group) in enumerate(groups):
        values: dict[str, Decimal] = {}
        for ln in group:
            year = _year_of(ln.cells[year_col])
            prefix = "" if year == latest else ("change." if year == 0 else "previous.")
            cells = ln.cells + [""] * width
            values |= {prefix + str(cid): v for cid, c in zip(ids, amount_cols, strict=True)
                       if (v := parse_amount(cells[c])) is not None}
        this_year = next((ln for ln in group if _year_of(ln.cells[year_col]) == latest), group[0])
        rows.append(Row(code=None, name="“三公”经费" if k == 0 else name, values=values,
                        source=this_year.source, item="total" if k == 0 else "unit",
                        texts={"单位": name} if name else {}))
    cols = [str(i) for i in ids]
    labels = ["/".join(paths[i]) for i in amount_cols]
    columns = [Column(id=p + i, label=f"{y}/{lab}") for p, y in (("", f"{latest}年"), ("previous.", "上年"),
                                                                  ("change.", "增减变化"))
               for i, lab in zip(cols, labels, strict=True) if any(p + i in r.values for r in rows)]
    return Table(kind="three_public", title=title, unit=tl.unit, columns=tuple(columns), rows=tuple(rows),
                 source=source, number=number, header=tuple(tuple(h.cells) for h in tl.header),
                 matched="（按年度分行读取，最近一年为本年）")


def parse_three_public(title: str, tl: TableLines, source, number: str | None) -> Table:
    by_rows = _items_as_rows(title, tl, source, number)
    if by_rows is not None:
        return by_rows
    by_years = _by_year_lines(title, tl, source, number)
    if by_years is not None:
        return by_years
    lines = [ln for ln in tl.data if not is_ordinal_row(ln.cells)]
    value_lines = [ln for ln in lines if any(parse_amount(c) is not None for c in ln.cells)]
    width = tl.width
    paths = flatten([h.cells for h in tl.header], width)
    # a leading 单位名称 column: one line per unit, the 合计 line first
    key_cols = [i for i, p in enumerate(paths) if p and any(w in p[-1] for w in ("单位名称", "名称", "项目"))]
    # row numbers and unit codes are neither names nor amounts
    skip = {i for i, p in enumerate(paths) if p and any(w in p[-1] for w in ("序号", "行次", "编码", "代码"))}
    # a 序号 column whose label the text layer split ("序" | "号单位编码"): its 1 2 3 … count lines
    skip |= {i for i in range(width) if is_ordinal_column([ln.cells[i] if i < len(ln.cells) else "" for ln in lines])}
    amount_cols = [i for i in range(width) if i not in key_cols and i not in skip]
    groups = _year_groups(paths, amount_cols)
    if groups:
        header_ids = []
        for i in amount_cols:
            cid = _three_public_id(paths[i][1:]) if i in groups else None
            if cid == "total" and groups.get(i) is not None and (groups[i] + "total") in header_ids:
                # the group's outer 合计 came first: it covers 会议费 and 培训费 too
                header_ids[header_ids.index(groups[i] + "total")] = groups[i] + "all_total"
            header_ids.append(groups[i] + cid if cid and i in groups else None)
        if all(header_ids) and len(set(header_ids)) == len(header_ids):
            return _table(title, tl, source, number, amount_cols, [str(i) for i in header_ids],
                          ["/".join(paths[i]) for i in amount_cols], lines, key_cols, "（按年度分组读取，最近一年为本年）")
    header_ids = [_three_public_id(paths[i]) for i in amount_cols]
    if "total" in header_ids and header_ids.count("total") > 1:
        # the outer 合计 also covers 会议费 / 培训费
        header_ids[header_ids.index("total")] = "all_total"
    uncertain: list[str] = []
    if len(amount_cols) >= 12 or (value_lines and len(value_lines[-1].cells) >= 12 and not key_cols):
        standard = [f"budget.{i}" for i in _BUDGET] + [f"actual.{i}" for i in _BUDGET]
        labels = [f"预算数/{x}" for x in _LABELS] + [f"决算数/{x}" for x in _LABELS]
    else:
        standard, labels = list(_BUDGET), list(_LABELS)
    known = [i for i in header_ids if i]
    by_header = set(standard) <= set(known) and len(known) == len(set(known))
    if by_header:
        # every standard column named by the header; a column beside them that names nothing
        # we know keeps its figures under c<n> and is listed as uncertain
        col_ids = [str(i) if i else f"c{c + 1}" for i, c in zip(header_ids, amount_cols, strict=True)]
        col_labels = ["/".join(paths[i]) for i in amount_cols]
        cols = amount_cols
        uncertain.extend(f"列“{lab}”未能识别" for i, lab in zip(header_ids, col_labels, strict=True) if not i)
    elif len(amount_cols) == len(standard) or (not key_cols and len(amount_cols) < len(standard)):
        col_ids, col_labels = standard, labels
        cols = amount_cols if key_cols else list(range(len(standard)))
    else:
        # a layout we do not know (year groups, 增减变化 …): keep the figures, claim no ids
        col_ids = [f"c{i + 1}" for i in amount_cols]
        col_labels = ["/".join(paths[i]) for i in amount_cols]
        cols = amount_cols
        uncertain.append("“三公”经费表的列未能按表头识别")
    if not value_lines:
        uncertain.append("未找到“三公”经费数字行")
    return _table(title, tl, source, number, cols, col_ids, col_labels, lines, key_cols,
                  "" if by_header else "（表头按标准列序读取）", uncertain)


def _table(title: str, tl: TableLines, source, number: str | None, cols: list[int], col_ids: list[str],
           col_labels: list[str], lines: list, key_cols: list[int], matched: str,
           uncertain: list[str] | None = None) -> Table:
    """One total row (or one per unit, under a 单位 column) with the given column ids."""
    value_lines = [ln for ln in lines if any(parse_amount(c) is not None for c in ln.cells)]
    chosen = value_lines if key_cols else value_lines[-1:]
    rows: list[Row] = []
    for k, ln in enumerate(chosen):
        cells = ln.cells + [""] * tl.width
        values = {cid: v for cid, c in zip(col_ids, cols, strict=False) if (v := parse_amount(cells[c])) is not None}
        name = " ".join(cells[i] for i in key_cols if cells[i]) if key_cols else ""
        is_total = not key_cols or k == 0 and (not name or "合计" in name or "总计" in name)
        rows.append(Row(code=None, name="“三公”经费" if is_total else name, values=values, source=ln.source,
                        item="total" if is_total else "unit"))
    return Table(kind="three_public", title=title, unit=tl.unit,
                 columns=tuple(Column(id=i, label=lab) for i, lab in zip(col_ids, col_labels, strict=True)),
                 rows=tuple(rows), source=source, number=number,
                 header=tuple(tuple(h.cells) for h in tl.header), matched=matched,
                 uncertain=tuple(uncertain or ()))
