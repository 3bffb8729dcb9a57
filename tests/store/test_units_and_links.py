"""The library on SQLite and PostgreSQL: every figure stored with its unit and compared in one
unit (a document printed in 元 beside one printed in 万元), and departments renamed between
years linked so that comparisons and cross-year checks follow them."""

from __future__ import annotations

import csv
import random
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from cnbudget.compare.build import department_series, year_side_by_side
from cnbudget.compare.export import export
from cnbudget.errors import CnbudgetError
from cnbudget.store import Library
from cnbudget.store.cross_year import link_years, remove_link
from cnbudget.store.links import add_link, all_links
from cnbudget.store.read import findings_of
from cnbudget.store.schema import DepartmentLink, Document, FigureRecord
from tests.batch.corpus import build, write_corpus
from tests.compare.yuan import reprint_in_yuan
from tests.store.test_store import entry_of


@pytest.fixture(scope="module")
def two_departments(tmp_path_factory):
    """Two departments' 2024 budgets: the first as produced (万元), the second reprinted in 元."""
    folder = tmp_path_factory.mktemp("units")
    wan, other = write_corpus(folder, 2, years=(2024,), seed=11)
    yuan = reprint_in_yuan(other, folder / "in-yuan.txt")
    other.unlink()
    return wan, yuan


