"""streams/core/segment.py: sentences (bounded in length), quotation regions."""

from __future__ import annotations

from streams.core.segment import quote_spans, split_sentences


def _texts(text: str, limit: int = 600) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, limit)]


def test_sentences_end_at_full_stops_and_line_breaks_not_abbreviations() -> None:
    text = 'Gen. Syrskyi said U.S. troops were not there. "We know," he said.\nNext line'
    assert _texts(text) == [
        "Gen. Syrskyi said U.S. troops were not there.",
        '"We know," he said.',
        "Next line",
    ]


def test_paragraphs_are_counted() -> None:
    sentences = split_sentences("One. Two.\n\nThree.", 600)
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.index for s in sentences] == [0, 1, 2]


def test_an_over_long_sentence_is_cut_at_clause_marks() -> None:
    text = ", ".join(f"clause number {i} goes on" for i in range(100))
    pieces = split_sentences(text, 200)
    assert all(s.end - s.start <= 200 for s in pieces)
    assert all(text[s.end - 1] == "," for s in pieces[:-1])  # cut after a comma
    assert "".join(text[s.start : s.end] for s in pieces).replace(" ", "") == text.replace(" ", "")


def test_an_unpunctuated_page_is_cut_at_spaces_and_a_spaceless_one_anywhere() -> None:
    flat = "word " * 1000
    assert all(s.end - s.start <= 600 for s in split_sentences(flat, 600))
    solid = "x" * 5000
    pieces = split_sentences(solid, 600)
    assert [s.end - s.start for s in pieces] == [600] * 8 + [200]


def test_quotation_regions() -> None:
    text = '“Curly” and "straight" and "open\nnext'
    assert quote_spans(text) == [(0, 7), (12, 22), (27, 32)]


def test_scraped_text_without_a_space_after_the_full_stop_is_two_sentences() -> None:
    from streams.core.segment import split_sentences

    text = (
        "Kapal itu berlabuh di Makassar.Menurut nakhoda, cuaca buruk. "
        "Floods hit the valley againOfficials said roads closed."
    )
    got = [text[s.start : s.end] for s in split_sentences(text, 600)]
    assert got == [
        "Kapal itu berlabuh di Makassar.",
        "Menurut nakhoda, cuaca buruk.",
        "Floods hit the valley again",
        "Officials said roads closed.",
    ]
    text = "McDonald met DeSantis in the U.S. Senate."
    assert len(split_sentences(text, 600)) == 1
