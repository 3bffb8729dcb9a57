"""The dashboard's counts (``store.stats``) and library search (``store.search``), on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import pytest

from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from cnbudget.store.schema import Document, FindingRecord
from cnbudget.store.search import search
from cnbudget.store.stats import library_stats
from tests.batch.corpus import department_name, tamper, write_corpus


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stats-docs")
    paths = write_corpus(folder, 4, seed=17)  # 示例市 2023–2025, 样本市 2023
    tamper(paths[1])  # 示例市 2024: a 三公 total off by 1.00
    return folder


@pytest.fixture
def lib(db_url, docs):
    with Library.open(db_url) as library:
        assert ingest([docs], library, workers=1, isolate=False).added == 4
        yield library


def test_counts_by_region_year_kind_and_rule(lib):
    with lib.reading() as s:
        stats = library_stats(s)
        docs = list(s.query(Document))
        errors = list(s.query(FindingRecord).filter(FindingRecord.severity == "error"))
    assert stats.documents == 4 and stats.errors == sum(d.errors for d in docs) == len(errors) > 0
    assert stats.with_errors == sum(1 for d in docs if d.errors)
    regions = {g.key: g for g in stats.by_region}
    sample, other = department_name(0)[0], department_name(1)[0]
    assert regions[sample].documents == 3 and regions[other].documents == 1
    assert regions[sample].errors == stats.errors and regions[other].errors == 0
    assert [g.key for g in stats.by_year] == [2025, 2024, 2023]  # newest first
    by_year = {g.key: g.errors for g in stats.by_year}
    assert sum(by_year.values()) == stats.errors and by_year[2024] >= 1 and by_year[2023] == 0
    assert {g.key: g.documents for g in stats.by_kind} == {"budget": 4}
    by_rule = {r.rule: r for r in stats.by_rule}
    assert sum(r.errors for r in stats.by_rule) == stats.errors
    assert all(r.documents >= 1 for r in by_rule.values())
    assert stats.by_rule == tuple(sorted(stats.by_rule, key=lambda r: (-r.errors, -r.warnings, r.rule)))


def test_an_empty_library_counts_nothing(db_url):
    with Library.open(db_url) as empty, empty.reading() as s:
        stats = library_stats(s)
    assert (stats.documents, stats.errors, stats.by_region, stats.by_rule) == (0, 0, (), ())


def test_search_by_department_code_and_text(lib):
    with lib.reading() as s:
        by_department = search(s, "样本", "department")
        assert [h.document.department for h in by_department] == [department_name(1)[1]]
        by_code = search(s, "208", "code")  # a 类 code finds its 款 and 项 rows too
        assert len(by_code) == 4 and all(h.places for h in by_code)
        assert all(p.split("：")[1].startswith("208") for h in by_code for p in h.places)
        assert len(by_code[0].places) <= 5
        assert [h.document.year for h in by_code] == sorted((h.document.year for h in by_code), reverse=True)
        spaced = search(s, "208 05", "code")
        assert {h.document.id for h in spaced} == {h.document.id for h in by_code}
        assert search(s, "社会保障", "text") and search(s, "   ", "text") == []
        assert search(s, "%", "department") == [] and search(s, "_", "code") == []  # no LIKE wildcards
