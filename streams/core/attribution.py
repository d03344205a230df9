"""Step 5 (with speakers.py): each reporting cue tied to its speaker and the span of what was
said — quotes before "said X", "menurut X, P", "P dikonfirmasi oleh X", "P, katanya"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas import Claim
from streams.core.context import Reader
from streams.core.cues import Cue
from streams.core.discourse import SpeakerRef
from streams.core.events import find_frames
from streams.core.frame import FrameHit
from streams.core.references import involvement_told, topic_frames
from streams.core.speakers import resolve_segment

# After a quote, English puts the speaker before the verb: "“…,” he said" / "…, Rutte said".
_LEAD_AFTER = re.compile(r"[,”\"]\s*([^,”\"]{1,60})$")
_GAP_MARKS = re.compile(r"[.;:!?“\"]")
# Capitalised words with small particles between them: a title and a name.
_TITLE_RUN = re.compile(r"(?:[A-Z][\w.'’\-]*|to|the|of|for|and)(?:\s+(?:[A-Z][\w.'’\-]*|to|the|of|for|and))*")


@dataclass(slots=True)
class Attribution:
    """One reporting cue with its speaker and content: what `explain` prints."""

    sentence: int
    cue: Cue
    speaker: SpeakerRef | None
    content: tuple[int, int]
    frames: list[FrameHit]
    claims: list[Claim] = field(default_factory=list)
    note: str = ""
    co_speakers: list[SpeakerRef] = field(default_factory=list)  # "officials of A, B and C said"


@dataclass(slots=True)
class CueSite:
    """A cue in its sentence: the attribution before it, the cues after it."""

    cue: Cue
    prev: Attribution | None
    later: list[Cue]
    explicit_before: bool  # an earlier verb of this sentence already has a named speaker

    def content_start(self, ctx: Reader) -> int:
        if self.prev is not None and self.prev.cue.side == "opening":
            return self.prev.content[1]  # "Denying P, X said ...": P is the participle's
        if self.prev is not None and _outlet_aside(ctx, self.prev, self.cue):
            return ctx.sentence.start  # "X, seperti dikutip Reuters, mengatakan": the subject is X
        return self.prev.cue.end if self.prev else ctx.sentence.start


def _outlet_aside(ctx: Reader, prev: Attribution, cue: Cue) -> bool:
    """The earlier verb is an outlet's, set off by commas right before this one ("The Thai
    military, AFP reported, said ...", "Militer Thailand, seperti dilansir AFP, mengatakan")."""
    who = prev.speaker
    if who is None or not (ctx.gaz.is_media(who.actor_id) or who.role == "media"):
        return False
    if not ctx.text[prev.cue.end : cue.start].rstrip().endswith(","):
        return False
    opening = ctx.text.rfind(",", ctx.sentence.start, min(prev.cue.start, who.start))
    return opening > ctx.sentence.start and ctx.words(ctx.sentence.start, opening) >= 1


def frames_in(
    ctx: Reader, start: int, end: int, speaker: SpeakerRef | None, owner: str | None = None
) -> list[FrameHit]:
    frames = find_frames(ctx, start, end, speaker.party if speaker else None, owner)
    if not frames and speaker is not None:
        frames = involvement_told(ctx, start, end, speaker)  # "“The US was in no way involved,”"
    return frames


def opening_quote(ctx: Reader, pos: int) -> int | None:
    """Start of the quotation that ends right before `pos` (may span up to three sentences)."""
    idx = ctx.sentence.index
    floor = ctx.doc.sentences[max(0, idx - 3)].start
    q = ctx.doc.quotes.last_closed_before(pos, floor)
    if q is None:
        return None
    s, e = q
    if pos - e <= 4 or (pos - e <= 60 and not _GAP_MARKS.search(ctx.text, e, pos) and ctx.words(e, pos) <= 5):
        return s
    return None


def attribute_after(ctx: Reader, site: CueSite) -> Attribution | None:
    """ "“…,” kata X", "…, said X", "…, Rutte said" and "…, katanya"."""
    cue = site.cue
    # ("…, termasuk Melovoy, kata kementerian": in Indonesian the speaker follows "kata" whenever one
    # is named there; the name before the verb belongs to what was said.)
    read_first = cue.side == "after" and not ctx.pack.modifier_first
    after = _speaker_after(ctx, cue) if read_first else None
    if cue.side == "after" and after is None:
        before = _speaker_before_verb(ctx, site)
        if before is not None:
            return before
    if site.explicit_before:
        return None  # "..., lapor media X" after "Peskov mengatakan ...": the source, not a speaker
    if cue.side == "after" and ctx.pack.words("addressee_cues").key_of(cue.text) is not None:
        return None  # "..., told Moldovan reporters": whom it was told to, never who spoke
    if cue.side == "pronoun":
        speaker = _pronoun_cue_speaker(ctx, cue)
    else:
        speaker = after if read_first else _speaker_after(ctx, cue)
    if cue.side == "pronoun" and speaker is None:
        return None
    q = opening_quote(ctx, cue.start)
    cstart = q if q is not None else site.content_start(ctx)
    frames = frames_in(ctx, cstart, cue.start, speaker) or topic_frames(ctx, cstart, cue.start, cue, speaker)
    return Attribution(ctx.sentence.index, cue, speaker, (cstart, cue.start), frames)


