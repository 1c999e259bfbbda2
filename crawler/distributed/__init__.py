"""Distributed crawls on scrapy-redis: workers share a Redis scheduler, duplicate filter and
host turns; their records go to a Redis stream that one `govarchive ingest` writes."""
