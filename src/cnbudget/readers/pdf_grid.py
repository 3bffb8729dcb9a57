"""Page geometry → blocks: ruled tables from line segments, text lines from glyph boxes.

Format-free: the PDF text layer (``pdf``) and OCR (``pdf_ocr``) both hand over a ``PageLayout``
— glyphs and ruling segments in *reading* coordinates (points, origin top-left, y down, text
running left to right); ``pdf_blocks.layout_page`` turns it into ``Paragraph`` and ``Grid`` blocks
in reading order with this module's grids and lines.

Tables (lattice method):

1. Ruling segments are snapped (``snap``) and collinear pieces joined (``join``); a filled thin
   rectangle counts as a line, a rectangle as its four edges (the caller decides).
2. Segments that touch form a connected component; one with ≥ 2 horizontal and ≥ 2 vertical
   lines is a table.  Its distinct y's are the row boundaries, its distinct x's the column
   boundaries (the table box's own edges are always boundaries).
3. Two neighbouring elementary cells belong to one merged cell when no segment covers at least
   ``cover`` of the boundary between them.  A merged cell keeps its text in its top-left
   elementary cell, the others get ``""`` and ``Grid.merges`` lists the range.
4. A glyph belongs to the cell containing its centre, so a number touching the next cell's
   border ("110,387.976749一、…") is still cut at the border, and two cells never glue.
   A cell's glyphs are grouped into lines; lines are joined without a space (a name wrapping
   over several lines reads as one name).  A ruled band whose single-column cells hold several
   stacked *numbers* is split into one row per text line (tables ruled only around the body).

Text outside tables is grouped into lines (glyph centres on one baseline band), a line is cut
where the gap is wider than ``column_gap`` ems ("部门名称：…        单位：万元" → two
paragraphs), and consecutive lines of one paragraph (same left edge, previous line running to
the right margin) are joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cnbudget.document import Grid, Source


@dataclass(frozen=True)
class GridSettings:
    """Every threshold of the geometry, in points unless said otherwise."""

    snap: float = 2.5  # segments within this distance are one ruling line
    join: float = 3.0  # collinear segments with a gap up to this are one segment
    touch: float = 3.0  # a horizontal and a vertical segment closer than this touch
    min_cell: float = 4.0  # boundaries closer than this are one boundary (double rules)
    cover: float = 0.6  # share of a boundary a segment must cover to separate two cells
    space_gap: float = 0.22  # a gap wider than this many ems between glyphs is a space
    column_gap: float = 2.5  # a gap wider than this many ems cuts a text line in two
    min_segment: float = 3.0  # shorter segments are ignored (tick marks, dots)
    # aligned-text tables (``pdf_aligned``): no ruling lines, or a 三线表's three rules
    aligned: bool = True  # look for them at all
    aligned_gap: float = 0.8  # ems: a gap this wide cuts a line into runs; the narrowest gutter
    aligned_line_gap: float = 3.0  # ems: lines further apart are not one table
    aligned_right_tol: float = 0.6  # ems: figures whose right edges differ less are one column
    aligned_min_rows: int = 3  # rows needed without a recognised header …
    aligned_min_figures: int = 2  # … and figure columns
    aligned_header_lines: int = 3  # header lines looked for above the body (without rules)
    aligned_rule_cover: float = 0.8  # share of the block a rule spans to be a 三线表 rule


DEFAULT = GridSettings()


@dataclass(slots=True)
class Glyph:
    """One character (or an OCR text piece) with its box in reading coordinates."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 10.0
    space_before: bool = False  # the text layer has a real space just before this glyph

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Segment:
    """A ruling line: ``horizontal`` at ``pos`` (y) from ``a`` to ``b`` (x), or vertical at x."""

    horizontal: bool
    pos: float
    a: float
    b: float


