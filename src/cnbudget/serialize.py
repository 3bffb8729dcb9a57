"""The JSON shapes of DESIGN.md's command-line contract, written exactly from Decimal."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from cnbudget.model import Claim, Disclosure, Finding, Row, Table

_MARK = "\u2063DEC:"  # invisible separator: never in a disclosure's own text
_MARK_RE = re.compile('"' + _MARK + r'(-?[0-9.]+)"')


def _num(d: Decimal | None) -> Any:
    """A Decimal as a placeholder that ``dumps`` turns into its exact JSON number."""
    if d is None:
        return None
    return _MARK + format(d, "f")


def row_to_json(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": row.code,
        "name": row.name,
        "side": row.side,
        "item": row.item,
        "values": {k: _num(v) for k, v in row.values.items()},
        "source": row.source.to_json(),
    }
    if row.texts:
        out["texts"] = dict(row.texts)
    if row.breaks:
        out["breaks"] = [{"column": k, "at": at, "source": src.to_json()} for k, at, src in row.breaks]
    if row.repairs:
        out["repairs"] = [
            {"field": r.field, "original": r.original, "repaired": r.repaired, "reason": r.reason}
            for r in row.repairs
        ]
    return out


def table_to_json(table: Table) -> dict[str, Any]:
    return {
        "kind": table.kind,
        "title": table.title,
        "number": table.number,
        "unit": table.unit,
        "columns": [{"id": c.id, "label": c.label} for c in table.columns],
        "rows": [row_to_json(r) for r in table.rows],
        "notes": list(table.notes),
        "uncertain": list(table.uncertain),
        "source": table.source.to_json(),
    }


def claim_to_json(claim: Claim) -> dict[str, Any]:
    ref = claim.refers_to
    return {
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind,
        "value": _num(claim.value),
        "unit": claim.unit,
        "subject": claim.subject,
        "direction": claim.direction,
        "basis": claim.basis,
        "related": dict(claim.related),
        "refers_to": None if ref is None else {"table": ref.table, "row": ref.row, "column": ref.column, "side": ref.side},
        "source": claim.source.to_json(),
    }


def disclosure_to_json(d: Disclosure) -> dict[str, Any]:
    m = d.meta
    return {
        "file": d.file,
        "meta": {
            "department": m.department,
            "region": m.region,
            "year": m.year,
            "kind": m.kind,
            "scope": m.scope,
            "unit": m.unit,
            "title": m.title,
        },
        "tables": [table_to_json(t) for t in d.tables],
        "claims": [claim_to_json(c) for c in d.claims],
        "sections": [{"title": s.title, "source": s.source.to_json()} for s in d.sections],
        "notes": list(d.notes),
    }


def finding_to_json(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "table": f.table,
        "row": f.row,
        "column": f.column,
        "expected": _num(f.expected),
        "actual": _num(f.actual),
        "source": None if f.source is None else f.source.to_json(),
        "text": f.text,
    }


def dumps(obj: Any) -> str:
    """JSON text with Chinese kept readable and Decimals written exactly."""
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    return _MARK_RE.sub(lambda m: m.group(1), text)
