"""A known API family's JSON paths read on every article API answer a capture holds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive import read_snapshot
from crawler.extract import Article, ExtractionError
from crawler.extract.api import extract_api_article
from crawler.extract.selectors import PageRules
from crawler.learn.api_family import ApiFamily
from crawler.learn.verify import LearnedProfile

FIELDS = ("title", "published", "author_unit", "body")


@dataclass(frozen=True, slots=True)
class ApiReading:
    """One captured article API answer read with the family's JSON paths."""

    url: str  # the article page's, under which a crawl archives the answer
    article: Article | None
    problem: str | None = None

    @property
    def agrees(self) -> dict[str, bool]:
        """Which fields the JSON paths read a value for (the answer is the only witness); an
        author unit is optional: an answer (an article) may name none."""
        article = self.article
        if article is None:
            return dict.fromkeys(FIELDS, False)
        return {
            "title": bool(article.title),
            "published": article.published is not None,
            "author_unit": True,
            "body": bool(article.body_text.strip()),
        }


def read_api_answers(
    directory: Path, manifest: dict[str, Any], family: ApiFamily, slug: str, agency: str
) -> list[ApiReading]:
    """Each captured article API answer (HTTP 200) read as the family's crawl reads it."""
    profile = LearnedProfile(slug, agency, PageRules.from_mapping({}), api=family.defaults["api"])
    readings = []
    for record in manifest.get("records", []):
        if record.get("kind") != "api" or record.get("status") != 200:
            continue
        url = (record.get("cb_kwargs") or {}).get("article_url", record["url"])
        try:
            snapshot = read_snapshot(directory, record["warc_file"], record["warc_offset"])
            article = extract_api_article(json.loads(snapshot.body), url, profile)
        except (OSError, ValueError, ExtractionError) as error:
            readings.append(ApiReading(url, None, str(error)))
            continue
        readings.append(ApiReading(url, article))
    return readings
