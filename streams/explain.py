"""`claimwatch explain`: the cleaned text with the claims found, for people checking the extractor.

The article is a file (.txt body, .json Article, .jsonl of Articles) or an article id as alerts
print it: looked up in the seeds' manifest.yaml, then on the articles topic. A .txt listed in a
manifest.yaml next to it takes its date, outlet and language from there.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import yaml
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from schemas import Article
from streams.core.extract import Extraction, extract
from streams.errors import ServiceUnavailable
from streams.kafka_io import kafka_unavailable, require_kafka
from streams.settings import Settings

DEFAULT_PUBLISHED = "2024-11-01T12:00:00+00:00"
DEFAULT_OUTLET = "unknown"


class ArticleNotFound(LookupError):
    pass


def _manifest(folder: Path) -> list[dict[str, Any]]:
    path = folder / "manifest.yaml"
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [dict(e) for e in data.get("articles") or [] if isinstance(e, dict)]


def _from_entry(folder: Path, entry: dict[str, Any]) -> Article:
    fields = {k: v for k, v in entry.items() if k != "file"}
    body = (folder / str(entry["file"])).read_text(encoding="utf-8")
    return Article.model_validate({**fields, "body": body})


def manifest_article(folder: Path, article_id: str) -> Article | None:
    """The article with this id in folder/manifest.yaml (like seeds/), or None."""
    for entry in _manifest(folder):
        if entry.get("id") == article_id and "file" in entry:
            return _from_entry(folder, entry)
    return None


def topic_article(settings: Settings, article_id: str, timeout_s: float = 30.0) -> Article | None:
    """The latest message keyed `article_id` on the articles topic, or None."""
    require_kafka(settings)
    try:
        consumer = KafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap,
            group_id=None,
            enable_auto_commit=False,
            allow_auto_create_topics=False,
        )
        partitions = consumer.partitions_for_topic(settings.topic_articles)
    except KafkaError as err:
        raise kafka_unavailable(settings, err) from err
    found: bytes | None = None
    try:
        if not partitions:
            return None
        tps = [TopicPartition(settings.topic_articles, p) for p in sorted(partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        key = article_id.encode("utf-8")
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and any(consumer.position(tp) < end[tp] for tp in tps):
            for records in consumer.poll(timeout_ms=500, max_records=1000).values():
                for r in records:
                    if r.key == key and r.value:
                        found = r.value
    finally:
        consumer.close()
    return Article.model_validate(orjson.loads(found)) if found else None


def find_article(settings: Settings, article_id: str) -> Article:
    """The article as the pipeline read it (the articles topic), else from the seeds' manifest
    (which works without Kafka)."""
    article: Article | None = None
    try:
        article = topic_article(settings, article_id)
    except ServiceUnavailable:
        article = None
    if article is None:
        article = manifest_article(settings.seeds_dir, article_id)
    if article is None:
        raise ArticleNotFound(
            f"no article {article_id!r}: not a file, not in {settings.seeds_dir}/manifest.yaml, "
            f"and not on the topic {settings.topic_articles}"
        )
    return article


def load_one(path: Path, published: str | None, outlet: str | None, language: str | None) -> list[Article]:
    if path.suffix == ".json":
        return [Article.model_validate(orjson.loads(path.read_bytes()))]
    if path.suffix == ".jsonl":
        return [
            Article.model_validate(orjson.loads(line))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    listed = next((e for e in _manifest(path.parent) if e.get("file") == path.name), None)
    if listed is not None:
        # The manifest knows the date, outlet and language; explicit options still win.
        entry = dict(listed)
        entry.update(
            {k: v for k, v in (("published_at", published), ("outlet", outlet), ("language", language)) if v}
        )
        return [_from_entry(path.parent, entry)]
    body = path.read_text(encoding="utf-8")
    return [
        Article(
            id=path.stem,
            outlet=outlet or DEFAULT_OUTLET,
            language=language,
            body=body,
            published_at=datetime.fromisoformat(published or DEFAULT_PUBLISHED),
        )
    ]


def render(ex: Extraction, article: Article | None = None) -> str:
    out = [f"article {ex.article_id} · language {ex.language} · {len(ex.claims)} claim(s)"]
    if article is not None:
        out.append(f"outlet {article.outlet} · published {article.published_at.isoformat()}")
        if article.title:
            out.append(f"title: {article.title}")
        out.append(f"source: {article.url or '(no URL)'}")
    if ex.dropped:
        out.append(f"dropped {len(ex.dropped)} noise line(s):")
        out.extend(f"  - {d.strip()[:100]}" for d in ex.dropped)
    out.append("")
    out.append("cleaned text:")
    out.extend(f"  {line}" for line in ex.text.splitlines())
    out.append("")
    out.append("attributions:")
    for attr in ex.attributions:
        spk = attr.speaker
        who = (
            f"{spk.text!r} -> {spk.actor_id or 'unknown'} (party {spk.party or '?'}, via {spk.resolved_by})"
            if spk
            else "?"
        )
        co = f" + {', '.join(c.party or '?' for c in attr.co_speakers)}" if attr.co_speakers else ""
        out.append(
            f"  sentence {attr.sentence}: cue {attr.cue.text or attr.cue.side!r} [{attr.cue.kind}] "
            f"speaker {who}{co}"
        )
        content = " ".join(ex.text[attr.content[0] : attr.content[1]].split())
        out.append(f"    content [{attr.content[0]}:{attr.content[1]}]: {content[:160]}")
        if not attr.frames:
            out.append("    (no frame: not a claim the stance engine tracks)")
        for c in attr.claims:
            q = c.quantity
            qty = f" figure {q.text!r} -> [{q.low}, {q.high}] {q.measure}" if q else ""
            out.append(f"    CLAIM {c.stance}/{c.modality} {c.proposition.id} — {c.proposition.label}{qty}")
            out.append(
                f"      span [{c.span.start}:{c.span.end}] time {c.event_time.date()} "
                f"conf {c.confidence} cues {', '.join(c.cues)}"
            )
    return "\n".join(out)


def explain_articles(articles: list[Article]) -> str:
    return "\n\n".join(render(extract(a), a) for a in articles)


def explain_path(path: Path, published: str | None, outlet: str | None, language: str | None) -> str:
    return explain_articles(load_one(path, published, outlet, language))
