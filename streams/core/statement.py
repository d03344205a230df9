"""A speaker before the verb: "X mengatakan (bahwa) P", "X denied reports that P", "P, the
agency said" — who X is, and where P stands (after the verb, or before the speaker)."""

from __future__ import annotations

import re
from dataclasses import replace

from streams.core.attribution import (
    Attribution,
    CueSite,
    frames_in,
    opening_quote,
    segment_end,
    sentence_subject,
)
from streams.core.backrefs import pronoun_speaker
from streams.core.caches import memo
from streams.core.clauses import has_clause_break, relative_right_before
from streams.core.context import Reader
from streams.core.cues import Cue
from streams.core.discourse import SpeakerRef
from streams.core.frame import EACH_OTHER, FrameHit
from streams.core.lexicon import load_lang
from streams.core.matching import Hit
from streams.core.pairs import pair_subject
from streams.core.references import (
    answers_accusation,
    claim_of_act_owner,
    claim_owner,
    claim_reference,
    involvement_denied,
    topic_frames,
)
from streams.core.scope import is_noun
from streams.core.speakers import resolve_segment
from streams.core.tokens import STOPS

_CLAUSE_COMMA = re.compile(r",\s")  # not the comma inside "10,000"
_TRAILING_NAME = re.compile(r",\s+(?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’.\-]*,\s*$")
_ADVERBIAL_ONLY = re.compile(r"[^;.]*\([^)]*\)[^;.]*")
_SHORT_TAIL = re.compile(r"\s*(?:\w+\s+){0,3}?\w+\s*(?:[,;]\s|\.(?:\s|$)|$)")


def attribute_before(ctx: Reader, site: CueSite) -> Attribution | None:
    pair = pair_subject(ctx, site.cue)
    speaker = pair[0] if pair is not None else _subject(ctx, site)
    if speaker is None:
        return None
    a_start, after_end, bare_tail = _complement(ctx, site)
    sub_clause = ctx.doc.first(ctx.pack.clause_breaks, a_start, min(ctx.sentence.end, a_start + 12))
    if sub_clause is not None and ctx.words(a_start, sub_clause.start) == 0:
        return None  # "the toll Kyiv has reported since ...": a subordinate clause, not what was reported
    frames, span = _content(ctx, site, speaker, a_start, after_end, bare_tail)
    relative = _object_relative_before(ctx, site.content_start(ctx), site.cue.start)
    if not frames and site.prev is not None and site.prev.frames and relative is not None:
        if resolve_segment(ctx, relative.end(1), site.cue.start, nearest_end=True) is None:
            return None  # "..., which could not be verified": nobody in the clause takes a stance
        # "Kyiv reported Russian strikes on Odesa, which Moscow denied": what the relative points
        # back to is the statement before it
        frames = [replace(f, cues=[*f.cues, "relative-object"]) for f in site.prev.frames]
        span = (site.prev.content[0], site.cue.end)
    prev = site.prev
    # "A, B and C condemned the attack, accusing X": the verb that shares the subject shares its list
    shared = prev is not None and speaker is prev.speaker
    co = list(prev.co_speakers) if prev is not None and shared else _co_speakers(ctx, site, speaker)
    if pair is not None:
        co = [pair[1]]
    return Attribution(ctx.sentence.index, site.cue, speaker, span, frames, co_speakers=co)


def _subject(ctx: Reader, site: CueSite) -> SpeakerRef | None:
    """Who the verb's subject is; the previous verb's speaker when this one has none."""
    cue, prev = site.cue, site.prev
    seg_start = site.content_start(ctx)
    # "Dilansir Reuters, ..., X menuduh": an outlet's attribution is no subject to go on with
    if prev is not None and prev.speaker is not None and not ctx.gaz.is_media(prev.speaker.actor_id):
        if ctx.headline and ctx.text[max(0, cue.start - 2) : cue.start] == ", ":
            return prev.speaker  # "Ukraina Bantah Serang PLTN, Tuding Rusia ...": the same subject
        link = ctx.pack.glue.same_subject.search(ctx.text, max(seg_start, cue.start - 30), cue.start)
        if link is not None and not ctx.mentions.owners(link.start(), cue.start):
            # "X membantah ... dan mengatakan ...": same subject (not "... dan pemerintah Lebanon menuduh")
            return prev.speaker
        if cue.text.casefold().endswith(ctx.pack.glue.gerund_suffixes or ("\0",)) and ctx.text[
            max(seg_start, cue.start - 3) : cue.start
        ].strip()[-1:] in (",", ""):
            return prev.speaker  # "X disputed the claim, saying ...": the participle's subject is X
    if prev is not None and prev.speaker is not None and _antecedent_of_relative(ctx, prev, cue.start):
        return prev.speaker  # "Sudan, which has denied sending troops to Chad, said": Sudan said
    if prev is None:
        opening = _opening_subject(ctx, site)
        if opening is not None:
            return opening
    speaker = _named_subject(ctx, site, seg_start)
    if (
        speaker is not None
        and _is_back_reference(ctx, speaker)
        and prev is not None
        and prev.speaker is not None
    ):
        # "Jeon mengatakan bahwa dia tidak dapat mengonfirmasi": the pronoun is Jeon.
        speaker = speaker.as_resolved(prev.speaker, "pronoun")
    if speaker is None and prev is not None:
        speaker = prev.speaker
    return speaker


