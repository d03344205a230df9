"""Article -> attributed claims. Pure: no I/O beyond the packaged data files.

clean.py     the body without web noise, its language
segment.py   sentences, words, quotation regions: the Doc
mentions.py  actors, places, triggers, figures, times as spans of the Doc
reading.py   sentence by sentence:
  cues.py        reporting cues outside quotations
  attribution.py / statement.py / speakers.py   each cue's speaker and content span
  events.py      frames in the content (agents.py, places.py, polarity.py)
  claims.py      one claim per frame and speaker
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from schemas import Article, Claim
from streams.core.attribution import Attribution
from streams.core.clean import clean_body
from streams.core.context import Reader, ReadingState
from streams.core.discourse import Discourse
from streams.core.doc import Doc
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.lang import LangPack, all_packs, get_pack
from streams.core.language import detected_language, reading_language
from streams.core.mentions import Mentions
from streams.core.people import InMemoryPeople, PeopleMemory
from streams.core.propositions import DETAIL_DENIED, OPEN
from streams.core.reading import read_sentence
from streams.core.segment import read_document
from streams.core.tuning import tuning

EXTRACTOR_VERSION = "2"


@dataclass(slots=True)
class Extraction:
    article_id: str
    language: str
    text: str
    dropped: tuple[str, ...]
    claims: list[Claim]
    attributions: list[Attribution]
    unsupported: bool = False  # a language with no pack: counted and skipped, never read


def extract(
    article: Article,
    gaz: Gazetteer | None = None,
    people: PeopleMemory | None = None,
    language: str | None = None,
) -> Extraction:
    """The article's claims. `people` remembers who speaks for whom across articles (people.py);
    without one, people named in this article are still remembered while it is read.
    `language`: a pack code the caller's language gate already chose (identification is ~9 % of
    the cost of reading an article: the worker does it once, not again in the extractor)."""
    gaz = gaz or default_gazetteer()
    people = people if people is not None else InMemoryPeople()
    code = (
        language
        if language in {p.code for p in all_packs()}
        else reading_language(article.body, article.language)
    )
    if code is None:
        return Extraction(article.id, detected_language(article.body), "", (), [], [], unsupported=True)
    pack = get_pack(code)
    cleaned = clean_body(article.body, pack)
    doc, attributions, claims, groups = _read(article, cleaned.text, cleaned.dropped, pack, gaz, people)
    if article.title and article.title.strip():
        # The headline is read too, on its own (its spans point into the title), knowing the
        # groups the body named ("ELN rebels claim ..." after "the National Liberation Army (ELN)").
        _, _, in_title, _ = _read(
            article, article.title.strip(), (), pack, gaz, people, headline=True, groups=groups
        )
        claims = [_titled(c) for c in in_title] + claims
    return Extraction(article.id, pack.code, doc.text, doc.dropped, _details_denied(claims), attributions)


def _read(
    article: Article,
    text: str,
    dropped: tuple[str, ...],
    pack: LangPack,
    gaz: Gazetteer,
    people: PeopleMemory,
    headline: bool = False,
    groups: dict[str, str] | None = None,
) -> tuple[Doc, list[Attribution], list[Claim], dict[str, str]]:
    settings = tuning()
    doc = read_document(text, pack.code, dropped, article.published_at, settings.max_sentence_chars)
    claims: list[Claim] = []
    attributions: list[Attribution] = []
    if not doc.sentences:
        return doc, attributions, claims, {}
    state = ReadingState(Discourse(doc.quotes, settings.discourse_memory))
    mentions = Mentions(doc, pack, gaz, headline=headline, body_groups=groups)
    ctx = Reader(article, doc, pack, gaz, settings, mentions, state, doc.sentences[0], people, headline)
    for sent in doc.sentences:
        ctx.sentence = sent
        attrs, found = read_sentence(ctx)
        attributions.extend(attrs)
        claims.extend(found)
    return doc, attributions, claims, mentions.group_names()


def _details_denied(claims: list[Claim]) -> list[Claim]:
    """A party that affirms an act in the article and denies it too disputes a detail of it ("TPNPB
    claimed the shooting; it denied shooting civilians"): its denial is marked, and raises no alert.
    (Told at a place the affirmation does not name, the denial stands: "we strike military
    targets" / "we did not strike the hospital in Kyiv".)"""
    affirmed = {
        (c.speaker.party, c.proposition.event, c.proposition.agent, c.proposition.place)
        for c in claims
        if c.stance == "affirm" and c.speaker.party is not None and c.proposition.event != OPEN
    }
    return [
        c.model_copy(update={"cues": [*c.cues, DETAIL_DENIED]})
        if c.stance == "deny"
        and (c.speaker.party, c.proposition.event, c.proposition.agent, c.proposition.place) in affirmed
        else c
        for c in claims
    ]


def _titled(claim: Claim) -> Claim:
    """A claim read in the headline: flagged, with an id of its own (its span is in the title)."""
    raw = f"title|{claim.id}"
    return claim.model_copy(
        update={"in_title": True, "id": hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]}
    )


__all__ = ["EXTRACTOR_VERSION", "Attribution", "Extraction", "InMemoryPeople", "PeopleMemory", "extract"]
