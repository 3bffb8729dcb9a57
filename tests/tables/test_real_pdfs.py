"""The table stage on layouts seen in the real published PDFs (../shared/real/)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from cnbudget.model import Disclosure
from cnbudget.parse import parse_file
from tests.conftest import REAL


@cache
def real(name: str) -> Disclosure:
    path: Path = REAL / name
    if not path.is_file():
        pytest.skip(f"real PDFs not found at {REAL} (../shared/real is beside the project in CI)")
    return parse_file(path)


def test_zhejiang_name_only_rows_get_codes_from_the_catalog() -> None:
    t = real("real_06.pdf").table("expenditure")
    assert t is not None
    row = t.row_by_code("2060404")  # 科学技术支出 / 技术研究与开发 / 科技成果转化与扩散
    assert row is not None and row.name == "科技成果转化与扩散"
    assert row.repairs and "按名称" in row.repairs[0].reason
    assert t.column_ids()[:3] == ["total", "personnel", "public"]  # 人员支出 / 日常公用支出


def test_three_public_table_with_a_unit_column() -> None:
    t = real("real_06.pdf").table("three_public")
    assert t is not None
    total = t.total_row()
    assert total is not None and total.values["total"] == Decimal("24.02")
    assert total.values["vehicle"] + total.values["reception"] == Decimal("24.02")
    assert [r.item for r in t.rows].count("unit") == 2


def test_three_public_with_meeting_and_training_columns() -> None:
    t = real("real_08.pdf").table("three_public")
    assert t is not None
    v = t.total_row().values  # type: ignore[union-attr]
    assert v["all_total"] == Decimal("2599.37") and v["total"] == Decimal("670.12")
    assert v["total"] == v["abroad"] + v["vehicle"] + v["reception"]


def test_three_public_header_in_its_own_order() -> None:
    t = real("real_03.pdf").table("three_public")
    assert t is not None
    v = t.total_row().values  # type: ignore[union-attr]
    assert v["vehicle"] == v["vehicle_purchase"] + v["vehicle_operation"]
    assert v["total"] == v["abroad"] + v["vehicle"] + v["reception"]


def test_two_digit_section_codes_expanded_under_their_class() -> None:
    t = real("real_07.pdf").tables_of("general_expenditure")[0]
    row = t.row_by_code("20110")
    assert row is not None and row.name == "人力资源事务"
    assert row.repairs[0].original == "10"


def test_one_line_table_without_names_is_its_total() -> None:
    t = real("real_08.pdf").table("expenditure")
    assert t is not None
    total = t.total_row()
    assert total is not None and total.values["total"] == Decimal("28849.38")
    assert "c4" in t.column_ids() and t.uncertain  # 单位预留机动经费: kept, not guessed


def test_tables_continued_over_pages_are_joined() -> None:
    d = real("real_04.pdf")
    assert len(d.tables_of("expenditure")) == 1
    t = d.table("expenditure")
    assert t is not None and t.row_by_code("21011") is not None and t.row_by_code("208") is not None


def test_summary_with_a_third_group_of_purposes() -> None:
    t = real("real_08.pdf").table("summary")
    assert t is not None
    assert t.row_by_item("expenditure", "204").values == {"total": Decimal("23513.11")}  # type: ignore[union-attr]
    assert t.row_by_item("expenditure", "current_total").values == {"total": Decimal("28849.38")}  # type: ignore[union-attr]
    # the third group (支出用途) is read as item-less expenditure lines: the same spending by purpose
    purposes = {r.name: r.values["total"] for r in t.rows if r.side == "expenditure" and r.item is None and not r.code}
    assert purposes == {"基本支出": Decimal("17123.19"), "项目支出": Decimal("11543.27"),
                        "单位预留机动经费": Decimal("182.92")}
    assert not t.uncertain
