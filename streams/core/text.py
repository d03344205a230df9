"""Body cleaning (web noise out), language detection and sentence splitting, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.langpack import LangPack, all_packs

# Noise that looks the same in every language: embeds, handles, link-only lines.
_UNIVERSAL_NOISE = (
    re.compile(r".*pic\.twitter\.com/\w+", re.IGNORECASE),
    re.compile(r"\s*[—–-]\s*[^\n]{0,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},?\s*\d{0,4}\s*$"),  # tweet footer
    re.compile(r"\s*[—–-]\s*[^\n]{0,80}\(@\w{1,30}\)\s+\d{1,2}\s+\w+\s+\d{4}\s*$"),
    re.compile(r"\s*https?://\S+\s*$"),
    re.compile(r"\s*\(\s*[a-z]{2,5}\s*/\s*[a-z]{2,5}\s*\)\s*$"),  # editor initials "(tfa/mij)"
    re.compile(r"\s*[\[(]?\s*(?:foto|photo|image|gambar)\s*:", re.IGNORECASE),
)
# Live-blog timestamps opening a line ("09:40 — ", "14.05 WIB - ").
_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*[—–-]\s+")
# Datelines/wire prefixes ("Jakarta, CNBC Indonesia - ", "(SeaPRwire) – ", "KYIV (Reuters) - ").
_DATELINE = re.compile(
    r"^\s*(?:\([A-Za-z][\w .]{1,30}\)|[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,4}(?:\s*\([^)]{1,30}\))?)"
    r"\s*(?:--|[–—-])\s+"
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    dropped: tuple[str, ...]  # the lines removed, for `explain`


def detect_language(text: str, hint: str | None = None) -> str:
    """The language whose stopwords cover most tokens; the hint breaks near-ties."""
    tokens = [t.casefold() for t in re.findall(r"[^\W\d_]+", text[:6000])]
    packs = all_packs()
    if not tokens:
        return hint or packs[0].code
    scores = {p.code: sum(1 for t in tokens if t in p.stopwords) / len(tokens) for p in packs}
    best = max(scores, key=lambda c: scores[c])
    if hint in scores and scores[hint] >= scores[best] * 0.8:
        return hint
    return best


def _is_noise(line: str, pack: LangPack) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    for rx in _UNIVERSAL_NOISE:
        if rx.match(stripped):
            return True
    return any(rx.match(stripped) for rx in pack.noise_lines)


def clean_body(body: str, pack: LangPack) -> Cleaned:
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    dropped: list[str] = []
    embed_start: int | None = None
    for line in lines:
        if _is_noise(line, pack):
            dropped.append(line)
            if "pic.twitter.com" in line or "(@" in line:
                # The tweet text sits between the last blank line and here: drop it with the link.
                if embed_start is not None:
                    dropped.extend(kept[embed_start:])
                    del kept[embed_start:]
                embed_start = None
            continue
        if "(@" in line and re.search(r"\(@\w+\)", line):
            dropped.append(line)
            continue
        if not line.strip():
            embed_start = len(kept) + 1
        stamp = _TIMESTAMP.match(line)
        if stamp is not None:
            line = line[stamp.end() :]
        kept.append(line)
    if kept:
        first = next((i for i, ln in enumerate(kept) if ln.strip()), None)
        if first is not None:
            m = _DATELINE.match(kept[first])
            if m and len(kept[first]) - m.end() > 40:
                kept[first] = kept[first][m.end() :]
    text = "\n".join(kept)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return Cleaned(text=text, dropped=tuple(d for d in dropped if d.strip()))


# Sentence boundaries: terminal punctuation (and closing quotes) followed by space and a capital,
# a digit or an opening quote; or a line break. Abbreviations are protected below.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(A-Z0-9À-Ý])|\n+")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Maj|Brig|Adm|Cpl|Pvt|Lt|Col|Sgt|Capt|Cmdr|Sen|Rep|Gov|St|Jl|No|Vol|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Okt|Des|Agu|Inc|Ltd|Co|Corp|approx|est|al)\.)$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        # "U.S. troops", "Gen. Syrskyi": not a boundary.
        if "\n" not in m.group(0) and _ABBREV.search(text[max(pos, cut - 12) : cut]):
            continue
        # The closing quotes after the full stop belong to this sentence.
        seg_end = cut + len(m.group(0)) - len(m.group(0).lstrip('"”’)'))
        _append(out, text, pos, seg_end if seg_end > cut else cut, paragraph)
        if "\n" in m.group(0):
            paragraph += 1
        pos = m.end()
    _append(out, text, pos, len(text), paragraph)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
