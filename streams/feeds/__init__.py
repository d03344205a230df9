"""Live RSS/Atom ingestion: poll feeds, extract article text, de-duplicate, produce Articles.

Pipeline per feed: fetch (guarded HTTP) -> parse (feedparser) -> article text (trafilatura when
the feed only carries a summary) -> dates (dateparser) -> dedup (Redis) -> Kafka articles topic.
"""

from streams.feeds.config import FeedConfig, FeedsFile, IngestOptions, load_feeds_file

__all__ = ["FeedConfig", "FeedsFile", "IngestOptions", "load_feeds_file"]
