"""Benchmark: search and facets on a synthetic archive of a million articles, through the HTTP
API of a real `govarchive serve` on 127.0.0.1 (not part of `make test`).

The archive is made once by scripts/bench/synthetic_archive.py (data/ is git-ignored). Each
query of a fixed mix is asked `--rounds` times over one keep-alive connection after one
untimed warm-up round; the latency is the client's wall time for the whole response.

Issue 16: the same 30 searches asked for their results only (`counts=0`), with exact totals
and facets (`exact=1`), and as a trend (/-/trend.json); every total, facet and monthly count
is checked against SQL over the full-text match, read straight from the file.

Usage: python scripts/bench/search_scale.py [--articles 1000000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

# Run as a script, this folder is on sys.path: the generator is the sibling script.
from synthetic_archive import ROOT, generate

# The mix is data shared with tests/test_web.py, which counts it against SQL on a small archive.
_MIX = json.loads((ROOT / "tests" / "search_mix.json").read_text(encoding="utf-8"))
SEARCHES: list[str] = _MIX["searches"]
FILTERED: list[tuple[str, dict[str, str]]] = [(q, f) for q, f in _MIX["filtered"]]
FACETS = ("agency", "family", "category", "year", "month", "author_unit")
FACET_VIEWS = [
    {},  # the table page's six facets from metadata.yaml over every article
    {"agency": "Cục Thi hành án dân sự tỉnh Đồng Tháp"},
    {"year": "2021", "category": "Thông báo"},
    {"published__gte": "2024-01-01", "published__lt": "2025-01-01"},
    # Datasette's own table search: all matches, counted and faceted by Datasette.
    {"_search": "ngân sách nhà nước"},
    {"_search": "bình đẳng giới"},
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Client:
    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str, params: dict[str, str]) -> tuple[float, int, dict]:
        url = path + "?" + urllib.parse.urlencode(params)
        started = time.perf_counter()
        self.connection.request("GET", url)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        return elapsed, response.status, json.loads(body)


def serve(db: Path, port: int) -> subprocess.Popen:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is taken: stop what runs there or pass --port")
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"govarchive serve exited with {server.returncode}")
        try:
            Client(port).get("/-/versions.json", {})
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("govarchive serve did not answer")


def timed(client: Client, path: str, requests: list[dict], rounds: int) -> list[tuple]:
    """(params, [ms per round], last answer) per request, after one untimed round."""
    results = []
    for params in requests:
        client.get(path, params)
        times, answer = [], {}
        for _ in range(rounds):
            elapsed, status, answer = client.get(path, params)
            assert status == 200, (params, answer)
            times.append(elapsed)
        results.append((params, times, answer))
    return results


def report(label: str, results: list[tuple]) -> dict[str, float]:
    times = [t for _, each, _ in results for t in each]
    figures = {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
    }
    print(f"{label}: {figures}")
    return figures


def sql_truth(db: Path, fts: str) -> tuple[int, dict[str, dict], dict[str, int]]:
    """The total, the six facets and the matches per month, counted by SQL from the file."""
    matches = "rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    with sqlite3.connect(db) as conn:
        total = conn.execute(f"SELECT count(*) FROM articles WHERE {matches}", [fts]).fetchone()
        facets = {
            column: dict(
                conn.execute(
                    f"SELECT [{column}], count(*) FROM articles WHERE {matches} "
                    f"AND coalesce([{column}], '') != '' GROUP BY 1",
                    [fts],
                ).fetchall()
            )
            for column in FACETS
        }
        months = dict(
            conn.execute(
                f"SELECT month, count(*) FROM articles WHERE {matches} AND month IS NOT NULL "
                "GROUP BY 1",
                [fts],
            ).fetchall()
        )
    return total[0], facets, months


def check(db: Path, counted: list[tuple], trends: list[tuple]) -> list[str]:
    """What the served totals, facets and trends say that SQL does not."""
    wrong = []
    by_query = {params["q"]: answer for params, _, answer in trends}
    for params, _, answer in counted:
        if answer["total_kind"] != "exact":
            wrong.append(f"{params['q']}: not counted exactly ({answer['total']:,} at least)")
            continue
        total, facets, months = sql_truth(db, answer["fts"])
        if answer["total"] != total:
            wrong.append(f"{params['q']}: total {answer['total']:,}, SQL {total:,}")
        for column, values in answer["facets"].items():
            for item in values:
                if facets[column].get(item["value"]) != item["count"]:
                    wrong.append(f"{params['q']}: facet {column}={item['value']} differs")
        trend = by_query[params["q"]]
        shown = {p["period"]: p["matches"] for p in trend["overall"] if p["matches"]}
        if shown != months:
            wrong.append(f"{params['q']}: trend months differ from SQL")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench" / "search-1m.db")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not args.db.exists():
        generate(args.db, args.articles)
    server = serve(args.db, args.port)
    try:
        client = Client(args.port)
        searches = timed(client, "/-/search.json", [{"q": q} for q in SEARCHES], args.rounds)
        filtered = timed(
            client, "/-/search.json", [{"q": q, **f} for q, f in FILTERED], args.rounds
        )
        facets = timed(
            client,
            f"/{args.db.stem}/articles.json",
            [{"_size": "0", **view} for view in FACET_VIEWS],
            args.rounds,
        )
        results_only = timed(
            client, "/-/search.json", [{"q": q, "counts": "0"} for q in SEARCHES], args.rounds
        )
        exact = timed(
            client, "/-/search.json", [{"q": q, "exact": "1"} for q in SEARCHES], args.rounds
        )
        trends = timed(client, "/-/trend.json", [{"q": q} for q in SEARCHES], args.rounds)
    finally:
        server.terminate()
        server.wait(timeout=10)
    figures = {
        "searches": report("search, no filter", searches),
        "filtered": report("search with a facet or date filter", filtered),
        "facets": report("table page facets (6 facets + count)", facets),
        "results_only": report("search results only (counts=0)", results_only),
        "exact": report("search with exact totals and facets (exact=1)", exact),
        "trend": report("trend per month by agency", trends),
    }
    for params, times, answer in searches + filtered:
        print(
            f"  {statistics.median(times):6.1f} ms  {answer['total_kind']:9} "
            f"{answer['total']:>9,}  {params}"
        )
    # Datasette leaves a facet that ran out of time out of facet_results.
    timed_out = {
        str(params): sorted(set(FACETS) - set(answer["facet_results"]))
        for params, _, answer in facets
    }
    print("facets that timed out:", timed_out)
    figures["facets_timed_out"] = timed_out
    wrong = check(args.db, exact, trends)
    print(f"totals, facets and trend months against SQL: {len(wrong)} differences")
    for line in wrong:
        print("  " + line)
    figures["differences_from_sql"] = wrong
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
