"""OCR figures with a lost decimal point, repaired only where the identities single one out."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.document import Source
from cnbudget.model import Column, Row, Table
from cnbudget.tables.ocr_repair import ocr_pages, repair_ocr_figures


def table(*rows: dict[str, str]) -> Table:
    cols = tuple(Column(id=c, label=c) for c in ("total", "basic", "project"))
    return Table(
        kind="expenditure",
        title="支出表",
        unit="万元",
        columns=cols,
        rows=tuple(
            Row(code=f"20101{i:02d}", name="x", values={k: Decimal(v) for k, v in r.items()}, source=Source(page=3))
            for i, r in enumerate(rows)
        ),
        source=Source(page=3),
    )


def test_a_lost_decimal_point_is_put_back_and_recorded() -> None:
    t = repair_ocr_figures(table({"total": "10374", "basic": "80.00", "project": "23.74"}))
    row = t.rows[0]
    assert row.values["total"] == Decimal("103.74")
    assert [(r.field, r.original, r.repaired) for r in row.repairs] == [("values.total", "10374", "103.74")]


def test_two_lost_points_fixed_together_when_only_that_fits() -> None:
    row = repair_ocr_figures(table({"total": "10374", "basic": "8000", "project": "23.74"})).rows[0]
    assert row.values == {"total": Decimal("103.74"), "basic": Decimal("80.00"), "project": Decimal("23.74")}


def test_rows_that_hold_or_that_no_reading_fixes_stay_as_printed() -> None:
    good = {"total": "103.74", "basic": "80.00", "project": "23.74"}
    hopeless = {"total": "99999", "basic": "80.00", "project": "23.74"}
    t = repair_ocr_figures(table(good, hopeless))
    assert [dict(r.values) for r in t.rows] == [
        {k: Decimal(v) for k, v in good.items()},
        {k: Decimal(v) for k, v in hopeless.items()},
    ]
    assert not any(r.repairs for r in t.rows)


def test_ocr_pages_from_reader_notes() -> None:
    assert ocr_pages(("ocr", "ocr.pages: 3,4")) == {3, 4}
    assert ocr_pages(("pdf.furniture: …",)) == set()
