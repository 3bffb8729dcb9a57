"""The web app (FastAPI + Jinja2, no build step): upload, findings, the library, comparisons.

Modules:
    app      — ``create_app(db, settings)``: routes, error pages, static files, API docs
    body_size — the upload size limit (``Limits.file_bytes``), enforced while the body streams
               in (413, never a 500)
    security — Content-Security-Policy and other headers on every response; JSON made safe
               inside a ``<script>`` block
    params   — bounds for every integer in a URL (422, never a 500 from the database)
    uploads  — an uploaded file → a temporary file → parse + check in a budgeted child
               process (``batch.sandbox``) (+ store)
    views    — what a page shows: tables with the cells findings point at, filters, charts
    pages    — the HTML pages (Chinese): 资料库, 文件, 对比
    api      — the JSON API mirroring the CLI: /api/parse, /api/check, /api/documents, /api/compare

``templates/`` holds the Jinja2 pages; ``static/`` the stylesheet, the chart script and the
vendored ECharts and Swagger UI files (see ``static/VENDORED.md``).
"""

from __future__ import annotations
