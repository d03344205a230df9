"""Escaping, highlighted quotes, the annotated article text and CSV cells."""

from __future__ import annotations

import csv
import io

from streams.web.render import CLAIM_COLUMNS, claim_row, marked, segments, to_csv
from tests.unit.web.conftest import SeedData


def test_marked_escapes_text_and_wraps_ranges() -> None:
    html = str(marked("<b>Rutte</b> & co", [(3, 8)]))
    assert html == '&lt;b&gt;<mark class="hit">Rutte</mark>&lt;/b&gt; &amp; co'


def test_marked_ignores_out_of_range_and_overlapping_ranges() -> None:
    assert (
        str(marked("abcdef", [(1, 3), (2, 4), (10, 12)]))
        == 'a<mark class="hit">bc</mark><mark class="hit">d</mark>ef'
    )


def test_segments_cover_the_text_and_mark_every_quote(seed_data: SeedData) -> None:
    from streams.core.extract import extract

    article = seed_data.articles[0]
    ex = extract(article)
    pieces = segments(ex.text, ex.claims)
    assert "".join(p.text for p in pieces) == ex.text  # nothing lost, nothing added
    marked_ids = {cid for p in pieces for cid in p.claims}
    assert marked_ids == {c.id for c in ex.claims}
    starts = [cid for p in pieces for cid in p.starts]
    assert sorted(starts) == sorted(c.id for c in ex.claims)  # one anchor per claim


def test_csv_cells_never_start_a_formula() -> None:
    body = to_csv(["a", "b"], [['=HYPERLINK("x")', "+1"], ["ok", None]])
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [["a", "b"], ['\'=HYPERLINK("x")', "'+1"], ["ok", ""]]


def test_claim_rows_carry_the_source(seed_data: SeedData) -> None:
    claim = seed_data.claims[0]
    row = dict(zip(CLAIM_COLUMNS, claim_row(claim), strict=True))
    assert row["url"] == claim.url and row["title"] == claim.title and row["article_id"] == claim.article_id
