"""``cnbudget link``: departments renamed between years — a thin adapter over ``store.links``.

    cnbudget link OLD NEW            # store: OLD and NEW are one department (OLD the earlier name)
    cnbudget link                    # list the stored links
    cnbudget link --remove OLD NEW   # remove one

Exit codes: 0 — done; 2 — the database could not be opened, a name is ambiguous, or there is
no such link to remove.
"""

from __future__ import annotations

import sys
from enum import StrEnum

import typer
from rich.console import Console

from cnbudget.errors import CnbudgetError

DB_HELP = "资料库 文件路径或数据库地址 默认 $CNBUDGET_DB"


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add ``link`` to the main CLI."""

    @app.command()
    def link(
        old: str | None = typer.Argument(None, metavar="[OLD]", help="更名前的部门名称"),
        new: str | None = typer.Argument(None, metavar="[NEW]", help="更名后的部门名称"),
        remove: bool = typer.Option(False, "--remove", help="删除 OLD 与 NEW 之间的关联"),
        db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
        format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="输出格式 text|json"),
    ) -> None:
        """关联更名的部门：对比与跨年核验视为同一部门；无参数时列出 (link renamed departments)."""
        from cnbudget.cli import fail
        from cnbudget.store import Library
        from cnbudget.store.cross_year import remove_link
        from cnbudget.store.links import add_link, all_links

        try:
            if (old is None) != (new is None) or (remove and old is None):
                raise CnbudgetError("请给出两个名称：cnbudget link [--remove] OLD NEW (give OLD and NEW)", place="OLD NEW")
            with Library.open(db) as lib:
                if old is None or new is None:
                    with lib.reading() as s:
                        links = all_links(s)
                    _print_links(links, format)
                    return
                with lib.writing() as s:
                    if remove:
                        gone = remove_link(s, old, new)
                        said = f"已删除关联：{gone.old} → {gone.new}"
                    else:
                        made, fresh = add_link(s, old, new)
                        said = (f"已关联：{made.old} → {made.new}（逐年对比与跨年核验视为同一部门）" if fresh
                                else f"已有关联：{made.old} 与 {made.new} 已视为同一部门")
                        for name, known in ((made.old, made.known_old), (made.new, made.known_new)):
                            if not known:
                                said += f"\n注意：资料库中还没有“{name}”的文件，已按所写名称保存"
        except CnbudgetError as e:
            fail(e)
            return
        from cnbudget.terminal import printable

        Console(highlight=False, soft_wrap=True).print(printable(said), markup=False)


def _print_links(links, format: OutputFormat) -> None:
    if format is OutputFormat.json:
        from cnbudget.serialize import dumps

        sys.stdout.write(dumps({"links": [x.to_json() for x in links]}) + "\n")
        return
    console = Console(highlight=False)
    if not links:
        console.print("没有部门更名关联（cnbudget link OLD NEW 添加） (no links)", markup=False)
        return
    from rich.markup import escape
    from rich.table import Table

    t = Table(title=f"部门更名关联：{len(links)} 条", title_justify="left")
    t.add_column("更名前")
    t.add_column("更名后")
    t.add_column("说明")
    for x in links:
        missing = [n for n, known in ((x.old, x.known_old), (x.new, x.known_new)) if not known]
        t.add_row(escape(x.old), escape(x.new), "资料库中尚无：" + "、".join(escape(n) for n in missing) if missing else "")
    console.print(t)
