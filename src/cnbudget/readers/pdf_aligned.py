"""Tables printed as aligned text: no ruling lines at all, or only a 三线表's three rules.

Word / WPS exports often print the standard tables as text set in columns.  ``pdf_grid`` finds
the ruled tables first; this module looks at the glyphs left over (text layer or OCR alike) and
turns a block of column-aligned lines into a ``Grid`` shaped exactly like a ruled one.

1. Lines (``group_lines``) are cut into *runs* wherever the gap is at least ``aligned_gap`` ems.
   A run that is a number ("1,942.11", "（12.5）", "-") is a figure, except a leading code.
2. A *row line* has ≥ 2 runs and a figure.  Consecutive row lines (a gap of at most
   ``aligned_line_gap`` ems; up to two text-only lines between them) form a candidate body.
3. Figure columns: figures' right edges clustered within ``aligned_right_tol`` ems (numbers are
   right-aligned), each hit by ≥ 2 rows.  A text line between rows that reaches into a figure
   column is not part of the table (a note, a sentence) and cuts the body there.
4. Column boundaries are the body's *gutters*: x-intervals at least ``aligned_gap`` ems wide that
   no run covers (a few crossing runs are tolerated — "合计" centred over 编码 and 名称 — and
   then the crossing cell records its span in ``Grid.merges``).  A column nothing lands in is
   dropped; a figure column always gets a boundary on its left.
5. A text-only line whose runs stay in the text (name) columns continues the row above (a name
   wrapped over two lines), or — when the next row's name cell is empty — the row below (a name
   cell whose figures are centred vertically).
6. The header: the lines between a 三线表's top rule and its header rule when the rules are
   there (a horizontal rule spanning ``aligned_rule_cover`` of the block), else up to
   ``aligned_header_lines`` lines right above the body that look like labels (short runs, no
   sentence, not a title or unit line).  Each label goes to the nearest column; a label over
   columns that have labels of their own further down is a group label (基本支出 over
   人员经费 / 公用经费): its text is in the first column and its span in ``Grid.merges``.
   Labels wrapped over two lines in one column are joined; each column's last label reaches
   down to the last header row (a vertical merge), as a ruled header's cell would.
7. Conservative: a block becomes a grid only with ≥ ``aligned_min_rows`` rows and
   ``aligned_min_figures`` figure columns, or with a header the vocabulary recognises (合计,
   基本支出, 预算数 …) and at least one figure column.  Narrative paragraphs never qualify:
   their lines are one run each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cnbudget.document import Grid, Source
from cnbudget.readers.pdf_grid import (
    DEFAULT,
    Glyph,
    GridSettings,
    Segment,
    _dedupe,
    cell_text,
    group_lines,
)

_FIGURE_RE = re.compile(r"^[-−－(（]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?[)）]?[%％]?$")
_DASH_RE = re.compile(r"^[-—–－/／]{1,3}$")
_CODE_RE = re.compile(r"^\d{3,}$")
_SENTENCE_RE = re.compile(r"[。；;!！?？]|[:：]$")
_NOT_HEADER_RE = re.compile(r"^(金额)?单位[:：]|^部门[:：]|^编制(单位|部门)[:：]|公开\s*\d+\s*表|[表]$|^注[:：]")
_NOTE_RE = re.compile(r"^(注|说明|备注|数据来源)[:：]?")
# Header words of the standard tables; one of them lets a short table (1–2 rows) through.
HEADER_WORDS = (
    "合计", "总计", "小计", "基本支出", "项目支出", "科目编码", "科目名称", "功能分类", "经济分类",
    "金额", "预算数", "决算数", "人员经费", "公用经费", "财政拨款", "一般公共预算", "政府性基金",
    "本年收入", "本年支出", "年初结转", "年末结转", "栏次", "单位名称", "项目名称", "收入", "支出",
)


@dataclass(slots=True)
class _Run:
    glyphs: list[Glyph]
    x0: float
    x1: float
    text: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class _Line:
    runs: list[_Run]
    top: float
    bottom: float
    size: float
    glyphs: list[Glyph]  # all of the line's glyphs, doubles (fake bold) included
    figures: list[_Run] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return self.runs[-1].x1

    @property
    def text(self) -> str:
        return " ".join(r.text for r in self.runs)


@dataclass
class AlignedTable:
    """An aligned-text table found on a page: its grid and the glyphs it used."""

    grid: Grid
    glyphs: list[Glyph]


def _lines(glyphs: list[Glyph], settings: GridSettings) -> list[_Line]:
    out: list[_Line] = []
    for ln in group_lines(glyphs):
        gl = _dedupe(ln.glyphs)
        if not gl:
            continue
        pieces: list[list[Glyph]] = [[gl[0]]]
        for a, b in zip(gl, gl[1:], strict=False):
            if b.x0 - a.x1 >= settings.aligned_gap * max(a.size, b.size):
                pieces.append([b])
            else:
                pieces[-1].append(b)
        runs = [_Run(p, min(g.x0 for g in p), max(g.x1 for g in p), "".join(g.text for g in p)) for p in pieces]
        line = _Line(runs, ln.top, ln.bottom, ln.size, ln.glyphs)
        for i, r in enumerate(runs):
            plain = r.text.replace(" ", "")
            if _FIGURE_RE.match(plain) and not (i == 0 and _CODE_RE.match(plain)):
                line.figures.append(r)
        out.append(line)
    return out


def _is_row(line: _Line) -> bool:
    return len(line.runs) >= 2 and bool(line.figures)


def _is_dash(run: _Run) -> bool:
    return bool(_DASH_RE.match(run.text))


# ---------------------------------------------------------------------------------- columns


def _cluster_right(lines: list[_Line], tol: float) -> list[tuple[float, float, set[int]]]:
    """Figure columns: (left, right, row indexes) of right edges clustered within ``tol``."""
    pts = sorted((r.x1, r.x0, i) for i, ln in enumerate(lines) for r in ln.figures)
    clusters: list[list[tuple[float, float, int]]] = []
    for p in pts:
        if clusters and p[0] - clusters[-1][-1][0] <= tol:
            clusters[-1].append(p)
        else:
            clusters.append([p])
    return [(min(p[1] for p in c), max(p[0] for p in c), {p[2] for p in c}) for c in clusters]


def _gutters(lines: list[_Line], x0: float, x1: float, width: float, crossings: int) -> list[tuple[float, float]]:
    """Intervals at least ``width`` wide that at most ``crossings`` lines cover."""
    step = 0.5
    n = int((x1 - x0) / step) + 2
    diff = [0] * (n + 1)
    for ln in lines:
        for r in ln.runs:
            a = max(0, int((r.x0 - x0) / step))
            b = min(n, int((r.x1 - x0) / step) + 1)
            diff[a] += 1
            diff[b] -= 1
    out: list[tuple[float, float]] = []
    cur = 0
    start: int | None = None
    for i in range(n):
        cur += diff[i]
        if cur <= crossings:
            if start is None:
                start = i
        elif start is not None:
            out.append((x0 + start * step, x0 + i * step))
            start = None
    if start is not None:
        out.append((x0 + start * step, x0 + n * step))
    return [(a, b) for a, b in out if b - a >= width and a > x0 and b < x1]


def _col(bounds: list[float], x: float) -> int:
    """Column of x among inner boundaries (0 … len(bounds))."""
    i = 0
    while i < len(bounds) and x >= bounds[i]:
        i += 1
    return i


# ---------------------------------------------------------------------------------- finding


def find_aligned(glyphs: list[Glyph], rules: list[Segment], page: int,
                 settings: GridSettings = DEFAULT) -> list[AlignedTable]:
    """Aligned-text tables among a page's glyphs outside ruled tables, top to bottom.

    ``rules`` are the page's horizontal ruling segments that belong to no ruled table.
    """
    lines = _lines(glyphs, settings)
    hrules = sorted((s for s in rules if s.horizontal), key=lambda s: s.pos)
    out: list[AlignedTable] = []
    used: set[int] = set()  # indexes of lines already in a table
    i = 0
    while i < len(lines):
        if not _is_row(lines[i]) or i in used:
            i += 1
            continue
        body = _body(lines, i, settings, hrules)
        table = _table(lines, i, body, page, settings, hrules, used) if body else None
        if table is None:
            i += 1
            continue
        t, consumed = table
        out.append(t)
        used.update(consumed)
        i = max(consumed) + 1
    return out


def _gap_ok(a: _Line, b: _Line, settings: GridSettings) -> bool:
    return b.top - a.bottom <= settings.aligned_line_gap * max(a.size, b.size)


def _body(lines: list[_Line], start: int, settings: GridSettings, hrules: list[Segment]) -> list[int]:
    """Indexes of the candidate body lines from ``start`` (a row line)."""
    body = [start]
    pending: list[int] = []
    j = start + 1
    while j < len(lines):
        prev = lines[(pending or body)[-1]]
        ln = lines[j]
        if not _gap_ok(prev, ln, settings) or _rule_between(hrules, prev, ln, lines[start]):
            break
        if _is_row(ln):
            body.extend(pending)
            pending = []
            body.append(j)
        elif len(pending) < 2 and not _NOTE_RE.match(ln.text):
            pending.append(j)
        else:
            break
        j += 1
    body.extend(pending)  # trailing text lines: kept only if they continue a row (see _table)
    return body


def _rule_between(hrules: list[Segment], a: _Line, b: _Line, ref: _Line) -> bool:
    """A rule between two lines wide enough to be a table's rule (the bottom rule ends a body)."""
    lo, hi = a.bottom, b.top
    width = max(ref.x1 - ref.x0, 1.0)
    return any(lo - 1 <= s.pos <= hi + 1 and s.b - s.a >= 0.5 * width for s in hrules)


