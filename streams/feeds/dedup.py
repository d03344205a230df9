"""De-duplication: canonical URLs, content hashes and near-duplicate (syndicated copy) detection.

Three layers, cheapest first:

1. Canonical URL. The same article reaches us with utm_* tags, AMP/feed tracking, http vs https,
   "www." or not. Its canonical form keys the article id, so a re-poll or a restart produces the
   same id and is skipped.
2. Content hash of the normalised text: the same text under another URL. From the same outlet it
   is a re-post (skipped); from another outlet it is an exact syndicated copy (produced, marked).
3. MinHash over word shingles with an LSH band index: wire copies (Antara/Reuters/AP text run by
   several outlets with a different intro line, trimmed or lightly edited) share most shingles.
   Bands make the lookup a handful of set reads instead of a scan over every stored article.
   A near-duplicate is still produced, with Article.syndicated_from pointing at the first copy,
   so the stance engine can see the outlet carried it without counting it as a new source.

The store behind layers 1-3 is a protocol: Redis in production (streams.feeds.state), a dict here
for unit tests and dry runs.
"""

from __future__ import annotations

import hashlib
import random
import re
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# --------------------------------------------------------------------------- canonical URLs

# Query parameters that only say how the reader arrived; never part of the article's identity.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking",
        "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clickid", "s_cid",
        "cmpid", "ocid", "ncid", "ref_src", "ref_url", "at_medium", "at_campaign",
        "at_custom1", "at_custom2", "at_custom3", "at_custom4", "smid", "sr_share", "tag_from",
        "src_ref", "soc_src", "soc_trk", "wt_mc", "wt.mc_id", "cid_source", "spm", "share",
        "amp", "ito", "xtor",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "ga_", "hmb_", "__twitter", "oly_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def clean_url(url: str) -> str:
    """The URL to show and link: lower-case host, no fragment, no tracking, sorted query.

    Scheme and path are kept as given (the page must still load).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def canonical_url(url: str) -> str:
    """Identity of an article URL: clean_url, plus scheme-, "www."- and trailing-slash-blind."""
    parts = urlsplit(clean_url(url))
    host = parts.netloc
    if host.startswith("www."):
        host = host[4:]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, parts.query, ""))


def stable_id(key: str, prefix: str = "url") -> str:
    """Article id: a hash of its identity key, so replays and restarts reuse it."""
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}"


def article_id_for_url(url: str) -> str:
    return stable_id(canonical_url(url), "url")


# --------------------------------------------------------------------------- text fingerprints

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Case-, accent-form- and punctuation-blind tokens."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """sha256 of the word sequence: immune to whitespace, markup residue and punctuation."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


_MERSENNE = (1 << 61) - 1
_MAX_HASH = (1 << 64) - 1


