"""Compare a produced disclosure with what ``parse`` reads back from its rendering."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from cnbudget.model import Disclosure, Row, Table


def _norm(name: str | None) -> str:
    return unicodedata.normalize("NFKC", name or "").replace(" ", "")


def row_key(r: Row) -> tuple:
    return (r.side, r.code or r.item, _norm(r.name) if not (r.code or r.item) else "")


def row_values(r: Row) -> dict[str, Decimal]:
    return {k: v for k, v in r.values.items()}


def table_differences(expected: Table, got: Table | None) -> list[str]:
    if got is None:
        return [f"{expected.kind}: not read back"]
    out: list[str] = []
    if set(expected.column_ids()) != set(got.column_ids()) and any(r.values for r in expected.rows):
        out.append(f"{expected.kind}: columns {expected.column_ids()} read as {got.column_ids()}")
    exp_rows = {row_key(r): row_values(r) for r in expected.rows}
    got_rows = {row_key(r): row_values(r) for r in got.rows}
    for key, values in exp_rows.items():
        if key not in got_rows:
            if values:
                out.append(f"{expected.kind}: row {key} missing")
            continue
        if got_rows[key] != values:
            out.append(f"{expected.kind}: row {key}: {values} read as {got_rows[key]}")
    for key, values in got_rows.items():
        if key not in exp_rows and values:
            out.append(f"{expected.kind}: extra row {key}: {values}")
    return out


def differences(expected: Disclosure, got: Disclosure) -> list[str]:
    out: list[str] = []
    for t in expected.tables:
        out.extend(table_differences(t, got.table(t.kind)))
    return out
