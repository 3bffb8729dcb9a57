"""Readers: one module per file format, each turning a file into a neutral ``Document``.

Modules:
    sniff   — pick the format from the file's content (magic bytes), not only its name
    text    — .txt / .md: tab-separated rows, markdown pipe tables, headings, OCR noise

The registry ``READERS`` maps a format name to its reader function ``(path, data) -> Document``.
Readers raise ``UnreadableFile`` (a ``CnbudgetError``) for what they cannot read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cnbudget.document import Document
from cnbudget.errors import UnreadableFile
from cnbudget.readers import text
from cnbudget.readers.sniff import sniff_format

Reader = Callable[[str, bytes], Document]

READERS: dict[str, Reader] = {
    "text": text.read,
}


def register(fmt: str, reader: Reader) -> None:
    """Add a reader for a format (used by the optional format modules)."""
    READERS[fmt] = reader


def read_document(path: str | Path) -> Document:
    """Read any supported file into a ``Document``; the format comes from its content."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as e:
        raise UnreadableFile("文件不存在 (file not found)", file=str(p)) from e
    except IsADirectoryError as e:
        raise UnreadableFile("这是一个目录，不是文件 (is a directory)", file=str(p)) from e
    except OSError as e:
        raise UnreadableFile(f"无法读取文件 (cannot read: {e.strerror})", file=str(p)) from e
    if not data.strip():
        raise UnreadableFile("文件为空 (empty file)", file=str(p))
    fmt = sniff_format(data, p.name)
    reader = READERS.get(fmt)
    if reader is None:
        raise UnreadableFile(f"不支持的文件格式 {fmt} (unsupported format)", file=str(p))
    return reader(str(p), data)
