"""`govarchive check`: a probe on the crawl's download path, judged step by step (replicas)."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import re
import subprocess
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler.check import judge, report_lines
from crawler.extract import extract_article
from crawler.probe import ArticleStep, ListingStep, ProbeReport
from crawler.sites import get_site, load_sites
from replica.site import SiteConfig
from tests.helpers import FAMILY_TWINS, fetch, read_truth, run_govarchive

TWINS = sorted(slug for slug, site in load_sites().items() if site.twin_of)
_ARTICLE = re.compile(r"^article \d+: (\S+)(?: \(from \S+\))? — read by the (\w+) path$")
_FIELD = re.compile(r"^    (ok|--|!!) (\w+) \[(\w+)\]: (.*?)(?:  <- (.*))?$")


@pytest.fixture(scope="module")
def twins_replica(replica):
    return replica


@pytest.fixture(scope="module")
def checked(twins_replica) -> Iterator[Callable[[str], subprocess.CompletedProcess[str]]]:
    """`govarchive check SLUG` on the twins, run once per slug for the whole module (the
    family, every-twin and list-API tests read the same runs). All are started at once, a few
    side by side: a check mostly waits on the replica's answers."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        runs = {slug: pool.submit(_check, slug, twins_replica.url) for slug in TWINS}

        def check(slug: str) -> subprocess.CompletedProcess[str]:
            if slug not in runs:
                runs[slug] = pool.submit(_check, slug, twins_replica.url)
            return runs[slug].result()

        yield check
        for run in runs.values():
            run.cancel()


def _check(slug: str, replica_url: str) -> subprocess.CompletedProcess[str]:
    return run_govarchive("check", slug, "--replica-url", replica_url)


def _articles(output: str) -> dict[str, dict[str, tuple[str, str, str | None]]]:
    """Each article the check printed: field -> (mark, path, problem)."""
    articles: dict[str, dict[str, tuple[str, str, str | None]]] = {}
    current = None
    for line in output.splitlines():
        if found := _ARTICLE.match(line):
            current = articles.setdefault(found.group(1), {})
        elif current is not None and (field := _FIELD.match(line)):
            mark, name, path, _, problem = field.groups()
            current[name] = (mark, path, problem)
    return articles


@pytest.mark.slow
@pytest.mark.parametrize("family", sorted(FAMILY_TWINS))
def test_check_reads_every_family_on_the_crawl_path(twins_replica, checked, family: str) -> None:
    slug = FAMILY_TWINS[family]
    result = checked(slug)
    output = result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert output.startswith("robots.txt: "), output
    assert re.search(r"^listing \[\w+ #1\] page 1: http\S+ — \d+ article links", output, re.M)
    if family != "moh-bridge":  # one list page per category (docs/evidence.md, moh.gov.vn)
        # A walk by day shows the days without articles after its first as one line.
        second = r"^listing \[\w+ #\d\] page 2: http|^    \(\d+ more day pages without articles"
        assert re.search(second, output, re.M), output
    profile = load_sites(twins_replica.url)[slug]
    truth = {profile.canonical(t["url"]): t for t in read_truth(twins_replica.url, profile.twin_of)}
    articles = _articles(output)
    assert len(articles) == 3, output
    for url, fields in articles.items():
        known = truth[profile.canonical(url)]
        for name, (_, _, problem) in fields.items():
            if problem and "missing" in problem:
                # A broken promise is the site's truth, not a misreading.
                assert known.get(name) in (None, "None", "", []), (url, name)
    # Exit 1 exactly when the check printed a problem.
    assert (result.returncode == 1) == ("\nFAILED: " in output), output
    assert result.returncode in (0, 1)


@pytest.mark.slow
@pytest.mark.parametrize("slug", TWINS)
def test_check_passes_on_every_twin(checked, slug: str) -> None:
    """Every twin is read as its profile promises: the profiles fit the pages the evidence
    shows (a twin serves what its real portal's sources show)."""
    result = checked(slug)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.slow
def test_check_posts_list_api_bodies_as_the_crawl_does(checked) -> None:
    # mof's list API takes a JSON body, hanoi's a form: both answer lists only to the body.
    for slug in ("replica-mof", "replica-hanoi"):
        output = checked(slug).stdout
        (line,) = re.findall(r"^listing \[json_api #\d\] page 1: .*$", output, re.M)
        assert re.search(r"— [1-9]\d* article links", line), output


def _one_line_failure(result, stage: str, url_part: str, reason: str) -> None:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if "FAILED:" in line and stage in line]
    assert failed, result.stdout
    assert url_part in failed[0] and reason in failed[0], failed[0]


@pytest.mark.slow
def test_check_names_an_unreachable_site(replica_factory) -> None:
    server = replica_factory(config=SiteConfig(articles=20))
    url = server.url
    server.stop()
    result = run_govarchive("check", "replica-moj", "--replica-url", url)
    _one_line_failure(result, "listing [links #1] page 1", url, "refused")


@pytest.mark.slow
def test_check_names_a_listing_that_answers_404(replica_factory) -> None:
    server = replica_factory(config=SiteConfig(articles=20))
    result = run_govarchive("check", "replica-dangcongsan", "--replica-url", server.url + "/gone")
    _one_line_failure(result, "listing [links #1] page 1", server.url + "/gone/", "HTTP 404")


@pytest.mark.slow
def test_check_names_the_articles_a_changed_layout_left_to_the_generic_path(replica_factory):
    # The twin with its markup randomized: the profile's selectors find nothing.
    server = replica_factory(config=SiteConfig(articles=20), obfuscate=True)
    result = run_govarchive("check", "replica-thads-dongthap", "--replica-url", server.url)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith("  - article")]
    assert problems, result.stdout
    assert all(server.url in line and "read by the generic path" in line for line in problems)


