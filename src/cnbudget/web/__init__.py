"""The web app (FastAPI + Jinja2, no build step): upload, findings, the library, comparisons.

Modules (``app`` sits on top and nothing imports it back: the package has no import cycle):
    app      — ``create_app(db, settings)``: the routers, error handlers, static files, API docs
    responses — what routes answer with: the templates, the error page / JSON error, exact JSON
    body_size — the upload size limit (``Limits.file_bytes``), enforced while the body streams
               in (413, never a 500)
    security — Content-Security-Policy and other headers on every response; JSON made safe
               inside a ``<script>`` block
    params   — bounds for every integer in a URL (422, never a 500 from the database)
    uploads  — an uploaded file → a temporary file → parse + check in a budgeted child
               process (``batch.sandbox``) (+ store)
    views    — what a page shows: tables as printed (two-sided 收入 | 支出) with the cells
               findings point at, findings in printed words, charts
    pages    — the HTML pages (Chinese): 资料库, 文件 (with duplicate notice, cross-year status,
               page crops), 对比
    dashboard — 概览 (documents, errors by region / year / rule) and 检索 (department / code / text)
    downloads — a document's findings sheet (XLSX / CSV), a comparison (XLSX), a finding's page crop
    sources  — the PDF a stored document was read from (its path, or the kept upload), if unchanged
    api      — the JSON API mirroring the CLI: /api/parse, /api/check, /api/documents, /api/compare

``templates/`` holds the Jinja2 pages; ``static/`` the stylesheet, the chart script and the
vendored ECharts and Swagger UI files (see ``static/VENDORED.md``).
"""

from __future__ import annotations
