"""Reading a topic from its beginning to its current end with plain kafka-python (the dead-letter
listing and the state rebuild): every partition up to the end offsets taken at the start."""

from __future__ import annotations

from collections.abc import Iterator

from kafka import KafkaConsumer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaError

from streams.kafka_io import kafka_unavailable, require_kafka
from streams.settings import Settings


def read_to_end(settings: Settings, topic: str, max_bytes: int | None = None) -> Iterator[ConsumerRecord]:
    """Records of `topic`, partition by partition, in offset order, up to the end seen at start."""
    require_kafka(settings)  # seconds, not kafka-python's ~30 s, when nothing listens
    try:
        consumer = KafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap,
            group_id=None,
            enable_auto_commit=False,
            consumer_timeout_ms=5_000,
            max_partition_fetch_bytes=max_bytes or max(settings.max_message_bytes * 2, 1_048_576),
        )
    except KafkaError as err:
        raise kafka_unavailable(settings, err) from err
    try:
        parts = sorted(consumer.partitions_for_topic(topic) or set())
        tps = [TopicPartition(topic, p) for p in parts]
        if not tps:
            return
        ends = consumer.end_offsets(tps)
        for tp in tps:
            yield from _partition(consumer, tp, ends[tp])
    finally:
        consumer.close()


def _partition(consumer: KafkaConsumer, tp: TopicPartition, end: int) -> Iterator[ConsumerRecord]:
    consumer.assign([tp])
    consumer.seek_to_beginning(tp)
    while consumer.position(tp) < end:
        batch = consumer.poll(timeout_ms=2_000)
        if not batch:
            if consumer.position(tp) < end:
                continue
            break
        for record in batch.get(tp, []):
            if record.offset >= end:
                return
            yield record
