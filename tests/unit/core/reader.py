"""A Reader over a short text, for testing one step on its own."""

from __future__ import annotations

from schemas import Article
from streams.core.clean import clean_body, detect_language
from streams.core.context import Reader, ReadingState
from streams.core.discourse import Discourse
from streams.core.gazetteer import default_gazetteer
from streams.core.lang import get_pack
from streams.core.mentions import Mentions
from streams.core.segment import read_document
from streams.core.tuning import tuning
from tests.unit.core.helpers import PUB


def reader_for(body: str, lang: str | None = None) -> Reader:
    """The document read up to segmentation and mentions; the first sentence is current."""
    settings = tuning()
    pack = get_pack(lang or detect_language(body))
    cleaned = clean_body(body, pack)
    doc = read_document(cleaned.text, pack.code, cleaned.dropped, PUB, settings.max_sentence_chars)
    gaz = default_gazetteer()
    state = ReadingState(Discourse(doc.quotes, settings.discourse_memory))
    article = Article(id="t", outlet="Test", body=body, published_at=PUB)
    return Reader(article, doc, pack, gaz, settings, Mentions(doc, pack, gaz), state, doc.sentences[0])
