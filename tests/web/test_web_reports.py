"""What the web app hands on and shows (issue 13, point 5): the findings sheet and the
comparison as downloads, the page crop beside a PDF finding, the dashboard, duplicate notices,
the cross-year status, two-sided tables laid out as printed, and library search."""

from __future__ import annotations

import csv
import io
import re
import shutil

import pytest
from openpyxl import load_workbook

from cnbudget.checks.labels import FindingRow
from cnbudget.store import Library
from cnbudget.store.schema import Document

pytest.importorskip("reportlab", reason="reportlab draws the PDF fixture (pip install reportlab)")

from tests.web.reports_library import PDF_NAME, build_library  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_library(tmp_path_factory.mktemp("web-reports"))


@pytest.fixture
def client(built, tmp_path):
    from fastapi.testclient import TestClient

    from cnbudget.web.app import WebSettings, create_app

    db = tmp_path / "lib.db"
    shutil.copy(built["db"], db)
    with TestClient(create_app(str(db), WebSettings(isolate=False, upload_dir=tmp_path / "kept"))) as c:
        yield c


def _ids(built) -> dict[str, int]:
    with Library.open(str(built["db"])) as lib, lib.reading() as s:
        return {d.file_name: d.id for d in s.query(Document)}


def _doc_id(built, name: str) -> int:
    return _ids(built)[name]


def test_findings_sheet_downloads_as_xlsx_and_csv(client, built):
    pdf_id = _doc_id(built, PDF_NAME)
    r = client.get(f"/documents/{pdf_id}/findings.xlsx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in r.headers["content-disposition"]
    ws = load_workbook(io.BytesIO(r.content)).active
    assert [c.value for c in ws[1]] == list(FindingRow.HEADERS)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    api = client.get(f"/api/documents/{pdf_id}").json()
    assert len(rows) == len(api["findings"])
    (sum_row,) = [r for r in rows if r[10] == "sum.columns"]
    assert sum_row[4] == "第 1 页" and sum_row[5] == "2010101 行政运行" and sum_row[6] == "合计"
    assert sum_row[11] == "错误"

    r = client.get(f"/documents/{pdf_id}/findings.csv")
    assert r.status_code == 200 and r.content.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert table[0] == list(FindingRow.HEADERS) and len(table) == len(rows) + 1


def test_comparison_downloads_as_xlsx(client, built):
    r = client.get("/compare.xlsx", params={"department": built["department"]})
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.content)).active
    assert built["department"] in ws["A1"].value
    assert [c.value for c in ws[2]][2:] == ["单位 unit", "2023年", "2024年", "2025年"]
    assert {row[2].value for row in ws.iter_rows(min_row=3) if row[2].value} == {"万元"}
    page = client.get("/compare", params={"department": built["department"]}).text
    assert "/compare.xlsx?department=" in page and "unit=%E4%B8%87%E5%85%83" in page
    r = client.get("/compare.xlsx", params={"department": built["department"], "unit": "元"})
    assert {row[2].value for row in load_workbook(io.BytesIO(r.content)).active.iter_rows(min_row=3)
            if row[2].value} == {"元"}
    assert client.get("/compare.xlsx", params={"department": built["department"], "unit": "千元"}).status_code == 422
    assert client.get("/compare.xlsx").status_code == 422
    assert client.get("/compare.xlsx", params={"department": "没有这个部门"}).status_code == 404


def test_document_page_has_download_buttons_and_page_crops(client, built):
    pdf_id = _doc_id(built, PDF_NAME)
    html = client.get(f"/documents/{pdf_id}").text
    assert f'href="/documents/{pdf_id}/findings.xlsx"' in html and f'href="/documents/{pdf_id}/findings.csv"' in html
    crops = re.findall(r'<img src="(/documents/\d+/findings/(\d+)/crop\.png)"', html)
    assert crops
    api = client.get(f"/api/documents/{pdf_id}").json()["findings"]
    pointed = {api[int(n)]["rule"] for _, n in crops}
    assert "sum.columns" in pointed and "completeness.missing_table" not in pointed
    assert all(api[int(n)]["severity"] in ("error", "warning") for _, n in crops)
    r = client.get(crops[0][0])
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    from PIL import Image

    img = Image.open(io.BytesIO(r.content))
    assert img.width <= 900 and img.height <= 320
    # the place in words beside it: printed page, row and column, never ids
    assert "第 1 页 · 行“2010101 行政运行” · 列“合计”" in html


