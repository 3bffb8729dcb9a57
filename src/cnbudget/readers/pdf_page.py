"""One PDF page seen again after reading: a region of it as an image, and its glyphs, both in
the page's *reading frame* — the coordinates every ``Source.box`` of the PDF reader is in
(``pdf``: a page whose text runs up the page, or a ``/Rotate`` page, is turned upright).

Used to show a person the printed place of a finding (``render.page_crop``).  The page is
rendered by PDFium as displayed, and the region is mapped from the reading frame through PDF
user space (the reader's turn, undone) to the rendered pixels (PDFium's own page-to-device
map, which knows ``/Rotate`` and the crop box) by one affine transform, so a box read on a
turned page is drawn where it was read.

PDFium is not thread-safe, and the web app serves crops from a thread pool: every call into it
here holds ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cnbudget.errors import UnreadableFile
from cnbudget.readers.pdf import _dominant_rotation, _glyphs
from cnbudget.readers.pdf_grid import Glyph

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in the reading frame (points)
PDFIUM_LOCK = threading.RLock()


@dataclass(frozen=True)
class Frame:
    """A page's reading frame: ``rotation`` (0/90/180/270, counter-clockwise) and the size of the
    page as the reader measured it before turning (``w``, ``h``), and the crop box."""

    rotation: int
    w: float
    h: float

    def to_user(self, fx: float, fy: float) -> tuple[float, float]:
        """A point of the reading frame → PDF user space (the inverse of the reader's turn)."""
        w, h = self.w, self.h
        if self.rotation == 90:
            return fy, fx
        if self.rotation == 180:
            return w - fx, fy
        if self.rotation == 270:
            return w - fy, h - fx
        return fx, h - fy


class PdfPages:
    """An open PDF for looking at pages again; close it (or use ``with``)."""

    def __init__(self, data: bytes, name: str = "") -> None:
        try:
            with PDFIUM_LOCK:
                self.pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            raise UnreadableFile(f"PDF 无法打开 (cannot open the PDF: {e})", file=name) from e
        self.name = name
        self._pages: dict[int, tuple[Frame, list[Glyph]]] = {}

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            self.pdf.close()

    def __len__(self) -> int:
        with PDFIUM_LOCK:
            return len(self.pdf)

    def glyphs(self, number: int) -> tuple[Frame, list[Glyph]]:
        """Page ``number`` (1-based): its frame and its text-layer glyphs in that frame."""
        if number not in self._pages:
            with PDFIUM_LOCK:
                page = self.pdf[number - 1]
                try:
                    self._pages[number] = self._frame_and_glyphs(page)
                finally:
                    page.close()
        return self._pages[number]

    def region(self, number: int, box: Box, scale: float):
        """The region ``box`` of page ``number`` rendered upright at ``scale`` pixels per point
        (a ``PIL.Image``, RGB); what lies beyond the page is white."""
        from PIL import Image

        frame, _ = self.glyphs(number)
        x0, top, x1, bottom = box
        with PDFIUM_LOCK:
            page = self.pdf[number - 1]
            try:
                bitmap = page.render(scale=scale, may_draw_forms=True)
                raw = bitmap.to_pil().convert("RGB")

                def raw_px(u: float, v: float) -> tuple[float, float]:
                    x, y = frame.to_user(x0 + u / scale, top + v / scale)
                    return _to_device(page, raw.width, raw.height, x, y)

                o, ex, ey = raw_px(0, 0), raw_px(1, 0), raw_px(0, 1)
            finally:
                page.close()
        # the map output pixel → rendered pixel is affine: read off three points (above)
        coeffs = (ex[0] - o[0], ey[0] - o[0], o[0], ex[1] - o[1], ey[1] - o[1], o[1])
        size = (max(1, round((x1 - x0) * scale)), max(1, round((bottom - top) * scale)))
        return raw.transform(size, Image.Transform.AFFINE, coeffs, resample=Image.Resampling.BILINEAR,
                             fillcolor=(255, 255, 255))

    @staticmethod
    def _frame_and_glyphs(page: pdfium.PdfPage) -> tuple[Frame, list[Glyph]]:
        # the same turn as the reader (``pdf._page_layout``): the text's dominant direction, else /Rotate
        w, h = page.get_width(), page.get_height()
        raw_glyphs, angles = _glyphs(page)
        rotation = _dominant_rotation(angles) if angles else (page.get_rotation() % 360)
        frame = Frame(rotation, w, h)
        out = []
        for text, gl, gt, gr, gb, space in raw_glyphs:
            ax, ay = _to_frame(frame, gl, gt)
            bx, by = _to_frame(frame, gr, gb)
            x0, y0, x1, y1 = min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
            out.append(Glyph(text, x0, y0, x1, y1, max(y1 - y0, 1.0), space))
        return frame, out


_PRECISION = 1000  # PDFium maps to whole device pixels: map onto a 1000× larger device


def _to_device(page: pdfium.PdfPage, width: int, height: int, x: float, y: float) -> tuple[float, float]:
    """PDF user space → a pixel of the page rendered ``width`` × ``height`` as displayed."""
    dx, dy = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, width * _PRECISION, height * _PRECISION, 0, x, y,
                               ctypes.byref(dx), ctypes.byref(dy))
    return dx.value / _PRECISION, dy.value / _PRECISION


def _to_frame(frame: Frame, x: float, y: float) -> tuple[float, float]:
    """PDF user space → the reading frame (as ``pdf._page_layout`` turns a page)."""
    w, h = frame.w, frame.h
    if frame.rotation == 90:
        return y, x
    if frame.rotation == 180:
        return w - x, y
    if frame.rotation == 270:
        return h - y, w - x
    return x, h - y
