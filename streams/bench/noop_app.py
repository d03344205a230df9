"""A no-op Faust pass-through (source topic -> sink topic): the framework's ceiling on this box.

Configured like streams.app (raw bytes, same commit settings, same broker) but with its own app
id and topics. Run by the benchmark as a subprocess:
    CW_KAFKA_BOOTSTRAP=... CW_APP_ID=... CW_WORKER_WEB_PORT=... CW_WORKER_DATA_DIR=... \
    CW_BENCH_SOURCE=... CW_BENCH_SINK=... CW_BENCH_COUNT=N python -m streams.bench.noop_app
It prints "noop first <epoch>" when the first event arrives and "noop done <epoch> <count>" once
it has forwarded N events and flushed its producer.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from streams.faust_config import make_app, raw_topic
from streams.settings import Settings

settings = Settings.model_validate({})  # CW_* environment variables
SOURCE = os.environ.get("CW_BENCH_SOURCE", "bench.noop.source")
SINK = os.environ.get("CW_BENCH_SINK", "bench.noop.sink")
COUNT = int(os.environ.get("CW_BENCH_COUNT", "0"))

app = make_app(settings, topic_partitions=1)
source_topic = raw_topic(app, SOURCE, partitions=1)
sink_topic = raw_topic(app, SINK, partitions=1)


@app.agent(source_topic)
async def forward(stream: Any) -> None:
    seen = 0
    async for event in stream.events():
        if seen == 0:
            print(f"noop first {time.time():.6f}", flush=True)
        await sink_topic.send(key=event.key, value=event.value)
        seen += 1
        if seen == COUNT:
            await app.producer.flush()
            print(f"noop done {time.time():.6f} {seen}", flush=True)


def main() -> None:
    settings.worker_data_dir.mkdir(parents=True, exist_ok=True)
    sys.argv = [
        "claimwatch-bench-noop",
        "worker",
        "--loglevel",
        "warn",
        "--web-port",
        str(settings.worker_web_port),
    ]
    app.main()


if __name__ == "__main__":
    main()
