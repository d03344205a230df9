"""Step 1: the body cleaned of web noise, and its language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.caches import memo
from streams.core.lang import LangPack, all_packs
from streams.core.lang.regex import alt
from streams.core.language import by_function_words

# Noise that looks the same in every language: embeds, handles, link-only lines.
_UNIVERSAL_NOISE = (
    re.compile(r".*pic\.twitter\.com/\w+", re.IGNORECASE),
    re.compile(r"\s*[—–-]\s*[^\n]{0,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},?\s*\d{0,4}\s*$"),  # tweet footer
    re.compile(r"\s*[—–-]\s*[^\n]{0,80}\(@\w{1,30}\)\s+\d{1,2}\s+\w+\s+\d{4}\s*$"),
    re.compile(r"\s*https?://\S+\s*$"),
    re.compile(r"\s*\(\s*[a-z]{2,5}\s*/\s*[a-z]{2,5}\s*\)\s*$"),  # editor initials "(tfa/mij)"
)
_HANDLE = re.compile(r"\(@\w+\)")
# Live-blog timestamps opening a line ("09:40 — ", "14.05 WIB - ").
_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*[—–-]\s+")
# Datelines/wire prefixes ("Jakarta, CNBC Indonesia - ", "(SeaPRwire) – ", "KYIV (Reuters) - ").
_DATELINE = re.compile(
    r"^\s*(?:\([A-Za-z][\w .]{1,30}\)|[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,4}(?:\s*\([^)]{1,30}\))?)"
    r"\s*(?:--|[–—-])\s+"
    # "CAIRO (Reuters) -Sudan said": an agency's parenthesis closes a dateline even when the dash
    # is glued to the body (a bare "Jakarta-Bandung" is not one).
    r"|^\s*[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,4}\s*\([^)]{1,30}\)\s*(?:--|[–—-])(?=[A-Z])"
    # "VIENNA: Austrian Vice-Chancellor ...": a city in capitals before a colon (not "Peskov: ...")
    r"|^\s*[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,3}(?:\s*\([^)]{1,30}\))?\s*:\s+"
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    dropped: tuple[str, ...]  # the lines removed, for `explain`


def detect_language(text: str, hint: str | None = None) -> str:
    """The pack whose function words cover most of the text (see language.py for the gate)."""
    return by_function_words(text, hint)


@memo
def _caption() -> re.Pattern[str]:
    """Photo captions in any known language: scraped pages mix them ("Foto: Reuters")."""
    words = [w for p in all_packs() for w in p.glue.caption_words]
    return re.compile(r"\s*[\[(]?\s*" + alt(words) + r"\s*:", re.IGNORECASE)


def _is_noise(line: str, pack: LangPack) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if any(rx.match(stripped) for rx in _UNIVERSAL_NOISE) or _caption().match(stripped):
        return True
    return any(rx.match(stripped) for rx in pack.noise_lines)


def _is_embed(line: str) -> bool:
    return "pic.twitter.com" in line or "(@" in line


_SENTENCE_END = re.compile(r"[.!?\"”’:;)\]…]\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _other_headline(lines: list[str], i: int) -> bool:
    """A standalone title-case line inside the body, with no sentence end: the headline of
    another article a portal links to ("TNI Berduka, Letkol Marolop Meninggal Dunia ..."). Its
    names would pass for what this article is about."""
    line = lines[i].strip()
    if not line or _SENTENCE_END.search(line):
        return False
    words = _WORD.findall(line)
    if not 5 <= len(words) <= 25 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return False
    return (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())


_WRAP_MIN, _WRAP_MAX, _WRAP_SPREAD = 40, 100, 20  # line widths of hard-wrapped wire copy


def _unwrapped(lines: list[str]) -> list[str]:
    """Wire copy and e-mail pages wrap a paragraph at a fixed width ("Maduro accused\nColombia of
    ..."): its lines are one text. A paragraph is read as wrapped from its first line of the wrap
    width on, when at least two lines but its last are of about one width and most run on without
    a sentence end; two lines only when the second goes on in lower case. A headline above the
    body and a list's items stay lines of their own."""
    out: list[str] = []
    para: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            para.append(line)
            continue
        out.extend(_unwrapped_paragraph(para))
        para = []
        out.append(line)
    return out[:-1]


_BULLET = re.compile(r"\s*[•·*▪◦–—-]\s")


def _unwrapped_paragraph(para: list[str]) -> list[str]:
    if len(para) < 2 or any(_BULLET.match(ln) for ln in para):
        return para
    if len(para) == 2:
        first, second = para[0].rstrip(), para[1].lstrip()
        goes_on = second[:1].islower() and " " in second
        return (
            _joined(para) if len(first) >= _WRAP_MIN and not _SENTENCE_END.search(first) and goes_on else para
        )
    widths = [len(ln.rstrip()) for ln in para[:-1]]
    width = max(widths)
    full = [i for i, w in enumerate(widths) if _WRAP_MIN <= w <= _WRAP_MAX and width - w <= _WRAP_SPREAD]
    if len(full) < 2 or width > _WRAP_MAX:
        return para
    if sum(not _SENTENCE_END.search(para[i]) for i in full) * 2 < len(full):
        return para
    return [*para[: full[0]], *_joined(para[full[0] :])]


def _joined(para: list[str]) -> list[str]:
    return [" ".join(ln.strip() for ln in para)]


def clean_body(body: str, pack: LangPack) -> Cleaned:
    kept: list[str] = []
    dropped: list[str] = []
    embed_start: int | None = None
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # (the first two filled lines may be the article's own headline and subtitle)
    opening = set([i for i, ln in enumerate(lines) if ln.strip()][:2])
    for i, line in enumerate(lines):
        if i not in opening and _other_headline(lines, i):
            dropped.append(line)
            continue
        if _is_noise(line, pack):
            dropped.append(line)
            if _is_embed(line):
                # The tweet text sits between the last blank line and here: drop it with the link.
                if embed_start is not None:
                    dropped.extend(kept[embed_start:])
                    del kept[embed_start:]
                embed_start = None
            continue
        if "(@" in line and _HANDLE.search(line):
            dropped.append(line)
            continue
        if not line.strip():
            embed_start = len(kept) + 1
        stamp = _TIMESTAMP.match(line)
        kept.append(line[stamp.end() :] if stamp is not None else line)
    kept = _unwrapped(kept)
    _strip_dateline(kept)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(text=text, dropped=tuple(d for d in dropped if d.strip()))


_CAPS_CITY = re.compile(r"\s*[A-Z]{3,}\b")


def _strip_dateline(lines: list[str]) -> None:
    """The dateline opens the body — or, on scraped pages, the first lines after a subtitle or a
    caption ("JAKARTA – Tentara Thailand menuduh ..."): there only in capitals, so that a
    sentence's own "Thailand – " is never taken for one."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()][:3]
    for n, i in enumerate(filled):
        m = _DATELINE.match(lines[i])
        if m and len(lines[i]) - m.end() > 40 and (n == 0 or _CAPS_CITY.match(lines[i])):
            lines[i] = lines[i][m.end() :]
            return
