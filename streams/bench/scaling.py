"""Extraction cost against article length: one article of each size, normal and unpunctuated.

The extractor must stay linear in the text's length (an article may be up to 200k characters):
ms per KB should stay roughly flat from the smallest size to the largest. Normal text is the
generated bench corpus joined into one body; unpunctuated text is the same with every sentence
mark, quote and line break replaced by a space (a scraped page without punctuation, one huge
"sentence"). Timings only: nothing here asserts a number.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime

from schemas import Article
from streams.bench.corpus import generate
from streams.core.extract import extract

_MARKS = re.compile(r"[.,;:!?\"“”‘’()\n]+")
_PUBLISHED = datetime(2024, 11, 4, 12, 0, tzinfo=UTC)


def _source(chars: int, seed: int) -> str:
    parts: list[str] = []
    total = 0
    index = 0
    while total < chars:
        body = next(generate(1, seed, start=index)).body
        parts.append(body)
        total += len(body) + 1
        index += 1
    return "\n".join(parts)


def shapes(size: int, seed: int = 3) -> dict[str, str]:
    """The two bodies of one size: 'normal' and 'unpunctuated'."""
    normal = _source(size, seed)[:size]
    flat = _MARKS.sub(" ", _source(size * 2, seed))[:size]
    return {"normal": normal, "unpunctuated": flat}


def _time_one(body: str, repeat: int) -> tuple[float, int]:
    best = float("inf")
    claims = 0
    for _ in range(repeat):
        article = Article(id="scaling", outlet="bench", body=body, published_at=_PUBLISHED)
        start = time.perf_counter()
        claims = len(extract(article).claims)
        best = min(best, time.perf_counter() - start)
    return best, claims


def extraction_scaling(sizes: tuple[int, ...] = (1_000, 10_000, 50_000, 200_000)) -> list[dict[str, object]]:
    """ms and ms/KB of one extraction per size and shape (the best of a few runs for small sizes)."""
    extract(Article(id="warm", outlet="bench", body=shapes(2_000)["normal"], published_at=_PUBLISHED))
    rows: list[dict[str, object]] = []
    for size in sizes:
        for shape, body in shapes(size).items():
            seconds, claims = _time_one(body, repeat=3 if size <= 10_000 else 1)
            ms = seconds * 1000
            rows.append(
                {
                    "shape": shape,
                    "chars": len(body),
                    "ms": round(ms, 2),
                    "ms_per_kb": round(ms / (len(body) / 1000), 3),
                    "claims": claims,
                }
            )
    return rows


if __name__ == "__main__":
    for row in extraction_scaling():
        print(row)
