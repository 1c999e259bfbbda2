"""Failed article fetches asked again by later runs: attempts and backoff per URL from `fetches`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

# A failure a later run should try again: a server error, throttling, a timeout or a network
# error. Not 404/410 (the site says the page is gone), not a robots.txt refusal (a choice),
# not an answer that came whole but was no article (a binary page, a bomb, a redirect loop or
# off the site: the same answer would come again; binary pages have NOT_HTML_RETRY).
RETRYABLE = (
    "(f.status >= 500 OR f.status IN (408, 429) OR (f.status IS NULL AND f.error IS NOT NULL "
    "AND f.error NOT LIKE 'IgnoreRequest%'))"
)
# The wait before asking again doubles with each run that failed: 1 h, 2 h, 4 h ... 1 day.
FIRST_BACKOFF = timedelta(hours=1)
MAX_BACKOFF = timedelta(days=1)
# Given up after this many runs failed, or this long after the first failure.
MAX_ATTEMPTS = 8
GIVE_UP_AFTER = timedelta(days=14)
# Fetches older than this are not read (a URL failing that long was given up long before).
WINDOW = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class FailedUrl:
    """An article URL whose last fetches failed (since its last answer that did not)."""

    url: str
    site: str
    attempts: int  # runs in which it failed (a run's retries of one request are one attempt)
    first_failed_at: str
    last_failed_at: str
    last_error: str | None

    def due_at(self) -> datetime:
        wait = min(FIRST_BACKOFF * 2 ** (self.attempts - 1), MAX_BACKOFF)
        return datetime.fromisoformat(self.last_failed_at) + wait

    def past_limit(self, now: datetime) -> bool:
        first = datetime.fromisoformat(self.first_failed_at)
        return self.attempts >= MAX_ATTEMPTS or now - first >= GIVE_UP_AFTER


def failed_urls(db: Database, now: datetime, site: str | None = None) -> list[FailedUrl]:
    """Article URLs (of `site`, or of every site) whose latest fetches failed retryably."""
    if not db.table("fetches").exists():
        return []
    since = (now - WINDOW).isoformat(timespec="seconds")
    where, params = "f.kind = 'article' AND r.started_at >= ?", [since]
    if site is not None:
        where, params = where + " AND r.site = ?", [*params, site]
    sql = f"""
        WITH tried AS (
            SELECT f.id, f.url, f.run_id, f.error, f.fetched_at, r.site, {RETRYABLE} AS failed
            FROM fetches f JOIN crawl_runs r ON r.id = f.run_id WHERE {where}
        ),
        answered AS (SELECT url, max(id) AS id FROM tried WHERE NOT failed GROUP BY url)
        SELECT t.url, t.site, count(DISTINCT t.run_id) AS attempts,
            min(t.fetched_at) AS first_failed_at, max(t.fetched_at) AS last_failed_at,
            (SELECT error FROM tried e WHERE e.url = t.url ORDER BY e.id DESC LIMIT 1)
                AS last_error
        FROM tried t LEFT JOIN answered a ON a.url = t.url
        WHERE t.failed AND (a.id IS NULL OR t.id > a.id)
        GROUP BY t.url, t.site ORDER BY t.url
    """
    return [FailedUrl(**row) for row in db.query(sql, params)]


def given_up(db: Database, site: str | None = None) -> set[str]:
    """URLs no longer asked again (an archive from before m013 has none)."""
    if not db.table("retries_given_up").exists():
        return set()
    sql, params = "SELECT url FROM retries_given_up", []
    if site is not None:
        sql, params = sql + " WHERE site = ?", [site]
    return {url for (url,) in db.execute(sql, params).fetchall()}


def due(db: Database, site: str, now: datetime) -> list[str]:
    """The failed article URLs of `site` a run starting `now` asks again: backoff passed,
    limit not reached, not given up."""
    dropped = given_up(db, site)
    return [
        failed.url
        for failed in failed_urls(db, now, site)
        if failed.url not in dropped and not failed.past_limit(now) and failed.due_at() <= now
    ]


def settle(db: Database, site: str, now: datetime) -> int:
    """Give up the URLs of `site` past the limit, and take back those answered since they were
    given up (a listing asked them again); return how many were given up now."""
    stamp = now.isoformat(timespec="seconds")
    with db.atomic():
        db.execute(
            "DELETE FROM retries_given_up WHERE site = ? AND EXISTS (SELECT 1 FROM fetches f "
            f"WHERE f.url = retries_given_up.url AND f.kind = 'article' AND NOT {RETRYABLE} "
            "AND f.fetched_at > retries_given_up.given_up_at)",
            [site],
        )
        dropped = given_up(db, site)
        rows = [
            {
                "url": failed.url,
                "site": site,
                "attempts": failed.attempts,
                "first_failed_at": failed.first_failed_at,
                "last_error": failed.last_error,
                "given_up_at": stamp,
            }
            for failed in failed_urls(db, now, site)
            if failed.url not in dropped and failed.past_limit(now)
        ]
        if rows:
            db.table("retries_given_up").insert_all(rows, pk="url", replace=True)
    return len(rows)


def retry_counts(db: Database, now: datetime) -> dict[str, tuple[int, int]]:
    """Per site: (failed article URLs a later run asks again, URLs given up)."""
    failed = failed_urls(db, now)
    dropped = given_up(db)
    counts: dict[str, tuple[int, int]] = {}

    def count(site: str, permanent: bool) -> None:
        pending, gone = counts.get(site, (0, 0))
        counts[site] = (pending, gone + 1) if permanent else (pending + 1, gone)

    for url in failed:
        count(url.site, url.url in dropped or url.past_limit(now))
    if dropped:
        # Given up long ago: out of the fetches read, still given up.
        seen = {url.url for url in failed}
        for row in db.query("SELECT url, site FROM retries_given_up"):
            if row["url"] not in seen:
                count(row["site"], True)
    return counts
