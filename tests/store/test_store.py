"""The library store on SQLite and PostgreSQL: migrations, exact round trip, one document per
content, replacement after a parser upgrade in one transaction, concurrent writers."""

from __future__ import annotations

import multiprocessing
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cnbudget.checks import check_disclosure
from cnbudget.parse import parse_file
from cnbudget.store import Entry, Library, file_hash, load_disclosure
from cnbudget.store import write as store_write
from cnbudget.store.db import head_revision, resolve_url
from cnbudget.store.read import Filters, figures_of, findings_of, list_documents
from cnbudget.store.schema import Document, RowRecord, TableRecord, ValueRecord


def entry_of(path: Path, version: str | None = None) -> Entry:
    d = parse_file(path)
    kw = {"parser_version": version} if version else {}
    return Entry(d, check_disclosure(d).findings, content_hash=file_hash(path), file=str(path), **kw)


def counts(lib: Library) -> tuple[int, int, int, int]:
    with lib.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Document, TableRecord, RowRecord, ValueRecord))


def test_migrations_create_the_models_schema(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from cnbudget.store.db import current_revision
    from cnbudget.store.schema import Base

    with Library(db_url) as lib:
        assert current_revision(lib.engine) == head_revision()
        with lib.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
        assert diff == []
    with Library(db_url) as lib:  # opening again is a no-op upgrade
        assert current_revision(lib.engine) == head_revision()


def test_round_trip_is_exact(db_url, corpus):
    path = corpus[0]
    with Library(db_url) as lib:
        saved = lib.add(entry_of(path))
        assert saved.status == "added" and saved.tables > 0
        with lib.reading() as s:
            back = load_disclosure(s, saved.document_id)
        original = parse_file(path)
        assert back.tables == original.tables
        assert back.claims == original.claims
        assert back.meta == original.meta
        # a printed "7.80" comes back as Decimal("7.80"), not 7.8
        amounts = [v for t in back.tables for r in t.rows for v in r.values.values()]
        assert all(isinstance(v, Decimal) for v in amounts)
        assert any(v.as_tuple().exponent == -2 and str(v).endswith("0") for v in amounts)


def test_same_file_twice_keeps_one_document(db_url, corpus):
    with Library(db_url) as lib:
        first = lib.add(entry_of(corpus[0]))
        again = lib.add(entry_of(corpus[0]))
        assert (first.status, again.status) == ("added", "unchanged")
        assert again.document_id == first.document_id
        assert counts(lib)[0] == 1


def test_parser_upgrade_replaces_the_rows(db_url, corpus):
    with Library(db_url) as lib:
        old = lib.add(entry_of(corpus[0], version="0.0.1"))
        before = counts(lib)
        new = lib.add(entry_of(corpus[0], version="9.9.9"))
        assert new.status == "replaced" and new.document_id == old.document_id
        assert counts(lib) == before  # same content: replaced, not duplicated
        with lib.reading() as s:
            assert s.get(Document, old.document_id).parser_version == "9.9.9"


def test_failed_reingest_leaves_the_old_version_intact(db_url, corpus, monkeypatch):
    with Library(db_url) as lib:
        old = lib.add(entry_of(corpus[0], version="0.0.1"))
        before = counts(lib)
        with lib.reading() as s:
            tables_before = load_disclosure(s, old.document_id).tables

        real = store_write.write_children

        def half_then_fail(session, doc, entry):
            half = Entry(entry.disclosure.__class__(**{**entry.disclosure.__dict__,
                                                      "tables": entry.disclosure.tables[:3]}),
                         (), entry.content_hash, entry.file, parser_version=entry.parser_version)
            real(session, doc, half)
            session.flush()
            raise RuntimeError("disk full, midway")

        monkeypatch.setattr(store_write, "write_children", half_then_fail)
        with pytest.raises(RuntimeError, match="midway"):
            lib.add(entry_of(corpus[0], version="9.9.9"))
        assert counts(lib) == before
        with lib.reading() as s:
            assert s.get(Document, old.document_id).parser_version == "0.0.1"
            assert load_disclosure(s, old.document_id).tables == tables_before


def _add_in_process(url: str, path: str, barrier, results) -> None:
    lib = Library(url)
    entry = entry_of(Path(path))
    barrier.wait(timeout=60)
    results.put(lib.add(entry).status)
    lib.close()


def test_two_processes_ingesting_the_same_file_store_one_document(db_url, corpus):
    Library(db_url).close()  # schema first (concurrent first opens are covered below)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [ctx.Process(target=_add_in_process, args=(db_url, str(corpus[1]), barrier, results)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    statuses = sorted(results.get(timeout=5) for _ in procs)
    assert statuses == ["added", "unchanged"]
    with Library(db_url) as lib:
        assert counts(lib)[0] == 1


def _open_in_process(url: str, barrier) -> None:
    barrier.wait(timeout=60)
    Library(url).close()


def test_concurrent_first_opens_migrate_once(db_url):
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_open_in_process, args=(db_url, barrier)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]


