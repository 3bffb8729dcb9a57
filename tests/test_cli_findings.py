"""``cnbudget check`` over files and folders (batch report, findings sheet, noise controls,
``--against``) and ``cnbudget findings`` over the library."""

from __future__ import annotations

import json
import re
import time

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cnbudget.checks.labels import FindingRow
from cnbudget.cli import app
from tests.batch.corpus import tamper, write_corpus
from tests.conftest import REAL

runner = CliRunner()
HEADERS = ["文件", "部门", "年度", "表", "页", "行", "列", "印刷数", "应为", "差额", "规则", "级别", "说明", "原文"]


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """One fictional department, 2023–2025 (consistent), a tampered copy of 2025, and a notice."""
    folder = tmp_path_factory.mktemp("series")
    paths = write_corpus(folder / "docs", 3, seed=11)
    bad = folder / "docs" / "sub" / "tampered.txt"
    bad.parent.mkdir()
    bad.write_text(paths[2].read_text(encoding="utf-8"), encoding="utf-8")
    tamper(bad)
    (folder / "docs" / "sub" / "通知.txt").write_text("关于做好2025年部门预算公开工作的通知\n请各单位按时公开。\n",
                                                    encoding="utf-8")
    return {"folder": folder / "docs", "years": paths, "tampered": bad}


def test_folder_is_checked_recursively_and_non_disclosures_are_skipped(series):
    r = runner.invoke(app, ["check", str(series["folder"])])
    assert r.exit_code == 1, r.output  # the tampered copy has an error; the notice is no error
    out = r.stdout
    assert out.index("核验摘要：4 份公开文件，跳过 1 个非公开文件") < out.index("错误 2 项")
    assert "跳过" in out and "通知.txt" in out
    assert out.count("2025 │ 预算（本级）") == 2  # the summary table: one line per document


def test_json_lists_skipped_files(series):
    r = runner.invoke(app, ["check", str(series["folder"]), "--format", "json"])
    arr = json.loads(r.stdout)
    assert len(arr) == 5
    assert [o["file"] for o in arr if "skipped" in o] == [str(series["folder"] / "sub" / "通知.txt")]


def test_a_non_disclosure_named_directly_is_still_an_input_error(series):
    r = runner.invoke(app, ["check", str(series["folder"] / "sub" / "通知.txt")])
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1


