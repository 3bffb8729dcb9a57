"""The reading pipeline: file → Document (readers) → tables → narrative → Disclosure."""

from __future__ import annotations

from pathlib import Path

from cnbudget.document import Document
from cnbudget.errors import NotADisclosure
from cnbudget.model import Disclosure
from cnbudget.narrative import extract_claims, extract_contents, extract_meta, extract_sections, extract_text
from cnbudget.narrative.evidence import is_disclosure
from cnbudget.readers import read_document
from cnbudget.tables import build_tables

# Bump whenever reading changes what a document yields: the library re-reads documents
# ingested by an older parser (in one transaction).
PARSER_VERSION = "2026.12.02-3"


def parse_file(path: str | Path) -> Disclosure:
    """Read one disclosure file into the structured model.

    Raises ``CnbudgetError`` (exit 2 at the CLI) for a file that cannot be read or holds no
    disclosure at all.
    """
    return parse_document(read_document(path), path)


def parse_document(doc: Document, path: str | Path) -> Disclosure:
    """The stages after the reader: tables, meta, sections, claims, the text for wording rules."""
    tables, notes = build_tables(doc)
    meta = extract_meta(doc, tables)
    sections = extract_sections(doc)
    if not is_disclosure(doc, tables):
        raise NotADisclosure("未找到预算/决算公开的表格或说明 (not a budget or final-account disclosure)",
                             file=str(path))
    claims = extract_claims(doc, tables, meta)
    return Disclosure(
        file=str(path),
        meta=meta,
        tables=tuple(tables),
        claims=tuple(claims),
        sections=tuple(sections),
        notes=tuple(notes),
        format=doc.format,
        text=tuple(extract_text(doc)),
        contents=tuple(extract_contents(doc)),
    )
