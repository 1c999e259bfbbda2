"""The archive's schema as registered sqlite-utils migrations, applied on open."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("govarchive")

# unicode61 folds case and tone marks; đ/Đ is folded by us into `search_folded` (archive.fold).
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


@migrations()
def m001_articles(db: Database) -> None:
    # Column order is what Datasette shows: what a reader wants first, bookkeeping last.
    db.table("articles").create(
        {
            "title": str,
            "published": str,
            "agency": str,
            "author_unit": str,
            "author": str,
            "body_text": str,
            "url": str,
            "site": str,
            "year": int,
            "source_url": str,
            "fetched_at": str,
            "first_seen": str,
            "last_seen": str,
            "extraction_path": str,
            "extractor_version": str,
            "warnings": str,
            "search_folded": str,
        },
        pk="url",
    )
    articles = db.table("articles")
    articles.create_index(["site", "published"])
    articles.create_index(["agency"])
    articles.create_index(["published"])
    articles.enable_fts(
        ["title", "body_text", "search_folded"], tokenize=FTS_TOKENIZER, create_triggers=True
    )
    db.table("extraction_failures").create(
        {
            "url": str,
            "site": str,
            "reason": str,
            "http_status": int,
            "first_failed_at": str,
            "last_failed_at": str,
        },
        pk="url",
    )


@migrations()
def m002_article_fields_and_children(db: Database) -> None:
    """Issue 4's fields: sapo, sanitized body HTML, category, tags, update time, language;
    pictures, attachments and cited documents as tables of their own, keyed by article."""
    articles = db.table("articles")
    for column in ("summary", "body_html", "category", "tags", "updated", "language"):
        articles.add_column(column, str)
    db.table("images").create(
        {"article_url": str, "position": int, "url": str, "caption": str},
        pk=("article_url", "position"),
        foreign_keys=[("article_url", "articles", "url")],
    )
    db.table("attachments").create(
        {"article_url": str, "position": int, "url": str, "name": str, "type": str},
        pk=("article_url", "position"),
        foreign_keys=[("article_url", "articles", "url")],
    )
    db.table("cited_documents").create(
        {
            "article_url": str,
            "position": int,
            "number": str,
            "type": str,
            "issuer": str,
            "date": str,
        },
        pk=("article_url", "position"),
        foreign_keys=[("article_url", "articles", "url")],
    )
    db.table("cited_documents").create_index(["number"])
    db.table("attachments").create_index(["url"])


@migrations()
def m003_provenance(db: Database) -> None:
    """Issues 5 and 6: sites and agencies, every fetch and run, every distinct version of an
    article, removals, and what a conditional GET needs (ETag, Last-Modified)."""
    db.table("agencies").create({"name": str}, pk="name")
    db.table("sites").create(
        {
            "slug": str,
            "agency": str,
            "family": str,
            "base_url": str,
            "enabled": int,
            "twin_of": str,
        },
        pk="slug",
        foreign_keys=[("agency", "agencies", "name")],
    )
    articles = db.table("articles")
    for column in ("family", "month", "removed_at", "content_hash", "etag", "last_modified"):
        articles.add_column(column, str)
    articles.add_column("missing_count", int)  # consecutive 404/410 answers since last seen
    articles.create_index(["month"])
    articles.create_index(["removed_at"])
    db.table("crawl_runs").create(
        {
            "id": int,
            "site": str,
            "mode": str,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "requests": int,
            "new_articles": int,
            "changed_articles": int,
            "unchanged_articles": int,
            "removed_articles": int,
            "failures": int,
            "code_version": str,
        },
        pk="id",
    )
    db.table("crawl_runs").create_index(["site", "started_at"])
    db.table("fetches").create(
        {
            "id": int,
            "run_id": int,
            "url": str,
            "method": str,
            "kind": str,
            "status": int,
            "error": str,
            "bytes": int,
            "elapsed_ms": float,
            "fetched_at": str,
            "warc_file": str,
            "warc_offset": int,
            "warc_record_id": str,
        },
        pk="id",
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )
    db.table("fetches").create_index(["run_id"])
    db.table("fetches").create_index(["url"])
    db.table("article_versions").create(
        {
            "id": int,
            "article_url": str,
            "version": int,
            "content_hash": str,
            "fetched_at": str,
            "run_id": int,
            "title": str,
            "published": str,
            "updated": str,
            "author_unit": str,
            "summary": str,
            "body_text": str,
            "extractor_version": str,
            "warc_file": str,
            "warc_offset": int,
            "warc_record_id": str,
        },
        pk="id",
        foreign_keys=[("article_url", "articles", "url"), ("run_id", "crawl_runs", "id")],
    )
    db.table("article_versions").create_index(["article_url", "version"], unique=True)


@migrations()
def m004_analyst_indexes(db: Database) -> None:
    """Issue 7: every facet and canned query of the analyst's archive reads an index, not the
    table, so they answer at a million articles (docs/datasette.md)."""
    articles = db.table("articles")
    for columns in (["year"], ["family"], ["category"], ["author_unit"], ["site", "first_seen"]):
        articles.create_index(columns)
    # (agency, published) serves per-agency listings and feeds, (month, agency) the monthly
    # counts; each also covers what the one-column index it replaces did.
    articles.create_index(["agency", "published"])
    articles.create_index(["month", "agency"])
    db.execute("DROP INDEX IF EXISTS idx_articles_agency")
    db.execute("DROP INDEX IF EXISTS idx_articles_month")


@migrations()
def m005_snapshots(db: Database) -> None:
    """Issue 6: which WARC record a fetch wrote (a full response, or a revisit of a payload
    archived before) and its payload digest; whether a run walked its listings to the end."""
    fetches = db.table("fetches")
    fetches.add_column("payload_digest", str)
    fetches.add_column("warc_type", str)
    db.table("crawl_runs").add_column("walk_complete", int)


@migrations()
def m006_prefix_index(db: Database) -> None:
    """Issue 7: prefix queries (`hành*`) read FTS5 prefix indexes of 3 to 6 letters instead of
    merging the article lists of every word with that prefix: "thi hanh*" at a million
    articles 43-78 ms before, under 1 ms after, for about a third more index (measured at
    100,000 articles; docs/datasette.md). Same columns, tokenizer and triggers; the index is
    rebuilt from `articles` (minutes at a million articles, once)."""
    db.execute("DROP TABLE IF EXISTS articles_fts")
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING FTS5 (title, body_text, search_folded, "
        f"tokenize='{FTS_TOKENIZER}', prefix='3 4 5 6', content=\"articles\")"
    )
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")


@migrations()
def m007_facets_by_date(db: Database) -> None:
    """Issue 7: the table page sorts by publication date; filtered on a facet (year=2021 and
    category=Thông báo), SQLite walked every article in date order looking for matches (over
    3 s at a million articles). With (facet, published) indexes it walks only the filtered
    articles, already in date order; each still covers its facet's counts."""
    articles = db.table("articles")
    for column in ("year", "family", "category", "author_unit"):
        articles.create_index([column, "published"])
        db.execute(f"DROP INDEX IF EXISTS idx_articles_{column}")


