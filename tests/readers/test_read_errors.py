"""Bad input: every reader raises ``UnreadableFile`` with a clear reason, never anything else.

A batch over thousands of files relies on it: one damaged file is one line in the report.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from cnbudget.errors import UnreadableFile
from cnbudget.readers import READERS, read_document
from cnbudget.readers.sniff import sniff_format

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _zip(members: dict[str, bytes]) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _crafted_encrypted_ooxml() -> bytes:
    """An OLE container whose first directory sector names EncryptionInfo / EncryptedPackage."""
    header = bytearray(512)
    header[:8] = OLE
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[0x30:0x34] = (0).to_bytes(4, "little")  # directory starts at sector 0
    directory = bytearray(512)
    for i, name in enumerate(("Root Entry", "EncryptionInfo", "EncryptedPackage")):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[i * 128 : i * 128 + len(raw)] = raw
    return bytes(header + directory)


@pytest.mark.parametrize("name", ["a.xlsx", "a.xls", "a.docx", "a.html", "a.txt"])
def test_empty_file(tmp_path, name):
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, name, b""))
    assert "文件为空" in e.value.reason
    assert e.value.file.endswith(name)


def test_truncated_xlsx(tmp_path, built):
    data = built["xlsx"].read_bytes()
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, "cut.xlsx", data[: len(data) // 2]))
    assert e.value.reason.startswith("Excel 文件已损坏")
    assert isinstance(e.value.__cause__, Exception)  # raised from the library's exception


def test_xlsx_with_broken_parts(tmp_path):
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<not xml"})
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, "broken.xlsx", data))
    assert "Excel" in e.value.reason and e.value.__cause__ is not None


def test_docx_with_broken_document_part(tmp_path):
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"})
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, "broken.docx", data))
    assert e.value.reason.startswith("Word 文件已损坏")


def test_corrupt_xls(tmp_path):
    data = OLE + bytes(range(256)) * 8
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, "bad.xls", data))
    assert e.value.reason.startswith("Excel 文件已损坏")


def test_encrypted_xlsx_made_with_msoffcrypto(tmp_path, built):
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml", reason="msoffcrypto-tool not installed")
    out = io.BytesIO()
    with built["xlsx"].open("rb") as f:
        ooxml.OOXMLFile(f).encrypt("密码123", out)
    data = out.getvalue()
    assert sniff_format(data, "x.xlsx") == "encrypted"
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, "locked.xlsx", data))
    assert e.value.reason.startswith("Excel 文件已加密")


@pytest.mark.parametrize(("name", "kind"), [("locked.xlsx", "Excel"), ("locked.docx", "Word")])
def test_encrypted_ooxml_container_is_sniffed_not_read_as_xls(tmp_path, name, kind):
    data = _crafted_encrypted_ooxml()
    assert sniff_format(data, name) == "encrypted"
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, name, data))
    assert e.value.reason.startswith(f"{kind} 文件已加密")


def test_legacy_doc_has_a_clear_reason(tmp_path):
    data = bytearray(_crafted_encrypted_ooxml())
    data[512 + 128 : 512 + 128 + 26] = "WordDocument".encode("utf-16-le") + b"\0\0"
    data[512 + 256 : 512 + 384] = bytes(128)
    with pytest.raises(UnreadableFile) as e:
        read_document(_write(tmp_path, "old.doc", bytes(data)))
    assert ".docx" in e.value.reason


def _damaged(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    kind = seed % 3
    if kind == 0:  # truncated
        return data[: rng.randrange(1, len(data))]
    buf = bytearray(data)
    if kind == 1:  # bytes overwritten in the middle
        at = rng.randrange(len(buf) // 4, len(buf))
        buf[at : at + 64] = bytes(rng.randrange(256) for _ in range(64))
        return bytes(buf)
    return bytes(buf[: len(buf) // 3] + buf[2 * len(buf) // 3 :])  # a slice cut out


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "docx", "html", "txt"])
@pytest.mark.parametrize("seed", range(12))
def test_damaged_files_raise_unreadable_file_or_read(tmp_path, built, fmt, seed):
    if fmt not in built:
        pytest.skip(f"no writer for .{fmt} here")
    data = _damaged(built[fmt].read_bytes(), seed)
    p = _write(tmp_path, f"damaged.{fmt}", data)
    try:
        read_document(p)
    except UnreadableFile as e:
        assert e.reason and e.file == str(p)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("x.xlsx", b"PK\x03\x04" + b"\0" * 100),
        ("x.docx", b"PK\x03\x04garbage"),
        ("x.xls", OLE),
        ("x.xls", OLE + b"\xff" * 4000),
        ("x.html", b"\x00\x01\x02\x03" * 100),
        ("x.bin", bytes(range(256)) * 4),
        ("x.xlsx", _zip({"xl/workbook.xml": b""})),
        ("x.docx", _zip({"word/document.xml": b"<?xml version='1.0'?><a/>"})),
    ],
)
def test_batch_contract_only_unreadable_file(tmp_path, name, data):
    with pytest.raises(UnreadableFile):
        read_document(_write(tmp_path, name, data))


@pytest.mark.parametrize(("fmt", "disguise"), [("xlsx", "report.txt"), ("docx", "report.xlsx"),
                                               ("xls", "report.html"), ("html", "report.dat")])
def test_format_comes_from_content_not_name(tmp_path, built, fmt, disguise):
    if fmt not in built:
        pytest.skip(f"no writer for .{fmt} here")
    doc = read_document(_write(tmp_path, disguise, built[fmt].read_bytes()))
    assert doc.format == fmt


def test_registry_entries_are_reachable_by_sniffing(built):
    for fmt, path in built.items():
        expected = "text" if fmt == "txt" else fmt
        assert sniff_format(path.read_bytes(), "") == expected
    assert sniff_format(_crafted_encrypted_ooxml(), "") == "encrypted"
    for fmt in ("text", "xlsx", "xls", "docx", "html", "encrypted", "doc"):
        assert fmt in READERS


def test_importing_the_registry_loads_no_office_library():
    import subprocess
    import sys

    code = ("import sys, cnbudget.readers; "
            "print(sorted(m for m in ('openpyxl', 'xlrd', 'docx', 'lxml.html') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_parse_json_is_refused_not_read_as_a_text_disclosure(tmp_path):
    # read as text, the JSON of `cnbudget parse` was checked as a document whose department is "{"
    model = b'{\n  "file": "x.pdf",\n  "meta": {"department": "\xe7\xa4\xba\xe4\xbe\x8b\xe5\xb1\x80", "year": 2026},\n  "tables": []\n}\n'
    p = _write(tmp_path, "x.json", model)
    assert sniff_format(model, "x.json") == "parse_json"
    with pytest.raises(UnreadableFile, match="cnbudget parse") as e:
        read_document(p)
    assert e.value.file == str(p)
    # any other JSON is text, as before (a reader of its own decides what it holds)
    assert sniff_format(b'{"tables": "none", "note": "x"}', "y.json") == "text"
    assert sniff_format(b'{"meta": {}, "tables": [', "z.json") == "text"
