"""``cnbudget rules``: a thin adapter over ``cnbudget.checks``.

``cnbudget check`` lives in ``cli_findings`` with the other commands that report findings.
"""

from __future__ import annotations

import sys
from enum import StrEnum

import typer
from rich.console import Console


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add ``rules`` to the main CLI."""

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
