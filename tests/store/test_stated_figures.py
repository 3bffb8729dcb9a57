"""Headline figures of a disclosure published as its 情况说明 only (北京): as the text states them."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.document import Source
from cnbudget.model import Claim, Disclosure, Meta, Ref
from cnbudget.store.figures import figures_with_units


def _claim(i: int, value: str, ref: Ref | None, unit: str = "万元", basis: str = "current") -> Claim:
    return Claim(id=i, text="…", kind="amount", value=Decimal(value), unit=unit, subject="收入", direction=None,
                 basis=basis, related={}, refers_to=ref, source=Source(page=3))


def test_a_narrative_only_disclosure_keeps_the_figures_it_states():
    d = Disclosure(file="x.pdf", meta=Meta(department="示例市交通委员会", year=2026, kind="budget"), tables=(),
                   claims=(_claim(1, "1448787.35", Ref("income", "total", "total")),
                           _claim(2, "1506121.45", Ref("income", "total", "total"), basis="previous"),
                           _claim(3, "120.50", Ref("three_public", "total", "total")),
                           _claim(4, "99.00", None)))
    got = figures_with_units(d)
    assert got["grand_total"] == (Decimal("1448787.35"), "万元")  # this year's, not last year's
    assert got["three_public"] == (Decimal("120.50"), "万元")
    assert len(got) == 2
