"""streams/core/lemmas.py: triggers written once per lemma (simplemma's dictionaries)."""

from __future__ import annotations

from streams.core.lemmas import LemmaMatcher, lemma
from streams.core.tokens import Tokens


def test_inflections_share_a_lemma_in_both_languages() -> None:
    assert lemma("deployed", "en") == lemma("deploys", "en") == "deploy"
    assert lemma("dikerahkan", "id") == lemma("mengerahkan", "id") == lemma("pengerahan", "id")


def test_an_entry_matches_every_form_and_a_plus_keeps_only_affixed_ones() -> None:
    m = LemmaMatcher("id", [("serang+", "attack"), ("langgar+", "violation")])
    hits = m.scan(Tokens("Pasukan itu menyerang kota Serang lalu diserang; pelanggaran itu jelas."))
    assert [(h.text, h.key) for h in hits] == [
        ("menyerang", "attack"),
        ("diserang", "attack"),
        ("pelanggaran", "violation"),
    ]


def test_a_multiword_entry_is_matched_as_a_sequence_of_lemmas() -> None:
    m = LemmaMatcher("en", [("take control", "captured")])
    hits = m.scan(Tokens("The rebels took control of the airport; control was taken."))
    assert [h.text for h in hits] == ["took control"]
