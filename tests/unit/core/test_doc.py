"""streams/core/doc.py: the document model — hit indexes, quotation regions, figures by sentence."""

from __future__ import annotations

from streams.core.doc import HitIndex, Quotes
from streams.core.matching import Hit
from tests.unit.core.reader import reader_for


def _hits(*spans: tuple[int, int]) -> HitIndex:
    return HitIndex([Hit(s, e, "k", "x" * (e - s)) for s, e in spans])


def test_a_window_holds_only_whole_hits() -> None:
    index = _hits((0, 3), (5, 9), (8, 12), (20, 25))
    assert [(h.start, h.end) for h in index.within(4, 12)] == [(5, 9), (8, 12)]
    assert [(h.start, h.end) for h in index.within(4, 10)] == [(5, 9)]
    assert index.first(1, 30) is not None and index.first(1, 30).start == 5  # type: ignore[union-attr]
    assert index.last(0, 24) is not None and index.last(0, 24).start == 8  # type: ignore[union-attr]
    assert index.first(13, 19) is None and index.last(13, 19) is None


def test_quotation_regions_answer_inside_and_covers() -> None:
    quotes = Quotes([(10, 20), (0, 40), (50, 60)])
    assert quotes.inside(15) and quotes.inside(30) and not quotes.inside(45) and not quotes.inside(0)
    assert quotes.covers(12, 18) and quotes.covers(0, 40) and not quotes.covers(45, 55)
    assert quotes.starting_at(50) == (50, 60) and quotes.starting_at(51) is None


def test_the_last_quotation_closed_before_a_position() -> None:
    quotes = Quotes([(0, 10), (12, 30), (31, 35)])
    assert quotes.last_closed_before(33, 0) == (12, 30)
    assert quotes.last_closed_before(40, 32) is None  # (31, 35) opened before the floor
    assert quotes.last_closed_before(5, 0) is None


def test_figures_are_read_per_sentence_with_whole_text_offsets() -> None:
    ctx = reader_for("Zelensky said 3,000 troops arrived. Seoul said about 11,000 were sent.")
    doc = ctx.doc
    figures = doc.numbers_between(0, len(doc.text))
    assert [doc.text[n.start : n.end] for n in figures] == ["3,000", "about 11,000"]
    assert [n.text for n in doc.numbers_between(0, doc.sentences[0].end)] == ["3,000"]


def test_times_are_resolved_against_the_publication_date() -> None:
    ctx = reader_for("Zelensky said on Monday that troops had arrived.")
    [t] = ctx.doc.times(ctx.doc.sentences[0])
    assert ctx.doc.text[t.start : t.end] == t.text and t.when.date().isoformat() == "2024-11-04"
