"""Levels of rows printed without codes or indentation, read from their own sums.

A 项目支出表 of 西安 prints under each unit line 通用项目 / 专用项目, under them groups
(维修改造, 其他履职尽责专项业务费), under those the projects — all alike, one column of names.
Which rows add up to which is told only by the figures: a row is a parent when the rows
printed right after it add up to it.  ``read_levels`` finds such a nesting whose top rows add
up to the whole; finding one verifies every parent of it, so a table read that way needs no
other sum.  A table with a real error has no such nesting, and is checked as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cnbudget.checks.values import whole_bounds
from cnbudget.model import Row, Table
from cnbudget.numbers import bounds_meet

# A table whose reading needs more steps than this is not read (left to the flat sums)
MAX_STEPS = 200_000


class _OutOfSteps(Exception):
    pass


def read_levels(t: Table, rows: Sequence[Row], col: str, whole: Decimal | None) -> bool:
    """Whether ``rows`` nest (each parent followed by rows that add up to it) into top rows
    that add up to ``whole``, in ``col``, with at least one parent among them."""
    vals = [r.values.get(col) for r in rows]
    if whole is None or len(vals) < 3 or any(v is None or v < 0 for v in vals):
        return False
    try:
        return (len(vals), True) in _Reader(t, [v for v in vals if v is not None]).forest(0, whole)
    except _OutOfSteps:
        return False


class _Reader:
    """Which rows can end a run of nodes adding up to a figure, remembered per start and figure
    (each row's figure is the only target a run can have, so the work stays polynomial).  The
    sums are of the table's whole-number bounds (``WholeBounds``): the states are compared and
    hashed by the thousand."""

    def __init__(self, t: Table, vals: list[Decimal]) -> None:
        self.whole = whole_bounds(t)
        self.vals, self.steps = vals, 0
        self.bounds = [self.whole.of(v) for v in vals]
        self._forests: dict[tuple[int, Decimal], frozenset[tuple[int, bool]]] = {}
        self._nodes: dict[int, frozenset[tuple[int, bool]]] = {}

    def forest(self, start: int, target: Decimal) -> frozenset[tuple[int, bool]]:
        """(end, has a parent): rows ``start:end`` read as consecutive nodes adding up to ``target``."""
        key = (start, target)
        if key not in self._forests:
            goal_lo, goal_hi = self.whole.of(target)
            ends: set[tuple[int, bool]] = set()
            # (position, the run's sum as (lo, hi), whether it holds a parent)
            frontier = {(start, 0, 0, False)}
            seen = set(frontier)
            while frontier:
                pos, acc_lo, acc_hi, parent = frontier.pop()
                if pos == len(self.vals):
                    continue
                lo, hi = self.bounds[pos]
                for end, inner in self.node(pos):
                    self._spend()
                    total_lo, total_hi = acc_lo + lo, acc_hi + hi
                    if total_lo > goal_hi:
                        continue
                    state = (end, total_lo, total_hi, parent or inner)
                    if bounds_meet(total_lo, total_hi, goal_lo, goal_hi):
                        ends.add((end, parent or inner))
                    if state not in seen:
                        seen.add(state)
                        frontier.add(state)
            self._forests[key] = frozenset(ends)
        return self._forests[key]

    def node(self, i: int) -> frozenset[tuple[int, bool]]:
        """(end, is a parent) of the node starting at row ``i``: a leaf, or a parent of the rows
        after it that add up to it."""
        if i not in self._nodes:
            self._nodes[i] = frozenset()  # no row is its own descendant
            ends = {(i + 1, False)}
            if self.vals[i] > 0:
                ends |= {(end, True) for end, _ in self.forest(i + 1, self.vals[i])}
            self._nodes[i] = frozenset(ends)
        return self._nodes[i]

    def _spend(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _OutOfSteps
