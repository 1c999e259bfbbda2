"""The project's own Scrapy signals."""

# Sent by FetchLogMiddleware once per HTTP exchange (retries included), with `fetch=` a row of
# the archive's `fetches` table; the archive pipeline stores them with the run.
fetch_recorded = object()
