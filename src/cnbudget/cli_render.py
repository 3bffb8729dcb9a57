"""``cnbudget template`` and ``cnbudget render``: thin adapters over ``cnbudget.produce``.

Registered from ``cli._register_optional`` (add "cnbudget.cli_render" to its list).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from cnbudget.errors import CnbudgetError
from cnbudget.render.disclosure import OutputFormat


class TemplateKind(StrEnum):
    budget = "budget"
    final = "final"


def register(app: typer.Typer) -> None:
    @app.command()
    def template(
        kind: TemplateKind = typer.Option(TemplateKind.budget, "--kind", metavar="KIND",
                                          help="种类 budget 预算 | final 决算"),
        to: Path = typer.Option(..., "--to", metavar="FILE", help="输出的 .xlsx 文件"),
        year: int | None = typer.Option(None, "--year", metavar="YEAR", help="年度 写入模板标题"),
    ) -> None:
        """生成填报用的 Excel 模板 (the input workbook: one sheet per standard table)."""
        from cnbudget.cli import fail
        from cnbudget.produce.workbook import write_template

        try:
            out = write_template(to, kind.value, year)
        except CnbudgetError as e:
            fail(e)
            return
        from cnbudget.cli import confirm_written

        confirm_written(Path(out), "预算填报模板" if kind is TemplateKind.budget else "决算填报模板")

    @app.command()
    def render(
        input: Path = typer.Argument(..., help="填好的模板 .xlsx 或 parse 输出的 JSON"),
        to: OutputFormat = typer.Option(OutputFormat.html, "--to", metavar="FORMAT",
                                        help="输出格式 html docx xlsx md txt pdf"),
        last_year: Path | None = typer.Option(None, "--last-year", metavar="FILE", help="上年公开文件 用于增减变化"),
        output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                            help="输出文件 默认为输入文件换扩展名"),
    ) -> None:
        """由结构化数据生成完整的公开文件：表格与情况说明一致 (produce the disclosure)."""
        from cnbudget.cli import fail
        from cnbudget.produce.build import produce
        from cnbudget.render.disclosure import write

        try:
            doc = produce(input, last_year=last_year)
            out = output or input.with_suffix("." + to.value)
            if out.resolve() == input.resolve():
                out = input.with_name(input.stem + ".out." + to.value)
            write(doc, to, out)
        except CnbudgetError as e:
            fail(e)
            return
        from cnbudget.cli import confirm_written

        confirm_written(out, f"公开文件（{to.value}）")
