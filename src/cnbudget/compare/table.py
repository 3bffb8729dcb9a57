"""``Comparison``: headline figures (rows) of several documents (columns), in one unit.

``rows`` follow ``store.figures.FIGURES`` order, then the function classes (``class.<code>``).
Every value is in ``unit`` (万元 unless chosen): a document printed in 元 is converted, never
shown beside 万元 figures as they were printed; ``DocumentColumn.printed_unit`` says what the
document printed.  A figure a document does not print is ``None`` (shown blank, never zero);
so is a figure whose unit the reader could not identify, and ``notes`` says which.  ``findings`` are the
cross-year findings of the documents compared (each checked against last year's document).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class DocumentColumn:
    document_id: int
    label: str  # the column heading: "2024" or the department's name
    department: str | None
    region: str | None
    year: int | None
    kind: str | None
    printed_unit: str | None  # the document's own unit (万元 / 元); the values are in Comparison.unit
    file: str


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    values: tuple[Decimal | None, ...]

    def change(self, i: int) -> Decimal | None:
        """The change from column ``i - 1`` to column ``i`` (for a series over years)."""
        if i <= 0 or self.values[i] is None or self.values[i - 1] is None:
            return None
        return self.values[i] - self.values[i - 1]  # type: ignore[operator]


@dataclass(frozen=True)
class CrossYearFinding:
    document_id: int
    against_id: int | None
    year: int | None
    rule: str
    severity: str
    message: str
    text: str | None
    expected: Decimal | None
    actual: Decimal | None


@dataclass(frozen=True)
class Comparison:
    title: str
    mode: str  # "department" | "year"
    columns: tuple[DocumentColumn, ...]
    rows: tuple[FigureRow, ...]
    findings: tuple[CrossYearFinding, ...] = field(default=())
    unit: str = "万元"
    notes: tuple[str, ...] = field(default=())  # what could not be put on the scale, renamed departments

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def row(self, key: str) -> FigureRow | None:
        return next((r for r in self.rows if r.key == key), None)

    def tidy(self) -> list[dict[str, Any]]:
        """One record per (document, figure): the long form for Parquet and analysis."""
        out = []
        for r in self.rows:
            for c, v in zip(self.columns, r.values, strict=True):
                if v is None:
                    continue
                out.append({"department": c.department, "region": c.region, "year": c.year, "kind": c.kind,
                            "unit": self.unit, "figure": r.key, "label": r.label, "amount": v,
                            "document_id": c.document_id})
        return out

    def to_json(self) -> dict[str, Any]:
        from cnbudget.serialize import _num

        return {
            "title": self.title,
            "mode": self.mode,
            "unit": self.unit,
            "notes": list(self.notes),
            "columns": [{"document_id": c.document_id, "label": c.label, "department": c.department,
                         "region": c.region, "year": c.year, "kind": c.kind, "printed_unit": c.printed_unit,
                         "file": c.file}
                        for c in self.columns],
            "rows": [{"key": r.key, "label": r.label, "values": [_num(v) for v in r.values]} for r in self.rows],
            "findings": [{"document_id": f.document_id, "against_id": f.against_id, "year": f.year, "rule": f.rule,
                          "severity": f.severity, "message": f.message, "text": f.text,
                          "expected": _num(f.expected), "actual": _num(f.actual)} for f in self.findings],
        }
