"""The project's own Scrapy signals."""

# Sent by FetchLogMiddleware once per HTTP exchange (retries included), with `fetch=` a row of
# the archive's `fetches` table; the archive pipeline stores them with the run.
fetch_recorded = object()

# Sent by the spider's errbacks when a request came to nothing (failing answers after the
# retries, a refused redirect, a body over the size limit), with `url=` and `reason=`: the
# archive pipeline writes the reason into that URL's last `fetches` row.
fetch_failed = object()
