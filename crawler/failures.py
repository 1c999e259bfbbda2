"""Why a request came to nothing, in one line: what the crawl records in `fetches` and
`extraction_failures` for a page it could not get."""

from __future__ import annotations

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

# Scrapy's RobotsTxtMiddleware refuses a request with this message.
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"


def failure_reason(failure: Failure) -> str:
    """The reason of an errback's failure: the last answer after the retries, a refused
    redirect, a body over the size limit (a decompression bomb among them), or the error."""
    error = failure.value
    if isinstance(error, HttpError):
        return f"HTTP {error.response.status} after retries"
    message = str(error).strip()
    if isinstance(error, IgnoreRequest):
        if "during decompression" in message:
            return f"decompression bomb: {message}"
        return message or "request ignored"
    if isinstance(error, DownloadCancelledError) or "max size" in message:
        # Scrapy cancels a body over DOWNLOAD_MAXSIZE (without a message when it was sent
        # without a Content-Length).
        return f"too large: {message or 'over DOWNLOAD_MAXSIZE'}"
    return f"{type(error).__name__}: {message}".rstrip(": ")
