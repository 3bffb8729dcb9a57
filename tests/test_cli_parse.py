"""`cnbudget parse`: the JSON contract and the exit codes of DESIGN.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnbudget.cli import app
from tests.tables.fixtures import BUDGET_TAB

runner = CliRunner()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cnbudget.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_json_shape(tmp_path: Path) -> None:
    f = tmp_path / "budget.txt"
    f.write_text(BUDGET_TAB, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(f), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"meta", "tables", "claims"}
    table = data["tables"][0]
    assert set(table) >= {"kind", "title", "unit", "columns", "rows", "source"}
    row = table["rows"][0]
    assert set(row) >= {"code", "name", "side", "item", "values", "source"}
    # numbers are JSON numbers written exactly as printed
    assert '"total": 150.00' in result.stdout


def test_text_format_shows_tables(tmp_path: Path) -> None:
    f = tmp_path / "budget.txt"
    f.write_text(BUDGET_TAB, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(f)])
    assert result.exit_code == 0
    assert "支出表" in result.stdout and "150.00" in result.stdout


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "文件为空"),
        (b"\x00\x01\x02\x03binary\xff\xfe" * 50, "不支持的文件格式"),
        (b"just a shopping list\napples\npears\n", "未找到预算"),
        (bytes(range(128, 256)) * 20, "无法识别的文本编码"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, content: bytes, reason: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    proc = _run("parse", str(f))
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(f) in lines[0] and reason in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    proc = _run("parse", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and "文件不存在" in proc.stderr
