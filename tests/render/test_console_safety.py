"""``parse --format text``: a document's text is shown as text — rich markup escaped, control
and escape sequences dropped — whatever the document holds."""

from __future__ import annotations

from rich.console import Console

from cnbudget.parse import parse_file
from cnbudget.render.console import print_disclosure

HOSTILE = "[bold red]某某局[/bold red]\x1b[2J\x1b]0;owned\x07\u202e"


def test_markup_and_escape_sequences_in_a_document_are_shown_inert(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(f"{HOSTILE}2025年部门预算公开\n一、部门预算说明\n预算收入与预算支出\n"
                 f"部门收支预算总表\n项目\t金额\n{HOSTILE}合计\t1.00\n", encoding="utf-8")
    d = parse_file(p)
    console = Console(record=True, width=200, color_system="truecolor", force_terminal=True)
    print_disclosure(d, console, explain=True)
    styled = console.export_text(styles=True, clear=False)
    plain = console.export_text()
    assert "[bold red]某某局[/bold red]" in plain  # the markup is shown, not applied
    for bad in ("\x1b[2J", "\x1b]0;", "\x07", "\u202e"):
        assert bad not in plain
        assert bad not in styled.replace("\x1b[1m", "").replace("\x1b[0m", "")  # only rich's own styles