@dataclass
class PageLayout:
    """What a page holds, in reading coordinates; ``number`` is 1-based."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)


@dataclass(slots=True)
class TextLine:
    glyphs: list[Glyph]
    x0: float
    top: float
    x1: float
    bottom: float
    text: str = ""

    @property
    def size(self) -> float:
        return max((g.size for g in self.glyphs), default=10.0)


_CJK_RE = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
_NUMBER_RE = re.compile(r"^[-−(（]?\d[\d,，]*(?:\.\d+)?[)）]?%?$")


# ---------------------------------------------------------------------------------- text lines


def group_lines(glyphs: list[Glyph]) -> list[TextLine]:
    """Group glyphs into text lines, top to bottom; each line's glyphs left to right."""
    lines: list[TextLine] = []
    for g in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        h = g.bottom - g.top
        best = None
        for ln in reversed(lines[-4:]):
            overlap = min(ln.bottom, g.bottom) - max(ln.top, g.top)
            if overlap >= 0.5 * min(h, ln.bottom - ln.top):
                best = ln
                break
        if best is None:
            lines.append(TextLine([g], g.x0, g.top, g.x1, g.bottom))
        else:
            best.glyphs.append(g)
            best.x0, best.x1 = min(best.x0, g.x0), max(best.x1, g.x1)
            best.top, best.bottom = min(best.top, g.top), max(best.bottom, g.bottom)
    for ln in lines:
        ln.glyphs.sort(key=lambda g: g.x0)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop a glyph drawn twice at (almost) the same place (fake bold)."""
    out: list[Glyph] = []
    for g in glyphs:
        if out:
            p = out[-1]
            if p.text == g.text and abs(p.x0 - g.x0) < 0.3 * max(g.x1 - g.x0, 1.0) and abs(p.top - g.top) < 1.0:
                continue
        out.append(g)
    return out


def split_line(line: TextLine, settings: GridSettings = DEFAULT) -> list[TextLine]:
    """Cut a line where the gap is wider than ``column_gap`` ems; set each piece's text."""
    pieces: list[list[Glyph]] = [[]]
    glyphs = _dedupe(line.glyphs)
    for g in glyphs:
        cur = pieces[-1]
        if cur and g.x0 - cur[-1].x1 > settings.column_gap * max(g.size, cur[-1].size):
            pieces.append([g])
        else:
            cur.append(g)
    out = []
    for p in pieces:
        if not p:
            continue
        tl = TextLine(p, min(g.x0 for g in p), min(g.top for g in p), max(g.x1 for g in p),
                      max(g.bottom for g in p))
        tl.text = line_text(p, settings)
        if tl.text:
            out.append(tl)
    return out


def line_text(glyphs: list[Glyph], settings: GridSettings = DEFAULT) -> str:
    """Glyphs of one line, left to right, with a space where the gap is wide."""
    parts: list[str] = []
    prev: Glyph | None = None
    for g in _dedupe(glyphs):
        if prev is not None and (g.space_before or g.x0 - prev.x1 > settings.space_gap * max(g.size, prev.size)):
            parts.append(" ")
        parts.append(g.text)
        prev = g
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def cell_text(glyphs: list[Glyph], settings: GridSettings = DEFAULT) -> str:
    """A cell's text: its lines joined without a space; spaces between two CJK characters
    (letter-spaced headers "项    目") removed."""
    lines = group_lines(glyphs)
    if len(lines) > 1:
        lines = _legible(lines)
    texts = [line_text(_unlayered(ln.glyphs), settings) for ln in lines]
    out = ""
    for t in texts:
        if out and t and out[-1].isascii() and out[-1].isalpha() and t[0].isascii() and t[0].isalpha():
            out += " "
        out += t
    return _CJK_RE.sub("", out).strip()


def _unlayered(glyphs: list[Glyph]) -> list[Glyph]:
    """A line's glyphs in reading order when two texts are printed over each other: a name
    clipped by its cell runs on, hidden, under the figure of the next cell ("…保障中心" drawn across
    "1839311.66"), and sorted by position the two interleave ("中18心39311.66").  The characters
    of the name (CJK) then come first, the figure's after them, each in its own order; the
    caller cuts the name's tail from the figure as for any name glued to a figure."""
    cjk = [g for g in glyphs if _is_cjk(g.text)]
    if not cjk or len(cjk) == len(glyphs):
        return glyphs
    rest = [g for g in glyphs if not _is_cjk(g.text)]
    if not _FIGURE_RE.fullmatch("".join(g.text for g in rest).strip()):
        return glyphs  # lines of text drawn close together, not a name over one figure
    digits = [g for g in rest if g.text.isdigit()]
    if not any(_overprints(c, d) for c in cjk for d in digits):
        return glyphs
    return cjk + rest


