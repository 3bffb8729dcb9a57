"""What every table recipe shares: the registry, the printed table a layout makes, row helpers.

A recipe computes one table of a layout from the primary figures: ``@recipe("name")`` on a
function ``(inp, table_layout, doc_layout) -> Table``; a layout file names it in a table's
``recipe``.  Nothing derived is ever taken from the input.  Amounts are exact 2-decimal
``Decimal``s; a sum of 2-decimal figures needs no rounding, so every printed total equals the
sum of its printed parts exactly.  An absent (blank) cell is a missing key in ``Row.values``: a
zero sum of a column nobody uses stays blank, the way the published tables print it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from cnbudget.codes.classes import FUNCTION_CLASSES
from cnbudget.document import Source
from cnbudget.model import Column, Meta, Row, Table
from cnbudget.produce.layout import DocumentLayout, TableLayout

NO_SOURCE = Source()
ZERO = Decimal("0.00")

Recipe = Callable[[Any, TableLayout, DocumentLayout], Table]
RECIPES: dict[str, Recipe] = {}


def recipe(name: str) -> Callable[[Recipe], Recipe]:
    """Register a table recipe under the name layout files use."""

    def register(fn: Recipe) -> Recipe:
        if name in RECIPES:
            raise ValueError(f"recipe {name!r} registered twice")
        RECIPES[name] = fn
        return fn

    return register


def values(pairs: Iterable[tuple[str, Decimal]], keep_zero: Iterable[str] = ()) -> dict[str, Decimal]:
    """Column id → amount, leaving out zero amounts of columns that are blank when unused."""
    keep = set(keep_zero)
    return {k: v for k, v in pairs if v != 0 or k in keep}


def columns(layout: TableLayout) -> tuple[Column, ...]:
    labels = layout.labels()
    return tuple(Column(id=cid, label=labels.get(cid, cid)) for cid in layout.amount_ids())


def table_title(layout: TableLayout, doc: DocumentLayout, year: int | str | None) -> str:
    return f"{year or ''}{doc.year_word}{layout.title}"


def make_table(layout: TableLayout, doc: DocumentLayout, meta: Meta, rows: list[Row]) -> Table:
    """A table as its layout prints it; an empty one carries the layout's empty note."""
    notes = list(layout.notes)
    if not any(r.values for r in rows) and layout.empty_note:
        notes.append(layout.empty_note.format(year=meta.year or ""))
    return Table(kind=layout.kind, title=table_title(layout, doc, meta.year), unit=meta.unit or "万元",
                 columns=columns(layout), rows=tuple(rows), source=NO_SOURCE, number=layout.number or None,
                 notes=tuple(notes))


def side_row(side: str, item: str, name: str, vals: dict[str, Decimal]) -> Row:
    """A line of one side of a two-sided summary table."""
    return Row(code=None, name=name, values=vals, source=NO_SOURCE, side=side, item=item)


# Chinese numerals for the summary tables' class lines ("八、社会保障和就业支出").
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 19 → 十九, 21 → 二十一 (up to 99)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def function_name(code: str, names: Mapping[str, str], year: int | None = None) -> str:
    """The name of a 类/款/项: the input's own, else the catalog's, else the code itself."""
    if code in names:
        return names[code]
    if len(code) == 3 and code in FUNCTION_CLASSES:
        return FUNCTION_CLASSES[code]
    try:
        from cnbudget.codes.catalog import function_code

        entry = function_code(code, year)
    except Exception:  # noqa: BLE001 - the catalog is optional data
        entry = None
    return entry.name if entry is not None else code