def _figure_columns(rows_lines: list[_Line], settings: GridSettings, em: float) -> list[tuple[float, float, set[int]]]:
    return [c for c in _cluster_right(rows_lines, settings.aligned_right_tol * em)
            if len(c[2]) >= min(2, len(rows_lines))]


def _table(lines: list[_Line], start: int, body_idx: list[int], page: int, settings: GridSettings,
           hrules: list[Segment], used: set[int]) -> tuple[AlignedTable, list[int]] | None:
    em = max(lines[k].size for k in body_idx)
    figcols = _figure_columns([lines[k] for k in body_idx if _is_row(lines[k])], settings, em)
    if not figcols:
        return None
    # a text line reaching into a figure column is no part of the table: the body ends above it
    kept: list[int] = []
    for k in body_idx:
        ln = lines[k]
        if not _is_row(ln) and any(r.x1 > c[0] + 0.5 * em for r in ln.runs for c in figcols):
            break
        kept.append(k)
    # trailing text lines stay only when as close as the rows are to each other (a wrapped name)
    rows_only = [k for k in kept if _is_row(lines[k])]
    limit = max(0.6 * em, 1.2 * _median_gap(lines, rows_only)) if len(rows_only) > 1 else 0.6 * em
    while kept and not _is_row(lines[kept[-1]]):
        if len(kept) > 1 and lines[kept[-1]].top - lines[kept[-2]].bottom <= limit:
            break
        kept.pop()
    body_idx = kept
    body = [lines[k] for k in body_idx]
    rows_lines = [ln for ln in body if _is_row(ln)]
    figcols = _figure_columns(rows_lines, settings, em)
    if not rows_lines or not figcols:
        return None
    bx0 = min(ln.x0 for ln in body)
    bx1 = max(ln.x1 for ln in body)
    crossings = 0 if len(body) < 4 else max(1, len(body) // 10)
    bounds = sorted((a + b) / 2 for a, b in _gutters(body, bx0 - 1, bx1 + 1, settings.aligned_gap * em, crossings))
    prev_right = bx0
    for left, right, _hits in figcols:
        if left - 0.5 > bx0 and not any(prev_right < b <= left for b in bounds):
            bounds = sorted([*bounds, left - 0.5])
        prev_right = right
    bounds = _prune(body, bounds)
    header_idx = _header(lines, body_idx[0], bx0, bx1, em, settings, hrules, used)
    header = [lines[k] for k in header_idx]
    bounds = _empty_columns(header, body, bounds, em)
    ncol = len(bounds) + 1
    fig_cols = {_col(bounds, right - 0.5) for _l, right, _r in figcols}
    rows, row_lines, spans = _rows(body, bounds, set(range(ncol)) - fig_cols)
    head_rows, head_boxes, head_merges = _header_rows(header, body, bounds)
    vocab = any(w in ln.text for ln in header for w in HEADER_WORDS)
    if not ((len(rows) >= settings.aligned_min_rows and len(figcols) >= settings.aligned_min_figures)
            or (vocab and len(head_rows) >= 1 and figcols)):
        return None
    gx0 = min([bx0, *(ln.x0 for ln in header)])
    gx1 = max([bx1, *(ln.x1 for ln in header)])
    sources = [Source(page=page, box=(gx0, top, gx1, bottom)) for top, bottom in head_boxes]
    sources += [Source(page=page, box=(gx0, min(ln.top for ln in rl), gx1, max(ln.bottom for ln in rl)))
                for rl in row_lines]
    nh = len(head_rows)
    merges = [*head_merges, *((nh + r, c0, nh + r, c1) for r, c0, c1 in spans)]
    top = min([ln.top for ln in header] + [body[0].top])
    grid = Grid(rows=tuple(tuple(r) for r in [*head_rows, *rows]),
                source=Source(page=page, box=(gx0, top, gx1, body[-1].bottom)),
                row_sources=tuple(sources), merges=tuple(sorted(merges)))
    consumed = sorted([*header_idx, *body_idx])
    glyphs = [g for k in consumed for g in lines[k].glyphs]
    return AlignedTable(grid, glyphs), consumed


def _median_gap(lines: list[_Line], idx: list[int]) -> float:
    gaps = sorted(lines[b].top - lines[a].bottom for a, b in zip(idx, idx[1:], strict=False))
    return gaps[len(gaps) // 2] if gaps else 0.0


def _home(run: _Run, line: _Line, bounds: list[float]) -> tuple[int, int]:
    """The columns a run of a body line lands in: (its cell, the last column it reaches)."""
    if run in line.figures:
        c = _col(bounds, run.x1 - 0.5)
        return c, c
    if _is_dash(run):
        c = _col(bounds, run.cx)
        return c, c
    return _col(bounds, run.x0 + 0.5), _col(bounds, run.x1 - 0.5)


def _prune(body: list[_Line], bounds: list[float]) -> list[float]:
    """Drop boundaries whose column on the right nothing lands in."""
    filled = {_home(r, ln, bounds)[0] for ln in body for r in ln.runs}
    return [b for i, b in enumerate(bounds) if i + 1 in filled]


def _extents(body: list[_Line], bounds: list[float]) -> dict[int, tuple[float, float]]:
    """Each column's extent from the body runs that stay inside it."""
    ext: dict[int, tuple[float, float]] = {}
    for ln in body:
        for r in ln.runs:
            c, last = _home(r, ln, bounds)
            if c == last:
                a, b = ext.get(c, (r.x0, r.x1))
                ext[c] = (min(a, r.x0), max(b, r.x1))
    return ext


def _empty_columns(header: list[_Line], body: list[_Line], bounds: list[float], em: float) -> list[float]:
    """A label of the lowest header line standing over a wide gutter (or beside the body) heads
    a column with no figures at all: boundaries around it."""
    if not header:
        return bounds
    for r in header[-1].runs:
        ext = _extents(body, bounds)
        cols = sorted(ext)
        left = max((ext[c] for c in cols if ext[c][1] <= r.x0), key=lambda e: e[1], default=None)
        right = min((ext[c] for c in cols if ext[c][0] >= r.x1), key=lambda e: e[0], default=None)
        if any(a < r.x1 and b > r.x0 for a, b in ext.values()):
            continue
        if (left is not None and r.x0 - left[1] < em) or (right is not None and right[0] - r.x1 < em):
            continue
        lo = left[1] if left is not None else float("-inf")
        hi = right[0] if right is not None else float("inf")
        keep = [b for b in bounds if not lo < b < hi]
        if left is not None:
            keep.append((left[1] + r.x0) / 2)
        if right is not None:
            keep.append((r.x1 + right[0]) / 2)
        bounds = sorted(keep)
    return bounds


def _rows(body: list[_Line], bounds: list[float], text_cols: set[int]
          ) -> tuple[list[list[str]], list[list[_Line]], list[tuple[int, int, int]]]:
    """Body rows (cell texts), the lines of each row, and the spans (row, col0, col1) of cells
    printed across a boundary.  A text-only line in the text columns continues a row: the one
    above, or the one below when that row's cell there is empty and the line is nearer to it."""
    ncol = len(bounds) + 1
    groups: list[list[_Line]] = []
    pending: list[_Line] = []

    def cols(ln: _Line) -> set[int]:
        return {_home(r, ln, bounds)[0] for r in ln.runs}

    for ln in body:
        if not _is_row(ln) and cols(ln) <= text_cols:
            pending.append(ln)
            continue
        if pending:
            own = cols(ln)
            to_next: list[_Line] = []
            if not groups:
                to_next = pending
            elif not any(c in own for p in pending for c in cols(p)):
                prev = groups[-1][-1]
                for p in pending:
                    if to_next or ln.top - p.bottom < p.top - prev.bottom:
                        to_next.append(p)
            keep = [p for p in pending if p not in to_next]
            if groups:
                groups[-1].extend(keep)
            groups.append([*to_next, ln])
            pending = []
        else:
            groups.append([ln])
    if pending:
        if groups:
            groups[-1].extend(pending)
        else:
            groups.append(pending)
    rows: list[list[str]] = []
    spans: list[tuple[int, int, int]] = []
    for ri, group in enumerate(groups):
        cells: dict[int, list[_Run]] = {}
        reach: dict[int, int] = {}
        for ln in group:
            for r in ln.runs:
                c, last = _home(r, ln, bounds)
                cells.setdefault(c, []).append(r)
                reach[c] = max(reach.get(c, c), last)
        row = [""] * ncol
        for c, rs in cells.items():
            row[c] = _text(rs)
        for c, last in reach.items():
            if last > c and all(k not in cells for k in range(c + 1, last + 1)):
                spans.append((ri, c, last))
        rows.append(row)
    return rows, groups, spans


def _text(runs: list[_Run]) -> str:
    return cell_text([g for r in runs for g in r.glyphs])


# ---------------------------------------------------------------------------------- header


def _header_like(line: _Line, bx0: float, bx1: float, em: float) -> bool:
    width = bx1 - bx0
    # a header may reach past the body: the label of a column left blank in every row
    reach = max(2 * em, 0.35 * width)
    if line.x0 < bx0 - reach or line.x1 > bx1 + reach or line.size > 1.3 * em:
        return False
    for r in line.runs:
        if r.x1 - r.x0 > 0.5 * width or _SENTENCE_RE.search(r.text) or _NOT_HEADER_RE.search(r.text):
            return False
    return True


def _header(lines: list[_Line], first: int, bx0: float, bx1: float, em: float, settings: GridSettings,
            hrules: list[Segment], used: set[int]) -> list[int]:
    """Indexes of the header lines above the body's first line, top to bottom."""
    width = bx1 - bx0

    def wide_rule(lo: float, hi: float) -> bool:
        return any(lo - 1 <= s.pos <= hi + 1 and min(s.b, bx1) - max(s.a, bx0) >= settings.aligned_rule_cover * width
                   for s in hrules)

    above = [k for k in range(first - 1, -1, -1) if k not in used]
    below = lines[first]
    # a 三线表: the lines between its top rule and its header rule
    if wide_rule(lines[above[0]].bottom if above else below.top - 3 * em, below.top):
        got: list[int] = []
        prev = below
        for k in above[:4]:
            ln = lines[k]
            if wide_rule(ln.bottom, prev.top) and got:
                return sorted(got)
            if prev.top - ln.bottom > settings.aligned_line_gap * em or not _header_like(ln, bx0, bx1, em):
                break
            got.append(k)
            prev = ln
        if got and wide_rule(lines[got[-1]].top - 3 * em, lines[got[-1]].top):
            return sorted(got)
    got = []
    prev = below
    for k in above[:settings.aligned_header_lines]:
        ln = lines[k]
        if prev.top - ln.bottom > settings.aligned_line_gap * em or not _header_like(ln, bx0, bx1, em):
            break
        if len(ln.runs) == 1 and (not got or abs(ln.x0 - bx0) < em):
            break  # a lone label is a group label over a header line below, never the text's edge
        got.append(k)
        prev = ln
    return sorted(got)


@dataclass
class _Label:
    line: int
    runs: list[_Run]
    c0: int
    c1: int

    @property
    def cx(self) -> float:
        return (self.runs[0].x0 + self.runs[-1].x1) / 2


def _header_rows(header: list[_Line], body: list[_Line], bounds: list[float]
                 ) -> tuple[list[list[str]], list[tuple[float, float]], list[tuple[int, int, int, int]]]:
    """Header rows, their (top, bottom), and the merges of their cells."""
    if not header:
        return [], [], []
    ncol = len(bounds) + 1
    ext = _extents(body, bounds)

    def nearest(x: float) -> int:
        best, dist = 0, float("inf")
        for c in range(ncol):
            # a column blank in every row: the slot between its boundaries
            slot = (bounds[c - 1] if c else float("-inf"), bounds[c] if c < len(bounds) else float("inf"))
            a, b = ext.get(c, slot)
            d = 0.0 if a <= x <= b else min(abs(x - a), abs(x - b))
            if d < dist:
                best, dist = c, d
        return best

    labels: list[_Label] = []
    for h, ln in enumerate(header):
        by_col: dict[int, list[_Run]] = {}
        for r in ln.runs:
            by_col.setdefault(nearest(r.cx), []).append(r)
        labels.extend(_Label(h, rs, c, c) for c, rs in sorted(by_col.items()))
    last = len(header) - 1

    def centre(c: int, below: int) -> float:
        leaf = [lb for lb in labels if lb.line > below and lb.c0 == lb.c1 == c]
        if leaf:
            return max(leaf, key=lambda lb: lb.line).cx
        a, b = ext.get(c, (0.0, 0.0))
        return (a + b) / 2

    # group labels, lowest lines first so that a middle group can be a sub-label of a top one
    for h in range(last - 1, -1, -1):
        for lb in (x for x in labels if x.line == h):
            under = {c for x in labels if x.line > h and (x.line == last or x.c1 > x.c0)
                     for c in range(x.c0, x.c1 + 1)}
            bare = {c for c in range(ncol) if not any(x.c0 <= c <= x.c1 for x in labels if x is not lb)}
            for cand in (under - _cols_at_or_above(labels, h, lb), bare):
                span = _span(lb, cand, ncol, lambda c, h=h: centre(c, h))
                if span:
                    lb.c0, lb.c1 = span
                    break
    # stacks per column; a label wrapped over two lines (same columns, one above the other) is one
    stacks: dict[int, list[_Label]] = {c: [] for c in range(ncol)}
    for lb in sorted(labels, key=lambda x: x.line):
        for c in range(lb.c0, lb.c1 + 1):
            st = stacks[c]
            if st and (st[-1].c0, st[-1].c1) == (lb.c0, lb.c1) and st[-1] is not lb:
                if c == lb.c0:
                    st[-1].runs = st[-1].runs + lb.runs
                lb.c0 = -1  # absorbed
                continue
            if lb.c0 >= 0:
                st.append(lb)
    depth = max((len(st) for st in stacks.values()), default=0)
    rows = [[""] * ncol for _ in range(depth)]
    boxes: list[list[float]] = [[float("inf"), float("-inf")] for _ in range(depth)]
    merges: list[tuple[int, int, int, int]] = []
    for lb in {id(x): x for st in stacks.values() for x in st}.values():
        level = max(stacks[c].index(lb) for c in range(lb.c0, lb.c1 + 1))
        lowest = all(stacks[c][-1] is lb for c in range(lb.c0, lb.c1 + 1))
        r1 = depth - 1 if lowest else level
        text = _text(sorted(lb.runs, key=lambda r: (r.glyphs[0].top, r.x0)))
        rows[level][lb.c0] = rows[level][lb.c0] + text
        boxes[level][0] = min(boxes[level][0], min(g.top for r in lb.runs for g in r.glyphs))
        boxes[level][1] = max(boxes[level][1], max(g.bottom for r in lb.runs for g in r.glyphs))
        if (r1, lb.c1) != (level, lb.c0):
            merges.append((level, lb.c0, r1, lb.c1))
    return rows, [(a, b) for a, b in boxes], merges


def _cols_at_or_above(labels: list[_Label], h: int, lb: _Label) -> set[int]:
    return {c for x in labels if x.line <= h and x is not lb for c in range(x.c0, x.c1 + 1)}


def _span(lb: _Label, cand: set[int], ncol: int, centre: object) -> tuple[int, int] | None:
    """The smallest run of ≥ 2 candidate columns, including the label's own, centred under it."""
    if lb.c0 not in cand:
        return None
    for n in range(2, ncol + 1):
        for c0 in range(max(0, lb.c0 - n + 1), min(lb.c0, ncol - n) + 1):
            c1 = c0 + n - 1
            if any(c not in cand for c in range(c0, c1 + 1)):
                continue
            a, b = centre(c0), centre(c1)  # type: ignore[operator]
            pitch = (b - a) / (n - 1)
            if pitch > 0 and abs((a + b) / 2 - lb.cx) <= 0.3 * pitch:
                return c0, c1
    return None