def _antecedent_of_relative(ctx: Reader, prev: Attribution, cue_start: int) -> bool:
    """The previous verb stands in a relative clause set off by commas right before this verb,
    and its speaker before the clause: the clause's antecedent is this verb's subject too."""
    assert prev.speaker is not None
    rel = _RELATIVE_APPOSITION.search(ctx.text, ctx.sentence.start, cue_start)
    return rel is not None and rel.start() <= prev.cue.start < rel.end() and prev.speaker.end <= rel.start()


def _opening_subject(ctx: Reader, site: CueSite) -> SpeakerRef | None:
    """ "Qatar's prime minister referred to Netanyahu, accusing him of ...", "Al-Thani expressed
    dismay over the Israeli attacks and claimed ...": a participle after a comma, or a verb joined
    by "and", goes on with the subject that opens the sentence, not the party named just before."""
    cue, sent = site.cue, ctx.sentence
    after_comma = ctx.text[max(sent.start, cue.start - 4) : cue.start].rstrip().endswith(",")
    gerund = cue.text.casefold().endswith(ctx.pack.glue.gerund_suffixes or ("\0",)) and after_comma
    # the link right before the verb ("and claimed"), not a list of subjects ("A, B and C said")
    last = _LAST_WORD.search(ctx.text, max(sent.start, cue.start - 16), cue.start)
    joined = last is not None and ctx.pack.glue.same_subject.fullmatch(ctx.text, last.start(), cue.start)
    # "Sudan summoned Chad's envoy to protest against ...": the purpose has the main verb's subject
    purpose = ctx.pack.words("purpose_markers").key_of(cue.text.split()[0]) is not None
    if not (gerund or joined or purpose) or ctx.words(sent.start, cue.start) < 4:
        return None
    return sentence_subject(ctx, min(cue.start, sent.start + 120), max_lead=2)


_LAST_WORD = re.compile(r"\w+\s+$")
# A list member's title and name after its party: "’s Crown Prince Mohammed bin Salman"
_TITLED_MEMBER = re.compile(r"(?:['’]s)?(?:\s+(?:[A-Z][\w\-’']*|bin|al|el|de|van|der))+")
_RELATIVE_APPOSITION = re.compile(
    r",\s*(?:who|which|yang|citing|quoting|mengutip|speaking|(?:when\s+)?asked|responding|replying|commenting|"
    r"(?:saat\s+|ketika\s+)?ditanya|menanggapi|"
    # "X, according to AFP, said", "X, seperti dilansir Reuters, mengatakan": the outlet's aside
    r"according\s+to|(?:seperti|sebagaimana)\s+(?:dilansir|dikutip|diberitakan|dilaporkan)|dilansir|dikutip|menurut)"
    r"\b[^,]{1,120},(?:\s+(?:has|have|had|also|then))?\s*$"
    # "The Thai military, AFP reported, said"
    r"|,\s*[^,]{1,40}\s(?:reported|reports|melaporkan)\s*,\s*$"
    # "Seorang pejabat di Darfur yang berbatasan dengan Chad, mengatakan": no comma before "yang"
    r"|\s+yang\s[^,]{1,80},\s*$",
    re.IGNORECASE,
)


_NAME_BEFORE_VERB = re.compile(r",\s+((?:[A-Z][\w'’\-]*\s+){0,2}[A-Z][\w'’\-]*)\s+$")


@memo
def _relative_object(lang: str) -> re.Pattern[str] | None:
    """ ", which ... <verb>": a relative clause running up to the verb (lang data `object_relatives`)."""
    words = [str(w) for w in (load_lang(lang).get("lists") or {}).get("object_relatives") or []]
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf",\s*({alt})\s+[^,;:]{{1,80}}$", re.IGNORECASE)


def _object_relative_before(ctx: Reader, start: int, end: int) -> re.Match[str] | None:
    rx = _relative_object(ctx.pack.code)
    return rx.search(ctx.text, start, end) if rx is not None else None


def _relative_subject(ctx: Reader, seg_start: int, cue_start: int) -> SpeakerRef | None:
    """ "..., which Ankara and Baku both denied": the verb closes a relative clause whose subject
    stands inside it (the relative pronoun is its object), not before the comma."""
    m = _object_relative_before(ctx, seg_start, cue_start)
    if m is None:
        return None
    who = resolve_segment(ctx, m.end(1), cue_start, nearest_end=True)
    return who if who is not None and who.party is not None else None