@pytest.mark.slow
def test_check_names_a_tls_handshake_failure(replica_factory) -> None:
    server = replica_factory(config=SiteConfig(articles=20))
    https = server.url.replace("http://", "https://")  # the replica speaks plain HTTP
    result = run_govarchive("check", "replica-dangcongsan", "--replica-url", https)
    _one_line_failure(result, "listing [links #1] page 1", https, "TLS handshake failed")


@pytest.mark.slow
def test_check_rejects_an_unknown_site() -> None:
    result = run_govarchive("check", "no-such-site")
    assert result.returncode == 2
    assert "unknown site 'no-such-site'" in result.stderr
    assert "Traceback" not in result.stderr


class _WrappedListAPI(BaseHTTPRequestHandler):
    """A list API answering {"data": {"items": [...]}} where mof's profile expects a list."""

    def do_POST(self) -> None:
        self._answer(200, {"data": {"items": [{"slug": "a-1"}]}})

    def do_GET(self) -> None:
        self._answer(404, {})

    def _answer(self, status: int, data: object) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def wrapped_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WrappedListAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.slow
def test_check_names_a_json_answer_of_the_wrong_shape(wrapped_api: str) -> None:
    result = run_govarchive("check", "replica-mof", "--replica-url", wrapped_api)
    _one_line_failure(
        result, "listing [json_api #1] page 1", "/api/article/reads", "holds no list at 'data'"
    )
    assert "an object with keys items" in result.stdout


@pytest.fixture
def read_article(twins_replica):
    """An article of the thads twin as the probe reports it, read by its own profile."""
    profile = get_site("replica-thads-dongthap", twins_replica.url)
    truth = read_truth(twins_replica.url, "thads-dongthap")
    first = next(t for t in truth if (t["author"] or t["author_unit"]) and t["published"])
    article = extract_article(fetch(first["url"]), first["url"], profile)
    return profile, article


def _report(profile, article) -> ProbeReport:
    listing = ListingStep(profile.base_url, "links", 0, 1, 200, article_links=1)
    return ProbeReport(
        profile.slug, [listing], [ArticleStep(article.url, article.url, 200, article)]
    )


@pytest.mark.parametrize("missing", ["published", "title"])
def test_a_missing_promised_field_fails_the_check(read_article, missing: str) -> None:
    profile, article = read_article
    assert judge(_report(profile, article), profile, lambda line: None).ok
    broken = dataclasses.replace(article, **{missing: None})
    said: list[str] = []
    result = judge(_report(profile, broken), profile, said.append)
    assert not result.ok
    assert any(f"{missing} missing (the profile promises it: selector" in line for line in said)


def test_a_byline_the_profile_places_fails_the_check_only_when_no_article_has_one(read_article):
    # Many articles carry no byline: a selector that finds one on none of them is what broke.
    profile, article = read_article
    unsigned = dataclasses.replace(article, author=None, author_unit=None)
    said: list[str] = []
    assert not judge(_report(profile, unsigned), profile, said.append).ok
    assert any("no byline on any of 1 articles read (placed by 'b#tacgia')" in s for s in said)
    unit_only = dataclasses.replace(article, author=None, author_unit="Văn phòng Cục")
    assert judge(_report(profile, unit_only), profile, lambda line: None).ok
    report = _report(profile, unsigned)
    report.articles.append(ArticleStep(article.url, article.url, 200, article))
    assert judge(report, profile, lambda line: None).ok


def test_an_article_read_by_the_generic_path_fails_the_check(read_article) -> None:
    profile, article = read_article
    generic = dataclasses.replace(article, extraction_path="generic")
    said: list[str] = []
    assert not judge(_report(profile, generic), profile, said.append).ok
    assert any("read by the generic path" in line for line in said)
    assert any(line.startswith("    !! title [generic]") for line in said)


def test_a_field_the_profile_does_not_place_is_shown_as_read_by_the_generic_path(read_article):
    from crawler.extract.article import GENERIC_FILLED

    profile, article = read_article
    unplaced = dataclasses.replace(profile, rules=dataclasses.replace(profile.rules, title=()))
    filled = dataclasses.replace(article, warnings=(*article.warnings, GENERIC_FILLED + "title"))
    said: list[str] = []
    assert judge(_report(unplaced, filled), unplaced, said.append).ok
    assert any(line.startswith("    ok title [generic]: ") for line in said), said


def test_a_run_of_days_without_articles_is_one_line_whatever_the_order_sources_answered():
    # The probe reads sources side by side: a home page answering between two empty days
    # of a walk by day must neither end that run nor be counted in it.
    profile = get_site("replica-mst", "http://127.0.0.1:9")
    base = profile.base_url

    def day(back: int, links: int = 0) -> ListingStep:
        step = ListingStep(f"{base}day-{back}.htm", "links", 1, back + 1, 200, links)
        step.day = back
        return step

    home = ListingStep(base, "links", 0, 1, 200, article_links=17)
    steps = [day(0), day(1), home, *(day(back) for back in range(2, 5)), day(5, links=2)]
    lines, problems = report_lines(ProbeReport(profile.slug, steps), profile)
    assert [line for line in lines if "listing [" in line or "more day" in line] == [
        f"listing [links #1] page 1: {base} — 17 article links",
        f"listing [links #2] page 1: {base}day-0.htm — 0 article links",
        "    (4 more day pages without articles before this)",
        f"listing [links #2] page 6: {base}day-5.htm — 2 article links",
    ]
    assert not [problem for problem in problems if problem.startswith("source")]
