"""``cnbudget check`` and ``cnbudget rules``: thin adapters over ``cnbudget.checks``.

Exit codes (DESIGN.md): 0 — no error-level finding; 1 — error-level findings in any file;
2 — an input (or ``--against``) could not be read.  In a batch every readable file is still
checked and reported; an unreadable one gets one line on stderr (and, in JSON, an entry with
``"error"`` and no findings); then the exit code is 2, because the run is incomplete — this
takes precedence over 1.
"""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from cnbudget.errors import CnbudgetError


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add ``check`` and ``rules`` to the main CLI."""

    @app.command()
    def check(
        files: list[Path] = typer.Argument(..., help="一个或多个公开文件"),
        format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="输出格式 text|json|html"),
        against: Path | None = typer.Option(None, "--against", help="上年的公开文件，用于核验所述增减"),
        output: Path | None = typer.Option(None, "--output", "-o", help="写入文件而非标准输出"),
    ) -> None:
        """核验公开文件：表内、表间、说明与表格、编码、完整性 (verify disclosures)."""
        from cnbudget.checks import check_disclosure, report_to_json
        from cnbudget.cli import fail, say_error
        from cnbudget.parse import parse_file

        last = None
        if against is not None:
            try:
                last = parse_file(against)
            except CnbudgetError as e:
                fail(e)
                return
        reports = []
        failed: list[tuple[str, str]] = []
        for f in files:
            try:
                d = parse_file(f)
            except CnbudgetError as e:
                if len(files) == 1:
                    fail(e)
                    return
                say_error(e)
                failed.append((str(f), str(e)))
                continue
            reports.append(check_disclosure(d, against=last))

        if format is CheckFormat.json:
            from cnbudget.serialize import dumps

            objs = [report_to_json(r) for r in reports]
            objs += [
                {"file": name, "error": reason, "findings": [], "summary": {"error": 0, "warning": 0, "info": 0}}
                for name, reason in failed
            ]
            text = dumps(objs[0] if len(files) == 1 else objs) + "\n"
        elif format is CheckFormat.html:
            from cnbudget.render.findings_html import render_html

            text = render_html(reports, failed)
        else:
            from cnbudget.render.findings_text import render_text

            if output is None:
                render_text(reports, Console(), failed)
                text = None
            else:
                console = Console(record=True, width=120, file=io.StringIO())
                render_text(reports, console, failed)
                text = console.export_text()
        if text is not None:
            if output is None:
                sys.stdout.write(text)
            else:
                output.write_text(text, encoding="utf-8")
        if failed:
            raise typer.Exit(code=2)
        if any(r.has_errors for r in reports):
            raise typer.Exit(code=1)

    @app.command()
    def rules(
        format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f", help="输出格式 text|json"),
    ) -> None:
        """列出全部核验规则：编号、级别、说明 (list the rules)."""
        from cnbudget.checks import all_rules

        rs = list(all_rules().values())
        if format is RulesFormat.json:
            from cnbudget.serialize import dumps

            sys.stdout.write(
                dumps([{"id": r.id, "severity": r.severity, "description": r.description,
                        "kinds": list(r.kinds), "doc_kinds": list(r.doc_kinds)} for r in rs]) + "\n"
            )
            return
        from rich.table import Table

        t = Table(title=f"cnbudget 核验规则 ({len(rs)})")
        for col in ("id", "severity", "description"):
            t.add_column(col)
        for r in rs:
            t.add_row(r.id, r.severity, r.description)
        Console().print(t)
