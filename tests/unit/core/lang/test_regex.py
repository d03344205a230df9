"""streams/core/lang/regex.py: literal phrase lists as regular expressions."""

from __future__ import annotations

import re

from streams.core.lang.regex import case_alternation, norm, phrase_alternation


def test_phrases_match_whole_words_and_any_whitespace() -> None:
    rx = re.compile(phrase_alternation(["lebih dari", "lebih"]), re.IGNORECASE)
    assert [m.group() for m in rx.finditer("lebih\n dari, lebihan, LEBIH")] == ["lebih\n dari", "LEBIH"]


def test_an_empty_list_never_matches() -> None:
    assert re.search(phrase_alternation([]), "anything") is None


def test_title_case_names_are_case_sensitive() -> None:
    rx = re.compile(case_alternation(["May"], "title"), re.IGNORECASE)
    assert rx.search("in May") and rx.search("MAY 4") and not rx.search("it may rain")


def test_norm_folds_case_and_space() -> None:
    assert norm("  Lebih\tDARI ") == "lebih dari"
