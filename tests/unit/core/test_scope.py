"""streams/core/scope.py: a content span and one trigger read in it."""

from __future__ import annotations

import pytest

from streams.core.frame import FrameHit
from streams.core.matching import Hit
from streams.core.propositions import event_specs
from streams.core.scope import Scope, TriggerReading
from tests.unit.core.reader import reader_for


def _reading(text: str, trigger: str, lang: str) -> TriggerReading:
    ctx = reader_for(text, lang)
    start = text.index(trigger)
    trig = Hit(start, start + len(trigger), "troops_deployed", trigger)
    scope = Scope(ctx, 0, len(text), None, None, None, [], {})
    frame = FrameHit("troops_deployed", None, None, trig)
    return TriggerReading(scope, trig, event_specs()["troops_deployed"], frame, 0, len(text))


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "nominal"),
    [
        ("pengerahan tentara", "pengerahan", "id", True),
        ("kedatangan tentara", "kedatangan", "id", True),
        ("tentara dikirim", "dikirim", "id", False),  # (a "di-...-kan" verb ends like a noun)
        ("the deployment of troops", "deployment", "en", True),
        ("troops were deployed", "deployed", "en", False),
    ],
)
def test_a_noun_trigger_is_told_by_the_languages_affixes(
    text: str, trigger: str, lang: str, nominal: bool
) -> None:
    assert _reading(text, trigger, lang).nominal() is nominal


def test_the_objects_of_an_event() -> None:
    reading = _reading("troops were sent", "sent", "en")
    assert reading.objects() is None
    reading.spec = event_specs()["weapons_supplied"]
    objects = reading.objects()
    assert objects is not None and objects.search("weapons") is not None
