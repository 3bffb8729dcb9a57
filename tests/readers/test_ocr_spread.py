"""An OCR box holding neighbouring cells' numbers ("0.10.20.312345678") is cut into glyphs in
proportion to how wide each character prints, so the cell border falls between the numbers."""

from __future__ import annotations

from cnbudget.readers.pdf_ocr import spread

DIGIT, POINT = 0.55, 0.27  # em widths of a digit and of "." in the CJK fonts' Latin part


def test_a_point_is_narrow_so_the_border_between_two_numbers_stays_put():
    left, right = "0.10.20.3", "12345678"  # three short figures, then a long one (box of four cells)
    width_of = {**dict.fromkeys("0123456789", DIGIT), ".": POINT}
    em = 10.0
    border = sum(width_of[c] for c in left) * em  # where the first cell's rule is
    total = border + sum(width_of[c] for c in right) * em
    glyphs = spread(left + right, 0.0, 0.0, total, em)
    centre = [(g.x0 + g.x1) / 2 for g in glyphs]
    assert all(c < border for c in centre[: len(left)])
    assert all(c > border for c in centre[len(left):])


def test_cjk_characters_stay_a_full_em():
    glyphs = spread("合计12", 0.0, 0.0, 31.0, 10.0)
    assert [g.text for g in glyphs] == ["合", "计", "1", "2"]
    assert glyphs[0].x1 - glyphs[0].x0 > 1.5 * (glyphs[2].x1 - glyphs[2].x0)


def test_the_engines_output_becomes_boxes_and_an_empty_page_none() -> None:
    from types import SimpleNamespace

    from cnbudget.readers.pdf_ocr import _boxes

    box = [[0, 0], [10, 0], [10, 5], [0, 5]]
    out = SimpleNamespace(boxes=[box], txts=("合计",), scores=(0.99,))
    assert _boxes(out) == [(box, "合计", 0.99)]
    assert _boxes(SimpleNamespace(boxes=None, txts=None, scores=None)) == []
    assert _boxes(None) == []
