"""Hostile files in a batch: each fails alone, named with its limit; the good files go in."""

from __future__ import annotations

import shutil

from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from tests.hostile import cases


def test_hostile_files_fail_alone_and_say_which_limit(tmp_path, corpus_dir, monkeypatch):
    folder = tmp_path / "batch"
    folder.mkdir()
    good = sorted(corpus_dir.iterdir())[0]
    shutil.copy(good, folder / good.name)
    bomb = cases.xlsx_merge_bomb(folder)
    span = cases.docx_grid_span(folder)
    slow = cases.narrative_45k(folder)  # parses in about a second: past a 0.2 s budget
    monkeypatch.setenv("CNBUDGET_LIMIT_WORKER_SECONDS", "0.2")
    with Library.open(str(tmp_path / "lib.db")) as lib:
        fast_only = ingest([bomb, span, slow], lib, workers=2, link_years=False)
        monkeypatch.delenv("CNBUDGET_LIMIT_WORKER_SECONDS")
        summary = ingest([folder], lib, workers=2, link_years=False)
    assert "worker_seconds=0.2" in dict(fast_only.failures)[str(slow)]
    assert summary.added == 2  # the good file and the slow one, given its time
    failures = dict(summary.failures)
    assert "sheet_cells" in failures[str(bomb)] and "span" in failures[str(span)]
