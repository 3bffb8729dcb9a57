"""Cross-year verification inside the library.

A document is checked against last year's document of the same department and kind (and
scope, where both say) with the rules that need last year (``needs_against``): this year's
stated changes (比上年增加/减少 …) against the figures last year's document published.  A
department renamed between years and linked (``store.links``) is one series.
``link_years(lib)`` does it for every pair of the library not yet checked (new documents, the
documents of the following year, what an interrupted run left); the findings are stored with
``against_id`` (replacing earlier cross-year findings of that document).
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from cnbudget.model import Disclosure, Finding
from cnbudget.store.links import Link, delete_link, group_of, link_pairs
from cnbudget.store.read import load_disclosure
from cnbudget.store.schema import Document
from cnbudget.store.write import clear_cross_year, replace_cross_year


def cross_year_rules() -> set[str]:
    from cnbudget.checks import all_rules

    return {r.id for r in all_rules().values() if r.needs_against}


def neighbour(session: Session, doc: Document, offset: int) -> Document | None:
    """The document of the same series ``offset`` years away (the latest ingested, if several).
    A department linked to another name (``store.links``) is the same series."""
    if doc.department is None or doc.year is None:
        return None
    q = select(Document).where(
        Document.department.in_(sorted(group_of(session, doc.department))),
        Document.year == doc.year + offset,
        Document.id != doc.id,
    )
    q = q.where(Document.kind.is_(None)) if doc.kind is None else q.where(Document.kind == doc.kind)
    candidates = list(session.scalars(q.order_by(Document.ingested_at.desc(), Document.id.desc())))
    same_scope = [c for c in candidates if doc.scope is None or c.scope is None or c.scope == doc.scope]
    return (same_scope or [None])[0]


def check_pair(session: Session, current_id: int, previous_id: int, current: Disclosure | None = None,
               previous: Disclosure | None = None) -> list[Finding]:
    """The findings of the cross-year rules on ``current_id`` against ``previous_id`` (the
    disclosures are loaded from the library unless given)."""
    from cnbudget.checks import check_disclosure

    current = current or load_disclosure(session, current_id)
    previous = previous or load_disclosure(session, previous_id)
    return list(check_disclosure(current, against=previous, only=cross_year_rules()).findings)


def link_pair(lib, current_id: int, previous_id: int, current: Disclosure | None = None,
              previous: Disclosure | None = None) -> bool:
    """Check ``current_id`` against ``previous_id`` if that is its series' previous year and it
    was not yet checked against it; store the findings.  Whether it checked."""
    with lib.reading() as s:
        doc = s.get(Document, current_id)
        prev = neighbour(s, doc, -1) if doc is not None else None
        if prev is None or prev.id != previous_id or doc.checked_against == previous_id:
            return False
        findings = check_pair(s, current_id, previous_id, current, previous)
    with lib.writing() as s:
        replace_cross_year(s, current_id, previous_id, findings)
    return True


def pending_pairs(session: Session) -> list[tuple[int, int]]:
    """(current, previous) pairs of the library not yet checked against each other.

    One self-join finds the documents that have a document of the previous year in their series
    but were not checked against it (new documents, their successors, an interrupted run).
    """
    prev = aliased(Document)
    candidates = session.scalars(
        select(Document.id).distinct()
        .join(prev, and_(prev.department == Document.department, prev.year == Document.year - 1,
                         or_(prev.kind == Document.kind, and_(prev.kind.is_(None), Document.kind.is_(None)))))
        .where(or_(Document.checked_against.is_(None), Document.checked_against != prev.id))
    ).all()
    linked = {n for pair in link_pairs(session) for n in pair}
    if linked:  # a renamed department's years are pairs too (the join above matches equal names)
        candidates = sorted(set(candidates) | set(session.scalars(
            select(Document.id).where(Document.department.in_(sorted(linked)), Document.year.is_not(None)))))
    out: list[tuple[int, int]] = []
    for i in candidates:
        doc = session.get(Document, i)
        previous = neighbour(session, doc, -1) if doc is not None else None
        if previous is not None and doc.checked_against != previous.id:
            out.append((doc.id, previous.id))
    return sorted(out)


def link_years(lib) -> int:
    """Check every pending pair and store its findings; returns the number of pairs checked."""
    with lib.reading() as s:
        pairs = pending_pairs(s)
    return sum(link_pair(lib, current, previous) for current, previous in pairs)


def remove_link(session: Session, old: str, new: str) -> Link:
    """Remove a link between two department names and drop the cross-year findings that were
    checked across it (the next comparison re-checks what is still a pair)."""
    link = delete_link(session, old, new)
    forget_unlinked(session, {link.old, link.new})
    return link


def forget_unlinked(session: Session, names: set[str]) -> int:
    """Drop the cross-year findings of documents of ``names`` whose last-year document is no
    longer their series' previous year (after a link was removed); how many documents."""
    cleared = 0
    docs = session.scalars(select(Document).where(Document.department.in_(names), Document.checked_against.is_not(None)))
    for doc in list(docs):
        previous = neighbour(session, doc, -1)
        if previous is None or previous.id != doc.checked_against:
            clear_cross_year(session, doc.id)
            cleared += 1
    return cleared
