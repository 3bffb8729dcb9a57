"""Tell a file's format from its first bytes; the name's suffix only breaks ties."""

from __future__ import annotations

import zipfile
from io import BytesIO

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (.xls/.doc) compound file


def sniff_format(data: bytes, name: str = "") -> str:
    """Return "pdf", "xlsx", "docx", "xls", "doc", "html", "zip", "text" or "binary"."""
    head = data[:2048]
    lower_name = name.lower()
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "binary"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("word/") for n in names):
            return "docx"
        return "zip"
    if head.startswith(_OLE):
        return "doc" if lower_name.endswith(".doc") else "xls"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body")):
        return "html"
    if lower_name.endswith((".html", ".htm")) and b"<" in head:
        return "html"
    if _looks_binary(head):
        return "binary"
    return "text"


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 text has NULs too; let the text reader decide on a BOM.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) // 20