@migrations()
def m008_evidence_and_hosts(db: Database) -> None:
    """Issue 12: how much of a site's profile public evidence backs (evidenced, partial,
    assumed; docs/evidence.md), so an analyst can weigh what a site's articles show; which
    host each fetch counted against and when it started, so the spacing of requests to one
    host across all sites of a run can be read from `fetches`."""
    db.table("sites").add_column("confidence", str)
    fetches = db.table("fetches")
    fetches.add_column("host", str)
    fetches.add_column("started_at", str)
    fetches.create_index(["host", "started_at"])


@migrations()
def m009_published_source(db: Database) -> None:
    """Issue 13: which source gave an article's publication date (profile, api, properties,
    header, json-ld, meta, itemprop, url, htmldate), so an analyst can weigh a date."""
    db.table("articles").add_column("published_source", str)


@migrations()
def m010_run_owner_and_drift(db: Database) -> None:
    """Issue 15: which process ran a crawl (a run left `running` by a dead pid was killed:
    `interrupted`), and each run's extraction quality against the site's history: `quality`
    (JSON: shares of empty fields, of the generic path and of unreadable pages, now and
    before) and `drift` (the fields that fell clearly below history, comma-separated; empty
    when none did, NULL when not judged)."""
    runs = db.table("crawl_runs")
    runs.add_column("pid", int)
    runs.add_column("quality", str)
    runs.add_column("drift", str)


@migrations()
def m011_redirect_location(db: Database) -> None:
    """Issue 15: where a redirect answer pointed (its Location, made absolute), so a run plans
    a permanently moved article (301, 308) by its new URL instead of asking the old one on
    every run."""
    db.table("fetches").add_column("location", str)


