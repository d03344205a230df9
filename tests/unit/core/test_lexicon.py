"""streams/core/lexicon.py: data files loaded and merged over the overlay folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from streams.core.lexicon import clear_caches, languages, load_data, load_lang, merge


def test_merge_appends_lists_and_merges_mappings() -> None:
    base = {"a": [1, 2], "b": {"x": 1}, "c": "old"}
    extra = {"a": [2, 3], "b": {"y": 2}, "c": "new"}
    assert merge(base, extra) == {"a": [1, 2, 3], "b": {"x": 1, "y": 2}, "c": "new"}


def test_the_packaged_languages_and_files() -> None:
    assert {"en", "id"} <= set(languages())
    assert load_lang("xx") == {}
    assert "events" in load_data("frames") and "actors" in load_data("actors")


def test_an_overlay_adds_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "extra.yaml").write_text(yaml.safe_dump({"hedges": ["supposedly"]}))
    monkeypatch.setenv("CW_LEXICON_DIR", str(tmp_path))
    clear_caches()
    try:
        assert "supposedly" in load_lang("en")["hedges"] and "reportedly" in load_lang("en")["hedges"]
    finally:
        monkeypatch.delenv("CW_LEXICON_DIR")
        clear_caches()


def test_every_word_in_the_packaged_language_data_is_text() -> None:
    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for v in node:
                assert not isinstance(v, bool) and v is not None, f"{path}: {v!r} (quote on/no/yes/off)"
                walk(v, path)

    for code in languages():
        data = dict(load_lang(code))
        data.pop("examples", None)  # claims name no party with null
        walk(data, code)
