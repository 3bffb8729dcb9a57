"""The limits every reader shares (``cnbudget.limits``), checked before and after reading.

- ``read_bytes``: only a regular file, and at most ``file_bytes`` of it — /dev/zero, a named
  pipe or a terminal is refused from its ``stat`` alone, before anything is opened (opening a
  pipe would wait for a writer).
- ``check_zip``: an .xlsx / .docx is a zip; each member's inflated size is checked against
  ``zip_member_bytes`` / ``zip_total_bytes``, first as declared in the central directory, then
  as actually inflated (streaming, in chunks), so a member whose header lies is caught too.
- ``check_document``: what a reader produced — each paragraph's length (``line_chars``), each
  grid row's cells and characters (``row_cells``, ``row_chars``) — so the later stages, some of
  which are not linear in a line's length, only ever see bounded input.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from cnbudget.document import Document, Grid, Paragraph
from cnbudget.errors import UnreadableFile
from cnbudget.limits import LimitExceeded, Limits

_CHUNK = 1 << 20


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes: a regular file of at most ``limits.file_bytes``."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError as e:
        raise UnreadableFile("文件不存在 (file not found)", file=name) from e
    except OSError as e:
        raise UnreadableFile(f"无法读取文件 (cannot read: {e.strerror})", file=name) from e
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableFile("这是一个目录，不是文件 (is a directory)", file=name)
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile(f"不是普通文件（{_kind(st.st_mode)}），拒绝读取 (not a regular file: {_kind(st.st_mode)})",
                             file=name)
    if st.st_size > limits.file_bytes:
        raise LimitExceeded("file_bytes", limits.file_bytes, f"文件大小 {st.st_size:,} 字节", file=name)
    try:
        with open(path, "rb") as fh:
            # +1: a file that grew after the stat is still caught
            data = fh.read(limits.file_bytes + 1)
    except OSError as e:
        raise UnreadableFile(f"无法读取文件 (cannot read: {e.strerror})", file=name) from e
    if len(data) > limits.file_bytes:
        raise LimitExceeded("file_bytes", limits.file_bytes, "文件在读取时超过大小限制", file=name)
    return data


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode):
        return "字符设备 character device"
    if stat.S_ISBLK(mode):
        return "块设备 block device"
    if stat.S_ISFIFO(mode):
        return "命名管道 named pipe"
    if stat.S_ISSOCK(mode):
        return "套接字 socket"
    return "特殊文件 special file"


def check_zip(path: str, data: bytes, limits: Limits) -> None:
    """Refuse a zip whose members inflate past the limits (declared or actual sizes)."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a readable zip: the format's reader says so in its own words
    declared = 0
    for info in infos:
        if info.file_size > limits.zip_member_bytes:
            raise LimitExceeded("zip_member_bytes", limits.zip_member_bytes,
                                f"压缩包成员 {info.filename!r} 解压后 {info.file_size:,} 字节", file=path)
        declared += info.file_size
    if declared > limits.zip_total_bytes:
        raise LimitExceeded("zip_total_bytes", limits.zip_total_bytes, f"压缩包解压后共 {declared:,} 字节", file=path)
    total = 0
    for info in infos:
        total += _inflated_size(path, data, info, limits, limits.zip_total_bytes - total)


def _inflated_size(path: str, data: bytes, info: zipfile.ZipInfo, limits: Limits, left: int) -> int:
    """Inflate one member in chunks, counting; stop as soon as it passes a limit.

    Only deflate (and stored) members are measured here: zipfile itself stops a member at its
    declared size, so for other methods the declared size above is the bound."""
    if info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        return info.file_size
    header = data[info.header_offset : info.header_offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return info.file_size
    start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw)
    inflater = zlib.decompressobj(-15)
    size = 0
    bound = min(limits.zip_member_bytes, left)
    for i in range(0, len(raw), _CHUNK):
        chunk = raw[i : i + _CHUNK]
        while chunk:
            # max_length keeps each step's output (and so memory) to one chunk
            try:
                out = inflater.decompress(chunk, _CHUNK)
            except zlib.error:
                return size  # damaged: the format's reader says so in its own words
            size += len(out)
            if size > bound:
                limit = "zip_member_bytes" if bound == limits.zip_member_bytes else "zip_total_bytes"
                raise LimitExceeded(limit, getattr(limits, limit),
                                    f"压缩包成员 {info.filename!r} 实际解压超过 {bound:,} 字节", file=path)
            chunk = inflater.unconsumed_tail
            if inflater.eof:
                return size
    return size + len(inflater.flush())


_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def check_xlsx_cells(path: str, data: bytes, limits: Limits) -> None:
    """Count each worksheet's cells and merged areas in its XML, streaming, before openpyxl
    loads it: openpyxl makes an object for every ``<c>`` and for every cell a merge covers
    (``A1:XFD1048576`` would be 17 billion), so the count must come first."""
    from lxml import etree

    try:
        archive = zipfile.ZipFile(BytesIO(data))
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        for name in sheets:
            count = 0
            with archive.open(name) as fh:
                for _event, el in etree.iterparse(fh, events=("end",), tag=(f"{_SHEET_NS}c", f"{_SHEET_NS}mergeCell", f"{_SHEET_NS}row"),
                                                   huge_tree=False, resolve_entities=False, no_network=True):
                    if el.tag.endswith("}row"):
                        el.clear(keep_tail=False)  # its cleared cells with it: memory stays flat
                        continue
                    count += _merge_area(el.get("ref")) if el.tag.endswith("mergeCell") else 1
                    if count > limits.sheet_cells:
                        raise LimitExceeded("sheet_cells", limits.sheet_cells, f"工作表 {name} 的单元格（含合并区域）过多",
                                            file=path)
                    el.clear(keep_tail=False)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError, KeyError, EOFError, zlib.error):
        return  # damaged: the reader says so in its own words


def _merge_area(ref: str | None) -> int:
    from openpyxl.utils.cell import range_boundaries

    try:
        c0, r0, c1, r1 = range_boundaries(ref or "")
    except (ValueError, TypeError):
        return 1
    return max(1, ((r1 or r0 or 1) - (r0 or 1) + 1) * ((c1 or c0 or 1) - (c0 or 1) + 1))


def check_document(doc: Document, limits: Limits) -> None:
    """Refuse a document with a paragraph or a table row past the limits."""
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if len(block.text) > limits.line_chars:
                raise LimitExceeded("line_chars", limits.line_chars, f"一段文字有 {len(block.text):,} 个字符",
                                    file=doc.path, place=block.source.label())
        elif isinstance(block, Grid):
            for row, source in zip(block.rows, block.row_sources or (block.source,) * len(block.rows), strict=False):
                check_row(doc.path, row, limits, source.label())


def check_row(path: str, row: tuple[str, ...] | list[str], limits: Limits, place: str | None = None) -> None:
    if len(row) > limits.row_cells:
        raise LimitExceeded("row_cells", limits.row_cells, f"表格一行有 {len(row):,} 个单元格", file=path, place=place)
    chars = sum(map(len, row))
    if chars > limits.row_chars:
        raise LimitExceeded("row_chars", limits.row_chars, f"表格一行有 {chars:,} 个字符", file=path, place=place)
