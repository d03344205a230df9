"""Errors shared across the package (no imports of Kafka or Redis clients here)."""

from __future__ import annotations


class ServiceUnavailable(RuntimeError):
    """A required service (Kafka or Redis) is not reachable; the message says how to start it."""