def _name_after_object(ctx: Reader, speaker: SpeakerRef, cue_start: int) -> SpeakerRef | None:
    """ "At a press conference with Ukraine's President Zelensky, Trudeau said": the name right
    before the verb is its subject; the party before the comma is a preposition's object."""
    m = _NAME_BEFORE_VERB.search(ctx.text, speaker.end, cue_start)
    if m is None or m.start() != speaker.end:
        return None
    before = ctx.doc.word_list(max(0, speaker.start - 30), speaker.start)[-3:]
    if not any(ctx.pack.words("governing_preps").key_of(w) is not None for w in before):
        return None
    return resolve_segment(ctx, m.start(1), m.end(1), nearest_end=True)


def _named_subject(ctx: Reader, site: CueSite, seg_start: int) -> SpeakerRef | None:
    cue, text = site.cue, ctx.text
    # "Austin, who arrived in Kyiv on Monday, said": the relative clause names no speaker.
    end = cue.start
    rel = _RELATIVE_APPOSITION.search(text, seg_start, cue.start)
    if rel is not None:
        end = rel.start()
    speaker = _relative_subject(ctx, seg_start, cue.start) or resolve_segment(
        ctx, seg_start, end, nearest_end=True
    )
    speaker = _clause_subject(ctx, site, seg_start) or speaker
    comma = _last_comma(text, seg_start, cue.start)
    tail_end = segment_end(ctx, cue.end, ctx.sentence.end)
    if (
        comma >= 0
        and ctx.words(comma, cue.start) <= 4
        and ctx.words(cue.end, tail_end) <= 3
        and not ctx.doc.quotes.inside(comma)
    ):
        # "P, the agency added.": the speaker is the short phrase after the last comma, not a
        # place or party named inside P.
        near = resolve_segment(ctx, comma + 1, cue.start, nearest_end=True)
        if near is not None and near.resolved_by != "unknown":
            speaker = near
    if speaker is None:
        return None
    if ctx.doc.quotes.inside(speaker.start) and not ctx.doc.quotes.inside(cue.start):
        return None  # '"... by the Armenian forces," the ministry wrote': the quote names no subject
    named_last = _name_after_object(ctx, speaker, cue.start)
    if named_last is not None:
        return named_last
    # "A spokeswoman for the ministry, Shushan Stepanyan, said": the name in apposition is no gap.
    named = _TRAILING_NAME.search(text, speaker.end, end)
    near_end = named.start() if named is not None else end
    gap = ctx.words(speaker.end, near_end)
    # "KCNA dalam sebuah komentar pada Kamis (31/10/2024) membantah": adverbials may stand
    # between subject and verb, another clause may not.
    if gap > 12 or (
        gap > 6
        and has_clause_break(ctx, speaker.end, near_end)
        and not _ADVERBIAL_ONLY.fullmatch(text, speaker.end, near_end)
    ):
        return None
    return speaker


_COMMA = re.compile(r',["”’]?\s')  # a clause's comma, also where a quotation closes ('P," the agency said')


def _last_comma(text: str, start: int, end: int) -> int:
    """Where the last clause comma ends (after a closing quotation mark, outside the quote)."""
    found = -1
    for m in _COMMA.finditer(text, start, end):
        found = m.end() - 1
    return found


def _clause_subject(ctx: Reader, site: CueSite, seg_start: int) -> SpeakerRef | None:
    """ "Rwanda has urged talks with the M23 rebels, even as it denies ...": a pronoun right before
    the verb, after a comma, is the sentence's subject, not the party named just before it."""
    cue = site.cue
    pron = ctx.doc.last(ctx.pack.pronouns, max(seg_start, cue.start - 12), cue.start)
    comma = ctx.text.rfind(",", seg_start, cue.start)
    if pron is None or comma < 0 or pron.start < comma or ctx.words(pron.end, cue.start) > 0:
        return None
    first = next(iter(ctx.mentions.owners(ctx.sentence.start, comma)), None)
    if first is not None and ctx.doc.quotes.inside(first.start):
        # '“Russian strikes ...,” he said': a party inside the quote is no subject; "he" is
        # whoever spoke last.
        return pronoun_speaker(ctx, comma, cue.start, nearest_end=True)
    if first is None or ctx.words(ctx.sentence.start, first.start) > 1:
        return None
    party = ctx.gaz.party_of(first.key)
    if party is None:
        return None
    return SpeakerRef(pron.start, pron.end, pron.text, first.key, party, None, "pronoun")


