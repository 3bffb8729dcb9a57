"""A produced disclosure as one self-contained HTML page (Jinja2; CSS inline, no external files).

Header rows keep their merged cells (``rowspan`` / ``colspan``); Chinese text falls back
through common CJK font families.  ``pdf`` prints this page with headless Chromium.
"""

from __future__ import annotations

from jinja2 import Environment, select_autoescape

from cnbudget.produce.document import Heading, Para, Produced, TableBlock
from cnbudget.render.layout import PrintedTable, printed

FONT_STACK = ('"Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "PingFang SC", '
              '"Microsoft YaHei", "SimSun", "WenQuanYi Micro Hei", sans-serif')

_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: {{ font_stack }}; margin: 2em auto; max-width: 1100px; color: #111; line-height: 1.7; }
h1 { text-align: center; font-size: 1.6em; }
h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #999; }
h3 { font-size: 1.1em; }
p { text-indent: 2em; margin: 0.4em 0; }
p.meta, p.note { text-indent: 0; font-size: 0.9em; }
p.table-title { text-indent: 0; text-align: center; font-weight: bold; font-size: 1.1em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.5em 0 1em; }
th, td { border: 1px solid #444; padding: 2px 4px; }
th { background: #eef1f5; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
@page { size: A4 landscape; margin: 12mm; }
@page { @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
@media print {
  body { margin: 0; max-width: none; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  /* a table's title, 编制部门 and 单位 lines never end a page: they go with the table's head */
  p.table-title, p.meta { break-after: avoid; page-break-after: avoid; }
  thead tr, tbody tr:first-child { break-before: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
}
</style>
</head>
<body>
{% for b in blocks %}
{%- if b.type == "heading" %}
<h{{ b.level }}>{{ b.text }}</h{{ b.level }}>
{%- elif b.type == "para" %}
<p>{{ b.text }}</p>
{%- else %}
<section class="table" data-kind="{{ b.t.kind }}">
<p class="table-title">{{ b.t.title }}</p>
{%- if b.t.department %}
<p class="meta">编制部门：{{ b.t.department }}</p>
{%- endif %}
<p class="meta">单位：{{ b.t.unit or "万元" }}</p>
<table>
<thead>
{%- for hr in b.header %}
<tr>{% for c in hr %}<th{% if c.rowspan > 1 %} rowspan="{{ c.rowspan }}"{% endif %}{% if c.colspan > 1 %} colspan="{{ c.colspan }}"{% endif %}>{{ c.text }}</th>{% endfor %}</tr>
{%- endfor %}
</thead>
<tbody>
{%- for row in b.t.body %}
<tr>{% for cell in row %}<td{% if loop.index0 in b.t.amount_cols %} class="num"{% endif %}>{{ cell }}</td>{% endfor %}</tr>
{%- endfor %}
</tbody>
</table>
{%- for n in b.t.notes %}
<p class="note">{{ n }}</p>
{%- endfor %}
</section>
{%- endif %}
{%- endfor %}
</body>
</html>
"""

_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True))


def _header_rows(pt: PrintedTable) -> list[list]:
    rows: list[list] = [[] for _ in range(pt.header_rows)]
    for m in sorted(pt.header_cells, key=lambda m: (m.row, m.col)):
        rows[m.row].append(m)
    return rows


def render_html(doc: Produced) -> str:
    blocks = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            blocks.append({"type": "heading", "level": min(block.level, 6), "text": block.text})
        elif isinstance(block, Para):
            blocks.append({"type": "para", "text": block.text})
        elif isinstance(block, TableBlock):
            pt = printed(block.table, doc.meta.department, doc.meta.kind)
            blocks.append({"type": "table", "t": pt, "header": _header_rows(pt)})
    title = next((b.text for b in doc.blocks if isinstance(b, Heading)), "部门预算公开")
    return _ENV.from_string(_TEMPLATE).render(title=title, blocks=blocks, font_stack=FONT_STACK)
