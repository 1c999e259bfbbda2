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
        {"article_url": str, "position": int, "number": str, "type": str, "issuer": str,
         "date": str},
        pk=("article_url", "position"),
        foreign_keys=[("article_url", "articles", "url")],
    )  # fmt: skip
    db.table("cited_documents").create_index(["number"])
    db.table("attachments").create_index(["url"])


def migrate(db: Database) -> None:
    """Bring `db` up to the current schema (a no-op when it already is)."""
    migrations.apply(db)