def _speaker_before_verb(ctx: Reader, site: CueSite) -> Attribution | None:
    cue, text = site.cue, ctx.text
    window_lo = max(ctx.sentence.start, cue.start - 80)
    end = cue.start
    while end > window_lo and text[end - 1].isspace():
        end -= 1
    while end > window_lo and text[end - 1] == ",":
        end -= 1
    while end > window_lo and text[end - 1].isspace():
        end -= 1
    lead = _LEAD_AFTER.search(text, window_lo, end)
    if lead is None or not lead.group(1).strip():
        return None
    lo = lead.start(1)
    before = resolve_segment(ctx, lo, cue.start, nearest_end=True)
    # "..., U.S. Deputy Ambassador to the United Nations Dorothy Shea told": a long title is a name.
    # "..., a spokesman for the army, told": a role phrase as long as a title.
    title = _TITLE_RUN.fullmatch(ctx.text, lo, end) is not None or ctx.doc.first(ctx.pack.roles, lo, end)
    if before is None or ctx.words(lo, cue.start) > (10 if title else 4):
        return None
    q = opening_quote(ctx, lo)
    cstart = q if q is not None else site.content_start(ctx)
    return Attribution(ctx.sentence.index, cue, before, (cstart, lo), frames_in(ctx, cstart, lo, before))


def _pronoun_cue_speaker(ctx: Reader, cue: Cue) -> SpeakerRef | None:
    """ "katanya": the last person who spoke — or an office asked in this or the previous
    sentence ("Juru bicara ... Mao Ning ditanya wartawan ... 'Saya tidak tahu,' jawabnya")."""
    disc = ctx.state.discourse
    # '“We did not attack Putin,” he added': a person named inside the quote is not who spoke it.
    before = opening_quote(ctx, cue.start) or cue.start
    last = disc.last_person(ctx.gaz, before) or disc.last_speaker()
    lo = ctx.doc.sentences[max(0, ctx.sentence.index - 1)].start
    answering = ctx.tuning.answering_roles
    office = [
        m for m in disc.mentions if m.role in answering and m.actor_id is not None and lo <= m.start < before
    ]
    if office and (last is None or office[-1].start > last.start):
        last = office[-1]
    if last is None:
        return None
    return SpeakerRef(cue.start, cue.end, cue.text, last.actor_id, last.party, last.role, "pronoun")


def _speaker_after(ctx: Reader, cue: Cue) -> SpeakerRef | None:
    return resolve_segment(ctx, cue.end, segment_end(ctx, cue.end, ctx.sentence.end), nearest_end=False)


def attribute_according(ctx: Reader, site: CueSite) -> Attribution:
    """ "Menurut X, P" / "P, according to X"; "Menurutnya": the last speaker."""
    cue, sent = site.cue, ctx.sentence
    seg_end = segment_end(ctx, cue.end, sent.end)
    if any(cue.text.casefold().endswith(sfx) for sfx in ctx.pack.possessive_suffixes):
        disc = ctx.state.discourse
        last = disc.last_person(ctx.gaz, cue.start) or disc.last_speaker()
        word = SpeakerRef(cue.start, cue.end, cue.text, None, None, None, "pronoun")
        speaker: SpeakerRef | None = word.as_resolved(last, "pronoun") if last is not None else None
        seg_end = cue.end
    else:
        speaker = resolve_segment(ctx, cue.end, seg_end, nearest_end=False)
        if speaker is not None and speaker.resolved_by == "pronoun":
            # "Seoul membantah tuduhan itu karena menurut mereka ...": "mereka" is the subject
            # opening this sentence, not whoever spoke last
            first = sentence_subject(ctx, cue.start, max_lead=3)
            if first is not None:
                speaker = speaker.as_resolved(first, "pronoun")
    span = (seg_end, sent.end) if ctx.words(sent.start, cue.start) <= 2 else (sent.start, cue.start)
    return Attribution(sent.index, cue, speaker, span, frames_in(ctx, span[0], span[1], speaker))


