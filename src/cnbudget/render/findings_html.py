"""Findings as one self-contained HTML page (inline CSS, no external assets)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from cnbudget.checks.engine import CheckReport
from cnbudget.tables.kinds import KIND_LABELS

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em} th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;font-size:.92em}
th{background:#f4f4f4;text-align:left} .error{color:#b00020;font-weight:bold} .warning{color:#a66300} .info{color:#00639b}
.summary span{margin-right:1.2em} .text{color:#666;font-size:.85em} .num{text-align:right;font-family:monospace}
"""
_SEV = {"error": "错误", "warning": "警告", "info": "提示"}


def _num(d) -> str:
    return "" if d is None else escape(format(d, "f"))


def render_html(reports: Sequence[CheckReport], failed: Sequence[tuple[str, str]] = ()) -> str:
    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        "<title>cnbudget 核验结果</title>",
        f"<style>{_CSS}</style></head><body><h1>cnbudget 核验结果</h1>",
    ]
    for rep in reports:
        s = rep.summary
        parts.append(f"<h2>{escape(rep.file)}</h2>")
        parts.append(
            f"<p class='summary'><span class='error'>错误 {s['error']}</span><span class='warning'>警告 {s['warning']}</span>"
            f"<span class='info'>提示 {s['info']}</span><span>核验 {rep.coverage.checked} 项，无法核验 "
            f"{rep.coverage.unverified} 项</span><span>{rep.coverage.summary_zh()}</span></p>"
        )
        if not rep.findings:
            parts.append("<p>未发现问题。</p>")
            continue
        parts.append(
            "<table><thead><tr><th>级别</th><th>表</th><th>位置</th><th>规则</th><th>说明</th>"
            "<th>行</th><th>列</th><th>应为</th><th>实为</th></tr></thead><tbody>"
        )
        for f in rep.findings:
            table = KIND_LABELS.get(f.table, f.table) if f.table else "全文"
            text = f"<div class='text'>原文：{escape(f.text)}</div>" if f.text else ""
            parts.append(
                f"<tr><td class='{escape(f.severity)}'>{_SEV.get(f.severity, escape(f.severity))}</td>"
                f"<td>{escape(table)}</td><td>{escape(f.source.label() if f.source else '')}</td>"
                f"<td>{escape(f.rule)}</td><td>{escape(f.message)}{text}</td><td>{escape(f.row or '')}</td>"
                f"<td>{escape(f.column or '')}</td><td class='num'>{_num(f.expected)}</td>"
                f"<td class='num'>{_num(f.actual)}</td></tr>"
            )
        parts.append("</tbody></table>")
    for name, reason in failed:
        parts.append(f"<h2>{escape(name)}</h2><p class='error'>无法读取：{escape(reason)}</p>")
    parts.append("</body></html>\n")
    return "".join(parts)
