"""Untrusted text never forges a log line or drives the terminal."""

from __future__ import annotations

from streams.logsafe import escape, safe


def test_control_characters_become_visible_escapes() -> None:
    assert escape("a\nforged line") == "a\\nforged line"
    assert escape("red\x1b[31m") == "red\\x1b[31m"
    assert escape("line\u2028sep\u202e") == "line\\u2028sep\\u202e"
    assert escape("Zelensky: “10.000 pasukan”") == "Zelensky: “10.000 pasukan”"


def test_safe_cuts_long_values() -> None:
    assert safe("x" * 500, 10) == "x" * 9 + "…"
    assert safe(None) == "None"
