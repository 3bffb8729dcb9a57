"""A model ``Table`` as a printed grid: header rows with merged cells, body rows of strings.

Every disclosure renderer (txt, Markdown, HTML, DOCX, XLSX) draws a ``PrintedTable``, so they
carry the same cells.  Standard kinds use ``produce.layouts``; a table whose columns the
standard layout lacks (a parsed table from another layout) gets a generic one-row header.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnbudget.model import Row, Table
from cnbudget.produce.layouts import SUMMARY_BOTTOM_ITEMS, C, Col, Layout, layout_for
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


def printed(table: Table, department: str | None, doc_kind: str | None = "budget") -> PrintedTable:
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
        title=table.title,
        department=department,
        unit=table.unit,
        header_cells=tuple(merges),
        header_rows=depth,
        width=width,
        body=tuple(tuple(r) for r in body),
        notes=table.notes,
        amount_cols=frozenset(i for i, leaf in enumerate(layout.leaves()) if leaf.id is not None),
    )
