"""Tables whose rows are keyed by a code or a name: the function-classified tables (收入, 支出,
一般公共预算支出, 政府性基金, 国有资本经营), the budget-layout basic and economic tables,
projects, carryover, procurement and purchased services.

The name column is the one holding the most distinct names; everything left of it (codes,
types) and text columns right of it are key columns; the remaining columns are amounts, whose
ids come from the flattened header (``columns.column_id``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from cnbudget.model import Column, Repair, Row, Table
from cnbudget.numbers import parse_amount
from cnbudget.tables.cells import (
    bracket_code,
    compact,
    has_cjk,
    is_code,
    is_ordinal_column,
    is_project_code,
    is_total_label,
)
from cnbudget.tables.columns import INCOME_SOURCES, column_id, label_id
from cnbudget.tables.header import ColumnProfile, flatten
from cnbudget.tables.rows import Line, TableLines
from cnbudget.tables.slid import repair_slid as put_back_slid

# names of organisations, not of classification items
_ORG_RE = re.compile(r"(局|中心|委员会|办公室|研究院|院|所|馆|站|队|部|厅|处|协会|学校|医院)(\(本级\)|（本级）)?$")
_UNIT_CODE_WORDS = ("单位代码", "单位编码", "部门(单位)代码", "部门代码", "预算单位编码")
# row-number columns: never a code, never an amount
_ORDINAL_WORDS = ("行次", "栏次", "序号", "项次")


def _cells(data: list[Line], c: int) -> list[str]:
    return [ln.cells[c] for ln in data if c < len(ln.cells) and ln.cells[c]]


_SENTENCE_RE = re.compile(r"[，。；]")


def _is_prose(cells: list[str]) -> bool:
    """A column of sentences (绩效目标, 备注 beside each project): most of its texts carry
    sentence punctuation, which the names of rows do not."""
    texts = [x for x in cells if has_cjk(x)]
    return bool(texts) and sum(1 for x in texts if _SENTENCE_RE.search(x)) * 2 > len(texts)


def name_column(data: list[Line], width: int, amounts: frozenset[int] = frozenset()) -> int:
    """The column with the most distinct names (ties: the leftmost); a column of sentences
    names no rows, however varied it is.  ``amounts``: columns headed as amounts (项目金额),
    never the codes beside a name, though their whole figures look like codes (西安 in 元)."""
    best, best_n = 0, -1
    for c in range(width):
        if _is_prose(_cells(data, c)):
            continue
        names = {x for x in _cells(data, c) if has_cjk(x) and not is_total_label(x) and parse_amount(x) is None}
        if len(names) > best_n:
            best, best_n = c, len(names)
    if best_n == 0:
        # no names at all: the column of its 合计 label (an empty table), or none (a table of
        # one line of figures under its header)
        best = next((c for c in range(width) if any(is_total_label(x) for x in _cells(data, c))), -1)
        return best
    if best == 0 or not _mostly_codes(data, best - 1):
        # "预算单位 | 科目编码 | 科目名称" (深圳): the units are more varied than the items, but
        # the names of the rows are those printed beside their codes
        for c in range(best + 2, width):
            if c - 1 in amounts or c - 2 in amounts:
                break  # the row names stand left of the figures: a list of projects with their
                # amount and then their classification (西安 上年结转资金支出表)
            names = {x for x in _cells(data, c) if has_cjk(x) and not is_total_label(x) and parse_amount(x) is None}
            if c - 1 not in amounts and _mostly_codes(data, c - 1) and len(names) >= 2:
                return c
    return best


def _headed_as_amounts(header: list[Line], width: int) -> frozenset[int]:
    """Columns whose printed header names an amount (项目金额, 合计, 基本支出 …)."""
    out = set()
    for c in range(width):
        path = [compact(h.cells[c]) for h in header if c < len(h.cells) and compact(h.cells[c])]
        if path and not any(_codeish(p) for p in path) and column_id(path) is not None:
            out.add(c)
    return frozenset(out)


def profiles_for(
    data: list[Line], width: int, name_col: int, header: list[list[str]] | None = None
) -> list[ColumnProfile]:
    """``header`` marks code columns right of the name column (政府预算经济分类 类/款)."""
    codeish_cols = {
        c for h in header or [] for c, cell in enumerate(h) if c > name_col and _codeish(compact(cell))
    }
    out = []
    for c in range(width):
        cells = _cells(data, c)
        amounts = sum(1 for x in cells if parse_amount(x) is not None)
        codes = sum(1 for x in cells if is_code(x) or is_project_code(x))
        texts = sum(1 for x in cells if has_cjk(x) and not is_total_label(x))
        key = c <= name_col or (texts > 0 and texts >= amounts) or (c in codeish_cols and codes == amounts)
        out.append(ColumnProfile(amounts=amounts, codes=codes, texts=texts, key=key))
    return out


def _label(path: list[str]) -> str:
    return "/".join(path)


def _codeish(label: str) -> bool:
    return any(w in label for w in ("编码", "代码", "编号")) or label.split("/")[-1] in ("类", "款", "项")


def parse_coded(
    kind: str, title: str, tl: TableLines, source, number: str | None, repair_slid: bool = True
) -> Table:
    width = tl.width
    data = tl.data
    name_col = name_column(data, width, _headed_as_amounts(tl.header, width)) if data else 0
    profiles = profiles_for(data, width, name_col, [ln.cells for ln in tl.header])
    paths = flatten([ln.cells for ln in tl.header], width, profiles)
    labels = [_label(p) for p in paths]

    key_cols = [c for c in range(width) if profiles[c].key or (c > name_col and _codeish(labels[c]))]
    amount_cols = [
        c
        for c in range(width)
        if c not in key_cols
        and not any(w in labels[c] for w in _ORDINAL_WORDS)
        and (profiles[c].amounts > 0 or column_id(paths[c]) is not None)
    ]
    # a column with no figures whose header only repeats its neighbour's is a merged cell
    seen_ids: set[str | None] = set()
    kept = []
    for c in amount_cols:
        cid = column_id(paths[c])
        if cid in seen_ids and profiles[c].amounts == 0:
            continue
        seen_ids.add(cid)
        kept.append(c)
    amount_cols = kept
    ordinal_cols = {c for c in range(width) if _is_row_number(labels[c], _cells(data, c))}
    key_cols = [c for c in key_cols if c not in ordinal_cols]
    left_codes = [c for c in key_cols if c < name_col and (_codeish(labels[c]) or _mostly_codes(data, c))]
    unit_col = next((c for c in left_codes if any(w in labels[c] for w in _UNIT_CODE_WORDS)), None)
    fn_cols = [c for c in left_codes if c != unit_col]
    joined = _split_parts(data, fn_cols, labels)
    code_cols = fn_cols if joined else fn_cols[:1]
    extra_code_cols = [] if joined else fn_cols[1:]
    right_codes = [c for c in key_cols if c > name_col and (_codeish(labels[c]) or _mostly_codes(data, c))]
    text_cols = [c for c in key_cols if c not in left_codes and c != name_col and c not in right_codes]

    columns, col_ids, uncertain = _amount_columns(amount_cols, paths)
    rows: list[Row] = []
    for ln in data:
        cells = ln.cells + [""] * (width - len(ln.cells))
        by_col: dict[int, Decimal] = {}
        for c in amount_cols:
            v = parse_amount(cells[c])
            if v is not None:
                by_col[c] = v
        moved = None
        if repair_slid and not uncertain:  # never on columns the header did not identify
            by_col, moved = put_back_slid(by_col, amount_cols, col_ids)
        id_of = dict(zip(amount_cols, col_ids, strict=True))
        values: dict[str, Decimal] = {id_of[c]: v for c, v in sorted(by_col.items())}
        repairs: tuple[Repair, ...] = ()
        if moved:
            repairs = (
                Repair(field="values", original=moved.split("→")[0], repaired=moved,
                       reason=f"数字错列：按本表勾稽关系移回 ({moved})"),
            )
        parts = [compact(cells[c]) for c in code_cols if compact(cells[c])]
        code = "".join(parts) if parts and all(p.isdigit() for p in parts) else None
        name = cells[name_col].strip() if 0 <= name_col < width else ""
        texts: dict[str, str] = {}
        for c in text_cols:
            if cells[c]:
                texts[labels[c].split("/")[-1] or f"c{c + 1}"] = cells[c]
        for c in extra_code_cols:
            if cells[c]:
                texts[labels[c].split("/")[-1] or f"c{c + 1}"] = compact(cells[c])
        for k, c in enumerate(right_codes):
            if cells[c]:
                texts["gov_code" if k == 0 else labels[c].split("/")[-1] or f"c{c + 1}"] = compact(cells[c])
        gov_name = next((cells[c] for c in text_cols if c > name_col and "名称" in labels[c] and c - 1 in right_codes), None)
        if gov_name:
            texts = {("gov_name" if v == gov_name and "名称" in k else k): v for k, v in texts.items()}
        item = None
        unit_code = compact(cells[unit_col]) if unit_col is not None else ""
        lead = "".join(compact(cells[c]) for c in [*code_cols, name_col] if 0 <= c < width)
        if is_total_label(name) or (not code and is_total_label(lead)) or (not code and is_total_label(unit_code)):
            # "合计" centred over 单位编码 | 单位名称 lands in the code column
            item, name, code = "total", "合计", None
        elif parts and code is None and not name:
            name = "".join(parts)  # text printed in the code column
        elif unit_code and not code and any(ch.isdigit() for ch in unit_code):
            item, code = "unit", unit_code
        bc = bracket_code(name) if name else None
        if bc and not code:
            # "[608001]宿州市医疗保障局" is a unit; "[2010101]行政运行" (广州) a classification row
            code, name = bc[0], bc[1]
            item = "unit" if len(code) == 6 or (len(code) == 3 and _ORG_RE.search(name)) else None
        if not code and name and (is_project_code(name) or (is_code(name) and not has_cjk(name))):
            code = compact(name)
            unit_name = next((v for k, v in texts.items() if "单位" in k), None)
            if len(code) <= 6:
                item, name = "unit", unit_name or ""
            else:
                name = ""
        if item is None and code and len(code) in (3, 6) and _ORG_RE.search(name or ""):
            item = "unit"  # a unit's line among economic codes ("313 安阳市医疗保障局")
        if item is None and not code and re.fullmatch(r"[*＊※#]+", compact(name or "")):
            continue  # a footnote marker line ("**  1"), not a row of the table
        if item is None and not code and not name and values and not rows:
            item, name = "total", "合计"  # an unlabelled first line of figures is the total
        if not values and not code and item is None and rows and _continues(cells, name_col, text_cols):
            rows[-1] = rows[-1].carried_on(texts, ln.source, name)
            continue
        if not values and not code and item is None and not name and not texts:
            continue
        rows.append(
            Row(code=code, name=name or None, values=values, source=ln.source, item=item, texts=texts, repairs=repairs)
        )
    rows = _without_repeated_parents([_named_by_unit_column(r) for r in rows])
    if kind in ("income", "expenditure", "general_expenditure", "gov_fund", "state_capital"):
        rows = _mark_unit_lines(rows)
    return Table(
        kind=kind,
        title=title,
        unit=tl.unit,
        columns=tuple(columns),
        rows=tuple(rows),
        source=source,
        number=number,
        header=tuple(tuple(h.cells) for h in tl.header),
        uncertain=tuple(uncertain),
    )


def _without_repeated_parents(rows: list[Row]) -> list[Row]:
    """A 款 with no 项 printed again at the 项 level ("21999 其他支出 502.00" twice, the
    second indented): one item, not two.  Only 类 and 款 codes: a 项 printed twice may be
    the document's own error and stays for the checks to see."""
    out: list[Row] = []
    for r in rows:
        prev = out[-1] if out else None
        if (prev is not None and r.code and len(r.code) in (3, 5) and r.code == prev.code
                and r.name == prev.name and r.values == prev.values and r.item == prev.item):
            continue
        out.append(r)
    return out