def _hash64(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass(frozen=True)
class MinHasher:
    """MinHash signatures and LSH band keys.

    With 32 bands of 4 rows, two texts with Jaccard similarity 0.5 share at least one band with
    probability ~0.87 and at 0.6 ~0.99, while pairs at 0.2 collide ~5% of the time (and are then
    rejected by the signature comparison). Fixed seeds: signatures stored in Redis stay valid
    across restarts and versions.
    """

    num_perm: int = 128
    bands: int = 32
    shingle_words: int = 4
    min_shingles: int = 8  # shorter texts (a headline) are too noisy to call near-duplicates
    max_words: int = 5000  # copies share their opening; bounds the cost on 200k-char bodies
    seed: int = 0x5EED_C1A1
    _params: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError("num_perm must be a multiple of bands")
        rng = random.Random(self.seed)
        params = tuple(
            (rng.randrange(1, _MERSENNE), rng.randrange(0, _MERSENNE)) for _ in range(self.num_perm)
        )
        object.__setattr__(self, "_params", params)

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands

    def shingles(self, text: str) -> set[int]:
        toks = words(text)[: self.max_words]
        k = self.shingle_words
        if len(toks) < k:
            return {_hash64(" ".join(toks))} if toks else set()
        return {_hash64(" ".join(toks[i : i + k])) for i in range(len(toks) - k + 1)}

    def signature(self, text: str) -> tuple[int, ...] | None:
        hashes = self.shingles(text)
        if len(hashes) < self.min_shingles:
            return None
        return tuple(min(((a * h + b) % _MERSENNE) for h in hashes) for a, b in self._params)

    def band_keys(self, signature: Sequence[int]) -> list[str]:
        r = self.rows
        keys = []
        for band in range(self.bands):
            chunk = struct.pack(f">{r}Q", *signature[band * r : (band + 1) * r])
            keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
        return keys

    @staticmethod
    def similarity(a: Sequence[int], b: Sequence[int]) -> float:
        if not a or len(a) != len(b):
            return 0.0
        return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def pack_signature(signature: Sequence[int]) -> bytes:
    return struct.pack(f">{len(signature)}Q", *signature)


def unpack_signature(blob: bytes) -> tuple[int, ...]:
    return struct.unpack(f">{len(blob) // 8}Q", blob)


# --------------------------------------------------------------------------- decisions


@dataclass(frozen=True)
class StoredDoc:
    article_id: str
    outlet: str
    root: str  # the first article of its syndication cluster (itself if original)
    signature: tuple[int, ...] | None = None


class DedupStore(Protocol):
    def id_for_url(self, url_key: str) -> str | None: ...

    def doc_for_hash(self, digest: str) -> StoredDoc | None: ...

    def lsh_candidates(self, band_keys: Iterable[str]) -> set[str]: ...

    def docs(self, article_ids: Iterable[str]) -> dict[str, StoredDoc]: ...

    def record(
        self,
        *,
        url_key: str | None,
        digest: str,
        doc: StoredDoc,
        band_keys: Sequence[str],
    ) -> None: ...

    def alias_url(self, url_key: str, article_id: str) -> None: ...


Outcome = Literal["new", "syndicated", "duplicate_url", "duplicate_content"]


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    article_id: str
    url_key: str | None
    content_hash: str
    syndicated_from: str | None = None
    similarity: float | None = None
    signature: tuple[int, ...] | None = None
    band_keys: tuple[str, ...] = ()
    duplicate_of: str | None = None

    @property
    def produce(self) -> bool:
        return self.outcome in ("new", "syndicated")


class Deduplicator:
    def __init__(self, store: DedupStore, *, threshold: float = 0.6, hasher: MinHasher | None = None) -> None:
        self.store = store
        self.threshold = threshold
        self.hasher = hasher or MinHasher()

    def identity(
        self, *, link: str | None, guid: str | None, feed_url: str, text: str
    ) -> tuple[str | None, str]:
        """(url_key, article_id). Items without a usable link fall back to guid, then text."""
        if link:
            key = canonical_url(link)
            return key, stable_id(key, "url")
        if guid:
            return None, stable_id(f"{canonical_url(feed_url)}#{guid}", "guid")
        return None, stable_id(content_hash(text), "txt")

    def seen_url(self, link: str | None) -> bool:
        return bool(link) and self.store.id_for_url(canonical_url(link or "")) is not None

    def classify(
        self, *, link: str | None, guid: str | None, feed_url: str, outlet: str, text: str
    ) -> Verdict:
        url_key, art_id = self.identity(link=link, guid=guid, feed_url=feed_url, text=text)
        digest = content_hash(text)
        if url_key is not None and self.store.id_for_url(url_key) is not None:
            return Verdict("duplicate_url", art_id, url_key, digest)
        if url_key is None and self.store.docs([art_id]):
            return Verdict("duplicate_url", art_id, url_key, digest)  # same guid seen before

        same_text = self.store.doc_for_hash(digest)
        if same_text is not None:
            if same_text.article_id == art_id or same_text.outlet == outlet:
                return Verdict(
                    "duplicate_content",
                    art_id,
                    url_key,
                    digest,
                    duplicate_of=same_text.article_id,
                )
            return Verdict(
                "syndicated",
                art_id,
                url_key,
                digest,
                syndicated_from=same_text.root,
                similarity=1.0,
            )

        signature = self.hasher.signature(text)
        if signature is None:
            return Verdict("new", art_id, url_key, digest)
        bands = tuple(self.hasher.band_keys(signature))
        best: tuple[float, StoredDoc] | None = None
        candidates = self.store.lsh_candidates(bands) - {art_id}
        for doc in self.store.docs(candidates).values():
            if doc.signature is None:
                continue
            sim = self.hasher.similarity(signature, doc.signature)
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, doc)
        if best is None:
            return Verdict("new", art_id, url_key, digest, signature=signature, band_keys=bands)
        return Verdict(
            "syndicated",
            art_id,
            url_key,
            digest,
            syndicated_from=best[1].root,
            similarity=best[0],
            signature=signature,
            band_keys=bands,
        )

    def record(self, verdict: Verdict, *, outlet: str) -> None:
        """Remember a produced article. Call only after Kafka acknowledged it."""
        root = verdict.syndicated_from or verdict.article_id
        self.store.record(
            url_key=verdict.url_key,
            digest=verdict.content_hash,
            doc=StoredDoc(verdict.article_id, outlet, root, verdict.signature),
            band_keys=verdict.band_keys,
        )

    def remember_skip(self, verdict: Verdict) -> None:
        """A re-post under a new URL: remember the URL so the next poll skips it cheaply
        (and does not fetch its page again)."""
        if verdict.outcome == "duplicate_content" and verdict.url_key and verdict.duplicate_of:
            self.store.alias_url(verdict.url_key, verdict.duplicate_of)


class MemoryDedupStore:
    """In-process DedupStore: unit tests and `--dry-run`; forgets everything on exit."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {}
        self.hashes: dict[str, StoredDoc] = {}
        self.bands: dict[str, set[str]] = {}
        self.documents: dict[str, StoredDoc] = {}

    def id_for_url(self, url_key: str) -> str | None:
        return self.urls.get(url_key)

    def doc_for_hash(self, digest: str) -> StoredDoc | None:
        return self.hashes.get(digest)

    def lsh_candidates(self, band_keys: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for key in band_keys:
            out |= self.bands.get(key, set())
        return out

    def docs(self, article_ids: Iterable[str]) -> dict[str, StoredDoc]:
        return {i: self.documents[i] for i in article_ids if i in self.documents}

    def record(self, *, url_key: str | None, digest: str, doc: StoredDoc, band_keys: Sequence[str]) -> None:
        if url_key is not None:
            self.urls.setdefault(url_key, doc.article_id)
        self.hashes.setdefault(digest, doc)
        self.documents[doc.article_id] = doc
        for key in band_keys:
            self.bands.setdefault(key, set()).add(doc.article_id)

    def alias_url(self, url_key: str, article_id: str) -> None:
        self.urls.setdefault(url_key, article_id)
