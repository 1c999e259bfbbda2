"""The interface's language (Vietnamese unless English is asked for) and dates written the
Vietnamese way: dd/mm/yyyy, times in Vietnam time with the zone named."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
# English text -> Vietnamese: the templates are written in English and translated here.
MESSAGES: dict[str, str] = tomllib.loads(
    (Path(__file__).parent / "messages.toml").read_text(encoding="utf-8")
)["vi"]


def choose(asked: str | None, cookie: str | None) -> str:
    """The language of a page: ?lang= first, then the cookie, then Vietnamese."""
    for value in (asked, cookie):
        if value in LANGUAGES:
            return value
    return DEFAULT


def translator(lang: str, messages: Mapping[str, str] = MESSAGES) -> Callable[..., str]:
    """`_("text", name=value)`: the text in `lang` (English as written), then formatted."""

    def translate(message: str, /, **values: object) -> str:
        shown = messages.get(message, message) if lang == "vi" else message
        return shown.format(**values) if values else shown

    return translate


def _moment(value: str | None) -> dt.datetime | dt.date | None:
    if not value:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def vn_date(value: str | None) -> str:
    """A publication date as dd/mm/yyyy (the date the page states, in its own zone)."""
    moment = _moment(value)
    return moment.strftime("%d/%m/%Y") if moment else (value or "")


def vn_time(value: str | None, lang: str = DEFAULT) -> str:
    """A fetch time (UTC, or naive meaning UTC) in Vietnam time, the zone named."""
    moment = _moment(value)
    if not isinstance(moment, dt.datetime):
        return vn_date(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    zone = "giờ Việt Nam, UTC+7" if lang == "vi" else "Vietnam time, UTC+7"
    return f"{moment.astimezone(VIETNAM).strftime('%d/%m/%Y %H:%M')} ({zone})"


def vn_published(value: str | None) -> str:
    """A publication date or time as the page states it: dd/mm/yyyy, with HH:MM and its
    offset when the page gives a time."""
    moment = _moment(value)
    if not isinstance(moment, dt.datetime):
        return vn_date(value)
    offset = moment.utcoffset()
    if offset is None:
        return moment.strftime("%d/%m/%Y %H:%M")
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    zone = f"UTC{hours:+d}" + (f":{minutes:02d}" if minutes else "")
    return moment.strftime("%d/%m/%Y %H:%M") + f" ({zone})"