def _is_back_reference(ctx: Reader, speaker: SpeakerRef) -> bool:
    if speaker.resolved_by == "pronoun":
        return True
    nouns = ctx.pack.generic_org_nouns
    if ctx.mentions.owners(speaker.start, speaker.end):
        return False  # "Kementerian Pertahanan Azerbaijan": its country is named, it points nowhere
    return speaker.resolved_by == "role" and any(w.casefold() in nouns for w in speaker.text.split())


def _complement(ctx: Reader, site: CueSite) -> tuple[int, int, bool]:
    """Where the content after the verb starts and ends, and whether only circumstance follows
    the verb ("..., X said on Friday.")."""
    text, pack, cue = ctx.text, ctx.pack, site.cue
    after_end = _before_outlet_tail(ctx, cue.end, ctx.sentence.end)
    nxt = next((c for c in site.later if c.side == "before"), None)
    if nxt is not None:
        after_end = min(after_end, _next_clause_start(ctx, cue.end, nxt.start))
    if cue.kind in ("deny", "noncommittal"):
        after_end = _before_participle(ctx, cue.end, after_end)
    a_start = cue.end
    bare_tail = pack.glue.bare_tail.match(text, a_start, after_end) is not None
    comp_end = min(after_end, a_start + 60)
    clause_comma = _CLAUSE_COMMA.search(text, a_start, comp_end)
    if clause_comma is not None and ctx.words(a_start, clause_comma.start()) <= 3:
        comp_end = clause_comma.start()  # "P, X said Sunday, adding that Q": Q belongs to "adding"
    comp = ctx.doc.first(pack.complementizers, a_start, comp_end)
    if comp is None and not bare_tail:
        # "P, the agency told lawmakers Thursday, ...": an object then circumstance, no complement.
        tail = _SHORT_TAIL.match(text, a_start, after_end)
        bare_tail = tail is not None and pack.postposed_speaker and ctx.words(a_start, tail.end()) <= 4
    # "mengatakan pada hari Jumat bahwa P": circumstance, then the complementiser, then P.
    reach = 0 if cue.kind == "accuse" else 5  # "blamed X for the blasts that killed ...": a relative
    if (
        comp is not None
        and ctx.words(a_start, comp.start) <= reach
        and "," not in text[a_start : comp.start]
        and not _event_noun_before(ctx, a_start, comp.start)
    ):
        a_start, bare_tail = comp.end, False
    return a_start, after_end, bare_tail


def _event_noun_before(ctx: Reader, start: int, comp_start: int) -> bool:
    """ "denied responsibility for a drone attack that killed ...": an event noun right before
    "that" takes it as its relative; what the verb governs starts at the verb, not after it."""
    return any(ctx.words(h.end, comp_start) == 0 for h in ctx.mentions.triggers(start, comp_start))


def _before_participle(ctx: Reader, start: int, end: int) -> int:
    """ "Kenya denied the claim, saying dozens of militants were killed": what a denial governs
    ends at the participle; what follows it the speaker asserts (lang data `participle_says`)."""
    part = ctx.doc.first(ctx.pack.words("participle_says"), start, end)
    if part is None or not ctx.text[start : part.start].rstrip().endswith(","):
        return end
    return ctx.text.rindex(",", start, part.start)


def _comma_right_before(ctx: Reader, lo: int, pos: int) -> bool:
    """ "P, a Kenyan army spokesman said": a comma, then only an article, before the speaker."""
    comma = ctx.text.rfind(", ", lo, pos)
    if comma < 0:
        return False
    between = ctx.doc.word_list(comma, pos)
    return len(between) <= 1 and all(w.casefold() in ctx.pack.glue.articles for w in between)


def _before_outlet_tail(ctx: Reader, start: int, end: int) -> int:
    """ "..., Saree said on Friday, Reuters reports.": the outlet carrying the statement closes
    the sentence; what the speaker's verb governs ends before it."""
    comma = ctx.text.rfind(", ", start, end)
    if comma < 0 or ctx.words(comma, end) > 3:
        return end
    outlets = [h for h in ctx.mentions.actors(comma, end) if ctx.gaz.is_media(h.key)]
    if not outlets or ctx.words(comma, outlets[0].start) > 1:
        return end
    return comma


def _next_clause_start(ctx: Reader, start: int, cue_start: int) -> int:
    """Where the next clause (with its own subject) begins, before `cue_start`."""
    best = start
    for m in ctx.pack.glue.clause_link.finditer(ctx.text, start, cue_start):
        best = m.start()
    return best if best > start else cue_start


