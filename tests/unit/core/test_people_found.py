"""streams/core/people_found.py: people named with an office are remembered, in the article and
across articles (sentences written for these tests)."""

from __future__ import annotations

from datetime import datetime

from schemas import Article
from streams.core.extract import extract
from streams.core.gazetteer import default_gazetteer
from streams.core.people import InMemoryPeople
from streams.core.propositions import SPEAKER_RECALLED
from streams.stance.context import alerting

PUB = datetime.fromisoformat("2025-02-01T09:00:00+00:00")


def _claims(body: str, memory: InMemoryPeople | None = None) -> list[tuple[str | None, str]]:
    ex = extract(Article(id="p", outlet="T", body=body, published_at=PUB), people=memory)
    return [(c.speaker.party, c.proposition.id) for c in ex.claims if c.proposition.event != "other"]


def test_a_name_after_an_office_is_remembered_for_later_in_the_article() -> None:
    body = (
        "Estonian Defence Minister Kaarel Tamm said Latvian troops had arrived in Narva.\n"
        "Tamm said Lithuanian troops were stationed in Tartu."
    )
    assert _claims(body) == [
        ("estonia", "troops_deployed:latvia:narva"),
        ("estonia", "troops_deployed:lithuania:tartu"),
    ]


def test_a_person_is_remembered_across_articles_when_a_memory_is_given() -> None:
    memory = InMemoryPeople()
    _claims(
        "Juru bicara Kementerian Pertahanan Estonia, Kaarel Tamm, mengatakan pasukan Latvia tiba di Narva.",
        memory,
    )
    assert memory.recall("Tamm") is not None and memory.recall("Tamm").party == "estonia"  # type: ignore[union-attr]
    assert _claims("Tamm said Lithuanian troops were stationed in Tartu.", memory) == [
        ("estonia", "troops_deployed:lithuania:tartu")
    ]
    assert _claims("Tamm said Lithuanian troops were stationed in Tartu.") == [
        (None, "troops_deployed:lithuania:tartu")
    ]


def test_a_title_case_headline_verb_is_no_part_of_a_name() -> None:
    """ "Kremlin Bantah Laporan Intelijen": the capitalised words after the speaker are the
    headline's verb and object, not a person to remember."""
    memory = InMemoryPeople()
    article = Article(
        id="h",
        outlet="T",
        title="Kremlin Bantah Laporan Intelijen",
        body="Juru bicara Kremlin membantah laporan bahwa tentara Korea Utara berada di Rusia.",
        published_at=PUB,
    )
    extract(article, people=memory)
    assert memory.recall("Bantah Laporan Intelijen") is None
    assert memory.recall("Laporan Intelijen") is None


def test_a_speaker_known_only_from_another_article_is_marked_and_never_alerts() -> None:
    memory = InMemoryPeople()
    body = (
        "Estonian Defence Minister Kaarel Tamm said Latvian troops had arrived in Narva.\nTamm said it again."
    )
    first = extract(Article(id="p1", outlet="T", body=body, published_at=PUB), people=memory).claims
    assert all(SPEAKER_RECALLED not in c.cues for c in first)  # named in this very article
    later = extract(
        Article(
            id="p2", outlet="T", body="Tamm said Lithuanian troops were stationed in Tartu.", published_at=PUB
        ),
        people=memory,
    ).claims
    assert [c.speaker.party for c in later] == ["estonia"]  # the stance table still learns it
    assert SPEAKER_RECALLED in later[0].cues and not alerting(later[0], default_gazetteer())


def test_an_office_without_a_country_is_the_party_of_the_person_known_to_hold_it() -> None:
    body = (
        "Estonian Defence Minister Kaarel Tamm said Latvian troops had arrived in Narva.\n"
        "Defence Minister Kaarel Tamm later said Lithuanian troops were stationed in Tartu."
    )
    assert _claims(body) == [
        ("estonia", "troops_deployed:latvia:narva"),
        ("estonia", "troops_deployed:lithuania:tartu"),
    ]
    # Across articles too, marked as recalled; another office with the name is someone unknown.
    memory = InMemoryPeople()
    _claims("Estonian Defence Minister Kaarel Tamm said Latvian troops had arrived in Narva.", memory)
    ex = extract(
        Article(
            id="q",
            outlet="T",
            body="Defence Minister Kaarel Tamm said Lithuanian troops were in Tartu.",
            published_at=PUB,
        ),
        people=memory,
    )
    assert [(c.speaker.party, SPEAKER_RECALLED in c.cues) for c in ex.claims] == [("estonia", True)]
    assert _claims("Finance Minister Kaarel Tamm said Lithuanian troops were in Tartu.", memory) == [
        (None, "troops_deployed:lithuania:tartu")
    ]


def test_a_person_introduced_without_speaking_is_remembered() -> None:
    body = (
        "Estonian central bank governor Kaarel Tamm visited Tartu on Monday.\n"
        "Latvian troops had arrived in Narva, Tamm said."
    )
    assert _claims(body) == [("estonia", "troops_deployed:latvia:narva")]
