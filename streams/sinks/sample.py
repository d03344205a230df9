"""A sample alert for `claimwatch push test` (shaped like a real one; marked as a test)."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Alert, Evidence, PropositionRef, Span


def sample_alert() -> Alert:
    now = datetime.now(UTC)
    evidence = Evidence(
        claim_id="test-claim",
        article_id="test-article",
        outlet="claimwatch",
        speaker="claimwatch push test",
        actor_id=None,
        party="test",
        stance="affirm",
        modality="asserted",
        proposition_id="test:*:*",
        quote="This is a test message from claimwatch push; no alert was raised.",
        span=Span(start=0, end=10),
        event_time=now,
        url="https://example.org/claimwatch-test",
        title="claimwatch push test",
        published_at=now,
    )
    return Alert(
        id="test",
        kind="CONFIRMED",
        severity="low",
        proposition=PropositionRef(
            id="test:*:*", label="claimwatch push test", event="test", agent=None, place=None
        ),
        trigger=evidence,
        related=[],
        parties=["test"],
        rule="test",
        reason="A test of this sink's URLs.",
        event_time=now,
    )
