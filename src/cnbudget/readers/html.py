"""Web pages (.html / .htm, via lxml.html): text, headings and tables in reading order.

Encoding: a byte-order mark, else valid UTF-8, else the declared charset (``<meta charset>``,
``http-equiv``, ``<?xml encoding?>``; GB2312 / GBK are read as their superset GB18030), else
the text reader's guess.

Text outside tables becomes ``Paragraph`` s, split at block elements and ``<br>``; ``h1``–``h6``
set ``Paragraph.heading``; whitespace collapses as a browser shows it, and a line break
between two CJK characters disappears.  ``script``, ``style``, ``head`` and the like are
skipped.

A data table is laid on a grid the way a browser does: ``rowspan`` / ``colspan`` cells keep
their text in the top-left position, "" elsewhere, and are recorded in ``Grid.merges``.  A
table whose cells hold other tables (page layout) or that has a single column is read as flow:
its cells' text becomes paragraphs and the nested tables become grids of their own.  A
``<caption>`` is a paragraph before its table; title / meta rows inside a table become
paragraphs (``xlsx.shape_block``).  Sources are ``Source(line=…)``: the element's line in the
page.
"""

from __future__ import annotations

import re

from cnbudget import limits as _limits
from cnbudget.document import Block, Document, Paragraph, Source
from cnbudget.errors import UnreadableFile
from cnbudget.limits import LimitExceeded
from cnbudget.readers.grid_shape import Merge, clean_cell, shape_block

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENC_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "gb18030"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "iframe", "object", "svg", "select",
         "option", "button", "textarea", "input", "img", "map", "canvas"}
_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li",
          "dl", "dt", "dd", "blockquote", "pre", "center", "form", "fieldset", "figure", "figcaption",
          "address", "hr", "body", "html", "tr", "td", "th", "caption", "tbody", "thead", "tfoot"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def decode(path: str, data: bytes) -> str:
    """The page's text: BOM, valid UTF-8, the declared charset, then the text reader's guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _XML_ENC_RE.search(data[:200]) or _CHARSET_RE.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        encoding = "gb18030" if declared in _GB else declared
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    from cnbudget.readers.text import decode as decode_text

    return decode_text(path, data)


def read(path: str, data: bytes) -> Document:
    """Read an HTML page: paragraphs, headings and tables in reading order."""
    import lxml.etree
    import lxml.html

    text = decode(path, data)
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as e:
        raise UnreadableFile("网页文件无法解析或为空 (unparseable or empty HTML)", file=path) from e
    walker = _Walker()
    body = root.find("body")
    walker.node(body if body is not None else root, False)
    walker.flush()
    return Document(path=path, blocks=tuple(walker.blocks), format="html")


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._pieces: list[tuple[str, bool]] = []
        self._line: int | None = None
        self._heading: int | None = None

    # -- flow text ----------------------------------------------------------------------------

    def add(self, text: str | None, bold: bool, line: int | None) -> None:
        if not text:
            return
        if self._line is None and text.strip():
            self._line = line
        self._pieces.append((text, bold))

    def flush(self) -> None:
        text = clean_cell("".join(t for t, _ in self._pieces))
        if text:
            visible = [b for t, b in self._pieces if t.strip()]
            self.blocks.append(Paragraph(text=text, source=Source(line=self._line), heading=self._heading,
                                         bold=bool(visible) and all(visible)))
        self._pieces, self._line = [], None

    def children(self, el, bold: bool) -> None:  # noqa: ANN001 - lxml element
        for child in el:
            self.node(child, bold)
            self.add(child.tail, bold, child.sourceline)

    def node(self, el, bold: bool) -> None:  # noqa: ANN001
        if not isinstance(el.tag, str):
            return  # comment or processing instruction (its tail is the caller's)
        tag = el.tag.lower()
        if tag in _SKIP:
            return
        if tag == "table":
            self.flush()
            self.table(el, bold)
            return
        if tag == "br":
            self.flush()
            return
        if tag in _HEADINGS:
            self.flush()
            outer, self._heading = self._heading, _HEADINGS[tag]
            self.add(el.text, bold, el.sourceline)
            self.children(el, bold)
            self.flush()
            self._heading = outer
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        bold = bold or tag in ("b", "strong")
        self.add(el.text, bold, el.sourceline)
        self.children(el, bold)
        if block:
            self.flush()

    # -- tables -------------------------------------------------------------------------------

    def table(self, table, bold: bool) -> None:  # noqa: ANN001
        rows = _own_rows(table)
        cells = [_own_cells(tr) for tr in rows]
        caption = next((c for c in table if isinstance(c.tag, str) and c.tag.lower() == "caption"), None)
        if caption is not None:
            self.node(caption, bold)
            self.flush()
        layout = any(len(cs) for cs in cells) and (
            max(len(cs) for cs in cells) <= 1
            or any(td.find(".//table") is not None for cs in cells for td in cs)
        )
        if layout or not any(cells):
            for cs in cells:
                for td in cs:
                    self.node(td, bold)
                    self.flush()
            return
        grid, merges = expand(rows, cells)
        lines = [tr.sourceline for tr in rows]
        self.blocks.extend(shape_block(grid, merges, lambda r, c: Source(line=lines[r])))


def _tag(el) -> str:  # noqa: ANN001
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _own_rows(table) -> list:  # noqa: ANN001
    """The table's own ``tr`` elements (directly or in thead / tbody / tfoot), in order."""
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if _tag(c) == "tr")
    return rows


