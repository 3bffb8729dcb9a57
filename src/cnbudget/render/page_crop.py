"""The printed place of a finding, as a person would see it on the PDF page: a crop of the page
around the finding's row (or paragraph) with its cell boxed, a PNG small enough to embed.

``crop_target(d, f)`` finds where a finding points: the row the finding names (its stored
``Source``: page and box in the reading frame), the value it speaks of and that value's
position among the row's printed figures.  ``PageCropper`` renders the region (PDFium, via
``readers.pdf_page``) and finds the cell in the row from the page's glyphs: the run of
characters that prints the value (one of several equal figures is told apart by its position
in the row).  Where no cell is found the whole row (or paragraph) is boxed.  Only PDFs have
crops; every bound is a ``CropSettings`` field.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cnbudget.checks.values import row_key
from cnbudget.model import Disclosure, Finding, Row, Table
from cnbudget.numbers import parse_amount
from cnbudget.readers.pdf_grid import Glyph
from cnbudget.readers.pdf_page import Box, PdfPages


@dataclass(frozen=True)
class CropSettings:
    scale: float = 2.0  # pixels per point (144 dpi: small print stays legible)
    context: float = 30.0  # points shown above and below the boxed row
    side: float = 8.0  # points shown left and right of the row
    max_width: int = 900  # px: a wider region is scaled down
    max_height: int = 320  # px: a taller region (a long paragraph) is cut below the box's top
    colors: int = 64  # palette of the PNG (a page is black text on white: small files)
    outline: int = 3  # px, the box's line
    max_crops: int = 60  # per document: a report of hundreds of findings stays a few MB
    severities: tuple[str, ...] = ("error", "warning")  # info findings get no crop


DEFAULT = CropSettings()
BOX_COLOR = (220, 0, 40)


@dataclass(frozen=True)
class Target:
    """Where a finding points on a PDF page: ``box`` (the row, paragraph or table, reading
    frame), the ``value`` printed in the cell, and its ``ordinal`` among the row's figures."""

    page: int
    box: Box
    value: Decimal | None = None
    ordinal: int | None = None
    label: str | None = None  # the row's printed name: a two-sided line prints two rows side by side


def _row_matches(r: Row, key: str) -> bool:
    return key in (row_key(r), r.code, r.item) or (bool(r.side and r.item) and key == f"{r.side}.{r.item}")


def _row_target(t: Table, r: Row, f: Finding) -> Target:
    assert r.source.page is not None and r.source.box is not None
    value = r.values.get(f.column) if f.column else None
    present = [c.id for c in t.columns if c.id in r.values]
    ordinal = present.index(f.column) if f.column in present else None
    return Target(r.source.page, r.source.box, f.actual if value is None else value, ordinal, r.name)


def crop_target(d: Disclosure, f: Finding) -> Target | None:
    """The place on a PDF page ``f`` points at; ``None`` for other formats or no known box.

    The finding's own source first (the row it was raised on, or the sentence of a claim),
    then the row it names, then its table."""
    if d.format != "pdf":
        return None
    tables = d.tables_of(f.table) if f.table else list(d.tables)
    src = f.source
    if src is not None and src.box is not None and src.page is not None:
        same = [(t, r) for t in tables for r in t.rows if r.source.page == src.page and r.source.box == src.box]
        # a two-sided summary line holds an income and an expenditure row: the one the finding names
        named = [(t, r) for t, r in same if f.row and _row_matches(r, f.row)]
        if named or same:
            return _row_target(*(named or same)[0], f)
        return Target(src.page, src.box, f.actual)
    if f.row:
        for t in tables:
            for r in t.rows:
                if _row_matches(r, f.row) and r.source.box is not None and r.source.page is not None:
                    return _row_target(t, r, f)
    if f.table:
        for t in tables:
            if t.source.box is not None and t.source.page is not None:
                return Target(t.source.page, t.source.box, f.actual)
    return None


def _runs(glyphs: Iterable[Glyph], box: Box) -> list[tuple[str, Box]]:
    """The runs of characters printed inside the row ``box``, left to right."""
    x0, top, x1, bottom = box
    inside = sorted((g for g in glyphs if top <= (g.top + g.bottom) / 2 <= bottom and x0 - 1 <= g.cx <= x1 + 1),
                    key=lambda g: (g.x0, g.top))
    runs: list[list[Glyph]] = []
    for g in inside:
        last = runs[-1][-1] if runs else None
        if (last is None or g.space_before or g.x0 - last.x1 > 0.4 * max(g.size, last.size)
                or g.top > last.bottom or g.bottom < last.top):  # a gap, or another line of a wrapped cell
            runs.append([g])
        else:
            runs[-1].append(g)
    return [("".join(g.text for g in run), (min(g.x0 for g in run), min(g.top for g in run),
                                           max(g.x1 for g in run), max(g.bottom for g in run))) for run in runs]


