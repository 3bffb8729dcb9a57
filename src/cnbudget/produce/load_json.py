"""The JSON of ``cnbudget parse --format json`` back into a ``Disclosure``.

The inverse of ``serialize.disclosure_to_json``: numbers are read as exact ``Decimal`` (never
through float), absent values stay absent.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from cnbudget.document import Source
from cnbudget.errors import CnbudgetError
from cnbudget.model import Claim, Column, Disclosure, Meta, Ref, Repair, Row, Section, Table


class BadJson(CnbudgetError):
    """Not the JSON of ``cnbudget parse``."""


def _dec(x: Any) -> Decimal:
    if isinstance(x, Decimal):
        return x
    if isinstance(x, bool) or not isinstance(x, int | str):
        raise ValueError(f"not a number: {x!r}")
    try:
        value = Decimal(str(x))
    except ArithmeticError as e:  # decimal.InvalidOperation: "12万" is no amount
        raise ValueError(f"not a number: {x!r}") from e
    if not value.is_finite():  # "NaN", "Infinity": no amount a table prints
        raise ValueError(f"not a number: {x!r}")
    return value


def _source(obj: Any) -> Source:
    if not isinstance(obj, dict):
        return Source()
    box = obj.get("box")
    return Source(
        line=int(obj["line"]) if obj.get("line") is not None else None,
        page=int(obj["page"]) if obj.get("page") is not None else None,
        box=tuple(float(b) for b in box) if box else None,  # type: ignore[arg-type]
        sheet=obj.get("sheet"),
        cell=obj.get("cell"),
    )


def row_from_json(obj: dict[str, Any]) -> Row:
    return Row(
        code=obj.get("code"),
        name=obj.get("name"),
        values={k: _dec(v) for k, v in (obj.get("values") or {}).items() if v is not None},
        source=_source(obj.get("source")),
        side=obj.get("side"),
        item=obj.get("item"),
        texts=dict(obj.get("texts") or {}),
        repairs=tuple(Repair(r["field"], r["original"], r["repaired"], r["reason"]) for r in obj.get("repairs") or ()),
        breaks=tuple((b["column"], int(b["at"]), _source(b.get("source"))) for b in obj.get("breaks") or ()),
    )


def table_from_json(obj: dict[str, Any]) -> Table:
    return Table(
        kind=obj["kind"],
        title=obj.get("title") or "",
        unit=obj.get("unit"),
        columns=tuple(Column(c["id"], c.get("label") or c["id"]) for c in obj.get("columns") or ()),
        rows=tuple(row_from_json(r) for r in obj.get("rows") or ()),
        source=_source(obj.get("source")),
        number=obj.get("number"),
        notes=tuple(obj.get("notes") or ()),
        uncertain=tuple(obj.get("uncertain") or ()),
    )


def claim_from_json(obj: dict[str, Any]) -> Claim:
    ref = obj.get("refers_to")
    return Claim(
        id=int(obj.get("id", 0)),
        text=obj.get("text") or "",
        kind=obj.get("kind") or "amount",
        value=_dec(obj["value"]),
        unit=obj.get("unit") or "",
        subject=obj.get("subject") or "",
        source=_source(obj.get("source")),
        refers_to=None if not ref else Ref(ref.get("table"), ref.get("row"), ref.get("column"), ref.get("side")),
        direction=obj.get("direction"),
        related={k: int(v) for k, v in (obj.get("related") or {}).items()},
        basis=obj.get("basis") or "current",
    )


def disclosure_from_json(obj: dict[str, Any]) -> Disclosure:
    m = obj.get("meta") or {}
    year = m.get("year")
    return Disclosure(
        file=obj.get("file") or "",
        meta=Meta(
            department=m.get("department"),
            region=m.get("region"),
            year=int(year) if year is not None else None,
            kind=m.get("kind"),
            scope=m.get("scope"),
            unit=m.get("unit"),
            title=m.get("title"),
        ),
        tables=tuple(table_from_json(t) for t in obj.get("tables") or ()),
        claims=tuple(claim_from_json(c) for c in obj.get("claims") or ()),
        sections=tuple(Section(s.get("title") or "", _source(s.get("source"))) for s in obj.get("sections") or ()),
        notes=tuple(obj.get("notes") or ()),
        format="json",
    )


def loads(text: str, file: str | None = None) -> Disclosure:
    try:
        obj = json.loads(text, parse_float=Decimal)
        if not isinstance(obj, dict) or "tables" not in obj:
            raise BadJson("不是 cnbudget parse 输出的 JSON (no \"tables\")", file=file)
        return disclosure_from_json(obj)
    except BadJson:
        raise
    except (ValueError, KeyError, TypeError) as e:
        raise BadJson(f"JSON 无法读取为公开文件模型 (bad disclosure JSON: {e})", file=file) from e


def load(path: str | Path) -> Disclosure:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise BadJson(f"无法读取文件 (cannot read: {e})", file=str(p)) from e
    return loads(text, file=str(p))
