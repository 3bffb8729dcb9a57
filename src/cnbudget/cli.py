"""The command line: thin adapters over the library (see DESIGN.md's contract).

Every user error is a ``CnbudgetError``: one line on stderr, exit code 2, no traceback unless
``--debug``.  Command groups that belong to other stages register themselves from their own
modules (``cli_check``), so this file stays small.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from cnbudget.errors import CnbudgetError


def _flag_shows_no_type(self, ctx):
    """A flag takes no value: showing ``<bool>`` beside it in the help reads as ``--x true``."""
    return None if getattr(self, "is_flag", False) else _type_of_option(self, ctx)


# Typer has no setting for this; its rich help asks each option for its type label.  Patched
# only where this Typer has that hook (a Typer without it shows "<bool>" again, nothing breaks).
_type_of_option = getattr(typer.core.TyperOption, "display_type_rich", None)
if _type_of_option is not None:
    typer.core.TyperOption.display_type_rich = _flag_shows_no_type  # type: ignore[method-assign]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="cnbudget：读取、核验部门预算/决算公开文件。Read and verify Chinese budget disclosures.",
)

_state = {"debug": False}


class ParseFormat(StrEnum):
    json = "json"
    text = "text"


@app.callback()
def _main(debug: bool = typer.Option(False, "--debug", help="出错时显示完整的调用栈 (show tracebacks)")) -> None:
    _state["debug"] = debug


def say_error(error: CnbudgetError) -> None:
    """One line on stderr for an input that could not be read (a batch goes on)."""
    from cnbudget.terminal import one_line

    sys.stderr.write(f"cnbudget: {one_line(str(error))}\n")


def file_size(n: int) -> str:
    """A file size as a person reads it: 532 字节, 12.3 KB, 1.2 MB."""
    if n < 1024:
        return f"{n} 字节"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def confirm_written(paths: Path | list[Path], detail: str | None = None) -> None:
    """One line on stderr for what ``-o``/``--to`` wrote: each path with its size, then ``detail``
    (rows, findings, documents) — stdout stays the command's own output."""
    from cnbudget.terminal import one_line

    files = paths if isinstance(paths, list) else [paths]
    shown = "、".join(f"{p}（{file_size(p.stat().st_size) if p.exists() else '未写入'}）" for p in files)
    sys.stderr.write(one_line(f"已写入 {shown}" + (f"：{detail}" if detail else "")) + "\n")


def fail(error: CnbudgetError) -> None:
    """Print one line for a user error and exit 2."""
    if _state["debug"]:
        raise error
    say_error(error)  # one line, never wrapped
    raise typer.Exit(code=2)


@app.command()
def parse(
    file: Path = typer.Argument(..., help="公开文件 .txt .md .pdf .xlsx .xls .docx .html"),
    format: ParseFormat = typer.Option(ParseFormat.text, "--format", "-f", help="输出格式 json|text"),
    explain: bool = typer.Option(False, "--explain", help="显示每个表格的 识别依据与列映射"),
) -> None:
    """读取一份公开文件，输出结构化模型 (the Disclosure)."""
    from cnbudget.parse import parse_file
    from cnbudget.serialize import disclosure_to_json, dumps

    try:
        disclosure = parse_file(file)
    except CnbudgetError as e:
        fail(e)
        return
    if format is ParseFormat.json:
        sys.stdout.write(dumps(disclosure_to_json(disclosure)) + "\n")
    else:
        from cnbudget.render.console import print_disclosure

        # wide tables: give them room when the output is not a terminal
        console = Console() if sys.stdout.isatty() else Console(width=200)
        print_disclosure(disclosure, console, explain=explain)


def _register_optional() -> None:
    """Attach the command groups of later stages when their modules are present."""
    import importlib

    for name in ("cnbudget.cli_check", "cnbudget.cli_findings", "cnbudget.cli_render", "cnbudget.cli_library",
                 "cnbudget.cli_browse", "cnbudget.cli_links"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.register(app)


_register_optional()


def main() -> None:
    try:
        app()
    except CnbudgetError as e:  # raised outside a command's own handler
        if _state["debug"]:
            raise
        say_error(e)
        sys.exit(2)


if __name__ == "__main__":
    main()
