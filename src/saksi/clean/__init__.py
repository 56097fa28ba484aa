"""Cleaning scraped pages: classify every line, keep the article's own text, lift out its metadata."""
