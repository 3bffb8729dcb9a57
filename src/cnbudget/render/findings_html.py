"""Findings as one HTML page: the batch's summary table, then each document — its title,
department and year at the top, its findings with the printed row, column and page.

Info findings are folded into a ``<details>`` that shows their count (open with ``show_info``).
Wide tables scroll inside their box.  The severity filter is CSS only (a checkbox per severity
before the report; ``:not(:checked) ~ .report`` hides that severity): the page is one
self-contained file that works opened from disk, with no script at all, so it also passes a
Content-Security-Policy.  A finding on a PDF carries a crop of its page with the cell boxed
(``DocumentFindings.crops``, a PNG embedded as a data URI).
"""

from __future__ import annotations

from html import escape
from itertools import groupby
from pathlib import Path

from cnbudget.checks.labels import FindingRow, describe
from cnbudget.checks.report import DocumentFindings, FindingsReport
from cnbudget.render.findings_text import TOLERANCE_NOTE, needs_tolerance_note

SEVERITIES = (("error", "错误"), ("warning", "警告"), ("info", "提示"))

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;margin:1.8em 0 .2em;border-bottom:1px solid #ccc}
.meta{color:#444;margin:.2em 0} .scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5em 0 1.2em;min-width:60%} th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;font-size:.92em}
th{background:#f4f4f4;text-align:left;white-space:nowrap} .error{color:#b00020;font-weight:bold} .warning{color:#a66300} .info{color:#00639b}
.summary span{margin-right:1.2em} .text{color:#666;font-size:.85em} .num{text-align:right;font-family:monospace;white-space:nowrap}
.note{background:#fff6d6;padding:.3em .6em} .dim{color:#666;font-size:.9em} #severity-filter label{margin-right:1em}
td.rule{font-family:monospace;color:#555;white-space:nowrap} td.page{white-space:nowrap} td.tbl{min-width:7em} details summary{cursor:pointer;margin:.4em 0}
td.msg{min-width:18em} figure.crop{margin:.4em 0 0} figure.crop img{display:block;max-width:min(900px,100%);height:auto;border:1px solid #ccc}
figure.crop figcaption{color:#666;font-size:.8em}
.filter{position:absolute;opacity:0;pointer-events:none} .filters label{margin-right:1em;cursor:pointer;user-select:none}
.filters label::before{content:"☑ "} #show-error:focus-visible~.filters label[for=show-error]{outline:2px solid #00639b}
"""
# one rule per severity: its checkbox unchecked hides its findings (no script)
_CSS += "".join(
    f"#show-{s}:not(:checked)~.report [data-severity={s}]{{display:none}}"
    f"#show-{s}:not(:checked)~.filters label[for=show-{s}]::before{{content:\"☐ \"}}"
    for s, _ in SEVERITIES
)


def _num(d) -> str:
    return "" if d is None else escape(format(d, "f"))


def render_html(report: FindingsReport, show_info: bool | None = None) -> str:
    show = report.selection.show_info if show_info is None else show_info
    single = report.documents[0] if len(report.documents) == 1 and not report.failed else None
    heading = (single.meta.title or describe(single.meta)) if single else f"核验报告：{len(report.documents)} 份公开文件"
    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>{escape(heading)} — cnbudget 核验结果</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(heading)}</h1>",
    ]
    if single:
        parts.append(f"<p class='meta'>{escape(describe(single.meta))} · {escape(single.file)}</p>")
    # the checkboxes come before the report: the CSS hides a severity from its unchecked box
    parts.extend(f"<input type='checkbox' class='filter' id='show-{s}' checked>" for s, _ in SEVERITIES)
    parts.append("<p class='filters' id='severity-filter'>显示：" + "".join(
        f"<label for='show-{s}' class='{s}'>{label}</label>" for s, label in SEVERITIES) + "</p>")
    parts.append("<div class='report'>")
    parts.extend(_summary(report))
    for doc in report.documents:
        parts.extend(_document(doc, show, heading=single is None))
    if needs_tolerance_note(report):
        parts.append(f"<p class='dim'>{escape(TOLERANCE_NOTE)}</p>")
    parts.append("</div></body></html>\n")
    return "".join(parts)


def write_html(report: FindingsReport, path: Path, show_info: bool | None = None) -> list[Path]:
    """Write the page (one self-contained file); returns the files written."""
    path.write_text(render_html(report, show_info), encoding="utf-8")
    return [path]


def _summary(report: FindingsReport) -> list[str]:
    out = ["<h2>摘要</h2>"]
    if report.selection.active:
        out.append(f"<p class='dim'>已按 {escape(report.selection.describe())} 筛选</p>")
    if report.documents:
        out.append("<div class='scroll'><table><thead><tr><th>文件</th><th>部门</th><th>年度</th><th>种类</th>"
                   "<th>错误</th><th>警告</th><th>提示</th><th>已核验</th></tr></thead><tbody>")
        for s in report.summary_rows():
            out.append(
                f"<tr><td>{escape(s.document)}</td><td>{escape(s.department or '（未识别）')}</td>"
                f"<td class='num'>{s.year or ''}</td><td>{escape(s.kind)}</td>"
                f"<td class='num{' error' if s.errors else ''}'>{s.errors}</td><td class='num'>{s.warnings}</td>"
                f"<td class='num'>{s.infos}</td><td>{escape(s.verified)}</td></tr>"
            )
        out.append("</tbody></table></div>")
    for name, reason in report.skipped:
        out.append(f"<p class='dim'>跳过 {escape(name)}：{escape(reason)}</p>")
    for name, reason in report.failed:
        out.append(f"<p class='error'>无法读取 {escape(name)}：{escape(reason)}</p>")
    return out


_HEAD = ("<div class='scroll'><table><thead><tr><th>级别</th><th>表</th><th>页</th><th>行</th><th>列</th>"
         "<th>说明</th><th>印刷数</th><th>应为</th><th>差额</th><th>规则</th></tr></thead><tbody>")


def _row(r: FindingRow, crop: str | None = None) -> str:
    text = f"<div class='text'>原文：{escape(r.sentence)}</div>" if r.sentence else ""
    if crop:
        where = "，".join(x for x in (r.page, r.row and f"行“{r.row}”", r.column and f"列“{r.column}”") if x)
        text += (f"<figure class='crop'><img src='{escape(crop)}' alt='{escape(where)}' loading='lazy'>"
                 f"<figcaption>{escape(where)}（红框处）</figcaption></figure>")
    return (
        f"<tr data-severity='{escape(r.severity_id)}'><td class='{escape(r.severity_id)}'>{escape(r.severity)}</td>"
        f"<td class='tbl'>{escape(r.table)}</td><td class='page'>{escape(r.page)}</td><td>{escape(r.row)}</td><td>{escape(r.column)}</td>"
        f"<td class='msg'>{escape(r.message)}{text}</td><td class='num'>{_num(r.printed)}</td>"
        f"<td class='num'>{_num(r.expected)}</td><td class='num'>{_num(r.difference)}</td>"
        f"<td class='rule'>{escape(r.rule)}</td></tr>"
    )


def _document(doc: DocumentFindings, show_info: bool, heading: bool = True) -> list[str]:
    s = doc.report.summary
    out = [f"<h2>{escape(doc.title)}</h2>", f"<p class='meta'>{escape(describe(doc.meta))} · {escape(doc.file)}</p>"]
    if not heading:  # one document: its title and meta head the page already
        out = ["<h2>核验发现</h2>"]
    out += [f"<p class='summary'><span class='error'>错误 {s['error']}</span><span class='warning'>警告 "
           f"{s['warning']}</span><span class='info'>提示 {s['info']}</span>"
           f"<span>{escape(doc.report.coverage.summary_zh())}</span></p>"]
    if doc.hidden:
        out.append(f"<p class='dim'>另有 {doc.hidden} 项按筛选条件未列出。</p>")
    if doc.note:
        out.append(f"<p class='note'>注意：{escape(doc.note)}</p>")
    if not doc.rows:
        out.append("<p>未发现问题。</p>")
        return out
    for sev, items in groupby(enumerate(doc.rows), key=lambda ir: ir[1].severity_id):
        rows = list(items)
        body = _HEAD + "".join(_row(r, doc.crop(i)) for i, r in rows) + "</tbody></table></div>"
        if sev == "info":
            out.append(f"<details data-severity='info'{' open' if show_info else ''}><summary class='info'>"
                       f"提示 {len(rows)} 项（展开）</summary>{body}</details>")
        else:
            out.append(body)
    return out
