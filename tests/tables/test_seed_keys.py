"""The five seeds: every standard table recognised with the right kind, every numeric cell of
the financial tables read exactly (compared with the cell keys in bench/keys/)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from bench.keys import KEYS, cells
from cnbudget.parse import parse_file
from tests.conftest import seed_path

EXPECTED_KINDS = {
    "000": ["summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
            "economic_summary", "three_public", "gov_fund", "projects", "carryover", "performance_targets",
            "performance_targets"],
    "001": ["summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
            "three_public", "gov_fund", "state_capital", "projects", "performance_targets", "performance_targets"],
    "002": ["summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
            "three_public", "gov_fund", "performance_review", "performance_review", "performance_review"],
    "003": ["summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
            "gov_fund", "state_capital", "three_public", "performance_review", "performance_review",
            "performance_review"],
    "004": ["other", "fiscal_summary", "general_expenditure", "basic_expenditure", "gov_fund", "summary", "income",
            "expenditure", "state_capital", "projects", "procurement", "purchased_services",
            "performance_targets", "performance_targets", "performance_targets", "performance_targets",
            "performance_targets", "performance_targets", "performance_targets", "performance_targets",
            "performance_targets", "performance_targets"],
}


@pytest.mark.parametrize("seed", sorted(EXPECTED_KINDS))
def test_every_standard_table_recognised(seed: str) -> None:
    d = parse_file(seed_path(seed))
    assert [t.kind for t in d.tables] == EXPECTED_KINDS[seed]


@pytest.mark.parametrize("seed", sorted(EXPECTED_KINDS))
def test_every_numeric_cell_read_exactly(seed: str) -> None:
    d = parse_file(seed_path(seed))
    key = json.loads((KEYS / f"{seed}.json").read_text(encoding="utf-8"))
    got = cells(d)
    as_set = lambda xs: {(c["table"], c["n"], c["row"], c["column"], c["value"]) for c in xs}  # noqa: E731
    missing = as_set(key) - as_set(got)
    extra = as_set(got) - as_set(key)
    assert not missing and not extra, f"missing {sorted(missing)[:5]} extra {sorted(extra)[:5]}"


@pytest.mark.parametrize("seed", sorted(EXPECTED_KINDS))
def test_key_values_stand_in_their_source_line(seed: str) -> None:
    """The key is about the document: each value is printed on the line it names."""
    lines = seed_path(seed).read_text(encoding="utf-8").splitlines()
    for c in json.loads((KEYS / f"{seed}.json").read_text(encoding="utf-8")):
        assert c["value"] in re.sub(r"[\s,]", "", lines[c["line"] - 1]), c


def _values(path: Path, kind: str, key: str, n: int = 0) -> dict[str, Decimal]:
    t = parse_file(path).tables_of(kind)[n]
    row = next(r for r in t.rows if key in (r.code, r.item, f"{r.side}:{r.item}"))
    return dict(row.values)


def test_anyang_2024_expenditure_groups() -> None:
    v = _values(seed_path("000"), "expenditure", "2101501")
    assert v == {"total": Decimal("488.34"), "basic": Decimal("488.34"), "wages": Decimal("378.26"),
                 "household": Decimal("5.56"), "goods_services": Decimal("104.51")}


def test_puyang_income_carryover_moved_back_under_its_header() -> None:
    v = _values(seed_path("001"), "income", "total")
    assert v["carryover"] == Decimal("20.00") and "other" not in v


def test_puyang_fiscal_summary_one_decimal_kept() -> None:
    v = _values(seed_path("001"), "fiscal_summary", "income:current_total")
    assert str(v["total"]) == "1942.1"


def test_anyang_2021_ocr_amounts_and_blank_carryover() -> None:
    s = parse_file(seed_path("002")).table("summary")
    assert s is not None
    assert s.row_by_item("income", "general_budget").values == {"total": Decimal("1442.80")}  # type: ignore[union-attr]
    assert s.row_by_item("income", "carryover").values == {}  # type: ignore[union-attr]
    assert s.row_by_item("expenditure", "grand_total").values == {"total": Decimal("2695.72")}  # type: ignore[union-attr]


def test_youxian_basic_table_slid_code() -> None:
    t = parse_file(seed_path("003")).table("basic_expenditure")
    assert t is not None
    assert t.row_by_code("30226").values == {}  # type: ignore[union-attr]
    assert t.row_by_code("399").name == "其他支出"  # type: ignore[union-attr]
    assert t.row_by_code("30228").values == {"total": Decimal("19.24")}  # type: ignore[union-attr]


def test_suzhou_truncated_codes_repaired_and_recorded() -> None:
    t = parse_file(seed_path("004")).table("income")
    assert t is not None
    row = t.row_by_code("2101599")
    assert row is not None and row.repairs[0].original == "210159"
    assert row.values["transfer"] == Decimal("1.43")


def test_performance_target_figures_read_from_their_labels() -> None:
    t = parse_file(seed_path("000")).tables_of("performance_targets")[0]
    figures = {k: v for r in t.rows for k, v in r.values.items()}
    assert figures == {"total": Decimal("644.06"), "gov_budget_funds": Decimal("644.06"),
                       "basic": Decimal("565.06"), "project": Decimal("79")}
