"""PDF disclosures: the text layer (or OCR of a scanned page) → Paragraphs and Grids.

Modules of the PDF reader:
    pdf       — this file: open the PDF, read each page's glyphs and ruling lines, drop page
                furniture, errors
    pdf_grid  — format-free geometry: ruled tables (spans from the ruling lines) and paragraphs
    pdf_aligned — tables printed as aligned text (no ruling lines, or a 三线表's three rules)
    pdf_ocr   — a page without text: render, OCR (rapidocr), ruling lines from the image

Why pypdfium2 and not pdfplumber.  Both were measured on the eight real disclosures in
``shared/real`` (292 pages, 2-core machine).  Reading only the glyphs with their boxes and
the paths of every page takes pdfplumber (pdfminer, pure Python) 2.27 s for real_01's 50
pages and 5.21 s for real_07's 64; pypdfium2 (PDFium, C) reads the same objects in 0.22 s
and 0.53 s.  Whole reader vs. pdfplumber's ``extract_tables`` (``bench/bench_pdf.py``):

    =========  =====  ===================  =====================  ==================
    file       pages  this reader (s)      pdfplumber tables (s)  camelot lattice (s)
    =========  =====  ===================  =====================  ==================
    real_01       50  0.31                 2.13                   12.85
    real_07       64  0.85                 6.55                   19.60
    all 8        292  2.63 (111 pages/s)   18.07                  88.58
    =========  =====  ===================  =====================  ==================

pdfplumber alone takes longer than the budget of "40 pages in 2 s", and neither it nor
camelot reports merged cells, so the table geometry is ours (``pdf_grid``) on PDFium's objects.
pdfplumber stays as a second opinion for turned (``/Rotate``) pages, where PDFium's text page
was seen to miss glyphs of a non-embedded CID font.

Coordinates.  Each page is read in its *reading frame*: the dominant direction of its text
decides the rotation (text running up the page — a landscape table printed on a portrait
page, or a page with ``/Rotate`` — is turned upright), and a page without text uses its
``/Rotate``.  ``Source.box`` is (x0, top, x1, bottom) in points in that frame, origin top-left.

Furniture.  Page numbers ("- 13 -", "5", "第3页 共9页") and a header or footer line repeated on
at least half the pages, in the top or bottom ``margin`` of the page, are dropped; a note
"pdf.furniture: …" says what was dropped and where.  The page number a page prints is kept
as ``Source.printed_page`` on every block of that page ("第3页 共9页" → "3"), so that a report
names the page a person turns to in the printed document (``printed_page_of``).

Tables without ruling lines.  Where a page region holds no ruled table, column-aligned text
lines become a ``Grid`` too (``pdf_aligned``); ``Document.notes`` then has
"pdf.aligned_tables: 第3,5-6页" so a reader of the result knows the cells were inferred.

Scanned pages.  A page whose text layer has fewer than ``min_chars`` characters and holds an
image is OCRed (``pdf_ocr``); ``Document.notes`` then has "ocr" and "ocr.pages: 3,4".
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cnbudget.document import Block, Document, Grid, Paragraph, Source
from cnbudget.errors import UnreadableFile
from cnbudget.readers.pdf_grid import (
    DEFAULT,
    Glyph,
    GridSettings,
    PageBlocks,
    PageLayout,
    Segment,
    layout_page,
)


@dataclass(frozen=True)
class PdfSettings:
    """Thresholds of the PDF reader (geometry ones are in ``GridSettings``)."""

    grid: GridSettings = DEFAULT
    margin: float = 0.075  # share of the page height where repeated headers/footers live
    page_number_margin: float = 0.15  # share of the page height where a page number may stand
    repeat_share: float = 0.5  # a header/footer repeated on this share of pages is furniture
    min_chars: int = 10  # a page with fewer text characters and an image is scanned
    # a turned page is read again by pdfminer only where its text objects hold more characters
    # than PDFium's text page gave (PDFium misses some turned text; pdfminer is slow)
    missed_chars: int = 5
    ocr_scale: float = 3.0  # render scale for OCR (72 dpi × scale)
    thin: float = 2.5  # a filled rectangle thinner than this is a ruling line
    light: int = 235  # fills lighter than this on every channel are background, not lines


SETTINGS = PdfSettings()

_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
    r"|[-—–]?\s*[ivxlcIVXLC]+\s*[-—–]?|Page\s*\d+(?:\s*of\s*\d+)?)$"
)


def read(path: str, data: bytes, settings: PdfSettings = SETTINGS) -> Document:
    """Read a PDF into a ``Document``; ``UnreadableFile`` for what cannot be read."""
    doc = _open(path, data)
    try:
        npages = len(doc)
        if npages == 0:
            raise UnreadableFile("PDF 没有任何页面 (the PDF has no pages)", file=path)
        pages: list[PageBlocks] = []
        ocr_pages: list[int] = []
        ocr_notes: list[str] = []
        pictures: list[str] = []  # image-only pages that are charts or photos, not scanned text
        second = _SecondOpinion(data)
        for i in range(npages):
            try:
                page = doc[i]
            except pdfium.PdfiumError as e:
                raise UnreadableFile(f"PDF 第{i + 1}页无法解析 (page {i + 1} is damaged: {e})", file=path) from e
            try:
                _check_page_size(page, i + 1)
                layout, scanned = _page_layout(page, i + 1, settings, second)
                if scanned:
                    from cnbudget.readers import pdf_ocr

                    # the OCR size limits first: a page too large to OCR is refused, not previewed
                    pdf_ocr.render_scale(page.get_width(), page.get_height(), settings.ocr_scale, i + 1)
                    picture = pdf_ocr.picture_reason(page)
                    if picture:
                        pictures.append(f"pdf.picture: 第{i + 1}页为图片（{picture}），未作 OCR")
                    else:
                        layout = pdf_ocr.ocr_page(page, i + 1, path, settings.ocr_scale, ocr_notes)
                        ocr_pages.append(i + 1)
                pages.append(layout_page(layout, settings.grid))
            finally:
                page.close()
    finally:
        second.close()
        doc.close()
    blocks, notes = _drop_furniture(pages, settings)
    aligned = [p.number for p in pages if p.aligned]
    if aligned:
        notes.append(f"pdf.aligned_tables: 第{_ranges(aligned)}页")
    if ocr_pages:
        notes = ["ocr", "ocr.pages: " + ",".join(map(str, ocr_pages)), *ocr_notes, *notes]
    notes.extend(pictures)
    if not any(isinstance(b, Grid) or (isinstance(b, Paragraph) and b.text) for b in blocks):
        notes.append("pdf.empty: 没有找到任何文字 (no text found on any page)")
    return Document(path=path, blocks=tuple(blocks), format="pdf", pages=npages, notes=tuple(notes))


def _check_page_size(page: pdfium.PdfPage, number: int) -> None:
    """``Limits.page_points``: PDF's own maximum page side is 14400 pt; past it, refuse."""
    from cnbudget import limits as _limits
    from cnbudget.limits import LimitExceeded

    limits = _limits.current()
    w, h = page.get_width(), page.get_height()
    if max(w, h) > limits.page_points:
        raise LimitExceeded("page_points", limits.page_points, f"第{number}页尺寸 {w:.0f}×{h:.0f} 磅", place=f"第{number}页")


