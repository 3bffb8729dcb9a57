"""The web app against hostile input: a department named ``</script><script>…`` stays text on
every page; every page has a CSP; no URL integer gives a 500; uploads past a limit are 413 and
leave no temporary file behind."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

PAYLOAD = '</script><script>alert("x")</script><!--<img src=x onerror=alert(1)>'
DEPARTMENT = "某某局" + PAYLOAD
CHROMIUM = os.environ.get("CNBUDGET_CHROMIUM", "/usr/bin/chromium")


class Scripts(HTMLParser):
    """Every <script> element of a page: its attributes and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


@pytest.fixture
def hostile_client(web_files, web_db):
    """The library with one more document whose department, region and title are the payload."""
    from fastapi.testclient import TestClient

    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file
    from cnbudget.store import Entry, Library
    from cnbudget.web.app import WebSettings, create_app

    d = parse_file(web_files["clean"])
    d = replace(d, meta=replace(d.meta, department=DEPARTMENT, region="某市" + PAYLOAD, title=PAYLOAD),
                file="evil" + PAYLOAD + ".txt")
    with Library.open(web_db) as lib:
        saved = lib.add(Entry(d, check_disclosure(d).findings, content_hash="e" * 64, file=d.file, size=1))
    with TestClient(create_app(web_db, WebSettings())) as c:
        c.document_id = saved.document_id
        c.year = d.meta.year
        yield c


def _pages(c) -> list[str]:
    return ["/", f"/documents/{c.document_id}", "/compare?department=" + DEPARTMENT,
            f"/compare?year={c.year}", "/?department=" + PAYLOAD, "/documents/999999", "/docs"]


def test_a_hostile_department_name_is_inert_on_every_page(hostile_client):
    c = hostile_client
    for url in _pages(c):
        r = c.get(url)
        assert r.status_code in (200, 404), url
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, url
        parser = Scripts()
        parser.feed(r.text)
        assert not parser.handlers, (url, parser.handlers)
        for attrs, text in parser.scripts:
            if "src" in attrs:
                assert attrs["src"].startswith("/static/") and not text.strip(), url
            else:  # the only inline block: chart data, which must be JSON that cannot end early
                assert attrs == {"type": "application/json", "id": "chart-data"}, (url, attrs)
                assert "<" not in text and ">" not in text
                data = json.loads(text)
                assert DEPARTMENT in data["title"] or any(DEPARTMENT in x for x in data["categories"])  # kept as text
    chart_pages = [u for u in _pages(c) if u.startswith("/compare")]
    assert all('id="chart-data"' in c.get(u).text for u in chart_pages)


def test_every_response_carries_the_content_security_policy(hostile_client):
    for url in [*_pages(hostile_client), "/static/charts.js", "/api/documents", "/openapi.json", "/nope"]:
        r = hostile_client.get(url)
        csp = r.headers.get("content-security-policy", "")
        script_src = re.search(r"script-src ([^;]*)", csp)
        assert script_src and script_src.group(1).strip() == "'self'", (url, csp)
        assert r.headers.get("x-content-type-options") == "nosniff"


def test_templates_write_no_inline_script_or_handler():
    templates = Path(__file__).resolve().parents[2] / "src" / "cnbudget" / "web" / "templates"
    for t in templates.glob("*.html"):
        text = t.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", text), t.name
        assert not re.search(r"\son[a-z]+\s*=", text), t.name
        assert "| safe" not in text.replace("{{ chart | safe }}", ""), t.name


BAD_INTEGERS = ["99999999999999999999999", "9223372036854775808", "-9223372036854775809", "-1", "0", "abc",
                "1e5", "", "１２", "%00", "NaN"]


def _routes(app):
    """(path template, path params, query params) of every GET route, documented or not."""
    from fastapi.routing import APIRoute

    from cnbudget.web import api, pages

    # the routers' own routes: FastAPI wraps an included router in the app's route list
    for route in [*app.routes, *api.router.routes, *pages.router.routes]:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            yield (route.path, [p.name for p in route.dependant.path_params],
                   [p.name for p in route.dependant.query_params])


def test_no_url_value_gives_a_500(client):
    schema_paths = set(client.get("/openapi.json").json()["paths"])
    routes = list(_routes(client.app))
    assert schema_paths <= {p for p, _, _ in routes} | {"/api/parse", "/api/check"}  # every documented GET is fuzzed
    tried = 0
    for path, path_params, query_params in routes:
        for value in BAD_INTEGERS:
            url = path
            for name in path_params:
                url = url.replace("{" + name + "}", value or "0")
            urls = [url] + [f"{url}?{q}={value}" for q in query_params]
            for u in urls:
                r = client.get(u)
                tried += 1
                assert r.status_code < 500, (u, r.status_code, r.text[:300])
    assert tried > 100


def test_huge_integers_are_422_not_500(client):
    for url in ("/documents/99999999999999999999999", "/api/documents/9223372036854775808",
                "/api/documents?offset=9223372036854775808", "/?page=99999999999999999999999",
                "/?year=99999999999999999999999", "/compare?year=9223372036854775808",
                "/api/compare?year=99999999999999999999999", "/api/documents?year=-1"):
        assert client.get(url).status_code == 422, url


def _upload(client, path, url="/api/check"):
    with open(path, "rb") as fh:
        return client.post(url, files={"file": (path.name, fh, "application/octet-stream")})


def test_uploads_past_a_limit_are_413_and_leave_no_temporary_file(client, tmp_path, monkeypatch, web_files):
    import tempfile

    from tests.hostile import cases

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    made = tmp_path / "made"
    made.mkdir()
    r = _upload(client, cases.docx_grid_span(made))
    assert r.status_code == 413 and "span" in r.json()["detail"] and "gridspan.docx" in r.json()["detail"]
    assert "/tmp" not in r.json()["detail"] and str(spool) not in r.json()["detail"]
    assert _upload(client, cases.xlsx_shared_string_gb(made)).status_code == 413
    bad = made / "购物清单.txt"
    bad.write_text("牛奶\n面包\n", encoding="utf-8")
    assert _upload(client, bad).status_code == 422
    assert _upload(client, web_files["clean"]).status_code == 200
    monkeypatch.setenv("CNBUDGET_LIMIT_WORKER_SECONDS", "0.001")  # the worker is killed
    r = _upload(client, web_files["clean"])
    assert r.status_code == 413 and "worker_seconds" in r.json()["detail"]
    assert list(spool.iterdir()) == []


def test_no_dialog_opens_in_a_browser(hostile_client, tmp_path):
    """The pages in Chromium: no alert from the payload (the CSP and the escaping both hold)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.web.test_browser import CHROMIUM_ARGS

    htmls = {u: hostile_client.get(u).text for u in _pages(hostile_client)}
    static = Path(__file__).resolve().parents[2] / "src" / "cnbudget" / "web" / "static"
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def serve(route):
            url = route.request.url.split("://", 1)[1].split("/", 1)[1]
            path = "/" + url
            if path.startswith("/static/"):
                f = static / path.split("?")[0][len("/static/"):]
                route.fulfill(status=200, body=f.read_bytes() if f.exists() else b"",
                              content_type="application/javascript" if f.suffix == ".js" else "text/css")
                return
            r = hostile_client.get(path)
            route.fulfill(status=r.status_code, body=r.content, headers=dict(r.headers))

        page.route("http://cnbudget.test/**", serve)
        for url in htmls:
            page.goto("http://cnbudget.test" + url)
            page.wait_for_timeout(300)
        browser.close()
    assert dialogs == []
