"""The Faust app: `faust -A streams.app worker` or `claimwatch worker`.

Topics (names from settings): articles -> [extract agent] -> claims -> [stance agent] -> alerts;
anything that cannot be processed goes to the dead-letter topic with the reason and its bytes.
"""

from __future__ import annotations

import asyncio
import logging

from streams.agents import Topics, register
from streams.faust_config import make_app, raw_topic
from streams.settings import get_settings

settings = get_settings()
log = logging.getLogger("claimwatch")
app = make_app(settings)
topics = Topics(
    articles=raw_topic(app, settings.topic_articles, settings.article_partitions),
    claims=raw_topic(app, settings.topic_claims),
    alerts=raw_topic(app, settings.topic_alerts),
    deadletter=raw_topic(app, settings.topic_deadletter),
)
health = register(app, topics, settings)


@app.task  # type: ignore[untyped-decorator]  # faust ships no type hints
async def announce_ready() -> None:
    """Log the readiness line ops/demo.sh and the tests wait for, once partitions are assigned."""
    for _ in range(600):
        assignment = app.consumer.assignment() if app.consumer else set()
        names = {tp.topic for tp in assignment}
        if settings.topic_articles in names and settings.topic_claims in names:
            log.warning("claimwatch worker ready (topics: %s)", ", ".join(sorted(names)))
            print("claimwatch worker ready", flush=True)
            return
        await asyncio.sleep(0.2)
    log.error("claimwatch worker: partitions not assigned after 120 s")
