"""The neutral document every reader produces: ordered blocks with their source positions.

A reader knows nothing of budgets.  It turns a file into ``Paragraph`` (a line or paragraph of
text, possibly a heading) and ``Grid`` (rows of cell strings) blocks, in reading order, each
with the ``Source`` a person would look at: a line number for text, a page and box for PDF, a
sheet and cell range for spreadsheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """Where something was read.  ``line`` is 1-based; ``page`` is 1-based (the PDF's own page
    index).  ``printed_page`` is the number the page prints on itself (its footer or header:
    "- 12 -", "第12页" → "12"), set by the PDF reader when the page prints one: the page a person
    turns to in the printed document, which is not the PDF's page index when a cover or a
    table of contents comes first."""

    line: int | None = None
    page: int | None = None
    box: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points
    sheet: str | None = None
    cell: str | None = None  # "B7" or "B7:H9" in a spreadsheet
    printed_page: str | None = None  # "12", "iii": the page number printed on that page

    def label(self) -> str:
        """Short human-readable place: "第12行", "第3页", "Sheet1!B7"."""
        parts: list[str] = []
        if self.sheet:
            parts.append(f"{self.sheet}!{self.cell}" if self.cell else self.sheet)
        if self.printed_page is not None:
            parts.append(f"第{self.printed_page}页")
        elif self.page is not None:
            parts.append(f"PDF第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " ".join(parts) or "?"

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key in ("line", "page", "printed_page", "sheet", "cell"):
            v = getattr(self, key)
            if v is not None:
                out[key] = v
        if self.box is not None:
            out["box"] = [round(x, 1) for x in self.box]
        return out


@dataclass(frozen=True)
class Paragraph:
    """A run of text.  ``heading`` is the markdown level (1–6) when the reader knows it."""

    text: str
    source: Source
    heading: int | None = None
    bold: bool = False


@dataclass(frozen=True)
class Grid:
    """Rows of cell strings as laid out; merged cells keep their text in the top-left cell.

    ``row_sources`` gives each row's own source (its line, or page + box).  ``merges`` lists
    merged ranges ``(row0, col0, row1, col1)`` inclusive where the format tells them.
    """

    rows: tuple[tuple[str, ...], ...]
    source: Source
    row_sources: tuple[Source, ...] = ()
    merges: tuple[tuple[int, int, int, int], ...] = ()

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def row_source(self, i: int) -> Source:
        return self.row_sources[i] if i < len(self.row_sources) else self.source


Block = Paragraph | Grid


@dataclass(frozen=True)
class Document:
    """What a reader produced from one file."""

    path: str
    blocks: tuple[Block, ...]
    format: str  # "text", "pdf", "xlsx", "xls", "docx", "html"
    pages: int | None = None
    notes: tuple[str, ...] = field(default=())
