"""``cnbudget.limits``: one settings object, changed by environment or ``use``, named in errors."""

from __future__ import annotations

import pytest

from cnbudget.errors import CnbudgetError
from cnbudget.limits import LimitExceeded, Limits, current, use


def test_environment_changes_one_limit_and_keeps_the_rest():
    limits = Limits.from_env({"CNBUDGET_LIMIT_FILE_BYTES": "1e6", "CNBUDGET_LIMIT_PAGE_POINTS": "200.5"})
    assert limits.file_bytes == 1_000_000 and isinstance(limits.file_bytes, int)
    assert limits.page_points == 200.5
    assert limits.sheet_cells == Limits().sheet_cells


@pytest.mark.parametrize("bad", ["many", "0", "-5"])
def test_a_bad_limit_setting_is_a_user_error(bad):
    with pytest.raises(CnbudgetError, match="CNBUDGET_LIMIT_SPAN"):
        Limits.from_env({"CNBUDGET_LIMIT_SPAN": bad})


def test_use_sets_the_limits_for_a_block():
    small = Limits(span=3)
    with use(small):
        assert current().span == 3
    assert current().span == Limits.from_env().span


def test_the_error_names_the_file_the_limit_and_how_to_raise_it():
    e = LimitExceeded("zip_member_bytes", 200 * 1024 * 1024, "压缩包成员过大", file="a.xlsx")
    text = str(e)
    assert text.startswith("a.xlsx: 压缩包成员过大")
    assert "zip_member_bytes=200 MB" in text and "CNBUDGET_LIMIT_ZIP_MEMBER_BYTES" in text
    assert isinstance(e, CnbudgetError)


def test_every_limit_is_documented_in_the_module_and_the_readme():
    from pathlib import Path

    import cnbudget.limits as module

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in Limits().describe():
        assert f"``{name}``" in module.__doc__, name
        assert f"`{name}`" in readme, f"README does not document the limit {name}"
