"""Limits on the public SQL endpoint: a few arbitrary queries at once (the other SQL threads stay
free for every other page), and no value or heap big enough to take the server's memory."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

from datasette import hookimpl

# Arbitrary SQL (`?sql=`) running at once; settings.json's num_sql_threads is larger, so
# three queries running to sql_time_limit_ms no longer hold every thread.
MAX_ARBITRARY_QUERIES = 2
# No string or blob built or read by a query may be larger (zeroblob(200000000) is refused);
# far above any article, as the crawl caps a page's size.
MAX_VALUE_BYTES = 16 * 1024 * 1024
# All of SQLite's memory in the server process (page caches, sorts, values) stays under this.
HARD_HEAP_LIMIT = 512 * 1024 * 1024
BUSY = b"Too many SQL queries are running; try again in a few seconds."

App = Callable[[dict, Callable, Callable], Awaitable[None]]


def arbitrary_sql(scope: dict) -> bool:
    return scope["type"] == "http" and "sql" in parse_qs(scope.get("query_string", b"").decode())


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    # Process-wide; asking again on every connection is harmless and cheap.
    conn.execute(f"PRAGMA hard_heap_limit = {HARD_HEAP_LIMIT}").fetchall()


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[App], App]:
    def wrap(app: App) -> App:
        running = asyncio.Semaphore(MAX_ARBITRARY_QUERIES)

        async def limited(scope: dict, receive: Callable, send: Callable) -> None:
            if not arbitrary_sql(scope):
                await app(scope, receive, send)
                return
            if running.locked():
                await send(
                    {
                        "type": "http.response.start",
                        "status": 503,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"retry-after", b"5"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": BUSY})
                return
            async with running:
                await app(scope, receive, send)

        return limited

    return wrap
