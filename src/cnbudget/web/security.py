"""What keeps a hostile document's text inert in the browser.

- ``script_json``: JSON for a ``<script type="application/json">`` block.  ``<``, ``>`` and
  ``&`` are written as ``\\u003c`` …, so a department named ``</script><script>…`` or holding
  ``<!--`` cannot end (or comment out) the block; ``JSON.parse`` reads the same values back.
- ``SecurityHeaders``: ASGI middleware putting a Content-Security-Policy (scripts only from
  this site's ``/static`` files — no inline script, no ``eval``), ``nosniff`` and
  ``frame-ancestors 'none'`` on every response, error pages and the API included.  Even a
  value that escaped every other guard could then not run.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Inline styles stay allowed: the vendored ECharts and Swagger UI set them, and a style cannot
# run code; scripts may only be this site's files.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(obj: Any) -> str:
    """``obj`` as JSON that is safe inside an HTML ``<script>`` element."""
    return json.dumps(obj, ensure_ascii=False).translate(_SCRIPT_SAFE)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in present]
            await send(message)

        await self.app(scope, receive, with_headers)
