"""Section headings of a disclosure, for the completeness rules (which 情况说明 sections it has).

The headings come from ``outline``: 第X部分 (level 1), 一、 (level 2), （一） (level 3) and
markdown headings, in reading order.  The 目录 is skipped (its entries are not sections), as are
numbered items "1、…" that are not markdown headings, and headings inside the 名词解释.  The 目录's
own entries are read apart (``extract_contents``), to compare the headings with.
"""

from __future__ import annotations

from cnbudget.document import Document
from cnbudget.model import Section
from cnbudget.narrative.outline import Heading, outline, toc_entries
from cnbudget.tables.toc import strip_leaders


def extract_sections(doc: Document) -> list[Section]:
    """The document's headings as ``Section``s (title as printed, level, source line)."""
    out: list[Section] = []
    for item in outline(doc):
        if not isinstance(item, Heading) or item.part == "toc":
            continue
        if item.level == 4:
            continue  # a numbered item of a list, not a section
        if item.part == "glossary" and item.level != 1:
            continue
        out.append(Section(title=item.text, source=item.source, level=item.level))
    return out


def extract_contents(doc: Document) -> list[Section]:
    """The entries of the document's 目录 (its own list of its parts), leaders and page numbers
    dropped; empty when it prints none."""
    out: list[Section] = []
    for p in toc_entries(doc):
        title = strip_leaders(p.text.strip())
        if title:
            out.append(Section(title=title, source=p.source))
    return out