def sentence_subject(ctx: Reader, end: int, max_lead: int) -> SpeakerRef | None:
    """The party opening the sentence (at most `max_lead` words in), named before `end`."""
    start = ctx.sentence.start
    first = resolve_segment(ctx, start, end, nearest_end=False)
    if first is None or first.party is None or ctx.words(start, first.start) > max_lead:
        return None
    return first


def attribute_opening(ctx: Reader, site: CueSite) -> Attribution:
    """ "Denying that its troops had entered Kalapani, Nepal's army said ...": what the participle
    governs up to the comma, said by the main clause's subject after it."""
    cue, sent = site.cue, ctx.sentence
    comma = ctx.text.index(", ", cue.end, sent.end)
    verb = next((c.start for c in site.later if c.start > comma), min(sent.end, comma + 80))
    speaker = resolve_segment(ctx, comma + 1, verb, nearest_end=True)
    span = (cue.end, comma)
    return Attribution(sent.index, cue, speaker, span, frames_in(ctx, span[0], span[1], speaker))


def attribute_passive(ctx: Reader, site: CueSite) -> Attribution:
    """ "P dikonfirmasi oleh X", "P was confirmed on Monday by X"."""
    cue = site.cue
    speaker = _speaker_after(ctx, cue)
    span = (site.content_start(ctx), cue.start)
    if cue.kind == "accuse":
        return _accused_passive(ctx, site, speaker)
    own = frames_in(ctx, span[0], span[1], speaker)
    frames = own
    if not frames and ctx.doc.first(ctx.pack.content_anaphors, span[0], span[1]):
        frames = list(ctx.state.prev_frames)  # "Hal ini diumumkan oleh ...": what was just said
    noun = ctx.doc.last(ctx.pack.claim_nouns, span[0], cue.start)
    if site.prev is not None and noun is not None and ctx.words(noun.end, cue.start) <= 2:
        # "India menuduh Pakistan ..., tuduhan yang dibantah oleh Islamabad": the accusation just
        # made (even one of no known class: "X said P, but that statement was denied by Y" answers
        # P, not the sentence before)
        frames = list(site.prev.frames) or own
    return Attribution(ctx.sentence.index, cue, speaker, span, frames, note="passive")


def _accused_passive(ctx: Reader, site: CueSite, speaker: SpeakerRef | None) -> Attribution:
    """ "The PKK was blamed by Turkey for the bombing", "PKK dituduh oleh Turki mendalangi ...":
    the one blamed is the subject, the act follows the accuser."""
    cue, sent = site.cue, ctx.sentence
    lo = site.content_start(ctx)
    named = ctx.mentions.last_party(lo, cue.start)
    accused = named[1] if named is not None else None
    act_lo = speaker.end if speaker is not None else cue.end
    frames = frames_in(ctx, act_lo, sent.end, speaker, accused) if accused is not None else []
    return Attribution(sent.index, cue, speaker, (lo, sent.end), frames, note="passive")


def segment_end(ctx: Reader, pos: int, end: int) -> int:
    """End of the speaker phrase after a verb: "kata X (NATO), Mark Rutte, kepada ..." -> after Rutte."""
    glue, text = ctx.pack.glue, ctx.text
    i = pos
    while i < end:
        m = glue.phrase_end.search(text, i, end)
        if m is None:
            return end
        if m.group(0).startswith("(") and m.group(0).endswith(")"):
            i = m.end()
            continue
        if m.group(0) == ",":
            # An appositive name: "Sekretaris Jenderal NATO, Mark Rutte," — unless a clause goes
            # on after the name: "Menurut X, Korea Utara mengirim ...".
            name = _APPOSITIVE_NAME.match(text, m.start(), end)
            if name is not None and (name.end() >= end or _closes_appositive(ctx, name.end(), end)):
                i = name.end()
                continue
        return m.start()
    return end


def _closes_appositive(ctx: Reader, pos: int, end: int) -> bool:
    """What follows a name ends an appositive: "Mark Rutte, told ...", "Mark Rutte (NATO), said" —
    not a verb after the name's acronym ("Menurut Filipina, Chinese Coast Guard (CCG) vessels
    rammed ...": a clause goes on)."""
    paren = _PAREN.match(ctx.text, pos, end)
    if paren is not None:
        pos = paren.end()
        if pos >= end:
            return True
    found = ctx.pack.glue.appositive_end.match(ctx.text, pos, end)
    return found is not None and not (paren is not None and found.group(0).strip().startswith("("))


_PAREN = re.compile(r"\s*\([^)]{0,40}\)")
_APPOSITIVE_NAME = re.compile(r",\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+")
