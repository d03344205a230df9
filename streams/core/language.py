"""The language gate: which language pack reads an article, or none. A maintained identifier
(py3langid, its model shipped in the package) names the language; an article in a language with
no pack is counted and skipped by the caller (dead letter `unsupported_language`), never read with
another language's rules. Short texts (a headline, a test sentence) say too little for the
identifier: there the pack whose function words cover most of the text decides, with the
article's own language field as a tie-breaker."""

from __future__ import annotations

import re
from functools import lru_cache

from streams.core.lang import all_packs

_WORDS = re.compile(r"[^\W\d_]+")
SHORT = 200  # characters: below this the identifier is not trusted on its own
_SAMPLE = 4000


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    code, prob = _identifier().classify(text[:_SAMPLE])
    return str(code), float(prob)


def by_function_words(text: str, hint: str | None = None) -> str:
    """The pack whose stopwords cover most tokens; the hint breaks near-ties."""
    # (an acronym is no function word: Indonesian "AS" is the United States, not English "as")
    tokens = [t.casefold() for t in _WORDS.findall(text[:6000]) if not (len(t) > 1 and t.isupper())]
    packs = all_packs()
    if not tokens:
        return hint or packs[0].code
    scores = {p.code: sum(1 for t in tokens if t in p.stopwords) / len(tokens) for p in packs}
    best = max(scores, key=lambda c: scores[c])
    if hint in scores and scores[hint] >= scores[best] * 0.8:
        return hint
    return best


def reading_language(text: str, hint: str | None = None) -> str | None:
    """The code of the pack that reads `text`, or None when its language has no pack."""
    codes = {p.code for p in all_packs()}
    if not text.strip():
        return hint if hint in codes else None
    detected, prob = identify(text)
    if len(text) < SHORT or prob < 0.9:
        # Too little text to trust the identifier: the function words decide among the packs.
        return by_function_words(text, hint if hint in codes else None)
    return detected if detected in codes else None


def detected_language(text: str) -> str:
    """What the identifier says, for the dead letter of an unsupported article."""
    return identify(text)[0] if text.strip() else "und"
