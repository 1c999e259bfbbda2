"""What a profile promises of its articles; each field shown with the path that read it."""

from __future__ import annotations

from dataclasses import dataclass

from crawler.extract import Article
from crawler.extract.article import GENERIC_FILLED
from crawler.sites import SiteProfile

# Fields shown for an article: (field, the PageRules / API key naming where it is).
SHOWN = (
    ("title", "title"),
    ("published", "published"),
    ("author", "author"),
    ("author_unit", "author_unit"),
    ("summary", "summary"),
    ("category", "category"),
    ("body_text", "body"),
    ("tags", "tags"),
    ("attachments", "attachments"),
    ("images", None),
)
# What a profile promises when it states where a field is. Title, date and body: found on every
# article. A byline or a sapo: found on some (many articles have neither), so a selector that
# finds one on none of the articles read is what breaks the promise. Category, tags and
# attachments are stated where a page may have them, so they promise nothing.
PROMISABLE = ("title", "published", "author", "author_unit", "summary", "body")
ON_SOME_ARTICLES = ("author", "author_unit", "summary")
_API_KEYS = {"body": "body_html"}


@dataclass(frozen=True, slots=True)
class FieldReading:
    """One field of one article: its value, the path that read it, and a broken promise."""

    name: str
    value: object
    path: str  # profile, api, generic, or byline (the shared closing-byline rule)
    problem: str | None = None


def stated(profile: SiteProfile) -> dict[str, str]:
    """The fields the profile says where to find (rule name -> its first selector or key)."""
    found: dict[str, str] = {}
    for _, rule in SHOWN:
        if rule is None:
            continue
        if selectors := getattr(profile.rules, rule):
            found[rule] = selectors[0]
        elif key := profile.api.get(_API_KEYS.get(rule, rule)):
            found[rule] = str(key)
    return found


def read_fields(article: Article, profile: SiteProfile) -> list[FieldReading]:
    """Every shown field of `article`, with a problem where the profile's promise broke:
    a promised field missing, or read by the generic path instead of the profile's."""
    promises = stated(profile)
    values = {name: getattr(article, name) for name, _ in SHOWN}
    # A site that states an author or an author unit promises someone signed the article;
    # which of the two the byline names varies from article to article.
    signed = bool(values["author"] or values["author_unit"])
    # Fields the profile places nowhere, filled in by the generic path (a warning names them).
    filled = {
        field.strip()
        for warning in article.warnings
        if warning.startswith(GENERIC_FILLED)
        for field in warning[len(GENERIC_FILLED) :].split(",")
    }
    readings = []
    for name, rule in SHOWN:
        value = values[name]
        path = "generic" if name in filled else article.extraction_path
        if (
            path != "generic"
            and value
            and rule in ("author", "author_unit")
            and rule not in promises
        ):
            path = "byline"
        problem = None
        if rule in PROMISABLE and rule in promises:
            where = f"{'key' if path == 'api' else 'selector'} {promises[rule]!r}"
            present = signed if rule in ("author", "author_unit") else bool(value)
            if not present and rule not in ON_SOME_ARTICLES:
                problem = f"missing (the profile promises it: {where})"
            elif path == "generic":
                problem = f"read by the generic path, not the profile's {where}"
        readings.append(FieldReading(name, value, path, problem))
    return readings


def missing_everywhere(articles: list[Article], profile: SiteProfile) -> list[str]:
    """Bylines and sapos the profile places that none of `articles` has: a broken promise."""
    if not articles:
        return []
    promises = stated(profile)
    problems = []
    signers = [rule for rule in ("author", "author_unit") if rule in promises]
    if signers and not any(a.author or a.author_unit for a in articles):
        where = " / ".join(repr(promises[rule]) for rule in signers)
        problems.append(f"no byline on any of {len(articles)} articles read (placed by {where})")
    if "summary" in promises and not any(a.summary for a in articles):
        where = repr(promises["summary"])
        problems.append(f"no summary on any of {len(articles)} articles read (placed by {where})")
    return problems


def shown_value(value: object) -> str:
    """A field's value on one line: text cut at 80 characters, lists counted."""
    if isinstance(value, list | tuple):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if value is None or value == "":
        return "—"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = " ".join(str(value).split())
    return repr(text if len(text) <= 80 else text[:77] + "...")


def field_lines(article: Article, profile: SiteProfile) -> tuple[list[str], list[str]]:
    """Lines showing each field with its path, and the broken promises (empty: all kept)."""
    lines, problems = [], []
    for reading in read_fields(article, profile):
        mark = "!!" if reading.problem else ("ok" if reading.value else "--")
        line = f"    {mark} {reading.name} [{reading.path}]: {shown_value(reading.value)}"
        if reading.problem:
            line += f"  <- {reading.problem}"
            problems.append(f"{reading.name} {reading.problem}")
        lines.append(line)
    for warning in article.warnings:
        lines.append(f"    warning: {warning}")
    return lines, problems
