"""A finding's place on its PDF page: the crop shows the row, and the cell the finding speaks
of is boxed — the right one of two equal figures, the right side of a two-sided line, on a
page turned by ``/Rotate`` as on an upright one."""

from __future__ import annotations

import base64
import io
from decimal import Decimal
from pathlib import Path

import pytest

from cnbudget.model import Finding
from cnbudget.parse import parse_file
from cnbudget.render.page_crop import BOX_COLOR, DEFAULT, PageCropper, crop_target, find_cell, finding_crops

pytest.importorskip("reportlab", reason="reportlab draws the PDF fixture (pip install reportlab)")
Image = pytest.importorskip("PIL.Image", reason="Pillow draws the crops")

from tests.readers import test_pdf_fixture as fx  # noqa: E402  (after the skip: it draws with reportlab)

# x of the fixture's column edges on pages 1-2 (x0 = 40, then fx.WIDTHS)
EDGES = [40.0]
for w in fx.WIDTHS:
    EDGES.append(EDGES[-1] + w)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    return fx.build(tmp_path_factory.mktemp("crop") / "示例市数据管理局2025年部门预算.pdf")


@pytest.fixture(scope="module")
def disclosure(pdf):
    return parse_file(pdf)


def _column_of(x: float) -> int:
    return next(i for i in range(len(EDGES) - 1) if EDGES[i] <= x < EDGES[i + 1])


def _cell(pdf: Path, disclosure, f: Finding):
    target = crop_target(disclosure, f)
    assert target is not None
    with PageCropper(pdf.read_bytes()) as c:
        return target, find_cell(c.glyphs(target.page), target)


def test_the_second_of_two_equal_figures_is_boxed_in_its_own_column(pdf, disclosure):
    # 2010101 行政运行 prints 12.50 under 合计 and again under 人员经费
    for column, printed_column in (("total", 2), ("personnel", 3), ("public", 4)):
        f = Finding("sum.columns", "error", "x", table="expenditure", row="2010101", column=column)
        target, cell = _cell(pdf, disclosure, f)
        assert target.page == 1 and cell is not None
        assert _column_of((cell[0] + cell[2]) / 2) == printed_column, column


def test_two_sided_line_boxes_the_side_the_finding_names(pdf, disclosure):
    # 收入总计 1,942.11 | 支出总计 1,942.11 on one printed line (landscape page 3)
    income = Finding("summary.balance", "error", "x", table="summary", row="income.grand_total", column="total")
    spend = Finding("summary.balance", "error", "x", table="summary", row="expenditure.grand_total", column="total")
    _, left = _cell(pdf, disclosure, income)
    _, right = _cell(pdf, disclosure, spend)
    assert left is not None and right is not None
    assert left[2] < 400 < right[0]  # the income half ends at x=420 in the fixture


def _red(img) -> list[tuple[int, int]]:
    rgb = img.convert("RGB")
    return [(x, y) for y in range(rgb.height) for x in range(rgb.width)
            if sum(abs(a - b) for a, b in zip(rgb.getpixel((x, y)), BOX_COLOR, strict=True)) < 60]


# page 3 is landscape; page 4 a /Rotate 90 page read turned upright (whose right part the
# fixture draws beyond its media box: not shown by any viewer, so its income half is used)
@pytest.mark.parametrize(("table", "side"), [("summary", "expenditure"), ("fiscal_summary", "income")])
def test_crop_is_a_bounded_png_with_the_box_around_the_printed_figure(pdf, disclosure, table, side):
    f = Finding("summary.balance", "error", "x", table=table, row=f"{side}.grand_total", column="total",
                actual=Decimal("1942.11"))
    (uri,) = finding_crops(disclosure, [f])
    assert uri is not None and uri.startswith("data:image/png;base64,")
    img = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    assert img.width <= DEFAULT.max_width and img.height <= DEFAULT.max_height
    assert img.width > 2 * img.height  # the row reads across, upright, on the turned page too
    red = _red(img)
    assert red, "no box drawn"
    xs, ys = [x for x, _ in red], [y for _, y in red]
    assert max(xs) - min(xs) < img.width / 3  # a cell, not the whole line
    assert (min(xs) > img.width / 2) == (side == "expenditure")  # expenditure right, income left
    inside = img.convert("L").crop((min(xs) + 4, min(ys) + 4, max(xs) - 4, max(ys) - 4))
    assert inside.getextrema()[0] < 100  # the printed figure is inside the box


def test_info_findings_and_other_formats_get_no_crop(pdf, disclosure):
    from dataclasses import replace

    f = Finding("x.y", "info", "x", table="expenditure", row="2010101", column="total")
    assert finding_crops(disclosure, [f]) == [None]
    g = replace(f, severity="error")
    assert finding_crops(replace(disclosure, format="text"), [g]) == [None]
    assert finding_crops(replace(disclosure, file=str(pdf.with_name("gone.pdf"))), [g]) == [None]  # file gone


def test_one_crop_per_place_and_at_most_max_crops(pdf, disclosure):
    from cnbudget.render.page_crop import CropSettings

    fs = [Finding("sum.columns", "error", "x", table="expenditure", row=code, column="total")
          for code in ("201", "2010101", "201", "2010150")]
    crops = finding_crops(disclosure, fs, settings=CropSettings(max_crops=2))
    assert crops[0] == crops[2] and crops[0] != crops[1]
    assert crops[3] is None  # past the bound
