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


def strip_leaders(entry: str) -> str:
    """A 目录 entry without its dot leaders and page number ("其他说明情况……18" → "其他说明情况")."""
    return _LEADER_RE.sub("", entry).strip()


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
            e = strip_leaders(entry)
            ce = compact(e)
            if "表" not in ce or len(ce) > 70:
                continue
            out.append(Listed(title=e, kind=kind_from_title(ce), source=p.source))
    return out


# "一、" / "（一）" / "表1" / "公开表1：" / "附表1-" before a listed title: not part of its name
_LISTED_PREFIX_RE = re.compile(
    r"^(?:[(（]?[一二三四五六七八九十]+[)）、.．]+|\d+[、.．]|(?:公开|预算|附)?表\s*[0-9一二三四五六七八九十-]+[:：、.．\s]*)+")


def printed_after_toc(doc: Document, listed: Listed) -> bool:
    """Whether the title a 目录 entry names is printed anywhere after the 目录.

    A document can announce tables it does not hold (北京 publishes its tables apart from the
    情况说明 whose 目录 lists them); an entry whose title never appears again was not printed,
    which is the document's affair, not a table we failed to read.
    """
    name = _LISTED_PREFIX_RE.sub("", compact(listed.title))
    name = re.sub(r"^\d{4}年度?", "", name)
    if len(name) < 4:
        return True  # too short to tell: count it as printed (and so as ours to find)
    after = listed.source.page or 0
    for block in doc.blocks:
        if (block.source.page or 0) <= after:
            continue
        text = block.text if isinstance(block, Paragraph) else "".join("".join(r) for r in block.rows[:4])
        if name in compact(text):
            return True
    return False
