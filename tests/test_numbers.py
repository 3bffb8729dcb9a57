"""Number parsing and the rounding interval (DESIGN.md: Numbers and tolerance)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cnbudget.numbers import Interval, consistent_sum, count_number, decimals, parse_amount, parse_percent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,942.11", "1942.11"),
        ("1, 442. 80", "1442.80"),
        ("1942.1", "1942.1"),
        ("１２.５", "12.5"),
        ("（12.5）", "-12.5"),
        ("-3.20", "-3.20"),
        ("+406.39", "406.39"),  # a 变化 row signs its increases (corpus c162 p10)
        ("79", "79"),
        ("0.00", "0.00"),
        ("120258,600", "120258600"),  # only the last separator printed (上海 预算单位 tables)
    ],
)
def test_amounts_as_printed(text: str, expected: str) -> None:
    value = parse_amount(text)
    assert value == Decimal(expected)
    assert str(value) == expected  # the printed decimals are kept


@pytest.mark.parametrize("text", ["", "-", "—", "  ", None, "合计", "2024年", "12.3.4", "1,94", "1234,56"])
def test_blank_dash_and_words_are_absent(text: str | None) -> None:
    assert parse_amount(text) is None


def test_percent() -> None:
    assert parse_percent("87.73%") == Decimal("87.73")
    assert parse_percent("12 ％") == Decimal("12")


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_formatted_amounts_round_trip(value: Decimal) -> None:
    grouped = f"{value:,.2f}"
    assert parse_amount(grouped) == value
    ocr = grouped.replace(",", ", ").replace(".", ". ")  # OCR puts spaces after separators
    assert parse_amount(ocr) == value
    full_width = grouped.translate(str.maketrans("0123456789.,", "０１２３４５６７８９．，"))
    assert parse_amount(full_width) == value
    parsed = parse_amount(grouped)
    assert parsed is not None and decimals(parsed) == 2


@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=4), min_size=1, max_size=12))
@example([Decimal("71.0950")] * 3)  # half-even would print 213.28 for the sum: documents round half up
def test_rounded_parts_are_consistent_with_their_rounded_sum(parts: list[Decimal]) -> None:
    printed = [p.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for p in parts]
    total = sum(parts, Decimal(0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert consistent_sum(printed, total)


def test_a_sum_off_by_more_than_rounding_is_inconsistent() -> None:
    assert not consistent_sum([Decimal("378.26"), Decimal("5.56"), Decimal("104.51")], Decimal("488.36"))
    assert consistent_sum([Decimal("378.26"), Decimal("5.56"), Decimal("104.51")], Decimal("488.34"))


def test_interval_of_an_integer_is_half_a_unit() -> None:
    assert Interval.of(Decimal("79")) == Interval(Decimal("78.5"), Decimal("79.5"))


# any Decimal a document or a computation may hold: plain, scientific, tiny, signed, special
any_decimals = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.builds(lambda n, e: Decimal(n).scaleb(e), st.integers(-(10**15), 10**15), st.integers(-12, 6)),
)


@given(any_decimals)
@example(Decimal("1E+2"))
@example(Decimal("0.0000001"))
@example(Decimal("-0.00"))
def test_decimals_read_from_the_text_are_the_exponent(value: Decimal) -> None:
    exp = value.as_tuple().exponent
    assert decimals(value) == (max(0, -exp) if isinstance(exp, int) else 0)


@pytest.mark.parametrize("printed,n", [("12", 12), ("八", 8), ("两", 2), ("十", 10), ("十三", 13), ("二十", 20),
                                       ("二十七", 27)])
def test_a_count_in_digits_or_chinese_numerals(printed, n):
    assert count_number(printed) == n


@pytest.mark.parametrize("printed", ["若干", "十十", "一百", ""])
def test_what_is_no_count_is_none(printed):
    assert count_number(printed) is None