def _content(
    ctx: Reader, site: CueSite, speaker: SpeakerRef, a_start: int, after_end: int, bare_tail: bool
) -> tuple[list[FrameHit], tuple[int, int]]:
    """The frames of what was said and its span: after the verb, else before the speaker."""
    cue = site.cue
    seg_start = site.content_start(ctx)
    comma_lead = ctx.pack.glue.lead_titles.search(ctx.text, seg_start, speaker.start) is not None or (
        _comma_right_before(ctx, seg_start, speaker.start)
    )
    frames: list[FrameHit] = []
    if not (bare_tail and comma_lead and speaker.start - seg_start > 20):
        owner = claim_owner(ctx, cue.end, a_start) if a_start > cue.end else None
        if answers_accusation(ctx, cue, after_end):
            owner = speaker.party  # "denied Baku's allegations that it shelled Ganja": it = the accused
        of_owner = None if owner is not None else claim_of_act_owner(ctx, cue, after_end)
        owner = owner or of_owner or acted_by(ctx, cue, speaker, after_end)
        frames = frames_in(ctx, a_start, after_end, speaker, owner)
        if not frames and _performative(ctx, cue, a_start):
            frames = _announced(ctx, cue, frames_in(ctx, cue.start, after_end, speaker, speaker.party))
        if of_owner is not None:
            frames = [_struck_on_own_ground(ctx, f, of_owner, speaker) for f in frames]
        if ctx.pack.words("condemnation_verbs").key_of(cue.text) is not None:
            # "Iran condemned the attack" after Hezbollah blamed Israel for it: the doer is another
            # party's accusation, which condemning does not take up ("condemned the Israeli
            # attack" names one; "Kenya said it struck ...; Ethiopia condemned the strike" has
            # the doer's own word).
            frames = [f for f in frames if not _doer_only_accused(ctx, f)]
        if cue.kind == "deny":
            frames = [f for f in frames if not _relative_on_event(ctx, f.trigger)]
            frames = [f for f in frames if not _deaths_setting(ctx, f, frames)]
            frames = [f for f in frames if not _toll_of_killing(ctx, f)]
        if owner is not None and frames:
            ctx.state.owned[owner] = frames[0].event
    # else "North Korea has sent troops, the agency said on Friday, in its first account ...":
    # the statement is the clause before the speaker.
    span = (a_start, after_end)
    if not frames and speaker.start > seg_start:
        q = opening_quote(ctx, speaker.start)
        # "P, X told a briefing last week": no complement after the verb, the statement is P.
        first = ctx.doc.word_list(cue.end, min(after_end, cue.end + 16))[:1]
        told = (
            comma_lead
            and ctx.doc.first(ctx.pack.complementizers, cue.end, after_end) is None
            and bool(first)
            and first[0].casefold() in ctx.pack.glue.articles
        )
        b_start = q if q is not None else (seg_start if (bare_tail or told) and comma_lead else speaker.start)
        if speaker.start - b_start > 10:
            b_frames = frames_in(ctx, b_start, speaker.start, speaker)
            if not b_frames and q is not None and seg_start < q and ctx.words(seg_start, q) >= 2:
                # 'Allegations that P are "untrue," the ministry said': the quote ends a clause begun before
                b_start = seg_start
                b_frames = frames_in(ctx, b_start, speaker.start, speaker)
            if b_frames or bare_tail:
                # "Talks will resume in May, the ministry said.": with no event of a known class the
                # clause before the speaker is still what was said (an open claim), not the tail.
                frames, span = b_frames, (b_start, speaker.start)
    inner_nc = [c for c in ctx.doc.find(ctx.pack.cues_before, a_start, after_end) if c.key == "noncommittal"]
    if not frames and inner_nc and speaker.start - seg_start > 10:
        lead_frames = frames_in(ctx, seg_start, speaker.start, speaker)
        if lead_frames:
            frames, span = lead_frames, (seg_start, after_end)
    if not frames and cue.kind in ("deny", "confirm", "noncommittal"):
        frames = claim_reference(ctx, a_start, after_end)
    if not frames:
        frames = topic_frames(ctx, a_start, after_end, cue, speaker)
    if not frames and cue.kind == "deny":
        frames = involvement_denied(ctx, a_start, after_end, speaker)
    return frames, span


def _performative(ctx: Reader, cue: Cue, a_start: int) -> bool:
    """ "Armenia announced a ceasefire", "UE mengumumkan sanksi baru terhadap ...": the verb of
    saying is itself the act, done by its subject, when its object follows with no "that"."""
    if ctx.pack.words("performative_verbs").key_of(cue.text) is None:
        return False
    hi = min(ctx.sentence.end, max(a_start, cue.end + 60))
    return ctx.doc.first(ctx.pack.complementizers, cue.end, hi) is None


def _announced(ctx: Reader, cue: Cue, frames: list[FrameHit]) -> list[FrameHit]:
    """The acts an announcement makes: of a class done by announcing it, told by the verb or by
    its object right after it (not "announced its approval of plans for an attack")."""
    return [
        f
        for f in frames
        if f.event in ctx.tuning.announced_events
        and (f.trigger.start < cue.end or ctx.words(cue.end, f.trigger.start) <= 3)
        and not _between_others(ctx, f)
    ]


