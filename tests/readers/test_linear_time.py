"""The readers' work grows with the input, not with its square (issue 14, point 3).

Work is counted, not timed, where Python does it: the calls the text reader makes, the cells
the sheet layout builds.  A regular expression runs in C, so its patterns are held to a time
bound with a margin of a thousand (the old pipe-separator pattern took 48 s on 100,000 spaces;
the new one takes well under a millisecond).
"""

from __future__ import annotations

import re
import sys
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.document import Grid
from cnbudget.readers import grid_shape
from cnbudget.readers.text import _PIPE_SEP_RE, clean_markup, parse_text

OLD_PIPE_SEP_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def calls(fn, *args) -> int:
    """Python and C function calls made by ``fn(*args)`` (a deterministic measure of work)."""
    n = 0

    def count(frame, event, arg):
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(count)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return n


def seconds(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


@given(st.text(alphabet="|-: \tx", max_size=14))
def test_the_pipe_separator_pattern_matches_what_it_matched_before(line):
    assert bool(_PIPE_SEP_RE.match(line)) == bool(OLD_PIPE_SEP_RE.match(line))


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([" ", "  ", " \t", "--", " :", "- "]), st.sampled_from(["|x", "x", "|-", ":x|"]))
def test_the_pipe_separator_pattern_is_linear(unit, end):
    for times in (1_000, 10_000, 100_000):  # 1x, 10x, 100x
        line = "|--" + unit * (times // len(unit)) + end
        assert seconds(_PIPE_SEP_RE.match, line) < 0.05, (unit, end, times)


def test_inline_tags_without_an_end_are_one_pass():
    for n in (2_000, 20_000, 200_000):
        # a linear budget (2 µs a character, 20x margin); "[^>]*" took over a second at 20,000
        assert seconds(clean_markup, "<b" * n) < 0.02 + 2e-6 * 2 * n


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["\t", "|", " ", "\t1.00", "|--", "| -- ", "预算", "**", "<b", "#"]),
       st.sampled_from(["\n", ""]))
def test_the_text_reader_does_linear_work(unit, newline):
    def text(times: int) -> str:
        return "标题\n" + (unit * times + newline) * 3

    ten, hundred = calls(parse_text, "t", text(100)), calls(parse_text, "t", text(1_000))
    assert hundred <= 12 * ten, (unit, ten, hundred)  # 10x the input: about 10x the work, never 100x


# ---------------------------------------------------------------------------------------------
# Sheets: laid out by the cells that exist


def _dense_sheet_blocks(sheet, cells, merges):
    """The layout before issue 14 (dense over the used range), as the reference for small sheets."""
    from cnbudget.document import Source
    from cnbudget.readers.grid_shape import cell_name, shape_block

    if not cells:
        return []
    r_max = max(r for r, _ in cells)
    c_max = max(c for _, c in cells)
    matrix = [[""] * (c_max + 1) for _ in range(r_max + 1)]
    for (r, c), text in cells.items():
        matrix[r][c] = text
    merges = [m for m in merges if m[0] <= r_max and m[1] <= c_max]
    for r0, c0, r1, c1 in merges:
        for r in range(r0, min(r1, r_max) + 1):
            for c in range(c0, min(c1, c_max) + 1):
                if (r, c) != (r0, c0):
                    matrix[r][c] = ""
    covered = {r for m in merges if m[2] > m[0] and matrix[m[0]][m[1]] for r in range(m[0] + 1, m[2] + 1)}
    blocks = []
    start = None
    for r in range(r_max + 2):
        blank = r > r_max or (not any(matrix[r]) and r not in covered)
        if not blank and start is None:
            start = r
        elif blank and start is not None:
            sub = [(m0 - start, n0, min(m1, r - 1) - start, n1) for m0, n0, m1, n1 in merges if start <= m0 < r]
            blocks.extend(shape_block(
                matrix[start:r], sub,
                lambda i, c, s=start: Source(sheet=sheet, cell=cell_name(i + s, c)),
                lambda i0, c0, i1, c1, s=start: Source(
                    sheet=sheet, cell=f"{cell_name(i0 + s, c0)}:{cell_name(i1 + s, c1)}"),
            ))
            start = None
    return blocks


_TEXTS = st.sampled_from(["预算", "合计", "1.00", "2024年部门收支预算总表", "单位：万元", "注：无", "x"])


@st.composite
def small_sheets(draw):
    cells = draw(st.dictionaries(st.tuples(st.integers(0, 12), st.integers(0, 12)), _TEXTS, max_size=40))
    merges = []
    for r0, c0 in draw(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=3)):
        merges.append((r0, c0, r0 + draw(st.integers(0, 3)), c0 + draw(st.integers(0, 3))))
    return cells, merges


@settings(max_examples=150, deadline=None)
@given(small_sheets())
def test_sparse_layout_is_the_dense_layout_on_ordinary_sheets(sheet):
    cells, merges = sheet
    assert grid_shape.sheet_blocks("S", cells, merges) == _dense_sheet_blocks("S", cells, merges)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 1_048_575), st.integers(0, 16_383)), _TEXTS, min_size=1, max_size=30))
def test_sparse_layout_builds_cells_in_proportion_to_the_cells_that_exist(cells):
    built = 0
    real = grid_shape.shape_block

    def counting(rows, merges, source, range_source=None):
        nonlocal built
        built += sum(len(r) for r in rows)
        return real(rows, merges, source, range_source)

    grid_shape.shape_block = counting
    try:
        blocks = grid_shape.sheet_blocks("S", cells, [])
    finally:
        grid_shape.shape_block = real
    columns = len({c for _, c in cells})
    assert built <= len(cells) * columns * (grid_shape.BLANK_COLUMN_RUN + 1)  # never 1,048,576 × 16,384
    texts = sorted(t for b in blocks for t in ([c for row in b.rows for c in row if c] if isinstance(b, Grid) else [b.text]))
    assert texts == sorted(cells.values())  # nothing lost
