"""Pages a reader expects: a table's title never alone at the foot of a page, page numbers,
the header repeating over pages (PDF printed by Chromium, DOCX laid out by Word)."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document

from cnbudget.produce.document import Heading, Para, Produced, TableBlock
from cnbudget.render.docx import render_docx
from cnbudget.render.pdf import find_chromium, render_pdf

needs_chromium = pytest.mark.skipif(find_chromium() is None,
                                    reason="headless Chromium absent (apt-get install -y chromium fonts-noto-cjk)")
FOOT = 30  # points: the page-number line sits in the bottom margin (12 mm ≈ 34 pt)


def _crowded(example) -> tuple[Produced, set[str]]:
    """Short tables after runs of paragraphs of varying length, so that over two dozen tables
    some title would fall at a page's foot (without the rule, four of them do)."""
    doc = example.build()
    small = [b for b in doc.blocks if isinstance(b, TableBlock) and len(b.table.rows) <= 12]
    blocks: list = [Heading("分页测试", 1)]
    for i in range(24):
        blocks += [Para("填充段落" * (10 + 7 * (i % 5))) for _ in range(i % 7 + 1)]
        blocks.append(small[i % len(small)])
    return Produced(meta=doc.meta, blocks=tuple(blocks), disclosure=doc.disclosure), {b.table.title for b in small}


@needs_chromium
def test_pdf_never_ends_a_page_with_a_table_title_and_numbers_every_page(example, tmp_path):
    import pdfplumber

    produced, titles = _crowded(example)
    out = tmp_path / "crowded.pdf"
    render_pdf(produced, out)
    ends, feet = [], []
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 10
        for page in pdf.pages:
            lines = [ln for ln in page.extract_text_lines() if ln["text"].strip()]
            body = [ln["text"].strip() for ln in lines if ln["bottom"] < page.height - FOOT]
            feet.append(" ".join(ln["text"] for ln in lines if ln["top"] > page.height - FOOT))
            ends.append(body[-1] if body else "")
    stranded = [(n, e) for n, e in enumerate(ends, start=1)
                if any(e.startswith(t) for t in titles) or e.startswith(("编制部门", "单位："))]
    assert not stranded, stranded
    for n, foot in enumerate(feet, start=1):  # "第 N 页" (the PDF's font maps 页 to a radical)
        assert foot.startswith("第") and f" {n} " in foot, (n, foot)


def test_docx_keeps_titles_with_their_tables_and_numbers_pages(example, tmp_path):
    out = tmp_path / "d.docx"
    produced = example.build()
    render_docx(produced, out)
    doc = Document(str(out))
    paras = doc.paragraphs
    names = {t.title for t in produced.tables()}
    titles = [p for p in paras if p.text in names]
    assert len(titles) == len(produced.tables()) == 11
    for p in titles:
        assert p.paragraph_format.keep_with_next, p.text
    for p in paras:
        if p.text.startswith(("编制部门", "单位：")):
            assert p.paragraph_format.keep_with_next, p.text
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    footer = zipfile.ZipFile(out).read("word/footer1.xml").decode("utf-8")
    assert "PAGE" in footer and "第" in footer and "页" in footer
