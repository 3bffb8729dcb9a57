"""The HTML page as headless Chromium draws it: tables present, not blank."""

from __future__ import annotations

import pytest

from cnbudget.render.html import render_html
from cnbudget.render.pdf import find_chromium, render_pdf, screenshot

needs_chromium = pytest.mark.skipif(find_chromium() is None,
                                    reason="headless Chromium absent (apt-get install -y chromium fonts-noto-cjk)")


def test_html_is_self_contained_with_every_table(example):
    html = render_html(example.build())
    assert html.count("<table>") == 11
    assert "<link" not in html and "<script" not in html
    assert 'rowspan="' in html and 'colspan="' in html


@needs_chromium
def test_screenshot_of_the_tables_is_not_blank(example, tmp_path):
    from PIL import Image

    from cnbudget.produce.document import Heading, Produced, TableBlock

    doc = example.build()
    tables_only = Produced(meta=doc.meta, disclosure=doc.disclosure,
                           blocks=tuple(b for b in doc.blocks if isinstance(b, TableBlock | Heading)
                                        and not (isinstance(b, Heading) and b.level > 1)))
    html = tmp_path / "page.html"
    html.write_text(render_html(tables_only), encoding="utf-8")
    assert html.read_text(encoding="utf-8").count("<table>") == 11
    png = tmp_path / "page.png"
    screenshot(html, png, width=1280, height=1600)
    img = Image.open(png).convert("L")
    hist = img.histogram()
    dark = sum(hist[:200]) / sum(hist)
    assert 0.01 < dark < 0.6, f"non-white share {dark:.3f}"


@needs_chromium
def test_pdf_is_written(example, tmp_path):
    out = tmp_path / "example.pdf"
    render_pdf(example.build(), out)
    assert out.read_bytes().startswith(b"%PDF")
