"""The page number a PDF page prints (its footer or header) is kept on every block of that page
as ``Source.printed_page``; a page that prints none has none (reports then say "PDF 第 N 页")."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnbudget.document import Grid, Source
from cnbudget.readers import read_document
from cnbudget.readers.pdf import printed_page_of

pytest.importorskip("reportlab", reason="reportlab is needed to draw the PDF fixtures (pip install reportlab)")


@pytest.mark.parametrize(("text", "printed"), [
    ("- 12 -", "12"), ("—5—", "5"), ("12", "12"), ("第3页 共9页", "3"), ("第 12 页", "12"), ("3/9", "3"),
    ("Page 4 of 9", "4"), ("ii", "ii"), ("- iv -", "iv"),
])
def test_the_printed_number_of_a_page_number_line(text: str, printed: str) -> None:
    assert printed_page_of(text) == printed


@pytest.mark.parametrize("text", ["单位：万元", "2025年部门预算", "公开01表", ""])
def test_a_line_that_is_no_page_number_has_none(text: str) -> None:
    assert printed_page_of(text) is None


def _draw(path: Path, footers: list[str | None]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    for i, footer in enumerate(footers):
        c.setFont("STSong-Light", 14)
        c.drawString(72, h - 100, f"第{i + 1}部分 示例市数据管理局2025年部门预算说明")
        c.setFont("STSong-Light", 10)
        c.drawString(72, h - 130, "本部门2025年收入预算合计1942.11万元。")
        if footer:
            c.drawCentredString(w / 2, 30, footer)
        c.showPage()
    c.save()
    return path


def test_a_cover_without_number_then_pages_numbered_from_one(tmp_path: Path) -> None:
    doc = read_document(_draw(tmp_path / "numbered.pdf", [None, "- 1 -", "第2页 共3页", "- 3 -"]))
    by_page = {b.source.page: b.source.printed_page for b in doc.blocks}
    assert by_page == {1: None, 2: "1", 3: "2", 4: "3"}
    assert not any("- 1 -" in getattr(b, "text", "") for b in doc.blocks)  # still dropped as furniture


def test_grid_rows_carry_the_printed_page(tmp_path: Path) -> None:
    import test_pdf_fixture as fx  # draws every page with a footer "- n -"

    doc = read_document(fx.build(tmp_path / "示例市数据管理局2025年部门预算.pdf"))
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    assert grids
    for g in grids:
        assert g.source.printed_page == str(g.source.page)
        assert {s.printed_page for s in g.row_sources} == {str(g.source.page)}


def test_printed_page_in_the_json_source_and_the_short_label() -> None:
    s = Source(page=14, printed_page="12", box=(1.0, 2.0, 3.0, 4.0))
    assert s.to_json() == {"page": 14, "printed_page": "12", "box": [1.0, 2.0, 3.0, 4.0]}
    assert s.label() == "第12页"
    assert Source(page=14).label() == "PDF第14页"


def test_parse_json_gives_each_row_its_printed_page(tmp_path: Path) -> None:
    import json

    import test_pdf_fixture as fx
    from typer.testing import CliRunner

    from cnbudget.cli import app

    pdf = fx.build(tmp_path / "示例市数据管理局2025年部门预算.pdf")
    r = CliRunner().invoke(app, ["parse", str(pdf), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = [row for t in json.loads(r.stdout)["tables"] for row in t["rows"]]
    assert rows and all(row["source"]["printed_page"] == str(row["source"]["page"]) for row in rows)
