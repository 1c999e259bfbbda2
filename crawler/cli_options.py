"""Options several `govarchive` commands share."""

from __future__ import annotations

import click

# Every command that can reach the replica twins takes the replica's address the same way.
replica_url_option = click.option(
    "--replica-url",
    envvar="GOVARCHIVE_REPLICA_URL",
    default=None,
    help="Where the replica portals answer, for replica-* sites.",
)

# crawl and update cap a run's new articles the same way.
max_articles_option = click.option(
    "--max-articles",
    type=click.IntRange(min=0),
    default=0,
    help="Fetch at most N new articles per site (0: no limit).",
)
