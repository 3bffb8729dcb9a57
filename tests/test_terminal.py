"""``cnbudget.terminal``: file names and document text cannot drive the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cnbudget.terminal import is_safe, markup_safe, one_line, printable


def test_one_line_writes_controls_as_visible_escapes():
    assert one_line("a\nb\x1b[31mc\u202ed\te") == "a\\nb\\x1b[31mc\\u202ed\\te"


def test_printable_keeps_lines_and_drops_escape_sequences_and_bidi_overrides():
    assert printable("部门\x1b]0;owned\x07\n\u202e名称\t1") == "部门]0;owned\n名称\t1"


def test_markup_is_escaped_for_rich():
    from rich.console import Console

    console = Console(record=True, width=80, color_system=None)
    console.print(markup_safe("[bold red]部门[/bold red]\x1b[2J"))
    assert console.export_text().strip() == "[bold red]部门[/bold red][2J"


@given(st.text())
def test_one_line_is_always_one_safe_line(text):
    out = one_line(text)
    assert "\n" not in out and "\r" not in out and is_safe(out)
