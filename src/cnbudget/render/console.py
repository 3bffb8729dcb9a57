"""A Disclosure shown in the terminal: meta, each table as a rich table, the claims."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from cnbudget.model import Disclosure, Table
from cnbudget.tables.kinds import KIND_LABELS
from cnbudget.terminal import markup_safe as _safe
from cnbudget.terminal import printable

_KIND_ZH = {"budget": "预算", "final": "决算"}
_SCOPE_ZH = {"unit": "本级", "consolidated": "汇总"}


def print_disclosure(d: Disclosure, console: Console, explain: bool = False) -> None:
    m = d.meta
    # Document text is data: markup and control characters in it are escaped or dropped.
    console.print(f"[bold]{_safe(m.title or d.file)}[/bold]")
    console.print(printable(
        f"部门: {m.department or '?'}  地区: {m.region or '?'}  年度: {m.year or '?'}  "
        f"类型: {_KIND_ZH.get(m.kind or '', '?')}  范围: {_SCOPE_ZH.get(m.scope or '', '?')}  "
        f"单位: {m.unit or '?'}"),
        markup=False,
    )
    for t in d.tables:
        console.print(_table(t, explain))
        if explain:
            console.print(printable(f"  识别依据: {t.matched}"), markup=False)
            for c in t.columns:
                console.print(printable(f"  列 {c.id:<22} ← {c.label}"), markup=False)
            if t.uncertain:
                console.print(printable(f"  未确定: {'; '.join(t.uncertain)}"), markup=False)
    if d.claims:
        ct = RichTable(title=f"情况说明中的数字 ({len(d.claims)})", show_lines=False)
        for col in ("行", "类型", "数值", "单位", "所指", "主语"):
            ct.add_column(col)
        for c in d.claims:
            ref = c.refers_to
            ct.add_row(
                c.source.label(),
                c.kind,
                str(c.value),
                _safe(c.unit or ""),
                _safe(f"{ref.table}/{ref.row}/{ref.column}") if ref else "",
                _safe(c.subject or ""),
            )
        console.print(ct)
    for note in d.notes:
        console.print(printable(f"注: {note}"), markup=False)


def _table(t: Table, explain: bool) -> RichTable:
    label = KIND_LABELS.get(t.kind, t.kind)
    rt = RichTable(title=_safe(f"{t.title}  [{label} · {t.kind}]  单位: {t.unit or '?'}  ({t.source.label()})"))
    # columns no row fills are left out: a wide empty table says nothing a person can read
    columns = [c for c in t.columns if any(c.id in r.values for r in t.rows)]
    rt.add_column("行", no_wrap=True)
    rt.add_column("编码 / 名称")
    has_side = any(r.side for r in t.rows)
    if has_side:
        rt.add_column("栏")
    for c in columns:
        parts = [p for p in c.label.split("/") if p]
        head = parts[-1] if parts else c.id
        if head in ("小计", "合计") and len(parts) > 1:
            head = parts[-2]  # "基本支出/小计" reads as 基本支出
        rt.add_column(_safe(f"{head}\n{c.id}" if explain else head), justify="right")
    for r in t.rows:
        key = " ".join(x for x in (r.code, r.name) if x)
        cells = [_safe(r.source.label()), _safe(key)]
        if has_side:
            cells.append({"income": "收入", "expenditure": "支出"}.get(r.side or "", ""))
        cells += ["" if r.values.get(c.id) is None else str(r.values[c.id]) for c in columns]
        rt.add_row(*cells)
    return rt
