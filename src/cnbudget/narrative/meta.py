"""Document meta (placeholder until the narrative stage lands)."""

from __future__ import annotations

from cnbudget.document import Document
from cnbudget.model import Meta, Table


def extract_meta(doc: Document, tables: list[Table]) -> Meta:
    return Meta()
