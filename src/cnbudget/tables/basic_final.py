"""The final-account basic expenditure table (公开06表): three column groups, unfolded.

The table prints economic items in three side-by-side groups of (科目编码, 科目名称, 决算数):
人员经费 items on the left, 公用经费 items in the middle and on the right, with 人员经费合计 /
公用经费合计 on the last line.  It is read as one list of economic rows, group by group.

PDF extraction sometimes slides a cell into its neighbour's column: in one seed the code
``399`` of the third group's 其他支出 row stands in the second group's amount column (where
劳务费 has no amount).  A whole-number "amount" that is the economic class code of the name
beside it is moved back to where it belongs, and the move is recorded as a repair.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Column, Repair, Row, Table
from cnbudget.numbers import parse_amount
from cnbudget.tables.cells import compact, is_code
from cnbudget.tables.rows import Line, TableLines

# 部门预算支出经济分类 classes (类): code → name, for the slid-cell repair.
ECONOMIC_CLASSES = {
    "301": "工资福利支出",
    "302": "商品和服务支出",
    "303": "对个人和家庭的补助",
    "307": "债务利息及费用支出",
    "309": "资本性支出(基本建设)",
    "310": "资本性支出",
    "311": "对企业补助(基本建设)",
    "312": "对企业补助",
    "313": "对社会保障基金补助",
    "399": "其他支出",
}


def _is_econ(text: str) -> bool:
    t = compact(text)
    return is_code(t) and t[:1] == "3" and len(t) in (3, 5, 7)


def _group_starts(data: list[Line]) -> list[int]:
    width = max((len(ln.cells) for ln in data), default=0)
    counts = [sum(1 for ln in data if c < len(ln.cells) and _is_econ(ln.cells[c])) for c in range(width)]
    starts = [c for c in range(width) if counts[c] >= 3]
    # keep starts at least three columns apart (code, name, amount)
    out: list[int] = []
    for c in starts:
        if not out or c - out[-1] >= 3:
            out.append(c)
    return out


def looks_three_group(tl: TableLines) -> bool:
    return len(_group_starts(tl.data)) >= 2


def parse_basic_final(title: str, tl: TableLines, source, number: str | None) -> Table:
    starts = _group_starts(tl.data)
    width = tl.width
    bounds = [*starts[1:], width]
    groups: list[list[Row]] = [[] for _ in starts]
    footers: list[Row] = []
    for ln in tl.data:
        cells = ln.cells + [""] * (width - len(ln.cells))
        if _footer(cells, ln, footers):
            continue
        parts = [cells[s:e] for s, e in zip(starts, bounds, strict=True)]
        triples = [_triple(p) for p in parts]
        for g, (code, name, amount) in enumerate(triples):
            repairs: list[Repair] = []
            # the slid cell: this group has a name but no code, and the previous group's
            # amount is the class code of this name
            if not code and name and g > 0:
                pcode, pname, pamount = triples[g - 1]
                if pamount and ECONOMIC_CLASSES.get(compact(pamount)) == compact(name):
                    code = compact(pamount)
                    triples[g - 1] = (pcode, pname, "")
                    if groups[g - 1] and groups[g - 1][-1].code == pcode:
                        prev = groups[g - 1][-1]
                        groups[g - 1][-1] = Row(
                            code=prev.code,
                            name=prev.name,
                            values={},
                            source=prev.source,
                            repairs=(
                                Repair(
                                    field="values.total",
                                    original=pamount,
                                    repaired="",
                                    reason=f"“{pamount}”是右侧“{name}”的科目编码，被排版挤入本行金额栏",
                                ),
                            ),
                        )
                    repairs.append(
                        Repair(field="code", original="", repaired=code, reason="科目编码从左侧金额栏移回")
                    )
            if not code and not name:
                continue
            values: dict[str, Decimal] = {}
            v = parse_amount(amount) if amount else None
            if v is not None:
                values["total"] = v
            groups[g].append(
                Row(code=code or None, name=name or None, values=values, source=ln.source, repairs=tuple(repairs))
            )
    rows = [r for g in groups for r in g] + footers
    return Table(
        kind="basic_expenditure",
        title=title,
        unit=tl.unit,
        columns=(Column(id="total", label="决算数"),),
        rows=tuple(rows),
        source=source,
        number=number,
        header=tuple(tuple(h.cells) for h in tl.header),
    )


def _triple(part: list[str]) -> tuple[str, str, str]:
    code = compact(part[0]) if part else ""
    name = part[1] if len(part) > 1 else ""
    amount = next((c for c in part[2:] if compact(c)), "")
    if code and not is_code(code):
        # a name in the code column (a group whose code was lost)
        name, code = code + name, ""
    return code, name, amount


def _footer(cells: list[str], ln: Line, footers: list[Row]) -> bool:
    labels = {"人员经费合计": "personnel_total", "公用经费合计": "public_total"}
    found = False
    for i, c in enumerate(cells):
        item = labels.get(compact(c))
        if not item and i + 1 < len(cells):
            item = labels.get(compact(c + cells[i + 1]))  # "公用经" + "费合计" split by the layout
        if not item:
            continue
        found = True
        amount = None
        for d in cells[i + 1 :]:
            if compact(d) in labels:
                break
            amount = parse_amount(d)
            if amount is not None:
                break
        values = {"total": amount} if amount is not None else {}
        name = "人员经费合计" if item == "personnel_total" else "公用经费合计"
        footers.append(Row(code=None, name=name, values=values, source=ln.source, item=item))
    return found
