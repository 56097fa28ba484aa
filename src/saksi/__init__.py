"""saksi — turn raw news articles into a corroborated, source-attributed evidence base."""

__version__ = "0.1.0"
