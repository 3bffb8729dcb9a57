"""``cnbudget check`` and ``cnbudget findings``: thin adapters over ``batch.check`` and
``store.findings``, written by ``render.findings_text`` / ``findings_html`` / ``findings_sheet``.

Exit codes (DESIGN.md): 0 — no error-level finding; 1 — error-level findings in any file;
2 — an input (or ``--against``) could not be used.  In a batch every readable file is still
checked and reported; an unreadable one gets one line on stderr (and, in JSON, an entry with
``"error"`` and no findings); then the exit code is 2, because the run is incomplete — this
takes precedence over 1.  Files inside folders that are not disclosures are skipped and listed,
not errors.

What is shown follows ``--min-severity``, ``--ignore`` and ``--show-info``, over the project
file (``cnbudget.toml`` in the current folder, or ``--config``; see ``cnbudget.config``).
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
    xlsx = "xlsx"
    csv = "csv"


def _said(paths: list[Path], detail: str | None = None) -> None:
    from cnbudget.cli import confirm_written

    confirm_written(paths, detail)


def register(app: typer.Typer) -> None:
    """Add ``check`` and ``findings`` to the main CLI."""

    @app.command()
    def check(
        files: list[Path] = typer.Argument(..., help="公开文件或文件夹 递归查找 跳过非公开文件"),
        format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", metavar="FORMAT",
                                           help="输出格式 text json html xlsx csv"),
        against: Path | None = typer.Option(None, "--against", metavar="FILE", help="上年公开文件 核验所述增减"),
        force: bool = typer.Option(False, "--force", help="上年文件不相符时 仍按 --against 对比"),
        output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE", help="写入文件 而非标准输出"),
        min_severity: str | None = typer.Option(None, "--min-severity", metavar="LEVEL",
                                                    help="只列出该级别及以上 error warning info"),
        ignore: list[str] = typer.Option([], "--ignore", metavar="RULES", help="不列出的规则 逗号分隔 可用 code.*"),
        show_info: bool | None = typer.Option(None, "--show-info/--fold-info",
                                              help="逐条列出提示 默认只计数"),
        config: Path | None = typer.Option(None, "--config", metavar="FILE", help="项目配置文件 默认 ./cnbudget.toml"),
        db: str | None = typer.Option(None, "--db", metavar="URL", help="资料库 读取部门更名关联"),
    ) -> None:
        """核验公开文件：表内、表间、说明与表格、编码、完整性 (verify disclosures)."""
        from cnbudget.batch.check import check_paths
        from cnbudget.checks import all_rules
        from cnbudget.checks.selection import parse_rules
        from cnbudget.cli import fail, say_error
        from cnbudget.config import load_config, merged

        try:
            selection = merged(load_config(config), min_severity, parse_rules(ignore), show_info)
            selection.validate(set(all_rules()) | {"engine.rule_failed", "verify.could_not_verify",
                                                   "verify.unreliable_table"})
            if format is CheckFormat.xlsx and output is None:
                raise CnbudgetError("--format xlsx 需要 -o FILE (give the output file)", place="--format")
            links = []
            if against is not None:  # a renamed department (cnbudget link) is the same department
                from cnbudget.store.links import links_for_check

                links = links_for_check(db)
            report = check_paths(files, against, force=force, selection=selection, links=links,
                                 crops=format is CheckFormat.html)
        except CnbudgetError as e:
            fail(e)
            return
        single = len(files) == 1 and not files[0].is_dir()
        if single and report.failed and not report.documents:
            name, reason = report.failed[0]
            fail(CnbudgetError(reason) if name in reason else CnbudgetError(reason, file=name))
            return
        for name, reason in report.failed:
            say_error(CnbudgetError(reason) if name in reason else CnbudgetError(reason, file=name))

        try:
            _write_check(report, format, output, single)
        except CnbudgetError as e:
            fail(e)
            return
        if report.failed:
            raise typer.Exit(code=2)
        if report.has_errors:
            raise typer.Exit(code=1)

    @app.command()
    def findings(
        to: Path = typer.Option(..., "--to", metavar="FILE", help="导出文件 .xlsx 或 .csv"),
        db: str | None = typer.Option(None, "--db", metavar="URL", help="资料库 文件路径或数据库地址"),
        year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help="年度"),
        region: str | None = typer.Option(None, "--region", metavar="REGION", help="地区 如 安阳市"),
        department: str | None = typer.Option(None, "--department", "-d", help="部门名称 包含即可"),
        kind: str | None = typer.Option(None, "--kind", metavar="KIND", help="种类 budget 预算 | final 决算"),
        severity: list[str] = typer.Option([], "--severity", metavar="LEVEL",
                                           help="只导出这些级别 error warning info"),
        rule: list[str] = typer.Option([], "--rule", metavar="RULES", help="只导出这些规则 逗号分隔 可用 code.*"),
    ) -> None:
        """把资料库中的核验发现导出为一张表，一行一项 (export the library's findings)."""
        from cnbudget.checks.selection import parse_rules, severity_id
        from cnbudget.cli import fail
        from cnbudget.render.findings_sheet import write_findings
        from cnbudget.store import Filters, Library
        from cnbudget.store.findings import library_findings

        try:
            if kind is not None and kind not in ("budget", "final"):
                raise CnbudgetError("--kind 只能是 budget 或 final", place="--kind")
            severities = {severity_id(s, "--severity") for s in parse_rules(severity)}
            with Library.open(db) as lib, lib.reading() as session:
                rows = library_findings(session, Filters(region=region, year=year, kind=kind, department=department),
                                        severities, parse_rules(rule))
            written = write_findings(rows, to)
        except CnbudgetError as e:
            fail(e)
            return
        docs = len({(r.document, r.department, r.year) for r in rows})
        _said([Path(written)], f"{len(rows)} 项发现，{docs} 份文件")


def _write_check(report, format: CheckFormat, output: Path | None, single: bool) -> None:
    if format in (CheckFormat.xlsx, CheckFormat.csv):
        from cnbudget.render.findings_sheet import write_csv, write_findings

        rows = report.rows()
        if output is None:  # csv to stdout (xlsx needs -o, refused earlier)
            write_csv(rows, sys.stdout)
            return
        write_findings(rows, output, format.value)
        _said([output], f"{len(rows)} 项发现，{len(report.documents)} 份文件")
        return
    if format is CheckFormat.json:
        from cnbudget.checks import report_to_json
        from cnbudget.serialize import dumps

        objs = [report_to_json(d.report) for d in report.documents]
        empty = {"error": 0, "warning": 0, "info": 0}
        objs += [{"file": n, "error": why, "findings": [], "summary": dict(empty)} for n, why in report.failed]
        objs += [{"file": n, "skipped": why, "findings": [], "summary": dict(empty)} for n, why in report.skipped]
        text = dumps(objs[0] if single and len(objs) == 1 else objs) + "\n"
    elif format is CheckFormat.html:
        from cnbudget.render.findings_html import render_html

        text = render_html(report)
    else:
        from cnbudget.render.findings_text import render_text

        if output is None:  # wide tables get room when the output is not a terminal
            render_text(report, Console(highlight=False) if sys.stdout.isatty() else Console(highlight=False, width=160))
            return
        console = Console(record=True, width=160, file=io.StringIO(), highlight=False)
        render_text(report, console)
        text = console.export_text()
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise CnbudgetError(f"无法写入：{e.strerror or e}", file=str(output)) from e
        _said([output])
