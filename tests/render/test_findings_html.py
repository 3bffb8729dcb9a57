"""The HTML findings report people read: one self-contained file with the document's title,
department and year at the top, a severity filter that works with no script and no server,
tables that scroll, and beside each PDF finding a crop of its page with the cell boxed."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnbudget.cli import app
from tests.web.test_browser import browser  # noqa: F401  (the fixture: Debian's Chromium via Playwright)

pytest.importorskip("reportlab", reason="reportlab draws the PDF fixture (pip install reportlab)")

from tests.readers import test_pdf_fixture as fx  # noqa: E402  (after the skip: it draws with reportlab)

runner = CliRunner()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """``check --format html`` of the fixture PDF: 2010101's 合计 12.50 ≠ 12.50 + 34.00 + 0.00."""
    folder = tmp_path_factory.mktemp("html-report")
    pdf = fx.build(folder / "示例市数据管理局2025年部门预算.pdf")
    out = folder / "核验.html"
    r = runner.invoke(app, ["check", str(pdf), "--format", "html", "-o", str(out)])
    assert r.exit_code == 1, r.output
    return out


def test_head_names_title_department_and_year(report):
    html = report.read_text(encoding="utf-8")
    head = html[html.index("<body>"):html.index("<div class='report'>")]
    assert "<h1>2025年部门支出预算表</h1>" in head
    assert "示例市数据管理局 2025年 预算" in head


def test_one_file_no_script_and_scrolling_tables(report):
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html
    assert sorted(p.name for p in report.parent.iterdir() if p.suffix != ".pdf") == ["核验.html"]
    assert ".scroll{overflow-x:auto" in html and html.count("<div class='scroll'>") >= 2


def test_the_finding_on_a_pdf_carries_its_page_crop_and_printed_page(report):
    from PIL import Image

    html = report.read_text(encoding="utf-8")
    row = next(tr for tr in html.split("<tr ") if "sum.columns" in tr)
    assert "<td class='page'>第 1 页</td>" in row  # the fixture prints "- 1 -" in its footer
    m = re.search(r"<figure class='crop'><img src='data:image/png;base64,([A-Za-z0-9+/=]+)' alt='([^']*)'", row)
    assert m, row
    assert "行“2010101 行政运行”" in m.group(2) and "列“合计”" in m.group(2)
    img = Image.open(io.BytesIO(base64.b64decode(m.group(1))))
    assert img.format == "PNG" and img.width <= 900 and img.height <= 320
    # a finding with no place on a page (a missing table) has no crop
    missing = next(tr for tr in html.split("<tr ") if "completeness.missing_table" in tr)
    assert "<figure" not in missing


def test_severity_filter_works_from_disk_without_script(report, browser):  # noqa: F811
    page = browser.new_page(java_script_enabled=False)  # CSS alone must do it
    page.goto(report.as_uri())
    errors = page.locator("tr[data-severity=error]")
    warnings = page.locator("tr[data-severity=warning]")
    assert errors.count() >= 2 and warnings.count() >= 1
    assert errors.first.is_visible() and warnings.first.is_visible()
    assert page.locator("figure.crop img").first.is_visible()
    page.click("label[for=show-error]")
    assert not any(errors.nth(i).is_visible() for i in range(errors.count()))
    assert warnings.first.is_visible()
    page.click("label[for=show-error]")
    assert errors.first.is_visible()
    page.click("label[for=show-info]")
    assert not page.locator("details[data-severity=info]").is_visible()
    page.close()
