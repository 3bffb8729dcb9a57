"""bench/accuracy.py: scoring parsed cells against a key."""

from __future__ import annotations

from bench import accuracy
from bench.common import load_key
from tests.conftest import seed_path


def cell(table, row, column, value, n=0):
    return {"table": table, "n": n, "row": row, "column": column, "value": value, "line": 1}


def test_compare_counts_exact_wrong_missing_and_extra():
    key = [cell("income", "total", "total", "10.00"), cell("income", "201", "total", "4.50"),
           cell("summary", "income:grand_total", "total", "10.00")]
    got = [cell("income", "total", "total", "10.00"), cell("income", "201", "total", "4.5"),
           cell("income", "208", "total", "5.50")]
    scores = accuracy.compare(key, got)
    assert (scores["income"].exact, scores["income"].wrong, scores["income"].extra) == (1, 1, 1)
    assert scores["summary"].missing == 1
    t = accuracy.total(scores)
    assert (t.key, t.exact) == (3, 1)


def test_seed_against_its_key():
    path = seed_path("000")
    res = accuracy.measure([path])
    o = res.overall()
    assert o.key == len(load_key(path))
    assert o.exact + o.wrong + o.missing == o.key
    assert "| 000 |" in accuracy.markdown(res)