def _open(path: str, data: bytes) -> pdfium.PdfDocument:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile("不是 PDF 文件 (not a PDF file)", file=path)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        # PDFium's error code is process-wide and not reset on every failure (a document without
        # pages fails with the previous failure's code), so the bytes decide what to say.
        if b"/Encrypt" in data:
            raise UnreadableFile("PDF 已加密，需要密码才能打开 (the PDF is encrypted / password-protected)",
                                 file=path) from e
        if _NO_PAGES_RE.search(data) and not _PAGE_RE.search(data):
            raise UnreadableFile("PDF 没有任何页面 (the PDF has no pages)", file=path) from e
        raise UnreadableFile(f"PDF 文件已损坏，无法打开 (corrupt PDF: {e})", file=path) from e


_NO_PAGES_RE = re.compile(rb"/Count\s*0\s*[/>]")
_PAGE_RE = re.compile(rb"/Type\s*/Page(?![s\w])")


# ---------------------------------------------------------------------------------- one page


def _page_layout(page: pdfium.PdfPage, number: int, settings: PdfSettings,
                 second: _SecondOpinion | None = None) -> tuple[PageLayout, bool]:
    """The page's glyphs and ruling segments in its reading frame; and whether it is scanned."""
    w, h = page.get_width(), page.get_height()
    raw_glyphs, angles = _glyphs(page)
    segments = _segments(page, settings)
    nonspace = sum(1 for g in raw_glyphs if not g[0].isspace())
    if nonspace < settings.min_chars and _has_image(page):
        return PageLayout(number, w, h), True
    rotation = _dominant_rotation(angles) if angles else (page.get_rotation() % 360)
    fw, fh = (h, w) if rotation in (90, 270) else (w, h)
    layout = PageLayout(number, fw, fh)

    def tx(x: float, y: float) -> tuple[float, float]:
        if rotation == 90:
            return y, x
        if rotation == 180:
            return w - x, y
        if rotation == 270:
            return h - y, w - x
        return x, h - y

    for text, left, top, right, bottom, space in raw_glyphs:
        ax, ay = tx(left, top)
        bx, by = tx(right, bottom)
        x0, y0, x1, y1 = min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
        # the loose box's height is the font's line height: our "em" (the PDF font size is
        # not, it ignores the text matrix)
        layout.glyphs.append(Glyph(text, x0, y0, x1, y1, max(y1 - y0, 1.0), space))
    if (rotation and rotation == page.get_rotation() % 360 and second is not None
            and _object_chars(page) > nonspace + settings.missed_chars):
        # PDFium's text page misses some turned text (seen with non-embedded CID fonts);
        # pdfminer reads a /Rotate page in its displayed frame, which is our reading frame here
        other = second.glyphs(number - 1)
        if len(other) > len(layout.glyphs):
            layout.glyphs = other
    for x0, y0, x1, y1 in segments:
        ax, ay = tx(x0, y0)
        bx, by = tx(x1, y1)
        if abs(ay - by) < 0.01:
            layout.segments.append(Segment(True, ay, min(ax, bx), max(ax, bx)))
        else:
            layout.segments.append(Segment(False, ax, min(ay, by), max(ay, by)))
    return layout, False


