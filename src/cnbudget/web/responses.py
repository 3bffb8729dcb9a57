"""What every route answers with: the Jinja2 templates, the error page (or JSON under
``/api``) with a Chinese message, and JSON with Decimals written exactly.

Shared by the routers and the app; it imports none of them (the package has no import cycle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.types import Scope

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))

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


def json_response(obj: Any, status: int = 200):
    """JSON with Decimals written exactly (``serialize.dumps``)."""
    from cnbudget.serialize import dumps

    return Response(dumps(obj), status_code=status, media_type="application/json")
