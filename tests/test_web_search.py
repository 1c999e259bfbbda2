"""The search's pure parts: query folding and syntax, highlighting, BM25, estimates, and
run_search on a small archive made here."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import time
import unicodedata
from collections.abc import Iterator

import numpy as np
import pytest
from sqlite_utils import Database

from archive.counts import count_matches
from archive.facet_index import FacetIndex, facet_index
from archive.filters import parse_filters
from archive.fold import fold
from archive.query import QueryError, Term, escape_fts, highlight, parse_query, snippet
from archive.rank import bm25_scores, document_frequency, idf, occurrences, term_pattern
from archive.scan import collect, estimate_matches
from archive.schema import migrate
from archive.search import FACETS, Filters, run_search
from archive.trend import trend
from archive.web import make_datasette


@pytest.mark.parametrize(
    ("text", "fts"),
    [
        ("Đồng Tháp", 'search_folded : ("dong" "thap")'),
        ("DONG THAP", 'search_folded : ("dong" "thap")'),
        (unicodedata.normalize("NFD", "đồng tháp"), 'search_folded : ("dong" "thap")'),
        ('"bình đẳng giới"', 'search_folded : ("binh dang gioi")'),
        ("thi hành*", 'search_folded : ("thi" "hanh" *)'),
        ("01/2021/NĐ-CP", 'search_folded : ("01 2021 nd cp")'),
        ("a OR (b NOT c)", 'search_folded : ("a" OR ( "b" NOT "c" ))'),
        ('say "hi', None),
    ],
)
def test_queries_fold_into_fts_expressions(text: str, fts: str | None) -> None:
    if fts is None:
        with pytest.raises(QueryError, match="quotation mark"):
            parse_query(text)
    else:
        assert parse_query(text).fts == fts


def test_nothing_to_search_for() -> None:
    assert parse_query("") is None and parse_query("  ") is None
    assert parse_query(" ,, – ", strict=False) is None


@pytest.mark.parametrize("text", ["NOT", "AND", "OR", "(", "'", '""', "-", " ,, – "])
def test_a_query_of_nothing_but_syntax_is_a_syntax_error(text: str) -> None:
    with pytest.raises(QueryError, match="Nothing to search for") as raised:
        parse_query(text)
    assert "AND, OR, NOT" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("dong NOT", "NOT needs words on both sides"),
        ("NOT dong", "NOT needs words on both sides"),
        ("dong AND OR thap", "OR needs words on both sides"),
        ("(dong", "parenthesis is not closed"),
        ("dong)", "closing parenthesis has no opening one"),
        ("dong ( ) thap", "parenthesis needs words"),
    ],
)
def test_operators_out_of_place_are_named_as_typed(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as raised:
        parse_query(text)
    assert '")"' not in str(raised.value)


def test_a_parenthesis_beside_words_means_and() -> None:
    assert parse_query("(dong) thap").fts == 'search_folded : (( "dong" ) AND "thap")'
    assert parse_query("dong (thap)").fts == 'search_folded : ("dong" AND ( "thap" ))'


def test_negated_words_neither_rank_nor_highlight() -> None:
    query = parse_query("thi hành* NOT dân")
    assert query.terms == (Term(("thi",)), Term(("hanh",), prefix=True))
    assert query.words == {"thi"} and query.prefixes == {"hanh"}


def test_datasette_search_is_lenient() -> None:
    assert escape_fts('"mở ngoặc OR') == 'search_folded : ("mo ngoac or")'
    assert escape_fts("(") == 'search_folded : ("")'


def test_highlight_marks_the_original_text_escaped() -> None:
    query = parse_query("dong thap")
    marked = highlight("<b>Đồng Tháp</b> và Đông", query)
    assert marked == "&lt;b&gt;<mark>Đồng</mark> <mark>Tháp</mark>&lt;/b&gt; và <mark>Đông</mark>"
    assert highlight("Đồng Tháp", None) == "Đồng Tháp"


def test_snippet_centres_on_the_first_match() -> None:
    text = " ".join(["mở đầu"] * 100 + ["bình đẳng giới"] + ["kết thúc"] * 100)
    cut = snippet(text, parse_query("binh dang gioi"), length=120)
    assert cut.startswith("… ") and cut.endswith(" …")
    assert "<mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark>" in cut
    assert len(str(cut)) < 120 + 60


def test_occurrences_count_whole_words_phrases_and_prefixes() -> None:
    text = fold("Thi hành án, thi hành. Thị xã; thi-hành; hành thi")
    assert occurrences(term_pattern(Term(("thi",))), text) == 5  # "Thị" folds to "thi" too
    assert occurrences(term_pattern(Term(("thi", "hanh"))), text) == 3
    assert occurrences(term_pattern(Term(("han",), prefix=True)), text) == 4
    assert occurrences(term_pattern(Term(("hanh",))), text) == 4


def test_idf_and_density_estimate() -> None:
    assert idf(10, 1000) > idf(400, 1000) > idf(600, 1000) == 1e-6
    # 100 matches among the newest 200 of 1,000 articles: about half of them match.
    assert estimate_matches(list(range(1000, 900, -1)), 1000) == 1000
    assert 495 <= estimate_matches(list(range(1000, 800, -2)), 1000) <= 505
    assert estimate_matches([], 1000) == 0


ROWS = [
    ("Hội nghị về bình đẳng giới", "Bình đẳng giới. Bình đẳng giới trong cơ quan.", "A", 2021),
    ("Tập huấn nghiệp vụ", "Nói về bình đẳng giới một lần, rồi nhiều việc khác nữa.", "B", 2022),
    ("Đồng Tháp ra quân", "Cục THADS Đồng Tháp ra quân thi hành án.", "A", 2023),
    ("Dòng tháp nước", "Một dòng tháp nước ở Đông Tháp.", "B", 2023),
]


@pytest.fixture
def conn(tmp_path) -> Iterator[sqlite3.Connection]:
    db = Database(tmp_path / "small.db")
    migrate(db)
    for index, (title, body, agency, year) in enumerate(ROWS):
        db.table("articles").insert(
            {
                "url": f"https://x.invalid/{index}",
                "title": title,
                "body_text": body,
                "agency": agency,
                "year": year,
                "published": f"{year}-05-0{index + 1}",
                "family": "f",
                "month": f"{year}-05",
                "search_folded": fold(f"{title}\n{body}"),
            }
        )
    db.close()
    connection = sqlite3.connect(tmp_path / "small.db")
    yield connection
    connection.close()


def test_run_search_ranks_folds_and_counts(conn: sqlite3.Connection) -> None:
    results = [run_search(conn, parse_query(q)) for q in ("bình đẳng giới", "BINH DANG GIOI")]
    assert [row["url"] for row in results[0].rows] == [row["url"] for row in results[1].rows]
    first, _ = results[0].rows
    assert first["title"] == "Hội nghị về bình đẳng giới"  # more occurrences, ranks first
    assert results[0].total == 2 and results[0].total_kind == "exact"
    assert results[0].facets["agency"] == [("A", 1), ("B", 1)]


def test_run_search_filters_by_facet_and_date(conn: sqlite3.Connection) -> None:
    query = parse_query("thap")
    assert run_search(conn, query).total == 2
    only_a = run_search(conn, query, Filters({"agency": ["A"]}))
    assert [row["title"] for row in only_a.rows] == ["Đồng Tháp ra quân"]
    dated = Filters(published_from=dt.date(2023, 5, 4), published_to=dt.date(2023, 5, 4))
    assert [row["title"] for row in run_search(conn, query, dated).rows] == ["Dòng tháp nước"]
    assert run_search(conn, query, Filters({"year": ["2023"]})).total == 2


def test_browsing_without_words_lists_newest_first(conn: sqlite3.Connection) -> None:
    browsed = run_search(conn, None, Filters({"agency": ["B"]}))
    assert [row["published"] for row in browsed.rows] == ["2023-05-04", "2022-05-02"]


def test_syntax_errors_from_fts5_become_query_errors(conn: sqlite3.Connection) -> None:
    with pytest.raises(QueryError, match="needs words on both sides"):
        run_search(conn, parse_query("binh OR"))


def test_a_cpu_time_budget_is_not_spent_by_waiting() -> None:
    """A scan whose rows decide an answer (the candidates, a word's weight) is cut by CPU time:
    rows that wait (as a process does on a busy machine) spend none of it."""
    conn = sqlite3.connect(":memory:")
    conn.create_function("wait", 1, lambda value: time.sleep(0.0005) or value)
    sql = "SELECT wait(value) FROM json_each(?)"
    rows = list(range(600))  # 300 ms of waiting against a 50 ms budget
    by_wall, wall_done = collect(conn, sql, [str(rows)], 50)
    assert not wall_done and len(by_wall) < len(rows)
    assert collect(conn, sql, [str(rows)], 50, clock=time.thread_time) == (rows, True)


def test_document_frequency_is_exact_below_the_sample(conn: sqlite3.Connection) -> None:
    assert document_frequency(conn, Term(("binh", "dang")), 4) == 2
    scores = bm25_scores(conn, parse_query("tháp nước"), {1: "thap nuoc thap", 2: "thap"}, 4)
    assert scores[1] > scores[2] > 0


MIX = [
    "tháp",
    "bình đẳng giới",
    '"bình đẳng"',
    "thi hành*",
    "tháp OR giới",
    "tháp NOT nước",
    "xyzzy",
]


def sql_truth(conn: sqlite3.Connection, fts: str, where: str = "1") -> tuple[int, dict]:
    matches = f"rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND {where}"
    total = conn.execute(f"SELECT count(*) FROM articles WHERE {matches}", [fts]).fetchone()[0]
    facets = {
        column: dict(
            conn.execute(
                f"SELECT [{column}], count(*) FROM articles WHERE {matches} GROUP BY 1", [fts]
            ).fetchall()
        )
        for column in FACETS
    }
    return total, facets


@pytest.mark.parametrize("text", MIX)
def test_totals_and_facets_are_the_sql_count(conn: sqlite3.Connection, text: str) -> None:
    query = parse_query(text)
    total, facets = sql_truth(conn, query.fts)
    for sort in ("relevance", "newest"):
        result = run_search(conn, query, sort=sort, candidates=1)  # ranks 1, counts all
        assert (result.total, result.total_kind) == (total, "exact")
        assert {c: dict(values) for c, values in result.facets.items()} == {
            c: {v: n for v, n in counted.items() if v not in (None, "")}
            for c, counted in facets.items()
        }
    # Read in ranges of two rowids, the counts add up the same.
    stepped = count_matches(conn, query, "", [], {"agency": "a.agency"}, 10_000, step=2)
    assert stepped.exact and stepped.total == total
    assert dict(stepped.groups["agency"]) == facets["agency"]


def test_a_count_past_its_budget_says_at_least(conn: sqlite3.Connection) -> None:
    query = parse_query("tháp")
    cut = count_matches(conn, query, "", [], {}, 0)
    assert not cut.exact and cut.total <= 2
    result = run_search(conn, query, count_budget_ms=0)
    assert result.total_kind == "at least" and not result.facets_exact


def test_newest_sort_pages_through_every_match_by_date(conn: sqlite3.Connection) -> None:
    query = parse_query("tháp OR giới")
    pages = [run_search(conn, query, sort="newest", per_page=1, page=n) for n in (1, 2, 3, 4)]
    published = [page.rows[0]["published"] for page in pages]
    assert published == ["2023-05-04", "2023-05-03", "2022-05-02", "2021-05-01"]
    assert pages[0].pages == 4 and pages[0].sort == "newest"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"from": ["10/11/2021"]}, "start date «10/11/2021» is not a date"),
        ({"to": ["yesterday"]}, "end date «yesterday» is not a date"),
        ({"from": ["2023-01-01"], "to": ["2022-01-01"]}, "ends .01/01/2022. before it starts"),
    ],
)
def test_bad_date_ranges_are_named(args: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_filters(args)


def test_good_date_range_and_facets_parse() -> None:
    filters = parse_filters({"from": ["2021-11-10"], "to": ["2021-11-10"], "agency": ["A"]})
    assert filters.published_from == filters.published_to == dt.date(2021, 11, 10)
    assert filters.values == {"agency": ["A"]}


def test_trend_counts_each_month_and_its_share(conn: sqlite3.Connection) -> None:
    found = trend(conn, parse_query("tháp"), period="month", top=1)
    assert found.periods[0] == "2023-05" and found.periods[-1] == "2023-05"
    assert found.overall.matches == [2] and found.overall.articles == [2]
    assert found.overall.shares == [1.0] and found.exact and found.undated == 0
    # Top 1 agency (A and B tie: the first by name), then the rest with the other's articles.
    assert [(s.name, s.matches, s.articles) for s in found.series] == [
        ("A", [1], [1]),
        ("(other)", [1], [1]),
    ]


def test_trend_fills_empty_periods_and_writes_csv_with_a_bom(conn: sqlite3.Connection) -> None:
    found = trend(conn, parse_query("bình đẳng giới"), period="month")
    assert found.periods[0] == "2021-05" and found.periods[-1] == "2022-05"
    assert len(found.periods) == 13 and found.overall.matches[1:12] == [0] * 11
    yearly = trend(conn, parse_query("bình đẳng giới"), period="year", split="family")
    assert yearly.periods == ["2021", "2022"] and yearly.overall.matches == [1, 1]
    assert [s.name for s in yearly.series] == ["f"]
    text = yearly.csv()
    assert text.startswith("\ufeffperiod,family,matches,articles,share\r\n")
    assert "2021,all,1,1,1.000000" in text
    weekly = trend(conn, parse_query("tháp"), period="week")
    assert weekly.periods[0] == "2023-05-01"  # the Monday of the week of 3 and 4 May 2023


def test_the_narrow_facet_table_follows_every_write(conn: sqlite3.Connection) -> None:
    columns = "agency, family, category, year, month, author_unit, published"

    def same() -> bool:
        wide = conn.execute(f"SELECT rowid, {columns} FROM articles ORDER BY 1").fetchall()
        return (
            wide == conn.execute(f"SELECT id, {columns} FROM article_facets ORDER BY 1").fetchall()
        )

    assert same() and len(ROWS) == conn.execute("SELECT count(*) FROM article_facets").fetchone()[0]
    db = Database(conn)
    db.table("articles").upsert(
        {"url": "https://x.invalid/0", "agency": "C", "year": 2020}, pk="url"
    )
    db.table("articles").upsert({"url": "https://x.invalid/new", "agency": "D"}, pk="url")
    conn.execute("DELETE FROM articles WHERE url = 'https://x.invalid/1'")
    assert same()
    assert run_search(conn, parse_query("bình đẳng giới")).facets["agency"] == [("C", 1)]


def test_counts_in_memory_follow_writes_made_by_another_connection(
    conn: sqlite3.Connection, tmp_path
) -> None:
    query = parse_query("tháp")
    assert facet_index(conn) is not None  # counted from memory, not by count_matches
    assert run_search(conn, query).total == 2
    writer = Database(tmp_path / "small.db")  # a crawl writing while the search serves
    writer.table("articles").insert(
        {
            "url": "https://x.invalid/new",
            "title": "Tháp mới",
            "agency": "D",
            "year": 2024,
            "month": "2024-01",
            "published": "2024-01-09T08:00:00+07:00",
            "search_folded": fold("Tháp mới"),
        }
    )
    writer.table("articles").upsert({"url": "https://x.invalid/2", "agency": "E"}, pk="url")
    writer.close()
    result = run_search(conn, query)
    total, facets = sql_truth(conn, query.fts)
    assert result.total == total == 3
    assert dict(result.facets["agency"]) == facets["agency"] == {"B": 1, "D": 1, "E": 1}
    since = run_search(conn, query, parse_filters({"from": ["2024-01-09"], "agency": ["D"]}))
    assert since.total == 1
    assert trend(conn, query).overall.matches[-1] == 1  # January 2024


def test_a_served_search_counts_an_article_written_while_it_serves(
    conn: sqlite3.Connection, tmp_path
) -> None:
    datasette = make_datasette(tmp_path / "small.db")
    asyncio.run(datasette.invoke_startup())

    def served(path: str) -> dict:
        response = asyncio.run(datasette.client.get(path))
        assert response.status_code == 200, response.text
        return response.json()

    before = served("/-/search.json?q=th%C3%A1p&exact=1")
    assert before["total"] == 2 and before["total_kind"] == "exact"
    writer = Database(tmp_path / "small.db")  # `govarchive update` writing meanwhile
    writer.table("articles").insert(
        {
            "url": "https://x.invalid/written-while-serving",
            "title": "Tháp mới",
            "agency": "D",
            "month": "2024-01",
            "published": "2024-01-09",
            "search_folded": fold("Tháp mới"),
        }
    )
    writer.close()
    after = served("/-/search.json?q=th%C3%A1p&exact=1")
    assert after["total"] == 3
    assert {"value": "D", "count": 1} in after["facets"]["agency"]
    months = served("/-/trend.json?q=th%C3%A1p")["overall"]
    assert months[-1] == {"period": "2024-01", "matches": 1, "articles": 1, "share": 1.0}


def test_facet_codes_widen_past_two_bytes(conn: sqlite3.Connection) -> None:
    index = FacetIndex()
    many = 40_000  # agencies: more than a two-byte code holds
    index._store(
        conn, [(n, f"agency {n}", None, None, None, None, None, None) for n in range(1, many + 1)]
    )
    found = index.group(np.array([1, many, many]), ["agency"])
    assert found == {"agency 1": 1, f"agency {many}": 2}
