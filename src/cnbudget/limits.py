"""What one input file may cost: every limit in one settings object (DESIGN.md, "Limits").

A disclosure is a few hundred kilobytes, a few thousand cells, a few dozen pages; a hostile
file (a zip bomb, a 2e8-column span, /dev/zero, a 14400 pt page) is refused with a
``LimitExceeded`` naming the file and the limit — one stderr line and exit 2 on the CLI, 413
or 422 on the web — before it can take the machine.  Nothing is ever half-read in silence.

Each limit can be changed with ``CNBUDGET_LIMIT_<NAME>`` (``CNBUDGET_LIMIT_FILE_BYTES=1e8``);
``use(limits)`` sets them for a block of code (tests, a server with other settings).

``file_bytes``        bytes read from one file (and the largest upload the web app takes)
``sheet_cells``       cells that hold something in one sheet or table source (counted as they
                      exist, never by the used range)
``table_cells``       rows × columns of one table as laid out (after runs of blank columns are
                      folded), i.e. the size of the dense grid a reader may build
``span``              colspan / rowspan (HTML), w:gridSpan / w:gridBefore (Word)
``page_points``       the longer side of a PDF page, in points (PDF's own maximum is 14400)
``ocr_pixels``        pixels of a page rendered for OCR: a larger page is rendered at a lower
                      scale, and refused when even 72 dpi would pass the limit
``zip_member_bytes``  inflated size of one member of an .xlsx / .docx (declared and actual)
``zip_total_bytes``   inflated size of all members together
``line_chars``        characters in one line or paragraph of text
``row_cells``         cells in one table row
``row_chars``         characters in one table row
``worker_seconds``    wall-clock time for one file in a worker process (batch ingest, web)
``worker_memory_bytes`` address space of that worker (``RLIMIT_AS``)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace

from cnbudget.errors import CnbudgetError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 50 * MB
    sheet_cells: int = 1_000_000
    table_cells: int = 2_000_000
    span: int = 1000
    page_points: float = 14400.0
    ocr_pixels: int = 30_000_000
    zip_member_bytes: int = 200 * MB
    zip_total_bytes: int = 400 * MB
    line_chars: int = 50_000
    row_cells: int = 5_000
    row_chars: int = 200_000
    worker_seconds: float = 600.0
    worker_memory_bytes: int = 3 * 1024 * MB

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, with each ``CNBUDGET_LIMIT_<NAME>`` that is set."""
        env = os.environ if environ is None else environ
        changes: dict[str, float | int] = {}
        for f in fields(cls):
            raw = env.get(f"CNBUDGET_LIMIT_{f.name.upper()}")
            if raw is None or not raw.strip():
                continue
            try:
                value = float(raw)
            except ValueError as e:
                raise CnbudgetError(f"限制值必须是数字 (limit must be a number: {raw!r})",
                                    place=f"CNBUDGET_LIMIT_{f.name.upper()}") from e
            if not value > 0:
                raise CnbudgetError("限制值必须大于 0 (limit must be positive)", place=f"CNBUDGET_LIMIT_{f.name.upper()}")
            changes[f.name] = value if f.type == "float" else int(value)
        return replace(cls(), **changes)

    def describe(self) -> dict[str, float | int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class LimitExceeded(CnbudgetError):
    """An input past one of the ``Limits``: ``limit`` is the field's name, ``value`` its setting."""

    def __init__(self, limit: str, value: float | int, what: str, *, file: str | None = None,
                 place: str | None = None) -> None:
        self.limit = limit
        self.value = value
        super().__init__(f"{what}，超过限制 {limit}={_show(value)} (input past the limit {limit}; "
                         f"CNBUDGET_LIMIT_{limit.upper()} raises it)", file=file, place=place)


def _show(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and value >= MB and value % MB == 0:
        return f"{value // MB} MB"
    return f"{value:,}" if isinstance(value, int) else str(value)


_current: ContextVar[Limits | None] = ContextVar("cnbudget_limits", default=None)


def current() -> Limits:
    """The limits in force: those set by ``use``, else the environment's."""
    limits = _current.get()
    return limits if limits is not None else Limits.from_env()


@contextmanager
def use(limits: Limits) -> Iterator[Limits]:
    token = _current.set(limits)
    try:
        yield limits
    finally:
        _current.reset(token)
