import random

from streams.feeds.schedule import error_delay, success_delay


def test_success_delay_is_the_interval_with_small_jitter() -> None:
    rng = random.Random(7)
    delays = [success_delay(300, rng) for _ in range(200)]
    assert min(delays) >= 270 and max(delays) <= 330
    assert len({round(d) for d in delays}) > 10


def test_error_backoff_grows_exponentially_and_is_capped() -> None:
    rng = random.Random(1)
    ceilings = []
    for n in range(1, 12):
        samples = [error_delay(60, n, max_backoff=3600, rng=rng) for _ in range(50)]
        ceiling = min(3600, 60 * 2 ** (n - 1))
        assert all(ceiling / 2 <= s <= ceiling for s in samples), n
        ceilings.append(max(samples))
    assert ceilings[0] <= 60 and ceilings[3] > 240 and max(ceilings) <= 3600


def test_retry_after_is_honoured_up_to_the_cap() -> None:
    rng = random.Random(3)
    assert error_delay(60, 1, max_backoff=3600, rng=rng, retry_after=900) == 900
    assert error_delay(60, 1, max_backoff=600, rng=rng, retry_after=86400) == 600
