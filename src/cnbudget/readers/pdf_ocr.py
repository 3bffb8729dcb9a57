"""A page without a text layer: render it, OCR it, and hand the same geometry to ``pdf_grid``.

The slow path, used only for a page with (almost) no text characters and an image.

- OCR: ``rapidocr`` (3.x, on onnxruntime) — its wheel ships the PP-OCRv4 detection and
  recognition models and the direction classifier (``rapidocr/models/*.onnx``), so it runs
  offline; nothing is downloaded at run time.  The engine is built once per process, quiet
  (its progress lines are no message for our user).  Releases from 3.9 ship the PP-OCRv6
  small models instead, which misread narrow header cells wrapped two characters a line
  (事业收入 → 亦輩收入 in ``tests/readers/test_ocr_roundtrip.py``): pinned below 3.9.
- Ruling lines come from the page image: dark pixels opened with a long horizontal (vertical)
  kernel leave only the lines, whose connected components become ``Segment``s.  So a scanned
  table gets the same cells and spans as a text one.
- Each OCR text box becomes one glyph per character, spread over the box in proportion to
  character widths (CJK 1, others 0.55).  A box the OCR ran across a ruling line
  ("12.5034.00") is thereby cut again at that line by ``pdf_grid``.

OCR figures are not trustworthy: decimal points and digits get lost ("10374" for "103.74").
The reader only marks them — ``Document.notes`` gets "ocr", "ocr.pages: …" and, for each
figure read with a confidence under ``LOW_SCORE``, "ocr.low_score: 第n页 (x0,top) 文本 score";
repairing figures from the table's identities is the table stage's job.
"""

from __future__ import annotations

import math
import re
import threading
from functools import lru_cache
from typing import Any

import pypdfium2 as pdfium

from cnbudget import limits as _limits
from cnbudget.errors import UnreadableFile
from cnbudget.limits import LimitExceeded
from cnbudget.readers.pdf_grid import Glyph, PageLayout, Segment

LOW_SCORE = 0.9  # figures read with a lower confidence are listed in the notes
DARK = 160  # grey level under which a pixel is ink
_lock = threading.Lock()
_FIGURE_RE = re.compile(r"\d")
_DIGIT_PUNCT_RE = re.compile(r"(?<=\d)[，,](?=\d)|(?<=\d)[。．](?=\d)")


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr import RapidOCR

    return RapidOCR(params={"Global.log_level": "error"})


def _boxes(output: Any) -> list[tuple[Any, str, float]]:
    """(box, text, score) of each text line the engine found (none on an empty page)."""
    if output is None or getattr(output, "boxes", None) is None:
        return []
    return list(zip(output.boxes, output.txts, output.scores, strict=True))


# A page with no text that is a chart or a photo is not a scanned table: its ink is mostly
# coloured (bars, seals, photographs) or its area mostly mid-grey (a photograph).  Scanned
# tables and text are black or grey lines on white.
PICTURE_COLOURED_INK = 0.5  # share of ink pixels that are coloured
PICTURE_MID_TONE = 0.25  # share of the page in mid-grey tones
_PREVIEW_SCALE = 0.3
_PREVIEW_PIXELS = 600  # the preview's longer side at most, whatever the page's size


def picture_reason(page: pdfium.PdfPage) -> str | None:
    """Why an image-only page is a picture rather than a scanned page of text (else None)."""
    import numpy as np

    width, height = page.get_width(), page.get_height()
    scale = min(_PREVIEW_SCALE, _PREVIEW_PIXELS / max(width, height, 1.0))
    img = page.render(scale=scale).to_numpy()[:, :, :3].astype(np.int16)
    gray = img.mean(axis=2)
    ink = gray < 200
    if not ink.any():
        return "空白页"
    coloured = (img.max(axis=2) - img.min(axis=2)) > 60
    share = float((coloured & ink).sum()) / float(ink.sum())
    if share > PICTURE_COLOURED_INK:
        return f"彩色图形（着色像素占 {share:.0%}）"
    mid = float(((gray > 60) & (gray < 190)).mean())
    if mid > PICTURE_MID_TONE:
        return f"照片（中间灰度占 {mid:.0%}）"
    return None


