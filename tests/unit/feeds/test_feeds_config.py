from pathlib import Path

import pytest

from streams.feeds.config import FeedsConfigError, load_feeds_file, parse_feeds_yaml
from streams.settings import PROJECT_ROOT


def test_minimal_feed_gets_safe_defaults() -> None:
    config = parse_feeds_yaml("feeds:\n  - url: https://example.org/rss\n    outlet: Example\n")
    feed = config.feeds[0]
    assert feed.poll_seconds == 300 and feed.enabled and not feed.allow_private
    assert feed.timezone == "UTC" and feed.language is None
    assert feed.host == "example.org"
    assert config.options.max_redirects == 5 and config.options.total_timeout == 30


def test_all_fields_and_options() -> None:
    config = parse_feeds_yaml(
        """
options: {read_timeout: 3, max_bytes: 20000, concurrency: 2}
feeds:
  - url: http://10.1.2.3:8080/feed.xml
    outlet: Intranet
    language: ID
    poll_seconds: 60
    allow_private: true
    enabled: false
    timezone: Asia/Jakarta
"""
    )
    feed = config.feeds[0]
    assert (feed.language, feed.poll_seconds, feed.allow_private) == ("id", 60, True)
    assert config.enabled_feeds == []
    assert config.options.read_timeout == 3 and config.options.concurrency == 2


@pytest.mark.parametrize(
    ("yaml_text", "fragment"),
    [
        ("feeds:\n  - {url: 'ftp://example.org/rss', outlet: X}\n", "http(s)"),
        ("feeds:\n  - {url: 'example.org/rss', outlet: X}\n", "http(s)"),
        ("feeds:\n  - {url: 'https://example.org/rss', outlet: ''}\n", "outlet"),
        ("feeds:\n  - {url: 'https://e.org/rss', outlet: X, pol_seconds: 5}\n", "pol_seconds"),
        ("feeds:\n  - {url: 'https://e.org/rss', outlet: X, timezone: Mars/Base}\n", "time zone"),
        (
            "feeds:\n  - {url: 'https://e.org/a', outlet: X}\n  - {url: 'https://e.org/a', outlet: Y}\n",
            "listed twice",
        ),
        ("options: {max_redirects: -1}\nfeeds: []\n", "max_redirects"),
        ("feeds: [unclosed\n", "not valid YAML"),
        ("- just a list\n", "mapping"),
    ],
)
def test_bad_files_fail_loudly(yaml_text: str, fragment: str) -> None:
    with pytest.raises(FeedsConfigError) as err:
        parse_feeds_yaml(yaml_text)
    assert fragment in str(err.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(FeedsConfigError, match="cannot read"):
        load_feeds_file(tmp_path / "nope.yaml")


def test_shipped_example_file_is_valid_and_public() -> None:
    config = load_feeds_file(PROJECT_ROOT / "streams" / "feeds" / "feeds.example.yaml")
    assert len(config.enabled_feeds) >= 6
    languages = {f.language for f in config.enabled_feeds}
    assert {"id", "en"} <= languages
    for feed in config.feeds:
        assert feed.url.startswith("https://") and not feed.allow_private
