"""Tell a file's format from its first bytes; the name's suffix only breaks ties."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (.xls/.doc) compound file


def _ole_name(name: str) -> bytes:
    """How a stream name is stored in an OLE directory entry (UTF-16LE)."""
    return name.encode("utf-16-le")


def sniff_format(data: bytes, name: str = "") -> str:
    """Return "pdf", "xlsx", "docx", "xls", "doc", "encrypted", "html", "zip", "parse_json",
    "text" or "binary".

    "parse_json" is the JSON ``cnbudget parse --format json`` writes: a model, not a document
    (it holds the tables and claims but not the narrative's text).

    "encrypted" is an OLE compound file holding an ``EncryptionInfo`` stream: a password-
    protected .xlsx / .docx (Office wraps encrypted OOXML that way), which no reader can open.
    """
    head = data[:2048]
    lower_name = name.lower()
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except (zipfile.BadZipFile, ValueError, OSError):
            # A damaged package: let the reader its name promises say so in its own words.
            return {".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx"}.get(_suffix(lower_name), "binary")
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("word/") for n in names):
            return "docx"
        return "zip"
    if head.startswith(_OLE):
        # The first directory sector names the top-level streams in practice; an embedded
        # object's streams come later, so look there first, then anywhere.
        for where in (_first_directory_sector(data), data):
            if _ole_name("EncryptionInfo") in where or _ole_name("EncryptedPackage") in where:
                return "encrypted"
            if _ole_name("Workbook") in where or _ole_name("Book\0") in where:
                return "xls"
            if _ole_name("WordDocument") in where:
                return "doc"
        return "doc" if lower_name.endswith(".doc") else "xls"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body")):
        return "html"
    if lower_name.endswith((".html", ".htm")) and b"<" in head:
        return "html"
    if _looks_binary(head):
        return "binary"
    if probe.startswith(b"{") and _is_parse_json(data):
        return "parse_json"
    return "text"


def _is_parse_json(data: bytes) -> bool:
    """A JSON object with the model's ``meta`` and ``tables`` (what ``cnbudget parse`` writes)."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and "meta" in obj and isinstance(obj.get("tables"), list)


def _first_directory_sector(data: bytes) -> bytes:
    """The OLE directory's first sector (header fields: sector shift at 0x1E, start at 0x30)."""
    if len(data) < 0x34:
        return b""
    size = 1 << min(int.from_bytes(data[0x1E:0x20], "little"), 16)
    start = int.from_bytes(data[0x30:0x34], "little")
    offset = (start + 1) * size
    return data[offset : offset + size] if offset < len(data) else b""


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 text has NULs too; let the text reader decide on a BOM.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) // 20
