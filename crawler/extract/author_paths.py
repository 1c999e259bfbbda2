"""Where pages mark their author, as compiled expressions (most specific first).

After trafilatura's AUTHOR_XPATHS, written with contains() instead of regular expressions and
evaluated under one element (".//"), so that the search costs a walk of the article's region in
C rather than regular-expression tests over the whole page.
"""

from __future__ import annotations

from lxml import etree

AUTHOR_PATHS = (
    etree.XPath(
        ".//*[self::a or self::address or self::div or self::link or self::p or self::span"
        " or self::strong][@rel='author' or @id='author' or @class='author'"
        " or @itemprop='author name' or @data-testid='AuthorCard' or @data-testid='AuthorURL'"
        " or contains(@class, 'author-name') or contains(@class, 'authorname')"
        " or contains(@class, 'AuthorName') or contains(@class, 'authorName')] | .//author"
    ),
    etree.XPath(
        ".//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span]"
        "[@class='byline' or @class='username' or @class='byl' or contains(@itemprop, 'author')"
        " or contains(@id, 'author') or contains(@class, 'author')"
        " or contains(@class, 'submitted-by') or contains(@class, 'posted-by')"
        " or contains(@class, 'journalist-name')]"
    ),
    etree.XPath(
        ".//*[contains(@data-component, 'Byline') or contains(@itemprop, 'author')"
        " or contains(@id, 'Author') or contains(@class, 'Author') or contains(@class, 'writer')"
        " or contains(@class, 'byline') or contains(@class, 'Byline')]"
    ),
)
# The attributes the expressions above test, and a word one of their values must hold for any
# of them to match (lower-cased): a region without one is not searched (one walk, not three).
MARKED = etree.XPath(
    ".//@rel | .//@id | .//@class | .//@itemprop | .//@data-testid | .//@data-component"
)
MARK_WORDS = ("author", "byl", "username", "submitted-by", "posted-by", "journalist-name", "writer")
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
