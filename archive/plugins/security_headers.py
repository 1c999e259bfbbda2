"""Security headers on every page: a Content Security Policy that lets nothing load from
outside the archive, stricter still (no inline styles) where article content is shown."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

# The article page and our own pages (search, charts, health) carry no inline style or script;
# Datasette's stock pages have style="" attributes, so they keep 'unsafe-inline' for styles
# only. Scripts are 'self' everywhere: the templates/ overrides moved Datasette's few inline
# scripts into static files.
STRICT_PAGES = re.compile(r"^/(-/(search|charts|health)|[^/]+/articles/[^/.]+)$")
POLICY = (
    "default-src 'none'; script-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
    "style-src 'self'{inline}"
)
HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
}

App = Callable[[dict, Callable, Callable], Awaitable[None]]


def policy_for(path: str) -> str:
    return POLICY.format(inline="" if STRICT_PAGES.match(path) else " 'unsafe-inline'")


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[App], App]:
    def wrap(app: App) -> App:
        async def with_headers(scope: dict, receive: Callable, send: Callable) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            added = {**HEADERS, b"content-security-policy": policy_for(scope["path"]).encode()}

            async def send_with_headers(message: dict) -> None:
                if message["type"] == "http.response.start":
                    kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in added]
                    message = {**message, "headers": kept + list(added.items())}
                await send(message)

            await app(scope, receive, send_with_headers)

        return with_headers

    return wrap
