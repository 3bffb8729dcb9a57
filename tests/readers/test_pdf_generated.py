"""The PDF reader on a fictional disclosure drawn with reportlab (``test_pdf_fixture``), where the
truth is known cell by cell; its scanned twin through OCR; and unreadable PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnbudget.document import Grid, Paragraph
from cnbudget.errors import UnreadableFile
from cnbudget.readers import pdf as pdf_reader
from cnbudget.readers import read_document

pytest.importorskip("reportlab", reason="reportlab is needed to draw the PDF fixtures (pip install reportlab)")

import test_pdf_fixture as fx  # noqa: E402  (after the skip: it draws with reportlab)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fx.build(tmp_path_factory.mktemp("pdf") / "示例市数据管理局2025年部门预算.pdf")


@pytest.fixture(scope="module")
def doc(generated: Path):
    return read_document(generated)


def grids(doc, page: int) -> list[Grid]:
    return [b for b in doc.blocks if isinstance(b, Grid) and b.source.page == page]


def test_pdf_is_registered_and_read_by_content(doc) -> None:
    assert doc.format == "pdf"
    assert doc.pages == 4


def test_title_unit_and_table_number_come_just_before_the_grid(doc) -> None:
    blocks = [b for b in doc.blocks if b.source.page == 1]
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["2025年部门支出预算表", "公开03表", "部门：示例市数据管理局", "单位：万元"]
    assert isinstance(blocks[-1], Grid)


def test_merged_header_cells_and_body_cell_by_cell(doc) -> None:
    (g,) = grids(doc, 1)
    assert [list(r) for r in g.rows] == fx.EXPECTED["p1"]
    assert g.merges == fx.MERGES["detail"]
    assert g.width == 6


def test_wrapped_name_is_one_cell_and_touching_figures_stay_apart(doc) -> None:
    (g,) = grids(doc, 1)
    assert g.rows[5][1] == "事业运行（数据管理中心信息化运行维护）"
    assert g.rows[4][2:5] == ("12.50", "12.50", "34.00")
    assert g.rows[2][2] == "1,942.11"


def test_table_continued_on_next_page_is_its_own_grid_with_header_repeated(doc) -> None:
    (g,) = grids(doc, 2)
    assert [list(r) for r in g.rows] == fx.EXPECTED["p2"]
    assert g.rows[-1][-1] == ""  # a blank cell stays blank, not "0"
    assert g.merges == fx.MERGES["detail"]


def test_landscape_page(doc) -> None:
    (g,) = grids(doc, 3)
    assert [list(r) for r in g.rows] == fx.EXPECTED["summary"]
    assert g.merges == fx.MERGES["summary"]
    x0, top, x1, bottom = g.source.box
    assert x1 > 595  # read in the wide frame
    assert len(g.row_sources) == len(g.rows)
    assert all(rs.page == 3 for rs in g.row_sources)


def test_rotated_page_is_read_upright(doc) -> None:
    page4 = [b for b in doc.blocks if b.source.page == 4]
    assert isinstance(page4[0], Paragraph) and page4[0].text == "2025年财政拨款收支总表"
    (g,) = grids(doc, 4)
    assert [list(r) for r in g.rows] == fx.EXPECTED["summary"]


def test_running_header_and_page_numbers_are_dropped_and_noted(doc) -> None:
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert fx.HEADER not in texts
    assert not any(re.fullmatch(r"- \d -", t) for t in texts)
    assert any(n.startswith("pdf.furniture: 页码") for n in doc.notes)
    assert "注：本表反映2025年部门支出预算情况。" in texts


def test_row_sources_are_row_boxes_inside_the_grid_box(doc) -> None:
    (g,) = grids(doc, 1)
    gx0, gtop, gx1, gbottom = g.source.box
    tops = [rs.box[1] for rs in g.row_sources]
    assert tops == sorted(tops)
    assert all(gtop - 0.5 <= rs.box[1] < rs.box[3] <= gbottom + 0.5 for rs in g.row_sources)


# ---------------------------------------------------------------------------------- scanned


def test_scanned_page_is_ocred_into_the_same_grid(generated: Path, tmp_path: Path) -> None:
    pytest.importorskip("rapidocr", reason="OCR needs rapidocr")
    scanned = fx.build_scanned(generated, tmp_path / "scan.pdf", page_index=0)
    doc = read_document(scanned)
    assert "ocr" in doc.notes and "ocr.pages: 1" in doc.notes
    (g,) = [b for b in doc.blocks if isinstance(b, Grid)]
    # the ruling lines come from the image: same cells, same spans
    assert g.width == 6 and len(g.rows) == len(fx.EXPECTED["p1"])
    assert g.merges == fx.MERGES["detail"]
    # figures: equal once OCR's lost decimal points / commas are ignored (the repair the table
    # stage does from the table's identities); codes exactly.  Names are not compared: without
    # a CJK font on the machine PDFium renders no CJK glyphs to OCR.
    truth = fx.EXPECTED["p1"]
    agree = total = 0
    for r in range(2, len(truth)):
        assert g.rows[r][0] == truth[r][0]
        for c in range(2, 6):
            total += 1
            digits = re.sub(r"\D", "", g.rows[r][c])
            want = re.sub(r"\D", "", truth[r][c])
            agree += digits == want or (want.endswith("0") and digits == want[:-1])  # "100.0"
    assert agree >= total - 2, [g.rows[r] for r in range(len(g.rows))]


# ---------------------------------------------------------------------------------- errors


def test_corrupt_pdf_is_unreadable(tmp_path: Path) -> None:
    p = tmp_path / "坏.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> garbage \x00\x01\x02")
    with pytest.raises(UnreadableFile) as e:
        read_document(p)
    assert "坏.pdf" in str(e.value) and "PDF" in e.value.reason
    assert e.value.__cause__ is not None


def test_truncated_pdf_is_unreadable(generated: Path, tmp_path: Path) -> None:
    p = tmp_path / "truncated.pdf"
    p.write_bytes(generated.read_bytes()[:300])
    with pytest.raises(UnreadableFile):
        read_document(p)


def test_encrypted_pdf_is_unreadable_with_a_chinese_reason(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    p = tmp_path / "加密.pdf"
    c = canvas.Canvas(str(p), encrypt="secret")
    c.drawString(100, 700, "secret")
    c.showPage()
    c.save()
    with pytest.raises(UnreadableFile) as e:
        read_document(p)
    assert "加密" in e.value.reason and e.value.file == str(p)


def test_pdf_without_pages_is_unreadable(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    p = tmp_path / "empty.pdf"
    pdfium.PdfDocument.new().save(str(p))
    with pytest.raises(UnreadableFile) as e:
        read_document(p)
    assert "没有任何页面" in e.value.reason


def test_blank_page_reads_to_no_blocks_with_a_note(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    p = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(p))
    c.showPage()
    c.save()
    doc = pdf_reader.read(str(p), p.read_bytes())
    assert doc.blocks == () and any(n.startswith("pdf.empty") for n in doc.notes)


def test_not_a_pdf_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        pdf_reader.read("x.pdf", b"hello")


def test_turned_pages_are_read_once_by_pdfium_when_it_misses_nothing(doc, monkeypatch) -> None:
    """pdfminer's second reading of a turned page is asked for only where PDFium's text page
    holds fewer characters than the page's text objects (it was asked on every turned page)."""
    from cnbudget.readers import pdf as reader

    asked: list[int] = []
    real = reader._SecondOpinion.glyphs

    def counting(self, index: int):
        asked.append(index)
        return real(self, index)

    monkeypatch.setattr(reader._SecondOpinion, "glyphs", counting)
    path = doc.path
    reader.read(path, Path(path).read_bytes())
    assert asked == []


