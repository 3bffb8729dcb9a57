"""The web app (FastAPI + Jinja2, no build step): upload, findings, the library, comparisons.

Modules:
    app      — ``create_app(db, settings)``: routes, error pages, static files, API docs
    limits   — the upload size limit, enforced while the body streams in (413, never a 500)
    uploads  — an uploaded file → a temporary file → parse + check (+ store)
    views    — what a page shows: tables with the cells findings point at, filters, charts
    pages    — the HTML pages (Chinese): 资料库, 文件, 对比
    api      — the JSON API mirroring the CLI: /api/parse, /api/check, /api/documents, /api/compare

``templates/`` holds the Jinja2 pages; ``static/`` the stylesheet, the chart script and the
vendored ECharts and Swagger UI files (see ``static/VENDORED.md``).
"""

from __future__ import annotations