def test_a_document_in_yuan_is_compared_in_wan_yuan(db_url, two_departments, tmp_path):
    wan, yuan = two_departments
    with Library(db_url) as lib:
        a = lib.add(entry_of(wan)).document_id
        b = lib.add(entry_of(yuan)).document_id
        with lib.reading() as s:
            units = {(f.document_id, f.unit) for f in s.scalars(select(FigureRecord))}
            printed_b = s.scalars(select(FigureRecord).where(FigureRecord.document_id == b,
                                                             FigureRecord.key == "grand_total")).one().amount
        assert units == {(a, "万元"), (b, "元")}  # each figure keeps the unit its table printed
        c = year_side_by_side(lib, 2024)
        assert c.unit == "万元"
        by_doc = {col.document_id: i for i, col in enumerate(c.columns)}
        gt = c.row("grand_total").values
        assert gt[by_doc[b]] == printed_b / 10000  # converted, exactly
        assert {col.printed_unit for col in c.columns} == {"万元", "元"}
        # both on one scale: the departments are of the same size, so neither dwarfs the other
        assert Decimal("0.2") < gt[by_doc[a]] / gt[by_doc[b]] < Decimal(5)
        assert c.notes == ()

        in_yuan = year_side_by_side(lib, 2024, unit="元")
        assert in_yuan.unit == "元"
        assert in_yuan.row("grand_total").values[by_doc[a]] == gt[by_doc[a]] * 10000
        assert in_yuan.row("grand_total").values[by_doc[b]] == printed_b

    rows = list(csv.reader(export(c, tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {r[2] for r in rows[1:]} == {"万元"}
    from openpyxl import load_workbook

    wb = load_workbook(export(c, tmp_path / "c.xlsx"))
    tidy = list(wb["明细"].iter_rows(values_only=True))
    unit_col = tidy[0].index("unit")
    assert {r[unit_col] for r in tidy[1:]} == {"万元"}
    assert "单位：万元" in wb["对比"]["A1"].value


def test_a_figure_of_unknown_unit_is_left_out_and_said(db_url, two_departments):
    wan, _ = two_departments
    with Library(db_url) as lib:
        a = lib.add(entry_of(wan)).document_id
        with lib.writing() as s:  # as if the reader had found no unit anywhere
            for f in s.scalars(select(FigureRecord).where(FigureRecord.document_id == a, FigureRecord.key == "basic")):
                f.unit = None
        c = year_side_by_side(lib, 2024)
        assert c.row("basic").values == (None,)
        assert c.row("grand_total").values[0] is not None
        assert len(c.notes) == 1 and "未能识别金额单位" in c.notes[0]


def test_migration_adds_units_to_figures_already_stored(db_url):
    from cnbudget.store.db import make_engine, upgrade

    engine = make_engine(db_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO documents (content_hash, file, file_name, format, size, parser_version, unit, sections,"
            " notes, errors, warnings, infos, ingested_at) VALUES ('h', 'f', 'f', 'text', 0, 'old', '元', '[]', '[]',"
            " 0, 0, 0, '2026-01-01 00:00:00')"))
        doc = conn.execute(text("SELECT id FROM documents")).scalar_one()
        conn.execute(text("INSERT INTO figures (document_id, key, label, amount) VALUES (:d, 'grand_total', '收支总计',"
                          " '12.50')"), {"d": doc})
    engine.dispose()
    with Library(db_url) as lib, lib.reading() as s:
        assert s.scalars(select(FigureRecord)).one().unit == "元"
        assert s.scalars(select(DepartmentLink)).all() == []


def _renamed_pair(tmp_path):
    """A department's 2024 budget under its old name and its 2025 budget under the new one, whose
    narrative misstates last year's total (so a cross-year check has something to find)."""
    from cnbudget.produce.inputs import PreviousYear
    from cnbudget.render.text import render_text

    rng = random.Random(4)
    old, new = "虚构市卫生和计划生育委员会", "虚构市卫生健康委员会"
    y1 = build(old, "虚构市", 2024, rng)
    y2 = build(new, "虚构市", 2025, rng, PreviousYear(year=2024, grand_total=Decimal("1.00")))
    p1, p2 = tmp_path / "old2024.txt", tmp_path / "new2025.txt"
    p1.write_text(render_text(y1), encoding="utf-8")
    p2.write_text(render_text(y2), encoding="utf-8")
    return old, new, p1, p2


def test_compare_and_cross_year_follow_a_link(db_url, tmp_path):
    old, new, p1, p2 = _renamed_pair(tmp_path)
    with Library(db_url) as lib:
        a = lib.add(entry_of(p1)).document_id
        b = lib.add(entry_of(p2)).document_id
        assert link_years(lib) == 0  # two names: not a series yet
        assert [col.year for col in department_series(lib, new).columns] == [2025]

        with lib.writing() as s:
            made, fresh = add_link(s, "卫生和计划生育委员会", "卫生健康委员会")  # part of each name is enough
        assert fresh and (made.old, made.new) == (old, new)
        c = department_series(lib, new)
        assert [col.year for col in c.columns] == [2024, 2025]
        assert [col.department for col in c.columns] == [old, new]
        assert c.title.startswith(new) and any(old in n for n in c.notes)
        assert c.has_errors and all(f.against_id == a for f in c.findings)
        with lib.reading() as s:
            assert s.get(Document, b).checked_against == a
            assert department_series(lib, old).columns == c.columns  # either name finds the series
        with lib.writing() as s:
            assert add_link(s, new, old)[1] is False  # already one department

        with lib.writing() as s:
            gone = remove_link(s, new, old)  # either order
        assert (gone.old, gone.new) == (old, new)
        with lib.reading() as s:
            assert all_links(s) == []
            assert s.get(Document, b).checked_against is None
            assert [a_ for _, a_ in findings_of(s, b) if a_ is not None] == []
            assert s.get(Document, b).errors == 0
        assert [col.year for col in department_series(lib, new).columns] == [2025]


def test_link_names_are_checked(db_url, tmp_path):
    old, new, p1, p2 = _renamed_pair(tmp_path)
    with Library(db_url) as lib:
        lib.add(entry_of(p1))
        lib.add(entry_of(p2))
        with lib.writing() as s, pytest.raises(CnbudgetError, match="匹配多个部门"):
            add_link(s, "虚构市", new)
        with lib.writing() as s, pytest.raises(CnbudgetError, match="同一个部门"):
            add_link(s, new, "卫生健康委员会")
        with lib.writing() as s, pytest.raises(CnbudgetError, match="没有"):
            remove_link(s, old, new)
        with lib.writing() as s:  # a name not ingested yet is kept as written
            made, _ = add_link(s, "虚构市卫生局", old)
        assert made.known_old is False and made.known_new is True
        with lib.reading() as s:
            assert [(x.old, x.new) for x in all_links(s)] == [("虚构市卫生局", old)]
