from collections.abc import Iterable

import pytest

from streams.feeds.dedup import (
    Deduplicator,
    MemoryDedupStore,
    MinHasher,
    StoredDoc,
    Verdict,
    article_id_for_url,
    canonical_url,
    clean_url,
    content_hash,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://WWW.Example.COM/News/Story?utm_source=rss&utm_medium=x#comments",
            "https://www.example.com/News/Story",
        ),
        (
            "https://example.com/a?b=2&a=1&fbclid=XYZ&gclid=1&id=9",
            "https://example.com/a?a=1&b=2&id=9",
        ),
        ("http://example.com:80/a?UTM_Campaign=x", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://news.detik.com/x?tag_from=wp_hl&single=1", "https://news.detik.com/x?single=1"),
        ("https://example.com/a?mc_cid=1&mc_eid=2&_ga=3&ref_src=twsrc", "https://example.com/a"),
        ("https://example.com/a?page=all", "https://example.com/a?page=all"),
    ],
)
def test_clean_url_strips_tracking_and_noise(url: str, expected: str) -> None:
    assert clean_url(url) == expected


def test_canonical_url_ignores_scheme_www_and_trailing_slash() -> None:
    variants = [
        "http://www.example.com/news/1/?utm_source=feed",
        "https://example.com/news/1",
        "https://EXAMPLE.com/news/1/#top",
        "https://www.example.com/news/1?fbclid=abc",
    ]
    assert len({canonical_url(v) for v in variants}) == 1
    assert len({article_id_for_url(v) for v in variants}) == 1
    assert canonical_url("https://example.com/news/1?id=2") != canonical_url(variants[0])


def test_article_id_is_stable_and_bounded() -> None:
    aid = article_id_for_url("https://example.com/a")
    assert aid == article_id_for_url("https://example.com/a")
    assert aid.startswith("url-") and len(aid) == 28


def test_content_hash_ignores_markup_residue_case_and_spacing() -> None:
    a = "Pasukan Korea Utara  dikerahkan ke Kursk.\n\nKata pejabat."
    b = "pasukan korea utara dikerahkan ke kursk kata pejabat"
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(a + " Tambahan.")
    assert len(content_hash(a)) == 64


ORIGINAL = (
    "Mount Lewotobi on the island of Flores erupted again on Sunday night, sending a column "
    "of ash eight kilometres into the sky and forcing the evacuation of more than four thousand "
    "residents from seven villages, the national disaster agency said on Monday. The volcanology "
    "centre raised the alert to its highest level and widened the exclusion zone around the "
    "crater to seven kilometres. Glowing rocks fell on houses in two villages closest to the "
    "summit, and at least six people were injured, a spokesperson for the agency said."
)
EDITED_COPY = (
    "FLORES, Daily Copy - "
    + ORIGINAL.replace("Sunday night", "late on Sunday")
    + " Daily Copy will keep updating this story."
)
UNRELATED = (
    "Bali's tourism board said on Monday that hotel occupancy on the island reached eighty-five "
    "percent in October, the highest level since before the pandemic, driven by visitors from "
    "Australia, India and China, while warning that water shortages could limit growth."
)


def test_minhash_similarity_tracks_shared_text() -> None:
    h = MinHasher()
    sig = h.signature(ORIGINAL)
    assert sig is not None and len(sig) == 128
    assert h.similarity(sig, h.signature(ORIGINAL) or ()) == 1.0
    assert h.similarity(sig, h.signature(EDITED_COPY) or ()) > 0.6
    assert h.similarity(sig, h.signature(UNRELATED) or ()) < 0.2
    assert h.signature("Too short to judge") is None  # headlines are not fingerprinted
    assert len(h.band_keys(sig)) == 32


def test_signatures_are_stable_across_instances() -> None:
    # Signatures live in Redis across restarts; the permutations must not change.
    assert MinHasher().signature(ORIGINAL) == MinHasher().signature(ORIGINAL)


def _classify(d: Deduplicator, url: str | None, outlet: str, text: str, guid: str | None = None) -> Verdict:
    verdict = d.classify(link=url, guid=guid, feed_url="https://f.example/rss", outlet=outlet, text=text)
    if verdict.produce:
        d.record(verdict, outlet=outlet)
    else:
        d.remember_skip(verdict)
    return verdict


def test_dedup_verdicts() -> None:
    store = MemoryDedupStore()
    d = Deduplicator(store, threshold=0.6)

    first = _classify(d, "https://wire.example/volcano?utm_source=x", "Wire", ORIGINAL)
    assert first.outcome == "new" and first.syndicated_from is None

    # Same article, tracking-tagged URL: a re-poll.
    again = _classify(d, "http://www.wire.example/volcano/", "Wire", ORIGINAL)
    assert again.outcome == "duplicate_url" and again.article_id == first.article_id

    # Same outlet re-posts the same text under a new URL: skipped, and the URL remembered.
    repost = _classify(d, "https://wire.example/volcano-2", "Wire", ORIGINAL)
    assert repost.outcome == "duplicate_content" and repost.duplicate_of == first.article_id
    assert d.seen_url("https://wire.example/volcano-2")

    # Another outlet, exact text: a syndicated copy, produced and marked.
    exact = _classify(d, "https://mirror.example/v", "Mirror", ORIGINAL)
    assert exact.outcome == "syndicated" and exact.syndicated_from == first.article_id

    # Another outlet, edited copy: near-duplicate via the band index.
    near = _classify(d, "https://daily.example/v", "Daily", EDITED_COPY)
    assert near.outcome == "syndicated" and near.syndicated_from == first.article_id
    assert near.similarity is not None and 0.6 <= near.similarity < 1.0

    # A copy of the copy points at the root, not at the intermediate.
    copy2 = _classify(d, "https://third.example/v", "Third", EDITED_COPY + " Extra line.")
    assert copy2.syndicated_from == first.article_id

    other = _classify(d, "https://daily.example/bali", "Daily", UNRELATED)
    assert other.outcome == "new"


def test_items_without_links_are_identified_by_guid_then_text() -> None:
    d = Deduplicator(MemoryDedupStore())
    a = _classify(d, None, "Wire", UNRELATED, guid="wire-0001")
    assert a.article_id.startswith("guid-") and a.outcome == "new"
    assert _classify(d, None, "Wire", UNRELATED + " (updated)", guid="wire-0001").outcome == ("duplicate_url")
    b = _classify(d, None, "Wire", ORIGINAL)
    assert b.article_id.startswith("txt-")


def test_candidate_lookup_reads_bands_not_every_document() -> None:
    store = MemoryDedupStore()
    d = Deduplicator(store)
    for i in range(200):
        _classify(
            d,
            f"https://x.example/{i}",
            "X",
            f"Unrelated story number {i} " + "word " * 3 + " ".join(f"token{i}_{j}" for j in range(30)),
        )
    calls: list[int] = []
    original_docs = store.docs

    def counting_docs(ids: Iterable[str]) -> dict[str, StoredDoc]:
        ids = list(ids)
        calls.append(len(ids))
        return original_docs(ids)

    store.docs = counting_docs  # type: ignore[method-assign,assignment]
    _classify(d, "https://y.example/volcano", "Y", ORIGINAL)
    assert sum(calls) < 10  # candidates from the LSH bands only, not a scan of 200 documents
