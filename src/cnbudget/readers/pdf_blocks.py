"""One page's blocks in reading order: ruled grids (``pdf_grid``), grids of aligned text
(``pdf_aligned``) and the paragraphs around them.

Its own module so that both table finders sit below it: ``pdf_aligned`` builds on
``pdf_grid``'s lines and cell texts, and this module uses both (no import cycle).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cnbudget.document import Block, Paragraph, Source
from cnbudget.readers.pdf_aligned import find_aligned
from cnbudget.readers.pdf_grid import (
    _NUMBER_RE,
    DEFAULT,
    Glyph,
    GridSettings,
    PageLayout,
    Segment,
    TextLine,
    _Table,
    build_grid,
    find_tables,
    group_lines,
    merge_segments,
    split_line,
)


@dataclass
class PageBlocks:
    """A page's blocks in reading order, with each paragraph's line box (for furniture)."""

    number: int
    width: float
    height: float
    blocks: list[Block]
    aligned: int = 0  # grids read from aligned text (``pdf_aligned``), for the notes


def layout_page(page: PageLayout, settings: GridSettings = DEFAULT) -> PageBlocks:
    """Paragraphs and grids of one page, top to bottom."""
    tables = find_tables(page.segments, settings)
    inside: list[list[Glyph]] = [[] for _ in tables]
    outside: list[Glyph] = []
    for g in page.glyphs:
        for i, t in enumerate(tables):
            if t.contains(g):
                inside[i].append(g)
                break
        else:
            outside.append(g)
    placed: list[tuple[float, float, Block]] = []
    for t, gl in zip(tables, inside, strict=True):
        grid = build_grid(t, gl, page.number, settings)
        placed.append((t.ys[0], t.xs[0], grid))
    aligned = 0
    if settings.aligned and outside:
        rules = [s for s in merge_segments(page.segments, settings)
                 if s.horizontal and not any(_on_table(s, t, settings) for t in tables)]
        for found in find_aligned(outside, rules, page.number, settings):
            assert found.grid.source.box is not None
            placed.append((found.grid.source.box[1], found.grid.source.box[0], found.grid))
            taken = {id(g) for g in found.glyphs}
            outside = [g for g in outside if id(g) not in taken]
            aligned += 1
    for para in _paragraphs(outside, page, settings):
        assert para.source.box is not None
        placed.append((para.source.box[1], para.source.box[0], para))
    placed.sort(key=lambda p: (p[0], p[1]))
    return PageBlocks(page.number, page.width, page.height, [b for _, _, b in placed], aligned)


def _on_table(s: Segment, t: _Table, settings: GridSettings) -> bool:
    x0, top, x1, bottom = t.box
    return top - settings.snap <= s.pos <= bottom + settings.snap and s.a < x1 and s.b > x0


def _paragraphs(glyphs: list[Glyph], page: PageLayout, settings: GridSettings) -> list[Paragraph]:
    pieces: list[TextLine] = []
    for ln in group_lines(glyphs):
        pieces.extend(split_line(ln, settings))
    if not pieces:
        return []
    right = max(p.x1 for p in pieces)
    left = min(p.x0 for p in pieces)
    paras: list[list[TextLine]] = []
    for p in sorted(pieces, key=lambda p: (p.top, p.x0)):
        if paras:
            last = paras[-1][-1]
            em = max(p.size, last.size)
            continues = (
                -0.2 * em <= p.top - last.bottom < 1.5 * em
                and last.x1 >= right - 2.0 * em
                and last.x0 <= left + 4.0 * em
                and p.x0 <= last.x0 + 0.5 * em
                and abs(p.size - last.size) < 0.25 * em
                and not _NUMBER_RE.match(p.text)
                and not _is_heading_like(p.text)
            )
            if continues:
                paras[-1].append(p)
                continue
        paras.append([p])
    out = []
    for lines in paras:
        text = ""
        for ln in lines:
            t = ln.text
            if text and text[-1].isascii() and text[-1].isalnum() and t[:1].isascii() and t[:1].isalnum():
                text += " "
            text += t
        box = (min(ln.x0 for ln in lines), min(ln.top for ln in lines), max(ln.x1 for ln in lines),
               max(ln.bottom for ln in lines))
        out.append(Paragraph(text=text, source=Source(page=page.number, box=box)))
    return out


_HEADING_RE = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．](?!\d))")


def _is_heading_like(text: str) -> bool:
    return bool(_HEADING_RE.match(text))
