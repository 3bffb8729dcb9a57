"""Findings in the terminal (rich): grouped by severity, then by table, each with its source."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from rich.console import Console

from cnbudget.checks.engine import CheckReport
from cnbudget.tables.kinds import KIND_LABELS
from cnbudget.terminal import markup_safe as escape  # document text: markup and control characters

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_text(reports: Sequence[CheckReport], console: Console, failed: Sequence[tuple[str, str]] = ()) -> None:
    for rep in reports:
        s = rep.summary
        cov = rep.coverage
        console.print(
            f"[bold]{escape(rep.file)}[/bold]  错误 {s['error']} · 警告 {s['warning']} · 提示 {s['info']}"
            f"  （核验 {cov.checked} 项，无法核验 {cov.unverified} 项；{cov.summary_zh()}）"
        )
        if not rep.findings:
            console.print("  未发现问题 (no findings)")
        for sev, by_sev in groupby(rep.findings, key=lambda f: f.severity):
            console.print(f"[{SEVERITY_STYLE.get(sev, '')}]{SEVERITY_ZH.get(sev, sev)} ({sev})[/]")
            for table, items in groupby(by_sev, key=lambda f: f.table):
                console.print(f"  [bold]{escape(KIND_LABELS.get(table, table) if table else '全文')}[/bold]")
                for f in items:
                    where = f.source.label() if f.source else "?"
                    console.print(f"    [{escape(where)}] {escape(f.rule)}: {escape(f.message)}")
                    if f.text:
                        console.print(f"        原文：{escape(f.text)}", style="dim")
        console.print()
    for name, reason in failed:
        console.print(f"[bold red]无法读取[/] {escape(name)}: {escape(reason)}")
