"""The review table of a learned profile: field, selector, agreement, a sample per article."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from crawler.learn.api_check import ApiReading
from crawler.learn.learn import Learned
from crawler.learn.verify import Verdict

_SAMPLE = 60
_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "title"),
    ("published", "published"),
    ("author_unit", "author"),
    ("body", "body"),
    ("summary", "summary"),
)


def _short(value: object) -> str:
    text = " ".join(str(value).split()) if value is not None else "-"
    return text if len(text) <= _SAMPLE else text[: _SAMPLE - 1] + "…"


def _sample(verdict: Verdict, name: str) -> str:
    article = verdict.learned
    if article is None:
        return "(not read)"
    if name == "body":
        return (
            f"{len(article.body_text)} chars, F1 {verdict.body_f1:.3f}: {_short(article.body_text)}"
        )
    return _short(getattr(article, name))


def _where(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path.rsplit("/", 1)[-1] + (f"?{parts.query}" if parts.query else ""))[-40:]


def review_lines(learned: Learned) -> list[str]:
    """What a reviewer reads before trusting the profile."""
    if learned.api:
        return _api_lines(learned)
    family = learned.family.name if learned.family else "none recognised (learned)"
    selectors = learned.document["family"]["selectors"]
    found = learned.discovery
    lines = [
        f"learned {learned.slug}: family {family}; {len(learned.verdicts)} articles read",
        f"  articles: {found.article_pattern}",
        f"  listings: {found.listing_pattern}",
        f"  pagination: {found.pagination or 'none seen'}; feeds: {len(found.feeds)}; "
        f"sitemaps: {len(found.sitemaps)}",
        *(
            [f"  CMS: {found.cms} (its markers; the registry holds no {found.cms} family)"]
            if found.cms
            else []
        ),
        f"{'field':<12} {'selector':<40} agreement",
    ]
    for name, key in _FIELDS:
        if name == "summary" and key not in selectors:
            continue
        unstated = "(the body's closing byline)" if name == "author_unit" else "(generic path)"
        chosen = ", ".join(selectors.get(key, [])) or unstated
        agreed = sum(v.agrees.get(name, True) for v in learned.verdicts)
        lines.append(f"{name:<12} {chosen:<40} {agreed}/{len(learned.verdicts)}")
        lines += [f"    {_where(v.url):<40} {_sample(v, name)}" for v in learned.verdicts]
    for name in ("drop", "category", "attachments"):
        if selectors.get(name):
            lines.append(f"{name:<12} {', '.join(selectors[name])}")
    if learned.minority:
        total = len(learned.minority) + len(learned.verdicts)
        lines.append(
            f"two templates: {len(learned.minority)} of {total} articles follow another one; "
            "left to the generic path:"
        )
        lines += [f"    {url}" for url in learned.minority]
    if learned.skipped:
        lines.append(f"not articles (the generic path found none): {len(learned.skipped)}")
    return lines


def _api_lines(learned: Learned) -> list[str]:
    """A site of script shells: the recognised API family's defaults, nothing to agree on."""
    api = learned.api
    assert api is not None
    fields = api.defaults["api"]
    lines = [
        f"learned {learned.slug}: family {api.name} (a JSON API: its scripts call "
        f"{', '.join(api.markers)}); its defaults from {api.source} apply",
        f"  articles: {learned.discovery.article_pattern}",
        f"  lists: {', '.join(s['url'] for s in api.defaults['discover'])}",
        f"  article API: {fields['url']}",
        f"{'field':<12} {'JSON path':<40} agreement",
    ]
    readings = learned.api_readings
    for name, key in (*_FIELDS[:2], ("author_unit", "author_unit"), ("body", "body_html")):
        path = fields.get(key) or "(the body's closing byline)"
        if not readings:
            lines.append(f"{name:<12} {path:<40} not checked: the capture holds no API answer")
            continue
        agreed = sum(reading.agrees[name] for reading in readings)
        if name == "author_unit":  # optional: how many answers name one
            agreed = sum(bool(r.article and r.article.author_unit) for r in readings)
            lines.append(f"{name:<12} {path:<40} {agreed}/{len(readings)} answers name one")
        else:
            lines.append(f"{name:<12} {path:<40} {agreed}/{len(readings)} answers read")
        lines += [f"    {_where(r.url):<40} {_api_sample(r, name)}" for r in readings]
    if not readings:
        lines.append(f"check it on the site: govarchive crawl {learned.slug} --max-articles 20")
    return lines


def _api_sample(reading: ApiReading, name: str) -> str:
    article = reading.article
    if article is None:
        return f"(not read: {reading.problem})"
    if name == "body":
        return f"{len(article.body_text)} chars: {_short(article.body_text)}"
    return _short(getattr(article, name))


def print_review(learned: Learned, say: Callable[[str], None] = print) -> None:
    for line in review_lines(learned):
        say(line)
