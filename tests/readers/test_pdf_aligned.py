"""Tables printed as aligned text (``readers/pdf_aligned``): fictional PDFs drawn with reportlab —
no ruling lines at all, a 三线表 (three rules), a two-level header, a name wrapped over two
lines, narrative text with numbers right above the table — read cell by cell and through
``parse_file``; narrative pages yield no grid; the real PDFs' ruled grids are unchanged."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from cnbudget.document import Document, Grid, Paragraph
from cnbudget.readers import read_document

pytest.importorskip("reportlab", reason="reportlab is needed to draw the PDF fixtures (pip install reportlab)")

DEPT = "示例县档案馆"
TITLE = "2025年部门支出预算表"
NARRATIVE = [
    "三、支出预算情况说明：2025年支出预算1,286.40万元，比上年增加86.40万元，增长7.2%。其中：基本",
    "支出1,036.40万元，占80.6%；项目支出250.00万元，占19.4%，主要用于数字档案资源建设。",
]

# one level: (line, first column, last column, label)
HEAD1 = [(0, 0, 0, "科目编码"), (0, 1, 1, "科目名称"), (0, 2, 2, "合计"), (0, 3, 3, "基本支出"), (0, 4, 4, "项目支出")]
BODY1 = [
    ("", "合计", "1,286.40", "1,036.40", "250.00"),
    ("201", "一般公共服务支出", "1,086.40", "836.40", "250.00"),
    ("20126", "档案事务", "1,086.40", "836.40", "250.00"),
    ("2012601", "行政运行", "836.40", "836.40", ""),
    ("2012604", "档案馆（数字档案资源建设与馆藏档案保护修复）", "250.00", "", "250.00"),
    ("208", "社会保障和就业支出", "200.00", "200.00", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "200.00", "200.00", ""),
]
WIDTHS1 = [55, 170, 80, 80, 80]

# two levels, labels top-aligned in their cells: 基本支出 over 人员经费 / 公用经费
HEAD2_TOP = [(0, 0, 0, "科目编码"), (0, 1, 1, "科目名称"), (0, 2, 2, "合计"), (0, 3, 4, "基本支出"),
             (0, 5, 5, "项目支出"), (1, 3, 3, "人员经费"), (1, 4, 4, "公用经费")]
# the same with single-level labels centred vertically: three text lines
HEAD2_MID = [(0, 3, 4, "基本支出"), (0.5, 0, 0, "科目编码"), (0.5, 1, 1, "科目名称"), (0.5, 2, 2, "合计"),
             (0.5, 5, 5, "项目支出"), (1, 3, 3, "人员经费"), (1, 4, 4, "公用经费")]
BODY2 = [
    ("", "合计", "1,286.40", "905.20", "131.20", "250.00"),
    ("201", "一般公共服务支出", "1,086.40", "735.20", "101.20", "250.00"),
    ("20126", "档案事务", "1,086.40", "735.20", "101.20", "250.00"),
    ("2012601", "行政运行", "836.40", "735.20", "101.20", ""),
    ("2012604", "档案馆（数字档案资源建设与馆藏档案保护修复）", "250.00", "", "", "250.00"),
    ("208", "社会保障和就业支出", "200.00", "170.00", "30.00", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "200.00", "170.00", "30.00", ""),
]
WIDTHS2 = [55, 150, 70, 70, 70, 70]

EXPECTED1 = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], *map(list, BODY1)]
EXPECTED2 = [["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"],
             ["", "", "", "人员经费", "公用经费", ""], *map(list, BODY2)]
MERGES2 = ((0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5))


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _aligned_table(c, font: str, page_h: float, x0: float, top: float, widths: list[float], head: list,
                   body: list, rules: bool = False, row_h: float = 18.0, size: float = 9.0) -> float:
    """Draw a table as text only: header labels centred over their columns, codes and names
    left-aligned, figures right-aligned, a too-long name wrapped onto a second line (figures on
    the first, as Word's top-aligned cells print them).  ``rules``: the three rules of a 三线表.
    Returns the y (from the top) below the table."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    c.setFont(font, size)
    c.setLineWidth(0.8)
    nhead = int(max(line for line, *_ in head)) + 1
    if rules:
        c.line(xs[0], page_h - (top - 4), xs[-1], page_h - (top - 4))
    for line, c0, c1, text in head:
        y = top + line * row_h + size
        c.drawCentredString((xs[c0] + xs[c1 + 1]) / 2, page_h - y, text)
    y = top + nhead * row_h - 4
    if rules:
        c.line(xs[0], page_h - y, xs[-1], page_h - y)
    y += 4
    for row in body:
        extra = 0.0
        for j, text in enumerate(row):
            if not text:
                continue
            base = page_h - (y + size)
            if j >= 2:
                c.drawRightString(xs[j + 1] - 3, base, text)
                continue
            room = xs[j + 1] - xs[j] - 6
            if c.stringWidth(text, font, size) > room:
                cut = int(len(text) * room / c.stringWidth(text, font, size))
                c.drawString(xs[j] + 3, base, text[:cut])
                c.drawString(xs[j] + 3, base - (size + 2), text[cut:])
                extra = size + 2
            else:
                c.drawString(xs[j] + 3, base, text)
        y += row_h + extra
    if rules:
        c.line(xs[0], page_h - (y + 2), xs[-1], page_h - (y + 2))
    return y + 2


def build(path: Path, variant: str) -> Path:
    """One page: title, department and unit, then the table in the given variant."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 16)
    c.drawCentredString(w / 2, h - 70, TITLE)
    c.setFont(font, 9)
    c.drawString(55, h - 95, f"部门：{DEPT}")
    c.drawRightString(540, h - 95, "单位：万元")
    top = 115.0
    if variant == "narrative":
        c.setFont(font, 10.5)
        for k, text in enumerate(NARRATIVE):
            c.drawString(55, h - (top + 10 + k * 16), text)
        top += 45
    if variant in ("plain", "three_line", "narrative"):
        end = _aligned_table(c, font, h, 55, top, WIDTHS1, HEAD1, BODY1, rules=variant == "three_line")
    else:
        head = HEAD2_TOP if variant == "two_level" else HEAD2_MID
        end = _aligned_table(c, font, h, 55, top, WIDTHS2, head, BODY2)
    c.setFont(font, 9)
    c.drawString(55, h - (end + 25), "注：本表反映2025年部门支出预算情况，金额单位为万元。")
    c.showPage()
    c.save()
    return path


def build_blank_column(path: Path) -> Path:
    """A last column blank in every row (only its label shows it) and 合计 centred across the
    code and name columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 16)
    c.drawCentredString(w / 2, h - 70, TITLE)
    body = [("", "", *BODY1[0][2:], ""), *((*r, "") for r in BODY1[1:])]
    _aligned_table(c, font, h, 40, 115, [55, 170, 80, 80, 80, 90], BLANK_HEAD, body)
    c.setFont(font, 9)
    c.drawCentredString(40 + 55, h - (115 + 18 + 4 + 9), "合    计")
    c.showPage()
    c.save()
    return path


