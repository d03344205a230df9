"""The desk's in-memory index: repeats, filters, order, search (case and accents), caps."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Alert
from streams.web.desk import AlertFilter, ClaimFilter, Desk, fold, highlights, query_terms
from tests.unit.web.conftest import SeedData, url_of


def _desk(data: SeedData, **caps: int) -> Desk:
    desk = Desk(**caps)
    for c in data.claims:
        desk.add_claim(c)
    for a in data.alerts:
        desk.add_alert(a)
    return desk


def test_fold_ignores_case_and_accents_and_maps_back() -> None:
    folded, index = fold("Zelenskyy SAID «Kyïv»")
    assert folded == "zelenskyy said «kyiv»"
    assert len(index) == len(folded) and index[-2] == len("Zelenskyy SAID «Kyïv»") - 2


def test_query_terms_keep_quoted_phrases() -> None:
    assert query_terms('Rutte "pasukan Korea"  rutte') == ["rutte", "pasukan korea"]


def test_highlights_point_into_the_original_text() -> None:
    text = "Mark Rutte said Rutte's view"
    assert [text[a:b] for a, b in highlights(text, ["rutte"])] == ["Rutte", "Rutte"]
    assert highlights("Café crème", ["cafe"]) == [(0, 4)]


def test_a_repeated_alert_is_kept_once_and_announced_once(seed_data: SeedData) -> None:
    desk = Desk()
    heard: list[int] = []
    desk.listeners.append(lambda e: heard.append(e.seq))
    first = seed_data.alerts[0]
    assert desk.add_alert(first) is not None
    assert desk.add_alert(first) is None  # the same id again (at-least-once delivery)
    assert heard == [1] and desk.repeats == 1 and len(desk.alerts) == 1


def test_alerts_filter_by_kind_party_proposition_and_time(seed_data: SeedData) -> None:
    desk = _desk(seed_data)
    every = desk.find_alerts(AlertFilter())
    assert len(every) == len(seed_data.alerts)
    assert [e.seq for e in every] == sorted((e.seq for e in every), reverse=True)  # newest first
    reversals = desk.find_alerts(AlertFilter(kinds=["STANCE_REVERSAL"]))
    assert reversals and all(e.alert.kind == "STANCE_REVERSAL" for e in reversals)
    nato = desk.find_alerts(AlertFilter(party="NATO"))
    assert nato and all("nato" in e.alert.parties for e in nato)
    rutte = desk.find_alerts(AlertFilter(party="rutte"))  # an actor id matches too
    assert {e.alert.id for e in rutte} <= {e.alert.id for e in nato}
    since = datetime(2025, 1, 1, tzinfo=UTC)
    late = desk.find_alerts(AlertFilter(since=since), order="event_time", newest_first=False)
    assert late and all(e.alert.event_time >= since for e in late)
    times = [e.alert.event_time for e in late]
    assert times == sorted(times)
    pid = seed_data.alerts[0].proposition.id
    assert all(e.alert.proposition.id == pid for e in desk.find_alerts(AlertFilter(proposition=pid)))


def test_search_finds_quotes_whatever_the_case_and_accents(seed_data: SeedData) -> None:
    desk = _desk(seed_data)
    found = desk.find_claims(ClaimFilter(q="RUTTE"))
    assert found and all("rutte" in (c.quote + (c.speaker.actor_label or "")).casefold() for c in found)
    assert desk.find_claims(ClaimFilter(q="rutté")) == found
    assert [c.event_time for c in found] == sorted(c.event_time for c in found)
    deny = desk.find_claims(ClaimFilter(party="russia", stance="deny"))
    assert deny and all(c.speaker.party == "russia" and c.stance == "deny" for c in deny)
    assert desk.find_claims(ClaimFilter(q="zzzz-nothing")) == []


def _without_sources(alert: Alert) -> Alert:
    """The alert as version 1 (or a stance engine that does not copy the sources) has it."""
    bare = {"url": None, "title": None, "published_at": None}
    return alert.model_copy(
        update={
            "schema_version": 1,
            "trigger": alert.trigger.model_copy(update=bare),
            "related": [e.model_copy(update=bare) for e in alert.related],
        }
    )


def test_sources_come_from_the_claims_when_the_alert_lacks_them(seed_data: SeedData) -> None:
    desk = Desk()
    for c in seed_data.claims:
        desk.add_claim(c)
    alert = _without_sources(seed_data.alerts[0])
    desk.add_alert(alert)
    sourced = desk.alert(alert.id)
    assert sourced is not None
    assert sourced.trigger.url == url_of(alert.trigger.article_id)
    assert sourced.trigger.title == f"Headline of {alert.trigger.article_id}"
    assert sourced.trigger.published_at is not None
    assert all(e.url == url_of(e.article_id) for e in sourced.related)


def test_a_story_includes_narrower_claims_as_implied(seed_data: SeedData) -> None:
    desk = _desk(seed_data)
    story = desk.story("troops_deployed:north_korea:russia")
    assert story is not None
    claims = story["claims"]
    assert isinstance(claims, list)
    ids = {c.proposition.id for c in claims}
    assert "troops_deployed:north_korea:russia" in ids
    assert any(pid != "troops_deployed:north_korea:russia" for pid in ids)  # Kursk implies Russia
    alerts = story["alerts"]
    assert isinstance(alerts, list) and all(isinstance(a, Alert) for a in alerts)
    assert desk.story("nothing:here:*") is None


def test_caps_drop_the_oldest(seed_data: SeedData) -> None:
    desk = _desk(seed_data, max_alerts=100, max_claims=100)
    assert len(desk.claims) == min(100, len(seed_data.claims))
    assert seed_data.claims[-1].id in desk.claims
    if len(seed_data.claims) > 100:
        gone = seed_data.claims[0]
        assert gone.id not in desk.claims
        assert gone.id not in desk.by_article.get(gone.article_id, set())
