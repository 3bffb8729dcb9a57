"""Findings in the terminal (rich): the batch's summary table first, then each document's
findings by severity and table, with the printed row, column and place.

Info findings are folded into one count unless ``show_info`` ("提示 52 项，--show-info 展开").
"""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table

from cnbudget.checks.labels import FindingRow, describe
from cnbudget.checks.report import DocumentFindings, FindingsReport
from cnbudget.terminal import markup_safe as escape  # document text: markup and control characters

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
TOLERANCE_NOTE = ("允许尾差：每个印刷数代表 ±半个末位（两位小数即 ±0.005），合计的允许尾差为各项之和；"
                  "“相差”是扣除四舍五入后仍不能解释的差额。")


def needs_tolerance_note(report: FindingsReport) -> bool:
    return any("相差" in r.message for r in report.rows())


def render_text(report: FindingsReport, console: Console, show_info: bool | None = None) -> None:
    show = report.selection.show_info if show_info is None else show_info
    _summary(report, console)
    for doc in report.documents:
        _document(doc, console, show)
    if needs_tolerance_note(report):
        console.print(TOLERANCE_NOTE, style="dim", markup=False, highlight=False)


def _summary(report: FindingsReport, console: Console) -> None:
    n = len(report.documents)
    title = f"核验摘要：{n} 份公开文件"
    if report.skipped:
        title += f"，跳过 {len(report.skipped)} 个非公开文件"
    if report.failed:
        title += f"，{len(report.failed)} 个无法读取"
    if report.seconds:
        title += f"（用时 {report.seconds:.1f} 秒）"
    if n:
        t = Table(title=title, title_justify="left")
        for col, just in (("文件", "left"), ("部门", "left"), ("年度", "right"), ("种类", "left"),
                          ("错误", "right"), ("警告", "right"), ("提示", "right"), ("已核验", "left")):
            t.add_column(col, justify=just)  # type: ignore[arg-type]
        for s in report.summary_rows():
            t.add_row(escape(s.document), escape(s.department or "（未识别）"), str(s.year or ""), s.kind,
                      f"[bold red]{s.errors}[/]" if s.errors else "0", str(s.warnings), str(s.infos), s.verified)
        console.print(t)
    else:
        console.print(title, markup=False, highlight=False)
    if report.selection.active:
        console.print(f"已按 {report.selection.describe()} 筛选", style="dim", markup=False, highlight=False)
    for name, reason in report.skipped:
        console.print(f"[dim]跳过[/dim] {escape(name)}：{escape(reason)}", highlight=False)
    for name, reason in report.failed:
        line = reason if name in reason else f"{name}: {reason}"
        console.print(f"[bold red]无法读取[/] {escape(line)}", highlight=False)
    console.print()


def _where(r: FindingRow) -> str:
    bits = [r.page] if r.page else []
    if r.row:
        bits.append(f"行“{r.row}”")
    if r.column:
        bits.append(f"列“{r.column}”")
    return " · ".join(bits)


def _document(doc: DocumentFindings, console: Console, show_info: bool) -> None:
    s = doc.report.summary
    cov = doc.report.coverage
    console.rule(f"[bold]{escape(doc.file)}[/bold]", align="left")
    console.print(describe(doc.meta) + (f" — {doc.meta.title}" if doc.meta.title else ""),
                  markup=False, highlight=False)
    console.print(f"错误 {s['error']} · 警告 {s['warning']} · 提示 {s['info']}；{cov.summary_zh()}",
                  markup=False, highlight=False)
    if doc.hidden:
        console.print(f"（另有 {doc.hidden} 项按筛选条件未列出）", style="dim", markup=False, highlight=False)
    if doc.note:
        console.print(f"注意：{doc.note}", style="yellow", markup=False, highlight=False)
    if not doc.rows:
        console.print("  未发现问题 (no findings)")
    for sev, by_sev in groupby(doc.rows, key=lambda r: r.severity_id):
        items = list(by_sev)
        if sev == "info" and not show_info:
            console.print(f"[cyan]提示 {len(items)} 项[/]，--show-info 展开", highlight=False)
            continue
        console.print(f"[{SEVERITY_STYLE.get(sev, '')}]{SEVERITY_ZH.get(sev, sev)} {len(items)} 项[/]")
        for table, rows in groupby(items, key=lambda r: r.table):
            console.print(f"  [bold]{escape(table)}[/bold]")
            for r in rows:
                where = _where(r)
                console.print(f"    {escape('[' + where + '] ') if where else ''}{escape(r.message)}  "
                              f"[dim]{escape(r.rule)}[/dim]", highlight=False)
                if r.sentence:
                    console.print(f"        原文：{escape(r.sentence)}", style="dim", highlight=False)
    console.print()
