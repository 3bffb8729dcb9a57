"""A library for the tests of what the web app hands on and shows: three years of one
fictional department (text), a copy of its 2025 file with one figure changed (a possible
duplicate), and the fictional PDF of ``tests/readers/test_pdf_fixture`` (printed page numbers,
a row whose 合计 does not add up, a two-sided summary table)."""

from __future__ import annotations

import shutil
from pathlib import Path

from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from tests.batch.corpus import department_name, tamper, write_corpus

PDF_NAME = "示例市数据管理局2025年部门预算.pdf"


def build_library(folder: Path) -> dict[str, object]:
    from tests.readers import test_pdf_fixture as fx

    docs = folder / "docs"
    y2023, y2024, y2025 = write_corpus(docs, 3, seed=31, first_department=1)  # not the PDF's department
    copy = tamper(shutil.copy(y2025, docs / f"{y2025.stem}（更正）.txt"))
    pdf = fx.build(docs / PDF_NAME)
    db = folder / "lib.db"
    with Library.open(str(db)) as lib:
        assert ingest([docs], lib, workers=1, isolate=False).added == 5
    return {"db": db, "pdf": pdf, "years": (y2023, y2024, y2025), "copy": copy,
            "department": department_name(1)[1]}
