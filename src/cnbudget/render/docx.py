"""A produced disclosure as a Word document (python-docx): headings, paragraphs, and tables
whose header cells are merged the way the official tables print them.

Paginated the way a reader expects: a table's title, 编制部门 and 单位 lines are kept with the
table's first rows (never alone at the foot of a page), the header rows repeat on every page a
table runs over, a heading stays with what follows it, and every page's footer carries
"第 N 页" (a PAGE field Word fills in).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from cnbudget.produce.document import Heading, Para, Produced, TableBlock
from cnbudget.render.layout import PrintedTable, printed

EAST_ASIAN_FONT = "SimSun"


def _east_asian(run, font: str = EAST_ASIAN_FONT) -> None:
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), font)


def _set_style_font(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10.5)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _cell_text(cell, text: str, *, bold: bool = False, right: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(8)
    _east_asian(run)
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _field(paragraph, instruction: str) -> None:
    """A Word field (``PAGE``) whose value Word computes when it lays the page out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def _page_numbers(section) -> None:
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _east_asian(footer.add_run("第 "))
    _field(footer, "PAGE")
    _east_asian(footer.add_run(" 页"))


def _keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def _repeat_header(row) -> None:
    """Mark a table row as a header row Word repeats at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_table(doc, pt: PrintedTable) -> None:
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(pt.title)
    run.bold = True
    _east_asian(run)
    _keep_with_next(title)
    if pt.department:
        _keep_with_next(doc.add_paragraph(f"编制部门：{pt.department}"))
    _keep_with_next(doc.add_paragraph(f"单位：{pt.unit or '万元'}"))
    rows = pt.header_rows + len(pt.body)
    table = doc.add_table(rows=rows, cols=pt.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for m in pt.header_cells:
        cell = table.cell(m.row, m.col)
        if m.rowspan > 1 or m.colspan > 1:
            cell = cell.merge(table.cell(m.row + m.rowspan - 1, m.col + m.colspan - 1))
        _cell_text(cell, m.text, bold=True, center=True)
    for r in range(pt.header_rows):
        _repeat_header(table.rows[r])
        for cell in table.rows[r].cells:  # the header stays with the first body row
            for para in cell.paragraphs:
                _keep_with_next(para)
    for i, row in enumerate(pt.body):
        cells = table.rows[pt.header_rows + i].cells
        for c, text in enumerate(row):
            if text:
                _cell_text(cells[c], text, right=c in pt.amount_cols)
    for note in pt.notes:
        doc.add_paragraph(note)


def render_docx(doc_in: Produced, path: str | Path) -> None:
    doc = Document()
    _set_style_font(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    _page_numbers(section)
    for block in doc_in.blocks:
        if isinstance(block, Heading):
            h = doc.add_heading(block.text, level=min(block.level - 1, 3) if block.level > 1 else 0)
            _keep_with_next(h)
            for run in h.runs:
                _east_asian(run)
        elif isinstance(block, Para):
            p = doc.add_paragraph()
            _east_asian(p.add_run(block.text))
        elif isinstance(block, TableBlock):
            add_table(doc, printed(block.table, doc_in.meta.department, doc_in.meta.kind))
    doc.save(str(path))
