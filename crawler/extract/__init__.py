"""Pure extraction functions, no Scrapy: (html, url) -> Article."""

from crawler.extract.api import extract_api_article
from crawler.extract.article import EXTRACTOR_VERSION, Article, extract_article
from crawler.extract.errors import ExtractionError

__all__ = [
    "EXTRACTOR_VERSION",
    "Article",
    "ExtractionError",
    "extract_api_article",
    "extract_article",
]
