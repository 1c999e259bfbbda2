"""The publication date of a generic-path page, and which source gave it.

Order (issue 13): on a Vietnamese page the date printed near the title (never an event date
from the text, never a header clock); then the page's structured data (JSON-LD, meta tags,
itemprop); then htmldate's extensive search. The page's own UTC offset is kept.
"""

from __future__ import annotations

import contextlib
import re
from copy import deepcopy
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any, TypeGuard

import lxml.html
from htmldate import core as hd
from htmldate import extractors as hx
from lxml import etree

from crawler.extract.dates import parse_vn_datetime

# A header line that dates the article is short: "Cập nhật lúc 10:20, Thứ Tư, 10/11/2021".
# A longer line holding a date is a sentence (a sapo's "Ngày 12/3/2026, UBND tỉnh …").
_HEADER_MAX_WORDS = 15
_EARLIEST_YEAR = 1995  # no web page was published before this
# UTC hours whose local day is another one in most of the inhabited world: before 03:00 it
# is still the previous evening from Brazil to California, from 21:00 on it is the next morning
# from Moscow to Tokyo.
_LATE_EVENING, _EARLY_MORNING = 21, 3
# A full date as a path segment: /2019/01/01/, /2017/7/12/, /2020-02-24/ (blogs, news sites).
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
# A line that starts with a day-first date, after at most one word: a label ("Datum:",
# "Stand:"), a weekday ("Mittwoch,") or a preposition ("am"). Dots are day-first everywhere.
_DATELINE = re.compile(
    r"^(?:[^\W\d]+[:,]?\s+)?(?P<day>\d{1,2})(?P<separator>[./-])\d{1,2}(?P=separator)\d{4}"
)
# A dateline a year or more away from the page's structured date dates something else (a
# product's release, an event).
_DATELINE_MAX_DAYS = 366
# A UTC time on the hour in the evening, to the second, is a day stored as midnight of a zone
# east of Greenwich (a CMS's date-only field converted to UTC): the day is the next one.
_LOCAL_MIDNIGHT_HOURS = range(20, 24)
# A run of three or more characters that are no digit, as its first and last (_search_page).
_NON_DIGIT_RUN = re.compile(r"(\D)\D+(\D)")
# Where a date written with a month name ends (hx.LONG_TEXT_PATTERN): a space and a year.
_SPACED_YEAR = re.compile(" " + hx.YEAR_RE)
_LETTER = re.compile(r"[^\W\d_]")  # the expression's letters (its month names)
_NAME_BEFORE_YEAR = 16  # the month name ends this close before the space of its year, at most
_DAY_BEFORE_NAME = 8  # "12th of " before a month name, at most


def url_date(url: str) -> date | None:
    """The date a URL's path states: fixed when the page is published, in the site's own
    calendar (structured data often give UTC, a day off, or the last update instead)."""
    if not (match := _URL_DATE.search(url)):
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _plausible(value: date | datetime | None) -> TypeGuard[date | datetime]:
    return value is not None and _day(value).year >= _EARLIEST_YEAR


def _dated_line(
    before: list[str], after: list[str], title: str | None
) -> tuple[str, date | datetime] | None:
    """The line printed with the title that holds a date, and that date: the first short dated
    line under it, else the nearest one above it. A clock in the page header (today's date)
    stands further up than the article's own date, so the nearest wins."""
    for lines in (after, before[::-1]):
        for text in lines:
            if text == title or len(text.split()) > _HEADER_MAX_WORDS:
                continue
            found = parse_vn_datetime(text)
            if _plausible(found):
                return text, found
    return None


def header_date(before: list[str], after: list[str], title: str | None) -> date | datetime | None:
    """The date printed with the title (see _dated_line)."""
    found = _dated_line(before, after, title)
    return found[1] if found else None


def dateline(before: list[str], after: list[str], title: str | None) -> date | None:
    """The day of the date printed with the title when its line starts with it ("12.01.2022",
    "Datum: 18.10.2021", "Mittwoch, 26.01.2022 - 14:30") and no locale reads it month-first.

    A date inside a line ("Foto: …, 15.01.2022", "Aktualisiert am …", "Umfrage … 12.07.2022")
    is about something else. The time is left out: the page does not say its zone.
    """
    found = _dated_line(before, after, title)
    if found is None or not (match := _DATELINE.match(found[0])):
        return None
    if match["separator"] != "." and int(match["day"]) <= 12:
        return None  # 11/01/2021: the 11th of January or November the 1st
    return _day(found[1])


