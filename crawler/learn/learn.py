"""`govarchive learn`: a site profile learned from a capture, and the table to review it by."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.extract import Article, ExtractionError, extract_article
from crawler.extract.profile_path import parse_page
from crawler.extract.selectors import PageRules
from crawler.learn.align import align
from crawler.learn.api_check import ApiReading, read_api_answers
from crawler.learn.api_family import ApiFamily, api_profile, recognise_api
from crawler.learn.discover import Discovery, discover
from crawler.learn.drops import learn_drops
from crawler.learn.families import Family, recognise
from crawler.learn.induce import FIELDS, Choice, choose, choose_union
from crawler.learn.pages import LearnError, Page, read_pages
from crawler.learn.profile_file import profile_document, write_profile
from crawler.learn.verify import LearnedProfile, Verdict, verify
from crawler.manifest import read_manifest

MIN_ARTICLES = 3
# The share of articles a template must read to be the site's: below it, two templates are
# too even to choose between and learn refuses to guess.
MAJORITY = 0.6


@dataclass
class Learned:
    """What learn found: the profile document, each field's choice, and each article's check."""

    slug: str
    document: dict[str, Any]
    family: Family | None
    choices: dict[str, Choice]
    verdicts: list[Verdict]
    discovery: Discovery
    minority: list[str] = field(default_factory=list)  # articles of another template
    skipped: list[str] = field(default_factory=list)  # captured "articles" with no article
    api: ApiFamily | None = None  # the JSON-API family whose endpoints the scripts call
    api_readings: list[ApiReading] = field(default_factory=list)  # its captured answers read

    @property
    def exact(self) -> bool:
        """Whether the learned profile reads every field of every majority article as the
        generic path does."""
        agrees = [v.agrees for v in self.verdicts] + [r.agrees for r in self.api_readings]
        return all(all(fields.values()) for fields in agrees)


def _generic(pages: list[Page]) -> tuple[list[tuple[str, str, Article]], list[str]]:
    read, skipped = [], []
    for page in pages:
        if page.kind != "article" or "html" not in page.content_type:
            continue
        try:
            read.append((page.url, page.text, extract_article(page.text, page.url, generic=True)))
        except ExtractionError:
            skipped.append(page.url)
    return read, skipped


def _choices(pairs: list, family: Family | None) -> dict[str, Choice]:
    prefer = family.selectors if family else {}
    return {name: choose(name, pairs, prefer.get(name, ())) for name in FIELDS}


def learn_capture(directory: Path, slug: str, agency: str) -> Learned:
    """Learn `slug`'s profile from the capture in `directory` (nothing is written)."""
    manifest = read_manifest(directory)
    pages = read_pages(directory, manifest)
    articles, skipped = _generic(pages)
    api = recognise_api(pages) if len(articles) < MIN_ARTICLES else None
    if api is not None:
        return _learn_api(directory, manifest, slug, agency, api, skipped)
    if len(articles) < MIN_ARTICLES:
        raise LearnError(
            f"{directory}: {len(articles)} captured pages read as articles; learning needs "
            f"at least {MIN_ARTICLES} (capture more with --articles)"
        )
    pairs = []
    for url, html, generic in articles:
        tree = parse_page(html)
        pairs.append((tree, align(tree, url, generic)))
    family = recognise(pairs)
    choices = _choices(pairs, family)
    minority: list[str] = []
    body = choices["body"]
    if not body.unanimous:
        if body.selector is None or body.agreed < MAJORITY * body.pages:
            raise LearnError(
                f"no body selector reads most captured articles (best: {body.agreed} of "
                f"{body.pages}); the pages follow no one template the capture shows"
            )
        minority = [url for url, _, _ in articles if url not in body.covered]
        pairs = [pair for pair in pairs if pair[1].url in body.covered]
        articles = [item for item in articles if item[0] in body.covered]
        choices = _choices(pairs, family)
    profile, verdicts = _profile(slug, agency, choices, family, articles, pairs)
    discovery = discover(pages, manifest["base_url"], [url for url, _, _ in articles] + minority)
    document = _document(directory, manifest, profile, family, discovery, len(articles))
    return Learned(slug, document, family, choices, verdicts, discovery, minority, skipped)


