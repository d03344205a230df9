"""When to poll a feed next.

Success: the configured interval, jittered +-10% so feeds configured alike drift apart instead of
hitting the network (and Kafka) in lock-step. Failure: exponential backoff with jitter, capped,
so a dead or throttling site is asked less and less often but never forgotten; a server's own
Retry-After is honoured when it asks for longer.
"""

from __future__ import annotations

import random


def success_delay(poll_seconds: float, rng: random.Random) -> float:
    factor: float = rng.uniform(0.9, 1.1)
    return poll_seconds * factor


def error_delay(
    poll_seconds: float,
    consecutive_errors: int,
    *,
    max_backoff: float,
    rng: random.Random,
    retry_after: float | None = None,
) -> float:
    """Delay after the `consecutive_errors`-th failure in a row (1 = first failure).

    "Equal jitter": half the exponential delay is fixed, half random, so the delay still grows
    with each failure while retries from many feeds are spread out.
    """
    exponent = min(max(consecutive_errors, 1) - 1, 20)
    ceiling = min(max_backoff, poll_seconds * (2**exponent))
    delay: float = ceiling / 2 + rng.uniform(0, ceiling / 2)
    if retry_after is not None:
        delay = max(delay, min(retry_after, max_backoff))
    return delay
