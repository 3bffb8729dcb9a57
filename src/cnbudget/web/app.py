"""``create_app(db, settings)``: the FastAPI application.

Every user error ends in a page (or JSON under ``/api``) with a Chinese message and the
right status — 413 for a file over the limit, 422 for a file that is not a disclosure, 404
for an unknown document — never a 500 with a traceback.  ``/docs`` serves the OpenAPI docs
from the vendored Swagger UI (no CDN).
"""

from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException
from starlette.types import Scope

from cnbudget.errors import CnbudgetError
from cnbudget.limits import LimitExceeded
from cnbudget.limits import current as current_limits
from cnbudget.store import Library

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
log = logging.getLogger("cnbudget.web")


@dataclass(frozen=True)
class WebSettings:
    """``max_upload_bytes``: the largest upload accepted — ``Limits.file_bytes``
    (``CNBUDGET_LIMIT_FILE_BYTES``, default 50 MB), or ``CNBUDGET_MAX_UPLOAD_MB``.
    ``isolate``: parse each upload in a worker process with the time and memory budget of
    ``Limits.worker_seconds`` / ``worker_memory_bytes`` (off only for tests that patch the parser)."""

    max_upload_bytes: int = field(default_factory=lambda: current_limits().file_bytes)
    isolate: bool = True

    @classmethod
    def from_env(cls) -> WebSettings:
        mb = os.environ.get("CNBUDGET_MAX_UPLOAD_MB")
        return cls(max_upload_bytes=int(float(mb) * 1024 * 1024)) if mb else cls()


STATUS_TITLES = {
    400: "请求有误", 404: "未找到", 405: "不支持的请求", 413: "文件过大", 422: "无法读取该文件", 500: "服务器内部错误",
}


def _wants_json(path: str) -> bool:
    return path.startswith("/api")


def error_response(scope: Scope | Request, status: int, message: str):
    """The error page (or JSON under /api) for ``status`` with a Chinese ``message``."""
    request = scope if isinstance(scope, Request) else Request(scope)
    if _wants_json(request.url.path):
        return JSONResponse({"error": STATUS_TITLES.get(status, "错误"), "status": status, "detail": message},
                            status_code=status)
    return TEMPLATES.TemplateResponse(request, "error.html",
                                      {"status": status, "title": STATUS_TITLES.get(status, "错误"), "message": message},
                                      status_code=status)


def create_app(db: str | None = None, settings: WebSettings | None = None, library: Library | None = None) -> FastAPI:
    """The app over the library at ``db`` (URL or path; default as ``cnbudget ingest``)."""
    from cnbudget.web import api, pages
    from cnbudget.web.body_size import BodySizeLimit
    from cnbudget.web.security import SecurityHeaders

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


def json_response(obj: Any, status: int = 200):
    """JSON with Decimals written exactly (``serialize.dumps``)."""
    from fastapi import Response

    from cnbudget.serialize import dumps

    return Response(dumps(obj), status_code=status, media_type="application/json")
