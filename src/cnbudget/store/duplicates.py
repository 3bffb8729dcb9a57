"""Possible duplicates: two stored files that claim the same department, year, kind and scope.

The library stores one document per distinct content; a second *file* for the same
department and year (a re-published copy, a scan of the printed one, a 本级 file saved twice
under other names) is a different content and stored too.  ``possible_duplicates(session, ids)``
names, for each of the given documents, the other documents of the same series, so that an
ingest can say so (a comparison would otherwise count the department twice).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cnbudget.store.schema import Document


@dataclass(frozen=True)
class Duplicate:
    document_id: int
    file: str
    other_id: int
    other_file: str
    series: str  # "安阳市医疗保障局 2024 budget unit"


def possible_duplicates(session: Session, document_ids: list[int]) -> list[Duplicate]:
    """For each given document with a known department and year, the others of its series."""
    out: list[Duplicate] = []
    seen: set[frozenset[int]] = set()
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start:start + 500]
        for doc in session.scalars(select(Document).where(Document.id.in_(chunk)).order_by(Document.id)):
            if not doc.department or doc.year is None:
                continue
            q = select(Document).where(Document.department == doc.department, Document.year == doc.year,
                                       Document.id != doc.id)
            for col, value in ((Document.kind, doc.kind), (Document.scope, doc.scope)):
                q = q.where(col.is_(None) if value is None else col == value)
            for other in session.scalars(q.order_by(Document.id)):
                pair = frozenset((doc.id, other.id))
                if pair in seen:
                    continue
                seen.add(pair)
                series = " ".join(str(x) for x in (doc.department, doc.year, doc.kind, doc.scope) if x)
                out.append(Duplicate(doc.id, doc.file, other.id, other.file, series))
    return out


def duplicate_ids(session: Session, document_ids: list[int]) -> dict[int, list[int]]:
    """For each given document, the ids of the other stored documents of its series."""
    out: dict[int, list[int]] = {i: [] for i in document_ids}
    for d in possible_duplicates(session, document_ids):
        out.setdefault(d.document_id, []).append(d.other_id)
        if d.other_id in out:
            out[d.other_id].append(d.document_id)
    return {i: sorted(set(v)) for i, v in out.items()}
