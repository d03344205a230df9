"""People found in the text (see people.py): a name standing with a speaker who speaks for a
party is remembered; an unknown name later is looked up."""

from __future__ import annotations

import re

from streams.core.context import Reader
from streams.core.discourse import SpeakerRef
from streams.core.people import Person

# A person's name: two to four capitalised words ("Maly Socheata", "Jean-Pierre Lacroix").
_NAME = re.compile(
    r"[A-Z][a-z\u00C0-\u024F'’\-]+(?:\s+(?:al-|bin\s+|van\s+|de\s+)?[A-Z][a-z\u00C0-\u024F'’\-]+){1,3}"
)
_APPOSITION_AFTER = re.compile(r",\s+(" + _NAME.pattern + r")\s*(?:,|$)")
_ROLE_FOR = re.compile(r",\s+(?:a|an|the|seorang)?\s*[\w\s\-]{0,40}?\b(?:for|of|at|dari|untuk)\s*$")


def _strip_titles(ctx: Reader, name: str) -> str | None:
    """ "Information Minister Attaullah Tarar" -> "Attaullah Tarar": title words left out; no
    name that is a known actor or place ("Korea Utara")."""
    titles = ctx.pack.words("title_words")
    words = [w for w in name.split() if titles.key_of(w) is None]
    if len(words) < 2:
        return None
    # "Kremlin Bantah Laporan Intelijen": a title-case headline's verb is no part of a name
    if any(
        ctx.pack.cues_before.key_of(w) is not None or ctx.pack.cues_after.key_of(w) is not None for w in words
    ):
        return None
    found = " ".join(words[-3:])
    if ctx.gaz.find_actors(found) or ctx.gaz.find_places(found) or ctx.gaz.find_demonyms(found):
        return None
    return found


def discover(ctx: Reader, speaker: SpeakerRef) -> None:
    """Remember the person named with a speaker that speaks for a party."""
    memory = ctx.people
    if memory is None or speaker.party is None or speaker.resolved_by in ("pronoun", "neighbour", "unknown"):
        return
    text, sent = ctx.text, ctx.sentence
    name = None
    after = _NAME.match(text, speaker.end + 1, min(sent.end, speaker.end + 60))
    if after is not None and text[speaker.end : speaker.end + 1] == " ":
        name = _strip_titles(ctx, after.group(0))
    appos = _APPOSITION_AFTER.match(text, speaker.end, min(sent.end, speaker.end + 60))
    if name is None and appos is not None:
        name = _strip_titles(ctx, appos.group(1))
    if name is None:
        before = _ROLE_FOR.search(text, max(sent.start, speaker.start - 60), speaker.start)
        lead = _NAME.search(text, max(sent.start, speaker.start - 100), before.start()) if before else None
        if lead is not None and lead.end() == before.start():  # type: ignore[union-attr]
            name = _strip_titles(ctx, lead.group(0))
    if name is not None:
        ctx.state.learned.add(name)
        memory.remember(Person(name, speaker.party, speaker.role, speaker.actor_id))


def names_in(ctx: Reader, start: int, end: int) -> list[tuple[int, int, str]]:
    """Person names in [start, end): (start, end, name without titles)."""
    out = []
    for m in _NAME.finditer(ctx.text, start, end):
        name = _strip_titles(ctx, m.group(0))
        if name is not None:
            out.append((m.start() + m.group(0).rfind(name.split()[0]), m.end(), name))
    return out


def unknown_name(ctx: Reader, name: str) -> bool:
    """A name no memory of this reading holds yet (there is a memory to learn it into)."""
    return ctx.people is not None and name not in ctx.state.learned and ctx.people.recall(name) is None


def discover_introduced(ctx: Reader, name: str, side: SpeakerRef) -> None:
    """ "Philippine central bank governor Benjamin Diokno spoke on Sunday": a person introduced with
    a side and an office, speaking or not, is remembered for a later "Diokno said"."""
    if ctx.people is None or side.party is None or side.resolved_by in ("pronoun", "neighbour", "unknown"):
        return
    ctx.state.learned.add(name)
    ctx.people.remember(Person(name, side.party, side.role, side.actor_id))


def recall(ctx: Reader, name: str) -> Person | None:
    return ctx.people.recall(name) if ctx.people is not None else None
