"""Parse the date formats Vietnamese portals print into Vietnam-time dates and datetimes."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")

# Numeric day-first dates with an optional time before ("11:38, Thứ tư, 14/01/2026") or after
# ("14/01/2026 09:01"). The formats are fixed and day-first, so a general-purpose parser
# (dateparser) would only add ambiguity (it guesses month-first) and cost.
# Digits on either side belong to another number: "28.09.19" run into "12:44" (two inline
# elements, no space between) reads "28.09.1912:44", which is no date in 1912.
_DATETIME = re.compile(
    r"(?:(?<!\d)(?P<hour_before>\d{1,2})[:hg](?P<minute_before>\d{2})\D{0,30}?)?"
    r"(?<!\d)(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})(?![\d:])"
    # The time after the date: "14/01/2026 09:01", "…, lúc 9h01", "22/10/2025 - 17:47", "| 14:44".
    r"(?:\s*[,|–-]?\s*(?:lúc\s*)?(?P<hour_after>\d{1,2})[:hg](?P<minute_after>\d{2}))?",
    re.IGNORECASE,
)
# "ngày 10 tháng 11 năm 2021", as headers and signatures of official texts write it.
_WORDED = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)


def parse_vn_datetime(text: str) -> date | datetime | None:
    """The first valid day-first date in `text`, with its time (Vietnam time) when one is given."""
    for match in _DATETIME.finditer(text):
        part = match.groupdict()
        try:
            day = date(int(part["year"]), int(part["month"]), int(part["day"]))
        except ValueError:
            continue
        hour = part["hour_before"] or part["hour_after"]
        minute = part["minute_before"] or part["minute_after"]
        if hour is None or minute is None or int(hour) > 23 or int(minute) > 59:
            return day
        return datetime(day.year, day.month, day.day, int(hour), int(minute), tzinfo=VIETNAM_TIME)
    if "th" in text and (worded := _WORDED.search(text)):
        try:
            return date(int(worded["year"]), int(worded["month"]), int(worded["day"]))
        except ValueError:
            return None
    return None
