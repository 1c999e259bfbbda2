"""govarchive crawler: Scrapy project, site profiles and the pure extraction functions."""
