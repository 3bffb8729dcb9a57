"""The library of disclosures: SQLAlchemy models, Alembic migrations, writing and reading.

Modules:
    schema      — the tables (documents, tables, rows, values, claims, findings, figures)
    db          — the database URL (``--db`` / ``CNBUDGET_DB`` / default file), engine, migrations
    library     — ``Library``: an opened store; ``add`` stores one document in one transaction
    write       — ``save``: add / replace (new parser version) / leave unchanged; content hashes
    read        — filters, ``load_disclosure`` (the stored document back as the model), findings
    figures     — the headline figures stored with each document, each with its unit
    cross_year  — each document checked against last year's document of its series
    findings    — the stored findings as rows of a findings sheet (``cnbudget findings``)
    duplicates  — stored files that claim the same department, year, kind and scope
    links       — departments renamed between years (``cnbudget link``), one series
    stats       — documents, errors and warnings counted by region, year and rule (dashboard)
    search      — documents by department, by code (a row's code) or by text
    migrations  — Alembic environment and revisions (``alembic upgrade head`` runs on open)

SQLite by default (a file; WAL), PostgreSQL by URL (``postgresql://user@host/db``).
"""

from __future__ import annotations

from cnbudget.store.db import default_path, resolve_url
from cnbudget.store.library import Library
from cnbudget.store.read import Filters, list_documents, load_disclosure
from cnbudget.store.write import Entry, Saved, content_hash, file_hash, parser_version

__all__ = [
    "Entry",
    "Filters",
    "Library",
    "Saved",
    "content_hash",
    "default_path",
    "file_hash",
    "list_documents",
    "load_disclosure",
    "parser_version",
    "resolve_url",
]
