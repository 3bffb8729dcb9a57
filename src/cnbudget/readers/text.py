"""Text disclosures (.txt / .md), as extracted from PDFs by various tools.

Lines become blocks: a run of tab-separated lines, or of markdown pipe-table lines, becomes a
``Grid`` (one row per line, each with its line number); every other non-blank line is a
``Paragraph`` (``#`` headings and ``**bold**`` / ``<b>`` markup are recognised and removed).
A blank line ends a grid: joining a table continued after a page break is the table stage's
job, which can see titles and headers.
"""

from __future__ import annotations

import re

from cnbudget import limits as _limits
from cnbudget.document import Block, Document, Grid, Paragraph, Source
from cnbudget.errors import UnreadableFile
from cnbudget.limits import LimitExceeded

# [^<>]*+ (not [^>]*): a tag ends before the next "<", so a line of "<b<b<b…" is one pass, not n².
_TAG_RE = re.compile(r"</?(?:b|strong|i|em|u|span|font|sup|sub|br|p|div)\b[^<>]*+>", re.IGNORECASE)
_BOLD_RE = re.compile(r"\*\*(.*?)\*\*")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
# Possessive quantifiers: each part's characters (space, colon, dash, pipe) cannot be the next
# part's, so giving any back can never help — without them "|--" + 100,000 spaces + "|x" made
# the engine retry every split of the spaces (48 s).
_PIPE_SEP_RE = re.compile(r"^\|?+\s*+:?+-{2,}+:?+\s*+(?:\|\s*+:?+-{2,}+:?+\s*+)*+\|?+\s*+$")
_ENCODINGS = ("utf-8-sig", "utf-16", "gb18030")


def decode(path: str, data: bytes) -> str:
    """Decode as UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise UnreadableFile("UTF-16 文本无法解码 (bad UTF-16 text)", file=path) from e
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not _mostly_cjk_or_ascii(text):
            break
        return text
    raise UnreadableFile("无法识别的文本编码 (unknown text encoding; expected UTF-8 or GB18030)", file=path)


def _mostly_cjk_or_ascii(text: str) -> bool:
    good = sum(1 for ch in text if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef")
    return good >= 0.9 * max(1, len(text))


def clean_markup(s: str) -> tuple[str, bool]:
    """Remove inline HTML tags and markdown bold; report whether the text was bold."""
    if "<" not in s and "*" not in s and "&" not in s:
        return s, False
    bold = bool(_BOLD_RE.search(s)) or "<b>" in s.lower() or "<strong>" in s.lower()
    s = _TAG_RE.sub("", s)
    s = _BOLD_RE.sub(r"\1", s)
    s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return s, bold


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [clean_markup(c)[0].strip() for c in s.split("|")]


def read(path: str, data: bytes) -> Document:
    text = decode(path, data)
    return parse_text(path, text)


def parse_text(path: str, text: str) -> Document:
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    row_sources: list[Source] = []
    grid_kind: str | None = None  # "tab" or "pipe"
    limits = _limits.current()

    def flush() -> None:
        nonlocal rows, row_sources, grid_kind
        if rows:
            blocks.append(Grid(rows=tuple(rows), source=row_sources[0], row_sources=tuple(row_sources)))
        rows, row_sources, grid_kind = [], [], None

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if len(line) > limits.line_chars:
            raise LimitExceeded("line_chars", limits.line_chars, f"一行有 {len(line):,} 个字符", file=path,
                                place=f"第{lineno}行")
        cells = max(line.count("\t"), line.count("|") - 1) + 1
        if cells > limits.row_cells:
            raise LimitExceeded("row_cells", limits.row_cells, f"表格一行有 {cells:,} 个单元格", file=path,
                                place=f"第{lineno}行")
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if grid_kind == "tab":
                flush()
            grid_kind = "pipe"
            if _PIPE_SEP_RE.match(stripped):
                continue
            rows.append(tuple(_pipe_cells(stripped)))
            row_sources.append(Source(line=lineno))
            continue
        if "\t" in line:
            if grid_kind == "pipe":
                flush()
            grid_kind = "tab"
            rows.append(tuple(clean_markup(c)[0].strip() for c in line.split("\t")))
            row_sources.append(Source(line=lineno))
            continue
        flush()
        heading = None
        m = _HEADING_RE.match(stripped)
        if m:
            heading, stripped = len(m.group(1)), m.group(2)
        body, bold = clean_markup(stripped)
        body = body.strip()
        if body.startswith("- "):
            body = body[2:].strip()
        if body:
            blocks.append(Paragraph(text=body, source=Source(line=lineno), heading=heading, bold=bold))
    flush()
    return Document(path=path, blocks=tuple(blocks), format="text")
