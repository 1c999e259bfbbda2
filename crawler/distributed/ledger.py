"""Per-host turns shared by every worker through Redis: a lock per host (redis-py's Lock,
which expires soon after its worker dies) and a hash with the host's next free time and
delay, so one request at a time per host, the delay and a Retry-After hold across all
workers."""

from __future__ import annotations

import asyncio
import contextlib
import time

import redis
from redis.exceptions import LockError
from redis.lock import Lock

from crawler.distributed.connection import site_key

POLL_SECONDS = 0.05
# A turn's lock expires this long after its holder last renewed it; a live holder renews its
# turns five times as often. A killed worker's turn is free again within LOCK_SECONDS (with
# the lock's life set to the longest a request may take, the host stood still 90 s for every
# worker, and the requests that gave up waiting then went out all at once).
LOCK_SECONDS = 10.0


class RedisHold:
    """A host's turn, held until the answer came: then the next free time is written."""

    def __init__(
        self, ledger: RedisHostLedger, key: str, lock: Lock, ready_at: float, delay: float
    ) -> None:
        self.ledger, self.key, self.lock = ledger, key, lock
        self.ready_at, self.delay = ready_at, delay

    def release(self, ready_at: float, delay: float) -> None:
        self.ledger.held.pop(self.lock, None)
        self.ledger.client.hset(self.key, mapping={"ready_at": ready_at, "delay": delay})
        with contextlib.suppress(LockError):  # expired: the host's turn was given on already
            self.lock.release()


class RedisHostLedger:
    """The host ledger's interface (crawler/hostledger.py) on Redis."""

    def __init__(
        self, client: redis.Redis, hold_seconds: float, lock_seconds: float = LOCK_SECONDS
    ) -> None:
        self.client, self.lock_seconds = client, lock_seconds
        # The longest a live worker keeps a turn (an answer that never came): not renewed
        # past this.
        self.hold_seconds = hold_seconds
        self.held: dict[Lock, float] = {}  # the turns this worker holds: since when
        self.renewing: asyncio.Task[None] | None = None

    async def acquire(self, host: str) -> RedisHold:
        key = site_key("host", host)
        lock = self.client.lock(f"{key}:turn", timeout=self.lock_seconds)
        while not lock.acquire(blocking=False):
            await asyncio.sleep(POLL_SECONDS)
        self.held[lock] = time.monotonic()
        if self.renewing is None or self.renewing.done():
            self.renewing = asyncio.ensure_future(self._renew())
        found = self.client.hgetall(key)
        ready_at = float(found.get(b"ready_at", 0))
        delay = float(found.get(b"delay", 0))
        return RedisHold(self, key, lock, ready_at, delay)

    async def _renew(self) -> None:
        """While this worker holds turns, keep their locks from expiring."""
        while self.held:
            await asyncio.sleep(self.lock_seconds / 5)
            now = time.monotonic()
            for lock, since in list(self.held.items()):
                if now - since > self.hold_seconds:
                    self.held.pop(lock, None)
                    continue
                with contextlib.suppress(LockError):  # given back meanwhile, or expired
                    lock.reacquire()
