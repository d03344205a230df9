"""The view a decision reads: what is stored around the claim, in a fixed order."""

from __future__ import annotations

from streams.stance.memory import MemoryBook
from streams.stance.view import build_view
from tests.unit.stance.helpers import claim


def test_the_view_lists_narrower_propositions_in_a_fixed_order() -> None:
    book = MemoryBook()
    for n, place in enumerate(["kursk", "belgorod", "bryansk"]):
        book.apply(claim(n, "ukraine", "affirm", place=place))
    view = build_view(claim(9, "kremlin", "deny", place="russia"), book)
    assert view.narrower == sorted(view.narrower) and len(view.narrower) == 3


def test_the_view_holds_exclusive_propositions_and_figures_up_the_place_chain() -> None:
    book = MemoryBook()
    book.apply(claim(1, "ukraine", "affirm", event="fighting_ongoing", agent=None, place="kursk"))
    book.apply(claim(2, "rutte", "affirm", place="russia", qty=(10000, 12000)))
    recapture = claim(3, "russia", "affirm", event="territory_recaptured", agent="russia", place="kursk")
    view = build_view(recapture, book)
    assert any(x.startswith("fighting_ongoing:*:kursk") for xs in view.excluded.values() for x in xs)
    figures = build_view(claim(4, "ukraine", "affirm", place="kursk", qty=(1, 2)), book).figures
    assert "russia" in figures and figures["russia"][0].party == "nato"
