"""A big article page is extracted off the event loop (crawler/middlewares.py ExtractOffLoop),
in a thread or, with EXTRACT_WORKERS, in a worker process: the crawl's event loop goes on
answering other requests meanwhile, and the spider's callback archives the page whole from
the result."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

SLUG = "replica-thads-dongthap"


def child(db: str, out: str, workers: int) -> None:
    """Run in a process of its own (Twisted's reactor runs once per process): a replica, the
    real spider and middleware, one big article page extracted while a client on the same
    reactor keeps fetching the replica's small pages. Writes what it saw to `out`."""
    from scrapy.http import HtmlResponse, Request
    from twisted.internet import defer, reactor, task
    from twisted.web.client import Agent, readBody

    from crawler.items import ArticleItem
    from crawler.middlewares import ExtractOffLoop
    from replica.server import ReplicaServer
    from replica.site import SiteConfig
    from tests.helpers import fetch, make_spider, project_settings, read_truth

    server = ReplicaServer(port=0, config=SiteConfig(articles=20)).start()
    settings = project_settings(ARCHIVE_DB=db, REPLICA_URL=server.url, EXTRACT_WORKERS=workers)
    spider = make_spider(SLUG, settings)
    url = next(line["url"] for line in read_truth(server.url, "thads-dongthap"))
    page = fetch(url).decode("utf-8")
    # About 4 MB: the article's first paragraph followed by 20,000 more.
    at = page.index("</p>") + len("</p>")
    filler = "<p>Ban thi hành án dân sự tỉnh Đồng Tháp họp bàn công tác quý.</p>" * 20_000
    body = (page[:at] + filler + page[at:]).encode("utf-8")
    request = Request(url, callback=spider.parse_article)
    response = HtmlResponse(url, body=body, encoding="utf-8", request=request)
    middleware = ExtractOffLoop.from_crawler(spider.crawler)
    agent = Agent(reactor)
    answered: list[int] = []

    async def keep_fetching() -> None:
        while True:
            answer = await agent.request(b"GET", f"{server.url}/robots.txt".encode())
            await readBody(answer)
            answered.append(answer.code)

    async def trial() -> dict:
        client = defer.ensureDeferred(keep_fetching())
        await task.deferLater(reactor, 0.3, lambda: None)  # the client is under way
        before = len(answered)
        await middleware.process_response(request, response)
        during = len(answered) - before
        client.cancel()
        items = list(spider.parse_article(response))
        body_text = items[0].article.body_text if isinstance(items[0], ArticleItem) else ""
        inline = spider.read_page(response).body_text
        return {
            "answered_during": during,
            "bytes": len(body),
            "threaded_body": len(body_text),
            "same_as_inline": body_text == inline,
        }

    def done(result: dict) -> None:
        Path(out).write_text(json.dumps(result))
        server.stop()

    task.react(lambda _: defer.ensureDeferred(trial()).addCallback(done))


# 0: in a thread of the reactor's pool (the default); 1: in a worker process.
@pytest.mark.parametrize("workers", [0, 1])
def test_other_requests_are_answered_while_a_big_page_is_extracted(
    tmp_path: Path, workers: int
) -> None:
    out = tmp_path / "seen.json"
    args = f"{str(tmp_path / 'a.db')!r}, {str(out)!r}, {workers}"
    code = f"from tests.reliability.test_extract_off_loop import child; child({args})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.exists(), result.stderr[-3000:]
    seen = json.loads(out.read_text())
    assert seen["bytes"] > 512 * 1024  # over EXTRACT_IN_THREAD_BYTES: read in a thread
    # On the event loop, no other answer could arrive before the extraction ended.
    assert seen["answered_during"] > 0, seen
    assert seen["same_as_inline"] and seen["threaded_body"] > 1_000_000, seen