def test_a_finding_without_a_page_has_no_crop(client, built):
    text_id = _doc_id(built, built["years"][2].name)
    assert "crop.png" not in client.get(f"/documents/{text_id}").text
    assert client.get(f"/documents/{text_id}/findings/0/crop.png").status_code == 404
    pdf_id = _doc_id(built, PDF_NAME)
    assert client.get(f"/documents/{pdf_id}/findings/9999/crop.png").status_code == 404


def test_a_moved_pdf_shows_no_crop_and_says_why(client, built, tmp_path):
    pdf_id = _doc_id(built, PDF_NAME)
    with client.app.state.library.writing() as s:
        s.get(Document, pdf_id).file = str(tmp_path / "gone.pdf")
    html = client.get(f"/documents/{pdf_id}").text
    assert "crop.png" not in html and "无法显示页面截图" in html


def test_dashboard_counts_documents_and_errors_by_region_year_and_rule(client, built):
    html = client.get("/dashboard").text
    api = client.get("/api/documents").json()["documents"]
    errors = sum(d["summary"]["error"] for d in api)
    assert re.search(r'id="total-documents">5<', html)
    assert re.search(rf'id="total-errors">{errors}<', html)
    by_year = html[html.index('id="by-year"'):html.index('id="by-kind"')]
    assert "2023年" in by_year and "2025年" in by_year
    by_rule = html[html.index('id="by-rule"'):]
    wanted = sum(1 for d in api for f in client.get(f"/api/documents/{d['id']}").json()["findings"]
                 if f["rule"] == "sum.columns" and f["severity"] == "error")
    assert wanted >= 1
    assert re.search(rf"<code>sum\.columns</code></td><td>[^<]*</td>\s*<td class=\"num sev-error\">{wanted}</td>", by_rule)


def test_duplicate_notice_on_both_files(client, built):
    ids = _ids(built)
    original, copy = ids[built["years"][2].name], ids[built["copy"].name]
    assert f'href="/documents/{copy}"' in client.get(f"/documents/{original}").text.split("可能重复")[1]
    assert f'href="/documents/{original}"' in client.get(f"/documents/{copy}").text.split("可能重复")[1]
    assert "可能重复" not in client.get(f"/documents/{ids[built['years'][0].name]}").text


def test_cross_year_status_says_what_was_checked(client, built):
    ids = _ids(built)
    status = {}
    for name in (built["years"][0].name, built["years"][1].name, PDF_NAME):
        html = client.get(f"/documents/{ids[name]}").text
        status[name] = re.search(r'id="cross-year">([^<]*)<', html).group(1)
    assert status[built["years"][0].name] == "跨年核验：无上年文件，未核验"
    assert status[PDF_NAME] == "跨年核验：无上年文件，未核验"
    assert status[built["years"][1].name].startswith("跨年核验：已与上年文件核验（2023年")


def test_two_sided_summary_table_is_laid_out_as_printed(client, built):
    html = client.get(f"/documents/{_doc_id(built, PDF_NAME)}").text
    block = html[html.index('data-kind="summary"'):]
    block = block[:block.index("</table>")]
    assert 'class="grid two-sided"' in block
    assert re.search(r'<th colspan="2">收入</th><th colspan="2" class="side-gap">支出</th>', block)
    lines = [re.sub(r"<[^>]+>|\s+", " ", tr) for tr in block.split("<tr")[3:]]
    assert any("收入总计" in ln and "支出总计" in ln for ln in lines)  # one printed line, both sides
    assert any("一般公共预算拨款收入" in ln and "一般公共服务支出" in ln for ln in lines)
    assert sum("收入总计" in ln for ln in lines) == 1


