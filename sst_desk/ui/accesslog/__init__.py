"""The access log's review: search, the chain check, sample checks, the log's words."""
