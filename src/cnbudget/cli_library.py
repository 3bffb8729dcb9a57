"""``cnbudget ingest``, ``compare`` and ``serve``: thin adapters over ``batch``, ``compare`` and ``web``.

The library is ``--db`` (a SQLAlchemy URL or a file path), else ``$CNBUDGET_DB``, else
``~/.local/share/cnbudget/library.db``.  Exit codes: 0 — done; 1 — ``compare`` found
error-level cross-year findings; 2 — an input or the database could not be used (``ingest``:
some files could not be read — the others are ingested and the summary lists them);
130 — interrupted (what was written stays; run again to resume).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from cnbudget.errors import CnbudgetError

DB_HELP = "资料库 文件路径或数据库地址 默认 $CNBUDGET_DB"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _open(db: str | None):
    from cnbudget.store import Library

    return Library.open(db)


def register(app: typer.Typer) -> None:
    """Add ``ingest``, ``compare`` and ``serve`` to the main CLI."""

    @app.command()
    def ingest(
        paths: list[Path] = typer.Argument(..., help="文件或文件夹"),
        db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
        workers: int | None = typer.Option(None, "--workers", "-j", min=1, metavar="N",
                                            help="并行进程数 默认 CPU 数"),
        dask: str | None = typer.Option(None, "--dask", metavar="ADDRESS", help="调度器地址 如 tcp://host:8786"),
        format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", metavar="FORMAT",
                                            help="摘要格式 text json"),
    ) -> None:
        """把公开文件批量读入资料库：解析、核验、存储 (ingest into the library)."""
        from cnbudget.batch.ingest import ingest as run
        from cnbudget.cli import fail

        try:
            lib = _open(db)
            with lib, _ProgressBar(enabled=format is OutputFormat.text) as bar:
                summary = run(paths, lib, workers=workers, dask=dask, progress=bar)
        except CnbudgetError as e:
            fail(e)
            return
        _print_summary(summary, format)
        if summary.interrupted:
            raise typer.Exit(code=130)
        if summary.failures:
            raise typer.Exit(code=2)

    @app.command()
    def compare(
        department: str | None = typer.Option(None, "--department", "-d", metavar="NAME", help="部门名称 逐年对比"),
        year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help="年度 各部门并列对比"),
        kind: str | None = typer.Option(None, "--kind", metavar="KIND", help="种类 budget 预算 | final 决算"),
        region: str | None = typer.Option(None, "--region", metavar="REGION", help="只比较该地区的部门 与 --year 同用"),
        db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
        unit: str = typer.Option("万元", "--unit", metavar="UNIT", help="金额单位 万元 或 元 逐份换算"),
        to: str | None = typer.Option(None, "--to", metavar="FILE", help="导出文件 .csv .xlsx .parquet"),
        output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE", help="导出文件 与 --to 格式名同用"),
        format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", metavar="FORMAT",
                                            help="输出格式 text json"),
    ) -> None:
        """对比资料库中的文件：一个部门的历年数据，或一年中的各部门 (compare across years / departments)."""
        from cnbudget.cli import fail
        from cnbudget.compare.build import department_series, year_side_by_side
        from cnbudget.compare.export import export
        from cnbudget.units import choose_unit

        try:
            chosen = choose_unit(unit)
            if (department is None) == (year is None):
                raise CnbudgetError("请指定 --department 或 --year 之一 (give --department NAME or --year N)")
            if kind is not None and kind not in ("budget", "final"):
                raise CnbudgetError("--kind 只能是 budget 或 final", place="--kind")
            with _open(db) as lib:
                if department is not None:
                    comparison = department_series(lib, department, kind, chosen)
                else:
                    comparison = year_side_by_side(lib, year, kind, region, chosen)  # type: ignore[arg-type]
            if to is not None:
                fmt = to.lower() if to.lower() in ("csv", "xlsx", "parquet") else None
                if fmt is not None and output is None:
                    raise CnbudgetError(f"--to {to} 需要 -o FILE (give the output file)", place="--to")
                written = export(comparison, output if fmt else Path(to), fmt)
                from cnbudget.cli import confirm_written

                confirm_written(Path(written), f"{len(comparison.rows)} 行指标 × {len(comparison.columns)} 份文件，"
                                               f"单位：{comparison.unit}")
        except CnbudgetError as e:
            fail(e)
            return
        if format is OutputFormat.json:
            from cnbudget.serialize import dumps

            sys.stdout.write(dumps(comparison.to_json()) + "\n")
        elif to is None:
            _print_comparison(comparison)
        if comparison.has_errors:
            raise typer.Exit(code=1)

    @app.command()
    def serve(
        db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
        host: str = typer.Option("127.0.0.1", "--host", help="监听地址 0.0.0.0 为全部"),
        port: int = typer.Option(8000, "--port", help="端口"),
        max_upload_mb: float | None = typer.Option(None, "--max-upload-mb", metavar="MB", help="上传大小上限 默认 50"),
    ) -> None:
        """启动网页界面：上传核验、资料库浏览、对比图表、JSON API (the web app)."""
        import uvicorn

        from cnbudget.cli import fail
        from cnbudget.web.app import WebSettings, create_app

        try:
            settings = WebSettings.from_env()
            if max_upload_mb is not None:
                settings = WebSettings(max_upload_bytes=int(max_upload_mb * 1024 * 1024))
            web = create_app(db, settings)
        except CnbudgetError as e:
            fail(e)
            return
        Console(stderr=True).print(f"cnbudget 网页界面：http://{host}:{port}/  （资料库 {web.state.library.display_url}）",
                                   markup=False, highlight=False)
        uvicorn.run(web, host=host, port=port, log_level="warning")


def _print_comparison(c) -> None:
    from rich.table import Table

    from cnbudget.terminal import markup_safe, printable

    console = Console(highlight=False)
    t = Table(title=markup_safe(f"{c.title}（单位：{c.unit}）"))
    t.add_column("指标")
    for col in c.columns:
        t.add_column(markup_safe(col.label), justify="right")
    series = c.mode == "department" and len(c.columns) > 1
    if series:
        t.add_column("较上年增减", justify="right")
    for r in c.rows:
        cells = ["" if v is None else f"{v:,.2f}" for v in r.values]
        if series:
            ch = r.change(len(c.columns) - 1)
            cells.append("" if ch is None else f"{ch:+,.2f}")
        t.add_row(markup_safe(r.label), *cells)
    console.print(t)
    for note in c.notes:
        console.print(printable(f"说明：{note}"), markup=False)
    if c.findings:
        console.print("跨年核验（本年所述增减 vs 上年公开数）：")
        for f in c.findings:
            console.print(printable(f"  {f.year}年 [{f.severity}] {f.rule}: {f.message}"), markup=False)
    elif c.mode == "department" and len(c.columns) > 1:
        console.print("跨年核验：未发现问题 (cross-year checks: no findings)")


def _print_summary(summary, format: OutputFormat) -> None:
    if format is OutputFormat.json:
        from cnbudget.serialize import dumps

        sys.stdout.write(dumps(summary.to_json()) + "\n")
        return
    from rich.table import Table

    console = Console(highlight=False)
    t = Table(title="入库摘要 (ingest summary)", show_header=False)
    t.add_column("", style="bold")
    t.add_column("", justify="right")
    f = summary.findings
    for label, value in (
        ("文件 files", summary.files),
        ("新入库 documents added", summary.added),
        ("已更新 replaced (new parser)", summary.replaced),
        ("已在库中 skipped (already ingested)", summary.skipped),
        ("表格 tables", summary.tables),
        ("错误 errors", f.get("error", 0)),
        ("警告 warnings", f.get("warning", 0)),
        ("提示 info", f.get("info", 0)),
        ("跨年核验 checked against last year", summary.linked),
        ("非公开文件，已跳过 not disclosures", len(summary.not_disclosures)),
        ("可能重复 possible duplicates", len(summary.duplicates)),
        ("失败 failures", len(summary.failures)),
        ("用时 seconds", f"{summary.seconds:.1f}"),
    ):
        t.add_row(label, str(value))
    console.print(t)
    from cnbudget.terminal import markup_safe, one_line

    for file, reason in summary.failures:
        line = one_line(reason if file in reason else f"{file}: {reason}")
        console.print(f"[red]失败[/red] {markup_safe(line)}", markup=True, highlight=False, soft_wrap=True)
    for file, _reason in summary.not_disclosures:
        console.print(f"跳过 {one_line(file)}：不是预算/决算公开文件", markup=False, highlight=False, soft_wrap=True)
    for d in summary.duplicates:
        console.print(f"可能重复 {one_line(d.file)} 与 #{d.other_id} {one_line(d.other_file)}（同为 {d.series}）",
                      markup=False, highlight=False, soft_wrap=True)
    if summary.interrupted:
        console.print("已中断：已写入的文件保留，再次运行将从中断处继续 (interrupted; run again to resume)")


class _ProgressBar:
    """A rich progress bar on stderr driven by ``batch.ingest.Progress`` callbacks."""

    def __init__(self, enabled: bool = True) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.enabled = enabled and sys.stderr.isatty()
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=Console(stderr=True), disable=not self.enabled)
        self.task = None

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        self.bar.__exit__(*exc)

    def start(self, total: int, skipped: int) -> None:
        label = "入库 ingesting" + (f"（已跳过 {skipped} 个已入库文件）" if skipped else "")
        self.task = self.bar.add_task(label, total=total)

    def advance(self, outcome, status: str) -> None:
        if self.task is not None:
            self.bar.advance(self.task)
        if status == "failed":
            from cnbudget.terminal import one_line

            self.bar.console.print(f"失败 {one_line(outcome.error or '')}", markup=False, highlight=False)

    def phase(self, text: str) -> None:
        if self.task is not None:
            self.bar.update(self.task, description=text)
