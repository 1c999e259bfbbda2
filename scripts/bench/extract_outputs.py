"""Save every dev-set and replica page's extracted fields, or compare them (a speed-up's proof).

Usage:
  python scripts/bench/extract_outputs.py save data/outputs-before.jsonl
  python scripts/bench/extract_outputs.py compare data/outputs-before.jsonl

Pages: the 990 dev-set pages by the generic path, and the replica's article pages (plain by
both paths, obfuscated by the generic path). `compare` extracts again and names every page
and field that differs from the saved run; it exits 1 when any does.

Example:
  python scripts/bench/extract_outputs.py save /tmp/before.jsonl --articles 30

With `--pages FILE` the replica's pages are fetched once and kept in FILE (a pickle), and later
runs read them from there: a comparison then reads the same pages when the replica's code
changes meanwhile (another change in a shared tree).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from crawler.evaluation.devset import DEFAULT_DEVSET, load_devset
from crawler.extract import extract_article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_speed import replica_pages  # a sibling script, not a package

# The replica listens on a free port, another each run: outputs name it by one placeholder.
_REPLICA_ORIGIN = re.compile(r"http://127\.0\.0\.1:\d+")


def kept_replica_pages(articles: int, pages: Path | None) -> dict[bool, list]:
    """The replica's pages, plain and obfuscated: from `pages` if it exists, else fetched (and
    kept in `pages` if given)."""
    if pages is not None and pages.exists():
        with pages.open("rb") as kept:
            return pickle.load(kept)  # a file this script wrote
    fetched = {obfuscate: replica_pages(articles, obfuscate) for obfuscate in (False, True)}
    if pages is not None:
        with pages.open("wb") as kept:
            pickle.dump(fetched, kept)
    return fetched


def outputs(
    articles: int, devset_limit: int | None, pages: Path | None = None
) -> Iterator[tuple[str, dict]]:
    """(key, fields or error) for every page, in a fixed order."""
    runs = [("plain", False, (False, True)), ("obfuscated", True, (True,))]
    replica = kept_replica_pages(articles, pages)
    for name, obfuscate, paths in runs:
        for html, url, profile in replica[obfuscate]:
            for generic in paths:
                key = f"{name}/{'generic' if generic else 'profile'} {url}"
                fields = json.dumps(_fields(html, url, profile, generic), ensure_ascii=False)
                yield (
                    _REPLICA_ORIGIN.sub("http://replica", key),
                    json.loads(_REPLICA_ORIGIN.sub("http://replica", fields)),
                )
    if (DEFAULT_DEVSET / "evaldata.json").exists():
        for index, page in enumerate(load_devset(limit=devset_limit)):
            yield f"dev/{index} {page.url}", _fields(page.html, page.url, None, True)


def _fields(html: bytes, url: str, profile: object, generic: bool) -> dict:
    try:
        return extract_article(html, url, profile, generic=generic).to_dict()
    except Exception as error:  # a failure is an output to compare too
        return {"error": f"{type(error).__name__}: {error}"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Example: python scripts/bench/extract_outputs.py save /tmp/before.jsonl",
    )
    parser.add_argument("mode", choices=("save", "compare"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--devset-limit", type=int, default=None)
    parser.add_argument("--pages", type=Path, default=None, help="keep the replica's pages here")
    args = parser.parse_args()

    if args.mode == "save":
        with args.path.open("w", encoding="utf-8") as out:
            count = 0
            for key, fields in outputs(args.articles, args.devset_limit, args.pages):
                out.write(json.dumps([key, fields], ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        print(f"{count} pages saved to {args.path}")
        return
    if not args.path.exists():
        sys.exit(f"error: no saved run at {args.path}")
    saved = dict(json.loads(line) for line in args.path.open(encoding="utf-8"))
    pages = differing = 0
    for key, fields in outputs(args.articles, args.devset_limit, args.pages):
        pages += 1
        before = saved.pop(key, None)
        if before == fields:
            continue
        differing += 1
        if before is None:
            print(f"{key}: not in the saved run")
            continue
        for name in sorted(set(before) | set(fields)):
            if before.get(name) != fields.get(name):
                print(f"{key}: {name}: {before.get(name)!r:.200} -> {fields.get(name)!r:.200}")
    for key in saved:
        print(f"{key}: saved, not extracted now")
    print(f"{pages} pages, {differing} differ, {len(saved)} missing")
    sys.exit(1 if differing or saved else 0)


if __name__ == "__main__":
    main()
