"""The analyst's archive through Datasette's client: folded search, facets, canned queries,
the article page, Atom feeds and the security headers (no server, no browser)."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import unicodedata
import urllib.parse
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import httpx
import pytest
from datasette.app import Datasette
from datasette.utils import tilde_encode
from lxml import html as lxml_html

from archive.search import FACET_VALUES
from archive.web import make_datasette
from tests.web_archive import (
    BROKEN_SITE,
    HOSTILE_TITLE,
    HOSTILE_URL,
    SEED_AGENCY,
    SEED_TITLE,
    fixture_archive,
)

# Datasette on a copy of the demo archive (a crawl of every twin).
pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
# The folding table of issue 7: every spelling returns the same rows.
SPELLINGS = {
    "Đồng Tháp": [
        "Đồng Tháp",
        "đồng tháp",
        "dong thap",
        "DONG THAP",
        unicodedata.normalize("NFD", "Đồng Tháp"),
    ],
    "bình đẳng giới": [
        "bình đẳng giới",
        "binh dang gioi",
        "BINH DANG GIOI",
        "Bình Đẳng Giới",
        unicodedata.normalize("NFD", "bình đẳng giới"),
    ],
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_archive(tmp_path_factory, "web", trap="http://127.0.0.1:9")


@pytest.fixture(scope="module")
def ds(db_path: Path) -> Datasette:
    datasette = make_datasette(db_path)
    asyncio.run(datasette.invoke_startup())
    return datasette


def get(ds: Datasette, path: str, **params: Any) -> httpx.Response:
    return asyncio.run(ds.client.get(path, params=params or None))


def search(ds: Datasette, q: str, **params: Any) -> dict:
    response = get(ds, "/-/search.json", q=q, **params)
    assert response.status_code == 200, response.text
    return response.json()


def article_path(url: str) -> str:
    return f"/archive/articles/{tilde_encode(url)}"


@pytest.mark.parametrize("words", SPELLINGS, ids=["dong-thap", "binh-dang-gioi"])
def test_every_spelling_returns_the_same_rows_in_the_same_order(ds: Datasette, words: str) -> None:
    results = {spelling: search(ds, spelling) for spelling in SPELLINGS[words]}
    urls = {spelling: [row["url"] for row in found["rows"]] for spelling, found in results.items()}
    assert len({tuple(found) for found in urls.values()}) == 1, urls
    assert len({found["total"] for found in results.values()}) == 1
    assert results[words]["total"] > 3


@pytest.mark.parametrize("words", SPELLINGS, ids=["dong-thap", "binh-dang-gioi"])
def test_table_search_folds_too(ds: Datasette, words: str) -> None:
    found = set()
    for spelling in SPELLINGS[words]:
        response = get(ds, "/archive/articles.json", _search=spelling, _shape="array", _size=200)
        found.add(frozenset(row["url"] for row in response.json()))
    assert len(found) == 1 and len(next(iter(found))) > 3


def test_seed_ranks_first_with_marked_snippets(ds: Datasette) -> None:
    first = search(ds, "binh dang gioi")["rows"][0]
    assert first["title"] == SEED_TITLE
    assert first["agency"] == SEED_AGENCY
    assert "<mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark>" in first["title_html"]
    assert "<mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark>" in first["snippet_html"]


def test_phrase_and_prefix_queries(ds: Datasette) -> None:
    words = {row["url"] for row in search(ds, "bình đẳng giới", size=100)["rows"]}
    phrase = search(ds, '"binh dang gioi"')
    assert 0 < phrase["total"] <= len(words)
    assert {row["url"] for row in phrase["rows"]} <= words
    prefix = search(ds, "bình đẳ*", size=100)  # "đẳ*" folds to "da*": đẳng, đã, đạt…
    (seed,) = [row for row in prefix["rows"] if row["title"] == SEED_TITLE]
    assert "<mark>bình</mark> <mark>đẳng</mark>" in seed["snippet_html"]
    assert search(ds, "binh dang gioi NOT phụ")["total"] < search(ds, "binh dang gioi")["total"]


@pytest.mark.parametrize("query", ['"bình đẳng', "binh OR", "(binh", "*", "AND giới"])
def test_fts_syntax_errors_give_a_friendly_message(ds: Datasette, query: str) -> None:
    response = get(ds, "/-/search.json", q=query)
    assert response.status_code == 400
    message = response.json()["error"]
    assert "Search takes words" in message
    page = get(ds, "/-/search", q=query)
    assert page.status_code == 200
    assert "Tìm kiếm nhận các từ" in page.text  # the page speaks the interface's language
    assert "Search takes words" in get(ds, "/-/search", q=query, lang="en").text
    for leak in ("sqlite", "OperationalError", "fts5", "Traceback"):
        assert leak not in page.text and leak not in message


def test_search_facets_count_and_filter(ds: Datasette) -> None:
    everything = search(ds, "binh dang gioi")
    assert set(everything["facets"]) == {
        "agency",
        "family",
        "category",
        "year",
        "month",
        "author_unit",
    }
    assert everything["facets_exact"] and everything["total_kind"] == "exact"
    # Every match is in one family, and there are fewer families than a facet shows values
    # (FACET_VALUES); agencies may be more, so only the shown ones are listed.
    families = everything["facets"]["family"]
    assert len(families) < FACET_VALUES
    assert sum(item["count"] for item in families) == everything["total"]
    agencies = everything["facets"]["agency"]
    assert 1 < len(agencies) <= FACET_VALUES
    assert sum(item["count"] for item in agencies) <= everything["total"]
    chosen = agencies[-1]
    narrowed = search(ds, "binh dang gioi", agency=chosen["value"], size=100)
    assert narrowed["total"] == chosen["count"] < everything["total"]
    assert {row["agency"] for row in narrowed["rows"]} == {chosen["value"]}


# Common words, rare words, phrases, prefixes, operators, filters: what analysts quote. The
# mix of 30 searches and 6 filtered ones is the one scripts/bench/search_scale.py times at a
# million articles; the rest are spellings and filters this archive holds.
MIX = json.loads((Path(__file__).parent / "search_mix.json").read_text(encoding="utf-8"))
COUNTED = [
    *((words, {}) for words in MIX["searches"]),
    *((words, narrowed) for words, narrowed in MIX["filtered"]),
    ("thi hành án", {}),
    ("dong NOT thap", {}),
    ("Đồng Tháp", {"family": "thads"}),
    ("thi hành án", {"from": "2021-01-01", "to": "2021-12-31"}),
    ("xyzzy", {}),
]


@pytest.mark.parametrize(("words", "narrowed"), COUNTED)
def test_totals_and_facets_equal_the_sql_count(
    ds: Datasette, db_path: Path, words: str, narrowed: dict
) -> None:
    found = search(ds, words, **narrowed)
    clauses, params = (
        ["a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"],
        [found["fts"]],
    )
    for column, value in narrowed.items():
        if column in ("from", "to"):
            clauses.append("a.published >= ?" if column == "from" else "a.published < ?")
            day = date.fromisoformat(value)
            params.append(value if column == "from" else (day + timedelta(days=1)).isoformat())
        else:
            clauses.append(f"a.[{column}] = ?")
            params.append(value)
    where = " AND ".join(clauses)
    with sqlite3.connect(db_path) as conn:
        total = conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()
        assert (found["total"], found["total_kind"]) == (total[0], "exact")
        for column, values in found["facets"].items():
            counted = f"SELECT a.[{column}], count(*) FROM articles a WHERE {where} AND "
            counted += f"coalesce(a.[{column}], '') != '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12"
            truth = conn.execute(counted, params).fetchall()
            assert [(item["value"], item["count"]) for item in values] == truth, column
    assert found["facets_exact"]


def test_a_large_result_is_counted_whole_and_says_so(ds: Datasette) -> None:
    found = search(ds, "thi hành án")
    assert found["total"] > found["ranked"] == 500 and found["facets_exact"]
    assert sum(item["count"] for item in found["facets"]["family"]) == found["total"]
    page = lxml_html.fromstring(get(ds, "/-/search", q="thi hành án", lang="en").text)
    assert page.xpath("string(//span[@class='total'])") == f"{found['total']:,} articles"
    assert "About" not in page.text_content()


def test_search_sorted_by_newest_and_its_feed(ds: Datasette) -> None:
    newest = search(ds, "thi hành án", sort="newest", size=100)
    dates = [row["published"] or "" for row in newest["rows"]]
    assert dates == sorted(dates, reverse=True) and newest["sort"] == "newest"
    newest_match = dates[0]
    feed = ET.fromstring(get(ds, "/-/search.atom", q="thi hành án").content)
    published = [e.findtext(f"{ATOM}published") for e in feed.iter(f"{ATOM}entry")]
    assert published == sorted(published, reverse=True)
    assert published[0][:10] == newest_match[:10]


def test_search_date_range(ds: Datasette) -> None:
    found = search(ds, "thi hành án", **{"from": "2021-01-01", "to": "2021-12-31"}, size=100)
    assert found["total"] > 0
    assert all("2021-01-01" <= row["published"] < "2022" for row in found["rows"])
    browsed = get(ds, "/-/search.json", **{"from": "2021-01-01", "to": "2021-12-31"}).json()
    assert browsed["rows"] and all(row["published"] < "2022" for row in browsed["rows"])
    assert browsed["rows"][0]["published"] >= browsed["rows"][-1]["published"]  # newest first


def test_search_page_html(ds: Datasette) -> None:
    page = get(ds, "/-/search", q="binh dang gioi")
    tree = lxml_html.fromstring(page.text)
    titles = tree.xpath("//li[@class='search-result']//h2/a")
    assert titles[0].text_content() == SEED_TITLE
    assert titles[0].get("href").startswith("/archive/articles/")
    assert tree.xpath("//section[@data-facet='agency']//a")
    assert tree.xpath("//link[@type='application/atom+xml']")


def test_landing_page_links_one_feed_per_agency(ds: Datasette, db_path: Path) -> None:
    tree = lxml_html.fromstring(get(ds, "/-/search").text)
    feeds = [a.get("href") for a in tree.xpath("//ul[@class='agency-feeds']//a[@class='feed']")]
    agencies = {row["agency"] for row in search(ds, "", agency=SEED_AGENCY)["rows"]}
    assert agencies == {SEED_AGENCY}
    assert len(feeds) >= 20
    assert "/-/search.atom?" + urllib.parse.urlencode({"agency": SEED_AGENCY}) in feeds


def test_table_facets_from_metadata_do_not_time_out(ds: Datasette) -> None:
    data = get(ds, "/archive/articles.json", _size=0).json()
    facets = data["facet_results"]  # a facet that ran out of time would be missing
    assert {"agency", "family", "category", "year", "month", "author_unit"} <= set(facets)
    narrowed = get(ds, "/archive/articles.json", agency=SEED_AGENCY, _size=0).json()
    assert narrowed["filtered_table_rows_count"] < data["filtered_table_rows_count"]


def test_table_date_range_filter(ds: Datasette) -> None:
    rows = get(
        ds,
        "/archive/articles.json",
        _shape="array",
        _size=500,
        published__gte="2022-01-01",
        published__lt="2023-01-01",
    ).json()
    assert rows and all(row["published"].startswith("2022") for row in rows)


def canned(ds: Datasette, name: str, **params: Any) -> list[dict]:
    response = get(ds, f"/archive/{name}.json", _shape="array", **params)
    assert response.status_code == 200, response.text
    return response.json()


def test_canned_latest_by_agency(ds: Datasette) -> None:
    rows = canned(ds, "latest_by_agency")
    per_agency: dict[str, list[str]] = {}
    for row in rows:
        per_agency.setdefault(row["agency"], []).append(row["published"] or "")
    assert len(per_agency) >= 20
    assert all(
        len(dates) <= 5 and dates == sorted(dates, reverse=True) for dates in per_agency.values()
    )


def test_canned_articles_per_month(ds: Datasette, db_path: Path) -> None:
    rows = canned(ds, "articles_per_month")
    assert all(len(row["month"]) == 7 for row in rows)
    total = get(ds, "/archive/articles.json", month__notblank=1, _size=0).json()
    assert sum(row["articles"] for row in rows) == total["filtered_table_rows_count"]


def test_canned_edited_and_removed(ds: Datasette) -> None:
    rows = {row["title"]: row for row in canned(ds, "edited_and_removed")}
    assert rows[SEED_TITLE]["change"] == "edited" and rows[SEED_TITLE]["versions"] == 2
    # The replica's own edit and removal, found by the second crawls (tests/web_archive.py).
    fixtures = (SEED_TITLE, HOSTILE_TITLE)
    edited = [
        row for title, row in rows.items() if row["change"] == "edited" and title not in fixtures
    ]
    assert len(edited) == 1 and edited[0]["versions"] == 2
    assert len([row for row in rows.values() if row["change"] == "removed"]) == 1


def test_canned_citing_document(ds: Datasette) -> None:
    (number,) = get(
        ds,
        "/archive.json",
        _shape="arrayfirst",
        sql="select number from cited_documents group by number having count(*) > 1 limit 1",
    ).json()
    rows = canned(ds, "citing_document", number=number)
    assert len(rows) > 1 and {row["number"] for row in rows} == {number}
    # Letter case, spaces and đ/d do not matter.
    loose = " ".join(number.lower().replace("đ", "d").replace("Đ", "D"))
    assert canned(ds, "citing_document", number=loose) == rows


def test_canned_queries_link_the_archived_article_and_its_diff(ds: Datasette) -> None:
    for name in ("edited_and_removed", "latest_by_agency"):
        page = lxml_html.fromstring(get(ds, f"/archive/{name}").text)
        archived = page.xpath("//td[@class='col-url']/a[@class='archived']/@href")
        history = page.xpath("//td[@class='col-url']/a[@class='history']/@href")
        assert archived and all(href.startswith("/archive/articles/") for href in archived)
        assert history == [href + "#versions" for href in archived]
    (edited,) = [row for row in canned(ds, "edited_and_removed") if row["title"] == SEED_TITLE]
    versions = lxml_html.fromstring(get(ds, article_path(edited["url"])).text)
    assert versions.xpath("//h2[@id='versions']") and versions.xpath("//ol[@class='versions']")


def test_canned_site_health(ds: Datasette) -> None:
    rows = {row["site"]: row for row in canned(ds, "site_health")}
    broken = rows[BROKEN_SITE]
    assert broken["last_run_status"] == "failed" and broken["last_success_at"] is None
    assert broken["failed_fetches_last_run"] == 3 and broken["sampled"] == 0
    seed_site = rows["replica-thads-dongthap"]
    assert seed_site["new_7d"] == seed_site["new_30d"] >= 45
    assert seed_site["empty_title_pct"] == 0.0 and seed_site["sampled"] >= 45


def test_article_page_shows_the_article(ds: Datasette) -> None:
    seed = search(ds, "binh dang gioi")["rows"][0]
    response = get(ds, article_path(seed["url"]), lang="en")
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.text)
    assert tree.xpath("string(//article//h1)") == SEED_TITLE
    terms = tree.xpath("//dl[@class='article-meta']/dt")
    values = tree.xpath("//dl[@class='article-meta']/dd")
    meta = {t.text_content(): v.text_content().strip() for t, v in zip(terms, values, strict=True)}
    assert meta["Author unit"] == "Ban Vì sự tiến bộ phụ nữ"
    assert meta["Published"] == "10/11/2021"
    assert SEED_AGENCY in meta["Agency"]
    assert meta["Source"].startswith("http://127.0.0.1:")
    assert meta["Fetched"] and meta["Extractor"]
    assert "Nhằm thu hút sự quan tâm" in tree.xpath("string(//div[@class='article-body'])")
    assert tree.xpath("//div[@class='article-body']//p")  # rendered HTML, not escaped text
    cited = tree.xpath("//ul[@class='cited-documents']/li/a")
    assert cited and "/archive/citing_document?number=" in cited[0].get("href")
    diff = tree.xpath("//ol[@class='versions']//div[@class='diff']")[0]
    assert diff.xpath("string(.//del)") == "Để" and diff.xpath("string(.//ins)") == "Nhằm"
    assert "Ban Vì sự tiến bộ phụ nữ" in tree.xpath("string(//ul[@class='field-changes'])")


def test_article_links_to_others_citing_the_same_document(ds: Datasette) -> None:
    (url,) = get(
        ds,
        "/archive.json",
        _shape="arrayfirst",
        sql="select min(article_url) from cited_documents group by number "
        "having count(distinct article_url) > 1 limit 1",
    ).json()
    tree = lxml_html.fromstring(get(ds, article_path(url)).text)
    others = tree.xpath("//ul[@class='cited-documents']//li/ul/li/a/@href")
    assert others and all(href.startswith("/archive/articles/") for href in others)


def test_removed_article_is_marked(ds: Datasette) -> None:
    (removed,) = [row for row in canned(ds, "edited_and_removed") if row["change"] == "removed"]
    page = get(ds, article_path(removed["url"])).text
    assert "Removed from the portal." in page and "2 times in a row" in page


def test_other_tables_keep_the_default_row_page(ds: Datasette) -> None:
    page = get(ds, "/archive/crawl_runs/1")
    assert page.status_code == 200 and "archived-article" not in page.text


def test_search_feed_is_atom(ds: Datasette) -> None:
    response = get(ds, "/-/search.atom", q="binh dang gioi")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert SEED_TITLE in titles
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == SEED_TITLE)
    assert entry.findtext(f"{ATOM}updated").startswith("2021-11-10T00:00:00+07:00")
    related = entry.find(f"{ATOM}link[@rel='related']").get("href")
    assert "/archive/articles/" in related


def test_agency_feed_and_table_view_feed(ds: Datasette) -> None:
    feed = ET.fromstring(get(ds, "/-/search.atom", agency=SEED_AGENCY).content)
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")]
    assert len(ids) == 45
    view = get(
        ds,
        "/archive/articles.atom",
        agency=SEED_AGENCY,
        _search="binh dang gioi",
        _sort_desc="published",
    )
    entries = list(ET.fromstring(view.content).iter(f"{ATOM}entry"))
    assert entries and all(entry.findtext(f"{ATOM}id") in ids for entry in entries)
    table = get(ds, "/archive/articles", agency=SEED_AGENCY).text
    assert "articles.atom?agency=" in table


def test_feed_of_an_empty_search_is_valid(ds: Datasette) -> None:
    for path in ("/-/search.atom", "/archive/articles.atom"):
        feed = ET.fromstring(get(ds, path, q="xyzzy", _search="xyzzy").content)
        assert feed.findtext(f"{ATOM}updated") and not list(feed.iter(f"{ATOM}entry"))


def test_pages_carry_a_content_security_policy(ds: Datasette) -> None:
    seed = search(ds, "binh dang gioi")["rows"][0]
    for path in ("/-/search", "/-/charts", "/-/health", article_path(seed["url"])):
        policy = get(ds, path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy, path
    policy = get(ds, "/archive/articles").headers["content-security-policy"]
    assert "script-src 'self';" in policy and "style-src 'self' 'unsafe-inline'" in policy


def test_read_only_with_time_limit(ds: Datasette) -> None:
    settings = get(ds, "/-/settings.json").json()
    assert settings["sql_time_limit_ms"] == 3000 and settings["allow_download"] is False
    write = get(ds, "/archive.json", sql="delete from articles")
    assert write.status_code == 400
    assert get(ds, "/archive/articles.json", _size=0).json()["filtered_table_rows_count"] > 900
    plugins = {plugin["name"] for plugin in get(ds, "/-/plugins.json").json()}
    assert not any("write" in name or "insert" in name for name in plugins)


def test_charts_and_health_pages_draw(ds: Datasette) -> None:
    charts = lxml_html.fromstring(get(ds, "/-/charts").text)
    assert len(charts.xpath("//figure[@id='monthly-chart']//*[local-name()='rect']")) > 30
    drawn = charts.xpath("//table[@class='small-multiples']/tbody/tr")
    idle = charts.xpath("//p[@class='idle-agencies']/a")
    assert len(drawn) + len(idle) >= 20 and len(drawn) >= 10
    # An agency with no article in the months shown is listed, not drawn as "peak 1" of zeros.
    assert all(int(row.xpath("string(td[3]/span)")) >= 1 for row in drawn)
    health = lxml_html.fromstring(get(ds, "/-/health").text)
    broken = health.xpath(f"//tr[@data-site='{BROKEN_SITE}']")[0]
    assert broken.get("class") == "status-bad"
    assert "last run ended: failed" in broken.text_content()
    assert health.xpath("//tr[@data-site='replica-thads-dongthap']")


def test_home_page_has_the_search_box(ds: Datasette) -> None:
    tree = lxml_html.fromstring(get(ds, "/").text)
    (form,) = tree.xpath("//form[@class='archive-search']")
    assert form.get("action") == "/-/search" and form.xpath(".//input[@name='q']")


def test_hostile_article_renders_inert(ds: Datasette) -> None:
    response = get(ds, article_path(HOSTILE_URL))
    assert response.status_code == 200
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    tree = lxml_html.fromstring(response.text)
    (article,) = tree.xpath("//article[@class='archived-article']")
    assert not article.xpath(
        ".//script | .//style | .//iframe | .//object | .//embed | .//img"
        " | .//svg | .//math | .//form | .//input | .//base | .//meta"
        " | .//link | .//video | .//noscript"
    )
    for element in article.iter():
        assert not [name for name in element.attrib if name.startswith("on") or name == "style"]
        for name in ("href", "src", "action", "poster", "data"):
            value = (element.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:")), (element.tag, value)
    assert not [src for src in tree.xpath("//script/@src") if not src.startswith("/")]
    assert "window.__pwned = 'title'" in article.xpath("string(.//h1)")  # shown as text
    assert "phủ kín trang" in article.text_content()  # the text of a stripped element stays
    assert "di chuột qua đây" in article.text_content()
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text  # author unit, escaped


def test_hostile_article_in_results_and_feeds_is_escaped(ds: Datasette) -> None:
    page = get(ds, "/-/search", q="bình đẳng giới độc hại").text
    assert "&lt;script&gt;window.__pwned" in page and "<script>window.__pwned" not in page
    feed = get(ds, "/-/search.atom", q="độc hại").content
    assert b"<script>" not in feed and b"&lt;script&gt;" in feed
    table = get(ds, "/archive/articles", site="replica-hostile").text
    assert "<script>window.__pwned" not in table


@pytest.mark.parametrize("words", MIX["searches"])
def test_trend_months_equal_the_sql_count(ds: Datasette, db_path: Path, words: str) -> None:
    found = get(ds, "/-/trend.json", q=words).json()
    fts = search(ds, words)["fts"]
    with sqlite3.connect(db_path) as conn:
        truth = dict(
            conn.execute(
                "SELECT month, count(*) FROM articles WHERE rowid IN (SELECT rowid FROM "
                "articles_fts WHERE articles_fts MATCH ?) AND month IS NOT NULL GROUP BY 1",
                [fts],
            ).fetchall()
        )
        per_month = dict(conn.execute("SELECT month, count(*) FROM articles GROUP BY 1"))
    assert found["exact"]
    counted = {point["period"]: point["matches"] for point in found["overall"]}
    assert {month: n for month, n in counted.items() if n} == truth
    for point in found["overall"]:
        assert point["articles"] == per_month.get(point["period"], 0)
    for month in found["overall"]:
        in_series = sum(
            s["points"][found["overall"].index(month)]["matches"] for s in found["series"]
        )
        assert in_series == month["matches"]  # top agencies and the rest add up


def test_trend_page_is_linked_from_search_and_draws(ds: Datasette) -> None:
    page = lxml_html.fromstring(get(ds, "/-/search", q="bình đẳng giới").text)
    (link,) = page.xpath("//a[@class='trend-link']/@href")
    assert link.startswith("/-/trend?q=")
    trend = lxml_html.fromstring(get(ds, link).text)
    assert trend.xpath("//figure[@id='trend-chart']//*[local-name()='rect']")
    csv = get(ds, "/-/trend.csv", q="bình đẳng giới")
    assert csv.content.startswith(b"\xef\xbb\xbfperiod,agency,matches,articles,share")
    assert "attachment" in csv.headers["content-disposition"]


def test_interface_is_vietnamese_by_default_and_english_on_request(ds: Datasette) -> None:
    seed = search(ds, "binh dang gioi")["rows"][0]
    page = lxml_html.fromstring(get(ds, article_path(seed["url"])).text)
    assert page.get("lang") == "vi"
    terms = page.xpath("//dl[@class='article-meta']/dt")
    values = page.xpath("//dl[@class='article-meta']/dd")
    meta = {t.text_content(): v.text_content().strip() for t, v in zip(terms, values, strict=True)}
    assert meta["Ngày đăng"] == "10/11/2021" and meta["Cơ quan"].startswith(SEED_AGENCY)
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d \(giờ Việt Nam, UTC\+7\).*", meta["Tải về lúc"])
    for path in ("/-/search", "/-/charts", "/-/health", "/-/trend", "/"):
        tree = lxml_html.fromstring(get(ds, path, q="bình đẳng giới").text)
        assert tree.get("lang") == "vi", path
    search_page = get(ds, "/-/search", q="bình đẳng giới")
    assert (
        "Tìm trong kho lưu trữ" in search_page.text
        and "Xu hướng theo thời gian" in search_page.text
    )
    english = asyncio.run(ds.client.get("/-/search?q=thi&lang=en"))
    assert lxml_html.fromstring(english.text).get("lang") == "en"
    assert "lang=en" in english.headers["set-cookie"]
    remembered = asyncio.run(ds.client.get("/-/search?q=thi", cookies={"lang": "en"}))
    assert "Search the archive" in remembered.text
