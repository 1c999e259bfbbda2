"""The replica's command line: `python -m replica` (and `govarchive replica`)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import threading
from collections.abc import Sequence

from replica.faults import FaultSpec
from replica.server import INTERNAL, ReplicaServer
from replica.site import SiteConfig


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the replicas until Ctrl-C, printing where each site is."""
    parser = argparse.ArgumentParser(
        prog="python -m replica",
        description="Serve offline replicas of Vietnamese government portals.",
        epilog="Example: python -m replica --port 8000 --articles 45 --obfuscate "
        "--faults 5xx=0.1:3,reset,slow=0.01:40,trap",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=1, help="generation seed")
    parser.add_argument("--articles", type=int, default=45, help="articles per site")
    parser.add_argument("--new-articles", type=int, default=0, help="newer articles on top")
    parser.add_argument("--edit-rate", type=float, default=0.0, help="share of edited articles")
    parser.add_argument("--edits", type=int, default=0, help="newest articles edited")
    parser.add_argument("--remove", type=int, default=0, help="articles answering 404/410")
    parser.add_argument("--obfuscate", action="store_true", help="randomize markup per site")
    parser.add_argument(
        "--faults", default="", metavar="SPEC", help="e.g. 5xx=0.1:3,reset,slow=0.01:40,trap"
    )
    parser.add_argument("--crawl-delay", type=float, help="Crawl-delay in robots.txt")
    parser.add_argument(
        "--disallow",
        action="append",
        default=[],
        metavar="PATH",
        help="one more Disallow rule in the root robots.txt (repeatable)",
    )
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = parser.parse_args(argv)
    try:
        faults = FaultSpec.parse(args.faults)
    except ValueError as error:
        parser.error(f"--faults: {error}")
    knobs = ("seed", "articles", "new_articles", "edit_rate", "edits", "remove")
    config = SiteConfig(**{name: getattr(args, name) for name in knobs})
    server = ReplicaServer(
        args.port,
        args.host,
        config=config,
        verbose=args.verbose,
        obfuscate=args.obfuscate,
        faults=faults,
        crawl_delay=args.crawl_delay,
        disallow=args.disallow,
    ).start()
    print(f"Replica serving at {server.url}")
    active = {**dataclasses.asdict(server.config), "obfuscate": server.obfuscate}
    active.update(faults=str(server.faults) or "none", crawl_delay=server.crawl_delay)
    print("  " + " ".join(f"{name}={value}" for name, value in active.items()))
    for site in server.sites:
        print(f"  {site.slug:<20} {server.url}{site.prefix}  ({site.article_count()} articles)")
    print(f"  truth: {server.url}{INTERNAL}truth.jsonl", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopping", file=sys.stderr)
    finally:
        server.stop()
    return 0
