"""A synthetic archive of N Vietnamese articles for the search benchmark (not part of the tests).

Words come from the replica's vocabulary files and the seed article, drawn with their corpus
frequencies, so common words are as common as in real government news; bodies are short (a
few sentences) so that a million articles generate in minutes. The archive has the real
schema (archive.schema, FTS triggers included) and is written in big transactions.

Usage: python scripts/bench/synthetic_archive.py --articles 1000000 --db data/bench/search-1m.db
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from archive.fold import fold
from archive.schema import migrate

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]+")
PROVINCES = (
    "Đồng Tháp",
    "Tiền Giang",
    "Hậu Giang",
    "Lạng Sơn",
    "Cao Bằng",
    "Bình Định",
    "Quảng Trị",
    "Kon Tum",
    "Thừa Thiên Huế",
    "Đắk Lắk",
    "Nghệ An",
    "Thanh Hóa",
    "Hà Giang",
    "Lào Cai",
    "Sơn La",
    "Điện Biên",
    "Quảng Ninh",
    "Hải Dương",
    "Bắc Ninh",
    "Ninh Bình",
    "Cà Mau",
    "Bạc Liêu",
    "Sóc Trăng",
    "An Giang",
    "Kiên Giang",
    "Long An",
    "Bến Tre",
    "Vĩnh Long",
    "Trà Vinh",
    "Tây Ninh",
)
FAMILIES = ("thads", "moj", "thads-new", "baochinhphu-cms", "liferay")
CATEGORIES = (
    "Tin tức",
    "Hoạt động",
    "Thông báo",
    "Văn bản",
    "Chỉ đạo điều hành",
    "Sự kiện",
    "Đoàn thể",
    "Pháp luật",
    "Cải cách hành chính",
    "Chuyển đổi số",
    "Y tế",
    "Tài chính",
)
UNITS = (
    "Văn phòng",
    "Phòng Nghiệp vụ",
    "Ban Vì sự tiến bộ phụ nữ",
    "Công đoàn",
    "Đoàn Thanh niên",
    "Phòng Tổ chức cán bộ",
    "Thanh tra",
    "Ban Biên tập",
)
FIRST_DAY, LAST_DAY = dt.date(2010, 1, 1), dt.date(2026, 11, 20)


def strings(value: object) -> list[str]:
    """Every string inside a JSON value (keys are names, not text)."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [text for item in items for text in strings(item)]


def corpus_words() -> Counter[str]:
    """Word frequencies of the replica's Vietnamese text (vocabulary files, seed article)."""
    texts = [(ROOT / "replica" / "seed_article.txt").read_text(encoding="utf-8")]
    for path in sorted((ROOT / "replica" / "vocab").glob("*.json")):
        texts += strings(json.loads(path.read_text(encoding="utf-8")))
    return Counter(word.lower() for text in texts for word in WORD.findall(text))


class Sentences:
    """A pool of sentences drawn from the corpus frequencies, each with its folded form."""

    def __init__(self, rng: random.Random, count: int = 20_000) -> None:
        words, weights = zip(*corpus_words().most_common(), strict=True)
        cumulative = list(itertools.accumulate(weights))
        total = cumulative[-1]
        self.pool: list[tuple[str, str]] = []
        for _ in range(count):
            picks = [
                words[bisect.bisect(cumulative, rng.random() * total)]
                for _ in range(rng.randint(10, 24))
            ]
            sentence = " ".join(picks).capitalize() + "."
            self.pool.append((sentence, fold(sentence)))
        self.rng = rng

    def take(self, count: int) -> tuple[str, str]:
        chosen = [self.pool[self.rng.randrange(len(self.pool))] for _ in range(count)]
        return " ".join(text for text, _ in chosen), " ".join(folded for _, folded in chosen)


def agencies() -> list[tuple[str, str, str]]:
    """(site slug, agency, family) for 60 synthetic sites."""
    sites = []
    for index, province in enumerate(PROVINCES):
        slug = fold(province).replace(" ", "")
        sites.append((f"thads-{slug}", f"Cục Thi hành án dân sự tỉnh {province}", FAMILIES[0]))
        family = FAMILIES[1 + index % (len(FAMILIES) - 1)]
        sites.append((f"ubnd-{slug}", f"Ủy ban nhân dân tỉnh {province}", family))
    return sites


def rows(count: int, seed: int) -> Iterator[tuple]:
    rng = random.Random(seed)
    sentences = Sentences(rng)
    sites = agencies()
    span = (LAST_DAY - FIRST_DAY).days
    fetched = "2026-11-29T00:00:00+00:00"
    for index in range(count):
        site, agency, family = sites[int(len(sites) * rng.random() ** 1.6)]
        title, _ = sentences.take(1)
        title = " ".join(title.split()[: rng.randint(8, 14)])
        body, body_folded = sentences.take(rng.randint(3, 6))
        if rng.random() < 0.005:
            body += " Tháng hành động vì bình đẳng giới."
            body_folded += " thang hanh dong vi binh dang gioi."
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        published = f"{day.isoformat()}T{rng.randrange(7, 21):02d}:{rng.randrange(60):02d}:00+07:00"
        category = CATEGORIES[int(len(CATEGORIES) * rng.random() ** 2)]
        unit = UNITS[rng.randrange(len(UNITS))] if rng.random() < 0.7 else None
        yield (
            f"https://{site}.synthetic.invalid/tin-tuc/{index}",
            site,
            agency,
            family,
            title,
            published,
            day.year,
            published[:7],
            unit,
            body,
            category,
            fetched,
            fetched,
            fetched,
            "synthetic",
            fold(title) + "\n" + body_folded,
        )


COLUMNS = (
    "url",
    "site",
    "agency",
    "family",
    "title",
    "published",
    "year",
    "month",
    "author_unit",
    "body_text",
    "category",
    "fetched_at",
    "first_seen",
    "last_seen",
    "extractor_version",
    "search_folded",
)


def generate(path: Path, count: int, seed: int = 7, batch: int = 50_000) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    db = Database(path)
    migrate(db)
    conn = db.conn
    # A throwaway file: no journal, no fsync, a big cache; the full-text index is built once
    # at the end ('rebuild') instead of row by row through the insert trigger.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_ai'").fetchone()[0]
    conn.execute("DROP TRIGGER articles_ai")
    sql = f"INSERT INTO articles ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    started = time.perf_counter()
    source = rows(count, seed)
    done = 0
    while chunk := list(itertools.islice(source, batch)):
        with conn:
            conn.executemany(sql, chunk)
        done += len(chunk)
        rate = done / (time.perf_counter() - started)
        print(f"{done:,} articles, {rate:,.0f}/s", flush=True)
    with conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        conn.execute(trigger)
    print(f"full-text index built, {time.perf_counter() - started:,.0f}s in all", flush=True)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench" / "search-1m.db")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.db, args.articles, args.seed)


if __name__ == "__main__":
    main()
