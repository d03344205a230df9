"""Assessed alert precision (tests/real/adjudicate.py): verdicts keyed by the alert, tallied
against what an engine raises; the filed verdicts are well formed."""

from __future__ import annotations

import pytest

from tests.real.adjudicate import FIELDS, Raised, load_verdicts, merge_verdicts, tally
from tests.real.cache import sets, sources

KEY_A = ("a-01", "CONFIRMED", "ukraine", "attack", "russia", None)
KEY_B = ("a-02", "CONTRADICTED", "russia", "attack", "russia", "kyiv")
KEY_C = ("a-02", "CONFIRMED", "poland", "attack", "russia", None)


def _raised(*keys: tuple[str, str, str | None, str, str | None, str | None]) -> list[Raised]:
    return [Raised("s", k, {}) for k in keys]


def test_judged_alerts_give_the_precision_and_unjudged_ones_are_counted_apart() -> None:
    verdicts = {KEY_A: {"verdict": "true"}, KEY_B: {"verdict": "false"}}
    t = tally(_raised(KEY_A, KEY_B, KEY_C), verdicts)
    assert (t.true, t.false, t.unjudged) == (1, 1, 1)
    assert t.precision == 0.5


def test_an_alert_raised_twice_in_one_article_is_judged_once() -> None:
    t = tally(_raised(KEY_A, KEY_A), {KEY_A: {"verdict": "true"}})
    assert (t.true, t.false, t.unjudged) == (1, 0, 0)


def test_nothing_judged_has_no_precision() -> None:
    assert tally(_raised(KEY_C), {}).precision is None


def test_verdicts_are_filed_under_the_pooled_alerts_key_and_set() -> None:
    pool = [{"id": "x1", "set": "s1", **dict(zip(FIELDS, KEY_A, strict=True))}]
    merged = merge_verdicts(
        pool, [{"id": "x1", "verdict": "false", "reason": "different_thing", "note": "n"}]
    )
    (row,) = merged["s1"]
    assert tuple(row[f] for f in FIELDS) == KEY_A
    assert (row["verdict"], row["reason"]) == ("false", "different_thing")


def test_a_verdict_other_than_true_or_false_is_refused() -> None:
    pool = [{"id": "x1", "set": "s1", **dict(zip(FIELDS, KEY_A, strict=True))}]
    with pytest.raises(ValueError, match="verdict"):
        merge_verdicts(pool, [{"id": "x1", "verdict": "maybe"}])


@pytest.mark.parametrize("set_name", sets())
def test_filed_verdicts_name_articles_of_their_set(set_name: str) -> None:
    ids = {s["id"] for s in sources(set_name)}
    for key, row in load_verdicts(set_name).items():
        assert key[0] in ids, key
        assert row["verdict"] in ("true", "false"), key
        assert (row["verdict"] == "false") == (row.get("reason") is not None), key
