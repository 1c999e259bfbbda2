"""Pure parsers for the ways portals list their articles: links, feeds, sitemaps, forms, APIs."""
