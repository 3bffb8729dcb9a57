"""A produced disclosure as PDF: the HTML page printed by headless Chromium.

Chromium and CJK fonts come from the system (Debian: ``apt-get install -y chromium
fonts-noto-cjk``).  ``find_chromium`` says whether it is there; ``ChromiumMissing`` is the user
error when it is not.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from cnbudget.errors import CnbudgetError
from cnbudget.produce.document import Produced
from cnbudget.render.html import render_html

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
              "headless_shell")
TIMEOUT_SECONDS = 120


class ChromiumMissing(CnbudgetError):
    """No headless Chromium to print PDF or screenshots with."""


class ChromiumFailed(CnbudgetError):
    """Chromium ran but produced nothing."""


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(args: list[str], out: Path) -> None:
    exe = find_chromium()
    if exe is None:
        raise ChromiumMissing("未找到 Chromium，无法生成 PDF (install: apt-get install -y chromium fonts-noto-cjk)")
    with tempfile.TemporaryDirectory(prefix="cnbudget-chromium-") as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}", *args]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as e:
            raise ChromiumFailed(f"Chromium 超时 (timed out after {TIMEOUT_SECONDS}s)") from e
    if not out.exists() or out.stat().st_size == 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if proc.stderr else []
        raise ChromiumFailed(f"Chromium 未生成文件 (exit {proc.returncode}: {' '.join(tail)})")


def html_to_pdf(html_path: Path, pdf_path: Path) -> None:
    _run([f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer", html_path.resolve().as_uri()], pdf_path)


def screenshot(html_path: Path, png_path: Path, width: int = 1280, height: int = 2400) -> None:
    """A PNG of the page's first ``height`` pixels (for visual tests)."""
    _run([f"--screenshot={png_path}", f"--window-size={width},{height}", html_path.resolve().as_uri()], png_path)


def render_pdf(doc: Produced, path: str | Path) -> None:
    out = Path(path).resolve()
    with tempfile.TemporaryDirectory(prefix="cnbudget-pdf-") as tmp:
        html = Path(tmp) / "disclosure.html"
        html.write_text(render_html(doc), encoding="utf-8")
        html_to_pdf(html, out)
