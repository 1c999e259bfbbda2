"""Per-host turns shared by every worker through Redis: a lock per host (redis-py's Lock,
which expires if its worker dies) and a hash with the host's next free time and delay, so
one request at a time per host, the delay and a Retry-After hold across all workers."""

from __future__ import annotations

import asyncio
import contextlib

import redis
from redis.exceptions import LockError

from crawler.distributed.connection import site_key

POLL_SECONDS = 0.05


class RedisHold:
    """A host's turn, held until the answer came: then the next free time is written."""

    def __init__(self, client: redis.Redis, key: str, lock: object, ready_at: float, delay: float):
        self.client, self.key, self.lock = client, key, lock
        self.ready_at, self.delay = ready_at, delay

    def release(self, ready_at: float, delay: float) -> None:
        self.client.hset(self.key, mapping={"ready_at": ready_at, "delay": delay})
        with contextlib.suppress(LockError):  # expired: the host's turn was given on already
            self.lock.release()  # type: ignore[attr-defined]


class RedisHostLedger:
    """The host ledger's interface (crawler/hostledger.py) on Redis."""

    def __init__(self, client: redis.Redis, hold_seconds: float) -> None:
        self.client = client
        self.hold_seconds = hold_seconds  # a dead worker's turn is free again after this

    async def acquire(self, host: str) -> RedisHold:
        key = site_key("host", host)
        lock = self.client.lock(f"{key}:turn", timeout=self.hold_seconds)
        while not lock.acquire(blocking=False):
            await asyncio.sleep(POLL_SECONDS)
        found = self.client.hgetall(key)
        ready_at = float(found.get(b"ready_at", 0))
        delay = float(found.get(b"delay", 0))
        return RedisHold(self.client, key, lock, ready_at, delay)
