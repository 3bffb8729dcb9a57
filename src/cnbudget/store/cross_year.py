"""Cross-year verification inside the library.

A document is checked against last year's document of the same department and kind (and
scope, where both say) with the rules that need last year (``needs_against``): this year's
stated changes (比上年增加/减少 …) against the figures last year's document published.
``link_years(lib, ids)`` does it for the given documents and for the documents of the
following year that can now be checked against them; the findings are stored with
``against_id`` (replacing earlier cross-year findings of that document).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from cnbudget.model import Finding
from cnbudget.store.read import load_disclosure
from cnbudget.store.schema import Document
from cnbudget.store.write import replace_cross_year


def cross_year_rules() -> set[str]:
    from cnbudget.checks import all_rules

    return {r.id for r in all_rules().values() if r.needs_against}


def neighbour(session: Session, doc: Document, offset: int) -> Document | None:
    """The document of the same series ``offset`` years away (the latest ingested, if several)."""
    if doc.department is None or doc.year is None:
        return None
    q = select(Document).where(
        Document.department == doc.department,
        Document.year == doc.year + offset,
        Document.id != doc.id,
    )
    q = q.where(Document.kind.is_(None)) if doc.kind is None else q.where(Document.kind == doc.kind)
    candidates = list(session.scalars(q.order_by(Document.ingested_at.desc(), Document.id.desc())))
    same_scope = [c for c in candidates if doc.scope is None or c.scope is None or c.scope == doc.scope]
    return (same_scope or [None])[0]


def check_pair(session: Session, current_id: int, previous_id: int) -> list[Finding]:
    """The findings of the cross-year rules on ``current_id`` against ``previous_id``."""
    from cnbudget.checks import check_disclosure

    current = load_disclosure(session, current_id)
    previous = load_disclosure(session, previous_id)
    return list(check_disclosure(current, against=previous, only=cross_year_rules()).findings)


def pairs_for(session: Session, ids: Iterable[int]) -> list[tuple[int, int]]:
    """(current, previous) pairs touched by the documents ``ids``."""
    out: dict[int, int] = {}
    for i in ids:
        doc = session.get(Document, i)
        if doc is None:
            continue
        prev = neighbour(session, doc, -1)
        if prev is not None:
            out[doc.id] = prev.id
        nxt = neighbour(session, doc, +1)
        if nxt is not None and (neighbour(session, nxt, -1) or doc).id == doc.id:
            out[nxt.id] = doc.id
    return sorted(out.items())


def link_years(lib, ids: Iterable[int]) -> int:
    """Check the touched pairs and store their findings; returns the number of pairs checked."""
    with lib.reading() as s:
        pairs = pairs_for(s, ids)
    for current, previous in pairs:
        with lib.reading() as s:
            findings = check_pair(s, current, previous)
        with lib.writing() as s:
            replace_cross_year(s, current, previous, findings)
    return len(pairs)
