"""The document's own list of its tables: the entries of its 目录 that name tables.

A disclosure's 目录 is evidence of which tables it has and in which order.  Entries are the
lines after a "目录" line (on that page and the next two) that name a table kind; dot leaders
and page numbers are dropped.  Used by the corpus run (listed vs recognised) and by
``completeness.listed_missing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cnbudget.document import Document, Grid, Paragraph, Source
from cnbudget.tables.cells import compact
from cnbudget.tables.kinds import kind_from_title

_TOC_RE = re.compile(r"^目\s*录$")
_LEADER_RE = re.compile(r"[.．·…—_\-\s]{2,}\d*\s*$|\s\d{1,3}\s*$")
_TOC_PAGES = 3  # a 目录 runs over at most this many pages


@dataclass(frozen=True)
class Listed:
    """One table the 目录 names: its printed title, the kind it names, where it was listed."""

    title: str
    kind: str | None
    source: Source


def _entries(text: str) -> list[str]:
    """A TOC line may hold several entries separated by leaders; return each without them."""
    parts = re.split(r"[.．·…]{3,}\s*\d*", text)
    return [p.strip() for p in parts if p.strip()]


def listed_tables(doc: Document) -> list[Listed]:
    """The tables the document's 目录 lists, in order (empty when it prints none)."""
    out: list[Listed] = []
    start_page: int | None = None
    in_toc = False
    for block in doc.blocks:
        if isinstance(block, Grid):
            if in_toc and out:
                break
            continue
        p: Paragraph = block
        t = compact(p.text)
        if _TOC_RE.match(t):
            in_toc, start_page = True, p.source.page
            continue
        if not in_toc:
            continue
        if start_page is not None and p.source.page is not None and p.source.page - start_page >= _TOC_PAGES:
            break
        for entry in _entries(p.text):
            e = _LEADER_RE.sub("", entry).strip()
            ce = compact(e)
            if "表" not in ce or len(ce) > 70:
                continue
            out.append(Listed(title=e, kind=kind_from_title(ce), source=p.source))
    return out
