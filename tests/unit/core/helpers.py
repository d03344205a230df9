"""What the extraction tests share: one short article read, its claims as (party, stance, id)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from schemas import Article, Claim
from streams.core.extract import Extraction, extract

PUB = datetime.fromisoformat("2024-11-08T09:00:00+07:00")
ClaimKey = tuple[str | None, str, str]


def extract_body(body: str, lang: str | None = None) -> Extraction:
    return extract(Article(id="t", outlet="Test", body=body, published_at=PUB, language=lang))


def frame_claims(ex: Extraction) -> list[Claim]:
    """The claims of event classes, open claims left out."""
    return [c for c in ex.claims if c.proposition.event != "other"]


def claims_of(body: str, lang: str | None = None, *, open_claims: bool = False) -> list[ClaimKey]:
    """Claims of the event classes; open claims (event `other`) only when asked for (their ids carry
    a digest of the words: see test_open_claims.py)."""
    return [
        (c.speaker.party, c.stance, c.proposition.id)
        for c in extract_body(body, lang).claims
        if open_claims or c.proposition.event != "other"
    ]


def assert_claims(body: str, expected: list[ClaimKey], lang: str | None = None) -> None:
    """The whole set of claims (with repeats): a missing claim and an extra one both fail."""
    got = Counter(claims_of(body, lang))
    want = Counter(expected)
    assert got == want, f"missing {sorted(want - got, key=str)}; extra {sorted(got - want, key=str)}"