def _own_cells(tr) -> list:  # noqa: ANN001
    return [c for c in tr if _tag(c) in ("td", "th")]


def _span(value: str | None, limit: int) -> int:
    # at most 12 digits are read: a 10,000-digit colspan is refused, not converted
    m = re.match(r"\s*(\d{1,12})(?!\d)", value or "")
    if not m:
        return 1 if not re.match(r"\s*\d", value or "") else limit + 1
    return int(m.group(1))


def expand(rows: list, cells: list[list]) -> tuple[list[list[str]], list[Merge]]:
    """Lay rows of td/th elements on a grid as a browser does (rowspan / colspan)."""
    n = len(rows)
    limits = _limits.current()
    taken: set[tuple[int, int]] = set()
    texts: dict[tuple[int, int], str] = {}
    merges: list[Merge] = []
    width = 0
    for r, tds in enumerate(cells):
        c = 0
        for td in tds:
            while (r, c) in taken:
                c += 1
            rs = _span(td.get("rowspan"), limits.span)
            cs = max(_span(td.get("colspan"), limits.span), 1)
            if max(rs, cs) > limits.span:
                raise LimitExceeded("span", limits.span, f"表格单元格跨 {max(rs, cs):,} 行或列 (rowspan/colspan)",
                                    place=f"第{rows[r].sourceline}行")
            rs = n - r if rs == 0 else min(max(rs, 1), n - r)  # as a browser: never past the table
            if n * (c + cs) > limits.table_cells:  # checked before the cells are taken
                raise LimitExceeded("table_cells", limits.table_cells, f"表格有 {n:,} 行 × {c + cs:,} 列以上",
                                    place=f"第{rows[r].sourceline}行")
            for i in range(rs):
                for j in range(cs):
                    taken.add((r + i, c + j))
            texts[(r, c)] = cell_text(td)
            if rs > 1 or cs > 1:
                merges.append((r, c, r + rs - 1, c + cs - 1))
            c += cs
            width = max(width, c)
    width = max([width] + [c + 1 for _, c in taken])
    grid = [[texts.get((r, c), "") for c in range(width)] for r in range(n)]
    return grid, merges


def cell_text(el) -> str:  # noqa: ANN001
    """A cell's text on one line: ``<br>`` and block elements break lines, then ``clean_cell``."""
    parts: list[str] = []

    def visit(node) -> None:  # noqa: ANN001
        tag = _tag(node)
        if tag in _SKIP or not tag:
            return
        if tag == "br":
            parts.append("\n")
            return
        block = tag in _BLOCK or tag in _HEADINGS or tag == "table"
        if block:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            visit(child)
            parts.append(child.tail or "")
        if block:
            parts.append("\n")

    visit(el)
    return clean_cell("".join(parts))
