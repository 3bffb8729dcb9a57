"""The library's findings as a findings sheet; ``cnbudget findings``, ``list`` and ``show``."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cnbudget.batch.ingest import ingest
from cnbudget.cli import app
from cnbudget.store import Filters, Library
from cnbudget.store.findings import library_findings
from tests.batch.corpus import tamper, write_corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lib-docs")
    paths = write_corpus(folder, 4, seed=13)  # one department 2023–2025, another 2023
    tamper(paths[1])  # 2024 of the first: a 三公 total off by 1.00
    path = tmp_path_factory.mktemp("lib-db") / "lib.db"
    with Library.open(str(path)) as lib:
        summary = ingest([folder], lib, workers=1)
        assert summary.added == 4 and not summary.failures
    return str(path)


def test_library_findings_resolve_labels(db):
    with Library.open(db) as lib, lib.reading() as s:
        rows = library_findings(s, Filters(year=2024), {"error"})
        assert rows and {r.year for r in rows} == {2024} and {r.severity for r in rows} == {"错误"}
        assert all(r.table.startswith("“三公”经费") for r in rows)
        assert all(r.row == "合计" and "total" not in r.message for r in rows)
        assert library_findings(s, Filters(year=2024), None, ["sum.*"])
        assert not library_findings(s, Filters(year=2023), {"error"})


def test_cli_findings_to_xlsx_and_csv(db, tmp_path):
    out = tmp_path / "lib.xlsx"
    r = runner.invoke(app, ["findings", "--db", db, "--severity", "error", "--to", str(out)])
    assert r.exit_code == 0, r.output
    assert "已写入" in r.stderr and "项发现，2 份文件" in r.stderr  # the tampered 2024 and, cross-year, 2025
    ws = load_workbook(out).active
    assert ws[1][0].value == "文件" and ws.max_row >= 2 and ws.freeze_panes == "A2"
    out = tmp_path / "lib.csv"
    r = runner.invoke(app, ["findings", "--db", db, "--rule", "sum.columns", "--year", "2024", "--to", str(out)])
    assert r.exit_code == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("文件,部门,年度,表,页,行,列") and len(lines) == 2
    r = runner.invoke(app, ["findings", "--db", db, "--to", str(tmp_path / "x.pdf")])
    assert r.exit_code == 2 and ".xlsx 或 .csv" in r.stderr


def test_cli_list_and_show(db):
    r = runner.invoke(app, ["list", "--db", db, "--format", "json"])
    obj = json.loads(r.stdout)
    assert obj["total"] == 4 and {d["meta"]["year"] for d in obj["documents"]} == {2023, 2024, 2025}
    r = runner.invoke(app, ["list", "--db", db, "--severity", "error"])
    assert r.exit_code == 0 and "2024" in r.stdout and "2023" not in r.stdout.split("┃")[-1]
    doc_id = next(d["id"] for d in obj["documents"] if d["summary"]["error"])
    r = runner.invoke(app, ["show", str(doc_id), "--db", db])
    assert r.exit_code == 0 and "“三公”经费表" in r.stdout and "[错误]" in r.stdout
    r = runner.invoke(app, ["show", str(doc_id), "--db", db, "--format", "json"])
    shown = json.loads(r.stdout)
    assert shown["id"] == doc_id and shown["tables"] and shown["findings"]
    r = runner.invoke(app, ["show", "9999", "--db", db])
    assert r.exit_code == 2 and "9999" in r.stderr