def _between_others(ctx: Reader, frame: FrameHit) -> bool:
    """ "announced a ceasefire between Armenia and Azerbaijan": an agreement of the sides named."""
    hi = min(ctx.sentence.end, frame.trigger.end + 60)
    return ctx.doc.first(ctx.pack.words("mutual_markers"), frame.trigger.end, hi) is not None


def acted_by(ctx: Reader, cue: Cue, speaker: SpeakerRef, end: int) -> str | None:
    """Who did what the content tells, when its verb has no subject of its own: the party
    accused ("A accused B of violating", "A menuduh B melanggar"); the speaker, who denies or
    admits its own part ("denied any involvement in the attack", "membantah menyerang lebih
    dulu", "denied firing first")."""
    lo, hi = cue.end, min(end, cue.end + 40)
    each = ctx.pack.words("each_other")
    mutual = ctx.doc.first(each, lo, hi)
    before = ctx.doc.last(each, max(0, cue.start - 12), cue.start)  # "saling menuduh"
    if cue.kind == "accuse" and (
        (mutual is not None and ctx.words(lo, mutual.start) == 0)
        or (before is not None and ctx.words(before.end, cue.start) == 0)
    ):
        return EACH_OTHER  # "Israel and Hamas accuse each other of ...": each one the other
    if cue.kind == "accuse" and _object_pronoun_first(ctx, lo, hi):
        # "referred to Azerbaijan's president, accusing him of ...": him = the party just named
        named = [
            h for h in ctx.mentions.owners(speaker.end, cue.start) if ctx.gaz.party_of(h.key) != speaker.party
        ]
        return ctx.gaz.party_of(named[-1].key) if named else None
    if cue.kind == "accuse":
        groups = ctx.mentions.groups(lo, hi)  # "accused the Arakan Rohingya Salvation Army of ..."
        for h in sorted([*ctx.mentions.owners(lo, hi), *groups], key=lambda h: h.start):
            # "menyalahkan sistem pertahanan udara Rusia": the owner may follow a short head noun.
            near = ctx.words(lo, h.start) <= (4 if not ctx.pack.modifier_first else 2)
            broken = ctx.doc.first(ctx.pack.clause_breaks, lo, h.start) or "," in ctx.text[lo : h.start]
            plain = not broken
            if near and plain:
                return h.key if h in groups else ctx.gaz.party_of(h.key)
            break
        return None
    part = ctx.doc.first(ctx.pack.words("involvement_nouns"), lo, hi)
    if part is not None and ctx.words(lo, part.start) <= 1:
        return speaker.party
    first = ctx.mentions.triggers(lo, hi)
    if first and ctx.pack.words("credit_cues").key_of(ctx.text[cue.start : cue.end]) is not None:
        return speaker.party  # "took credit for the drone attacks": the speaker owns the act
    head = first[0].text.split()[0].casefold() if first else ""
    noun = bool(head) and is_noun(ctx.pack, head)
    if first and _claimed_act(ctx, cue, lo, first[0]):
        return speaker.party  # "Hamas claims attack on Israeli base": the claimant's own act
    # "menyebutkan ada serangkaian serangan": "ada" (there is) introduces, it is no act of the speaker
    existential = ctx.pack.words("existentials").key_of(head) is not None
    verb_first = not noun and (not ctx.pack.modifier_first or head.endswith("ing"))
    if first and ctx.words(lo, first[0].start) == 0 and head and verb_first and not existential:
        # "bersikeras mematuhi gencatan senjata": the verb's subject is the speaker. (An English
        # word right after "said" is a noun unless an -ing form: "said airstrikes by ... killed".)
        return speaker.party
    if cue.kind in ("deny", "confirm", "acknowledge", "noncommittal") and first:
        aux, leads = ctx.pack.words("perfect_auxiliaries"), ctx.pack.words("denied_act_leads")
        denial = cue.kind == "deny"
        if all(
            aux.key_of(w) is not None or (denial and leads.key_of(w) is not None)
            for w in ctx.doc.word_list(lo, first[0].start)
        ):
            return (
                speaker.party
            )  # "denied attacking", "membantah telah menyerang", "rejects claims of an attack"
    if _joined_own_verb(ctx, lo, min(end, lo + 100)):
        return speaker.party  # "mengaku telah memecat lima pejabat dan menangkap 18 orang"
    if first and _own_deed(ctx, lo, hi):
        # "denied carrying out the attack", "membantah melakukan serangan itu", "mengaku telah
        # melakukan serangan udara": the speaker's own part in the event named
        return speaker.party
    if first and not noun:
        own = ctx.pack.words("own_act_auxiliaries")
        words = ctx.doc.word_list(lo, first[0].start)
        if words and all(own.key_of(w) is not None for w in words):
            return speaker.party  # "claimed to have killed", "mengklaim telah menewaskan"
    if _own_launch(ctx, lo, hi):
        return speaker.party  # "mengumumkan telah meluncurkan rudal ke ...": the speaker fired them
    return None


