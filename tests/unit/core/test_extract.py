"""streams/core/extract.py: the whole pipeline — shapes no real article has, bounded; the same
article gives the same claims in any process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from streams.core.segment import split_sentences
from streams.core.tuning import tuning
from tests.unit.core.helpers import extract_body

ROOT = Path(__file__).resolve().parents[3]
QUOTE = '"Tentara Korea Utara sudah tiba di Kursk," kata Zelensky. '


def test_a_body_of_noise_or_marks_gives_nothing() -> None:
    for body in ("Baca juga: something\n", "— — — ...\n\n", "pic.twitter.com/abc\n"):
        ex = extract_body(body, "id")
        assert ex.claims == [] and ex.attributions == []


def test_an_unpunctuated_page_is_read_in_bounded_sentences() -> None:
    body = ("Zelensky said North Korean troops were sent to Kursk and the Kremlin denied it " * 700)[:50_000]
    ex = extract_body(body, "en")
    limit = tuning().max_sentence_chars
    assert all(s.end - s.start <= limit for s in split_sentences(ex.text, limit))
    assert ex.claims and all(ex.text[c.span.start : c.span.end] == c.quote for c in ex.claims)
    # Pieces cut at arbitrary words still read only what the text says.
    assert {c.speaker.party for c in ex.claims} <= {"ukraine", "russia", None}
    assert {c.proposition.id for c in ex.claims if c.proposition.event != "other"} <= {
        "troops_deployed:north_korea:kursk",
        "troops_deployed:north_korea:*",
    }


def test_one_huge_sentence_of_cue_words_makes_no_claim() -> None:
    assert extract_body("said " * 20_000, "en").claims == []
    assert extract_body("kata Zelensky, " * 5_000, "id").claims == []


def test_thousands_of_quotations_each_give_their_claim() -> None:
    ex = extract_body(QUOTE * 2_000, "id")
    assert len(ex.claims) == 2_000
    assert {(c.speaker.party, c.stance, c.proposition.id) for c in ex.claims} == {
        ("ukraine", "affirm", "troops_deployed:north_korea:kursk")
    }


def test_unbalanced_quotation_marks_by_the_thousand() -> None:
    ex = extract_body('“ tentara " Kursk ' * 3_000 + QUOTE, "id")
    assert all(ex.text[c.span.start : c.span.end] == c.quote for c in ex.claims)


def test_thousands_of_figures() -> None:
    body = " ".join(f"sekitar {i}.000 tentara Korea Utara" for i in range(1, 3_000)) + ", kata Zelensky."
    ex = extract_body(body, "id")
    assert all(c.quantity is None or c.quantity.low is not None for c in ex.claims)
    assert extract_body(" ".join(str(i) for i in range(20_000)), "en").claims == []


def test_a_word_without_spaces_longer_than_a_sentence() -> None:
    assert extract_body("x" * 100_000, "en").claims == []


_RUN = """
import json, sys
from tests.unit.core.helpers import extract_body
body = sys.stdin.read()
print(json.dumps([[c.id, c.stance, c.proposition.id, c.speaker.party] for c in extract_body(body).claims]))
"""


def test_the_same_claims_and_ids_under_any_hash_seed() -> None:
    body = (ROOT / "seeds" / "001_432f32d4e19ed8a6.txt").read_text(encoding="utf-8")
    outputs = []
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", _RUN],
            input=body,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(json.loads(proc.stdout))
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


def test_the_headline_is_read_too_and_flagged() -> None:
    from datetime import datetime

    from schemas import Article
    from streams.core.extract import extract

    ex = extract(
        Article(
            id="h1",
            outlet="Test",
            title="Armenia says Azerbaijani troops entered Syunik",
            body="The talks were postponed, officials in Yerevan said on Monday after a long meeting.",
            published_at=datetime.fromisoformat("2024-11-08T09:00:00+00:00"),
        )
    )
    titled = [c for c in ex.claims if c.in_title]
    assert [(c.speaker.party, c.proposition.event, c.proposition.agent) for c in titled] == [
        ("armenia", "troops_deployed", "azerbaijan")
    ]
    assert (
        titled[0].quote
        == "Armenia says Azerbaijani troops entered Syunik"[titled[0].span.start : titled[0].span.end]
    )


def _article(body: str, language: str) -> object:
    from schemas import Article

    return Article.model_validate(
        {
            "id": "gate",
            "outlet": "T",
            "language": language,
            "body": body,
            "published_at": "2025-01-01T00:00:00+00:00",
        }
    )


def test_a_language_the_gate_chose_is_not_identified_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import streams.core.extract as extract_module

    def refuse(*_: object) -> None:
        raise AssertionError("identified twice")

    monkeypatch.setattr(extract_module, "reading_language", refuse)
    ex = extract_module.extract(_article("Peskov said Russian troops shelled Kherson.", "en"), language="en")  # type: ignore[arg-type]
    assert ex.language == "en" and [c.proposition.event for c in ex.claims] == ["attack"]


def test_a_code_without_a_pack_is_identified_as_before() -> None:
    from streams.core.extract import extract

    ex = extract(_article("Peskov said Russian troops shelled Kherson.", "en"), language="xx")  # type: ignore[arg-type]
    assert ex.language == "en" and ex.claims


def test_a_party_affirming_an_act_and_denying_it_too_disputes_a_detail() -> None:
    from streams.core.propositions import DETAIL_DENIED

    body = (
        "The Houthis said their fighters attacked the convoy on Monday. "
        "The Houthis denied that they attacked civilians."
    )
    claims = extract_body(body, "en").claims
    denial = [c for c in claims if c.stance == "deny"]
    assert denial and all(DETAIL_DENIED in c.cues for c in denial)
    assert all(DETAIL_DENIED not in c.cues for c in claims if c.stance == "affirm")
    # a denial told at a place the affirmation does not name stands
    body = "Russia said it strikes military targets. Russia denied striking the hospital in Kyiv."
    assert all(DETAIL_DENIED not in c.cues for c in extract_body(body, "en").claims)
