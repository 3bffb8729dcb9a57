"""Section headings (placeholder until the narrative stage lands)."""

from __future__ import annotations

from cnbudget.document import Document
from cnbudget.model import Section


def extract_sections(doc: Document) -> list[Section]:
    return []
