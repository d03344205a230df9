"""streams/core/discourse.py: what the article has said so far, for back-references."""

from __future__ import annotations

from streams.core.discourse import Discourse, SpeakerRef, remember
from streams.core.doc import Quotes
from streams.core.gazetteer import default_gazetteer


def _ref(start: int, actor: str | None, role: str | None = None, by: str = "alias") -> SpeakerRef:
    party = default_gazetteer().party_of(actor)
    return SpeakerRef(start, start + 5, "x", actor, party, role, by)


def test_memory_is_bounded() -> None:
    items: list[SpeakerRef] = []
    for i in range(25):
        remember(items, _ref(i, "zelensky"), cap=5)
    assert len(items) <= 10 and items[-1].start == 24


def test_he_points_to_the_last_person_named_or_heard() -> None:
    disc = Discourse(Quotes([]), 100, mentions=[_ref(10, "peskov")], speakers=[_ref(0, "kremlin")])
    last = disc.last_person(default_gazetteer(), before=50)
    assert last is not None and last.actor_id == "peskov"
    assert disc.last_person(default_gazetteer(), before=5) is not None


def test_a_bare_role_does_not_point_into_a_quotation() -> None:
    quoted = _ref(12, "ukraine_general_staff", "military")
    disc = Discourse(
        Quotes([(10, 30)]), 100, mentions=[_ref(0, "russia_defence_ministry", "military"), quoted]
    )
    found = disc.last_with_role("military", before=40)
    assert found is not None and found.actor_id == "russia_defence_ministry"


def test_a_reference_takes_the_actor_it_stands_for() -> None:
    he = SpeakerRef(3, 5, "he", None, None, None, "unknown")
    assert he.as_resolved(_ref(0, "zelensky", "president"), "pronoun") == SpeakerRef(
        3, 5, "he", "zelensky", "ukraine", "president", "pronoun"
    )
