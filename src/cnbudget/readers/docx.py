"""Word documents (.docx, via python-docx), in document order.

The body's children are walked in order (``w:p`` → ``Paragraph``, ``w:tbl`` → ``Grid``;
content controls ``w:sdt`` are walked through).  A paragraph's heading level comes from its
style ("Heading 1"…, "标题 1"…, "Title") or its outline level; it is bold when all its text is.

Tables are laid on their grid columns: ``w:gridBefore`` skips columns, a horizontal span
(``w:gridSpan``) keeps its text in its first column and "" in the others, a continued vertical
merge (``w:vMerge`` without "restart") is "" — both recorded in ``Grid.merges``.  A cell's
paragraphs are joined into one line (no space between CJK characters); a nested table's text
is kept in its cell.  Title, meta and note rows inside a table ("2025年…表", "单位：万元")
become paragraphs, as in spreadsheets (``xlsx.shape_block``).

Word files have no lines or pages until laid out, so ``Source.line`` counts blocks as a plain
text export would: each paragraph (blank ones included) and each table row is one line.
"""

from __future__ import annotations

import re
from io import BytesIO

from cnbudget import limits as _limits
from cnbudget.document import Block, Document, Paragraph, Source
from cnbudget.errors import UnreadableFile
from cnbudget.limits import LimitExceeded
from cnbudget.readers.grid_shape import Merge, clean_cell, shape_block

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEADING_RE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def read(path: str, data: bytes) -> Document:
    """Read a .docx document: paragraphs and tables in the order they appear."""
    import docx

    try:
        document = docx.Document(BytesIO(data))
    except Exception as e:  # python-docx raises zip, XML, KeyError and ValueError on bad files
        raise UnreadableFile("Word 文件已损坏或加密 (corrupt or encrypted .docx)", file=path) from e
    reader = _Reader(document)
    reader.walk(document.element.body)
    return Document(path=path, blocks=tuple(reader.blocks), format="docx")


class _Reader:
    def __init__(self, document) -> None:  # noqa: ANN001 - python-docx Document
        self.blocks: list[Block] = []
        self.line = 0
        self._styles: dict[str, tuple[int | None, bool]] = {}
        self._doc = document

    # -- walking ------------------------------------------------------------------------------

    def walk(self, element) -> None:  # noqa: ANN001 - lxml element
        for child in element.iterchildren():
            if child.tag == _q("p"):
                self.line += 1
                self.paragraph(child)
            elif child.tag == _q("tbl"):
                self.table(child)
            elif child.tag == _q("sdt"):
                content = child.find(_q("sdtContent"))
                if content is not None:
                    self.walk(content)
            elif child.tag in (_q("customXml"), _q("smartTag")):
                self.walk(child)

    def paragraph(self, p) -> None:  # noqa: ANN001
        text = clean_cell(_text(p))
        if not text:
            return
        level, style_bold = self._style_info(p)
        self.blocks.append(Paragraph(text=text, source=Source(line=self.line), heading=level,
                                     bold=style_bold or _all_bold(p)))

    def table(self, tbl) -> None:  # noqa: ANN001
        rows, merges = table_grid(tbl)
        first = self.line + 1
        self.line += len(rows)
        if not rows:
            return
        self.blocks.extend(shape_block(rows, merges, lambda r, c: Source(line=first + r)))

    # -- styles -------------------------------------------------------------------------------

    def _style_info(self, p) -> tuple[int | None, bool]:  # noqa: ANN001
        """Heading level (from the paragraph's outline level or its style) and style boldness."""
        ppr = p.find(_q("pPr"))
        style_id = None
        if ppr is not None:
            outline = ppr.find(_q("outlineLvl"))
            if outline is not None:
                level = _outline_level(outline)
                if level is not None:
                    return level, False
            ps = ppr.find(_q("pStyle"))
            if ps is not None:
                style_id = ps.get(_q("val"))
        if not style_id:
            return None, False
        if style_id not in self._styles:
            self._styles[style_id] = self._lookup_style(style_id)
        return self._styles[style_id]

    def _lookup_style(self, style_id: str) -> tuple[int | None, bool]:
        """Walk the style and the styles it is based on (XML level: robust to odd documents)."""
        styles = self._doc.styles.element
        level, bold, seen = None, False, set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = styles.get_by_id(style_id)
            if style is None:
                break
            name_el = style.find(_q("name"))
            name = (name_el.get(_q("val")) if name_el is not None else "") or ""
            m = _HEADING_RE.match(name.strip()) or _HEADING_RE.match(style_id)
            if m:
                level = int(m.group(1))
            elif name.strip().lower() == "title" or name.strip() == "标题":
                level = 1
            else:
                ppr = style.find(_q("pPr"))
                outline = ppr.find(_q("outlineLvl")) if ppr is not None else None
                if outline is not None:
                    level = _outline_level(outline)
            rpr = style.find(_q("rPr"))
            b = rpr.find(_q("b")) if rpr is not None else None
            bold = bold or (b is not None and b.get(_q("val"), "true").lower() not in ("0", "false", "off"))
            if level is not None:
                break
            based = style.find(_q("basedOn"))
            style_id = based.get(_q("val")) if based is not None else None
        return level, bold


