"""streams/core/reading.py: one sentence read — transcript labels, quotations continuing a speaker."""

from __future__ import annotations

from tests.unit.core.helpers import assert_claims, extract_body, frame_claims


def test_a_transcript_label_speaks_for_its_paragraph() -> None:
    assert_claims(
        "VASSILY NEBENZIA, RUSSIAN AMBASSADOR TO THE UN: North Korean troops are not in Kursk.",
        [("russia", "deny", "troops_deployed:north_korea:kursk")],
    )


def test_a_bare_quotation_continues_the_previous_speaker() -> None:
    ex = extract_body(
        'Zelensky said on Friday that the war had entered a new phase.\n"North Korean troops are in Kursk."'
    )
    assert [(c.speaker.party, c.speaker.resolved_by, c.proposition.id) for c in frame_claims(ex)] == [
        ("ukraine", "neighbour", "troops_deployed:north_korea:kursk")
    ]


def test_a_quotation_whose_speaker_follows_is_not_continued() -> None:
    ex = extract_body(
        'Zelensky spoke on Friday.\n"North Korean troops are in Kursk."\n"They are," Budanov said.'
    )
    assert all(c.speaker.resolved_by != "neighbour" for c in ex.claims)


def test_narration_sets_the_scene_for_a_later_back_reference() -> None:
    assert_claims(
        "North Korean troops have arrived in Kursk.\nThe Kremlin denied the reports.",
        [("russia", "deny", "troops_deployed:north_korea:*")],
    )


def test_a_pronoun_and_verb_inside_a_clause_are_an_aside_not_a_statement() -> None:
    text = "Malaysian Prime Minister Anwar accused Thailand of sending a patrol boat he said rammed a boat."
    speakers = [c.speaker.text for c in extract_body(text, "en").claims]
    assert "Thailand" not in speakers  # no name further back speaks for "he said"
    after_comma = "Anwar Ibrahim said talks had stalled. Malaysian troops were sent to Perlis, he said."
    assert [c.speaker.party for c in extract_body(after_comma, "en").claims][-1] == "malaysia"
