"""Readers: one module per file format, each turning a file into a neutral ``Document``.

Modules:
    sniff   — pick the format from the file's content (magic bytes), not only its name
    text    — .txt / .md: tab-separated rows, markdown pipe tables, headings, OCR noise
    pdf     — .pdf: text layer (PDFium) or OCR; ruled tables with spans (pdf_grid, pdf_ocr),
              tables printed as aligned text without rules (pdf_aligned); one page's blocks
              in reading order (pdf_blocks, which uses both table finders); a page seen again
              in its reading frame, as an image region and glyphs (pdf_page)
    xlsx    — .xlsx (openpyxl)
    excel_numbers — spreadsheet numbers written as printed (number formats, float noise)
    grid_shape    — rows of cells → title / meta / note paragraphs and a grid (xlsx, xls, docx, html)
    xls     — .xls (xlrd), shaped like .xlsx
    docx    — .docx (python-docx): paragraphs, headings and tables in document order
    html    — .html (lxml): text, headings and tables with rowspan / colspan
    guard   — the shared limits (``cnbudget.limits``): regular files only, bytes read, zip
              members' inflated sizes, paragraph and table-row sizes

The registry ``READERS`` maps a format name to its reader function ``(path, data) -> Document``.
Readers raise ``UnreadableFile`` (a ``CnbudgetError``) for what they cannot read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cnbudget import limits as _limits
from cnbudget.document import Document
from cnbudget.errors import UnreadableFile
from cnbudget.limits import LimitExceeded
from cnbudget.readers import docx, guard, html, text, xls, xlsx
from cnbudget.readers.sniff import sniff_format

Reader = Callable[[str, bytes], Document]

READERS: dict[str, Reader] = {
    "text": text.read,
    "pdf": lambda path, data: _pdf(path, data),
    "xlsx": xlsx.read,
    "xls": xls.read,
    "docx": docx.read,
    "html": html.read,
    # Formats sniffed but not readable: a clear reason instead of "unsupported format".
    "encrypted": lambda path, data: _refuse_encrypted(path),
    "doc": lambda path, data: _refuse(path, "旧版 Word (.doc) 文件不受支持，请另存为 .docx (legacy .doc unsupported)"),
}


def _pdf(path: str, data: bytes) -> Document:
    # imported on first use: PDFium's bindings cost ~45 ms at start-up
    from cnbudget.readers import pdf

    return pdf.read(path, data)


def _refuse(path: str, reason: str) -> Document:
    raise UnreadableFile(reason, file=path)


def _refuse_encrypted(path: str) -> Document:
    kind = {".docx": "Word", ".doc": "Word"}.get(Path(path).suffix.lower(), "Excel")
    return _refuse(path, f"{kind} 文件已加密或设有打开密码，请去除密码后再读取 (encrypted or password-protected file)")


def register(fmt: str, reader: Reader) -> None:
    """Add a reader for a format (used by the optional format modules)."""
    READERS[fmt] = reader


def read_document(path: str | Path) -> Document:
    """Read any supported file into a ``Document``; the format comes from its content."""
    p = Path(path)
    limits = _limits.current()
    data = guard.read_bytes(p, limits)
    if not data.strip():
        raise UnreadableFile("文件为空 (empty file)", file=str(p))
    fmt = sniff_format(data, p.name)
    if fmt == "parse_json":
        # read as text it would be checked as a document whose department is "{": refused
        raise UnreadableFile("这是 cnbudget parse 输出的 JSON，不含说明正文，不能当作公开文件读取或核验；"
                             "请读取原公开文件（render、produce 可直接使用此 JSON） "
                             "(a cnbudget parse JSON, not a disclosure: read the original file)", file=str(p))
    reader = READERS.get(fmt)
    if reader is None:
        raise UnreadableFile(f"不支持的文件格式 {fmt} (unsupported format)", file=str(p))
    try:
        if fmt in ("xlsx", "docx"):
            guard.check_zip(str(p), data, limits)
        if fmt == "xlsx":
            guard.check_xlsx_cells(str(p), data, limits)
        doc = reader(str(p), data)
        guard.check_document(doc, limits)
    except LimitExceeded as e:
        if e.file is None:  # raised where only the sheet or table was known
            e.file = str(p)
        raise
    return doc