@pytest.mark.parametrize(("by", "q", "expect"), [
    ("department", "示例市", PDF_NAME),
    ("code", "2010101", PDF_NAME),
    ("code", "201 01 01", PDF_NAME),  # printed over 类/款/项 columns
    ("text", "行政运行", PDF_NAME),
])
def test_search_by_department_code_and_text(client, by, q, expect):
    html = client.get("/search", params={"by": by, "q": q}).text
    results = html[html.index('id="search-count"'):]
    assert expect in results


def test_search_takes_wildcards_literally_and_says_nothing_found(client):
    for q in ("_", "%局%预%"):  # as LIKE patterns these would match every document
        html = client.get("/search", params={"by": "text", "q": q}).text
        assert "找到 0 份文件" in html, q
    assert client.get("/search", params={"by": "nope", "q": "x"}).status_code == 422


def test_an_uploaded_pdf_is_kept_for_its_crops(client, built, tmp_path):
    data = built["pdf"].read_bytes() + b"\n% another copy\n"  # another content: a new document
    r = client.post("/api/documents", files={"file": ("本局预算.pdf", data, "application/pdf")})
    assert r.status_code == 201, r.text
    assert r.json()["document"]["file"] == "上传:本局预算.pdf"  # not on disk: only the kept copy has its pages
    doc_id = r.json()["document"]["id"]
    assert len(list((tmp_path / "kept").glob("*.pdf"))) == 1
    html = client.get(f"/documents/{doc_id}").text
    crop = re.search(r'<img src="(/documents/\d+/findings/\d+/crop\.png)"', html)
    assert crop and client.get(crop.group(1)).status_code == 200


def test_crops_served_concurrently_are_all_whole(client, built):
    # PDFium is not thread-safe and sync routes run in a thread pool: the crops take turns
    from concurrent.futures import ThreadPoolExecutor

    pdf_id = _doc_id(built, PDF_NAME)
    urls = re.findall(r'<img src="(/documents/\d+/findings/\d+/crop\.png)"', client.get(f"/documents/{pdf_id}").text)
    first = {u: client.get(u).content for u in urls}
    with ThreadPoolExecutor(6) as pool:
        got = list(pool.map(lambda u: (u, client.get(u)), urls * 4))
    assert all(r.status_code == 200 and r.content == first[u] for u, r in got)


def test_grouped_columns_are_headed_as_printed(client, built):
    html = client.get(f"/documents/{_doc_id(built, PDF_NAME)}").text
    block = html[html.index('data-kind="expenditure"'):]
    head = block[block.index("<thead>"):block.index("</thead>")]
    top, bottom = (re.findall(r"<th[^>]*>[^<]*</th>", tr) for tr in head.split("<tr>")[1:3])
    assert top == ['<th rowspan="2">编码</th>', '<th rowspan="2">名称</th>', '<th rowspan="2">合计</th>',
                   '<th colspan="2">基本支出</th>', '<th rowspan="2">项目支出</th>']
    assert bottom == ["<th>人员经费</th>", "<th>公用经费</th>"]


def test_header_rows_group_only_adjacent_columns_of_one_group():
    from cnbudget.web.views import header_rows

    (flat,) = header_rows(["名称", "合计", "项目支出"], 1)
    assert [h.text for h in flat] == ["名称", "合计", "项目支出"]
    top, bottom = header_rows(["名称", "预算数/基本", "预算数/项目", "合计", "决算数/基本"], 1)
    assert [(h.text, h.colspan, h.rowspan) for h in top] == [
        ("名称", 1, 2), ("预算数", 2, 1), ("合计", 1, 2), ("决算数", 1, 1)]
    assert [h.text for h in bottom] == ["基本", "项目", "基本"]
    (label_kept,) = header_rows(["收/支", "合计"], 1)  # a label column's "/" is not a group
    assert label_kept[0].text == "收/支"