# one figure as a cell prints it: "1839311.66", "-1,234.50"
_FIGURE_RE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _overprints(a: Glyph, b: Glyph) -> bool:
    """Two glyphs drawn over each other: their boxes cross by more than half a glyph's width
    and a quarter of its height — characters printed there cannot both be read. (Loose glyph
    boxes of two wrapped lines touch by a point or so; these cross by half a line.)"""
    w = min(a.x1 - a.x0, b.x1 - b.x0)
    h = min(a.bottom - a.top, b.bottom - b.top)
    return (w > 0 and min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * w
            and min(a.bottom, b.bottom) - max(a.top, b.top) > 0.25 * h)


def _legible(lines: list[TextLine]) -> list[TextLine]:
    """Drop a short line of a cell drawn under a longer one. A name too long for its row wraps
    to a second line that the row below paints over ("…养老保险缴" / "费" hidden under the next
    row's "职业年金缴费"): the text layer still holds the hidden glyph, the page shows none of it."""
    def hidden(ln: TextLine) -> bool:
        return any(other is not ln and len(other.glyphs) > len(ln.glyphs)
                   and all(any(_overprints(g, o) for o in other.glyphs) for g in ln.glyphs) for other in lines)

    return [ln for ln in lines if not hidden(ln)]


# ---------------------------------------------------------------------------------- segments