def _own_launch(ctx: Reader, lo: int, hi: int) -> bool:
    """A launch verb opening the content, after auxiliaries only, with a weapon after it."""
    launch = ctx.doc.first(ctx.pack.words("launch_verbs"), lo, hi)
    if (
        launch is None
        or ctx.doc.first(ctx.pack.words("weapon_nouns"), launch.end, min(hi, launch.end + 30)) is None
    ):
        return False
    own = ctx.pack.words("own_act_auxiliaries")
    return all(own.key_of(w) is not None for w in ctx.doc.word_list(lo, launch.start))


def _claimed_act(ctx: Reader, cue: Cue, lo: int, act: Hit) -> bool:
    """A verb of claiming with the act's noun as its object ("claims attack on ...", "claimed
    the killing of ..."): a claim of one's own deed."""
    if ctx.pack.words("claiming_cues").key_of(ctx.text[cue.start : cue.end]) is None:
        return False
    between = ctx.doc.word_list(lo, act.start)
    return len(between) <= 1 and all(w.casefold() in ctx.pack.glue.articles for w in between)


_JOINED_REACH = 8  # words from the content's first verb to the act joined to it


def _joined_own_verb(ctx: Reader, lo: int, hi: int) -> bool:
    """ "said it had fired five officials and arrested 18 people", "mengaku telah memecat lima
    pejabat dan menangkap 18 orang": an act joined by "and" to the verb the content opens with
    shares that verb's subject, the speaker (no other subject named between)."""
    acts = ctx.mentions.triggers(lo, hi)
    if not acts:
        return False
    words = ctx.doc.word_list(lo, acts[0].start)
    aux = ctx.pack.words("perfect_auxiliaries")
    while words and aux.key_of(words[0]) is not None:
        words = words[1:]
    if not 2 <= len(words) <= _JOINED_REACH or words[-1].casefold() not in ctx.pack.glue.coordinators:
        return False
    head = words[0].casefold()
    prefixes = ctx.pack.glue.verbal_prefixes
    verbal = head.startswith(prefixes) if prefixes else head.endswith("ed")
    return verbal and not ctx.mentions.owners(lo, acts[0].start)


def _own_deed(ctx: Reader, lo: int, hi: int) -> bool:
    """A verb of doing opens the content ("carrying out", "melakukan"), an event noun its object."""
    deed = ctx.doc.first(ctx.pack.words("own_deed_verbs"), lo, hi)
    if deed is None:
        return False
    aux = ctx.pack.words("perfect_auxiliaries")
    if not all(aux.key_of(w) is not None for w in ctx.doc.word_list(lo, deed.start)):
        return False
    done = ctx.mentions.triggers(deed.end, hi)
    return bool(done) and ctx.words(deed.end, done[0].start) <= 2


def _relative_on_event(ctx: Reader, trig: Hit) -> bool:
    """ "membantah serangan drone yang menewaskan tiga tentara AS terjadi di wilayahnya", "denied
    the strike which killed 12 was theirs": a relative clause describing the event denied says
    what it was, which the denial does not dispute."""
    rel_at = relative_right_before(ctx, 0, trig.start, reach=16)
    if rel_at is None:
        rel_at = _that_right_before(ctx, trig.start)
    if rel_at is None:
        return _joined_to_relative(ctx, trig)
    events = [h for h in ctx.mentions.triggers(max(0, rel_at - 40), rel_at) if h.end <= rel_at]
    return bool(events) and ctx.words(events[-1].end, rel_at) == 0


def _struck_on_own_ground(ctx: Reader, f: FrameHit, owner: str, speaker: SpeakerRef) -> FrameHit:
    """ "denied Russia's claim of a drone attack on Belgorod": an act on the claimant's own ground
    is one it accuses the denier of, not its own."""
    if f.agent != owner or f.event != "attack":
        return f
    if f.patient == owner or (f.place is not None and ctx.gaz.party_at(f.place) == owner):
        return replace(f, agent=speaker.party, agent_by="context")
    return f


def _doer_only_accused(ctx: Reader, f: FrameHit) -> bool:
    """The act's doer comes from the context and never said it did the act itself."""
    if f.agent_by != "context":
        return False
    own = ctx.state.claims_by_party.get(f.agent or "", [])
    return not any(
        c.proposition.event == f.event and c.proposition.agent == f.agent and c.stance == "affirm"
        for c in own
    )


