"""``cnbudget check`` / ``cnbudget rules``: JSON shape, exit codes, batches, html."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cnbudget.cli import app

runner = CliRunner()

GOOD = """某市测试局2024年部门预算

2024年一般公共预算"三公"经费预算表

单位：万元

"三公"经费合计	因公出国（境）费	公务用车购置及运行费			公务接待费
		小计	公务用车购置	公务用车运行
4.00	0.00	2.00	0.00	2.00	2.00
"""


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    return good, bad


def test_json_shape_one_file(files):
    good, _ = files
    r = runner.invoke(app, ["check", str(good), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    obj = json.loads(r.stdout)
    assert set(obj) >= {"file", "findings", "summary"}
    assert set(obj["summary"]) == {"error", "warning", "info"}
    for f in obj["findings"]:
        assert set(f) == {"rule", "severity", "message", "table", "row", "column", "expected", "actual", "source", "text"}
    assert r.exit_code == (1 if obj["summary"]["error"] else 0)


def test_unreadable_single_file_exit_2(files):
    _, bad = files
    r = runner.invoke(app, ["check", str(bad), "--format", "json"])
    assert r.exit_code == 2
    assert "Traceback" not in r.output


def test_batch_goes_on_after_a_bad_file(files):
    good, bad = files
    r = runner.invoke(app, ["check", str(bad), str(good), "--format", "json"])
    assert r.exit_code == 2
    out = r.stdout[r.stdout.index("["):]
    arr = json.loads(out)
    assert [o["file"] for o in arr][0] == str(good)
    assert any("error" in o for o in arr)


def test_html_and_text_and_output(files, tmp_path):
    good, _ = files
    out = tmp_path / "f.html"
    r = runner.invoke(app, ["check", str(good), "--format", "html", "--output", str(out)])
    html = out.read_text(encoding="utf-8")
    # one self-contained file, no script at all (the severity filter is CSS): works from disk and
    # under a Content-Security-Policy
    assert html.startswith("<!DOCTYPE html>") and "<link" not in html
    assert "<script" not in html
    assert not (tmp_path / "cnbudget-findings.js").exists()
    r = runner.invoke(app, ["check", str(good)])
    assert "good.txt" in r.stdout


def test_rules_lists_every_rule():
    r = runner.invoke(app, ["rules", "--format", "json"])
    assert r.exit_code == 0
    ids = {x["id"] for x in json.loads(r.stdout)}
    assert {"sum.rows", "claim.rate_wrong_base", "engine.rule_failed", "verify.could_not_verify"} <= ids