def _same_day(a: date | datetime, b: date | datetime) -> bool:
    return _day(a) == _day(b)


def find_published(
    metadata: dict[str, Any],
    header: date | datetime | None,
    vietnamese: bool,
    original: etree._Element,
    url: str,
    shown: date | None = None,
    *,
    edit: bool = False,
) -> tuple[date | datetime | None, str | None]:
    """(published, source). `metadata` is structured.page_metadata's, `header` the date near
    the title, `shown` its day when it stands as the title's dateline, `original` the page's
    tree before the clean-up, for htmldate (which edits it if `edit`: no one reads it after)."""
    stated = metadata.get("published")
    source = metadata.get("published_source")
    if not _plausible(stated):
        stated, source = None, None
    if vietnamese and header is not None:
        # The visible date wins over structured data naming another day (a CMS's import or
        # update time); structured data naming the same day keep their time.
        same = stated is not None and _same_day(stated, header)
        if not same or (isinstance(header, datetime) and not isinstance(stated, datetime)):
            return header, "header"
    in_url = url_date(url)
    if in_url is not None:
        if stated is None or not _same_day(stated, in_url):
            return in_url, "url"
        shown = None  # the URL names the structured data's day: two sources agree
    if stated is not None and _local_midnight(stated):
        return _day(stated) + timedelta(days=1), source
    if shown is not None and (stated is None or _another_day_near(stated, shown)):
        # The dateline the reader sees beside the title: structured data naming another day
        # are an update or import time, htmldate's guesses read the same page less closely.
        return shown, "header"
    if stated is not None and _utc_near_midnight(stated):
        # The day of a UTC time differs from the page's own day for pages far from Greenwich:
        # the dates the page's markup shows (htmldate's search) settle which day it is.
        found = _htmldate(original, url, edit=edit)
        if found is not None and abs((found - _day(stated)).days) == 1:
            return found, "htmldate"
    if stated is not None:
        return stated, source
    # htmldate's markup search first, its search of the whole text only when the markup
    # states nothing (that search costs five times as much). On a Vietnamese page a date the
    # rules above did not find near the title stands in the text (an event's): markup only.
    found = _htmldate(original, url, text_search=not vietnamese, edit=edit)
    if _plausible(found):
        return found, "htmldate"
    if header is not None:
        # A day-first date under the title on a page in another language: better than none.
        return header, "header"
    return None, None


def _another_day_near(stated: date | datetime, shown: date) -> bool:
    return 0 < abs((_day(stated) - shown).days) <= _DATELINE_MAX_DAYS


def _local_midnight(value: date | datetime) -> bool:
    """A UTC time that is midnight of a zone east of Greenwich (see _LOCAL_MIDNIGHT_HOURS)."""
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return False
    exact = value.minute == value.second == value.microsecond == 0
    return exact and value.hour in _LOCAL_MIDNIGHT_HOURS


def _utc_near_midnight(value: date | datetime) -> bool:
    """A UTC time whose calendar day is likely another one where the page was written."""
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        return False
    return value.hour < _EARLY_MORNING or value.hour >= _LATE_EVENING


def _htmldate(
    tree: etree._Element, url: str, *, text_search: bool = False, edit: bool = False
) -> date | None:
    """htmldate's markup search, then, if it finds nothing and `text_search`, its search of the
    whole text; `edit`: `tree` is read by no one after (htmldate may clean it, not a copy)."""
    try:
        found = _find_date(tree, url, text_search, edit)
    except (ValueError, TypeError):
        return None
    return date.fromisoformat(found) if found else None