def _named_by_unit_column(r: Row) -> Row:
    """A line with neither code nor name whose only label stands under 预算单位 / 单位名称 is
    that unit's line ("深圳市水务局（本级） | | | 142,286.64")."""
    if r.item is not None or r.code or r.name:
        return r
    unit = next((v for k, v in r.texts.items() if "单位" in k and has_cjk(v)), None)
    if not unit:
        return r
    return replace(r, name=unit.strip(), item="unit")


def _mark_unit_lines(rows: list[Row]) -> list[Row]:
    """In a table listed by unit without codes (收入表 by 单位名称), the lines are units."""
    if any(r.code and r.code[:1] == "2" for r in rows):
        return rows
    out = []
    for r in rows:
        if r.item is None and not r.code and r.name and _ORG_RE.search(re.sub(r"[(（][^()（）]*[)）]$", "", r.name)):
            r = replace(r, item="unit")
        out.append(r)
    return out


def _is_row_number(label: str, cells: list[str]) -> bool:
    """A 序号 / 行次 column: named so, or small integers counting down the rows."""
    words = label.split("/")[-1] if label else ""
    if words in ("类", "款", "项"):
        return False  # "01 02 01 …" under 项 are the code's last part, not a count of the rows
    return any(w == words or words.startswith(w) for w in _ORDINAL_WORDS) or is_ordinal_column(cells)


