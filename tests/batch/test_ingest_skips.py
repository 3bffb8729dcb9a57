"""``ingest`` lists files that are not disclosures (skipped, no failure) and possible duplicates."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cnbudget.batch.ingest import ingest
from cnbudget.cli import app
from cnbudget.store import Library
from tests.batch.corpus import write_corpus


def test_not_disclosures_are_skipped_and_duplicates_named(tmp_path):
    folder = tmp_path / "docs"
    (first,) = write_corpus(folder, 1, seed=21)
    copy = folder / "copy" / "再次发布.txt"
    copy.parent.mkdir()
    copy.write_text(first.read_text(encoding="utf-8") + "\n（重新发布）\n", encoding="utf-8")
    (folder / "通知.txt").write_text("关于做好部门预算公开工作的通知\n请各单位按时公开。\n", encoding="utf-8")
    with Library.open(str(tmp_path / "lib.db")) as lib:
        summary = ingest([folder], lib, workers=1)
    assert summary.added == 2 and not summary.failures
    assert [f for f, _ in summary.not_disclosures] == [str(folder / "通知.txt")]
    assert len(summary.duplicates) == 1
    d = summary.duplicates[0]
    assert {d.file, d.other_file} == {str(first), str(copy)} and "2023" in d.series

    r = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "lib2.db"), "-j", "1",
                                 "--format", "json"])
    assert r.exit_code == 0, r.output
    obj = json.loads(r.stdout)
    assert obj["not_disclosures"][0]["file"].endswith("通知.txt") and len(obj["possible_duplicates"]) == 1
