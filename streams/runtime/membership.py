"""Static group membership: a worker that crashes keeps its place in the consumer group, so its
restart takes its partitions back at once; a worker that is stopped on purpose leaves the group
(KIP-345's member removal), so its partitions move on and tools see the group empty."""

from __future__ import annotations

import logging

from kafka import KafkaAdminClient
from kafka.admin import MemberToRemove
from kafka.errors import KafkaError

from streams.settings import Settings

log = logging.getLogger("claimwatch.membership")


def instance_id(settings: Settings) -> str:
    return f"{settings.app_id}:{settings.worker_instance}"


def leave_group(settings: Settings) -> bool:
    """Remove this worker's static member from the group; False when Kafka could not be asked."""
    try:
        admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap, request_timeout_ms=10_000)
    except KafkaError as err:
        log.warning("could not leave consumer group %s: %s", settings.app_id, err)
        return False
    try:
        admin.remove_group_members(settings.app_id, [MemberToRemove(group_instance_id=instance_id(settings))])
        return True
    except KafkaError as err:  # not a member (any more): nothing to leave
        log.info("leaving consumer group %s: %s", settings.app_id, err)
        return False
    finally:
        admin.close()
