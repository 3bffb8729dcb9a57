"""Bounds for every integer a URL can carry (path or query).

SQLite stores integers in 64 bits: an id or offset past that made the driver raise
``OverflowError`` (a 500).  Every route takes its integers through these types, so a value out
of range is a 422 (``请求参数有误``) before any query runs, and a page or year that no document
can have never reaches the database.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Path, Query

MAX_ID = 2**62  # far below SQLite's 2**63 - 1, far above any library
MAX_OFFSET = 10**9
MAX_PAGE = MAX_OFFSET // 100
YEARS = (1900, 2999)

DocumentId = Annotated[int, Path(ge=1, le=MAX_ID, description="文件编号")]
FindingIndex = Annotated[int, Path(ge=0, le=MAX_OFFSET, description="发现的序号（从 0 起）")]
Year = Annotated[int | None, Query(ge=YEARS[0], le=YEARS[1], description="年度")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def year_of(value: str | None, field: str = "year") -> int | None:
    """A year typed in an HTML form: blank is no filter; anything else must be a year."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 4 and YEARS[0] <= int(text) <= YEARS[1]):
        raise HTTPException(422, f"请求参数有误：{field} 应为 {YEARS[0]}–{YEARS[1]} 之间的年份 (invalid year)")
    return int(text)
