"""The web app as a person uses it: a real uvicorn server on 127.0.0.1 and Chromium driven by
Playwright (Debian's /usr/bin/chromium; Playwright's own browser download is not used).
Also the upload limit against the real server, whose request body arrives in chunks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.batch.corpus import department_name

CHROMIUM = os.environ.get("CNBUDGET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
LIMIT_MB = 5


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(web_db, tmp_path):
    """``uvicorn`` serving the app on a free port of 127.0.0.1 (stopped after the test)."""
    port = _free_port()
    env = {**os.environ, "CNBUDGET_DB": web_db, "CNBUDGET_MAX_UPLOAD_MB": str(LIMIT_MB)}
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "cnbudget.web.app:from_env", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/api/documents?limit=1", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.close()
                pytest.fail("the server did not start: " + (tmp_path / "server.log").read_text()[-2000:])
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as e:  # noqa: BLE001 - report why, do not fail the suite on a missing browser
            pytest.skip(f"Chromium could not be launched by Playwright: {e}")
        yield b
        b.close()


def test_upload_and_see_the_finding_highlighted(server, browser, web_files, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server + "/")
    page.set_input_files("#upload-file", str(web_files["bad"]))
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/documents/**")
    hit = page.locator("td.hit-error").first
    assert hit.is_visible()
    assert "三公" in (hit.get_attribute("title") or "") or hit.get_attribute("title")
    finding = page.locator("aside.findings li.sev-error a.goto").first
    assert finding.is_visible()
    target = finding.get_attribute("href")
    finding.click()
    assert page.url.endswith(target)
    page.screenshot(path=str(tmp_path / "document.png"), full_page=False)


def test_comparison_chart_is_drawn(server, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    _, dept = department_name(0)
    page.goto(server + "/compare?department=" + urllib.request.quote(dept))
    page.wait_for_selector("#chart canvas", timeout=15000)
    assert page.locator("#chart canvas").count() >= 1
    assert page.locator("#comparison tbody tr").count() > 5
    page.goto(server + "/compare?year=2024")
    page.wait_for_selector("#chart canvas", timeout=15000)


def test_non_disclosure_upload_shows_the_error_page(server, browser, tmp_path):
    p = tmp_path / "会议纪要.txt"
    p.write_text("今天开会。\n", encoding="utf-8")
    page = browser.new_page()
    page.goto(server + "/")
    page.set_input_files("#upload-file", str(p))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#error-message")
    assert "会议纪要.txt" in page.inner_text("#error-message")


def _response_status(sock: socket.socket) -> int:
    data = b""
    while b"\r\n" not in data:
        part = sock.recv(4096)
        if not part:
            break
        data += part
    return int(data.split(b" ", 2)[1])


def test_declared_oversize_is_refused_before_the_body_is_sent(server):
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                  b"Content-Length: 209715200\r\n\r\n")
        assert _response_status(s) == 413  # answered without a byte of the 200 MB body


def test_chunked_oversize_is_refused_while_streaming(server):
    import select

    host, port = server.removeprefix("http://").split(":")
    chunk = b"0" * (256 * 1024)
    sent = 0
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        head = b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n'
        s.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        status = None
        while sent < 200 * 1024 * 1024:
            readable, _, _ = select.select([s], [], [], 0)
            if readable:
                status = _response_status(s)
                break
            try:
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                status = _response_status(s)
                break
            sent += len(chunk)
        if status is None:
            s.sendall(b"0\r\n\r\n")
            status = _response_status(s)
    assert status == 413
    assert sent < 4 * LIMIT_MB * 1024 * 1024  # refused soon after the limit, not after 200 MB