def ocr_page(page: pdfium.PdfPage, number: int, path: str, scale: float = 3.0,
             notes: list[str] | None = None) -> PageLayout:
    """Glyphs (from OCR) and ruling segments (from the image) of a scanned page."""
    try:
        import cv2  # noqa: F401
        import numpy as np
    except ImportError as e:  # pragma: no cover - the OCR extra is part of the dependencies
        raise UnreadableFile(f"第{number}页是扫描图片，需要 OCR，但未安装 rapidocr "
                             "(scanned page needs OCR: pip install 'rapidocr<3.9' onnxruntime)", file=path) from e
    scale = render_scale(page.get_width(), page.get_height(), scale, number)
    bitmap = page.render(scale=scale)  # the page as displayed (its /Rotate applied)
    img = bitmap.to_numpy()  # BGR(A)
    if img.ndim == 3 and img.shape[2] == 4:
        img = img[:, :, :3]
    img = np.ascontiguousarray(img)
    h_px, w_px = img.shape[:2]
    layout = PageLayout(number, w_px / scale, h_px / scale)
    layout.segments = ruling_segments(img, scale)
    try:
        with _lock:
            found = _boxes(_engine()(img))
    except ImportError as e:  # pragma: no cover
        raise UnreadableFile("需要 OCR 但无法加载 rapidocr (cannot load the OCR engine)", file=path) from e
    for box, text, score in found:
        xs = [p[0] / scale for p in box]
        ys = [p[1] / scale for p in box]
        text = _DIGIT_PUNCT_RE.sub(lambda m: "," if m.group(0) in "，," else ".", str(text).strip())
        if not text:
            continue
        layout.glyphs.extend(spread(text, min(xs), min(ys), max(xs), max(ys)))
        if notes is not None and float(score) < LOW_SCORE and _FIGURE_RE.search(text):
            notes.append(f"ocr.low_score: 第{number}页 ({min(xs):.0f},{min(ys):.0f}) {text} {float(score):.2f}")
    return layout


def render_scale(width: float, height: float, wanted: float, number: int) -> float:
    """The scale to render a page for OCR: ``wanted``, lowered so the bitmap (and the copies
    OpenCV makes of it) stays within ``Limits.ocr_pixels``; a page that would need less than
    72 dpi is refused — OCR at that size reads nothing, and a quiet empty page would lie."""
    limits = _limits.current()
    if max(width, height) > limits.page_points:
        raise LimitExceeded("page_points", limits.page_points, f"第{number}页尺寸 {width:.0f}×{height:.0f} 磅",
                            place=f"第{number}页")
    area = max(width * height, 1.0)
    scale = min(wanted, math.sqrt(limits.ocr_pixels / area))
    if scale < 1.0:
        raise LimitExceeded("ocr_pixels", limits.ocr_pixels,
                            f"第{number}页 {width:.0f}×{height:.0f} 磅的扫描页按 72 dpi 也需 {area:,.0f} 像素",
                            place=f"第{number}页")
    return scale


def spread(text: str, x0: float, top: float, x1: float, bottom: float) -> list[Glyph]:
    """One glyph per character of an OCR box, widths in proportion (CJK 1, digits and letters
    0.55, "." "," ":" ";" 0.3).  Punctuation prints narrow: counted as wide as a digit, a box
    running over several cells ("0.10.20.312345678") puts the cell border a character off."""
    weights = [0.0 if ch == " " else 1.0 if ord(ch) > 0x2E80 else 0.3 if ch in ".,:;" else 0.55 for ch in text]
    total = sum(weights) or 1.0
    unit = (x1 - x0) / total
    size = bottom - top
    out: list[Glyph] = []
    x = x0
    space = False
    for ch, w in zip(text, weights, strict=True):
        if ch == " ":
            space = True
            continue
        out.append(Glyph(ch, x, top, x + w * unit, bottom, size, space))
        x += w * unit
        space = False
    return out


def ruling_segments(img: Any, scale: float) -> list[Segment]:
    """Horizontal and vertical ruling lines of a page image, in points."""
    import cv2

    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img
    ink = (gray < DARK).astype("uint8") * 255
    h_px, w_px = ink.shape
    out: list[Segment] = []
    for horizontal in (True, False):
        length = max(int((w_px if horizontal else h_px) / 50), int(12 * scale))
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        n, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        for i in range(1, n):
            x, y, w, h, _area = (int(v) for v in stats[i])
            if horizontal and h <= 4 * scale:
                out.append(Segment(True, (y + h / 2) / scale, x / scale, (x + w) / scale))
            elif not horizontal and w <= 4 * scale:
                out.append(Segment(False, (x + w / 2) / scale, y / scale, (y + h) / scale))
    return out
