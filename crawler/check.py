"""`govarchive check SITE`: a probe of the site now, on the crawl's own download path, judged.

For an operator with internet access to see within a minute whether a real profile still
matches its site: each source's first listing page and the page after it, then three
articles, every step named with its URL, every field with the path that read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crawler.probe import ProbeReport, run_probe
from crawler.promises import field_lines, missing_everywhere
from crawler.sites import SiteProfile

CHECK_ARTICLES = 3


@dataclass
class CheckResult:
    ok: bool
    lines: list[str]


def report_lines(report: ProbeReport, profile: SiteProfile) -> tuple[list[str], list[str]]:
    """A probe's steps as lines, and the problems that make it fail (empty: the profile fits)."""
    lines, problems = [], []
    robots = {fetch["url"]: fetch for fetch in report.fetches if fetch.get("kind") == "robots"}
    for url, fetch in robots.items():  # the last attempt of each
        outcome = fetch.get("error") or f"HTTP {fetch.get('status')}"
        lines.append(f"robots.txt: {url} — {outcome}")
    sources_with_links = set()
    empty_days = 0
    # Each source's pages together, in the order the probe read them: the probe reads sources
    # side by side, and a run of empty days is one source's.
    for step in sorted(report.listings, key=lambda step: step.source):
        if step.day is not None and not step.article_links and not step.problem:
            empty_days += 1
            if empty_days > 1:
                continue  # one line for a run of days without articles
        elif empty_days > 1:
            lines.append(f"    ({empty_days - 1} more day pages without articles before this)")
            empty_days = 0
        else:
            empty_days = 0
        stage = f"listing [{step.kind} #{step.source + 1}] page {step.depth}"
        if step.depth == 0:
            stage = f"categories [{step.kind} #{step.source + 1}]"
        if step.problem:
            lines.append(f"{stage}: {step.url} — FAILED: {step.problem}")
            problems.append(f"{stage}: {step.url}: {step.problem}")
            continue
        if step.depth == 0:
            lines.append(f"{stage}: {step.url} — {len(step.next_pages)} category lists")
            continue
        pages = f", {len(step.next_pages)} further listing pages" if step.next_pages else ""
        lines.append(f"{stage}: {step.url} — {step.article_links} article links{pages}")
        for page in step.next_pages[:3]:
            lines.append(f"    next: {page}")
        if step.article_links:
            sources_with_links.add(step.source)
        elif not step.next_pages:
            # A source none of whose pages leads anywhere fails below.
            lines.append("    (no article links and no further pages)")
    for index, source in enumerate(profile.sources):
        steps = [step for step in report.listings if step.source == index]
        failed = any(step.problem for step in steps)
        if steps and not failed and index not in sources_with_links:
            problems.append(f"source #{index + 1} ({source.kind}): no article links found")
    for number, visit in enumerate(report.articles, 1):
        stage = f"article {number}"
        fetched = f" (from {visit.fetched_url})" if visit.fetched_url != visit.url else ""
        if visit.article is None:
            reason = visit.problem or "no article read"
            lines.append(f"{stage}: {visit.url}{fetched} — FAILED: {reason}")
            problems.append(f"{stage}: {visit.url}: {reason}")
            continue
        lines.append(
            f"{stage}: {visit.url}{fetched} — read by the {visit.article.extraction_path} path"
        )
        shown, broken = field_lines(visit.article, profile)
        if visit.article.extraction_path == "generic" and (profile.rules.body or profile.api):
            broken.insert(0, "read by the generic path: the profile's selectors found no body")
        lines += shown
        problems += [f"{stage}: {visit.url}: {problem}" for problem in broken]
    read = [step.article for step in report.articles if step.article is not None]
    problems += missing_everywhere(read, profile)
    if not report.articles and not problems:
        problems.append("no article fetched: no listing page led to one")
    return lines, problems


def judge(report: ProbeReport, profile: SiteProfile, say: Callable[[str], None]) -> CheckResult:
    """Say every step of the probe, then the verdict."""
    lines, problems = report_lines(report, profile)
    if problems:
        lines.append(f"FAILED: {len(problems)} problem{'s' if len(problems) > 1 else ''}")
        lines += [f"  - {problem}" for problem in problems]
    else:
        lines.append(f"OK: the {profile.slug} profile fits the site")
    for line in lines:
        say(line)
    return CheckResult(not problems, lines)


def check_site(
    profile: SiteProfile,
    replica_url: str | None = None,
    say: Callable[[str], None] = print,
    log_level: str | None = None,
) -> CheckResult:
    """Probe `profile`'s site (blocks; once per process: Twisted's reactor) and judge it."""
    report = run_probe(
        profile.slug, replica_url, pages=2, articles=CHECK_ARTICLES, log_level=log_level
    )
    return judge(report, profile, say)