def test_findings_sheet_xlsx(series, tmp_path):
    out = tmp_path / "f.xlsx"
    r = runner.invoke(app, ["check", str(series["tampered"]), "--format", "xlsx", "-o", str(out), "--show-info"])
    assert r.exit_code == 1
    assert "已写入" in r.stderr and str(out) in r.stderr
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:N")
    rows = [dict(zip(HEADERS, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)]
    errors = [x for x in rows if x["级别"] == "错误"]
    assert errors and all(x["部门"] and x["年度"] == 2025 for x in rows)
    e = errors[0]
    assert e["表"].startswith("“三公”经费") and e["页"].startswith("第 ")
    assert e["差额"] is not None and e["印刷数"] is not None
    for x in rows:  # never an internal id where a person reads
        for key in ("行", "列", "说明"):
            assert "grand_total" not in (x[key] or "") and "general_budget" not in (x[key] or "")
    assert ws.column_dimensions["M"].width > ws.column_dimensions["C"].width


def test_xlsx_needs_an_output_file(series):
    r = runner.invoke(app, ["check", str(series["tampered"]), "--format", "xlsx"])
    assert r.exit_code == 2 and "-o FILE" in r.stderr


def test_findings_sheet_csv_to_stdout(series):
    r = runner.invoke(app, ["check", str(series["tampered"]), "--format", "csv"])
    assert r.stdout.splitlines()[0].split(",") == HEADERS


def test_min_severity_and_ignore(series):
    r = runner.invoke(app, ["check", str(series["tampered"]), "--format", "json", "--min-severity", "error"])
    obj = json.loads(r.stdout)
    assert obj["findings"] and {f["severity"] for f in obj["findings"]} == {"error"}
    rules = {f["rule"] for f in obj["findings"]}
    r = runner.invoke(app, ["check", str(series["tampered"]), "--format", "json", "--ignore", ",".join(rules)])
    assert r.exit_code == 0
    assert not [f for f in json.loads(r.stdout)["findings"] if f["rule"] in rules]


def test_ignore_refuses_a_rule_that_does_not_exist(series):
    r = runner.invoke(app, ["check", str(series["tampered"]), "--ignore", "sum.rowz"])
    assert r.exit_code == 2 and "sum.rowz" in r.stderr


def test_project_file_in_the_current_folder(series, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cnbudget.toml").write_text('[check]\nmin-severity = "warning"\n', encoding="utf-8")
    r = runner.invoke(app, ["check", str(series["tampered"]), "--format", "json"])
    assert {f["severity"] for f in json.loads(r.stdout)["findings"]} <= {"error", "warning"}
    (tmp_path / "cnbudget.toml").write_text('[check]\nmin-severity = "loud"\n', encoding="utf-8")
    r = runner.invoke(app, ["check", str(series["tampered"])])
    assert r.exit_code == 2 and "cnbudget.toml" in r.stderr


def test_against_the_year_before_of_the_same_department(series):
    y2023, y2024, y2025 = series["years"]
    r = runner.invoke(app, ["check", str(y2025), "--against", str(y2024)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["check", str(y2025), "--against", str(y2023)])
    assert r.exit_code == 2
    assert "应为上一年 2024 年" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = runner.invoke(app, ["check", str(y2025), "--against", str(y2023), "--force"])
    assert r.exit_code in (0, 1)
    assert "已按 --force 对比" in r.stdout


def test_html_report_has_title_department_year_and_a_filter(series, tmp_path):
    out = tmp_path / "r.html"
    r = runner.invoke(app, ["check", str(series["tampered"]), "--format", "html", "-o", str(out)])
    assert r.exit_code == 1
    html = out.read_text(encoding="utf-8")
    head = html[html.index("<body>"):html.index("<h2>")]
    assert re.search(r"<h1>[^<]*2025年[^<]*</h1>", head)  # the document's title
    assert re.search(r"<p class='meta'>\S*数据管理局 2025年 预算", head)  # department, year, kind
    assert "id='severity-filter'" in html and "data-severity='error'" in html
    assert "<details data-severity='info'>" in html or "提示 0" in html
    assert "class='scroll'" in html


# ----------------------------------------------------------------------------- real PDFs


@pytest.fixture(scope="module")
def real_dir():
    if not REAL.is_dir() or len(list(REAL.glob("real_0*.pdf"))) < 8:
        pytest.skip(f"real PDFs not found at {REAL} (../shared/real is beside the project in CI)")
    return REAL


def test_real_pdfs_batch_report_and_findings_sheet(real_dir, tmp_path):
    out = tmp_path / "findings.xlsx"
    started = time.perf_counter()
    r = runner.invoke(app, ["check", str(real_dir), "--format", "xlsx", "-o", str(out)])
    seconds = time.perf_counter() - started
    assert r.exit_code == 1  # real_01, 03, 07, 08 print genuine errors
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == HEADERS == list(FindingRow.HEADERS)
    docs = {row[0] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert {p.rsplit("/", 1)[-1] for p in docs} == {f"real_0{i}.pdf" for i in range(1, 9)}
    pages = {str(p) for (p,) in ws.iter_rows(min_row=2, min_col=5, max_col=5, values_only=True) if p}
    assert all(re.fullmatch(r"(PDF )?第 \w+ 页", p) for p in pages), pages
    # real_02 and real_05 print a number on every page; real_03, 07, 08 print none
    assert any(p.startswith("PDF 第 ") for p in pages) and any(p.startswith("第 ") for p in pages)
    assert seconds < 120

    r = runner.invoke(app, ["check", str(real_dir)])
    summary = r.stdout[:r.stdout.index("real_01.pdf ─")]
    for i in range(1, 9):
        assert f"real_0{i}.pdf" in summary
    assert "README.md" in summary  # listed as skipped, not an error
    # real_07: 支出总计 misses its parts by 90.57 — one number, not an interval
    assert "相差 90.57" in r.stdout and "～" not in r.stdout
    for internal in ("grand_total", "general_budget", "total_2", "budget.project_2"):
        assert internal not in r.stdout
