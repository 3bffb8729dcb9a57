"""Every command's help read at 80 columns: nothing cut off ("…"), no line past 80 cells,
Chinese first; flags are flags (no ``<bool>`` value shown, never ``--x true``)."""

from __future__ import annotations

import re

import pytest
import typer
from rich.cells import cell_len
from typer.core import TyperOption
from typer.testing import CliRunner

from cnbudget.cli import app

CJK = re.compile(r"[\u4e00-\u9fff]")


def _commands() -> dict:
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def _help(*args: str) -> str:
    r = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"}, terminal_width=80)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_every_command_is_listed():
    names = set(_commands())
    assert {"parse", "check", "rules", "findings", "ingest", "compare", "serve", "list", "show", "link", "render",
            "template"} <= names
    top = _help()
    for name in names:
        assert re.search(rf"│ {name}\s", top), f"{name} missing from cnbudget --help"


@pytest.mark.parametrize("name", [None, *sorted(_commands())])
def test_help_is_readable_at_80_columns(name):
    text = _help(*([name] if name else []))
    assert "…" not in text, f"cut-off words in `cnbudget {name or ''} --help`:\n{text}"
    wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert not wide, wide
    assert "<bool>" not in text and "true" not in text.lower().replace("(true", "")
    # the description comes first in Chinese
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert CJK.match(lines[1].replace("cnbudget：", "")), lines[1]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_options_are_chinese_first_and_booleans_are_flags(name):
    command = _commands()[name]
    for p in command.params:
        if p.name == "help":
            continue
        assert p.help and CJK.match(p.help), f"{name} {p.name}: help should start in Chinese: {p.help!r}"
        if isinstance(p, TyperOption) and p.bare_type() == "bool":
            assert p.is_flag, f"{name} {p.name} takes a value true/false: make it a flag"


def test_a_flag_takes_no_value():
    r = CliRunner().invoke(app, ["parse", "--explain", "true", "x.txt"])
    assert r.exit_code == 2  # "true" is an extra argument, not the flag's value
