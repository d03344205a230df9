"""streams/core/language.py: the language gate (py3langid), never another language's rules."""

from __future__ import annotations

from datetime import datetime

from schemas import Article
from streams.core.extract import extract
from streams.core.language import by_function_words, identify, reading_language

GERMAN = (
    "Das ukrainische Verteidigungsministerium erklärte am Montag, nordkoreanische Soldaten seien in "
    "die russische Region Kursk verlegt worden. Der Kreml wies die Berichte als Propaganda zurück und "
    "sagte, es gebe keine Beweise für eine solche Verlegung. Beobachter in Seoul rechnen mit weiteren "
    "Truppen im Winter."
)
MALAY = (
    "Kementerian Pertahanan Korea Selatan berkata bahawa kira-kira tiga ribu askar Korea Utara telah "
    "dihantar ke Rusia pada minggu lalu, kerana hubungan ketenteraan kedua-dua negara semakin rapat "
    "sejak perjanjian ditandatangani, dan pegawai kerajaan enggan mengulas lanjut mengenai perkara itu."
)


def test_the_identifier_names_languages() -> None:
    assert identify(GERMAN)[0] == "de"
    assert reading_language("North Korean troops have been sent to Russia, the ministry said.") == "en"
    assert reading_language("Tentara Korea Utara telah dikirim ke Rusia, kata kementerian itu.") == "id"


def test_an_article_in_a_language_without_a_pack_is_skipped_not_read() -> None:
    for body in (GERMAN, MALAY):
        assert reading_language(body, "en") is None
        ex = extract(
            Article(
                id="x", outlet="x", body=body, published_at=datetime(2024, 11, 1, 9, tzinfo=None).astimezone()
            )
        )
        assert ex.unsupported and ex.claims == [] and ex.language in ("de", "ms")


def test_a_short_text_falls_back_to_function_words() -> None:
    assert reading_language("Estonia said no.") == "en"
    assert by_function_words("pasukan itu dan yang di sana", "en") == "id"


def test_an_acronym_is_no_function_word_of_another_language() -> None:
    # Indonesian "AS" (the United States) is not the English "as"
    text = "Venezuela menuding AS berada di balik serangan itu. Menlu AS membantah keterlibatan AS."
    assert by_function_words(text) == "id"
