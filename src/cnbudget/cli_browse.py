"""``cnbudget list`` and ``cnbudget show ID``: what the library holds — thin adapters over
``store.read`` (the same JSON objects as the web API's ``/api/documents``).

Exit codes: 0 — done; 2 — the database could not be opened, or there is no document ``ID``.
"""

from __future__ import annotations

import sys
from enum import StrEnum

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cnbudget.errors import CnbudgetError

DB_HELP = "资料库 文件路径或数据库地址 默认 $CNBUDGET_DB"
KIND_ZH = {"budget": "预算", "final": "决算"}
SCOPE_ZH = {"unit": "本级", "consolidated": "汇总"}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add ``list`` and ``show`` to the main CLI."""

    @app.command("list")
    def list_(
        db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
        year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help="年度"),
        region: str | None = typer.Option(None, "--region", metavar="REGION", help="地区"),
        department: str | None = typer.Option(None, "--department", "-d", help="部门名称 包含即可"),
        kind: str | None = typer.Option(None, "--kind", metavar="KIND", help="种类 budget 预算 | final 决算"),
        severity: str | None = typer.Option(None, "--severity", metavar="LEVEL",
                                              help="只列有此级别发现的文件 error warning info"),
        limit: int = typer.Option(200, "--limit", min=1, metavar="N", help="最多列出 N 份"),
        format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="输出格式 text|json"),
    ) -> None:
        """列出资料库中的文件：编号、部门、年度、种类、发现数 (list the library)."""
        from cnbudget.checks.selection import severity_id
        from cnbudget.cli import fail
        from cnbudget.store import Filters, Library, list_documents
        from cnbudget.store.read import document_json

        try:
            if kind is not None and kind not in ("budget", "final"):
                raise CnbudgetError("--kind 只能是 budget 或 final", place="--kind")
            sev = severity_id(severity, "--severity") if severity else None
            with Library.open(db) as lib, lib.reading() as s:
                docs, total = list_documents(s, Filters(region=region, year=year, kind=kind, department=department,
                                                        severity=sev, limit=limit))
                from cnbudget.store.duplicates import duplicate_ids

                twins = duplicate_ids(s, [d.id for d in docs])
                objs = [document_json(d) | {"possible_duplicates": twins.get(d.id, [])} for d in docs]
        except CnbudgetError as e:
            fail(e)
            return
        if format is OutputFormat.json:
            from cnbudget.serialize import dumps

            sys.stdout.write(dumps({"total": total, "documents": objs}) + "\n")
            return
        console = Console(highlight=False)
        if not objs:
            console.print("资料库中没有符合条件的文件 (no documents)", markup=False)
            return
        t = Table(title=f"资料库：{total} 份文件" + (f"（列出前 {len(objs)} 份）" if total > len(objs) else ""),
                  title_justify="left")
        for col, just in (("编号", "right"), ("部门", "left"), ("地区", "left"), ("年度", "right"), ("种类", "left"),
                          ("错误", "right"), ("警告", "right"), ("提示", "right"), ("文件", "left")):
            t.add_column(col, justify=just)  # type: ignore[arg-type]
        for o in objs:
            m, s = o["meta"], o["summary"]
            twins = "".join(f"（可能与 #{i} 重复）" for i in o["possible_duplicates"])
            t.add_row(str(o["id"]), escape(m["department"] or "（未识别）"), escape(m["region"] or ""),
                      str(m["year"] or ""), _kind(m), str(s["error"]), str(s["warning"]), str(s["info"]),
                      escape(o["file_name"]) + twins)
        console.print(t)

    @app.command()
    def show(
        document_id: int = typer.Argument(..., metavar="ID", help="文件编号 即 cnbudget list 的第一列"),
        db: str | None = typer.Option(None, "--db", metavar="URL", help=DB_HELP),
        show_info: bool = typer.Option(False, "--show-info/--fold-info", help="逐条列出提示 默认只计数"),
        format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="输出格式 text|json"),
    ) -> None:
        """显示资料库中的一份文件：基本信息、表格、核验发现 (show one stored document)."""
        from cnbudget.checks.labels import finding_row
        from cnbudget.cli import fail
        from cnbudget.serialize import finding_to_json
        from cnbudget.store import Library, load_disclosure
        from cnbudget.store.read import document_json, findings_of
        from cnbudget.store.schema import Document

        try:
            with Library.open(db) as lib, lib.reading() as s:
                doc = s.get(Document, document_id)
                if doc is None:
                    raise CnbudgetError(f"资料库中没有编号为 {document_id} 的文件（cnbudget list 列出全部）",
                                        place="ID")
                obj = document_json(doc)
                d = load_disclosure(s, document_id)
                found = findings_of(s, document_id)
        except CnbudgetError as e:
            fail(e)
            return
        obj["tables"] = [{"kind": t.kind, "number": t.number, "title": t.title, "unit": t.unit, "rows": len(t.rows)}
                         for t in d.tables]
        obj["findings"] = [finding_to_json(f) | {"against": a} for f, a in found]
        if format is OutputFormat.json:
            from cnbudget.serialize import dumps

            sys.stdout.write(dumps(obj) + "\n")
            return
        console = Console(highlight=False)
        m, summ = obj["meta"], obj["summary"]
        console.print(f"[bold]#{document_id} {escape(m['title'] or m['department'] or obj['file_name'])}[/bold]")
        for label, value in (("部门", m["department"]), ("地区", m["region"]), ("年度", m["year"]),
                             ("种类", _kind(m)), ("单位", m["unit"]), ("文件", obj["file"]),
                             ("读取版本", obj["parser_version"]), ("入库时间", obj["ingested_at"])):
            console.print(f"  {label}：{value if value not in (None, '') else '—'}", markup=False)
        console.print(f"  发现：错误 {summ['error']} · 警告 {summ['warning']} · 提示 {summ['info']}", markup=False)
        t = Table(title="表格", title_justify="left")
        for col in ("表", "编号", "标题", "单位", "行数"):
            t.add_column(col)
        from cnbudget.tables.kinds import KIND_LABELS

        for tb in obj["tables"]:
            t.add_row(KIND_LABELS.get(tb["kind"], tb["kind"]), escape(tb["number"] or ""), escape(tb["title"] or ""),
                      tb["unit"] or "", str(tb["rows"]))
        console.print(t)
        rows = [finding_row(f, d, obj["file_name"]) for f, _ in found]
        infos = [r for r in rows if r.severity_id == "info"]
        for r in rows:
            if r.severity_id == "info" and not show_info:
                continue
            where = " · ".join(x for x in (r.page, f"行“{r.row}”" if r.row else "", f"列“{r.column}”" if r.column else "") if x)
            console.print(f"  [{r.severity}] {r.table} {('[' + where + '] ') if where else ''}{r.message}",
                          markup=False)
        if infos and not show_info:
            console.print(f"  提示 {len(infos)} 项，--show-info 展开", markup=False)


def _kind(meta: dict) -> str:
    kind = KIND_ZH.get(meta.get("kind") or "", meta.get("kind") or "")
    scope = SCOPE_ZH.get(meta.get("scope") or "", "")
    return kind + (f"（{scope}）" if scope and kind else "")
