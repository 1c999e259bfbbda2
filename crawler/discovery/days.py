"""Listing pages by day: portals that list each day's articles on a page of its own
(`/tin-tuc-su-kien/xem-theo-ngay-15-08-2026.htm`), walked from today backwards."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from crawler.extract.dates import VIETNAM_TIME

DEFAULT_FORMAT = "%d-%m-%Y"


def portal_today() -> date:
    """Today on the portals' calendar (Vietnam time): the day a walk by day starts from."""
    return datetime.now(VIETNAM_TIME).date()


def day_page(template: str, today: date, back: int, fmt: str = DEFAULT_FORMAT) -> tuple[str, date]:
    """The listing page (`template` with its `{date}` filled in `fmt`) of the day `back` days
    before `today`, and that day."""
    day = today - timedelta(days=back)
    return template.format(date=day.strftime(fmt)), day
