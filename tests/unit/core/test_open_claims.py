"""streams/core/open_claims.py: a statement of no known event class is still a claim (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.core.helpers import extract_body


def _open(body: str) -> list[tuple[str | None, str, str | None, str | None]]:
    ex = extract_body(body)
    return [
        (c.speaker.party, c.stance, c.proposition.agent, c.proposition.place)
        for c in ex.claims
        if c.proposition.event == "other"
    ]


def test_a_statement_outside_the_vocabulary_is_an_open_claim_about_its_subject() -> None:
    assert _open("Peru's election board said Bolivia had printed the disputed ballots in Cochabamba.") == [
        ("peru", "affirm", "bolivia", "cochabamba")
    ]
    assert _open("Kementerian Luar Negeri Chile membantah bahwa Argentina menutup perbatasan.") == [
        ("chile", "deny", "argentina", None)
    ]


def test_plans_questions_praise_and_short_remarks_are_not_open_claims() -> None:
    assert (
        _open("Norway's prime minister said the government would review the fishing quotas next year.") == []
    )
    assert _open("Denmark thanked Sweden for the quick help with the rescue.") == []
    assert _open('Finland\'s minister said: "Why did they do it now?"') == []
    assert _open("Estonia said no.") == []


def test_an_open_claim_never_alerts_and_has_an_id_of_its_own() -> None:
    from streams.stance.memory import MemoryBook

    a = extract_body("Ghana's ministry said Togo had closed the market in Lome.").claims
    b = extract_body("Togo's ministry denied that it had closed the market in Lome.").claims
    book = MemoryBook()
    assert [al for c in a + b for al in book.apply(c)] == []
    assert a[0].proposition.id != b[0].proposition.id
    assert a[0].proposition.id.startswith("other#")


def test_a_pronoun_of_the_speakers_side_opening_the_statement_makes_it_about_that_side() -> None:
    assert _open("Chile's navy said it had tracked the research vessel for three days.") == [
        ("chile", "affirm", "chile", None)
    ]
    assert _open("Kementerian Pertahanan Chile mengatakan pihaknya telah melacak kapal riset itu.") == [
        ("chile", "affirm", "chile", None)
    ]
    # a third party named first is what the statement is about
    assert _open("Chile's navy said Peruvian trawlers had tracked the research vessel for days.") == [
        ("chile", "affirm", "peru", None)
    ]


def test_a_statement_before_the_speaker_at_the_end_of_the_sentence_is_an_open_claim() -> None:
    # "P, X said." and '"P," X told.': the clause before the speaker is what was said, even when
    # it holds no event of a known class.
    assert _open("The ferry talks resumed in Valparaiso on Monday, the Chilean foreign ministry said.") == [
        ("chile", "affirm", None, "valparaiso")
    ]
    # (a dismissal: "invented news" is a denial marker)
    assert _open("“This is another piece of invented news,” Peru's foreign minister told.") == [
        ("peru", "deny", None, None)
    ]


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Hamas said it was unaware of any looting at the crossing.", "en"),
        ("Seoul said it was unsure about the origin of the balloons.", "en"),
        ("Washington mengatakan tidak yakin siapa yang menerbangkan balon itu.", "id"),
        ("Juru bicara Hamas Basem Naim mengaku tak tahu menahu soal penjarahan itu.", "id"),
    ],
)
def test_not_knowing_opening_what_was_said_makes_an_open_claim_noncommittal(body: str, lang: str) -> None:
    stances = [c.stance for c in extract_body(body, lang).claims if c.proposition.event == "other"]
    assert stances == ["noncommittal"], stances