FACET_COLUMNS = ("agency", "family", "category", "year", "month", "author_unit", "published")


@migrations()
def m012_article_facets(db: Database) -> None:
    """Issue 16: a narrow copy of each article's facet columns and date, keyed by its rowid
    and kept by triggers, so exact facet counts and trends read ~50 bytes per matching article
    instead of its whole row (the body included): a common word's six facets at a million
    articles ~10 s from `articles`, well under one from this (docs/benchmarks.md)."""
    columns = ", ".join(FACET_COLUMNS)
    new = ", ".join(f"new.{column}" for column in FACET_COLUMNS)
    db.execute(
        "CREATE TABLE article_facets (id INTEGER PRIMARY KEY, agency TEXT, family TEXT, "
        "category TEXT, year INTEGER, month TEXT, author_unit TEXT, published TEXT)"
    )
    db.execute(f"INSERT INTO article_facets (id, {columns}) SELECT rowid, {columns} FROM articles")
    db.execute("CREATE INDEX article_facets_published ON article_facets (published)")
    # No conflict clause in the triggers: the writing statement's (an upsert's) would
    # override it.
    assigned = ", ".join(f"{column} = new.{column}" for column in FACET_COLUMNS)
    db.execute(
        "CREATE TRIGGER article_facets_ai AFTER INSERT ON articles BEGIN "
        f"INSERT INTO article_facets (id, {columns}) VALUES (new.rowid, {new}); END"
    )
    db.execute(
        f"CREATE TRIGGER article_facets_au AFTER UPDATE OF {columns} ON articles BEGIN "
        f"UPDATE article_facets SET {assigned} WHERE id = new.rowid; END"
    )
    db.execute(
        "CREATE TRIGGER article_facets_ad AFTER DELETE ON articles BEGIN "
        "DELETE FROM article_facets WHERE id = old.rowid; END"
    )


@migrations()
def m013_retries_given_up(db: Database) -> None:
    """Issue 15: article URLs whose fetch kept failing past the retry limit (archive/retries.py):
    later runs no longer ask them again from `fetches`, and `status` counts them apart."""
    db.table("retries_given_up").create(
        {
            "url": str,
            "site": str,
            "attempts": int,
            "first_failed_at": str,
            "last_error": str,
            "given_up_at": str,
        },
        pk="url",
    )
    db.table("retries_given_up").create_index(["site"])


@migrations()
def m014_article_facets_changes(db: Database) -> None:
    """Issue 16: each write to `article_facets` numbered (`seq`, one above the largest), and
    deletions counted in `article_facets_state`, so the search process keeps every article's
    facet codes in memory (archive.facet_index) and reads only what changed since it looked."""
    db.execute("ALTER TABLE article_facets ADD COLUMN seq INTEGER")
    db.execute("UPDATE article_facets SET seq = id")
    db.execute("CREATE INDEX article_facets_seq ON article_facets (seq)")
    db.execute("CREATE TABLE article_facets_state (deleted INTEGER NOT NULL)")
    db.execute("INSERT INTO article_facets_state (deleted) VALUES (0)")
    for name in ("ai", "au", "ad"):
        db.execute(f"DROP TRIGGER article_facets_{name}")
    columns = ", ".join(FACET_COLUMNS)
    new = ", ".join(f"new.{column}" for column in FACET_COLUMNS)
    assigned = ", ".join(f"{column} = new.{column}" for column in FACET_COLUMNS)
    following = "(SELECT coalesce(max(seq), 0) + 1 FROM article_facets)"
    db.execute(
        "CREATE TRIGGER article_facets_ai AFTER INSERT ON articles BEGIN "
        f"INSERT INTO article_facets (id, {columns}, seq) VALUES (new.rowid, {new}, {following}); "
        "END"
    )
    db.execute(
        f"CREATE TRIGGER article_facets_au AFTER UPDATE OF {columns} ON articles BEGIN "
        f"UPDATE article_facets SET {assigned}, seq = {following} WHERE id = new.rowid; END"
    )
    db.execute(
        "CREATE TRIGGER article_facets_ad AFTER DELETE ON articles BEGIN "
        "DELETE FROM article_facets WHERE id = old.rowid; "
        "UPDATE article_facets_state SET deleted = deleted + 1; END"
    )


def migrate(db: Database) -> None:
    """Bring `db` up to the current schema (a no-op when it already is)."""
    migrations.apply(db)
