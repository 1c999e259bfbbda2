"""The Redis client of a distributed crawl (retrying through a short Redis restart) and its
key names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import BusyLoadingError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry

PREFIX = "govarchive"
RECORDS = f"{PREFIX}:records"  # the stream of archive calls the workers made
RUN = f"{PREFIX}:run"  # the name of the run seeded last: workers join it
# An unanswering Redis is asked again with a growing pause (up to 8 s) for about this long:
# a restarted Redis is back and has loaded its append-only file by then.
WAIT_SECONDS = 60.0
BACKOFF = {"base": 0.1, "cap": 8.0}


class GivingUpRetry(Retry):
    """redis-py's Retry that, once its tries are spent, tells `gave_up` (with the last
    error) before raising it: an error raised inside Scrapy's engine is logged and the crawl
    goes on, so a worker would otherwise retry a Redis that is gone for good forever. It
    tries again only while `keep_trying()` (a process told to stop stops trying)."""

    def __init__(
        self,
        retries: int,
        gave_up: Callable[[Exception], object] | None,
        keep_trying: Callable[[], bool] | None = None,
    ) -> None:
        # A plain function, not keep_trying itself: each connection deep-copies its Retry.
        wanted = None if keep_trying is None else (lambda error: keep_trying())
        super().__init__(ExponentialBackoff(**BACKOFF), retries, is_retryable=wanted)
        self.gave_up = gave_up

    def call_with_retry(self, do: Any, fail: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().call_with_retry(do, fail, *args, **kwargs)
        except self._supported_errors as error:
            if self.gave_up is not None:
                self.gave_up(error)
            raise


def retries_for(seconds: float) -> int:
    """How many tries again, with the growing pauses, take at least `seconds`."""
    retries, waited = 0, 0.0
    while waited < seconds:
        retries += 1
        waited += min(BACKOFF["cap"], BACKOFF["base"] * 2**retries)
    return retries


def redis_params(
    wait: float = WAIT_SECONDS,
    gave_up: Callable[[Exception], object] | None = None,
    keep_trying: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Keyword arguments for `redis.from_url` (scrapy-redis's REDIS_PARAMS too): an
    unanswering Redis is waited for `wait` seconds (while `keep_trying()`), then `gave_up`
    is told."""
    return {
        "retry": GivingUpRetry(retries_for(wait), gave_up, keep_trying),
        "retry_on_error": [RedisConnectionError, BusyLoadingError, ConnectionResetError],
        "health_check_interval": 10,
    }


def connect(url: str, params: dict[str, Any] | None = None) -> redis.Redis:
    return redis.from_url(url, **(params or redis_params()))


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
