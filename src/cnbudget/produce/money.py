"""Decimal arithmetic for produced figures: everything rounds to 2 decimals, half up."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def q2(value: Decimal | int | str) -> Decimal:
    """Round to 2 decimals, half up (the way the published tables round)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def total(values: Iterable[Decimal | None]) -> Decimal:
    """Exact sum of the present values, printed with 2 decimals."""
    return q2(sum((v for v in values if v is not None), Decimal(0)))


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` (2 decimals); ``None`` when ``whole`` is zero."""
    if whole == 0:
        return None
    return q2(part * HUNDRED / whole)


def growth(current: Decimal, previous: Decimal) -> Decimal | None:
    """Growth rate in percent, ``(current - previous) / previous``; ``None`` when previous is 0."""
    if previous == 0:
        return None
    return q2((current - previous) * HUNDRED / previous)


def fmt(value: Decimal | None) -> str:
    """A figure as the tables print it: 2 decimals, no thousands separators; blank if absent."""
    if value is None:
        return ""
    return format(q2(value), "f")


def fmt_plain(value: Decimal) -> str:
    """A figure in running text: 2 decimals ("86.00", "0.00")."""
    return format(q2(value), "f")
