"""One sentence read in order: its cues attributed (attribution.py, statement.py), a transcript
label or a bare quotation continuing the previous speaker, claims built, the scene remembered."""

from __future__ import annotations

import re
from dataclasses import replace

from schemas import Claim
from streams.core.attribution import (
    Attribution,
    CueSite,
    attribute_according,
    attribute_after,
    attribute_opening,
    attribute_passive,
    frames_in,
)
from streams.core.claims import claims_of
from streams.core.context import Reader
from streams.core.cues import Cue, find_cues
from streams.core.discourse import SpeakerRef
from streams.core.events import BLAMED
from streams.core.frame import FrameHit
from streams.core.headlines import headline_attribution
from streams.core.people_found import discover, discover_introduced, names_in, unknown_name
from streams.core.speakers import remember_mentions, resolve_segment
from streams.core.statement import attribute_before

# A speaker label opening a transcript paragraph: "REYES:", "VASSILY NEBENZIA, RUSSIAN ENVOY (via
# interpreter):" — names in capitals, a colon.
_TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z'’.\- ]{1,40}(?:,[^:\n]{1,80})?(?:\s*\([^)\n]{0,40}\))?:\s")
_OPEN_Q = '“"‘'


def read_sentence(ctx: Reader) -> tuple[list[Attribution], list[Claim]]:
    sent = ctx.sentence
    cues = find_cues(ctx, sent)
    # "..., seperti dikutip Reuters", "according to AFP": an outlet is no source of its own.
    cues = [c for c in cues if not (c.side == "according" and _outlet_follows(ctx, c))]
    trailing = [c for c in cues if c.side == "according" and ctx.words(sent.start, c.start) > 2]
    if trailing:
        cues = trailing[:1]  # "..., menurut Moon Seong Mook": the whole sentence is that source's reading
    attrs = _attribute_cues(ctx, cues)
    label = _transcript_label(ctx)
    if not cues:
        extra = _label_speaker(ctx) or _continued_quote(ctx)
        if extra is None and ctx.headline:
            extra = headline_attribution(ctx)
        if extra is not None:
            attrs.append(extra)
    claims: list[Claim] = []
    for attr in attrs:
        attr.claims = claims_of(ctx, attr)
        claims.extend(attr.claims)
        if attr.speaker is not None and attr.speaker.resolved_by != "unknown":
            discover(ctx, attr.speaker)
            ctx.state.discourse.add_speaker(attr.speaker)
            ctx.state.last_attributed = (sent.paragraph, attr.speaker)
    _introduced_people(ctx)
    ctx.state.open_pending.clear()  # the sentence's open claims are in `open_at` now
    # Narration still sets the scene: who/where the troops are, for later back-references.
    narration = frames_in(ctx, sent.start, sent.end, None)
    # (not from a speaker's own name: "Staf Umum Angkatan Bersenjata Ukraina mengatakan ... di Kursk")
    named = [(a.speaker.start, a.speaker.end) for a in attrs if a.speaker is not None]
    narration = [f for f in narration if not any(s <= f.trigger.start < e for s, e in named)]
    _update_context(ctx, narration + [f for a in attrs for f in a.frames])
    # A transcript label is not the sentence's subject ("REYES: The United States ...").
    remember_mentions(ctx, label.end() if label is not None else sent.start, sent.end)
    return attrs, claims


def _introduced_people(ctx: Reader) -> None:
    """A name right after the words that give its side and office ("Philippine central bank
    governor Benjamin Diokno") is remembered, whether or not the sentence quotes him."""
    sent = ctx.sentence
    for start, _end, name in names_in(ctx, sent.start, sent.end):
        if not unknown_name(ctx, name):
            continue  # known already: no need to read its side again
        lo = max(sent.start, start - 60)
        side = resolve_segment(ctx, lo, start, nearest_end=True)
        if side is not None and side.role is not None and ctx.words(side.end, start) <= 1:
            discover_introduced(ctx, name, side)


def _outlet_follows(ctx: Reader, cue: Cue) -> bool:
    who = resolve_segment(ctx, cue.end, min(ctx.sentence.end, cue.end + 60), nearest_end=False)
    return who is not None and ctx.gaz.is_media(who.actor_id)


