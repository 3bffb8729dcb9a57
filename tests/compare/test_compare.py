"""Comparisons: a department across years, the departments of a year, cross-year findings,
and the CSV / XLSX / Parquet exports read back."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from cnbudget.compare.build import department_series, year_side_by_side
from cnbudget.compare.export import export
from cnbudget.errors import CnbudgetError
from cnbudget.parse import parse_file
from cnbudget.store.figures import headline_figures
from tests.batch.cli_app import library_app
from tests.batch.corpus import department_name


def test_department_series_has_each_year_and_the_printed_figures(lib, library_db):
    _, dept = department_name(0)
    c = department_series(lib, dept)
    assert [col.year for col in c.columns] == [2023, 2024, 2025]
    expected = headline_figures(parse_file(library_db["folder"] / f"{dept}2024年部门预算.txt"))
    for key in ("grand_total", "basic", "project", "personnel", "public", "three_public", "class.208"):
        assert c.row(key).values[1] == expected[key]
    assert c.row("basic").values[0] + c.row("project").values[0] == c.row("expenditure").values[0]
    assert c.row("grand_total").change(2) == c.row("grand_total").values[2] - c.row("grand_total").values[1]
    assert c.findings == () and not c.has_errors


def test_a_department_is_found_by_part_of_its_name(lib):
    _, dept = department_name(1)
    assert department_series(lib, dept[:4]).columns[0].department == dept
    with pytest.raises(CnbudgetError, match="匹配多个部门"):
        department_series(lib, "数据管理局")
    with pytest.raises(CnbudgetError, match="没有部门"):
        department_series(lib, "不存在的局")


def test_cross_year_findings_show_a_misstated_change(lib, library_db):
    c = department_series(lib, library_db["misstated"])
    assert [col.year for col in c.columns] == [2024, 2025]
    assert c.has_errors
    assert {f.year for f in c.findings} == {2025}
    assert all(f.against_id == c.columns[0].document_id for f in c.findings)


def test_year_side_by_side(lib):
    c = year_side_by_side(lib, 2024)
    assert len(c.columns) == 3 and c.mode == "year"
    assert {col.department for col in c.columns} == {department_name(i)[1] for i in (0, 1, 77)}
    region = department_name(0)[0]
    only = year_side_by_side(lib, 2024, region=region)
    assert [col.region for col in only.columns] == [region]
    with pytest.raises(CnbudgetError):
        year_side_by_side(lib, 1999)


def test_exports_read_back_exactly(lib, tmp_path):
    _, dept = department_name(0)
    c = department_series(lib, dept)
    gt = c.row("grand_total")

    rows = list(csv.reader(export(c, tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][2:] == ["单位 unit", "2023年", "2024年", "2025年"]
    line = next(r for r in rows if r[0] == "grand_total")
    assert line[2] == "万元" and [Decimal(v) for v in line[3:]] == list(gt.values)

    from openpyxl import load_workbook

    wb = load_workbook(export(c, tmp_path / "c.xlsx"))
    assert wb.sheetnames == ["对比", "明细", "跨年核验"]
    wide = {r[0]: r for r in wb["对比"].iter_rows(min_row=3, values_only=True)}
    assert [Decimal(str(v)) for v in wide["grand_total"][3:]] == list(gt.values)
    assert wb["明细"].max_row == len(c.tidy()) + 1

    import pyarrow.parquet as pq

    table = pq.read_table(export(c, tmp_path / "c.parquet"))
    records = [r for r in table.to_pylist() if r["figure"] == "grand_total"]
    assert [r["amount"] for r in sorted(records, key=lambda r: r["year"])] == list(gt.values)
    assert set(table.column_names) >= {"department", "year", "figure", "amount"}

    with pytest.raises(CnbudgetError, match="导出格式"):
        export(c, tmp_path / "c.doc")


def test_cli_compare(lib, library_db, tmp_path):
    app = library_app()
    _, dept = department_name(0)
    db = library_db["db"]
    r = CliRunner().invoke(app, ["compare", "--db", db, "--department", dept])
    assert r.exit_code == 0, r.output
    assert "较上年增减" in r.stdout and "“三公”经费合计" in r.stdout
    r = CliRunner().invoke(app, ["compare", "--db", db, "--department", dept, "--format", "json"])
    out = json.loads(r.stdout)
    assert set(out) == {"title", "mode", "unit", "notes", "columns", "rows", "findings"}
    assert out["unit"] == "万元" and out["columns"][0]["printed_unit"] == "万元"
    assert out["columns"][0]["year"] == 2023
    r = CliRunner().invoke(app, ["compare", "--db", db, "--department", library_db["misstated"]])
    assert r.exit_code == 1 and "跨年核验" in r.stdout
    r = CliRunner().invoke(app, ["compare", "--db", db, "--year", "2025", "--to", "xlsx", "-o", str(tmp_path / "y.xlsx")])
    assert r.exit_code == 1 and (tmp_path / "y.xlsx").exists()  # the misstated department is among them
    r = CliRunner().invoke(app, ["compare", "--db", db, "--year", "2024", "--to", str(tmp_path / "y.csv")])
    assert r.exit_code == 0 and (tmp_path / "y.csv").exists()
    r = CliRunner().invoke(app, ["compare", "--db", db])
    assert r.exit_code == 2 and "--department" in r.stderr
