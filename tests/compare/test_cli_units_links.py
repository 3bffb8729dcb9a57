"""The CLI over units and links: ``compare --unit``, ``cnbudget link`` (add, list, remove) and
``check --against`` accepting a linked department."""

from __future__ import annotations

import json
import random
from decimal import Decimal

from typer.testing import CliRunner

from cnbudget.cli import app
from tests.batch.corpus import build, write_corpus
from tests.compare.yuan import reprint_in_yuan


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_compare_unit_option(tmp_path):
    folder = tmp_path / "docs"
    wan, other = write_corpus(folder, 2, years=(2024,), seed=12)
    reprint_in_yuan(other, folder / "in-yuan.txt")
    other.unlink()
    db = str(tmp_path / "lib.db")
    assert _run("ingest", str(folder), "--db", db, "--workers", "1").exit_code == 0
    wide = json.loads(_run("compare", "--db", db, "--year", "2024", "--format", "json").stdout)
    yuan = json.loads(_run("compare", "--db", db, "--year", "2024", "--unit", "元", "--format", "json").stdout)
    assert (wide["unit"], yuan["unit"]) == ("万元", "元")
    gt = {r["key"]: r["values"] for r in wide["rows"]}["grand_total"]
    gt_yuan = {r["key"]: r["values"] for r in yuan["rows"]}["grand_total"]
    assert [Decimal(str(v)) * 10000 for v in gt] == [Decimal(str(v)) for v in gt_yuan]
    r = _run("compare", "--db", db, "--year", "2024")
    assert r.exit_code == 0 and "单位：万元" in r.stdout
    r = _run("compare", "--db", db, "--year", "2024", "--unit", "千元")
    assert r.exit_code == 2 and "金额单位只能是" in r.stderr
    out = tmp_path / "y.csv"
    r = _run("compare", "--db", db, "--year", "2024", "--unit", "元", "--to", "csv", "-o", str(out))
    assert r.exit_code == 0 and str(out) in r.stderr and "行" in r.stderr
    assert {line.split(",")[2] for line in out.read_text(encoding="utf-8-sig").splitlines()[1:]} == {"元"}


def test_link_command_and_against(tmp_path):
    from cnbudget.produce.inputs import PreviousYear
    from cnbudget.render.text import render_text

    rng = random.Random(8)
    old, new = "样本市卫生和计划生育委员会", "样本市卫生健康委员会"
    y1 = build(old, "样本市", 2024, rng)
    y2 = build(new, "样本市", 2025, rng, PreviousYear(year=2024, grand_total=y1.disclosure.table("summary")
                                                       .row_by_item("income", "grand_total").values["total"]))
    p1, p2 = tmp_path / "2024.txt", tmp_path / "2025.txt"
    p1.write_text(render_text(y1), encoding="utf-8")
    p2.write_text(render_text(y2), encoding="utf-8")
    db = str(tmp_path / "lib.db")

    r = _run("check", str(p2), "--against", str(p1), "--db", db)
    assert r.exit_code == 2 and "部门不同" in r.stderr

    r = _run("link", "--db", db)
    assert r.exit_code == 0 and "没有部门更名关联" in r.stdout
    r = _run("link", old, new, "--db", db)
    assert r.exit_code == 0 and f"已关联：{old} → {new}" in r.stdout and "还没有" in r.stdout
    listed = json.loads(_run("link", "--db", db, "--format", "json").stdout)
    assert listed == {"links": [{"old": old, "new": new, "known_old": False, "known_new": False}]}

    r = _run("check", str(p2), "--against", str(p1), "--db", db)
    assert r.exit_code == 0, r.output  # the same department under its new name: checked, consistent

    r = _run("link", "--remove", old, new, "--db", db)
    assert r.exit_code == 0 and "已删除关联" in r.stdout
    assert _run("check", str(p2), "--against", str(p1), "--db", db).exit_code == 2
    r = _run("link", "--remove", old, new, "--db", db)
    assert r.exit_code == 2 and "没有" in r.stderr and "Traceback" not in r.output
    r = _run("link", old, "--db", db)
    assert r.exit_code == 2 and "OLD NEW" in r.stderr


def test_list_shows_possible_duplicates(tmp_path):
    folder = tmp_path / "docs"
    (first,) = write_corpus(folder, 1, years=(2024,), seed=14)
    copy = folder / "再次发布.txt"  # the same department and year, re-published with a trailing line
    copy.write_text(first.read_text(encoding="utf-8") + "\n（更新）\n", encoding="utf-8")
    db = str(tmp_path / "lib.db")
    assert _run("ingest", str(folder), "--db", db, "--workers", "1").exit_code == 0
    listed = json.loads(_run("list", "--db", db, "--format", "json").stdout)["documents"]
    ids = sorted(d["id"] for d in listed)
    assert {d["id"]: d["possible_duplicates"] for d in listed} == {ids[0]: [ids[1]], ids[1]: [ids[0]]}
    r = CliRunner().invoke(app, ["list", "--db", db], env={"COLUMNS": "200"})
    assert f"（可能与 #{ids[0]} 重复）" in r.stdout and f"（可能与 #{ids[1]} 重复）" in r.stdout
