"""Benchmark: Redis memory of a distributed run per million URLs (queue and duplicate filter).

Starts a redis-server of the system's packages on a free port, then fills one site's
scrapy-redis queue with N article requests as the workers queue them (the project's
scheduler queue class and serializer, the meta and callbacks the portal spider gives an
article request) and the run's set of seen fingerprints with N fingerprints; Redis's
used_memory is read before and after each. The figures per million are N's, scaled
linearly (the queue is a sorted set and the filter a set: both grow by one entry per URL).

Usage: python scripts/bench/redis_memory.py [--urls 100000]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import redis
import scrapy
from scrapy.utils.test import get_crawler
from scrapy_redis.queue import PriorityQueue

from crawler.distributed.connection import site_key
from crawler.meta import CANONICAL_URL, KIND

# An article URL of the THADS family's length (most of the registry's are shorter).
URL = (
    "https://thads.moj.gov.vn/dongthap/noidung/tintuc/Lists/HoatDongCuaCucThiHanhAnDanSu/"
    "View_Detail.aspx?ItemID={}"
)


class Spider(scrapy.Spider):
    """Stands in for the portal spider: the queue stores a callback's name only."""

    name = "portal"

    def parse_article(self, response: object) -> None:
        """Never called: requests are queued, not fetched."""


def start_redis(directory: Path) -> tuple[subprocess.Popen, redis.Redis]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = shutil.which("redis-server") or "redis-server"
    options = ["--bind", "127.0.0.1", "--dir", str(directory), "--save", "", "--appendonly", "no"]
    process = subprocess.Popen([server, "--port", str(port), *options], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return process, client
        except redis.ConnectionError:
            time.sleep(0.05)
    raise SystemExit("redis-server did not start")


def used(client: redis.Redis) -> int:
    return int(client.info("memory")["used_memory"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=100_000)
    args = parser.parse_args()
    crawler = get_crawler(Spider)
    spider = Spider.from_crawler(crawler)
    fingerprinter = crawler.request_fingerprinter
    with tempfile.TemporaryDirectory() as directory:
        process, client = start_redis(Path(directory))
        try:
            from scrapy_redis import picklecompat

            queue = PriorityQueue(client, spider, site_key("bench", "requests"), picklecompat)
            before = used(client)
            seen = site_key("bench", "seen:run")
            pipe = client.pipeline(transaction=False)
            for number in range(args.urls):
                url = URL.format(number)
                request = scrapy.Request(
                    url,
                    callback=spider.parse_article,
                    priority=10,
                    meta={CANONICAL_URL: url.lower(), KIND: "article"},
                )
                queue.push(request)
                pipe.sadd(seen, fingerprinter.fingerprint(request).hex())
                if number % 5000 == 4999:
                    pipe.execute()
            pipe.execute()
            total = used(client)
            # The seen set alone: the queue emptied (as at the end of a run).
            client.delete(site_key("bench", "requests"))
            filter_only = used(client)
        finally:
            process.terminate()
            process.wait(timeout=10)
    scale = 1_000_000 / args.urls
    queue_bytes, filter_bytes = total - filter_only, filter_only - before
    mib = 2**20
    print(f"{args.urls} URLs: queue {queue_bytes / mib:.1f} MiB, seen {filter_bytes / mib:.1f} MiB")
    print(
        f"per million URLs (x{scale:g}, linear): queue {queue_bytes * scale / mib:.0f} MiB, "
        f"seen set {filter_bytes * scale / mib:.0f} MiB, "
        f"both {(queue_bytes + filter_bytes) * scale / mib:.0f} MiB"
    )


if __name__ == "__main__":
    main()