def _attribute_cues(ctx: Reader, cues: list[Cue]) -> list[Attribution]:
    attrs: list[Attribution] = []
    explicit_before = False
    for i, cue in enumerate(cues):
        site = CueSite(cue, attrs[-1] if attrs else None, cues[i + 1 :], explicit_before)
        attr = _attribute(ctx, site)
        if attr is None:
            continue
        if cue.side == "before" and attr.speaker is not None and attr.speaker.resolved_by != "unknown":
            explicit_before = True
        attrs.append(attr)
        if cue.side != "opening":  # ("Denying P, X said the reports were false": one statement)
            # "X accused Y of P, though Z denied the incident": a later clause may point back to it
            _note_topics(ctx, attr.frames, accused=cue.kind == "accuse")
        party = attr.speaker.party if attr.speaker is not None else None
        if party and not attr.frames and cue.kind != "noncommittal":
            # "X said the mines were new, which Y called baseless allegations": X's claim is of
            # no event class (an open claim, built below) and is what a later cue may point to.
            ctx.state.open_pending[party] = (attr.content[0], cue.kind == "deny")
    return attrs


def _attribute(ctx: Reader, site: CueSite) -> Attribution | None:
    side = site.cue.side
    if side in ("before", "after") and _aside(ctx, site.cue):
        return None
    if side in ("after", "pronoun"):
        return attribute_after(ctx, site)
    if side == "according":
        return attribute_according(ctx, site)
    if side == "by":
        return attribute_passive(ctx, site)
    if side == "opening":
        return attribute_opening(ctx, site)
    return attribute_before(ctx, site)


_GLUED_WORD = re.compile(r"[^\W\d_]{3,}\s+$")


def _aside(ctx: Reader, cue: Cue) -> bool:
    """ "a drone he said targeted him": a pronoun and its verb glued to a noun, with no comma,
    quotation mark or clause word before them ("and he said"), are an aside inside a clause: no
    name before them is the speaker, and the clause is not what was said."""
    if not ctx.pack.modifier_first:
        return False
    pron = ctx.doc.last(ctx.pack.pronouns, max(ctx.sentence.start, cue.start - 12), cue.start)
    if pron is None or ctx.words(pron.end, cue.start) > 0:
        return False
    glued = _GLUED_WORD.search(ctx.text, max(ctx.sentence.start, pron.start - 30), pron.start)
    if glued is None or not ctx.text[cue.end : cue.end + 2].strip(" ")[:1].isalpha():
        return False  # ("..., troops entered Kharkiv overnight he said."): nothing goes on after
    # ("and he said" opens a clause; "said he could not confirm" is a statement of its own)
    links = (ctx.pack.clause_breaks, ctx.pack.complementizers, ctx.pack.words("same_subject_links"))
    if any(m.key_of(glued.group(0).strip()) is not None for m in links):
        return False
    cues = (ctx.pack.cues_before, ctx.pack.cues_after)
    return all(ctx.doc.first(m, glued.start(), pron.start) is None for m in cues)


def _transcript_label(ctx: Reader) -> re.Match[str] | None:
    """ "VASSILY NEBENZIA, RUSSIAN AMBASSADOR TO THE UN: ..." (transcripts, interviews): the
    paragraph is that speaker's words; journalists' labels resolve to no party."""
    sent = ctx.sentence
    label = _TRANSCRIPT_LABEL.match(ctx.text, sent.start)
    if label is None:
        return None
    if sent.index == 0 or ctx.doc.sentences[sent.index - 1].paragraph != sent.paragraph:
        who = resolve_segment(ctx, label.start(), label.end(), nearest_end=False)
        ctx.state.transcript = (sent.paragraph, who if who is not None and who.party else None, label.end())
    return label


def _label_speaker(ctx: Reader) -> Attribution | None:
    sent, transcript = ctx.sentence, ctx.state.transcript
    if transcript is None or transcript[0] != sent.paragraph or transcript[1] is None:
        return None
    lo = max(sent.start, transcript[2])
    who = transcript[1]
    return Attribution(
        sent.index, Cue(lo, lo, "say", "label", ""), who, (lo, sent.end), frames_in(ctx, lo, sent.end, who)
    )


