"""Where pages mark their author, as compiled expressions (most specific first).

After trafilatura's AUTHOR_XPATHS, written with contains() instead of regular expressions. Each
is a test of one element (AUTHOR_TESTS): the search tests only the elements of the article's
region whose class/id/rel/itemprop/data-* values hold an author word (MARKED, MARK_WORDS), which
every element the tests accept has, instead of a walk of the whole region per expression.
"""

from __future__ import annotations

import re

from lxml import etree

_AUTHOR_TESTS = (
    "self::*[self::a or self::address or self::div or self::link or self::p or self::span"
    " or self::strong][@rel='author' or @id='author' or @class='author'"
    " or @itemprop='author name' or @data-testid='AuthorCard' or @data-testid='AuthorURL'"
    " or contains(@class, 'author-name') or contains(@class, 'authorname')"
    " or contains(@class, 'AuthorName') or contains(@class, 'authorName')] | self::author",
    "self::*[self::a or self::div or self::h3 or self::h4 or self::p or self::span]"
    "[@class='byline' or @class='username' or @class='byl' or contains(@itemprop, 'author')"
    " or contains(@id, 'author') or contains(@class, 'author')"
    " or contains(@class, 'submitted-by') or contains(@class, 'posted-by')"
    " or contains(@class, 'journalist-name')]",
    "self::*[contains(@data-component, 'Byline') or contains(@itemprop, 'author')"
    " or contains(@id, 'Author') or contains(@class, 'Author') or contains(@class, 'writer')"
    " or contains(@class, 'byline') or contains(@class, 'Byline')]",
)
AUTHOR_TESTS = tuple(etree.XPath(test) for test in _AUTHOR_TESTS)
# The attributes the tests above read, under an element, and a word one of the values must hold
# (lower-cased) for its element to pass any of them but the <author> tag. Each value knows its
# element. (One step per attribute: a third faster than ".//@rel | …", which also visits text.)
MARKED = etree.XPath(
    "descendant::*/@rel | descendant::*/@id | descendant::*/@class | descendant::*/@itemprop"
    " | descendant::*/@data-testid | descendant::*/@data-component"
)
MARK_WORDS = ("author", "byl", "username", "submitted-by", "posted-by", "journalist-name", "writer")
_MARK_WORD = re.compile("|".join(map(re.escape, MARK_WORDS)))  # one search, not seven `in` tests
# Containers whose names are no byline of the article: comments, sidebars, quotes, dates.
NOT_AUTHOR = etree.XPath(
    "ancestor-or-self::*[@id='comments' or @class='comments' or @class='title'"
    " or @class='date' or starts-with(@id, 'comments') or contains(@id, 'comment-list')"
    " or contains(@id, 'commentlist') or starts-with(@class, 'comments')"
    " or starts-with(@class, 'Comments') or contains(@class, 'commentlist')"
    " or contains(@class, 'comments-list') or contains(@class, 'sidebar')"
    " or contains(@class, 'quote') or contains(@class, 'meta-date')] | ancestor-or-self::time"
    " | ancestor-or-self::figure"
)


def marked_elements(region: etree._Element) -> list[etree._Element]:
    """The elements under `region`, in document order, that one of AUTHOR_TESTS may accept."""
    marked = dict.fromkeys(
        value.getparent() for value in MARKED(region) if _MARK_WORD.search(value.lower())
    )
    if region.find(".//author") is None:
        return list(marked)
    return [
        element
        for element in region.iterdescendants()
        if element in marked or element.tag == "author"
    ]
