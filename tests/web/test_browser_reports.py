"""The web app's reports in Debian's Chromium (Playwright, a real uvicorn server): download a
document's findings sheet and open it with openpyxl, see the page crop beside a PDF finding,
see the dashboard's counts."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from cnbudget.checks.labels import FindingRow
from tests.web.test_browser import browser, server  # noqa: F401  (fixtures: Chromium, uvicorn on 127.0.0.1)

pytest.importorskip("reportlab", reason="reportlab draws the PDF fixture (pip install reportlab)")

from tests.web.reports_library import PDF_NAME, build_library  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_library(tmp_path_factory.mktemp("browser-reports"))


@pytest.fixture
def web_db(built, tmp_path):
    """This module's library (with the PDF) for the ``server`` fixture."""
    db = tmp_path / "lib.db"
    shutil.copy(built["db"], db)
    return str(db)


def _open_pdf_document(page, server):  # noqa: F811
    page.goto(server + "/search?by=department&q=示例市")
    page.click("#search-results a:text('示例市数据管理局')")
    page.wait_for_url("**/documents/**")
    assert PDF_NAME in page.inner_text(".doc-head")


def test_download_the_findings_sheet_and_open_it(server, browser, tmp_path):  # noqa: F811
    page = browser.new_page(accept_downloads=True)
    _open_pdf_document(page, server)
    with page.expect_download() as info:
        page.click("#downloads a:text('Excel（XLSX）')")
    download = info.value
    assert download.suggested_filename == "示例市数据管理局 2025年 核验发现.xlsx"
    path = tmp_path / "发现.xlsx"
    download.save_as(path)
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == list(FindingRow.HEADERS)
    rules = [r[10] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert "sum.columns" in rules
    assert len(rules) == page.locator("aside.findings li.finding").count()


def test_page_crop_is_shown_beside_the_finding(server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    _open_pdf_document(page, server)
    finding = page.locator("aside.findings li.finding[data-rule='sum.columns']")
    img = finding.locator("figure.crop img")
    img.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    assert img.is_visible()
    width = img.evaluate("img => img.naturalWidth")
    assert 100 < width <= 900
    assert "第 1 页" in finding.inner_text() and "2010101 行政运行" in finding.inner_text()


def test_dashboard_shows_the_counts(server, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "/")
    page.click("header nav a:text('概览')")
    page.wait_for_url("**/dashboard")
    assert page.inner_text("#total-documents") == "5"
    assert int(page.inner_text("#total-errors")) >= 1
    years = page.locator("#by-year tbody tr")
    assert years.count() == 3  # 2023, 2024, 2025
    assert page.locator("#by-rule code:text('sum.columns')").is_visible()
    page.click("#by-year a:text('2023年')")
    assert page.locator("#documents tbody tr").count() == 1
