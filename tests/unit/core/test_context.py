"""streams/core/context.py: the Reader passed to every step, and what it remembers."""

from __future__ import annotations

from tests.unit.core.helpers import extract_body
from tests.unit.core.reader import reader_for


def test_the_reader_holds_the_document_and_its_language() -> None:
    ctx = reader_for("Zelensky said North Korean troops were in Kursk.")
    assert ctx.pack.code == "en" and ctx.sentence is ctx.doc.sentences[0]
    assert ctx.words(0, len("Zelensky said")) == 2


def test_claims_are_remembered_per_party_and_bounded() -> None:
    ctx = reader_for("Zelensky said North Korean troops were in Kursk.")
    claim = extract_body("Zelensky said North Korean troops were in Kursk.").claims[0]
    for _ in range(3 * ctx.tuning.discourse_memory):
        ctx.remember_claim("ukraine", claim)
    assert len(ctx.state.claims_by_party["ukraine"]) <= 2 * ctx.tuning.discourse_memory
    assert ctx.state.owned["ukraine"] == "troops_deployed"
