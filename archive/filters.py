"""What a search is narrowed to: facet values and a range of publication dates, read from a
request's arguments with a message for the person when a date cannot be used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archive.query import QueryError

FACETS = ("agency", "family", "category", "year", "month", "author_unit")
BAD_START = "The start date «{text}» is not a date: write it as yyyy-mm-dd, e.g. 2021-11-10."
BAD_END = "The end date «{text}» is not a date: write it as yyyy-mm-dd, e.g. 2021-11-10."


@dataclass(frozen=True)
class Filters:
    """Facet selections (column -> accepted values) and a range of publication dates."""

    values: Mapping[str, Sequence[str]] = field(default_factory=dict)
    published_from: dt.date | None = None
    published_to: dt.date | None = None

    @property
    def active(self) -> bool:
        return bool(self.values or self.published_from or self.published_to)

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause on `articles` (alias a) and its parameters; "" when unfiltered."""
        clauses, params = [], []
        for column, values in self.values.items():
            if column not in FACETS or not values:
                continue
            clauses.append(f"a.[{column}] IN ({', '.join('?' for _ in values)})")
            params += [int(v) if column == "year" and str(v).isdigit() else v for v in values]
        if self.published_from:
            clauses.append("a.published >= ?")
            params.append(self.published_from.isoformat())
        if self.published_to:
            # "2021-11-10T08:00:00+07:00" sorts before "2021-11-11", the day after the range.
            clauses.append("a.published < ?")
            params.append((self.published_to + dt.timedelta(days=1)).isoformat())
        return " AND ".join(clauses), params


def _date(text: str, template: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise QueryError(template, help=False, text=text) from None


def parse_filters(args: Mapping[str, Sequence[str]]) -> Filters:
    """Filters from request arguments (column -> values, "from", "to"); QueryError when a
    date is not one or the range ends before it starts."""
    values = {column: list(args.get(column) or []) for column in FACETS}
    start, end = (list(args.get(key) or [""])[-1] for key in ("from", "to"))
    filters = Filters(
        values={column: chosen for column, chosen in values.items() if chosen},
        published_from=_date(start, BAD_START) if start.strip() else None,
        published_to=_date(end, BAD_END) if end.strip() else None,
    )
    start_day, end_day = filters.published_from, filters.published_to
    if start_day and end_day and start_day > end_day:
        raise QueryError(
            "The date range ends ({end}) before it starts ({start}): swap the two dates.",
            help=False,
            end=f"{end_day:%d/%m/%Y}",
            start=f"{start_day:%d/%m/%Y}",
        )
    return filters
