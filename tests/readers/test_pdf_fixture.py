"""A small fictional disclosure as PDF, drawn with reportlab, with the grids it must read to.

Used by ``test_pdf_generated.py`` and ``bench/bench_pdf.py``.  Pages:

1. portrait: title, "公开01表", "单位：万元", a ruled table with merged header cells (项目 over
   two columns and two rows, 基本支出 over two columns), a name wrapping over two lines, narrow
   cells whose figures nearly touch;
2. the same table continued, header repeated;
3. a landscape page (wide media box) with a two-sided summary table;
4. a portrait media box with ``/Rotate 90`` whose content is drawn turned, so it shows upright.

Every page has the running header "示例市数据管理局2025年部门预算" and a footer "- n -".
"""

from __future__ import annotations

from pathlib import Path

HEADER = "示例市数据管理局2025年部门预算"

# (row, col, rowspan, colspan, text)
HEAD = [
    (0, 0, 2, 2, "项目"), (0, 2, 2, 1, "合计"), (0, 3, 1, 2, "基本支出"), (0, 5, 2, 1, "项目支出"),
    (1, 3, 1, 1, "人员经费"), (1, 4, 1, 1, "公用经费"),
]
BODY1 = [
    ("", "合计", "1,942.11", "1,200.00", "442.11", "300.00"),
    ("201", "一般公共服务支出", "1,642.11", "1,000.00", "342.11", "300.00"),
    ("2010101", "行政运行", "12.50", "12.50", "34.00", "0.00"),
    ("2010150", "事业运行（数据管理中心信息化运行维护）", "629.61", "500.00", "29.61", "100.00"),
]
BODY2 = [
    ("2010199", "其他一般公共服务支出", "1,000.00", "487.50", "278.50", "234.00"),
    ("208", "社会保障和就业支出", "300.00", "200.00", "100.00", ""),
]
WIDTHS = [60, 130, 75, 70, 60, 70]

SUMMARY_HEAD = [(0, 0, 1, 2, "收入"), (0, 2, 1, 2, "支出"),
                (1, 0, 1, 1, "项目"), (1, 1, 1, 1, "预算数"), (1, 2, 1, 1, "项目"), (1, 3, 1, 1, "预算数")]
SUMMARY_BODY = [
    ("一、一般公共预算拨款收入", "1,942.11", "一、一般公共服务支出", "1,642.11"),
    ("二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "300.00"),
    ("收入总计", "1,942.11", "支出总计", "1,942.11"),
]
SUMMARY_WIDTHS = [200, 120, 200, 120]


def expected_grid(head: list, body: list, ncols: int) -> list[list[str]]:
    nhead = max(r + rs for r, _c, rs, _cs, _t in head)
    rows = [[""] * ncols for _ in range(nhead)]
    for r, c, _rs, _cs, t in head:
        rows[r][c] = t
    return rows + [list(b) for b in body]


EXPECTED = {
    "p1": expected_grid(HEAD, BODY1, 6),
    "p2": expected_grid(HEAD, BODY2, 6),
    "summary": expected_grid(SUMMARY_HEAD, SUMMARY_BODY, 4),
}
MERGES = {
    "detail": ((0, 0, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)),
    "summary": ((0, 0, 0, 1), (0, 2, 0, 3)),
}


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _table(c, font: str, page_h: float, x0: float, top: float, widths: list[float], head: list,
           body: list, row_h: float = 22.0, size: float = 9.0) -> None:
    """Draw a ruled table: each (merged) cell its own rectangle; body text right-aligned
    for figures, left for names; a name too wide for its cell wraps onto a second line."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    nhead = max(r + rs for r, _c, rs, _cs, _t in head)
    cells = list(head)
    for i, row in enumerate(body):
        cells.extend((nhead + i, j, 1, 1, t) for j, t in enumerate(row))
    c.setLineWidth(0.6)
    c.setFont(font, size)
    for r, col, rs, cs, text in cells:
        left, right = xs[col], xs[col + cs]
        ctop, cbottom = top + r * row_h, top + (r + rs) * row_h
        c.rect(left, page_h - cbottom, right - left, cbottom - ctop, stroke=1, fill=0)
        if not text:
            continue
        figure = text[0].isdigit() and r >= nhead and col >= 2
        lines = [text]
        if c.stringWidth(text, font, size) > right - left - 6:
            cut = int(len(text) * (right - left - 6) / c.stringWidth(text, font, size))
            lines = [text[:cut], text[cut:]]
        mid = page_h - (ctop + cbottom) / 2
        for k, ln in enumerate(lines):
            y = mid - size / 3 + (len(lines) - 1) * (size / 2 + 0.5) - k * (size + 1)
            if figure:
                c.drawRightString(right - 1.5, y, ln)
            elif r < nhead:
                c.drawCentredString((left + right) / 2, y, ln)
            else:
                c.drawString(left + 3, y, ln)


def _furniture(c, font: str, w: float, h: float, n: int) -> None:
    c.setFont(font, 9)
    c.drawCentredString(w / 2, h - 30, HEADER)
    c.drawCentredString(w / 2, 25, f"- {n} -")


def build(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    font = _font()
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    # page 1
    _furniture(c, font, w, h, 1)
    c.setFont(font, 16)
    c.drawCentredString(w / 2, h - 80, "2025年部门支出预算表")
    c.setFont(font, 9)
    c.drawRightString(w - 40, h - 100, "公开03表")
    c.drawString(40, h - 115, "部门：示例市数据管理局")
    c.drawRightString(w - 40, h - 115, "单位：万元")
    _table(c, font, h, 40, 125, WIDTHS, HEAD, BODY1)
    c.showPage()
    # page 2: continued, header repeated
    _furniture(c, font, w, h, 2)
    _table(c, font, h, 40, 80, WIDTHS, HEAD, BODY2)
    c.setFont(font, 9)
    c.drawString(40, h - 80 - 22 * 4 - 20, "注：本表反映2025年部门支出预算情况。")
    c.showPage()
    # page 3: landscape media box
    lw, lh = landscape(A4)
    c.setPageSize((lw, lh))
    _furniture(c, font, lw, lh, 3)
    c.setFont(font, 16)
    c.drawCentredString(lw / 2, lh - 80, "2025年部门收支总表")
    c.setFont(font, 9)
    c.drawRightString(lw - 60, lh - 100, "单位：万元")
    _table(c, font, lh, 100, 110, SUMMARY_WIDTHS, SUMMARY_HEAD, SUMMARY_BODY)
    c.showPage()
    # page 4: portrait media box shown rotated by /Rotate 90; content drawn turned so that the
    # displayed page is upright (text runs up the media box)
    c.setPageSize((w, h))
    c.setPageRotation(90)
    c.saveState()
    c.translate(w, 0)
    c.rotate(90)  # now a landscape frame lw × lh (x along the media box's height)
    _furniture(c, font, lw, lh, 4)
    c.setFont(font, 16)
    c.drawCentredString(lw / 2, lh - 80, "2025年财政拨款收支总表")
    _table(c, font, lh, 100, 110, SUMMARY_WIDTHS, SUMMARY_HEAD, SUMMARY_BODY)
    c.restoreState()
    c.showPage()
    c.save()
    return path


def build_scanned(src: Path, dst: Path, page_index: int = 0, scale: float = 3.0) -> Path:
    """Rasterise one page of ``src`` and save it as an image-only PDF (Pillow)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(src))
    try:
        image = doc[page_index].render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()
    image.save(str(dst), "PDF", resolution=72 * scale)
    return dst