def _find_date(tree: etree._Element, url: str, text_search: bool, edit: bool) -> str | None:
    """What `htmldate.find_date(tree, url=url, extensive_search=False, original_date=True)`
    returns, and when that is None and `text_search`, what the same call with
    `extensive_search=True` returns: htmldate 1.11's steps (htmldate.core), with the page's
    clean-up and serialization made once for both, the steps that read no option not asked
    twice, and no copy of a tree that `edit` gives away (the text search's steps on the page
    before its clean-up read copies of its <meta> and <abbr> elements instead)."""
    markup = _htmldate_options(extensive=False)
    if found := hd.extract_url_date(url, markup) or _head_steps(tree, markup, json=True):
        return found
    head = _head_view(tree) if edit and text_search else tree
    search_tree = tree if edit else deepcopy(tree)
    with contextlib.suppress(ValueError):  # lxml's cleaner (htmldate keeps the tree as it is)
        hd.discard_unwanted(hd.clean_html(search_tree, hd.CLEANING_LIST))
    if found := _element_steps(search_tree, markup):
        return found
    html = hd.serialize(search_tree)
    found = (
        hd.pattern_search(html, hd.TIMESTAMP_PATTERN, markup)
        or hd.img_search(search_tree, markup)
        or hd.idiosyncrasies_search(html, markup)
    )
    if found:
        return found
    loose = search_tree
    if text_search and next(search_tree.iter("script", "style"), None) is not None:
        loose = deepcopy(search_tree)  # the text search below reads the scripts' text
    hd.clean_html(loose, ["script", "style"])
    found = hd.pattern_search(" ".join(loose.itertext()), hd.TIMESTAMP_LOOSE_PATTERN, markup)
    if found or not text_search:
        return found
    # extensive_search=True: the steps whose date parser reads the option again (the URL,
    # JSON-LD, serialized-markup and image steps found nothing above and would find the same).
    text = _htmldate_options(extensive=True)
    if found := _head_steps(head, text, json=False) or _element_steps(search_tree, text):
        return found
    reference = None
    for segment in hd.FREE_TEXT_EXPRESSIONS(search_tree):
        segment = segment.strip()
        if hd.MIN_SEGMENT_LEN < len(segment) < hd.MAX_SEGMENT_LEN:
            reference = hd.compare_reference(reference, segment, text)
    return hd.check_extracted_reference(reference, text) or _search_page(html, text)


def _search_page(html: str, options: hd.Extractor) -> str | None:
    """What `hd.search_page(html, options)` returns (htmldate 1.11), its expressions made of
    digits and single separators run over `digits`: `html` with every run of three or more
    characters that are no digit cut to its first and last (an eighth of a page's length).

    Such an expression matches no two non-digits in a row and begins with a non-digit followed
    by a digit or with a digit: a match holds no middle character of a run, starts at none,
    and ends where it ends in `html`, so both texts give the same matches in the same order.
    The expressions that read words (the copyright notice, month names, "w3.org") read `html`.
    Those ten expressions over the page cost ≈ 12 ms on each page that reaches this step.
    """
    copyear = 0
    notice = hd.search_pattern(
        html, hd.COPYRIGHT_PATTERN, hd.YEAR_PATTERN, hd.YEAR_PATTERN, options
    )
    if notice is not None:
        year = int(notice[1])
        valid = hd.is_valid_date(
            datetime(year, 1, 1), "%Y", earliest=options.min, latest=options.max
        )
        copyear = year if valid else 0
    digits = _NON_DIGIT_RUN.sub(r"\1\2", html)
    for pattern in hd.THREE_COMP_PATTERNS:
        found = hd._search_and_filter(digits, pattern, hd.THREE_LOOSE_CATCH, copyear, options)
        if found is not None:
            return found
    ymd = partial(hd.normalize_match, hd.THREE_COMP_REGEX_A)
    found = hd.search_normalized(
        digits, hd.SELECT_YMD_PATTERN, hd.SELECT_YMD_YEAR, ymd, copyear, options
    )
    if found is not None:
        return found
    catch = hd.DATESTRINGS_CATCH
    found = hd._search_and_filter(digits, hd.DATESTRINGS_PATTERN, catch, copyear, options)
    if found is not None:
        return found
    dmy = partial(hd.normalize_match, hd.THREE_COMP_REGEX_B)
    found = hd.search_normalized(digits, hd.SLASHES_PATTERN, hd.SLASHES_YEAR, dmy, copyear, options)
    if found is not None:
        return found
    month = hd.search_pattern(digits, hd.YYYYMM_PATTERN, hd.YYYYMM_CATCH, hd.YEAR_PATTERN, options)
    if month is not None:
        first = datetime(int(month[1]), int(month[2]), 1)
        if (found := hd._finalize_candidate(first, copyear, options)) is not None:
            return found
    found = hd.search_normalized(
        digits, hd.MMYYYY_PATTERN, hd.SELECT_YMD_YEAR, hd.normalize_two_comp, copyear, options
    )
    if found is not None:
        return found
    if (found := hd._finalize_candidate(_regex_parse(html), copyear, options)) is not None:
        return found
    if copyear != 0:
        return datetime(copyear, 1, 1).strftime(options.format)
    alone = hd.search_pattern(html, hd.SIMPLE_PATTERN, hd.YEAR_PATTERN, hd.YEAR_PATTERN, options)
    if alone is not None:
        return hd._finalize_candidate(datetime(int(alone[1]), 1, 1), copyear, options)
    return None


