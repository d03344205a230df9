"""feedparser wrapper and HTML-to-text on the fixture files (no network)."""

from pathlib import Path

from streams.feeds.article_text import extract_main_text
from streams.feeds.parse import ParsedFeed, looks_like_html, parse_feed
from streams.feeds.text import html_to_text, truncate_body

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "feeds"
BASE = "http://feeds.example"


def _parse(name: str, content_type: str | None = "application/rss+xml; charset=utf-8") -> ParsedFeed:
    body = (FIXTURES / name).read_bytes().replace(b"{{BASE}}", BASE.encode())
    return parse_feed(body, url=f"{BASE}/{name}", content_type=content_type)


def test_rss2_entries_become_items() -> None:
    feed = _parse("rss2.xml")
    assert feed.version == "rss20" and feed.language == "en" and not feed.problems
    items = {i.title: i for i in feed.items}
    rice = items["Drought cuts rice harvest across Central Java"]
    assert rice.has_full_content and "drought-tolerant" in rice.text
    assert "trackPageView" not in rice.text
    assert rice.published_raw == "Sun, 27 Oct 2024 10:00:00 GMT"
    port = items["Port strike enters second week at Tanjung Priok"]
    assert port.link is None and port.guid == "wire-2024-10-29-0001"  # opaque guid, no link
    aid = items["Pemerintah umumkan bantuan pangan untuk petani"]
    assert aid.published_raw == "Senin, 28 Okt 2024 14:05 WIB"
    assert aid.text.count("\n\n") == 1  # two paragraphs


def test_atom_entries_and_html_titles() -> None:
    feed = _parse("atom.xml", "application/atom+xml")
    assert feed.version.startswith("atom")
    titles = [i.title for i in feed.items]
    assert titles == [
        "Seoul summons envoy over missile test",
        "Monsoon floods close schools in three districts",
    ]
    assert all(i.link and i.link.startswith(BASE) for i in feed.items)
    assert all(i.has_full_content for i in feed.items)


def test_bozo_feed_keeps_its_good_entries() -> None:
    feed = _parse("malformed.xml")
    assert [k for k, _ in feed.problems] == ["malformed"]
    titles = {i.title for i in feed.items}
    assert {
        "Fishermen report record tuna catch off Sulawesi",
        "City council approves new bus lanes",
    } <= titles


def test_html_instead_of_a_feed_is_recognised() -> None:
    feed = _parse("html_instead.xml")
    assert feed.not_a_feed and not feed.items
    assert f"{BASE}/rss2.xml" in feed.problems[-1][1]
    assert looks_like_html(b"\n  <!DOCTYPE html><html>")
    assert not looks_like_html(b'<?xml version="1.0"?><rss version="2.0">')


def test_garbage_is_not_a_feed() -> None:
    feed = _parse("garbage.xml", None)
    assert feed.not_a_feed and not feed.items


def test_latin1_mislabeled_as_utf8_is_decoded() -> None:
    feed = _parse("latin1.xml")
    assert feed.items[0].title == "José Müller named envoy to São Paulo trade fair"
    assert [k for k, _ in feed.problems] == ["encoding"]


def test_empty_entries_are_counted_not_returned() -> None:
    feed = _parse("empty_entries.xml")
    assert [i.title for i in feed.items] == ["Only valid entry in the sparse feed"]
    assert feed.empty_entries == 3
    assert ("empty_entry", "3 entries without text or link") in feed.problems


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_to_text(
        "<p>Satu &amp; dua.</p><script>var x=1;</script><p>Tiga<br>empat</p>"
        "<style>p{}</style><p>\u00a0 lima \u200b </p>"
    )
    assert text == "Satu & dua.\n\nTiga\n\nempat\n\nlima"
    assert html_to_text("plain &lt;text&gt;") == "plain <text>"
    assert html_to_text("<p>unclosed <b>bold") == "unclosed bold"


def test_truncate_body_cuts_at_a_boundary() -> None:
    text = ("kata " * 50_000).strip()
    cut = truncate_body(text, 1000)
    assert len(cut) <= 1000 and cut.endswith("kata")
    assert truncate_body("short", 1000) == "short"


def test_main_text_extraction_drops_page_furniture() -> None:
    page = extract_main_text(
        (FIXTURES / "articles" / "banjir-jakarta.html").read_bytes(),
        url=f"{BASE}/articles/banjir-jakarta.html",
    )
    assert page is not None
    assert "tiga ribu rumah" in page.text and "Sungai Ciliwung" in page.text
    for noise in ("Baca juga", "Hak cipta", "Beranda", "dataLayer"):
        assert noise not in page.text
    assert extract_main_text(b"<html><body><nav>Home</nav></body></html>") is None
