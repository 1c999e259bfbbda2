"""The Redis client of a distributed crawl (retrying through a short Redis restart) and its
key names."""

from __future__ import annotations

from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import BusyLoadingError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry

PREFIX = "govarchive"
RECORDS = f"{PREFIX}:records"  # the stream of archive calls the workers made
RUN = f"{PREFIX}:run"  # the name of the run seeded last: workers join it
# Retries with a growing pause up to about a minute in all: a restarted Redis is back and has
# loaded its append-only file by then.
RETRIES = 12


def redis_params() -> dict[str, Any]:
    """Keyword arguments for `redis.from_url` (scrapy-redis's REDIS_PARAMS too)."""
    return {
        "retry": Retry(ExponentialBackoff(cap=8, base=0.1), RETRIES),
        "retry_on_error": [RedisConnectionError, BusyLoadingError, ConnectionResetError],
        "health_check_interval": 10,
    }


def connect(url: str) -> redis.Redis:
    return redis.from_url(url, **redis_params())


def unreachable(url: str) -> str | None:
    """Why the Redis at `url` cannot be used, in one line, or None: asked once, at once (the
    retries are for a Redis that restarts during a run, not for a wrong address)."""
    try:
        redis.from_url(url, socket_connect_timeout=5, socket_timeout=5).ping()
    except (redis.RedisError, ValueError) as error:
        return f"Redis at {url}: {error}"
    return None


def site_key(slug: str, what: str) -> str:
    return f"{PREFIX}:{slug}:{what}"


def alive_key(slug: str, run: str, worker: str) -> str:
    """A worker's heartbeat on a site's run: gone a few seconds after the worker stopped,
    whether it said goodbye or was killed."""
    return site_key(slug, f"alive:{run}:{worker}")
