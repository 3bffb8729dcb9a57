"""Hostile inputs, generated (no committed binaries): each ``Case`` makes its file in a folder.

Used by ``tests/hostile/test_hostile_cli.py`` (exit code, message, time, peak memory) and by
``bench/bench_hostile.py`` (time and peak memory, before / after).  ``expect`` is a piece of the
one stderr line the CLI must print (usually the limit's name); ``code`` the exit code.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# a narrative-only disclosure: a 部门预算 title and the standard topics of its 情况说明
HEAD = "2025年某某局部门预算公开\n一、收支预算总体情况\n二、财政拨款收支预算情况\n三、一般公共预算支出预算情况\n"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    code: int
    expect: str
    env: dict[str, str] = field(default_factory=dict)
    command: tuple[str, ...] = ("parse", "--format", "json")
    needs: str | None = None  # a module the case needs (skipped without it)


# ---------------------------------------------------------------------------------------------
# zip packages written by hand: a member's compressed bytes and declared size are ours to choose


def raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """(name, compressed bytes, method, crc, declared size) → a zip archive."""
    out = io.BytesIO()
    central = []
    for name, comp, method, crc, size in members:
        offset = out.tell()
        n = name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(comp), size, len(n), 0))
        out.write(n + comp)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, len(comp), size,
                                   len(n), 0, 0, 0, 0, 0, offset) + n)
    start = out.tell()
    for c in central:
        out.write(c)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def deflated(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, c.compress(data) + c.flush(), 8, zlib.crc32(data), len(data)


def bomb(name: str, prefix: bytes, fill: bytes, times: int, suffix: bytes, declared: int | None = None):
    """A member inflating to ``prefix + fill * times + suffix`` (fast: full-flushed deflate
    segments can be repeated byte for byte)."""
    def seg(data: bytes) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = c.compress(suffix) + c.flush()
    comp = seg(prefix) + seg(fill) * times + tail
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(fill, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + len(fill) * times + len(suffix)
    return name, comp, 8, crc, size if declared is None else declared


_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       b'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
       b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
       b'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       b'spreadsheetml.sharedStrings+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
       b'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" '
       b'sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            b'</Relationships>')
SHEET_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SST_PREFIX = b'<?xml version="1.0" encoding="UTF-8"?><sst ' + SHEET_NS + b' count="1" uniqueCount="1"><si><t>'


def xlsx(sheet_xml: bytes, shared: tuple | None = None) -> bytes:
    shared = shared or deflated("xl/sharedStrings.xml", SST_PREFIX + "预算".encode() + b"</t></si></sst>")
    return raw_zip([deflated("[Content_Types].xml", _CT), deflated("_rels/.rels", _RELS),
                    deflated("xl/workbook.xml", _WB), deflated("xl/_rels/workbook.xml.rels", _WB_RELS),
                    deflated("xl/worksheets/sheet1.xml", sheet_xml), shared])


def sheet(cells: str, merges: str = "") -> bytes:
    merge = f'<mergeCells count="1">{merges}</mergeCells>' if merges else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {SHEET_NS.decode()}><sheetData>{cells}</sheetData>'
            f"{merge}</worksheet>").encode()


# ---------------------------------------------------------------------------------------------
# the cases


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def xlsx_far_corners(folder: Path) -> Path:
    cells = ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
             '<row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row>')
    return _write(folder, "far-corners.xlsx", xlsx(sheet(cells)))


def xlsx_merge_bomb(folder: Path) -> Path:
    cells = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return _write(folder, "merge-bomb.xlsx", xlsx(sheet(cells, '<mergeCell ref="A1:XFD1048576"/>')))


def xlsx_many_cells(folder: Path) -> Path:
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{col}{r}"><v>{r}</v></c>' for col in "ABCDEFGHIJ") + "</row>"
                   for r in range(1, 301))
    return _write(folder, "many-cells.xlsx", xlsx(sheet(rows)))


def xlsx_shared_string_gb(folder: Path) -> Path:
    """sharedStrings.xml inflating to 1 GB, its size declared honestly."""
    member = bomb("xl/sharedStrings.xml", SST_PREFIX, b"a" * (1 << 24), 64, b"</t></si></sst>")
    return _write(folder, "sst-1gb.xlsx", xlsx(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), member))


def xlsx_shared_string_lying(folder: Path) -> Path:
    """The same 1 GB member, but its headers claim 1,000 bytes."""
    member = bomb("xl/sharedStrings.xml", SST_PREFIX, b"a" * (1 << 24), 64, b"</t></si></sst>", declared=1000)
    return _write(folder, "sst-lying.xlsx", xlsx(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), member))


def _docx(folder: Path, name: str, before: int, span: int) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("2025年部门预算表")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "合计", "1.00"
    if span:
        gs = OxmlElement("w:gridSpan")
        gs.set(qn("w:val"), str(span))
        table.cell(0, 0)._tc.get_or_add_tcPr().append(gs)
    if before:
        gb = OxmlElement("w:gridBefore")
        gb.set(qn("w:val"), str(before))
        table.rows[0]._tr.get_or_add_trPr().append(gb)
    buf = io.BytesIO()
    d.save(buf)
    return _write(folder, name, buf.getvalue())


def docx_grid_span(folder: Path) -> Path:
    return _docx(folder, "gridspan.docx", 0, 200_000_000)


def docx_grid_before(folder: Path) -> Path:
    return _docx(folder, "gridbefore.docx", 200_000_000, 0)


def html_colspan(folder: Path) -> Path:
    return _write(folder, "colspan.html", '<html><body><p>预算</p><table><tr><td colspan="200000000">合计</td>'
                                          "<td>1</td></tr><tr><td>a</td><td>b</td></tr></table></body></html>")


def html_span_area(folder: Path) -> Path:
    """Every span within the cap, but 2,000 rows × 5 cells of colspan 1000 = 10 million cells."""
    row = "<tr>" + '<td colspan="1000">1</td>' * 5 + "</tr>"
    return _write(folder, "span-area.html", "<html><body><table>" + row * 2000 + "</table></body></html>")


def _pdf(folder: Path, name: str, size: float) -> Path:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(size, size))
    img = Image.new("RGB", (64, 64), "white")
    c.drawImage(ImageReader(img), 0, 0, width=size, height=size)  # a scan: an image, no text
    c.showPage()
    c.save()
    return _write(folder, name, buf.getvalue())


def pdf_huge_scan(folder: Path) -> Path:
    return _pdf(folder, "huge-scan.pdf", 14400)


def pdf_oversize_page(folder: Path) -> Path:
    return _pdf(folder, "oversize-page.pdf", 20000)


def dev_zero(folder: Path) -> Path:
    return Path("/dev/zero")


def dev_urandom(folder: Path) -> Path:
    return Path("/dev/urandom")


def named_pipe(folder: Path) -> Path:
    p = folder / "pipe.txt"
    os.mkfifo(p)
    return p


def sparse_60mb(folder: Path) -> Path:
    p = folder / "big.pdf"
    with open(p, "wb") as fh:
        fh.truncate(60 * 1024 * 1024)  # sparse: no disk used
    return p


def pipe_separator_spaces(folder: Path) -> Path:
    """The backtracking case, kept under the line limit: ``|--`` + 45,000 spaces + ``|x|``."""
    return _write(folder, "pipe-sep.txt", HEAD + "|--" + " " * 45_000 + "|x|\n")


def pipe_separator_100k(folder: Path) -> Path:
    return _write(folder, "pipe-sep-100k.txt", HEAD + "|--" + " " * 100_000 + "|x|\n")


def tab_row_2000(folder: Path) -> Path:
    return _write(folder, "tab-row.txt", HEAD + "部门收支预算总表\n" + "\t".join(f"{i}.00" for i in range(2000)) + "\n")


def narrative_45k(folder: Path) -> Path:
    sentence = "本部门2025年收入预算1,234.56万元，比上年增加12.30万元，增长1.2%。"
    return _write(folder, "narrative-45k.txt", HEAD + sentence * (45_000 // len(sentence)) + "\n")


def narrative_180k(folder: Path) -> Path:
    sentence = "本部门2025年收入预算1,234.56万元，比上年增加12.30万元，增长1.2%。"
    return _write(folder, "narrative-180k.txt", HEAD + sentence * (180_000 // len(sentence)) + "\n")


def control_name(folder: Path) -> Path:
    return _write(folder, "bad\nname\x1b[31m\x1b]0;owned\x07.txt", "牛奶\n面包\n")


def db_not_a_database(folder: Path) -> Path:
    return _write(folder, "not-a-db.db", "hello, not a database\n")


CASES: list[Case] = [
    Case("xlsx A1 + XFD1048576", xlsx_far_corners, 2, "not a budget"),
    Case("xlsx merge A1:XFD1048576", xlsx_merge_bomb, 2, "sheet_cells"),
    Case("xlsx 3,000 cells, limit 1,000", xlsx_many_cells, 2, "sheet_cells", {"CNBUDGET_LIMIT_SHEET_CELLS": "1000"}),
    Case("xlsx shared string 1 GB", xlsx_shared_string_gb, 2, "zip_member_bytes"),
    Case("xlsx shared string 1 GB, declared 1 KB", xlsx_shared_string_lying, 2, "zip_member_bytes"),
    Case("docx gridSpan 2e8", docx_grid_span, 2, "span"),
    Case("docx gridBefore 2e8", docx_grid_before, 2, "span"),
    Case("html colspan 2e8", html_colspan, 2, "span"),
    Case("html 2,000 rows of 5 × colspan 1000", html_span_area, 2, "table_cells"),
    Case("pdf 14400 pt scanned page", pdf_huge_scan, 2, "ocr_pixels", needs="cv2"),
    Case("pdf 20000 pt page", pdf_oversize_page, 2, "page_points"),
    Case("/dev/zero", dev_zero, 2, "not a regular file"),
    Case("/dev/urandom", dev_urandom, 2, "not a regular file"),
    Case("named pipe", named_pipe, 2, "named pipe"),
    Case("60 MB file (sparse)", sparse_60mb, 2, "file_bytes"),
    Case("text |-- + 45,000 spaces", pipe_separator_spaces, 0, ""),
    Case("text |-- + 100,000 spaces", pipe_separator_100k, 2, "line_chars"),
    Case("text row of 2,000 numbers", tab_row_2000, 0, ""),
    Case("text narrative line 45,000 chars", narrative_45k, 0, ""),
    Case("text narrative line 180,000 chars", narrative_180k, 2, "line_chars"),
    Case("file name with newline and escapes", control_name, 2, "\\n"),
    Case("--db not a database", db_not_a_database, 2, "not a database",
         command=("compare", "--year", "2025", "--db", "{file}")),
    Case("--db unwritable folder", lambda folder: Path("/proc/cnbudget-none/lib.db"), 2, "cannot create the folder",
         command=("compare", "--year", "2025", "--db", "{file}")),
    Case("--db mysql://", lambda folder: Path("mysql://u:p@localhost/x"), 2, "unsupported database",
         command=("compare", "--year", "2025", "--db", "mysql://u:p@localhost/x")),
]
