"""streams/core/lang/pack.py: a language's lexicon compiled, glue words included."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from streams.core.lang import get_pack
from streams.core.lang.pack import compile_pack
from streams.core.lexicon import languages, load_lang


def test_every_language_states_every_key() -> None:
    keys = {code: set(load_lang(code)) for code in languages()}
    glue = {code: set(load_lang(code).get("glue") or {}) for code in languages()}
    assert all(k == keys["en"] for k in keys.values()), keys
    assert all(g == glue["en"] for g in glue.values()), glue


def test_a_bare_yes_or_no_in_a_word_list_is_refused() -> None:
    data: dict[str, Any] = yaml.safe_load("stopwords: [a]\nnegators: [not, no]\n")
    with pytest.raises(ValueError, match="negators"):
        compile_pack("xx", data)


def test_quoted_on_and_no_are_words() -> None:
    en = get_pack("en")
    assert en.negators.search("there was no sign") is not None
    assert en.opponent_markers.search("attacks on them") is not None
    assert en.locative_preps.search("it is true") is None  # the old misreading of a bare "on"


def test_glue_rules_compile_from_the_word_lists() -> None:
    en, id_ = get_pack("en").glue, get_pack("id").glue
    assert en.bare_tail.match(" on Monday") and not en.bare_tail.match(" that troops")
    assert id_.same_subject.search("membantah laporan itu dan ") is not None
    assert en.nominal_suffixes == ("ment", "al", "ence", "ion") and id_.nominal_prefixes[0] == "peng"
    assert "yang" in id_.relatives and "whether" in en.uncertain


def test_passive_cues_allow_a_few_words_before_the_agent() -> None:
    by = get_pack("en").cues_by
    m = by.pattern.search("The deployment was confirmed on Monday by the Pentagon.")
    assert m is not None and by.kind_of(m.group(0)) == "confirm"


def test_a_passive_cue_head_pairs_only_with_its_own_marker() -> None:
    by = get_pack("id").cues_by
    m = by.pattern.search("Pasukan itu berada di Rusia, yang dilaporkan oleh Korea Selatan.")
    assert m is not None and m.group(0) == "dilaporkan oleh" and by.kind_of(m.group(0)) == "report"
