"""Narrative claims (placeholder until the narrative stage lands)."""

from __future__ import annotations

from cnbudget.document import Document
from cnbudget.model import Claim, Meta, Table


def extract_claims(doc: Document, tables: list[Table], meta: Meta) -> list[Claim]:
    return []
