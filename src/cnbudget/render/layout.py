"""A model ``Table`` as a printed grid: header rows with merged cells, body rows of strings.

Every disclosure renderer (txt, Markdown, HTML, DOCX, XLSX) draws a ``PrintedTable``, so they
carry the same cells.  Standard kinds use the layout files of ``produce.layout``; a table whose columns the
standard layout lacks (a parsed table from another layout) gets a generic one-row header.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnbudget.model import Row, Table
from cnbudget.produce.layout import (
    SUMMARY_BOTTOM_ITEMS,
    C,
    Col,
    Layout,
    TableLayout,
    document_layout,
    layout_for,
)
from cnbudget.produce.money import fmt


@dataclass(frozen=True)
class Merge:
    """A header cell: its text at (row, col), spanning ``rowspan`` × ``colspan``."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


@dataclass(frozen=True)
class PrintedTable:
    kind: str
    title: str
    department: str | None
    unit: str | None
    header_cells: tuple[Merge, ...]
    header_rows: int
    width: int
    body: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]
    amount_cols: frozenset[int] = frozenset()  # grid columns holding amounts (right-aligned, numeric)

    def header_grid(self) -> list[list[str]]:
        """Header rows as a grid: a merged cell's text in its top-left cell, '' elsewhere."""
        grid = [["" for _ in range(self.width)] for _ in range(self.header_rows)]
        for m in self.header_cells:
            grid[m.row][m.col] = m.text
        return grid

    def grid(self) -> list[list[str]]:
        return self.header_grid() + [list(r) for r in self.body]


def _header(columns: tuple[Col, ...]) -> tuple[list[Merge], int, int]:
    depth = max(c.depth() for c in columns)
    merges: list[Merge] = []

    def place(cols: tuple[Col, ...], row: int, col: int) -> int:
        for c in cols:
            width = len(c.leaves())
            if c.children:
                merges.append(Merge(row, col, 1, width, c.label))
                place(c.children, row + 1, col)
            else:
                merges.append(Merge(row, col, depth - row, 1, c.label))
            col += width
        return col

    width = place(columns, 0, 0)
    return merges, depth, width


def _key_cell(row: Row, key: str) -> str:
    code = row.code or ""
    if key == "code1":
        return code[:3] if code.isdigit() else ""
    if key == "code2":
        return code[3:5] if code.isdigit() else ""
    if key == "code3":
        return code[5:7] if code.isdigit() else ""
    if key == "code":
        return code
    if key in ("name", "in.name", "out.name"):
        if row.is_total and not row.name and not row.side:
            return ""
        return row.name or ""
    if key in ("gov_code", "gov_name"):
        return row.texts.get(key, "")
    if key.startswith("text:"):
        return row.texts.get(key[5:], "")
    return ""


def _cells(row: Row, leaves: list[Col], side: str | None = None) -> list[str]:
    out: list[str] = []
    for leaf in leaves:
        if leaf.key is not None:
            out.append(_key_cell(row, leaf.key))
        else:
            cid = leaf.id or ""
            if side and cid.startswith(("in.", "out.")):
                cid = cid.split(".", 1)[1]
            out.append(fmt(row.values.get(cid)))
    return out


def generic_layout(table: Table) -> Layout:
    """One header row: 编码, 名称, then each column's printed label."""
    cols = [C("编码", key="code"), C("名称", key="name")]
    cols += [C(c.label.replace("/", ""), c.id) for c in table.columns]
    return Layout(kind=table.kind, title=table.title, columns=tuple(cols))


def _fits(layout: Layout, table: Table) -> bool:
    return set(table.column_ids()) <= set(layout.amount_ids())


def _two_sided_body(table: Table, layout: Layout) -> list[list[str]]:
    """Income lines on the left, expenditure lines on the right; the total lines aligned last."""
    leaves = layout.leaves()
    split = len(layout.columns[0].leaves())
    left_leaves, right_leaves = leaves[:split], leaves[split:]
    sides: dict[str, list[Row]] = {"income": [], "expenditure": []}
    for r in table.rows:
        sides.setdefault(r.side or "income", []).append(r)

    def cut(rows: list[Row]) -> tuple[list[Row], list[Row]]:
        i = len(rows)
        while i > 0 and rows[i - 1].item in SUMMARY_BOTTOM_ITEMS:
            i -= 1
        return rows[:i], rows[i:]

    in_top, in_bottom = cut(sides["income"])
    out_top, out_bottom = cut(sides["expenditure"])
    n_top = max(len(in_top), len(out_top))
    n_bottom = max(len(in_bottom), len(out_bottom))
    in_lines = in_top + [None] * (n_top - len(in_top)) + [None] * (n_bottom - len(in_bottom)) + in_bottom
    out_lines = out_top + [None] * (n_top - len(out_top)) + [None] * (n_bottom - len(out_bottom)) + out_bottom
    body = []
    for a, b in zip(in_lines, out_lines, strict=True):
        left = _cells(a, left_leaves, "income") if a else [""] * len(left_leaves)
        right = _cells(b, right_leaves, "expenditure") if b else [""] * len(right_leaves)
        body.append(left + right)
    return body


def numbered_title(table: Table) -> str:
    """The title as printed: with the table's form number when its layout gives one
    ("2024年度收入支出决算总表（公开01表）")."""
    return f"{table.title}（{table.number}）" if table.number else table.title


