"""Batch ingest: folders, process pool, bad files, resuming, Dask, the CLI summary."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

import cnbudget.batch.ingest as ingest_module
from cnbudget.batch.files import collect
from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from cnbudget.store.schema import Document, FindingRecord
from tests.batch.cli_app import library_app


@pytest.fixture
def lib(tmp_path):
    with Library.open(str(tmp_path / "lib.db")) as library:
        yield library


def n_documents(lib: Library) -> int:
    with lib.reading() as s:
        return s.scalar(select(func.count(Document.id)))


def test_collect_walks_folders_and_keeps_given_files(mixed_dir):
    names = sorted(p.name for p in collect([mixed_dir]))
    assert "说明.json" not in names and "损坏.pdf" in names and len(names) == 6
    assert [p.name for p in collect([mixed_dir / "说明.json"])] == ["说明.json"]


def test_bad_files_are_listed_and_the_rest_ingested(lib, mixed_dir):
    summary = ingest([mixed_dir], lib, workers=1)
    assert summary.added == 4 and n_documents(lib) == 4
    failed = {f.rsplit("/", 1)[-1]: reason for f, reason in summary.failures}
    assert set(failed) == {"损坏.pdf"}
    # readable but no disclosure: skipped and listed, not a failure
    assert [f.rsplit("/", 1)[-1] for f, _ in summary.not_disclosures] == ["购物清单.txt"]
    assert all(reason.startswith(str(mixed_dir)) for reason in failed.values())
    assert summary.tables > 0


def test_process_pool_ingest_and_cross_year(lib, corpus_dir):
    summary = ingest([corpus_dir], lib, workers=2)
    assert (summary.added, summary.failures) == (9, [])
    assert summary.linked == 6  # three departments, two (this year, last year) pairs each
    with lib.reading() as s:
        assert s.scalar(select(func.count(FindingRecord.id)).where(FindingRecord.severity == "error")) == 0
    again = ingest([corpus_dir], lib, workers=2)
    assert (again.added, again.skipped) == (0, 9)


def test_interrupted_ingest_resumes(lib, corpus_dir):
    seen = []

    def stop_after_three(outcome):
        seen.append(outcome)
        if len(seen) == 4:
            raise KeyboardInterrupt

    first = ingest([corpus_dir], lib, workers=1, on_outcome=stop_after_three)
    assert first.interrupted and first.added == 3 and n_documents(lib) == 3
    second = ingest([corpus_dir], lib, workers=1)
    assert (second.skipped, second.added) == (3, 6) and n_documents(lib) == 9
    assert first.linked + second.linked == 6  # pairs checked as written, the rest at the end


def test_a_worker_crash_fails_only_that_file(lib, corpus_dir, tmp_path, monkeypatch):
    from tests.batch import crashy

    folder = tmp_path / "with-crash"
    folder.mkdir()
    files = sorted(corpus_dir.iterdir())[:3]
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "crash.txt").write_text("崩溃", encoding="utf-8")
    monkeypatch.setattr(ingest_module, "process_file", crashy.process_file)
    summary = ingest([folder], lib, workers=2, link_years=False)
    assert summary.added == 3
    assert [f.rsplit("/", 1)[-1] for f, _ in summary.failures] == ["crash.txt"]


def test_dask_local_cluster_ingest(lib, corpus_dir):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        summary = ingest([corpus_dir], lib, dask=client)
    assert (summary.added, summary.failures) == (9, [])
    with lib.reading() as s:
        files = set(s.scalars(select(Document.file)))
    assert files == {str(p) for p in corpus_dir.iterdir()}  # named by the source path, not a temp copy


def test_cli_ingest_summary_and_exit_codes(tmp_path, mixed_dir):
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(library_app(), ["ingest", str(mixed_dir), "--db", db, "-j", "1", "--format", "json"])
    assert result.exit_code == 2, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == 4 and len(out["failures"]) == 1 and len(out["not_disclosures"]) == 1
    assert set(out["findings"]) == {"error", "warning", "info"}
    text = CliRunner().invoke(library_app(), ["ingest", str(mixed_dir), "--db", db, "-j", "1"])
    assert text.exit_code == 2
    assert "已在库中" in text.stdout and "购物清单.txt" in text.stdout


def test_cli_ingest_missing_path_is_one_line(tmp_path):
    result = CliRunner().invoke(library_app(), ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "不存在" in result.stderr and "Traceback" not in result.stderr
