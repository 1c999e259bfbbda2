"""The Scrapy settings that make a crawl a worker of a distributed run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crawler.distributed.connection import WAIT_SECONDS, redis_params

# The shared set of seen requests of a run is gone this long after its last addition.
SEEN_TTL = 7 * 24 * 3600


def worker_settings(
    url: str,
    run: str,
    worker: str,
    role: str = "worker",
    wait: float = WAIT_SECONDS,
    gave_up: Callable[[Exception], object] | None = None,
) -> dict[str, Any]:
    """Settings overrides (UPPER_CASE) for a worker of run `run` on the Redis at `url`, or
    for the seed of the run (`role` "seed": start points into the queues, nothing fetched).
    A Redis that stops answering is waited for `wait` seconds; then `gave_up` is told."""
    return {
        "REDIS_ROLE": role,
        "SCHEDULER": "crawler.distributed.scheduler.SiteScheduler",
        "DUPEFILTER_CLASS": "crawler.distributed.scheduler.SiteDupeFilter",
        "SCHEDULER_PERSIST": True,  # the other workers still crawl from the queue
        "REDIS_URL": url,
        "REDIS_PARAMS": redis_params(wait, gave_up),
        "REDIS_RUN": run,
        "REDIS_WORKER": worker,
        "REDIS_SEEN_TTL": SEEN_TTL,
        "ARCHIVE_WRITER": "redis",
    }