def _continued_quote(ctx: Reader) -> Attribution | None:
    """A bare quotation continuing the previous speaker's paragraph."""
    sent, last = ctx.sentence, ctx.state.last_attributed
    open_quote = ctx.doc.quotes.starting_at(sent.start)
    continues = open_quote is not None and open_quote[1] > sent.end + 1
    if ctx.text[sent.start : sent.start + 1] not in _OPEN_Q or continues:
        return None
    if last is None or last[0] < sent.paragraph - 1:
        return None
    sentences = ctx.doc.sentences
    if sent.index + 1 < len(sentences):
        next_cues = find_cues(ctx, sentences[sent.index + 1])
        if next_cues and next_cues[0].side in ("after", "pronoun"):
            return None  # the next sentence names its own speaker
    ref: SpeakerRef = replace(last[1], resolved_by="neighbour")
    cue = Cue(sent.start, sent.start, "say", "neighbour", "")
    return Attribution(
        sent.index, cue, ref, (sent.start, sent.end), frames_in(ctx, sent.start, sent.end, ref)
    )


def _update_context(ctx: Reader, frames: list[FrameHit]) -> None:
    state = ctx.state
    state.context_age += 1
    if state.context_age > 3:
        state.context_agent.clear()
        state.context_place.clear()
    for f in frames:
        if f.agent is not None and f.agent_by in ("explicit", "sender"):
            state.context_agent[f.event] = f.agent
            state.context_age = 0
        if f.place is not None and f.place_by == "explicit" and f.primary:
            state.context_place[f.event] = f.place  # the clause's own place, not a second one
    state.prev_frames = frames or state.prev_frames
    _note_topics(ctx, frames)
    _update_places(ctx)


def _note_topics(ctx: Reader, frames: list[FrameHit], *, accused: bool = False) -> None:
    """What the text tells, most recent first, for "the attack" and "the claims" to point back to."""
    state = ctx.state
    # (An incident blamed on a party names its agent: "menuduh Israel atas ledakan" is the topic;
    # so does an accusation: "accused Y of executing soldiers".)
    solid = [
        f
        for f in frames
        if (not f.speculative or f.uncertain)
        and (f.agent_by != "context" or BLAMED in f.cues or accused)
        and not _answered(ctx, f)
    ]
    for f in reversed(solid):  # most recent first, a few kept
        state.topic_frames = [f, *[t for t in state.topic_frames if t.event != f.event]][:4]


_CLAUSE_MARK = re.compile(r"[,;:]")  # (not "." : "U.S. airstrikes")


def _answered(ctx: Reader, f: FrameHit) -> bool:
    """ "a response to recent US airstrikes": the act answered is background to what the sentence
    tells; "the strike" later means the answer, not it."""
    trig = f.trigger
    mark = ctx.doc.last(ctx.pack.words("retaliation_markers"), max(0, trig.start - 60), trig.start)
    return (
        mark is not None
        and ctx.words(mark.end, trig.start) <= 4
        and not _CLAUSE_MARK.search(ctx.text, mark.end, trig.start)
    )


def _update_places(ctx: Reader) -> None:
    """The last place and country named (not a government named by its capital) for "there"."""
    sent, state = ctx.sentence, ctx.state
    actor_spans = [(a.start, a.end) for a in ctx.mentions.actors(sent.start, sent.end)]
    for p in ctx.mentions.places(sent.start, sent.end):
        in_actor = any(s <= p.start < e for s, e in actor_spans)
        if in_actor and not ctx.doc.first(ctx.pack.locative_preps, max(sent.start, p.start - 6), p.start):
            continue  # "perkiraan Kyiv": the government, not a place a later "there" points to
        chain = ctx.gaz.place_chain(p.key)
        envoy = ctx.doc.last(ctx.pack.roles, max(sent.start, p.start - 30), p.start)
        if envoy is not None and envoy.key == "ambassador":
            continue  # "its envoy in Bangkok": where an embassy is, not where things happen
        if chain:
            state.last_country = chain[-1]
        if chain or p.text[:1].isupper() or p.text[:3] in ("el-", "al-"):
            # A place the text itself named ("near Scarborough Shoal") is what "the shoal" means.
            state.last_place = p.key
            state.last_place_sentence = sent.index
