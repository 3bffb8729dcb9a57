"""The identity rules add a table's figures as whole numbers (``WholeBounds``); they must answer
exactly as the Decimal intervals of DESIGN.md "tolerance" do, for any printed precision."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.checks.values import (
    DOC_PADDED,
    EXACT_ZERO,
    add_bounds,
    exceeds_tester,
    iv,
    iv_sum,
    parts_tester,
    whole_bounds,
)
from cnbudget.model import Column, Row, Source, Table
from cnbudget.numbers import bounds_meet

# a printed figure: up to 12 digits, 0–4 decimals, either sign
figures = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=0, max_value=4),
)
cells = st.one_of(st.none(), figures)


def _table(rows: list[list[Decimal | None]]) -> Table:
    cols = [f"c{i}" for i in range(len(rows[0]))]
    return Table(
        kind="expenditure",
        title="支出表",
        unit="万元",
        columns=tuple(Column(id=c, label=c) for c in cols),
        rows=tuple(
            Row(code=None, name=f"r{i}", values={c: v for c, v in zip(cols, vals, strict=True) if v is not None},
                source=Source(line=i + 1))
            for i, vals in enumerate(rows)
        ),
        source=Source(page=1),
    )


def _decimal_sum(t: Table, values: list[Decimal | None]):  # noqa: ANN202
    """The reference: each figure's Decimal interval (``iv``), added as Decimals."""
    return sum((iv(t, v) for v in values if v is not None), EXACT_ZERO)


def _decimal_meets(t: Table, left: list[Decimal | None], right: list[Decimal | None]) -> bool:
    return _decimal_sum(t, left).meets(_decimal_sum(t, right))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=6), st.booleans())
def test_iv_sum_of_a_tables_figures_is_the_sum_of_their_decimal_intervals(rows, doc_padded):
    t = _table(rows)
    with _doc_padded(doc_padded):
        values = [v for r in t.rows for v in r.values.values()]
        whole, decimal = iv_sum(t, values), _decimal_sum(t, values)
        assert (whole.lo, whole.hi) == (decimal.lo, decimal.hi)
        # a figure finer than the table's (none of its own): added as a Decimal, still exact
        finer = [*values, Decimal("0.00001")]
        assert iv_sum(t, finer) == _decimal_sum(t, finer)


@contextmanager
def _doc_padded(padded: bool) -> Iterator[None]:
    """The engine's setting for the document checked: whether it prints trailing zeros."""
    token = DOC_PADDED.set(padded)
    try:
        yield
    finally:
        DOC_PADDED.reset(token)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, min_size=4, max_size=4), min_size=1, max_size=6), st.booleans())
def test_whole_number_sums_answer_as_decimal_intervals(rows, doc_padded):
    t = _table(rows)
    with _doc_padded(doc_padded):
        whole = whole_bounds(t)
        for r in t.rows:
            left, right = [r.values.get("c0")], [r.values.get(c) for c in ("c1", "c2", "c3")]
            figures = whole.row(r)
            lb = [b for c in ("c0",) if (b := figures[whole.position[c]]) is not None]
            rb = [b for c in ("c1", "c2", "c3") if (b := figures[whole.position[c]]) is not None]
            assert bounds_meet(*add_bounds(lb), *add_bounds(rb)) == _decimal_meets(t, left, right)
        parent, children = t.rows[0], list(t.rows[1:])
        expected = []
        for c in ("c0", "c1", "c2", "c3"):
            target = parent.values.get(c)
            parts = [r.values.get(c) for r in children]
            if target is not None or any(v is not None for v in parts):
                expected.append((c, _decimal_meets(t, [target], parts)))
        assert parts_tester(t)(parent, ("c0", "c1", "c2", "c3"), children) == expected


@given(figures)
def test_a_figure_as_whole_numbers_is_its_interval_scaled(value):
    t = _table([[value, Decimal("0.001")]])
    whole = whole_bounds(t)
    lo, hi = whole.of(t.rows[0].values["c0"])
    i = iv(t, t.rows[0].values["c0"])
    assert (Decimal(lo).scaleb(-whole.scale), Decimal(hi).scaleb(-whole.scale)) == (i.lo, i.hi)


def test_sums_that_only_touch_at_an_end_do_not_meet():
    # 0.72 stands for [0.715, 0.725); 0.73 for [0.725, 0.735): they only touch
    t = _table([[Decimal("0.72")], [Decimal("0.73")]])
    assert parts_tester(t)(t.rows[0], ["c0"], [t.rows[1]]) == [("c0", False)]


def test_a_value_finer_than_the_table_has_no_whole_number():
    t = _table([[Decimal("1.5")]])
    with pytest.raises(ValueError):
        whole_bounds(t).of(Decimal("1.234"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, min_size=1, max_size=1), min_size=1, max_size=5),
       st.lists(st.lists(cells, min_size=1, max_size=1), min_size=1, max_size=5))
def test_a_sum_exceeding_another_tables_sum_in_whole_numbers_is_the_decimal_answer(a_rows, b_rows):
    a, b = _table(a_rows), _table(b_rows)  # two tables, each at its own scale
    a_values = [r.values.get("c0") for r in a.rows]
    b_values = [r.values.get("c0") for r in b.rows]
    expected = _decimal_sum(a, a_values).lo > _decimal_sum(b, b_values).hi
    assert exceeds_tester(a, b)(list(a.rows), list(b.rows), "c0") == expected


def test_a_figure_printed_with_very_many_decimals_still_has_whole_bounds():
    # past the precomputed powers of ten: read, not an IndexError
    tiny = Decimal(1).scaleb(-80)
    t = _table([[tiny], [Decimal("1")]])
    lo, hi = whole_bounds(t).of(t.rows[0].values["c0"])
    i = iv(t, tiny)
    assert (Decimal(lo).scaleb(-81), Decimal(hi).scaleb(-81)) == (i.lo, i.hi)
