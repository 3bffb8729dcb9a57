"""``cnbudget template`` and ``cnbudget render``: thin adapters over ``cnbudget.produce``.

Registered from ``cli._register_optional`` (add "cnbudget.cli_render" to its list).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from cnbudget.errors import CnbudgetError
from cnbudget.produce.layout import layout_names
from cnbudget.render.disclosure import OutputFormat

# The bundled layouts (produce/layouts/*.toml): budget 预算, final 决算, and any added there.
TemplateKind = StrEnum("TemplateKind", {name: name for name in layout_names()})


def _layout_file(path: Path | None):
    from cnbudget.produce.layout import load_layout

    return load_layout(path) if path is not None else None


def register(app: typer.Typer) -> None:
    @app.command()
    def template(
        kind: TemplateKind = typer.Option("budget", "--kind", metavar="KIND", help="种类 budget 预算 | final 决算"),
        to: Path = typer.Option(..., "--to", metavar="FILE", help="输出的 .xlsx 文件"),
        year: int | None = typer.Option(None, "--year", metavar="YEAR", help="年度 写入模板标题"),
        layout: Path | None = typer.Option(None, "--layout", metavar="FILE", help="版式文件 .toml 代替 --kind"),
    ) -> None:
        """生成填报用的 Excel 模板 (the input workbook: one sheet per standard table)."""
        from cnbudget.cli import fail
        from cnbudget.produce.workbook import write_template

        try:
            out = write_template(to, _layout_file(layout) or kind.value, year)
        except CnbudgetError as e:
            fail(e)
            return
        from cnbudget.cli import confirm_written

        confirm_written(Path(out), "填报模板")

    @app.command()
    def render(
        input: Path = typer.Argument(..., help="填好的模板 .xlsx 或 parse 输出的 JSON"),
        to: OutputFormat = typer.Option(OutputFormat.html, "--to", metavar="FORMAT",
                                        help="输出格式 html docx xlsx md txt pdf"),
        last_year: Path | None = typer.Option(None, "--last-year", metavar="FILE", help="上年公开文件 用于增减变化"),
        output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                            help="输出文件 默认为输入文件换扩展名"),
        report: Path | None = typer.Option(None, "--report", metavar="FILE",
                                           help="输入的全部问题 按工作表和行分组 写入此文件"),
        layout: Path | None = typer.Option(None, "--layout", metavar="FILE", help="版式文件 .toml 模板用它生成时"),
    ) -> None:
        """由结构化数据生成完整的公开文件：表格与情况说明一致 (produce the disclosure)."""
        from cnbudget.cli import fail
        from cnbudget.produce.build import produce
        from cnbudget.produce.consistency import InconsistentInput
        from cnbudget.render.disclosure import write

        try:
            doc = produce(input, last_year=last_year, layout=_layout_file(layout))
            out = output or input.with_suffix("." + to.value)
            if out.resolve() == input.resolve():
                out = input.with_name(input.stem + ".out." + to.value)
            write(doc, to, out)
        except InconsistentInput as e:
            if report is not None:
                report.write_text(e.report(), encoding="utf-8")
                e.reason += f"；全部 {len(e.findings)} 处问题已写入 {report}"
            fail(e)
            return
        except CnbudgetError as e:
            if report is not None:
                report.write_text(f"{e}\n", encoding="utf-8")
            fail(e)
            return
        if report is not None:
            report.write_text(f"{input}：未发现问题，已生成 {out}\n", encoding="utf-8")
        from cnbudget.cli import confirm_written

        confirm_written(out, f"公开文件（{to.value}）")