def _regex_parse(text: str) -> datetime | None:
    """What `hx.regex_parse(text)` returns (htmldate 1.11), its expression searched only
    before each space and year of `text` (a few a page) instead of at each of its characters.

    A match ends with its year, after a space, and holds no other space followed by a year:
    its day and month stand before it, so a match ending at a later year starts later, and
    the one ending at a year starts at the first letter of its month name (a run of letters
    ending a few characters before the year) or a few characters before that ("12th of ").
    The searches take up from where the last one left off, as regex_parse's loop does.
    """
    pos = 0
    for year in _SPACED_YEAR.finditer(text):
        start = max(0, year.start() - _NAME_BEFORE_YEAR)
        while start > 0 and _LETTER.match(text, start) and _LETTER.match(text, start - 1):
            start -= 1  # to the first letter of a month name that begins further back
        start = max(pos, start - _DAY_BEFORE_NAME)
        while match := hx.LONG_TEXT_PATTERN.search(text, start, year.end()):
            word = hx._fold_month_name(match["month"] or match["month2"])
            if match["month"]:  # regex_parse's reading of a month name glued to a word
                word = word[-12:]
                suffixes = (word[i:] for i in range(len(word) - 2))
                word = next((tail for tail in suffixes if tail in hx.MONTH_NUMBERS), word)
            month = hx.MONTH_NUMBERS.get(word)
            if month is None:
                pos = start = match.start() + 1
                continue
            day, year_number = (
                int(match["day"] or match["day2"]),
                int(match["year"] or match["year2"]),
            )
            try:
                return hx._build_dmy(day, month, year_number)
            except ValueError:
                pos = start = match.end()
    return None


def _htmldate_options(*, extensive: bool) -> hd.Extractor:
    return hd.Extractor(extensive, hd.get_max_date(None), hd.get_min_date(None), True, "%Y-%m-%d")


def _head_steps(tree: etree._Element, options: hd.Extractor, *, json: bool) -> str | None:
    """find_date's steps on the page before its clean-up: meta tags, JSON-LD, <abbr>."""
    found = hd.examine_header(tree, options) or (hd.json_search(tree, options) if json else None)
    return found or hd.examine_abbr_elements(tree, options)


def _head_view(tree: etree._Element) -> etree._Element:
    """Copies of the page's <meta> and <abbr> elements (an <abbr> with what it holds), in
    document order, under one element: all that _head_steps without JSON-LD reads, kept from
    the clean-up of the page's tree at a fraction of a copy of the whole page."""
    view = lxml.html.Element("div")
    for element in tree.iter("meta", "abbr"):
        if next(element.iterancestors("abbr"), None) is None:  # else in its <abbr>'s copy
            view.append(deepcopy(element))
    return view


def _element_steps(search_tree: etree._Element, options: hd.Extractor) -> str | None:
    """find_date's steps on the cleaned page's elements: date-like ones, title, <time>."""
    return (
        hd.examine_elements(hd.date_candidates(search_tree, options.extensive), options)
        or hd.examine_elements(search_tree.xpath(".//title|.//h1"), options)
        or hd.examine_time_elements(search_tree, options)
    )
