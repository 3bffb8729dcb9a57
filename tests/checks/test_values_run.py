"""What one check run reads once from the tables (``values.RunMemo``): kept for the run, dropped
after it; and ``top_rows``, the top level of ``code_tree`` read without building the tree."""

from __future__ import annotations

import gc
import weakref
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.checks import check_disclosure
from cnbudget.checks.values import RUN_MEMO, RunMemo, code_tree, table_style, top_rows
from cnbudget.model import Column, Repair, Row, Source, Table
from cnbudget.tables.name_codes import FUNCTION_FROM_NAME
from tests.checks.conftest import D


def _table(n: int = 3) -> Table:
    rows = (Row(code="201", name="一般公共服务支出", values={"total": Decimal(n * 10)}, source=Source(line=1)),
            *(Row(code=f"20101{i:02d}", name=f"项{i}", values={"total": Decimal("10.00")}, source=Source(line=i + 2))
              for i in range(n)))
    return Table(kind="expenditure", title="支出表", unit="万元", columns=(Column("total", "合计"),), rows=rows,
                 source=Source(page=1))


def test_a_tables_style_is_read_once_in_a_run_and_not_kept_after_it():
    t = _table()
    token = RUN_MEMO.set(RunMemo())
    try:
        assert table_style(t) is table_style(t)
    finally:
        RUN_MEMO.reset(token)
    assert table_style(t) is not table_style(t)  # outside a run nothing is kept
    assert table_style(t).max_decimals == 2 and table_style(t).padded


def test_a_checked_document_is_not_kept_alive_by_the_checks():
    d = D(_table())
    check_disclosure(d)
    table = weakref.ref(d.tables[0])
    row = weakref.ref(d.tables[0].rows[1])
    del d
    gc.collect()
    assert table() is None and row() is None


# rows of a function table: codes of 3, 5 or 7 digits nested or not, some blank, some looked up
# by name (their table printed names only)
_codes = st.sampled_from(["201", "20101", "2010101", "2010102", "20102", "2010201", "205", "20501", "2050101", ""])
_rows = st.lists(st.tuples(_codes, st.booleans()), min_size=0, max_size=14)


@settings(max_examples=400, deadline=None)
@given(_rows)
def test_top_rows_are_the_top_level_of_the_code_tree(spec):
    rows = [Row(code=code or None, name=f"行{i}", values={}, source=Source(line=i + 1),
                repairs=(Repair("code", "", code, FUNCTION_FROM_NAME),) if by_name and code else ())
            for i, (code, by_name) in enumerate(spec)]
    assert top_rows(rows) == [n.row for n in code_tree(rows)]


def _preorder(nodes):  # noqa: ANN001, ANN202 - the recursive reading ``walk`` stands for
    for n in nodes:
        yield n
        yield from _preorder(n.children)


@settings(max_examples=200, deadline=None)
@given(_rows)
def test_walk_visits_every_node_before_its_children_in_printed_order(spec):
    from cnbudget.checks.values import walk

    rows = [Row(code=code or None, name=f"行{i}", values={}, source=Source(line=i + 1)) for i, (code, _) in enumerate(spec)]
    tree = code_tree(rows)
    assert [n.row for n in walk(tree)] == [n.row for n in _preorder(tree)]
    assert sorted(id(n.row) for n in walk(tree)) == sorted(id(r) for r in rows)
