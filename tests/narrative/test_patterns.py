"""Figures in running text: what is a figure and what is not (dates, ordinals, thresholds)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cnbudget.narrative.patterns import find_figures, fold


def _figs(text: str) -> list[tuple[str, Decimal, str]]:
    return [(f.kind, f.value, f.unit) for f in find_figures(fold(text))]


def test_amount_with_thousands_and_ocr_spaces():
    assert _figs("收入合计 1, 442. 80 万元") == [("amount", Decimal("1442.80"), "万元")]
    assert _figs("支出 2,695.72万元") == [("amount", Decimal("2695.72"), "万元")]
    assert _figs("决算数 29. 4 万元") == [("amount", Decimal("29.4"), "万元")]


def test_printed_decimals_are_kept():
    (fig,) = find_figures("预算 9.40 万元")
    assert str(fig.value) == "9.40"


def test_percent_including_zero_point():
    assert _figs("占 0.%") == [("percent", Decimal("0"), "%")]
    assert _figs("占87.73％") == [("percent", Decimal("87.73"), "%")]


def test_bare_number_before_share_is_an_amount():
    assert _figs("档案保护支出360.31，占91.42%") == [
        ("amount", Decimal("360.31"), ""),
        ("percent", Decimal("91.42"), "%"),
    ]


def test_counts_keep_their_unit():
    assert _figs("共有车辆3辆，设备0台（套），接待来宾 40 人次") == [
        ("count", Decimal("3"), "辆"),
        ("count", Decimal("0"), "台(套)"),
        ("count", Decimal("40"), "人次"),
    ]


def test_dates_years_and_document_numbers_are_not_figures():
    assert _figs("2024 年 3 月") == []
    assert _figs("截至2023年12月31日") == []
    assert _figs("依据示办发〔2020〕20号") == []
    assert _figs("起止时间：2024年1月-2024年12月") == []
    assert _figs("联系电话 0871-12345678") == []


def test_ordinals_and_table_numbers_are_not_figures():
    assert _figs("1.一般公共服务支出") == []
    assert _figs("(2)立项依据") == []
    assert _figs("见表12反映") == []


def test_thresholds_ranges_and_approximations_are_not_figures():
    assert _figs("单价50万元以上通用设备0台（套）") == [("count", Decimal("0"), "台(套)")]
    assert _figs("预算支出100万元及100万元以上项目2个") == [("count", Decimal("2"), "个")]
    assert _figs("可自行选择 1-2 个项目") == []
    assert _figs("满意度≥90%") == []
    assert _figs("涉及资金 153 余万元") == []


def test_words_that_look_like_units_are_not():
    assert _figs("用时15分钟") == []
    assert _figs("3项目") == []


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=99),
    st.booleans(),
    st.booleans(),
)
def test_formatted_amount_round_trips(whole, cents, comma_space, point_space):
    """Any amount with thousands separators and OCR spaces reads back as its exact value."""
    grouped = f"{whole:,}".replace(",", ", " if comma_space else ",")
    printed = f"{grouped}.{' ' if point_space else ''}{cents:02d}"
    (fig,) = find_figures(fold(f"支出合计{printed}万元"))
    assert fig.value == Decimal(f"{whole}.{cents:02d}")
    assert fig.kind == "amount"


def test_a_threshold_with_han_is_no_figure():
    from cnbudget.narrative.patterns import find_figures

    assert [f.value for f in find_figures("单位价值 100 万元(含)以上设备 0 台(套)。")] == [0]
