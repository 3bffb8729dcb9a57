"""Text from files and documents made safe for a terminal.

A file name or a document's text is data, not instructions to the terminal: an escape
sequence (``\\x1b]0;…``, ``\\x1b[2J``) could retitle or clear the screen or hide a line, a
newline in a file name would split the CLI's one-line error in two, a bidi override would
show the line reversed, and rich markup (``[bold red]``) in a department name would style the
output.  ``one_line`` writes each such character as a visible escape (``\\n``, ``\\x1b``);
``printable`` keeps line breaks and tabs and drops the rest; ``markup_safe`` also escapes rich
markup for text printed with ``markup=True`` (e.g. inside a rich table).
"""

from __future__ import annotations

import re
import unicodedata

from rich.markup import escape

# C0 and C1 controls, DEL, line / paragraph separators, and the bidi embedding / override /
# isolate marks (the "Trojan Source" characters).
_OTHERS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_UNSAFE_RE = re.compile(f"[\x00-\x1f{_OTHERS}]")
_UNSAFE_BUT_LINES_RE = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")  # keeps \t and \n
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def one_line(text: str) -> str:
    """``text`` on one line, every control or direction character written as an escape."""
    return _UNSAFE_RE.sub(lambda m: _visible(m.group(0)), text)


def printable(text: str) -> str:
    """``text`` with control and direction characters removed (line breaks and tabs kept)."""
    return _UNSAFE_BUT_LINES_RE.sub("", text)


def markup_safe(text: str) -> str:
    """``printable`` and rich markup escaped: for document text in a rich table or markup line."""
    return escape(printable(text))


def is_safe(text: str) -> bool:
    """No control or direction characters at all (tests)."""
    return not _UNSAFE_RE.search(text) and all(unicodedata.category(ch) != "Cc" for ch in text)