def _cluster(values: list[float], tol: float) -> list[float]:
    """Sorted cluster centres of values, a new cluster when the gap exceeds ``tol``."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def merge_segments(segments: list[Segment], settings: GridSettings = DEFAULT) -> list[Segment]:
    """Snap segments of one orientation to common positions and join collinear pieces."""
    out: list[Segment] = []
    for horizontal in (True, False):
        segs = sorted((s for s in segments if s.horizontal == horizontal), key=lambda s: s.pos)
        groups: list[list[Segment]] = []
        for s in segs:
            if groups and s.pos - groups[-1][-1].pos <= settings.snap:
                groups[-1].append(s)
            else:
                groups.append([s])
        for grp in groups:
            pos = sum(s.pos for s in grp) / len(grp)
            spans = sorted((min(s.a, s.b), max(s.a, s.b)) for s in grp)
            a, b = spans[0]
            for x, y in spans[1:]:
                if x <= b + settings.join:
                    b = max(b, y)
                else:
                    out.append(Segment(horizontal, pos, a, b))
                    a, b = x, y
            out.append(Segment(horizontal, pos, a, b))
    return [s for s in out if s.b - s.a >= settings.min_segment]


def _components(segs: list[Segment], tol: float) -> list[list[Segment]]:
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, s in enumerate(segs) if s.horizontal]
    vs = [i for i, s in enumerate(segs) if not s.horizontal]
    for i in hs:
        h = segs[i]
        for j in vs:
            v = segs[j]
            if h.a - tol <= v.pos <= h.b + tol and v.a - tol <= h.pos <= v.b + tol:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[ri] = rj
    groups: dict[int, list[Segment]] = {}
    for i, s in enumerate(segs):
        groups.setdefault(find(i), []).append(s)
    return list(groups.values())


# ---------------------------------------------------------------------------------- tables


@dataclass
class _Table:
    xs: list[float]
    ys: list[float]
    hsegs: list[Segment]
    vsegs: list[Segment]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def contains(self, g: Glyph) -> bool:
        return self.xs[0] <= g.cx <= self.xs[-1] and self.ys[0] <= g.cy <= self.ys[-1]


def find_tables(segments: list[Segment], settings: GridSettings = DEFAULT) -> list[_Table]:
    segs = merge_segments(segments, settings)
    tables = []
    for comp in _components(segs, settings.touch):
        hs = [s for s in comp if s.horizontal]
        vs = [s for s in comp if not s.horizontal]
        if len(hs) < 2 or len(vs) < 2:
            continue
        x0 = min(min(s.a for s in hs), min(s.pos for s in vs))
        x1 = max(max(s.b for s in hs), max(s.pos for s in vs))
        y0 = min(min(s.a for s in vs), min(s.pos for s in hs))
        y1 = max(max(s.b for s in vs), max(s.pos for s in hs))
        xs = _cluster([x0, x1, *(s.pos for s in vs)], settings.min_cell)
        ys = _cluster([y0, y1, *(s.pos for s in hs)], settings.min_cell)
        xs[0], xs[-1], ys[0], ys[-1] = x0, x1, y0, y1
        if len(xs) < 2 or len(ys) < 2 or x1 - x0 < 20 or y1 - y0 < 8:
            continue
        tables.append(_Table(xs, ys, hs, vs))
    tables.sort(key=lambda t: (t.ys[0], t.xs[0]))
    return tables


def _covered(segs: list[Segment], pos: float, a: float, b: float, settings: GridSettings) -> bool:
    """Whether segments at ``pos`` cover at least ``cover`` of the interval a..b."""
    need = settings.cover * (b - a)
    got = 0.0
    for s in segs:
        if abs(s.pos - pos) <= settings.min_cell:
            got += max(0.0, min(b, s.b) - max(a, s.a))
    return got >= need


def build_grid(table: _Table, glyphs: list[Glyph], page: int,
               settings: GridSettings = DEFAULT) -> Grid:
    """Cells, spans and texts of one ruled table."""
    xs, ys = table.xs, table.ys
    nr, nc = len(ys) - 1, len(xs) - 1
    # union-find over elementary cells
    parent = list(range(nr * nc))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    for r in range(nr):
        for c in range(nc - 1):
            if not _covered(table.vsegs, xs[c + 1], ys[r], ys[r + 1], settings):
                union(r * nc + c, r * nc + c + 1)
    for r in range(nr - 1):
        for c in range(nc):
            if not _covered(table.hsegs, ys[r + 1], xs[c], xs[c + 1], settings):
                union(r * nc + c, (r + 1) * nc + c)
    regions: dict[int, list[int]] = {}
    for i in range(nr * nc):
        regions.setdefault(find(i), [i, i, i // nc, i % nc, i // nc, i % nc])
        reg = regions[find(i)]
        r, c = divmod(i, nc)
        reg[2], reg[3] = min(reg[2], r), min(reg[3], c)
        reg[4], reg[5] = max(reg[4], r), max(reg[5], c)

    # glyphs → elementary cell by centre
    import bisect

    cell_glyphs: dict[int, list[Glyph]] = {}
    for g in glyphs:
        r = bisect.bisect_right(ys, g.cy) - 1
        c = bisect.bisect_right(xs, g.cx) - 1
        r, c = min(max(r, 0), nr - 1), min(max(c, 0), nc - 1)
        cell_glyphs.setdefault(find(r * nc + c), []).append(g)

    # bands: split a row whose single cells hold stacked numbers
    row_cuts: list[list[float]] = [[] for _ in range(nr)]
    for root, reg in regions.items():
        r0, c0, r1, c1 = reg[2], reg[3], reg[4], reg[5]
        if r0 != r1 or root not in cell_glyphs:
            continue
        lines = [ln for ln in group_lines(cell_glyphs[root]) if line_text(ln.glyphs, settings)]
        if len(lines) >= 2 and all(_NUMBER_RE.match(line_text(ln.glyphs, settings).replace(" ", ""))
                                   for ln in lines):
            for a, b in zip(lines, lines[1:], strict=False):
                row_cuts[r0].append((a.bottom + b.top) / 2)
    sub_ys: list[list[float]] = []
    for r in range(nr):
        cuts = _cluster(row_cuts[r], 3.0) if row_cuts[r] else []
        sub_ys.append([ys[r], *cuts, ys[r + 1]])

    rows: list[tuple[str, ...]] = []
    row_sources: list[Source] = []
    merges: list[tuple[int, int, int, int]] = []
    out_row_of: list[int] = []  # first output row of each band
    for r in range(nr):
        out_row_of.append(len(rows))
        bands = sub_ys[r]
        for k in range(len(bands) - 1):
            top, bottom = bands[k], bands[k + 1]
            cells = [""] * nc
            for c in range(nc):
                root = find(r * nc + c)
                reg = regions[root]
                if (reg[2], reg[3]) != (r, c):
                    continue
                gl = cell_glyphs.get(root, [])
                if len(bands) > 2 and reg[2] == reg[4]:
                    gl = [g for g in gl if top <= g.cy < bottom]
                elif k > 0:
                    continue
                cells[c] = cell_text(gl, settings)
            rows.append(tuple(cells))
            row_sources.append(Source(page=page, box=(xs[0], top, xs[-1], bottom)))
    out_row_of.append(len(rows))
    for reg in regions.values():
        r0, c0, r1, c1 = reg[2], reg[3], reg[4], reg[5]
        if (r0, c0) != (r1, c1):
            merges.append((out_row_of[r0], c0, out_row_of[r1 + 1] - 1, c1))
    merges.sort()
    return Grid(rows=tuple(rows), source=Source(page=page, box=table.box),
                row_sources=tuple(row_sources), merges=tuple(merges))
