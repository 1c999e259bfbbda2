"""govarchive storage: the SQLite archive (schema, upserts, search) and its Datasette setup."""
