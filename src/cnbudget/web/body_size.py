"""The upload size limit, enforced while the request body streams in.

A request announcing a larger ``Content-Length`` is refused at once, before any byte is read;
a body without one (chunked) is counted as it arrives and refused as soon as it passes the
limit.  Either way the client gets 413 with a Chinese message (an HTML page, or JSON under
``/api``), and at most ``limit`` bytes were ever accepted.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class UploadTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_message(limit))


def too_large_message(limit: int) -> str:
    mb = limit / (1024 * 1024)
    shown = f"{mb:.0f} MB" if mb >= 1 else f"{limit // 1024} KB"
    return f"文件过大：上传文件不能超过 {shown}。请上传单份公开文件 (file too large: the limit is {shown})"


class BodySizeLimit:
    """ASGI middleware: at most ``limit`` bytes of request body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            from cnbudget.web.responses import error_response

            response = error_response(scope, 413, too_large_message(self.limit))
            await response(scope, receive, send)
            return
        received = 0
        limit = self.limit

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise UploadTooLarge(limit)
            return message

        await self.app(scope, counted, send)
