"""A slow upload does not stall the server: other requests are answered while it is parsed.

The server is started for real (``cnbudget serve`` on a free loopback port); one thread
uploads a large disclosure that takes seconds to read, and a request made meanwhile must be
answered before that upload is.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

HEAD = "2025年某某局部门预算公开\n一、收支预算总体情况\n二、财政拨款收支预算情况\n三、一般公共预算支出预算情况\n"
SENTENCE = "本部门2025年收入预算1,234.56万元，比上年增加12.30万元，增长1.2%。"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    port = _free_port()
    cmd = [sys.executable, "-c", "from cnbudget.cli import main; main()", "serve", "--db",
           str(tmp_path / "lib.db"), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/documents", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail(f"the server did not start: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
        yield base
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_a_request_is_answered_while_a_slow_upload_is_parsed(server: str, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(HEAD + "".join(SENTENCE * 500 + "\n" for _ in range(30)), encoding="utf-8")
    done: dict[str, float] = {}

    def upload() -> None:
        with big.open("rb") as fh:
            httpx.post(server + "/api/check", files={"file": ("big.txt", fh, "text/plain")}, timeout=120)
        done["upload"] = time.monotonic()

    t = threading.Thread(target=upload)
    t.start()
    time.sleep(0.3)  # the upload is in the server now
    r = httpx.get(server + "/api/documents", timeout=30)
    answered = time.monotonic()
    t.join(timeout=120)
    assert r.status_code == 200
    assert "upload" in done, "the upload never finished"
    assert answered < done["upload"], "the other request waited for the upload"
