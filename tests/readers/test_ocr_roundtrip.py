"""A scanned disclosure: the fictional example printed to PDF by Chromium, rasterised to an
image-only PDF, OCRed, and read back into the same tables as the text version."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnbudget.parse import parse_file
from tests.render.conftest import load_example
from tests.render.roundtrip import table_differences

# pages of the rendered example holding 部门收支预算表 … 部门支出预算表 (tables 1–3)
PAGES = (4, 5, 6, 7)


def test_scanned_tables_read_back_cell_by_cell(tmp_path: Path) -> None:
    pytest.importorskip("rapidocr", reason="OCR needs rapidocr")
    from cnbudget.render.disclosure import OutputFormat, write
    from cnbudget.render.pdf import find_chromium

    if find_chromium() is None:
        pytest.skip("printing the example needs Chromium (apt-get install chromium fonts-noto-cjk)")
    import pypdfium2 as pdfium

    produced = load_example().build()
    printed = write(produced, OutputFormat.pdf, tmp_path / "example.pdf")
    pdf = pdfium.PdfDocument(str(printed))
    images = [pdf[i].render(scale=3).to_pil().convert("RGB") for i in PAGES]
    scan = tmp_path / "scan.pdf"
    images[0].save(scan, save_all=True, append_images=images[1:], resolution=216)

    back = parse_file(scan)
    assert back.format == "pdf"
    kinds = {t.kind for t in back.tables}
    assert {"summary", "income", "expenditure"} <= kinds
    for kind in ("summary", "income", "expenditure"):
        expected = produced.disclosure.table(kind)
        assert expected is not None
        assert table_differences(expected, back.table(kind)) == []
