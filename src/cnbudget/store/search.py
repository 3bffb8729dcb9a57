"""Searching the library: by department, by code, or by text.

- ``department``: documents whose department name contains the words;
- ``code``: documents with a row of that code (支出功能分类 208 / 20805 / 2080505, 经济分类
  30101, a unit or project code), the code matched from its start (``208`` finds 2080505);
- ``text``: documents whose title, department, file name, table titles, row names or the
  narrative's sentences with figures (the stored claims) contain the words — the rest of the
  narrative is not stored, so it cannot be searched.

Each hit names the document and where it matched (the row or sentence as printed), at most
``per_document`` places each.  Matching is substring matching with the query's ``%`` and ``_``
taken literally, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cnbudget.store.schema import ClaimRecord, Document, RowRecord, TableRecord

SearchBy = Literal["department", "code", "text"]
SEARCH_BY: dict[str, str] = {"department": "部门", "code": "编码", "text": "文字"}


@dataclass
class Hit:
    document: Document
    places: list[str] = field(default_factory=list)  # "支出表：2080505 机关事业单位基本养老保险缴费支出"


def _add(hits: dict[int, Hit], doc: Document, place: str | None, per_document: int) -> None:
    hit = hits.setdefault(doc.id, Hit(doc))
    if place and len(hit.places) < per_document and place not in hit.places:
        hit.places.append(place)


def search(session: Session, query: str, by: SearchBy = "text", limit: int = 100,
           per_document: int = 5) -> list[Hit]:
    """Documents matching ``query`` (newest year first), at most ``limit``."""
    words = query.strip()
    if not words:
        return []
    hits: dict[int, Hit] = {}
    if by == "department":
        q = select(Document).where(Document.department.contains(words, autoescape=True))
        for doc in session.scalars(q.order_by(Document.year.desc(), Document.id).limit(limit)):
            _add(hits, doc, None, per_document)
    elif by == "code":
        code = "".join(words.split())  # "208 05 05" as printed over three columns
        q = (select(Document, TableRecord.title, RowRecord.code, RowRecord.name)
             .join(TableRecord, TableRecord.document_id == Document.id)
             .join(RowRecord, RowRecord.table_id == TableRecord.id)
             .where(RowRecord.code.startswith(code, autoescape=True))
             .order_by(Document.year.desc(), Document.id, TableRecord.position, RowRecord.position))
        for doc, title, row_code, name in session.execute(q.limit(limit * per_document)):
            _add(hits, doc, f"{title}：{row_code} {name or ''}".strip(), per_document)
    else:
        q = select(Document).where(or_(Document.title.contains(words, autoescape=True),
                                       Document.file_name.contains(words, autoescape=True),
                                       Document.department.contains(words, autoescape=True)))
        for doc in session.scalars(q.order_by(Document.year.desc(), Document.id).limit(limit)):
            _add(hits, doc, doc.title if doc.title and words in doc.title else None, per_document)
        q_rows = (select(Document, TableRecord.title, RowRecord.code, RowRecord.name)
                  .join(TableRecord, TableRecord.document_id == Document.id)
                  .join(RowRecord, RowRecord.table_id == TableRecord.id)
                  .where(or_(RowRecord.name.contains(words, autoescape=True),
                             TableRecord.title.contains(words, autoescape=True)))
                  .order_by(Document.year.desc(), Document.id, TableRecord.position, RowRecord.position))
        for doc, title, row_code, name in session.execute(q_rows.limit(limit * per_document)):
            _add(hits, doc, f"{title}：{' '.join(x for x in (row_code, name) if x)}", per_document)
        q_claims = (select(Document, ClaimRecord.text)
                    .join(ClaimRecord, ClaimRecord.document_id == Document.id)
                    .where(ClaimRecord.text.contains(words, autoescape=True))
                    .order_by(Document.year.desc(), Document.id, ClaimRecord.position))
        for doc, text in session.execute(q_claims.limit(limit * per_document)):
            _add(hits, doc, f"说明：{text}", per_document)
    ordered = sorted(hits.values(), key=lambda h: (-(h.document.year or 0), h.document.id))
    return ordered[:limit]