def _object_chars(page: pdfium.PdfPage) -> int:
    """Characters the page's text objects hold (what PDFium's text page should have found)."""
    import ctypes

    import pypdfium2.raw as raw

    tp = page.get_textpage()
    n = 0
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,), max_depth=4):
        size = raw.FPDFTextObj_GetText(obj.raw, tp.raw, None, 0)
        if size <= 2:
            continue
        buf = ctypes.create_string_buffer(size)
        raw.FPDFTextObj_GetText(obj.raw, tp.raw, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), size)
        n += sum(1 for ch in buf.raw[: size - 2].decode("utf-16-le", "replace") if not ch.isspace())
    return n


class _SecondOpinion:
    """pdfminer's reading of a page (through pdfplumber), for turned pages PDFium may miss text
    on.  The document is opened once per read, on the first page that needs it: opening it
    again per page parsed the whole file each time (a 116-page document spent 28 s there)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf = None
        self.failed = False

    def glyphs(self, index: int) -> list[Glyph]:
        import io

        import pdfplumber

        if self.failed or not self.data:
            return []
        out: list[Glyph] = []
        try:
            if self.pdf is None:
                self.pdf = pdfplumber.open(io.BytesIO(self.data))
            page = self.pdf.pages[index]
            for ch in page.chars:
                text = ch["text"]
                if text and not text.isspace():
                    out.append(Glyph(text, ch["x0"], ch["top"], ch["x1"], ch["bottom"],
                                     max(ch["bottom"] - ch["top"], 1.0)))
            page.close()  # frees the page's parsed objects
        except Exception:  # noqa: BLE001 - a second opinion only; PDFium's reading stands
            self.failed = True
            return []
        return out

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


_RawGlyph = tuple[str, float, float, float, float, bool]


def _glyphs(page: pdfium.PdfPage) -> tuple[list[_RawGlyph], list[float]]:
    tp = page.get_textpage()
    try:
        n = pdfium_c.FPDFText_CountChars(tp.raw)
        rect = pdfium_c.FS_RECTF()
        out: list[_RawGlyph] = []
        angles = []
        space = False
        for i in range(n):
            u = pdfium_c.FPDFText_GetUnicode(tp.raw, i)
            if u in (0, 0xFFFE, 0xFFFF) or pdfium_c.FPDFText_IsGenerated(tp.raw, i) == 1:
                continue
            ch = chr(u)
            if ch.isspace() or ch in "\u00a0\u3000":
                space = True
                continue
            if not pdfium_c.FPDFText_GetLooseCharBox(tp.raw, i, rect):
                continue
            out.append((ch, rect.left, rect.top, rect.right, rect.bottom, space))
            space = False
            if len(angles) < 400:
                angles.append(pdfium_c.FPDFText_GetCharAngle(tp.raw, i))
        return out, angles
    finally:
        tp.close()


def _dominant_rotation(angles: list[float]) -> int:
    votes: Counter[int] = Counter()
    for a in angles:
        if a < 0:
            continue
        # PDFium measures the angle clockwise; our rotations are counter-clockwise
        votes[(4 - int(round(math.degrees(a) / 90.0))) % 4 * 90] += 1
    return votes.most_common(1)[0][0] if votes else 0


def _has_image(page: pdfium.PdfPage) -> bool:
    n = pdfium_c.FPDFPage_CountObjects(page.raw)
    for i in range(n):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        t = pdfium_c.FPDFPageObj_GetType(obj)
        if t in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM):
            return True
    return False


_Matrix = tuple[float, float, float, float, float, float]


def _mul(m: _Matrix, n: _Matrix) -> _Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _segments(page: pdfium.PdfPage, settings: PdfSettings) -> list[tuple[float, float, float, float]]:
    """Horizontal and vertical ruling segments (x0, y0, x1, y1) in PDF user space."""
    out: list[tuple[float, float, float, float]] = []
    fm = ctypes.c_int()
    stroke = ctypes.c_int()
    px, py = ctypes.c_float(), ctypes.c_float()
    cr, cg, cb, ca = (ctypes.c_uint() for _ in range(4))
    mat = pdfium_c.FS_MATRIX()

    def light(getter: object, obj: object) -> bool:
        if not getter(obj, cr, cg, cb, ca):  # type: ignore[operator]
            return False
        return ca.value == 0 or min(cr.value, cg.value, cb.value) >= settings.light

    def walk(obj: object, parent: _Matrix, depth: int) -> None:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            return
        pdfium_c.FPDFPageObj_GetMatrix(obj, mat)
        m = _mul((mat.a, mat.b, mat.c, mat.d, mat.e, mat.f), parent)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < 6:
                for j in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                    walk(pdfium_c.FPDFFormObj_GetObject(obj, j), m, depth + 1)
            return
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fm, stroke):
            return
        stroked = bool(stroke.value) and not light(pdfium_c.FPDFPageObj_GetStrokeColor, obj)
        filled = fm.value != 0 and not light(pdfium_c.FPDFPageObj_GetFillColor, obj)
        if not (stroked or filled):
            return
        pts: list[tuple[int, float, float, bool]] = []
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            pdfium_c.FPDFPathSegment_GetPoint(seg, px, py)
            x, y = px.value, py.value
            pts.append((pdfium_c.FPDFPathSegment_GetType(seg), m[0] * x + m[2] * y + m[4],
                        m[1] * x + m[3] * y + m[5], bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
        if not pts:
            return
        if filled and not stroked:
            xs = [p[1] for p in pts]
            ys = [p[2] for p in pts]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            if len(pts) <= 6:  # a rectangle (or a thin bar drawn as one)
                if y1 - y0 <= settings.thin:
                    out.append((x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
                    return
                if x1 - x0 <= settings.thin:
                    out.append(((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
                    return
        _polyline_edges(pts, out)

    n = pdfium_c.FPDFPage_CountObjects(page.raw)
    ident: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for i in range(n):
        walk(pdfium_c.FPDFPage_GetObject(page.raw, i), ident, 0)
    return out


def _polyline_edges(pts: list[tuple[int, float, float, bool]], out: list[tuple[float, float, float, float]]) -> None:
    """Axis-parallel straight pieces of a path (curves are skipped)."""
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for kind, x, y, close in pts:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or prev is None:
            start = prev = (x, y)
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            _edge(prev, (x, y), out)
        prev = (x, y)
        if close and start is not None:
            _edge(prev, start, out)
            prev = start


def _edge(p: tuple[float, float], q: tuple[float, float], out: list[tuple[float, float, float, float]]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 0.5 and abs(x1 - x0) >= 0.5:
        y = (y0 + y1) / 2
        out.append((min(x0, x1), y, max(x0, x1), y))
    elif abs(x0 - x1) < 0.5 and abs(y1 - y0) >= 0.5:
        x = (x0 + x1) / 2
        out.append((x, min(y0, y1), x, max(y0, y1)))


# ---------------------------------------------------------------------------------- furniture


def _drop_furniture(pages: list[PageBlocks], settings: PdfSettings) -> tuple[list[Block], list[str]]:
    """All blocks in order, without page numbers and repeated headers / footers."""

    def in_margin(b: Block, p: PageBlocks, margin: float = settings.margin) -> bool:
        box = b.source.box
        if box is None:
            return False
        return box[1] <= p.height * margin or box[3] >= p.height * (1 - margin)

    counts: Counter[str] = Counter()
    for p in pages:
        seen = {b.text for b in p.blocks if isinstance(b, Paragraph) and in_margin(b, p)}
        counts.update(seen)
    need = max(3, math.ceil(settings.repeat_share * len(pages)))
    repeated = {t for t, n in counts.items() if n >= need and "表" not in t and "单位" not in t}
    blocks: list[Block] = []
    dropped: dict[str, list[int]] = {}
    for p in pages:
        kept: list[Block] = []
        printed: str | None = None
        for b in p.blocks:
            if isinstance(b, Paragraph) and in_margin(b, p, settings.page_number_margin):
                key = None
                if _PAGE_NUMBER_RE.match(b.text.strip()):
                    key = "页码 (page number)"
                    # a footer's number wins over a header's: it is where a reader looks
                    if printed is None or b.source.box is None or b.source.box[1] > p.height / 2:
                        printed = printed_page_of(b.text) or printed
                elif b.text in repeated and in_margin(b, p):
                    key = b.text
                if key is not None:
                    dropped.setdefault(key, []).append(p.number)
                    continue
            kept.append(b)
        blocks.extend(kept if printed is None else (_with_printed(b, printed) for b in kept))
    notes = [f"pdf.furniture: {k} — 第{_ranges(v)}页 (dropped)" for k, v in dropped.items()]
    return blocks, notes


_PRINTED_RE = re.compile(r"\d{1,4}|[ivxlcIVXLC]+")


def printed_page_of(text: str) -> str | None:
    """The number a page-number line prints: "- 12 -" → "12", "第3页 共9页" → "3", "3/9" → "3",
    "ii" → "ii" (the first number: a "共 N 页" total is not the page)."""
    t = text.strip()
    if not _PAGE_NUMBER_RE.match(t):
        return None
    m = _PRINTED_RE.search(t.removeprefix("Page").strip())
    return m.group(0).lstrip("0") or m.group(0) if m else None


def _printed(src: Source, printed: str) -> Source:
    return replace(src, printed_page=printed)


def _with_printed(b: Block, printed: str) -> Block:
    if isinstance(b, Grid):
        return replace(b, source=_printed(b.source, printed),
                       row_sources=tuple(_printed(s, printed) for s in b.row_sources))
    return replace(b, source=_printed(b.source, printed))


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in sorted(set(numbers)):
        if out and "-" not in out[-1].split(",")[-1] and int(out[-1].split("-")[-1]) == n - 1:
            out[-1] = f"{out[-1]}-{n}"
        elif out and "-" in out[-1] and int(out[-1].split("-")[-1]) == n - 1:
            out[-1] = out[-1].rsplit("-", 1)[0] + f"-{n}"
        else:
            out.append(str(n))
    return ",".join(out)
