"""Departments of very different size in one web comparison, in Chromium: past
``LOG_AXIS_SPREAD`` the value axis is logarithmic and says so, and the small department's bar
is drawn at a visible size (on a linear axis it is under a pixel)."""

from __future__ import annotations

import pytest

from cnbudget.batch.ingest import ingest
from cnbudget.store import Library
from tests.batch.corpus import write_corpus
from tests.compare.yuan import reprint_in_yuan
from tests.web.test_browser import browser, server  # noqa: F401 - the fixtures, reused
from tests.web.test_browser_units import BARS, _chart


@pytest.fixture
def web_db(tmp_path):
    """Two departments ten thousand times apart: the second is the first's figures read as 元."""
    folder = tmp_path / "docs"
    _, other = write_corpus(folder, 2, years=(2024,), seed=32)
    reprint_in_yuan(other, folder / "tiny.txt", factor=1)
    other.unlink()
    db = tmp_path / "far.db"
    with Library.open(str(db)) as lib:
        assert ingest([folder], lib, workers=1).added == 2
    return str(db)


def test_departments_far_apart_in_size_are_both_visible(server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/compare?year=2024")
    data = _chart(page)
    assert data["scale"] == "log" and data["spread"] > 1000
    assert "对数刻度" in page.locator("#chart-scale").text_content()
    drawn = page.evaluate(BARS)
    assert drawn["axis"] == "（万元，对数刻度）"
    assert min(drawn["bars"]) > 20, drawn  # the small department's bar is drawn, not a sliver
