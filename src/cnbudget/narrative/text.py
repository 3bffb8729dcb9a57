"""The document's text as the wording rules read it: headings and passages in reading order.

``extract_text(doc)`` walks the ``outline`` once and keeps every heading and every passage
(the 目录 skipped, a paragraph broken over lines joined, each piece with its source line or
page), with the part and topic it stands under.  Table cells are not text here: a table's
words are the table readers' business.
"""

from __future__ import annotations

from cnbudget.document import Document
from cnbudget.model import TextBlock
from cnbudget.narrative.outline import Heading, outline


def extract_text(doc: Document) -> list[TextBlock]:
    """Headings and passages of ``doc`` (see the module docstring)."""
    out: list[TextBlock] = []
    for item in outline(doc):
        if isinstance(item, Heading):
            if item.part == "toc":
                continue
            out.append(TextBlock(text=item.text, pieces=((0, item.source),), part=item.part,
                                 topic=item.topic, heading=True, level=item.level))
        else:
            out.append(TextBlock(text=item.text, pieces=item.pieces, part=item.part, topic=item.topic,
                                 half_width=item.half_width))
    return out
