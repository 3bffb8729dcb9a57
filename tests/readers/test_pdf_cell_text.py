"""The text of one ruled cell, as a reader of the printed page sees it."""

from __future__ import annotations

from cnbudget.readers.pdf_grid import Glyph, cell_text


def _line(text: str, x0: float, top: float, width: float = 7.2, height: float = 7.0) -> list[Glyph]:
    return [Glyph(ch, x0 + i * (width + 0.7), top, x0 + i * (width + 0.7) + width, top + height)
            for i, ch in enumerate(text)]


def test_a_wrapped_tail_painted_over_by_the_next_row_is_not_read() -> None:
    # the row above's "…保险缴" wrapped its "费" into this cell's top, where this row's own
    # name covers it: the page shows 职业年金缴费 only
    hidden = _line("费", 175.8, 476.4)
    shown = _line("职业年金缴费", 175.4, 480.6)
    assert cell_text(hidden + shown) == "职业年金缴费"


def test_two_lines_of_a_wrapped_name_are_both_read() -> None:
    first = _line("机关事业单位基本养老", 175.4, 470.0)
    second = _line("保险缴费", 175.4, 479.0)
    assert cell_text(first + second) == "机关事业单位基本养老保险缴费"


def test_a_short_line_beside_a_longer_one_is_kept() -> None:
    # a second line set apart to the right overlaps no glyph of the first: both are printed
    first = _line("基本工资", 175.4, 470.0)
    second = _line("津贴", 240.0, 473.0)
    assert cell_text(first + second) == "基本工资津贴"


def test_wrapped_lines_whose_loose_boxes_touch_are_both_read() -> None:
    # loose glyph boxes of a narrow header wrapped over two lines touch by a fraction of a point
    # ("一般公共预" / "算", corpus c186): the second line is printed, not hidden
    first = _line("一般公共预", 433.5, 469.2, width=8.8, height=9.5)
    second = _line("算", 451.8, 478.5, width=9.5, height=9.5)
    assert cell_text(first + second) == "一般公共预算"


def test_a_clipped_name_running_under_the_figure_of_the_next_cell_is_set_apart() -> None:
    # a unit's name too long for its cell runs on, hidden, under the 合计 of the next one: its
    # last characters and the figure's first digits are drawn over each other
    tail = _line("障中心", 221.8, 293.0, width=9.0, height=9.6)
    figure = _line("1839311.66", 232.7, 293.5, width=5.0, height=8.8)
    assert cell_text(tail + figure) == "障中心1839311.66"


def test_a_code_printed_beside_its_name_keeps_its_place() -> None:
    code = _line("2010101", 100.0, 300.0, width=5.0)
    name = _line("行政运行", 140.5, 300.0)
    assert cell_text(code + name) == "2010101行政运行"


def test_lines_of_text_and_figures_drawn_close_together_keep_their_order():
    # words and figures drawn over each other that are no name over one figure ("10,5" is none):
    # read in their places, as the page lays them out
    figures = _line("10,5", 100.0, 300.0, width=5.0)
    words = _line("个项目", 108.0, 300.5)
    assert cell_text(figures + words) == "10个,项5目"