def _deaths_setting(ctx: Reader, f: FrameHit, frames: list[FrameHit]) -> bool:
    """ "membantah klaim pasukan AS tewas dalam serangan rudal Iran", "denied troops were killed
    in the missile attack": the attack is where the denied deaths would have happened; the
    denial disputes the deaths, not the attack."""
    if f.event != "attack":
        return False
    preps = ctx.pack.words("circumstance_preps")
    for c in frames:
        end = c.trigger.end
        if c.event != "casualties" or end > f.trigger.start or ctx.words(end, f.trigger.start) > 4:
            continue
        prep = ctx.doc.first(preps, end, f.trigger.start)
        if (
            prep is not None
            and ctx.words(end, prep.start) == 0
            and not STOPS.search(ctx.text, end, f.trigger.start)
        ):
            return True
    return False


def _toll_of_killing(ctx: Reader, f: FrameHit) -> bool:
    """ "Bantah Klaim Houthi Bunuh 500 Tentara", "denied that the rebels killed 500 soldiers": a
    killing with its count right after the verb is denied for its toll; whether there was fighting
    at all the denial leaves open."""
    if f.event != "attack" or ctx.pack.words("toll_verbs").key_of(f.trigger.text) is None:
        return False
    return any(
        n.start >= f.trigger.end and ctx.words(f.trigger.end, n.start) == 0
        for n in ctx.doc.numbers_between(f.trigger.end, min(ctx.sentence.end, f.trigger.end + 30))
    )


def _that_right_before(ctx: Reader, pos: int) -> int | None:
    """ "the attack that killed": the complementiser right before a verb, standing for a relative."""
    before = ctx.doc.word_list(max(0, pos - 16), pos)[-1:]
    if not before or ctx.pack.complementizers.key_of(before[0]) is None:
        return None
    return ctx.text.rfind(before[0], 0, pos)


def _joined_to_relative(ctx: Reader, trig: Hit) -> bool:
    """ "the attack which killed three soldiers and wounded dozens": a verb joined by a
    coordinator to one in the relative clause belongs to that clause too."""
    lo = max(ctx.sentence.start, trig.start - 80)
    before = ctx.doc.word_list(lo, trig.start)
    if not before or before[-1].casefold() not in ctx.pack.glue.coordinators:
        return False
    link = ctx.text.rfind(before[-1], lo, trig.start)
    earlier = [h for h in ctx.mentions.triggers(lo, link) if h.end <= link]
    if not earlier or "," in ctx.text[earlier[-1].end : link]:
        return False
    return _relative_on_event(ctx, earlier[-1])


def _object_pronoun_first(ctx: Reader, lo: int, hi: int) -> bool:
    first = ctx.doc.word_list(lo, hi)[:1]
    return bool(first) and ctx.pack.words("object_pronouns").key_of(first[0]) is not None


def _co_speakers(ctx: Reader, site: CueSite, speaker: SpeakerRef) -> list[SpeakerRef]:
    """Other parties listed with the speaker: "Pejabat intelijen AS, Korea Selatan, dan Ukraina"."""
    start, cue_start = site.content_start(ctx), site.cue.start
    hits = sorted(
        ctx.mentions.actors(start, cue_start) + ctx.mentions.demonyms(start, cue_start), key=lambda h: h.start
    )
    glue = ctx.pack.glue
    out: list[SpeakerRef] = []
    parties = {speaker.party}
    end = speaker.start
    first = True
    for h in reversed(hits):
        if h.end > end:
            continue
        # A list needs "A, B dan C": the last member is joined by a coordinator. A member may carry
        # its title and name ("Saudi Arabia's Crown Prince Mohammed bin Salman and Jordan's ...").
        titled = _TITLED_MEMBER.match(ctx.text, h.end, end)
        after = titled.end() if titled is not None and not ctx.mentions.owners(h.end, titled.end()) else h.end
        gap = glue.list_gap
        listed = gap.fullmatch(ctx.text, h.end, end) or gap.fullmatch(ctx.text, after, end)
        if not listed or (first and not glue.coordinator_word.search(ctx.text, h.end, end)):
            break
        first = False
        party = ctx.gaz.party_of(h.key)
        if party not in parties:
            parties.add(party)
            out.append(SpeakerRef(h.start, h.end, h.text, h.key, party, speaker.role, speaker.resolved_by))
        end = _title_start(ctx, h, start)
    return out


def _title_start(ctx: Reader, member: Hit, lo: int) -> int:
    """Where a listed member begins: its title, in Indonesian order, stands before its country
    ("PM Kanada, PM Inggris dan PM Australia")."""
    if ctx.pack.modifier_first:
        return member.start
    title = ctx.doc.last(ctx.pack.roles, max(lo, member.start - 40), member.start)
    if title is not None and ctx.words(title.end, member.start) == 0:
        return title.start
    return member.start
