"""The 概览 (dashboard) and 检索 (search) pages: what the library holds and where its errors are,
and documents found by department, code or text.

    GET /dashboard              documents; errors and warnings by region, by year, by rule
    GET /search?by=…&q=…        documents by department (部门), code (编码) or text (文字)
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request

from cnbudget.store.search import SEARCH_BY, search
from cnbudget.store.stats import library_stats
from cnbudget.web.responses import TEMPLATES
from cnbudget.web.views import KIND_LABEL, SCOPE_LABEL

router = APIRouter(include_in_schema=False)


def rule_descriptions() -> dict[str, str]:
    """Each rule's Chinese description (the part before " — ")."""
    from cnbudget.checks import all_rules

    return {rid: r.description.split(" — ")[0] for rid, r in all_rules().items()}


@router.get("/dashboard")
def dashboard_page(request: Request):
    with request.app.state.library.reading() as s:
        stats = library_stats(s)
    return TEMPLATES.TemplateResponse(request, "dashboard.html", {
        "stats": stats, "kinds": KIND_LABEL, "rules": rule_descriptions(),
    })


@router.get("/search")
def search_page(request: Request, q: str = Query("", max_length=200),
                by: Literal["department", "code", "text"] = "text"):
    with request.app.state.library.reading() as s:
        hits = search(s, q, by)
        found = [(h.document.id, h.document.year, h.document.region, h.document.department, h.document.kind,
                  h.document.scope, h.document.file_name, h.document.errors, h.places) for h in hits]
    return TEMPLATES.TemplateResponse(request, "search.html", {
        "q": q, "by": by, "modes": SEARCH_BY, "hits": found, "kinds": KIND_LABEL, "scopes": SCOPE_LABEL,
    })
