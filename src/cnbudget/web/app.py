"""``create_app(db, settings)``: the FastAPI application.

Every user error ends in a page (or JSON under ``/api``) with a Chinese message and the
right status — 413 for a file over the limit, 422 for a file that is not a disclosure, 404
for an unknown document — never a 500 with a traceback.  ``/docs`` serves the OpenAPI docs
from the vendored Swagger UI (no CDN).

The app module sits on top of the web package: it imports the routers, and nothing in the
package imports it back (what routers share — templates, error pages, JSON responses — lives in
``responses``), so the package has no import cycle.
"""

from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from cnbudget.errors import CnbudgetError
from cnbudget.limits import LimitExceeded
from cnbudget.limits import current as current_limits
from cnbudget.store import Library
from cnbudget.web import api, dashboard, downloads, pages
from cnbudget.web.body_size import BodySizeLimit
from cnbudget.web.responses import HERE, STATUS_TITLES, TEMPLATES, error_response
from cnbudget.web.security import SecurityHeaders

log = logging.getLogger("cnbudget.web")


@dataclass(frozen=True)
class WebSettings:
    """``max_upload_bytes``: the largest upload accepted — ``Limits.file_bytes``
    (``CNBUDGET_LIMIT_FILE_BYTES``, default 50 MB), or ``CNBUDGET_MAX_UPLOAD_MB``.
    ``isolate``: parse each upload in a worker process with the time and memory budget of
    ``Limits.worker_seconds`` / ``worker_memory_bytes`` (off only for tests that patch the parser).
    ``upload_dir``: where uploaded PDFs are kept (by content hash) for the page crops beside
    their findings (``CNBUDGET_UPLOAD_DIR``); unset, an uploaded PDF is not kept and its findings
    show no crop (an ingested file is found at its path)."""

    max_upload_bytes: int = field(default_factory=lambda: current_limits().file_bytes)
    isolate: bool = True
    upload_dir: Path | None = None

    @classmethod
    def from_env(cls) -> WebSettings:
        mb = os.environ.get("CNBUDGET_MAX_UPLOAD_MB")
        folder = os.environ.get("CNBUDGET_UPLOAD_DIR")
        kept = Path(folder) if folder else None
        return cls(max_upload_bytes=int(float(mb) * 1024 * 1024), upload_dir=kept) if mb else cls(upload_dir=kept)


def create_app(db: str | None = None, settings: WebSettings | None = None, library: Library | None = None) -> FastAPI:
    """The app over the library at ``db`` (URL or path; default as ``cnbudget ingest``)."""
    settings = settings or WebSettings.from_env()
    lib = library or Library.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if library is None:
            lib.close()

    app = FastAPI(
        lifespan=lifespan,
        title="cnbudget 预决算公开核验",
        description="读取、核验、存储与对比部门预算/决算公开文件的 JSON API（与命令行 cnbudget 对应）。",
        version=__import__("cnbudget").__version__,
        docs_url=None,
        redoc_url=None,
    )
    app.state.library = lib
    app.state.settings = settings
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(dashboard.router)
    app.include_router(downloads.router)
    app.include_router(api.router)
    app.add_middleware(BodySizeLimit, limit=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: every response, errors included

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        # FastAPI's own page starts Swagger UI with an inline script, which the CSP forbids
        return TEMPLATES.TemplateResponse(request, "docs.html", {})

    @app.exception_handler(CnbudgetError)
    async def _user_error(request: Request, exc: CnbudgetError):
        # past a size limit (bytes, inflated zip, cells…) is 413; any other unreadable input 422
        return error_response(request, 413 if isinstance(exc, LimitExceeded) else 422, str(exc))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else STATUS_TITLES.get(exc.status_code, "错误")
        if exc.status_code == 404 and message == "Not Found":
            message = "页面或文件不存在 (not found)"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError):
        fields = "、".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "?" for e in exc.errors())
        return error_response(request, 422, f"请求参数有误：{fields} (invalid request)")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):  # pragma: no cover - a bug, still no traceback page
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, f"服务器内部错误：{type(exc).__name__} (internal error)")

    return app


def from_env() -> FastAPI:
    """Factory for ``uvicorn --factory cnbudget.web.app:from_env`` (library from ``$CNBUDGET_DB``)."""
    return create_app(os.environ.get("CNBUDGET_DB"))