def _mostly_codes(data: list[Line], c: int) -> bool:
    cells = [compact(x) for x in _cells(data, c) if not is_total_label(x)]
    codes = sum(1 for x in cells if is_code(x) or is_project_code(x))
    return bool(cells) and codes >= max(1, (len(cells) + 1) // 2)


def _split_parts(data: list[Line], cols: list[int], labels: list[str]) -> bool:
    """Are these code columns the 类/款/项 parts of one code ("208 05 05")?"""
    if len(cols) < 2:
        return True
    if all(labels[c].split("/")[-1] in ("类", "款", "项") for c in cols):
        return True
    lengths = [{len(compact(x)) for x in _cells(data, c) if compact(x).isdigit()} for c in cols]
    return lengths[0] <= {3} and all({2} >= L for L in lengths[1:])


def _amount_columns(cols: list[int], paths: list[list[str]]) -> tuple[list[Column], list[str], list[str]]:
    ids: list[str] = []
    columns: list[Column] = []
    uncertain: list[str] = []
    for c in cols:
        cid = column_id(paths[c])
        if cid is None:
            cid = f"c{c + 1}"
            uncertain.append(f"第{c + 1}列的表头“{_label(paths[c])}”未能识别")
        if cid == "total" and cid in ids:
            cid = _source_whole(paths[c], ids) or cid
        base, k = cid, 2
        while cid in ids:
            cid = f"{base}_{k}"
            k += 1
        if cid != base:
            uncertain.append(f"第{c + 1}列“{_label(paths[c])}”与前列同名，记为 {cid}")
        ids.append(cid)
        columns.append(Column(id=cid, label=_label(paths[c])))
    ids, columns, uncertain = _years_apart(ids, columns, uncertain)
    # "预算数" over every amount column of a budget table is no group: drop the prefix
    if ids and all(i.startswith("budget.") for i in ids):
        ids = [i.removeprefix("budget.") for i in ids]
        columns = [Column(id=i, label=c.label) for i, c in zip(ids, columns, strict=True)]
    # "政府采购项目/小计" over a table's whole amount block is its 合计, not a memo beside it
    if "total" not in ids and "procurement" in ids:
        ids = ["total" if i == "procurement" else i for i in ids]
        columns = [Column(id=i, label=c.label) for i, c in zip(ids, columns, strict=True)]
    # "本年收入合计" is the whole of a final-account income table that has no 总计 column
    if "total" not in ids and "current_total" in ids:
        i = ids.index("current_total")
        ids[i] = "total"
        columns[i] = Column(id="total", label=columns[i].label)
    return columns, ids, uncertain


def _source_whole(path: list[str], taken: list[str]) -> str | None:
    """"财政拨款/合计" beside the table's 总计 (广州 表12): the 合计 of a source group is that
    source's whole (``fiscal``), not a second total."""
    group = next((label_id(p) for p in path[:-1] if p.strip()), None)
    return group if group in INCOME_SOURCES and group not in taken else None


_YEAR_IN_LABEL = re.compile(r"^((?:19|20)\d\d)年")


def _years_apart(ids: list[str], columns: list[Column], uncertain: list[str]) -> tuple[list[str], list[Column], list[str]]:
    """"2025年预算数 | 2026年预算数/总计 | …/基本支出" (广州 表五): last year's column beside
    this year's is ``previous.<id>``, never this year's 合计 — the latest year is this year."""
    years = {i: int(m.group(1)) for i, c in enumerate(columns) if (m := _YEAR_IN_LABEL.match(c.label))}
    if len(set(years.values())) < 2:
        return ids, columns, uncertain
    latest = max(years.values())
    base = [re.sub(r"_\d+$", "", i) for i in ids]
    new_ids = [("previous." + b if years.get(k, latest) < latest else b) for k, b in enumerate(base)]
    if len(set(new_ids)) != len(new_ids):
        return ids, columns, uncertain  # still two of one name: leave the doubt said
    renamed = {old for old, new in zip(ids, new_ids, strict=True) if old != new}
    uncertain = [u for u in uncertain if not any(u.endswith(f"记为 {r}") for r in renamed)]
    return new_ids, [Column(id=n, label=c.label) for n, c in zip(new_ids, columns, strict=True)], uncertain


def _continues(cells: list[str], name_col: int, text_cols: list[int]) -> bool:
    filled = [i for i, c in enumerate(cells) if c]
    return bool(filled) and all(i == name_col or i in text_cols for i in filled)
