"""streams/core/figurative.py: figures of speech in the vocabulary of force open no frame."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import claims_of


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Peru said Chile launched a charm offensive against Bolivia.", "en"),
        ("Peru mengatakan Chile melancarkan serangan diplomatik terhadap Bolivia.", "id"),
        ("Peru said a flood of cheap Chilean products attacked its farmers in Lima.", "en"),
        ("Peru mengatakan serbuan produk Chile menghantam petani di Lima.", "id"),
        ("Peru said the cyclone struck Lima and killed 20 Peruvian fishermen.", "en"),
        ("Peru mengatakan topan menghantam Lima dan menewaskan 20 nelayan Peru.", "id"),
    ],
)
def test_a_figure_of_speech_opens_no_frame(text: str, lang: str) -> None:
    assert claims_of(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # the strike's fire that killed them is still the strike's doing
        (
            "Peru said a Chilean air strike caused a fire that killed 20 Peruvian soldiers in Tacna.",
            "en",
            "attack",
        ),
        # goods after a verb are its object, not the attacker: an attack on a cargo terminal
        ("Peru mengatakan Chile menyerang terminal barang di Tacna.", "id", "attack"),
    ],
)
def test_force_beside_such_words_is_still_force(text: str, lang: str, want: str) -> None:
    assert want in {c[2].split(":")[0].split(">")[0] for c in claims_of(text, lang)}