def printed(table: Table, department: str | None, doc_kind: str | None = "budget") -> PrintedTable:
    if doc_kind == "final":
        final = final_printed(table, department)
        if final is not None:
            return final
    layout = layout_for(table.kind, doc_kind)
    if layout is None or not _fits(layout, table):
        layout = generic_layout(table)
    merges, depth, width = _header(layout.columns)
    if layout.two_sided:
        body = _two_sided_body(table, layout)
    else:
        leaves = layout.leaves()
        body = [_cells(r, leaves) for r in table.rows]
    return PrintedTable(
        kind=table.kind,
        title=numbered_title(table),
        department=department,
        unit=table.unit,
        header_cells=tuple(merges),
        header_rows=depth,
        width=width,
        body=tuple(tuple(r) for r in body),
        notes=table.notes,
        amount_cols=frozenset(i for i, leaf in enumerate(layout.leaves()) if leaf.id is not None),
    )


# --- final accounts (部门决算): 行次 / 栏次, form numbers, the three-group 公开06表 -----------------


def _final_header(layout: TableLayout) -> tuple[list[Merge], int, int]:
    """The header of a final-account form, with its 栏次 row under it where the form prints one."""
    merges, depth, width = _header(layout.columns)
    if not layout.column_numbers:
        return merges, depth, width
    n = 0
    first_key_of_side = True
    for i, leaf in enumerate(layout.leaves()):
        if leaf.id is not None:
            n += 1
            merges.append(Merge(depth, i, 1, 1, str(n)))
            first_key_of_side = True
        elif first_key_of_side and leaf.key and not leaf.key.endswith("line"):
            merges.append(Merge(depth, i, 1, 1, "栏次"))
            first_key_of_side = False
        else:
            merges.append(Merge(depth, i, 1, 1, ""))
    return merges, depth + 1, width


def _final_two_sided_body(table: Table, layout: TableLayout) -> list[list[str]]:
    """Income lines left, expenditure lines right; the lines from 本年收入/支出合计 on aligned at
    the bottom (the shorter side padded before its 总计); 行次 numbered down the left side, then
    on down the right side."""
    leaves = layout.leaves()
    split = len(layout.columns[0].leaves())
    left_leaves, right_leaves = leaves[:split], leaves[split:]
    sides: dict[str, list[Row]] = {"income": [], "expenditure": []}
    for r in table.rows:
        sides.setdefault(r.side or "income", []).append(r)

    def cut(rows: list[Row]) -> tuple[list[Row | None], list[Row | None]]:
        i = next((k for k, r in enumerate(rows) if r.item == "current_total"), len(rows))
        return list(rows[:i]), list(rows[i:])

    in_top, in_bottom = cut(sides["income"])
    out_top, out_bottom = cut(sides["expenditure"])
    n_top = max(len(in_top), len(out_top))
    n_bottom = max(len(in_bottom), len(out_bottom))
    in_top += [None] * (n_top - len(in_top))
    out_top += [None] * (n_top - len(out_top))
    for bottom in (in_bottom, out_bottom):
        while len(bottom) < n_bottom:
            bottom.insert(max(len(bottom) - 1, 0), None)
    in_lines, out_lines = in_top + in_bottom, out_top + out_bottom
    n = len(in_lines)
    body = []
    for k, (a, b) in enumerate(zip(in_lines, out_lines, strict=True)):
        left = _cells(a, left_leaves, "income") if a else [""] * len(left_leaves)
        right = _cells(b, right_leaves, "expenditure") if b else [""] * len(right_leaves)
        for cells, side_leaves, number in ((left, left_leaves, k + 1), (right, right_leaves, n + k + 1)):
            for i, leaf in enumerate(side_leaves):
                if leaf.key and leaf.key.endswith("line"):
                    cells[i] = str(number)
        body.append(left + right)
    return body


def _three_group_body(table: Table, layout: TableLayout) -> list[list[str]]:
    """公开06表: economic rows in the layout's groups of (编码, 名称, 决算数), the 合计 line last."""
    groups: list[list[Row]] = [[] for _ in layout.groups]
    footer: dict[str, Row] = {}
    for r in table.rows:
        if r.item in ("personnel_total", "public_total"):
            footer[r.item] = r
        elif r.code:
            groups[layout.economic_group(r.code)].append(r)
    height = max(len(g) for g in groups)
    body = []
    for k in range(height):
        line: list[str] = []
        for g in groups:
            r = g[k] if k < len(g) else None
            line += [r.code or "", r.name or "", fmt(r.values.get("total"))] if r else ["", "", ""]
        body.append(line)
    last = [""] * (3 * len(groups))
    if "personnel_total" in footer:  # under the first group (人员经费), its name and amount
        last[0], last[2] = "人员经费合计", fmt(footer["personnel_total"].values.get("total"))
    if "public_total" in footer:  # under the others (公用经费): name in the second, amount in the last
        last[3], last[-1] = "公用经费合计", fmt(footer["public_total"].values.get("total"))
    body.append(last)
    return body


def final_printed(table: Table, department: str | None) -> PrintedTable | None:
    """A final-account table in its official form (``None``: not a standard final-account table)."""
    layout = document_layout("final").table(table.kind)
    if layout is None or not _fits(layout, table):
        return None
    merges, depth, width = _final_header(layout)
    if layout.three_groups:
        body = _three_group_body(table, layout)
    elif layout.two_sided:
        body = _final_two_sided_body(table, layout)
    else:
        body = [_cells(r, layout.leaves()) for r in table.rows]
    title = numbered_title(table)
    return PrintedTable(
        kind=table.kind,
        title=title,
        department=department,
        unit=table.unit,
        header_cells=tuple(merges),
        header_rows=depth,
        width=width,
        body=tuple(tuple(r) for r in body),
        notes=table.notes,
        amount_cols=frozenset(i for i, leaf in enumerate(layout.leaves()) if leaf.id is not None),
    )