def _image_pdf(path: Path, draw) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 800), "white")
    draw(ImageDraw.Draw(img))
    img.save(path, "PDF", resolution=72)
    return path


def test_a_chart_page_is_not_sent_to_ocr(tmp_path: Path, monkeypatch) -> None:
    from cnbudget.readers import pdf_ocr

    def bars(d) -> None:  # a bar chart: coloured ink
        d.rectangle((100, 300, 180, 700), fill=(60, 110, 200))
        d.rectangle((250, 200, 330, 700), fill=(200, 60, 60))
        d.line((80, 700, 500, 700), fill=(120, 120, 120), width=2)

    def text_lines(d) -> None:  # a scanned page of ruled text: black lines on white
        for y in range(100, 700, 40):
            d.line((60, y, 540, y), fill=(0, 0, 0), width=2)
            d.rectangle((80, y + 10, 300, y + 25), fill=(20, 20, 20))

    asked: list[int] = []
    monkeypatch.setattr(pdf_ocr, "ocr_page", lambda page, n, *a, **k: asked.append(n) or pdf_ocr.PageLayout(n, 1, 1))
    chart = _image_pdf(tmp_path / "chart.pdf", bars)
    notes = pdf_reader.read(str(chart), chart.read_bytes()).notes
    assert asked == [] and any("pdf.picture" in n for n in notes)
    scan = _image_pdf(tmp_path / "scan.pdf", text_lines)
    pdf_reader.read(str(scan), scan.read_bytes())
    assert asked == [1]
