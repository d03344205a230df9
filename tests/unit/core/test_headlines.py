"""streams/core/headlines.py: a headline attributes with a label before a colon, a source after a
dash, and verbs without their prefix; the body reads none of these as attributions."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Article, Claim
from streams.core.extract import extract
from streams.core.people import InMemoryPeople

ClaimKey = tuple[str | None, str, str]


def titled(title: str, lang: str, body: str = "Lorem ipsum.") -> list[Claim]:
    """The claims read in the headline of an article with that title and body."""
    article = Article(
        id="t",
        url=None,
        outlet="Test",
        language=lang,
        title=title,
        body=body,
        published_at=datetime(2025, 1, 1, tzinfo=UTC),
    )
    return [c for c in extract(article, people=InMemoryPeople()).claims if c.in_title]


def title_claims(title: str, lang: str) -> list[ClaimKey]:
    return [
        (c.speaker.party, c.stance, c.proposition.id)
        for c in titled(title, lang)
        if c.proposition.event != "other"
    ]


def test_a_label_before_a_colon_is_the_speaker() -> None:
    assert title_claims("Georgia: Russian jets bombed the village of Kodori", "en") == [
        ("georgia", "affirm", "attack:russia:kodori")
    ]


def test_a_source_after_a_dash_is_the_speaker() -> None:
    got = title_claims("More Belarusian troops massed near the border with Lithuania – Vilnius", "en")
    assert got and all(party == "lithuania" for party, _, _ in got)


def test_bare_headline_verbs_attribute_and_trigger() -> None:
    got = title_claims("Georgia Klaim Drone Rusia Serang Bendungan Enguri, Moskow Membantah", "id")
    assert ("georgia", "affirm", "attack:russia:*") in got
    assert ("russia", "deny", "attack:russia:*") in got


def test_a_town_named_like_a_bare_verb_is_no_trigger_in_the_body() -> None:
    article = Article(
        id="b",
        url=None,
        outlet="Test",
        language="id",
        title=None,
        body="Pejabat Serang mengatakan banjir melanda kota itu.",
        published_at=datetime(2025, 1, 1, tzinfo=UTC),
    )
    assert all(c.proposition.event != "attack" for c in extract(article, people=InMemoryPeople()).claims)


def test_thanks_for_an_act_in_a_headline_acknowledges_it() -> None:
    assert title_claims("Minsk thanks Russia for sending troops to Grodno", "en") == [
        ("belarus", "affirm", "troops_deployed:russia:grodno")
    ]
    assert title_claims("Vilnius holds thanks to new air defence, Lithuania says", "en") == []


def test_a_headline_verb_after_a_comma_keeps_the_subject() -> None:
    got = title_claims("Georgia Bantah Serang Sukhumi, Tuding Rusia Serang Bendungan Enguri", "id")
    assert got == [("georgia", "deny", "attack:georgia:sukhumi"), ("georgia", "affirm", "attack:russia:*")]


def test_a_source_after_a_final_colon_is_the_speaker() -> None:
    assert title_claims("Russian jets bombed the village of Kodori: Georgia", "en") == [
        ("georgia", "affirm", "attack:russia:kodori")
    ]


def test_a_colon_after_a_scene_or_before_a_clause_names_no_speaker() -> None:
    # "Tense moments in the South China Sea: ..." and "...: Philippine and Chinese ships collide".
    assert title_claims("Insiden di Laut China Selatan: Kapal Filipina dan Vietnam Bertabrakan", "id") == []


def test_a_bare_shooting_verb_in_a_headline_is_an_attack() -> None:
    # ("tembak mati": shot dead, so the soldiers shot are Russia's dead too)
    assert sorted(title_claims("Militer Georgia Akui Tembak Mati Dua Tentara Rusia", "id")) == [
        ("georgia", "affirm", "attack>russia:georgia:*"),
        ("georgia", "affirm", "casualties:russia:*"),
    ]


def test_a_headline_verb_right_after_a_verb_of_saying_is_its_object() -> None:
    # "claims" is a headline's verb ("Iran claims ..."), but after "rejects" it is the noun rejected
    assert title_claims("Moscow rejects claims of strike on school in Odesa", "en") == [
        ("russia", "deny", "attack:russia:odesa")
    ]


def test_a_claim_owned_by_another_party_after_a_denial_verb_is_no_headline_verb() -> None:
    # "Iran's claim" is what Israel rejects: Iran is no speaker of the headline
    speakers = {
        c.speaker.party for c in titled("Israel rejects Iran's claim of jets downed over Tabriz", "en")
    }
    assert speakers == {"israel"}


def test_a_group_the_body_discovered_is_known_in_the_headline() -> None:
    # a headline's capitals are no evidence of a name, but the body told "ADF fighters" as a group
    read = titled(
        "ADF rebels claim responsibility for attack on Beni market",
        "en",
        body="Police in Beni said ADF fighters had raided the market at dawn.",
    )
    assert [(c.speaker.party, c.stance, c.proposition.event, c.proposition.agent) for c in read] == [
        ("adf", "affirm", "attack", "adf")
    ]


def test_a_passive_accusation_in_a_headline_is_the_accusers() -> None:
    # the one blamed opens the headline; the accuser follows "by"
    assert title_claims("Hamas blamed by Israel for bombing", "en") == [
        ("israel", "affirm", "attack:hamas:*")
    ]


def test_denying_a_killing_with_its_count_disputes_the_toll_not_an_attack() -> None:
    got = title_claims("Yaman Bantah Klaim Houthi Bunuh 300 Tentara", "id")
    assert not [c for c in got if c[2].startswith("attack")]
    got = title_claims("Yemen denies Houthis killed 300 soldiers", "en")
    assert not [c for c in got if c[2].startswith("attack")]
