"""Integrity of the catalog data files in codes/data."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from cnbudget.codes.catalog import CATALOGS, entries, function_code
from cnbudget.codes.classes import FUNCTION_CLASSES, function_class_code

DATA = resources.files("cnbudget.codes").joinpath("data")


def _rows(catalog: str) -> list[dict[str, str]]:
    text = DATA.joinpath(CATALOGS[catalog].file).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("catalog", sorted(CATALOGS))
def test_rows_are_well_formed(catalog):
    lengths = CATALOGS[catalog].code_lengths
    for row in _rows(catalog):
        code = row["code"]
        assert code.isdigit() and len(code) in lengths, row
        assert row["name"].strip() == row["name"] and row["name"], row
        for key in ("from", "to"):
            assert row[key] == "" or (row[key].isdigit() and 1990 < int(row[key]) < 2100), row
        if row["from"] and row["to"]:
            assert int(row["from"]) <= int(row["to"]), row


@pytest.mark.parametrize("catalog", sorted(CATALOGS))
def test_every_parent_exists(catalog):
    codes = {row["code"] for row in _rows(catalog)}
    for code in codes:
        if len(code) > 3:
            parent = code[:3] if len(code) == 5 else code[:5]
            assert parent in codes, f"{code}: parent {parent} missing"


@pytest.mark.parametrize("catalog", sorted(CATALOGS))
def test_no_code_has_two_names_in_one_year(catalog):
    ranges: dict[str, list[tuple[float, float]]] = {}
    for row in _rows(catalog):
        lo = int(row["from"]) if row["from"] else float("-inf")
        hi = int(row["to"]) if row["to"] else float("inf")
        for other_lo, other_hi in ranges.get(row["code"], []):
            assert hi < other_lo or other_hi < lo, f"{row['code']}: overlapping year ranges"
        ranges.setdefault(row["code"], []).append((lo, hi))


@pytest.mark.parametrize("catalog", sorted(CATALOGS))
def test_children_are_not_older_than_their_parent(catalog):
    """A code valid in a year must have a parent valid in that year (checked at the
    edges of the catalog's covered editions)."""
    info = CATALOGS[catalog]
    for year in (info.first_year, info.last_year):
        valid = {e.code for e in entries(catalog, year)}
        for e in entries(catalog, year):
            if e.parent is not None:
                assert e.parent in valid, f"{e.code} valid in {year} but parent {e.parent} is not"


def test_sources_document_names_every_file():
    sources = DATA.joinpath("SOURCES.md").read_text(encoding="utf-8")
    for info in CATALOGS.values():
        assert info.file in sources


def test_classes_module_agrees_with_the_catalog():
    for code, name in FUNCTION_CLASSES.items():
        entry = function_code(code)
        assert entry is not None, code
        assert entry.name == name, code
        assert function_class_code(name) == code


@pytest.mark.parametrize(("code", "name"), [
    ("2060203", "自然科学基金"), ("2060204", "实验室及相关设施"), ("2060206", "专项基础科研"),
    ("2060207", "专项技术基础"), ("2060208", "科技人才队伍建设"), ("2060404", "科技成果转化与扩散"),
])
def test_science_items_carry_the_numbers_departments_print(code, name):
    # 20602 / 20604 items as five cities' 2026 budgets print them (SOURCES.md); an earlier
    # compilation had them shifted by one, so 专项基础科研 printed as 2060206 was called wrong
    entry = function_code(code, 2026)
    assert entry is not None and entry.name == name
