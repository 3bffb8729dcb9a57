from __future__ import annotations

import random
from decimal import Decimal

import pytest

from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from tests.batch.corpus import build, department_name, write_corpus


@pytest.fixture(scope="module")
def library_db(tmp_path_factory):
    """A library: two departments × 2023–2025, and one whose 2025 narrative misstates 2024."""
    from cnbudget.produce.inputs import PreviousYear
    from cnbudget.render.text import render_text

    folder = tmp_path_factory.mktemp("compare-corpus")
    write_corpus(folder, 6, seed=3)
    region, dept = department_name(77)
    rng = random.Random(5)
    y1 = build(dept, region, 2024, rng)
    y2 = build(dept, region, 2025, rng, PreviousYear(year=2024, grand_total=Decimal("1.00")))
    (folder / f"{dept}2024.txt").write_text(render_text(y1), encoding="utf-8")
    (folder / f"{dept}2025.txt").write_text(render_text(y2), encoding="utf-8")
    db = tmp_path_factory.mktemp("compare-db") / "lib.db"
    with Library.open(str(db)) as lib:
        summary = ingest([folder], lib, workers=1)
        assert summary.added == 8 and not summary.failures
    return {"db": str(db), "folder": folder, "misstated": dept}


@pytest.fixture
def lib(library_db):
    with Library.open(library_db["db"]) as library:
        yield library
