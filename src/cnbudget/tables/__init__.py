"""Tables: recognise each Grid as a standard table and read its rows.

Modules:
    kinds    — table kinds and their title signatures
    columns  — amount column ids and the header labels that map to them
"""

from __future__ import annotations

from cnbudget.document import Document
from cnbudget.model import Table


def build_tables(doc: Document) -> tuple[list[Table], list[str]]:
    return [], []