def test_filters_figures_and_findings(db_url, corpus, tmp_path):
    from tests.batch.corpus import tamper

    bad = tmp_path / corpus[2].name
    bad.write_bytes(corpus[2].read_bytes())
    tamper(bad)
    with Library(db_url) as lib:
        for p in (corpus[0], corpus[3], bad):
            lib.add(entry_of(p))
        with lib.reading() as s:
            docs, total = list_documents(s)
            assert total == 3
            errs, n = list_documents(s, Filters(severity="error"))
            assert n == 1 and errs[0].file == str(bad)
            assert any(f.severity == "error" and f.table == "three_public" for f, _ in findings_of(s, errs[0].id))
            years, _ = list_documents(s, Filters(year=2023))
            assert {d.year for d in years} == {2023}
            region, _ = list_documents(s, Filters(region=docs[0].region, department="局"))
            assert region and all(d.region == docs[0].region for d in region)
            figs = figures_of(s, [docs[0].id])[docs[0].id]
            assert figs["three_public"][0] == "“三公”经费合计"
            assert isinstance(figs["grand_total"][1], Decimal)


def test_db_url_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv("CNBUDGET_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'xdg' / 'cnbudget' / 'library.db'}"
    monkeypatch.setenv("CNBUDGET_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url(tmp_path / "arg.db") == f"sqlite:///{tmp_path / 'arg.db'}"
    assert resolve_url("postgresql://u@h/db").startswith("postgresql+psycopg://u@h/db")


def test_cross_year_findings_are_stored_against_last_year(db_url, corpus, tmp_path):
    import random

    from cnbudget.produce.inputs import PreviousYear
    from cnbudget.render.text import render_text
    from cnbudget.store.cross_year import link_years
    from tests.batch.corpus import build, department_name

    region, dept = department_name(50)
    rng = random.Random(1)
    y1 = build(dept, region, 2024, rng)
    # this year's narrative compares with a wrong "last year" figure
    y2 = build(dept, region, 2025, rng, PreviousYear(year=2024, grand_total=Decimal("1.00")))
    p1, p2 = tmp_path / "a.txt", tmp_path / "b.txt"
    p1.write_text(render_text(y1), encoding="utf-8")
    p2.write_text(render_text(y2), encoding="utf-8")
    with Library(db_url) as lib:
        a = lib.add(entry_of(p1)).document_id
        b = lib.add(entry_of(p2)).document_id
        assert link_years(lib) == 1
        assert link_years(lib) == 0  # nothing pending any more
        with lib.reading() as s:
            cross = [(f, against) for f, against in findings_of(s, b) if against is not None]
            assert cross and all(against == a for _, against in cross)
            assert any(f.severity == "error" for f, _ in cross)
            assert s.get(Document, b).errors >= 1