BLANK_HEAD = [*HEAD1, (0, 5, 5, "事业单位经营支出")]


def build_narrative_only(path: Path) -> Path:
    """A page of 情况说明 text full of figures, a list of amounts among it: no table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 10.5)
    lines = [
        "一、收入支出预算总体情况",
        "    2025年收入预算1,286.40万元，支出预算1,286.40万元，与上年相比增加86.40万元，增长7.2%。",
        "主要原因是数字档案资源建设项目增加。",
        "二、支出预算情况说明",
        "    基本支出1,036.40万元，其中：",
        "    1．人员经费   905.20 万元",
        "    2．公用经费   131.20 万元",
        "    3．项目支出   250.00 万元",
        "三、“三公”经费预算情况说明",
        "    2025年“三公”经费预算12.50万元，比上年减少2.00万元，下降13.8%。",
    ]
    for k, text in enumerate(lines):
        c.drawString(55, h - (80 + k * 20), text)
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("aligned")
    out = {v: build(d / f"{DEPT}_{v}.pdf", v) for v in ("plain", "three_line", "two_level", "two_level_mid",
                                                         "narrative")}
    out["narrative_only"] = build_narrative_only(d / "说明.pdf")
    out["blank_column"] = build_blank_column(d / "空列.pdf")
    return out


def grids(doc: Document) -> list[Grid]:
    return [b for b in doc.blocks if isinstance(b, Grid)]


def cells(g: Grid) -> list[list[str]]:
    return [list(r) for r in g.rows]


@pytest.mark.parametrize("variant", ["plain", "three_line"])
def test_table_without_lines_is_read_cell_by_cell(pdfs: dict[str, Path], variant: str) -> None:
    doc = read_document(pdfs[variant])
    (g,) = grids(doc)
    assert cells(g) == EXPECTED1
    assert g.merges == ()
    assert "pdf.aligned_tables: 第1页" in doc.notes


def test_title_unit_and_note_stay_paragraphs_around_the_grid(pdfs: dict[str, Path]) -> None:
    doc = read_document(pdfs["plain"])
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in doc.blocks]
    assert kinds == [("Paragraph", TITLE), ("Paragraph", f"部门：{DEPT}"), ("Paragraph", "单位：万元"),
                     ("Grid", ""), ("Paragraph", "注：本表反映2025年部门支出预算情况，金额单位为万元。")]


def test_wrapped_name_continues_its_row(pdfs: dict[str, Path]) -> None:
    (g,) = grids(read_document(pdfs["plain"]))
    (row,) = [r for r in g.rows if r[0] == "2012604"]
    assert row[1] == "档案馆（数字档案资源建设与馆藏档案保护修复）"
    assert row[2:] == ("250.00", "", "250.00")


def test_row_sources_are_page_and_row_boxes(pdfs: dict[str, Path]) -> None:
    (g,) = grids(read_document(pdfs["three_line"]))
    assert len(g.row_sources) == len(g.rows)
    assert all(rs.page == 1 and rs.box is not None for rs in g.row_sources)
    tops = [rs.box[1] for rs in g.row_sources]
    assert tops == sorted(tops)
    gx0, gtop, gx1, gbottom = g.source.box
    assert all(gtop - 0.5 <= rs.box[1] < rs.box[3] <= gbottom + 0.5 for rs in g.row_sources)
    # the wrapped name's row covers both of its lines
    wrapped = g.row_sources[5].box
    assert wrapped[3] - wrapped[1] > 15


@pytest.mark.parametrize("variant", ["two_level", "two_level_mid"])
def test_two_level_header_spans_its_group(pdfs: dict[str, Path], variant: str) -> None:
    (g,) = grids(read_document(pdfs[variant]))
    assert cells(g) == EXPECTED2
    assert g.merges == MERGES2


def test_column_blank_in_every_row_comes_from_its_label(pdfs: dict[str, Path]) -> None:
    (g,) = grids(read_document(pdfs["blank_column"]))
    assert cells(g) == [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出", "事业单位经营支出"],
        ["合计", "", "1,286.40", "1,036.40", "250.00", ""],  # centred across code and name: a span
        *([*r, ""] for r in EXPECTED1[2:]),
    ]
    assert g.merges == ((1, 0, 1, 1),)


def test_narrative_with_numbers_right_above_stays_a_paragraph(pdfs: dict[str, Path]) -> None:
    doc = read_document(pdfs["narrative"])
    (g,) = grids(doc)
    assert cells(g) == EXPECTED1
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "".join(NARRATIVE) in texts
    assert doc.blocks.index(g) == texts.index("".join(NARRATIVE)) + 1


def test_narrative_page_yields_no_grid(pdfs: dict[str, Path]) -> None:
    doc = read_document(pdfs["narrative_only"])
    assert grids(doc) == []
    assert not any(n.startswith("pdf.aligned_tables") for n in doc.notes)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert any("905.20" in t for t in texts)


@pytest.mark.parametrize("variant", ["plain", "three_line", "two_level"])
def test_parse_file_reads_the_expenditure_table(pdfs: dict[str, Path], variant: str) -> None:
    from cnbudget.parse import parse_file

    d = parse_file(pdfs[variant])
    (t,) = [t for t in d.tables if t.kind == "expenditure"]
    rows = {r.code: r for r in t.rows if r.code}
    assert list(rows) == ["201", "20126", "2012601", "2012604", "208", "2080505"]
    assert rows["2012604"].name == "档案馆（数字档案资源建设与馆藏档案保护修复）"  # names keep their printed brackets
    assert rows["2012601"].values["total"] == Decimal("836.40")
    assert "project" not in rows["2012601"].values  # blank, not zero
    assert rows["2012604"].values["project"] == Decimal("250.00")
    if variant == "two_level":  # 基本支出 / 人员经费 → personnel, 基本支出 / 公用经费 → public
        assert rows["208"].values["personnel"] == Decimal("170.00")
        assert rows["208"].values["public"] == Decimal("30.00")
    else:
        assert rows["2012601"].values["basic"] == Decimal("836.40")


def test_scanned_aligned_table_is_read_through_ocr(pdfs: dict[str, Path], tmp_path: Path) -> None:
    pytest.importorskip("rapidocr", reason="OCR needs rapidocr")
    import test_pdf_fixture as fx

    doc = read_document(fx.build_scanned(pdfs["two_level"], tmp_path / "scan.pdf"))
    assert "ocr.pages: 1" in doc.notes and "pdf.aligned_tables: 第1页" in doc.notes
    (g,) = grids(doc)
    assert g.width == 6 and len(g.rows) == len(EXPECTED2)
    assert g.merges == MERGES2
    # codes and figures (OCR may still drop a decimal point: at most two such cells)
    wrong = [(r, c) for r in range(2, len(EXPECTED2)) for c in (0, 2, 3, 4, 5)
             if g.rows[r][c] != EXPECTED2[r][c]]
    assert len(wrong) <= 2, wrong


# ---------------------------------------------------------------------------------- real PDFs

REAL = Path(__file__).resolve().parents[3] / "shared" / "real"
# Grids per page ("page:count") read from the real disclosures before aligned-text tables were
# added: every one of them is ruled, and the aligned path must neither add nor lose any.
RULED_BASELINE = {
    "real_01.pdf": "7:1 8:1 9:1 10:1 11:1 12:1 13:1 14:1 15:1 30:1 31:1 32:1 33:1 34:1 35:1 36:1 46:1 48:1",
    "real_02.pdf": "5:1 6:1 7:1 8:1 9:1 10:1 11:1 12:1 13:1 14:1 15:1 16:1 17:1 18:1 19:1 20:1 21:1 22:1 23:1 29:1",
    "real_03.pdf": " ".join(f"{p}:1" for p in range(1, 29)),
    "real_04.pdf": "10:1 11:1 12:1 " + " ".join(f"{p}:1" for p in range(16, 35)),
    "real_05.pdf": " ".join(f"{p}:1" for p in range(12, 34)),
    "real_06.pdf": " ".join(f"{p}:1" for p in range(15, 26)),
    "real_07.pdf": "9:1 10:1 11:2 13:1 18:1 20:1 22:1 " + " ".join(f"{p}:1" for p in range(28, 53))
                   + " 53:2 54:2 55:1 56:1 57:1 58:1 59:2 60:2 61:2 62:2 63:2 64:1",
    "real_08.pdf": "11:1 12:2 13:4 14:2 15:3 16:2 17:3 18:1 20:2",
}


@pytest.mark.skipif(not (REAL / "real_01.pdf").exists(), reason=f"real PDFs not found in {REAL}")
@pytest.mark.parametrize("name", sorted(RULED_BASELINE))
def test_real_pdfs_keep_their_ruled_grids(name: str) -> None:
    doc = read_document(REAL / name)
    counts = Counter(b.source.page for b in doc.blocks if isinstance(b, Grid))
    assert " ".join(f"{p}:{n}" for p, n in sorted(counts.items())) == RULED_BASELINE[name]
    assert not any(n.startswith("pdf.aligned_tables") for n in doc.notes)
