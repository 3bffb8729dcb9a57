"""Departments renamed between years, linked so that the library treats them as one.

``cnbudget link 卫生和计划生育委员会 卫生健康委员会`` stores ``old → new``; a department's
*group* is every name reachable through links (a chain of renames is one group).  Comparisons
of a department across years (``compare.build.department_series``) and the cross-year checks
(``cross_year.neighbour``, ``checks.against`` via ``cnbudget check --against``) take the names
of a group as the same department.  A name is matched to the stored department names: exactly,
else the one stored name containing it; a name no stored document has yet is kept as typed (a
link may be made before the files are ingested).

Removing a link (``cnbudget link --remove OLD NEW``) drops the cross-year findings that were
checked across it (``cross_year.remove_link``); the next comparison re-checks what is still a pair.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cnbudget.checks.against import link_groups
from cnbudget.errors import CnbudgetError
from cnbudget.store.schema import DepartmentLink, Document


@dataclass(frozen=True)
class Link:
    old: str
    new: str
    known_old: bool = True  # a stored document has this name
    known_new: bool = True

    def to_json(self) -> dict[str, object]:
        return {"old": self.old, "new": self.new, "known_old": self.known_old, "known_new": self.known_new}


def stored_names(session: Session) -> set[str]:
    return {n for n in session.scalars(select(Document.department).distinct()) if n}


def resolve_name(session: Session, name: str, place: str) -> tuple[str, bool]:
    """The stored department name meant by ``name`` and whether a stored document has it."""
    name = name.strip()
    if not name:
        raise CnbudgetError("部门名称不能为空 (empty department name)", place=place)
    names = stored_names(session)
    if name in names:
        return name, True
    matches = sorted(n for n in names if name in n)
    if len(matches) == 1:
        return matches[0], True
    if len(matches) > 1:
        shown = "、".join(matches[:8]) + ("…" if len(matches) > 8 else "")
        raise CnbudgetError(f"“{name}”匹配多个部门：{shown}，请写全称 (ambiguous department)", place=place)
    return name, False


def all_links(session: Session) -> list[Link]:
    names = stored_names(session)
    rows = session.scalars(select(DepartmentLink).order_by(DepartmentLink.old, DepartmentLink.new))
    return [Link(r.old, r.new, r.old in names, r.new in names) for r in rows]


def add_link(session: Session, old: str, new: str) -> tuple[Link, bool]:
    """Store ``old → new`` (names resolved as above); whether it was new (False: already linked)."""
    old_name, known_old = resolve_name(session, old, "OLD")
    new_name, known_new = resolve_name(session, new, "NEW")
    if old_name == new_name:
        raise CnbudgetError(f"两个名称是同一个部门“{old_name}”，无需关联 (same department)", place="NEW")
    link = Link(old_name, new_name, known_old, known_new)
    if new_name in group_of(session, old_name):
        return link, False
    session.add(DepartmentLink(old=old_name, new=new_name, created_at=datetime.now(UTC).replace(tzinfo=None)))
    session.flush()
    return link, True


def delete_link(session: Session, old: str, new: str) -> Link:
    """Delete the stored link between ``old`` and ``new`` (either direction); user error if none.
    ``cross_year.remove_link`` also drops what was checked across it."""
    rows = list(session.scalars(select(DepartmentLink)))
    for a, b in ((old.strip(), new.strip()), (new.strip(), old.strip())):
        found = [r for r in rows if r.old == a and r.new == b] or [r for r in rows if a in r.old and b in r.new]
        if len(found) == 1:
            row = found[0]
            link = Link(row.old, row.new)
            session.execute(delete(DepartmentLink).where(DepartmentLink.id == row.id))
            session.flush()
            return link
    raise CnbudgetError(f"没有“{old}”与“{new}”之间的关联（cnbudget link --list 列出全部） (no such link)", place="OLD NEW")


def link_pairs(session: Session) -> list[tuple[str, str]]:
    return [(r.old, r.new) for r in session.scalars(select(DepartmentLink).order_by(DepartmentLink.id))]


def group_of(session: Session, name: str) -> set[str]:
    """Every name linked to ``name`` (with ``name`` itself)."""
    for g in link_groups(link_pairs(session)):
        if name in g:
            return g
    return {name}


def links_for_check(db: str | None) -> list[tuple[str, str]]:
    """The library's links for ``cnbudget check --against``: from ``--db`` / ``$CNBUDGET_DB``, else
    the default library when it exists (a check never creates a library)."""
    from cnbudget.store.db import ENV_VAR, default_path
    from cnbudget.store.library import Library

    if db is None and not os.environ.get(ENV_VAR) and not default_path().exists():
        return []
    with Library.open(db) as lib, lib.reading() as s:
        return link_pairs(s)
