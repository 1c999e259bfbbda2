"""The interface's language on every page: `lang` and `_` in templates, date filters, and the
?lang= choice remembered in a cookie."""

from __future__ import annotations

import urllib.parse
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Request

from archive.i18n import COOKIE, LANGUAGES, choose, translator, vn_date, vn_published, vn_time


def request_language(request: Request | None) -> str:
    if request is None:
        return choose(None, None)
    return choose(request.args.get("lang"), request.cookies.get(COOKIE))


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    env.filters["vn_date"] = vn_date
    env.filters["vn_time"] = vn_time
    env.filters["vn_published"] = vn_published


@hookimpl
def extra_template_vars(request: Request | None) -> dict[str, Any]:
    lang = request_language(request)
    pairs = urllib.parse.parse_qsl(request.query_string) if request else []
    path = request.path if request else "/"

    def switch(to: str) -> str:
        kept = [(key, value) for key, value in pairs if key != "lang"]
        return path + "?" + urllib.parse.urlencode([*kept, ("lang", to)])

    return {
        "lang": lang,
        "_": translator(lang),
        "lang_links": {other: switch(other) for other in LANGUAGES if other != lang},
    }


@hookimpl
def asgi_wrapper() -> Any:
    """A page asked for with ?lang=vi|en sets the cookie, so the next pages keep the choice."""

    def wrap(app: Any) -> Any:
        async def with_cookie(scope: dict, receive: Any, send: Any) -> None:
            asked = None
            if scope.get("type") == "http":
                query = urllib.parse.parse_qs(scope.get("query_string", b"").decode("latin-1"))
                asked = (query.get("lang") or [None])[-1]
            if asked not in LANGUAGES:
                await app(scope, receive, send)
                return

            async def send_with_cookie(message: dict) -> None:
                if message["type"] == "http.response.start":
                    cookie = f"{COOKIE}={asked}; Path=/; Max-Age=31536000; SameSite=Lax"
                    headers = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
                    message = {**message, "headers": headers}
                await send(message)

            await app(scope, receive, send_with_cookie)

        return with_cookie

    return wrap
