"""The web app through FastAPI's TestClient: pages, the JSON API (same objects as the CLI),
error pages for a non-disclosure and for an oversize upload."""

from __future__ import annotations

import json
import re

from cnbudget.checks import check_file, report_to_json
from cnbudget.parse import parse_file
from cnbudget.serialize import disclosure_to_json, dumps
from tests.batch.corpus import department_name


def upload(client, path, url="/upload"):
    with open(path, "rb") as fh:
        return client.post(url, files={"file": (path.name, fh, "text/plain")}, follow_redirects=False)


def test_library_page_lists_and_filters(client):
    r = client.get("/")
    assert r.status_code == 200 and "资料库" in r.text and "上传并核验" in r.text
    assert r.text.count("/documents/") == 3
    _, dept = department_name(0)
    assert dept in r.text
    assert client.get("/", params={"year": "2024"}).text.count('href="/documents/') == 1
    assert client.get("/", params={"severity": "error"}).text.count('href="/documents/') == 0
    assert "没有符合条件的文件" in client.get("/", params={"department": "不存在"}).text


def test_upload_shows_tables_with_the_finding_highlighted(client, web_files):
    r = upload(client, web_files["bad"])
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert page.status_code == 200
    html = page.text
    assert "核验结果" in html and "三公" in html
    hits = re.findall(r'<td class="num hit hit-error" id="([^"]+)"', html)
    assert hits, "the 三公 total cell is highlighted"
    assert f'href="#{hits[0]}"' in html  # the finding beside the tables links to it
    again = upload(client, web_files["bad"])
    assert again.headers["location"].startswith(r.headers["location"].split("?")[0])
    assert "status=unchanged" in again.headers["location"]
    listing = client.get("/", params={"severity": "error"}).text
    assert web_files["bad"].name in listing


def test_non_disclosure_gets_a_422_page(client, tmp_path):
    p = tmp_path / "购物清单.txt"
    p.write_text("牛奶\n面包\n", encoding="utf-8")
    r = upload(client, p)
    assert r.status_code == 422
    assert "未找到预算/决算公开的表格或说明" in r.text and "购物清单.txt" in r.text
    assert "Traceback" not in r.text and "/tmp" not in r.text
    binary = tmp_path / "x.pdf"
    binary.write_bytes(b"%PDF-1.4 broken\x00\x01")
    r = upload(client, binary)
    assert r.status_code == 422 and "x.pdf" in r.text
    r = client.post("/upload", files={"file": ("", b"", "text/plain")})
    assert r.status_code in (400, 422) and "Traceback" not in r.text


def test_a_200_mb_upload_is_refused_while_streaming(client):
    chunk = b"0" * (1024 * 1024)
    seen = {"sent": 0}

    def body():
        yield b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n'
        for _ in range(200):
            seen["sent"] += len(chunk)
            yield chunk
        yield b"\r\n--x--\r\n"

    r = client.post("/upload", content=body(), headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 413
    assert "文件过大" in r.text and "50 MB" in r.text
    api = client.post("/api/check", content=body(), headers={"content-type": "multipart/form-data; boundary=x"})
    assert api.status_code == 413 and api.json()["detail"].startswith("文件过大")


def test_a_declared_oversize_body_is_refused_before_reading(web_db):
    from fastapi.testclient import TestClient

    from cnbudget.web.app import WebSettings, create_app

    with TestClient(create_app(web_db, WebSettings(max_upload_bytes=100_000))) as c:
        r = c.post("/upload", files={"file": ("big.txt", b"1" * 200_000, "text/plain")})
        assert r.status_code == 413 and "97 KB" in r.text


def test_api_mirrors_the_cli(client, web_files):
    path = web_files["bad"]
    r = upload(client, path, "/api/parse")
    assert r.status_code == 200
    expected = disclosure_to_json(parse_file(path))
    expected["file"] = path.name
    assert r.json() == json.loads(dumps(expected))
    r = upload(client, path, "/api/check")
    report = report_to_json(check_file(path))
    report["file"] = path.name
    got = r.json()
    assert got["findings"] == json.loads(dumps(report))["findings"] and got["summary"]["error"] >= 1
    r = upload(client, path, "/api/documents")
    assert r.status_code == 201 and r.json()["status"] == "added"
    doc_id = r.json()["document"]["id"]
    listing = client.get("/api/documents", params={"severity": "error"}).json()
    assert listing["total"] == 1 and listing["documents"][0]["id"] == doc_id
    one = client.get(f"/api/documents/{doc_id}").json()
    assert set(one) == {"document", "disclosure", "findings"}
    assert any(f["table"] == "three_public" and f["severity"] == "error" for f in one["findings"])
    assert client.get("/api/documents/9999").status_code == 404
    _, dept = department_name(0)
    c = client.get("/api/compare", params={"department": dept}).json()
    assert [col["year"] for col in c["columns"]] == [2023, 2024, 2025]
    assert client.get("/api/compare").status_code == 422
    assert client.get("/api/compare", params={"year": 1990}).status_code == 404
    bad = client.post("/api/parse", files={"file": ("a.txt", "牛奶".encode(), "text/plain")})
    assert bad.status_code == 422 and "未找到" in bad.json()["detail"]


def test_openapi_and_docs_are_served_without_a_cdn(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/parse", "/api/check", "/api/documents", "/api/documents/{document_id}", "/api/compare"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/static/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/swagger-ui-bundle.js").status_code == 200


def test_compare_pages_embed_the_chart(client):
    _, dept = department_name(0)
    r = client.get("/compare", params={"department": dept})
    assert r.status_code == 200
    assert 'id="chart"' in r.text and "/static/echarts.min.js" in r.text and "http" not in r.text.split("<main>")[1]
    data = json.loads(re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', r.text, re.S).group(1))
    assert data["categories"] == ["2023年", "2024年", "2025年"] and data["series"]
    js = client.get("/static/echarts.min.js")
    assert js.status_code == 200 and len(js.content) > 500_000
    assert client.get("/compare", params={"year": "2024"}).status_code == 200
    missing = client.get("/compare", params={"department": "没有这个部门"})
    assert missing.status_code == 404 and "没有部门" in missing.text
    assert client.get("/compare").status_code == 200  # the empty form


def test_unknown_page_is_a_chinese_404(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "页面或文件不存在" in r.text
    assert client.get("/documents/abc").status_code == 422