def _learn_api(
    directory: Path,
    manifest: dict[str, Any],
    slug: str,
    agency: str,
    api: ApiFamily,
    skipped: list[str],
) -> Learned:
    """A site whose pages are script shells over a known family's API: its defaults apply."""
    defaults = api.defaults
    discovery = Discovery(
        defaults.get("article_pattern", "x^"), defaults.get("listing_pattern", "x^"), "json_api"
    )
    empty = LearnedProfile(slug, agency, PageRules.from_mapping({}))
    base = _document(directory, manifest, empty, None, discovery, 0)
    seen = (
        f"the pages of {manifest['base_url']} captured {manifest.get('captured_at', '?')} "
        "link no article (script shells)"
    )
    readings = read_api_answers(directory, manifest, api, slug, agency)
    if readings:
        seen += f"; its JSON paths read {len(readings)} captured article API answers"
    document = api_profile(api, base, seen)
    learned = Learned(slug, document, None, {}, [], discovery, skipped=skipped, api=api)
    learned.api_readings = readings
    return learned


def _profile(
    slug: str,
    agency: str,
    choices: dict[str, Choice],
    family: Family | None,
    articles: list[tuple[str, str, Article]],
    pairs: list,
) -> tuple[LearnedProfile, list[Verdict]]:
    """The rules of the unanimous choices, byline selectors only where the body alone does
    not give the author unit (and only if they read it right on more articles), and the drop
    selectors that make the body the generic one."""
    selectors = {
        name: [choice.selector]
        for name, choice in choices.items()
        if choice.unanimous and choice.selector and name != "author"
    }
    if family:  # the family's defaults for what a capture cannot check
        for name in ("category", "attachments", "tags"):
            if family.selectors.get(name):
                selectors[name] = list(family.selectors[name])
    profile = LearnedProfile(slug, agency, PageRules.from_mapping(selectors))
    verdicts = verify(articles, profile)
    if not all(v.agrees["author_unit"] for v in verdicts):
        prefer = family.selectors.get("author", ()) if family else ()
        byline, _, _ = choose_union("author", pairs, prefer)
        # The element holds the unit itself (an issuer's cell) or a byline naming it.
        for key in ("author_unit", "author"):
            rules = dataclasses.replace(profile.rules, **{key: tuple(byline)})
            trial = dataclasses.replace(profile, rules=rules)
            tried = verify(articles, trial)
            if _authors(tried) > _authors(verdicts):
                profile, verdicts = trial, tried
    drops = family.selectors.get("drop", ()) if family else ()
    return learn_drops(articles, profile, verdicts, drops)


def _authors(verdicts: list[Verdict]) -> int:
    return sum(v.agrees["author_unit"] for v in verdicts)


def _document(
    directory: Path,
    manifest: dict[str, Any],
    profile: LearnedProfile,
    family: Family | None,
    discovery: Discovery,
    read: int,
) -> dict[str, Any]:
    rules = dataclasses.asdict(profile.rules)
    selectors = {name: list(values) for name, values in rules.items() if values}
    discover_spec: list[dict[str, Any]] = [{"kind": "links"}]
    if discovery.postback:  # the grid's further pages exist only as form POSTs
        discover_spec.append({"kind": "postback", "start": discovery.postback[:3]})
    discover_spec += [{"kind": "feed", "start": [url]} for url in discovery.feeds[:3]]
    discover_spec += [{"kind": "sitemap", "start": [url]} for url in discovery.sitemaps[:3]]
    shows = (
        f"{read} articles and {len(discovery.listings)} listing pages of {manifest['base_url']} "
        f"captured {manifest.get('captured_at', '?')}; selectors kept where they read every "
        "article as the generic path does"
    )
    if discovery.cms:
        shows += f"; its pages carry {discovery.cms}'s markers"
    return profile_document(
        slug=profile.slug,
        agency=profile.agency,
        family=family.name if family else "learned",
        base_url=manifest["base_url"],
        replica_url=manifest.get("replica_url"),
        capture=directory,
        selectors=selectors,
        settings=dict(family.settings) if family else {},
        article_pattern=discovery.article_pattern,
        listing_pattern=discovery.listing_pattern,
        discover=discover_spec,
        shows=shows,
    )


def save(learned: Learned, path: Path) -> None:
    write_profile(learned.document, path)
