"""Tables whose rows are keyed by a code or a name: the function-classified tables (收入, 支出,
一般公共预算支出, 政府性基金, 国有资本经营), the budget-layout basic and economic tables,
projects, carryover, procurement and purchased services.

Columns are told apart by what the data holds (codes, names, amounts) and what the flattened
header says; amounts get their ids from ``columns.column_id``.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Column, Row, Table
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
from cnbudget.tables.columns import column_id
from cnbudget.tables.header import ColumnProfile, flatten
from cnbudget.tables.rows import Line, TableLines

_UNIT_CODE_WORDS = ("单位代码", "单位编码", "部门(单位)代码", "部门代码", "单位编码(项目编号)", "单位编码(项目编码)")


def profile(lines: list[Line], width: int) -> list[ColumnProfile]:
    out = []
    for c in range(width):
        cells = [ln.cells[c] for ln in lines if c < len(ln.cells) and ln.cells[c]]
        codes = sum(1 for x in cells if is_code(x) or is_project_code(x))
        amounts = sum(1 for x in cells if parse_amount(x) is not None and not is_code(x) and not is_project_code(x))
        # an integer column of amounts ("79", "16") is told from a code column by its neighbours later
        ints = sum(1 for x in cells if is_code(x) and len(compact(x)) <= 4 and parse_amount(x) is not None)
        texts = sum(1 for x in cells if has_cjk(x) and not is_total_label(x))
        out.append(ColumnProfile(amounts=amounts, codes=codes, texts=texts))
        del ints
    return out


def _label(path: list[str]) -> str:
    return "/".join(path)


def parse_coded(kind: str, title: str, tl: TableLines, source, number: str | None) -> Table:
    width = tl.width
    data = tl.data
    header_cells = [ln.cells for ln in tl.header]
    profiles = profile(data, width)
    paths = flatten(header_cells, width, profiles)

    key_cols, amount_cols = _split_columns(profiles, paths, width)
    name_col = _name_column(key_cols, paths, data)
    code_cols = [c for c in key_cols if c < name_col and _is_code_column(c, data, paths)]
    unit_code_col = next((c for c in code_cols if any(w in "".join(paths[c]) for w in _UNIT_CODE_WORDS)), None)
    fn_code_cols = [c for c in code_cols if c != unit_code_col]
    right_code_cols = [c for c in key_cols if c > name_col and _is_code_column(c, data, paths)]
    text_cols = [c for c in key_cols if c not in code_cols and c != name_col and c not in right_code_cols]

    columns, col_ids, uncertain = _amount_columns(amount_cols, paths, data)
    rows: list[Row] = []
    for ln in data:
        cells = ln.cells + [""] * (width - len(ln.cells))
        values = {}
        for c, cid in zip(amount_cols, col_ids, strict=True):
            v = parse_amount(cells[c])
            if v is not None:
                values[cid] = v
        code_parts = [compact(cells[c]) for c in fn_code_cols if compact(cells[c])]
        code = "".join(code_parts) if code_parts and all(p.isdigit() for p in code_parts) else None
        name = cells[name_col].strip() if name_col < width else ""
        texts = {}
        for c in text_cols:
            if cells[c]:
                texts[_label(paths[c]) or f"c{c + 1}"] = cells[c]
        for k, c in enumerate(right_code_cols):
            if cells[c]:
                texts["gov_code" if k == 0 else f"code_{k + 1}"] = compact(cells[c])
        item = None
        unit_code = compact(cells[unit_code_col]) if unit_code_col is not None else ""
        lead_text = "".join(compact(cells[c]) for c in sorted([*fn_code_cols, name_col]) if c < width)
        if is_total_label(name) or (not code and is_total_label(lead_text)) or (
            not code and not name and any(is_total_label(cells[c]) for c in code_cols)
        ):
            item, name, code = "total", "合计", None
        elif unit_code and not code:
            item, code = "unit", unit_code
        elif code is None and code_parts and not all(p.isdigit() for p in code_parts):
            # a code column that holds text (e.g. 合计 printed in the code column)
            if not name:
                name = "".join(code_parts)
        bc = bracket_code(name) if name else None
        if bc and not code:
            code, name, item = bc[0], bc[1], "unit"
        if code is None and is_project_code(name):
            code, name = compact(name), ""
        # cells broken over several lines: a row with text only continues the row above
        if not values and not code and item is None and rows and _is_continuation(cells, name_col, text_cols):
            rows[-1] = _merge_into(rows[-1], name, texts)
            continue
        if not values and not code and item is None and not name and not texts:
            continue
        rows.append(Row(code=code, name=name or None, values=values, source=ln.source, item=item, texts=texts))
    rows = _merge_name_prefixes(rows)
    # names of code-keyed second name column (政府预算经济分类 科目名称)
    return Table(
        kind=kind,
        title=title,
        unit=tl.unit,
        columns=tuple(columns),
        rows=tuple(rows),
        source=source,
        number=number,
        header=tuple(tuple(h.cells) for h in tl.header),
        matched="",
        uncertain=tuple(uncertain),
    )


def _split_columns(profiles: list[ColumnProfile], paths: list[list[str]], width: int) -> tuple[list[int], list[int]]:
    """Key columns (codes, names, texts) on the left; amount columns to their right."""
    key: list[int] = []
    amount: list[int] = []
    ordinal_words = ("行次", "栏次")
    for c in range(width):
        p = profiles[c]
        label = "".join(paths[c])
        if any(w in label for w in ordinal_words):
            continue
        if p.is_amount and not (p.codes and _codeish_label(label)):
            amount.append(c)
        elif p.texts or p.codes or _codeish_label(label) or ("名称" in label):
            key.append(c)
        elif column_id(paths[c]) is not None and not amount and not _codeish_label(label):
            amount.append(c)
        elif column_id(paths[c]) is not None and amount:
            amount.append(c)
        elif p.amounts == 0 and p.texts == 0 and p.codes == 0 and not label:
            continue
    return key, amount


def _codeish_label(label: str) -> bool:
    return any(w in label for w in ("编码", "代码", "编号")) or label in ("类", "款", "项") or label.endswith(("/类", "/款", "/项"))


def _is_code_column(c: int, data: list[Line], paths: list[list[str]]) -> bool:
    label = "".join(paths[c])
    cells = [ln.cells[c] for ln in data if c < len(ln.cells) and ln.cells[c]]
    codes = sum(1 for x in cells if is_code(x) or is_project_code(x))
    if _codeish_label(label) and (codes or not cells):
        return True
    return bool(cells) and codes >= max(1, len(cells) // 2)


def _name_column(key_cols: list[int], paths: list[list[str]], data: list[Line]) -> int:
    if not key_cols:
        return 0
    prefs = ("项目名称", "科目名称", "单位(科目名称)", "单位（科目名称）", "单位名称", "名称", "项目")
    for pref in prefs:
        for c in key_cols:
            label = "".join(paths[c])
            if pref in label and "代码" not in label and "编码" not in label:
                # the first matching column (department classification before government one)
                return c
    best, best_n = key_cols[0], -1
    for c in key_cols:
        n = len({ln.cells[c] for ln in data if c < len(ln.cells) and has_cjk(ln.cells[c])})
        if n > best_n:
            best, best_n = c, n
    return best


def _amount_columns(cols: list[int], paths: list[list[str]], data: list[Line]) -> tuple[list[Column], list[str], list[str]]:
    ids: list[str] = []
    columns: list[Column] = []
    uncertain: list[str] = []
    for c in cols:
        cid = column_id(paths[c])
        if cid is None:
            cid = f"c{c + 1}"
            uncertain.append(f"第{c + 1}列的表头“{_label(paths[c])}”未能识别")
        base, k = cid, 2
        while cid in ids:
            cid = f"{base}_{k}"
            k += 1
        if cid != base:
            uncertain.append(f"第{c + 1}列“{_label(paths[c])}”与前列同名，记为 {cid}")
        ids.append(cid)
        columns.append(Column(id=cid, label=_label(paths[c])))
    # "本年收入合计" is the whole of a final-account income table that has no 总计 column
    if "total" not in ids and "current_total" in ids:
        i = ids.index("current_total")
        ids[i] = "total"
        columns[i] = Column(id="total", label=columns[i].label)
    return columns, ids, uncertain


def _is_continuation(cells: list[str], name_col: int, text_cols: list[int]) -> bool:
    filled = [i for i, c in enumerate(cells) if c]
    return bool(filled) and all(i == name_col or i in text_cols for i in filled)


def _merge_into(row: Row, name: str, texts: dict[str, str]) -> Row:
    new_texts = dict(row.texts)
    for k, v in texts.items():
        new_texts[k] = new_texts.get(k, "") + v
    return Row(
        code=row.code,
        name=(row.name or "") + name if name else row.name,
        values=row.values,
        source=row.source,
        side=row.side,
        item=row.item,
        texts=new_texts,
        repairs=row.repairs,
    )


def _merge_name_prefixes(rows: list[Row]) -> list[Row]:
    return rows


def is_ordinal(values: list[str]) -> bool:
    return is_ordinal_column(values)


ZERO = Decimal(0)