def find_cell(glyphs: Sequence[Glyph], target: Target) -> Box | None:
    """The box of the figure ``target.value`` printed in the row, if it can be singled out."""
    if target.value is None:
        return None
    runs = [(text, box, parse_amount(text)) for text, box in _runs(glyphs, target.box)
            if text.strip("-—–－ ")]  # a dash prints an absent figure: neither label nor figure
    # the figures of the row are those right of its label, up to the next label (the other side
    # of a two-sided line); codes print left of the label
    labels = [i for i, (_, _, amount) in enumerate(runs) if amount is None]
    start = -1
    if labels:
        want = _plain(target.label or "")
        start = next((i for i in labels if want and (want in _plain(runs[i][0]) or _plain(runs[i][0]) in want)),
                     labels[0])
    end = next((i for i in labels if i > start), len(runs))
    numbers = [(amount, box) for _, box, amount in runs[start + 1:end] if amount is not None]
    hits = [b for a, b in numbers if a == target.value]
    if len(hits) == 1:
        return hits[0]
    if hits and target.ordinal is not None and target.ordinal < len(numbers) \
            and numbers[target.ordinal][0] == target.value:
        return numbers[target.ordinal][1]
    return hits[0] if hits else None


def _plain(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in "、.．,，()（）")


class PageCropper:
    """Crops of one PDF's pages (``with PageCropper(data) as c: c.png(target)``)."""

    def __init__(self, data: bytes, name: str = "", settings: CropSettings = DEFAULT) -> None:
        self.pages = PdfPages(data, name)
        self.settings = settings

    def __enter__(self) -> PageCropper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pages.close()

    def glyphs(self, page: int) -> list[Glyph]:
        return self.pages.glyphs(page)[1]

    def png(self, target: Target) -> bytes | None:
        """The crop as PNG bytes, the cell (else the row) boxed; ``None`` for a page not in the file."""
        from PIL import ImageDraw

        s = self.settings
        if not 1 <= target.page <= len(self.pages):
            return None
        cell = find_cell(self.glyphs(target.page), target)
        x0, top, x1, bottom = target.box
        region = (x0 - s.side, top - s.context, x1 + s.side, bottom + s.context)
        window = s.max_width / s.scale
        if cell is not None and region[2] - region[0] > window:
            # a wide row would be scaled down past reading: a window of the row around the cell
            left = min(max(region[0], (cell[0] + cell[2]) / 2 - window / 2), region[2] - window)
            region = (left, region[1], left + window, region[3])
        height_pt = s.max_height / s.scale * max(1.0, (region[2] - region[0]) * s.scale / s.max_width)
        if region[3] - region[1] > height_pt:  # a tall paragraph or table: its top part
            region = (region[0], region[1], region[2], region[1] + height_pt)
        image = self.pages.region(target.page, region, s.scale)
        mark = cell or target.box
        pad = 2.0 if cell else 0.0
        draw = ImageDraw.Draw(image)
        draw.rectangle([(mark[0] - pad - region[0]) * s.scale, (mark[1] - pad - region[1]) * s.scale,
                        (mark[2] + pad - region[0]) * s.scale, (mark[3] + pad - region[1]) * s.scale],
                       outline=BOX_COLOR, width=s.outline)
        if image.width > s.max_width:
            image = image.resize((s.max_width, max(1, round(image.height * s.max_width / image.width))))
        if image.height > s.max_height:
            image = image.crop((0, 0, image.width, s.max_height))
        out = io.BytesIO()
        image.quantize(colors=s.colors).save(out, format="PNG", optimize=True)
        return out.getvalue()


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def finding_crops(d: Disclosure, findings: Sequence[Finding], data: bytes | None = None,
                  settings: CropSettings = DEFAULT) -> list[str | None]:
    """A data-URI PNG per finding (``None`` where there is none), for a PDF disclosure whose
    bytes are ``data`` (read from ``d.file`` when not given, so call it in the run that parsed
    the file).  A file gone or no longer opening gives no crops, never an exception: a report
    without crops is still a report."""
    out: list[str | None] = [None] * len(findings)
    if d.format != "pdf":
        return out
    targets = [crop_target(d, f) if f.severity in settings.severities else None for f in findings]
    if not any(targets):
        return out
    try:
        data = data if data is not None else Path(d.file).read_bytes()
        cropper = PageCropper(data, d.file, settings)
    except Exception:  # noqa: BLE001 - the file went away or is not the PDF any more: no crops
        return out
    made: dict[Target, str | None] = {}
    with cropper:
        for i, target in enumerate(targets):
            if target is None or (target not in made and len(made) >= settings.max_crops):
                continue
            if target not in made:
                try:
                    png = cropper.png(target)
                except Exception:  # noqa: BLE001 - one page PDFium cannot draw costs its crop only
                    png = None
                made[target] = data_uri(png) if png else None
            out[i] = made[target]
    return out