def _outline_level(el) -> int | None:  # noqa: ANN001
    try:
        n = int(el.get(_q("val")))
    except (TypeError, ValueError):
        return None
    return n + 1 if 0 <= n <= 5 else None


def _text(el) -> str:  # noqa: ANN001
    """The visible text of an element: runs, tabs and breaks; deleted text is skipped."""
    parts: list[str] = []
    for node in el.iter(_q("t"), _q("tab"), _q("br"), _q("cr"), _q("noBreakHyphen"), _q("p")):
        tag = node.tag
        if tag == _q("t"):
            parts.append(node.text or "")
        elif tag == _q("tab"):
            # w:tab is also a tab-stop definition inside w:tabs; only a run's w:tab is text
            if node.getparent().tag == _q("r"):
                parts.append("\t")
        elif tag in (_q("br"), _q("cr")):
            parts.append("\n")
        elif tag == _q("noBreakHyphen"):
            parts.append("-")
        elif tag == _q("p") and node is not el and parts:
            parts.append("\n")  # paragraphs inside a cell or text box
    return "".join(parts)


def _all_bold(p) -> bool:  # noqa: ANN001
    runs = [r for r in p.iter(_q("r")) if "".join(t.text or "" for t in r.iter(_q("t"))).strip()]
    if not runs:
        return False
    for r in runs:
        rpr = r.find(_q("rPr"))
        b = rpr.find(_q("b")) if rpr is not None else None
        if b is None or b.get(_q("val"), "true").lower() in ("0", "false", "off"):
            return False
    return True


def table_grid(tbl) -> tuple[list[list[str]], list[Merge]]:  # noqa: ANN001 - lxml w:tbl
    """A Word table laid on its grid: cell texts (merged → top-left only) and merges."""
    rows: list[list[str]] = []
    spans: list[tuple[int, int, int]] = []  # (row, col0, col1) of each cell as laid out
    vmerge: dict[tuple[int, int], str] = {}  # (row, col0) -> "restart" | "continue"
    limits = _limits.current()
    cells = 0  # laid-out cells so far: checked before each row or span is allocated
    for r, tr in enumerate(_own(tbl, "tr")):
        row: list[str] = []
        trpr = tr.find(_q("trPr"))
        before = _int_val(trpr.find(_q("gridBefore"))) if trpr is not None else 0
        cells = _grow(cells, before, limits, "w:gridBefore", r)
        row.extend([""] * before)
        for tc in _own(tr, "tc"):
            tcpr = tc.find(_q("tcPr"))
            span = max(1, _int_val(tcpr.find(_q("gridSpan"))) if tcpr is not None else 1)
            cells = _grow(cells, span, limits, "w:gridSpan", r)
            vm = tcpr.find(_q("vMerge")) if tcpr is not None else None
            c0 = len(row)
            if vm is not None:
                vmerge[(r, c0)] = "restart" if vm.get(_q("val")) == "restart" else "continue"
            text = "" if vmerge.get((r, c0)) == "continue" else clean_cell(_text(tc))
            row.extend([text] + [""] * (span - 1))
            spans.append((r, c0, c0 + span - 1))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    if len(rows) * width > limits.table_cells:  # rows are padded to the widest
        raise LimitExceeded("table_cells", limits.table_cells, f"表格有 {len(rows):,} 行 × {width:,} 列")
    for row in rows:
        row.extend([""] * (width - len(row)))
    merges: list[Merge] = []
    for r, c0, c1 in spans:
        if vmerge.get((r, c0)) == "continue":
            continue
        r1 = r
        while vmerge.get((r1 + 1, c0)) == "continue":
            r1 += 1
        if r1 > r or c1 > c0:
            merges.append((r, c0, r1, c1))
    return rows, merges


def _grow(cells: int, span: int, limits: _limits.Limits, what: str, row: int) -> int:
    """``cells + span``, refused past ``span`` or ``table_cells`` (a 2e8 gridSpan never allocates)."""
    if span > limits.span:
        raise LimitExceeded("span", limits.span, f"表格单元格 {what}={span:,}", place=f"表格第{row + 1}行")
    if cells + span > limits.table_cells:
        raise LimitExceeded("table_cells", limits.table_cells, "表格单元格过多", place=f"表格第{row + 1}行")
    return cells + span


def _own(parent, tag: str) -> list:  # noqa: ANN001
    """Children named ``tag``, looking through content controls and custom XML wrappers."""
    out = []
    for child in parent.iterchildren():
        if child.tag == _q(tag):
            out.append(child)
        elif child.tag in (_q("sdt"), _q("customXml")):
            inner = child.find(_q("sdtContent")) if child.tag == _q("sdt") else child
            if inner is not None:
                out.extend(_own(inner, tag))
    return out


def _int_val(el) -> int:  # noqa: ANN001
    if el is None:
        return 0
    try:
        return int(el.get(_q("val"), "0"))
    except ValueError:
        return 0
