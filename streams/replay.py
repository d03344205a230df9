"""Replay articles onto the articles topic in event-time order.

Sources: a folder with manifest.yaml (like seeds/), a JSONL file of Article records, or a folder
of such JSONL files. Keys are the article ids, so a replayed article is recognisable.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

import orjson
import yaml
from pydantic import ValidationError

from schemas import Article
from streams.kafka_io import encode, ensure_topics, make_producer
from streams.settings import Settings


class SourceError(ValueError):
    pass


def _from_manifest(folder: Path) -> list[Article]:
    data = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8")) or {}
    out = []
    for entry in data.get("articles") or []:
        entry = dict(entry)
        body = (folder / entry.pop("file")).read_text(encoding="utf-8")
        try:
            out.append(Article.model_validate({**entry, "body": body}))
        except ValidationError as err:
            raise SourceError(f"{folder}/manifest.yaml: entry {entry.get('id')}: {err}") from err
    return out


def _from_jsonl(path: Path) -> list[Article]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(Article.model_validate(orjson.loads(line)))
        except (orjson.JSONDecodeError, ValidationError) as err:
            raise SourceError(f"{path}:{n}: {err}") from err
    return out


def load_articles(source: Path) -> list[Article]:
    """All articles of a source, sorted by event time (then id, for a stable order)."""
    if source.is_dir():
        if (source / "manifest.yaml").exists():
            articles = _from_manifest(source)
        else:
            articles = [a for p in sorted(source.glob("*.jsonl")) for a in _from_jsonl(p)]
            if not articles:
                raise SourceError(f"{source}: no manifest.yaml and no *.jsonl files")
    elif source.suffix == ".jsonl":
        articles = _from_jsonl(source)
    else:
        raise SourceError(f"{source}: expected a folder with manifest.yaml, or a .jsonl file")
    return sorted(articles, key=lambda a: (a.published_at, a.id))


def replay(
    articles: Iterable[Article],
    settings: Settings,
    *,
    speed: float = 0.0,
    on_sent: Callable[[Article], None] | None = None,
    max_gap_s: float = 5.0,
) -> int:
    """Produce articles in order. speed 0 = as fast as possible; N = N× real time between event
    times (gaps capped at max_gap_s so a year-long replay stays watchable)."""
    ensure_topics(settings)
    producer = make_producer(settings)
    sent = 0
    previous = None
    try:
        for article in articles:
            if speed > 0 and previous is not None:
                gap = (article.published_at - previous).total_seconds() / speed
                time.sleep(min(max(gap, 0.0), max_gap_s))
            previous = article.published_at
            producer.send(settings.topic_articles, key=article.id.encode(), value=encode(article))
            sent += 1
            if on_sent:
                on_sent(article)
        producer.flush(timeout=30)
    finally:
        producer.close(timeout=10)
    return sent
