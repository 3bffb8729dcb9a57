"""Shaping rows of cells into blocks, shared by every tabular reader (xlsx, xls, docx, html).

Title rows, meta rows ("编制部门：…", "单位：万元") and note rows ("注：…") become ``Paragraph`` s;
the body becomes a ``Grid`` with its merged ranges.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from cnbudget import limits as _limits
from cnbudget.document import Block, Grid, Paragraph, Source
from cnbudget.limits import LimitExceeded

Merge = tuple[int, int, int, int]  # row0, col0, row1, col1 — inclusive, 0-based

_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_WS_RE = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u200b\u3000]+")
_CJK_BREAK_RE = re.compile(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])")


def clean_cell(text: str) -> str:
    """One line of text: a line break between two CJK characters disappears, other runs of
    whitespace (line breaks, tabs, no-break spaces, ideographic spaces) become one space."""
    if not text:
        return ""
    text = _CJK_BREAK_RE.sub("", text)
    text = text.replace("\n", " ")
    return _WS_RE.sub(" ", text).strip()


def cell_name(row: int, col: int) -> str:
    """0-based (row, col) → "A1"."""
    letters, c = "", col + 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


# ---------------------------------------------------------------------------------------------
# Shaping a block of rows into paragraphs and grids

_META_RE = re.compile(
    r"^(?:(?:编制|填报|预算|主管|报送)?(?:部门|单位)(?:名称|代码)?|金额单位|计量单位|单位负责人|财务负责人|"
    r"主管会计|会计主管|复核人|审核人|填表人|制表人|填报人|经办人|联系电话|填报日期|报送日期|编制日期|"
    r"部门[（(]单位[）)](?:名称)?)\s*[:：]"
)
_TITLE_RE = re.compile(r"(?:表|说明|目录)\s*(?:[（(][^（）()]{0,20}[）)])?\s*$|^(?:附表|附件|表)\s*\d")
_TITLE_WORDS_RE = re.compile(r"预算|决算|情况|统计|明细")
_NOTE_RE = re.compile(r"^(?:注|备注|说明|附注|注释)\s*\d*\s*[:：]|^注\s*\d")


def shape_block(
    rows: Sequence[Sequence[str]],
    merges: Sequence[Merge],
    source: Callable[[int, int], Source],
    range_source: Callable[[int, int, int, int], Source] | None = None,
) -> list[Block]:
    """Turn a rectangular block of cell texts into paragraphs (titles, meta, notes) and grids.

    ``merges`` are relative to ``rows``; non-top-left cells of a merge must already be "".
    ``source(r, c)`` is the source of cell (r, c) — of a paragraph's cell, or of a grid row's
    first cell; ``range_source(r0, c0, r1, c1)`` that of a whole grid (default: its first row).
    """
    if not rows:
        return []
    width = max(len(r) for r in rows)
    matrix = [list(r) + [""] * (width - len(r)) for r in rows]
    span = {(m[0], m[1]): m[3] - m[1] + 1 for m in merges}
    used = [c for c in range(width) if any(row[c] for row in matrix)]
    if not used:
        return []
    lo, hi = used[0], used[-1]
    used_width = hi - lo + 1

    def cells(r: int) -> list[tuple[int, str]]:
        return [(c, t) for c, t in enumerate(matrix[r]) if t]

    def is_meta(r: int) -> bool:
        cs = cells(r)
        return bool(cs) and all(_META_RE.match(t) for _, t in cs)

    def is_wide(r: int) -> bool:
        cs = cells(r)
        return len(cs) == 1 and used_width > 1 and span.get((r, cs[0][0]), 1) >= max(2, -(-2 * used_width // 3))

    def is_title(r: int) -> bool:
        cs = cells(r)
        return len(cs) == 1 and bool(_TITLE_RE.search(cs[0][1])) and (is_wide(r) or cs[0][0] == lo)

    def is_note(r: int) -> bool:
        cs = cells(r)
        return len(cs) == 1 and bool(_NOTE_RE.match(cs[0][1]))

    def is_table_row(r: int) -> bool:
        return len(cells(r)) >= 2 and not is_meta(r)

    def starts_table(r: int) -> bool:
        return is_title(r) or is_meta(r) or (is_wide(r) and bool(_TITLE_WORDS_RE.search(cells(r)[0][1])))

    # A title or meta row under a table row starts the next table.
    starts = [0]
    seen_table = False
    for r in range(len(matrix)):
        if is_table_row(r):
            seen_table = True
        elif seen_table and starts_table(r):
            starts.append(r)
            seen_table = False
    starts.append(len(matrix))

    blocks: list[Block] = []

    def paragraphs(r: int) -> None:
        for c, t in cells(r):
            blocks.append(Paragraph(text=t, source=source(r, c)))

    for a, b in zip(starts, starts[1:], strict=False):
        body = [r for r in range(a, b) if is_table_row(r)]
        if not body:
            for r in range(a, b):
                paragraphs(r)
            continue
        top = a
        while top < body[0] and (is_meta(top) or len(cells(top)) <= 1):
            paragraphs(top)
            top += 1
        tail = b
        while tail - 1 > body[-1] and (not cells(tail - 1) or is_meta(tail - 1) or is_wide(tail - 1)
                                       or is_note(tail - 1)):
            tail -= 1
        grid = _grid(matrix, merges, top, tail, source, range_source)
        if grid is not None:
            blocks.append(grid)
        for r in range(tail, b):
            paragraphs(r)
    return blocks


def _grid(matrix: list[list[str]], merges: Sequence[Merge], top: int, bottom: int,
          source: Callable[[int, int], Source],
          range_source: Callable[[int, int, int, int], Source] | None) -> Grid | None:
    """Rows ``top:bottom`` as a grid: blank rows (not inside a merge) dropped, blank edge
    columns trimmed, merges clipped and made relative."""
    in_merge = {r for m in merges if m[2] > m[0] for r in range(m[0], m[2] + 1)}
    keep = [r for r in range(top, bottom) if any(matrix[r]) or r in in_merge]
    cols = [c for c in range(len(matrix[0])) if any(matrix[r][c] for r in keep)]
    if not keep or not cols:
        return None
    c0, c1 = cols[0], cols[-1]
    index = {r: i for i, r in enumerate(keep)}
    rel: list[Merge] = []
    for m0, n0, m1, n1 in merges:
        rows_in = [index[r] for r in range(m0, m1 + 1) if r in index]
        if m0 not in index or not c0 <= n0 <= c1:
            continue
        box = (rows_in[0], n0 - c0, rows_in[-1], min(n1, c1) - c0)
        if box[2] > box[0] or box[3] > box[1]:
            rel.append(box)
    rows = tuple(tuple(matrix[r][c0 : c1 + 1]) for r in keep)
    sources = tuple(source(r, c0) for r in keep)
    whole = range_source(keep[0], c0, keep[-1], c1) if range_source else sources[0]
    return Grid(rows=rows, source=whole, row_sources=sources, merges=tuple(sorted(rel)))


# A run of more blank columns than this (none holding text, none inside a merge) is folded to
# this many: a sheet with cells at A1 and XFD1 is 18 columns wide, not 16,384.  No real table
# has so wide a blank gap, so ordinary sheets are laid out exactly as before.
BLANK_COLUMN_RUN = 16


def sheet_blocks(sheet: str, cells: Mapping[tuple[int, int], str], merges: Sequence[Merge]) -> list[Block]:
    """A whole sheet (0-based cell texts and merges) → blocks, split at blank rows.

    Sparse: the work follows the cells that exist (``Limits.sheet_cells``: cells with text
    plus the cells merges cover, which spreadsheet libraries materialise), never the used
    range; only each block's rows are laid out densely, over the sheet's columns with long
    blank runs folded, and that grid must fit ``Limits.table_cells``.
    """
    if not cells:
        return []
    limits = _limits.current()
    r_max = max(r for r, _ in cells)
    c_max = max(c for _, c in cells)
    # rows are clipped to the sheet's last row, as before; a merge's columns are kept (its width
    # tells a title row from a cell)
    merges = [(r0, c0, min(r1, r_max), c1) for r0, c0, r1, c1 in merges if r0 <= r_max and c0 <= c_max]
    covered_cells = sum((r1 - r0 + 1) * (c1 - c0 + 1) - 1 for r0, c0, r1, c1 in merges if r1 >= r0 and c1 >= c0)
    if len(cells) + covered_cells > limits.sheet_cells:
        raise LimitExceeded("sheet_cells", limits.sheet_cells,
                            f"工作表 {sheet} 有 {len(cells) + covered_cells:,} 个单元格（含合并区域）", place=sheet)
    text = dict(cells)
    for r0, c0, r1, c1 in merges:  # bounded by the check above
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    text.pop((r, c), None)
    # Rows under a merged cell with text belong to its block even when otherwise blank.
    spans = sorted({(r, r) for r, _ in text} | {(m[0], m[2]) for m in merges if m[2] > m[0] and (m[0], m[1]) in text})
    col_of, orig_col = _fold_columns({c for _, c in text} | {c for m in merges for c in range(m[1], m[3] + 1)})
    width = len(orig_col)
    blocks: list[Block] = []
    for start, end in _row_runs(spans):
        rows = end - start + 1
        if rows * width > limits.table_cells:
            raise LimitExceeded("table_cells", limits.table_cells, f"工作表 {sheet} 中一个表格有 {rows:,} 行 × {width:,} 列",
                                place=f"{sheet}!{cell_name(start, 0)}")
        matrix = [[""] * width for _ in range(rows)]
        for (r, c), t in text.items():
            if start <= r <= end:
                matrix[r - start][col_of[c]] = t
        sub = [(m0 - start, col_of[n0], min(m1, end) - start, col_of[n1]) for m0, n0, m1, n1 in merges
               if start <= m0 <= end]
        blocks.extend(shape_block(
            matrix, sub,
            lambda i, c, s=start: Source(sheet=sheet, cell=cell_name(i + s, orig_col[c])),
            lambda i0, c0, i1, c1, s=start: Source(
                sheet=sheet, cell=f"{cell_name(i0 + s, orig_col[c0])}:{cell_name(i1 + s, orig_col[c1])}"),
        ))
    return blocks


def _row_runs(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted (first, last) row intervals → maximal runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for a, b in spans:
        if runs and a <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], max(runs[-1][1], b))
        else:
            runs.append((a, b))
    return runs


def _fold_columns(used: set[int]) -> tuple[dict[int, int], list[int]]:
    """Column index → folded index for the used columns, and folded → original for all."""
    col_of: dict[int, int] = {}
    orig: list[int] = []
    prev = -1
    for c in sorted(used):
        gap = min(c - prev - 1, BLANK_COLUMN_RUN)
        orig.extend(range(prev + 1, prev + 1 + gap))
        col_of[c] = len(orig)
        orig.append(c)
        prev = c
    return col_of, orig
