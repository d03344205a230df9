"""A third language is data: a lexicon overlay (CW_LEXICON_DIR) teaches the extractor Malay."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from schemas import Article
from streams.core.extract import extract
from streams.core.lexicon import DATA_DIR, clear_caches

MALAY_STOPWORDS = [
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "pada",
    "telah",
    "oleh",
    "bahawa",
    "mereka",
    "kami",
    "juga",
    "atau",
    "kerana",
    "sebagai",
    "tersebut",
    "berkata",
]


@pytest.fixture
def malay_overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # Start from the Indonesian files (a close language) and change what Malay writes differently.
    folder = tmp_path / "lang" / "ms"
    shutil.copytree(DATA_DIR / "lang" / "id", folder)
    core = yaml.safe_load((folder / "core.yaml").read_text(encoding="utf-8"))
    core["name"] = "Malay"
    core["stopwords"] = MALAY_STOPWORDS
    core["complementizers"] = ["bahawa"]
    core["reporting"]["before"]["say"] = ["berkata", "menyatakan", "memaklumkan"]
    core["troop_nouns"] = ["tentera", "askar", "anggota tentera"]
    (folder / "core.yaml").write_text(yaml.safe_dump(core, allow_unicode=True), encoding="utf-8")
    frames = {"events": {"troops_deployed": {"triggers": {"ms": ["dihantar", "dikerahkan", "berada"]}}}}
    (tmp_path / "frames.yaml").write_text(yaml.safe_dump(frames), encoding="utf-8")
    monkeypatch.setenv("CW_LEXICON_DIR", str(tmp_path))
    clear_caches()
    yield tmp_path
    monkeypatch.delenv("CW_LEXICON_DIR")
    clear_caches()


def test_a_malay_article_is_read_once_its_lexicon_exists(malay_overlay: Path) -> None:
    body = (
        "Kementerian Pertahanan Korea Selatan berkata bahawa kira-kira 3,000 tentera Korea Utara "
        "telah dihantar ke Rusia pada minggu lalu, kerana hubungan ketenteraan kedua-dua negara "
        "semakin rapat."
    )
    ex = extract(
        Article(
            id="ms-1",
            outlet="Berita Harian",
            body=body,
            published_at=datetime.fromisoformat("2024-11-01T09:00:00+08:00"),
        )
    )
    assert ex.language == "ms"
    assert [(c.speaker.party, c.stance, c.proposition.id) for c in ex.claims] == [
        ("south_korea", "affirm", "troops_deployed:north_korea:russia")
    ]


def test_without_the_overlay_there_is_no_malay() -> None:
    clear_caches()
    ex = extract(
        Article(
            id="ms-2",
            outlet="x",
            body="Tentera Korea Utara telah dihantar ke Rusia, menurut laporan.",
            published_at=datetime.fromisoformat("2024-11-01T09:00:00+08:00"),
        )
    )
    assert ex.language != "ms"
