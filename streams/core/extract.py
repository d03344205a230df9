"""Article -> attributed claims. Pure: no I/O beyond the packaged lexicon files.

Pipeline per article: clean the body (web noise out) -> detect the language -> split sentences ->
find reporting cues (outside quotes) -> resolve each cue's speaker and content span -> find frames
(event, agent, place, figure, polarity) inside the content -> one Claim per frame.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from schemas import Article, Claim, Quantity, Span, Speaker
from streams.core.frames import (
    IMPLICIT,
    FrameHit,
    find_frames,
    find_troop_nps,
    has_clause_break,
    tokens_between,
)
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.langpack import LangPack, get_pack
from streams.core.matching import Hit
from streams.core.propositions import event_specs, make_proposition
from streams.core.quantities import NumberMention, find_numbers
from streams.core.speakers import Discourse, SpeakerRef, remember_mentions, resolve_segment
from streams.core.text import Sentence, clean_body, detect_language, split_sentences
from streams.core.timeexpr import TimeMention, find_times

EXTRACTOR_VERSION = "1"
# A speaker label opening a transcript paragraph: "REYES:", "VASSILY NEBENZIA, RUSSIAN ENVOY (via
# interpreter):" — names in capitals, a colon.
_TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z'’.\- ]{1,40}(?:,[^:\n]{1,80})?(?:\s*\([^)\n]{0,40}\))?:\s")
_QUOTE_CHARS = re.compile('[“”"\n]')
_CLAUSE_COMMA = re.compile(r",\s")
# Offices that answer reporters' questions ("... ditanya wartawan. '...,' jawabnya").
_ANSWERING_ROLES = frozenset(
    {"spokesperson", "foreign_minister", "foreign_ministry", "ambassador", "president", "prime_minister"}
)
_OPEN_Q = '“"‘'
_CLOSE_Q = '”"’'
_PUNCT_BEFORE = re.compile(r"[,”\"’]\s*$")
_LIST_GAP = re.compile(r"(?i)\s*(?:,\s*|\s+)(?:(?:dan|serta|and)\s+)?")
# "..., NATO Secretary General Mark Rutte said": a comma (or closing quote), then titles/names.
_LEAD_COMMA = re.compile(r"[,”\"]\s*(?:(?:[A-Z][\w'’.\-]*|of|the|for)\s+){0,5}$")
_ACCORDING = frozenset({"menurut", "according to", "menurutnya"})
_COORDINATOR = re.compile(r"(?i)\b(?:dan|serta|and)\b")
_COORD = re.compile(
    r"(?i)(?:\b(?:dan|serta|and|but|tetapi|namun|lalu|kemudian|juga|also|then)\s+(?:\w+\s+){0,2})$"
)
# After "X said" nothing but circumstance: the content is the quote or clause before X.
_BARE_TAIL = re.compile(
    r"(?i)\s*(?:$|[.,;]|(?:dalam|kepada|pada|di|saat|ketika|kemarin|hari|melalui|lewat|in|on|at|to|"
    r"during|while|after|via|reporters|journalists|wartawan|later|earlier|today|yesterday|last|this)\b)"
)
_OFFICER_NOUNS = re.compile(r"(?i)\b(perwira|jenderal|officers?|generals?|komandan|commanders?)\b")


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    kind: str  # say | report | confirm | deny | noncommittal | acknowledge
    side: str  # before | after | by | pronoun | according
    text: str


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
class Extraction:
    article_id: str
    language: str
    text: str
    dropped: tuple[str, ...]
    claims: list[Claim]
    attributions: list[Attribution]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (curly pairs, or alternating straight quotes)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight_open: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        ch, i = m.group(0), m.start()
        if ch == "“":
            opened = i
        elif ch == "”" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i + 1))
                straight_open = None
        elif ch == "\n" and straight_open is not None and opened is None:
            # Unbalanced straight quote at a paragraph end: stop it there.
            spans.append((straight_open, i))
            straight_open = None
    return sorted(spans)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def _negated_before(text: str, pos: int, pack: LangPack, lo: int) -> bool:
    neg = None
    for h in pack.negators.finditer(text, max(lo, pos - 40), pos):
        neg = h
    if neg is None:
        return False
    gap = tokens_between(text, neg.end, pos)
    # "did not deny" / "tidak pernah secara resmi mengakui" / "Neither Moscow nor Pyongyang has ..."
    return gap <= 2 or (gap <= 4 and not has_clause_break(text, neg.end, pos, pack))


def find_cues(text: str, sent: Sentence, pack: LangPack, quotes: list[tuple[int, int]]) -> list[Cue]:
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []

    def free(h: Hit) -> bool:
        return not _inside(h.start, quotes) and not any(s < h.end and h.start < e for s, e in taken)

    for m in _by_cues(pack).finditer(text, sent.start, sent.end):
        hit = Hit(m.start(), m.end(), _by_kind(pack, m), m.group(0))
        if free(hit):
            cues.append(Cue(hit.start, hit.end, hit.key, "by", hit.text))
            taken.append((hit.start, hit.end))
    for h in pack.cues_pronoun.finditer(text, sent.start, sent.end):
        if free(h) and _PUNCT_BEFORE.search(text[max(sent.start, h.start - 4) : h.start]):
            cues.append(Cue(h.start, h.end, "say", "pronoun", h.text))
            taken.append((h.start, h.end))
    for h in pack.cues_after.finditer(text, sent.start, sent.end):
        if not free(h):
            continue
        low = " ".join(h.text.split()).casefold()
        if low in _ACCORDING:
            cues.append(Cue(h.start, h.end, "say", "according", h.text))
            taken.append((h.start, h.end))
        elif _PUNCT_BEFORE.search(text[max(sent.start, h.start - 4) : h.start]):
            # "..., kata X" / "...,” said X" — only when a name follows closely.
            follow = text[h.end : min(sent.end, h.end + 60)]
            first = re.match(r"\s*(?:(?:the|a|an)\s+)?([^\W\d_][\w'’\-]*)", follow)
            speakerish = first is not None and (
                first.group(1)[:1].isupper()
                or (
                    pack.roles.search(follow) is not None
                    and tokens_between(follow, 0, (pack.roles.search(follow) or h).start) <= 2
                )
                or pack.pronouns.search(first.group(1)) is not None
                or pack.unaffiliated.search(first.group(1)) is not None
            )
            if speakerish:
                cues.append(Cue(h.start, h.end, h.key, "after", h.text))
                taken.append((h.start, h.end))
    for h in pack.cues_before.finditer(text, sent.start, sent.end):
        if not free(h):
            continue
        if re.match(r"\s+of\b", text[h.end : h.end + 4]) and pack.modifier_first:
            continue  # "estimates of North Korean losses", "reports of": a noun, not a verb
        prev_word = re.search(r"(\w+)\W*$", text[max(sent.start, h.start - 15) : h.start])
        if prev_word is not None and prev_word.group(1).casefold() in pack.cue_blockers:
            # "an estimated 1,500", "the reported deployment": adjectives, not verbs; but "klaim
            # intelijen Ukraina yang menyebut P" is a claim whose owner says P.
            noun = pack.claim_nouns.search(text, max(sent.start, h.start - 60), h.start)
            earlier = any(c.start < h.start for c in cues)  # "membantah klaim X yang menyebut P": P is denied
            if noun is None or tokens_between(text, noun.end, h.start) > 6 or earlier:
                continue
        kind = h.key
        if kind in ("deny", "confirm", "say", "acknowledge") and _negated_before(
            text, h.start, pack, sent.start
        ):
            modal = pack.modal_negation.search(text, max(sent.start, h.start - 30), h.start)
            if kind != "deny" and modal is None:
                continue  # "has not acknowledged": the outlet describing silence, not a statement
            kind = "noncommittal"  # "did not deny", "cannot yet confirm"
        cues.append(Cue(h.start, h.end, kind, "before", h.text))
        taken.append((h.start, h.end))
    cues.sort(key=lambda c: c.start)
    return cues


@functools.cache
def _by_cue_table(code: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """Passive cues allow a few words before the agent marker: "was confirmed on Tuesday by X"."""
    from streams.core.lexicon import load_lang

    by = (load_lang(code).get("reporting") or {}).get("by") or {}
    heads: dict[str, str] = {}
    for kind, phrases in by.items():
        for phrase in phrases or []:
            words = str(phrase).split()
            if len(words) >= 2:
                heads.setdefault(" ".join(words[:-1]).casefold(), kind)
    if not heads:
        return re.compile(r"(?!x)x"), {}
    markers = sorted({str(p).split()[-1] for ps in by.values() for p in ps or []})
    alt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    rx = re.compile(
        rf"(?i)(?<![\w])(?P<head>{alt})(?:\s+[^\s,.;:]+){{0,4}}?\s+"
        rf"(?:{'|'.join(map(re.escape, markers))})(?![\w])"
    )
    return rx, heads


def _by_cues(pack: LangPack) -> re.Pattern[str]:
    return _by_cue_table(pack.code)[0]


def _by_kind(pack: LangPack, m: re.Match[str]) -> str:
    return _by_cue_table(pack.code)[1].get(" ".join(m.group("head").split()).casefold(), "say")


def _opening_quote(text: str, pos: int, quotes: list[tuple[int, int]], floor: int) -> int | None:
    """Start of the quotation that ends right before `pos` (may span sentences)."""
    for s, e in reversed(quotes):
        if e <= pos and s >= floor:
            gap = text[e:pos]
            if pos - e <= 4 or (
                len(gap) <= 60 and not re.search(r"[.;:!?“\"]", gap) and tokens_between(gap, 0, len(gap)) <= 5
            ):
                return s
            return None
    return None


def _claim_id(article_id: str, span: Span, pid: str, speaker: str) -> str:
    raw = f"{article_id}|{span.start}|{span.end}|{pid}|{speaker}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


class _State:
    def __init__(self) -> None:
        self.discourse = Discourse([], [])
        self.context_agent: dict[str, str] = {}
        self.context_place: dict[str, str] = {}
        self.context_age: int = 0
        self.last_country: str | None = None
        self.last_place: str | None = None
        self.claims_by_party: dict[str, list[Claim]] = {}
        self.prev_frames: list[FrameHit] = []
        self.sentence_start = 0
        self.topic_frames: list[FrameHit] = []
        # party -> the event of the last claim it made or was said to make ("klaim Moskow bahwa P").
        self.owned: dict[str, str] = {}


def extract(article: Article, gaz: Gazetteer | None = None) -> Extraction:
    gaz = gaz or default_gazetteer()
    lang = detect_language(article.body, article.language)
    pack = get_pack(lang)
    cleaned = clean_body(article.body, pack)
    text = cleaned.text
    sentences = split_sentences(text)
    quotes = quote_spans(text)
    state = _State()
    state.discourse.quoted = tuple(quotes)
    claims: list[Claim] = []
    attributions: list[Attribution] = []
    last_attr_para: tuple[int, SpeakerRef] | None = None
    transcript: tuple[int, SpeakerRef | None, int] | None = None

    for idx, sent in enumerate(sentences):
        state.sentence_start = sent.start
        cues = find_cues(text, sent, pack, quotes)
        trailing = [
            c for c in cues if c.side == "according" and tokens_between(text, sent.start, c.start) > 2
        ]
        if trailing:
            # "..., menurut Moon Seong Mook": the whole sentence is that source's reading.
            cues = trailing[:1]
        sent_attrs: list[Attribution] = []
        explicit_before = False
        for ci, cue in enumerate(cues):
            prev = sent_attrs[-1] if sent_attrs else None
            attr = _attribute(
                text,
                sent,
                sentences,
                idx,
                cue,
                prev,
                cues[ci + 1 :],
                pack,
                gaz,
                state,
                quotes,
                explicit_before,
            )
            if attr is None:
                continue
            if cue.side == "before" and attr.speaker is not None and attr.speaker.resolved_by != "unknown":
                explicit_before = True
            sent_attrs.append(attr)
        label = _TRANSCRIPT_LABEL.match(text, sent.start)
        if label is not None and (idx == 0 or sentences[idx - 1].paragraph != sent.paragraph):
            # "VASSILY NEBENZIA, RUSSIAN AMBASSADOR TO THE UN: ..." (transcripts, interviews): the
            # paragraph is that speaker's words; journalists' labels resolve to no party.
            who = resolve_segment(
                text, label.start(), label.end(), pack, gaz, state.discourse, nearest_end=False
            )
            transcript = (sent.paragraph, who if who is not None and who.party else None, label.end())
        if not cues and transcript is not None and transcript[0] == sent.paragraph and transcript[1]:
            lo = max(sent.start, transcript[2])
            ref = transcript[1]
            cue = Cue(lo, lo, "say", "label", "")
            frames = _frames(text, lo, sent.end, pack, gaz, state, ref)
            sent_attrs.append(Attribution(idx, cue, ref, (lo, sent.end), frames))
        elif not cues:
            # A bare quotation continuing the previous speaker's paragraph.
            stripped = text[sent.start : sent.end]
            open_quote = next((q for q in quotes if q[0] == sent.start), None)
            continues = open_quote is not None and open_quote[1] > sent.end + 1
            if (
                stripped[:1] in _OPEN_Q
                and not continues
                and last_attr_para is not None
                and last_attr_para[0] >= sent.paragraph - 1
            ):
                nxt = sentences[idx + 1] if idx + 1 < len(sentences) else None
                next_cues = find_cues(text, nxt, pack, quotes) if nxt else []
                if not (next_cues and next_cues[0].side in ("after", "pronoun")):
                    cue = Cue(sent.start, sent.start, "say", "neighbour", "")
                    spk = last_attr_para[1]
                    ref = SpeakerRef(
                        spk.start, spk.end, spk.text, spk.actor_id, spk.party, spk.role, "neighbour"
                    )
                    frames = _frames(text, sent.start, sent.end, pack, gaz, state, ref)
                    sent_attrs.append(Attribution(idx, cue, ref, (sent.start, sent.end), frames))
        for attr in sent_attrs:
            attr.claims = _claims_for(article, lang, text, sent, attr, pack, gaz, state)
            claims.extend(attr.claims)
            if attr.speaker is not None and attr.speaker.resolved_by != "unknown":
                state.discourse.speakers.append(attr.speaker)
                last_attr_para = (sent.paragraph, attr.speaker)
        attributions.extend(sent_attrs)
        # Narration still sets the scene: who/where the troops are, for later back-references.
        narr = _frames(text, sent.start, sent.end, pack, gaz, state, None)
        _update_context(state, narr + [f for a in sent_attrs for f in a.frames], gaz, text, sent, pack)
        # A transcript label is not the sentence's subject ("REYES: The United States ...").
        opener = label.end() if label is not None else sent.start
        remember_mentions(text, opener, sent.end, pack, gaz, state.discourse)
    return Extraction(article.id, lang, text, cleaned.dropped, claims, attributions)


def _update_context(
    state: _State, frames: list[FrameHit], gaz: Gazetteer, text: str, sent: Sentence, pack: LangPack
) -> None:
    state.context_age += 1
    if state.context_age > 3:
        state.context_agent.clear()
        state.context_place.clear()
    for f in frames:
        if f.agent is not None and f.agent_by in ("explicit", "sender"):
            state.context_agent[f.event] = f.agent
            state.context_age = 0
        if f.place is not None and f.place_by == "explicit":
            state.context_place[f.event] = f.place
    state.prev_frames = frames or state.prev_frames
    solid = [f for f in frames if (not f.speculative or f.uncertain) and f.agent_by != "context"]
    for f in reversed(solid):  # most recent first, a few kept
        state.topic_frames = [f, *[t for t in state.topic_frames if t.event != f.event]][:4]
    actor_spans = [(a.start, a.end) for a in gaz.find_actors(text, sent.start, sent.end)]
    for p in gaz.find_places(text, sent.start, sent.end):
        if any(s <= p.start < e for s, e in actor_spans) and not pack.locative_preps.search(
            text, max(sent.start, p.start - 6), p.start
        ):
            continue  # "perkiraan Kyiv": the government, not a place a later "there" points to
        chain = gaz.place_chain(p.key)
        if chain:
            state.last_country = chain[-1]
            state.last_place = p.key


def _frames(
    text: str,
    start: int,
    end: int,
    pack: LangPack,
    gaz: Gazetteer,
    state: _State,
    speaker: SpeakerRef | None,
    claim_owner: str | None = None,
) -> list[FrameHit]:
    if end <= start:
        return []
    return find_frames(
        text,
        start,
        end,
        pack,
        gaz,
        speaker_party=speaker.party if speaker else None,
        context_agent=state.context_agent,
        context_place=state.context_place,
        last_country=state.last_country,
        last_place=_place_before(text, start, state, gaz),
        claim_owner=claim_owner,
    )


def _place_before(text: str, pos: int, state: _State, gaz: Gazetteer) -> str | None:
    """What "there"/"di sana" points to: the latest specific place named before `pos` in this
    sentence ("the bodies of soldiers in Kursk Oblast, and estimated 1,000 had been killed there"),
    else the one the article named last. Governments named by their capital do not count."""
    lo = max(state.sentence_start, pos - 250)
    actors = [(a.start, a.end) for a in gaz.find_actors(text, lo, pos)]
    hits = [
        h
        for h in gaz.find_places(text, lo, pos)
        if not any(s <= h.start < e for s, e in actors) and len(gaz.place_chain(h.key)) > 1
    ]
    return hits[-1].key if hits else state.last_place


def _claim_reference(
    text: str, start: int, end: int, pack: LangPack, gaz: Gazetteer, state: _State
) -> list[FrameHit]:
    """ "membantah klaim Rusia": the latest claim that party made in this article."""
    noun = pack.claim_nouns.search(text, start, end)
    if noun is None:
        return []
    owners = gaz.find_actors(text, noun.end, min(end, noun.end + 40))
    if not owners:
        return []
    earlier = state.claims_by_party.get(gaz.party_of(owners[0].key) or "", [])
    if not earlier:
        return []
    p = earlier[-1].proposition
    return [
        FrameHit(
            p.event,
            p.agent,
            p.place,
            Hit(noun.start, noun.end, p.event, noun.text),
            cues=[f"claim-ref:{noun.text}"],
        )
    ]


def _claim_owner(text: str, start: int, end: int, pack: LangPack, gaz: Gazetteer) -> str | None:
    """ "membantah klaim Rusia bahwa ...", "rejected Moscow's claim that ...": whose claim."""
    noun = pack.claim_nouns.search(text, start, end)
    if noun is None:
        return None
    owners = gaz.find_actors(text, max(start, noun.start - 20), min(end, noun.end + 40))
    return gaz.party_of(owners[0].key) if owners else None


def _attribute(
    text: str,
    sent: Sentence,
    sentences: list[Sentence],
    idx: int,
    cue: Cue,
    prev: Attribution | None,
    later: list[Cue],
    pack: LangPack,
    gaz: Gazetteer,
    state: _State,
    quotes: list[tuple[int, int]],
    explicit_before: bool,
) -> Attribution | None:
    disc = state.discourse
    floor = sentences[max(0, idx - 3)].start
    if cue.side == "after":
        # English puts the speaker before the verb after a quote: "“…,” he said" / "…, Rutte said".
        window = text[max(sent.start, cue.start - 80) : cue.start].rstrip()
        trimmed = window.rstrip(",").rstrip()
        lead = re.search(r"[,”\"]\s*([^,”\"]{1,60})$", trimmed)
        if lead is not None and lead.group(1).strip():
            lo = max(sent.start, cue.start - 80) + lead.start(1)
            before = resolve_segment(text, lo, cue.start, pack, gaz, disc, nearest_end=True)
            if before is not None and tokens_between(text, lo, cue.start) <= 4:
                q = _opening_quote(text, lo, quotes, floor)
                cstart = q if q is not None else (prev.cue.end if prev else sent.start)
                return Attribution(
                    idx,
                    cue,
                    before,
                    (cstart, lo),
                    _frames(text, cstart, lo, pack, gaz, state, before),
                )
    if cue.side in ("after", "pronoun"):
        if explicit_before:
            return None  # "..., lapor media X" after "Peskov mengatakan ...": the source, not a speaker
        if cue.side == "pronoun":
            last = disc.last_person(gaz, cue.start) or disc.last_speaker()
            # "Juru bicara ... Mao Ning ditanya wartawan ... 'Saya tidak tahu,' jawabnya": an office
            # named after the last speaker, in this or the previous sentence, is who answers.
            lo = sentences[max(0, idx - 1)].start
            office = [
                m
                for m in disc.mentions
                if m.role in _ANSWERING_ROLES and m.actor_id is not None and lo <= m.start < cue.start
            ]
            if office and (last is None or office[-1].start > last.start):
                last = office[-1]
            if last is None:
                return None
            speaker: SpeakerRef | None = SpeakerRef(
                cue.start, cue.end, cue.text, last.actor_id, last.party, last.role, "pronoun"
            )
        else:
            seg_end = _segment_end(text, cue.end, sent.end, pack)
            speaker = resolve_segment(text, cue.end, seg_end, pack, gaz, disc, nearest_end=False)
        q = _opening_quote(text, cue.start, quotes, floor)
        cstart = q if q is not None else (prev.cue.end if prev else sent.start)
        frames = _frames(text, cstart, cue.start, pack, gaz, state, speaker)
        if not frames:
            frames = _topic_frames(text, cstart, cue.start, cue, pack, state, speaker)
        return Attribution(idx, cue, speaker, (cstart, cue.start), frames)
    if cue.side == "according":
        seg_end = _segment_end(text, cue.end, sent.end, pack)
        speaker = resolve_segment(text, cue.end, seg_end, pack, gaz, disc, nearest_end=False)
        if any(cue.text.casefold().endswith(sfx) for sfx in pack.possessive_suffixes):
            # "Menurutnya, ...": "according to him" - the last speaker.
            last = disc.last_person(gaz, cue.start) or disc.last_speaker()
            speaker = (
                SpeakerRef(cue.start, cue.end, cue.text, last.actor_id, last.party, last.role, "pronoun")
                if last is not None
                else None
            )
            seg_end = cue.end
        if tokens_between(text, sent.start, cue.start) <= 2:
            span = (seg_end, sent.end)
        else:
            span = (sent.start, cue.start)
        return Attribution(
            idx, cue, speaker, span, _frames(text, span[0], span[1], pack, gaz, state, speaker)
        )
    if cue.side == "by":
        seg_end = _segment_end(text, cue.end, sent.end, pack)
        speaker = resolve_segment(text, cue.end, seg_end, pack, gaz, disc, nearest_end=False)
        span = (prev.cue.end if prev else sent.start, cue.start)
        frames = _frames(text, span[0], span[1], pack, gaz, state, speaker)
        if not frames and pack.content_anaphors.search(text, span[0], span[1]):
            frames = list(state.prev_frames)
        return Attribution(idx, cue, speaker, span, frames, note="passive")
    # before: "X mengatakan (bahwa) P", or "“P,” X said."
    seg_start = prev.cue.end if prev else sent.start
    lead_text = text[max(seg_start, cue.start - 30) : cue.start]
    if prev is not None and prev.speaker is not None and _COORD.search(lead_text):
        speaker = prev.speaker  # "X membantah ... dan mengatakan ...": same subject
    else:
        speaker = resolve_segment(text, seg_start, cue.start, pack, gaz, disc, nearest_end=True)
        comma = text.rfind(", ", seg_start, cue.start)
        tail_end = _segment_end(text, cue.end, sent.end, pack)
        if (
            comma >= 0
            and tokens_between(text, comma, cue.start) <= 4
            and tokens_between(text, cue.end, tail_end) <= 3
            and not _inside(comma, quotes)
        ):
            # "P, the agency added.": the speaker is the short phrase after the last comma, not
            # a place or party named inside P.
            near = resolve_segment(text, comma + 1, cue.start, pack, gaz, disc, nearest_end=True)
            if near is not None and near.resolved_by != "unknown":
                speaker = near
        if speaker is not None:
            gap_tokens = tokens_between(text, speaker.end, cue.start)
            # "KCNA dalam sebuah komentar pada Kamis (31/10/2024) membantah": adverbials may
            # stand between subject and verb, another clause may not.
            if gap_tokens > 12 or (
                gap_tokens > 6
                and has_clause_break(text, speaker.end, cue.start, pack)
                and not re.fullmatch(r"[^;.]*\([^)]*\)[^;.]*", text[speaker.end : cue.start])
            ):
                speaker = None
        back_ref = speaker is not None and (
            speaker.resolved_by == "pronoun"
            or (
                speaker.resolved_by == "role"
                and any(w.casefold() in pack.generic_org_nouns for w in speaker.text.split())
            )
        )
        if speaker is not None and back_ref and prev is not None and prev.speaker is not None:
            # "Jeon mengatakan bahwa dia tidak dapat mengonfirmasi": the pronoun is Jeon.
            p = prev.speaker
            speaker = SpeakerRef(
                speaker.start, speaker.end, speaker.text, p.actor_id, p.party, p.role, "pronoun"
            )
    if speaker is None and prev is not None:
        speaker = prev.speaker
    if speaker is None:
        return None
    after_end = sent.end
    for nxt in later:
        if nxt.side == "before":
            after_end = min(after_end, _segment_start(text, cue.end, nxt.start, pack))
            break
    a_start = cue.end
    bare_tail = _BARE_TAIL.match(text[a_start:after_end]) is not None
    comp_end = min(after_end, a_start + 60)
    clause_comma = _CLAUSE_COMMA.search(text, a_start, comp_end)  # not the comma inside "10,000"
    first_comma = clause_comma.start() if clause_comma else -1
    if first_comma >= 0 and tokens_between(text, a_start, first_comma) <= 3:
        # "P, X said Sunday, adding that Q": the complement after the comma belongs to "adding".
        comp_end = first_comma
    comp = pack.complementizers.search(text, a_start, comp_end)
    if comp is None and not bare_tail:
        # "P, the agency told lawmakers Thursday, ...": an object then circumstance, no complement.
        tail = re.match(r"\s*(?:\w+\s+){0,3}?\w+\s*(?:[,;]\s|\.(?:\s|$)|$)", text[a_start:after_end])
        bare_tail = (
            tail is not None
            and pack.postposed_speaker
            and tokens_between(text, a_start, a_start + tail.end()) <= 4
        )
    # "mengatakan pada hari Jumat bahwa P": circumstance, then the complementiser, then P.
    if (
        comp is not None
        and tokens_between(text, a_start, comp.start) <= 5
        and "," not in text[a_start : comp.start]
    ):
        a_start = comp.end
        bare_tail = False
    sub_clause = pack.clause_breaks.search(text, a_start, a_start + 12)
    if sub_clause is not None and tokens_between(text, a_start, sub_clause.start) == 0:
        # "the toll Kyiv has reported since ...": a subordinate clause, not what was reported.
        return None
    comma_lead = _LEAD_COMMA.search(text[seg_start : speaker.start]) is not None
    if bare_tail and comma_lead and speaker.start - seg_start > 20:
        # "North Korea has sent troops, the agency said on Friday, in its first account ...":
        # the statement is the clause before the speaker.
        frames = []
    else:
        owner = _claim_owner(text, cue.end, a_start, pack, gaz) if a_start > cue.end else None
        frames = _frames(text, a_start, after_end, pack, gaz, state, speaker, owner)
        if owner is not None and frames:
            state.owned[owner] = frames[0].event
    span = (a_start, after_end)
    if not frames and speaker.start > seg_start:
        q = _opening_quote(text, speaker.start, quotes, floor)
        comma_before = _LEAD_COMMA.search(text[seg_start : speaker.start]) is not None
        b_start = q if q is not None else (seg_start if bare_tail and comma_before else speaker.start)
        if speaker.start - b_start > 10:
            b_frames = _frames(text, b_start, speaker.start, pack, gaz, state, speaker)
            if b_frames:
                frames, span = b_frames, (b_start, speaker.start)
    inner_nc = [c for c in pack.cues_before.find_all(text, a_start, after_end) if c.key == "noncommittal"]
    if not frames and inner_nc and speaker.start - seg_start > 10:
        lead_frames = _frames(text, seg_start, speaker.start, pack, gaz, state, speaker)
        if lead_frames:
            frames, span = lead_frames, (seg_start, after_end)
    if not frames and cue.kind in ("deny", "confirm", "noncommittal"):
        frames = _claim_reference(text, a_start, after_end, pack, gaz, state)
    if not frames:
        frames = _topic_frames(text, a_start, after_end, cue, pack, state, speaker)
    co = (
        _co_speakers(text, seg_start, cue.start, speaker, gaz)
        if prev is None or speaker is not prev.speaker
        else []
    )
    return Attribution(idx, cue, speaker, span, frames, co_speakers=co)


def _co_speakers(
    text: str, start: int, cue_start: int, speaker: SpeakerRef, gaz: Gazetteer
) -> list[SpeakerRef]:
    """Other parties listed with the speaker: "Pejabat intelijen AS, Korea Selatan, dan Ukraina"."""
    hits = sorted(
        gaz.find_actors(text, start, cue_start) + gaz.find_demonyms(text, start, cue_start),
        key=lambda h: h.start,
    )
    out: list[SpeakerRef] = []
    parties = {speaker.party}
    end = speaker.start
    first = True
    for h in reversed(hits):
        if h.end > end:
            continue
        gap = text[h.end : end]
        if not _LIST_GAP.fullmatch(gap) or (first and not _COORDINATOR.search(gap)):
            break  # a list needs "A, B dan C": the last member is joined by a coordinator
        first = False
        party = gaz.party_of(h.key)
        if party not in parties:
            parties.add(party)
            out.append(SpeakerRef(h.start, h.end, h.text, h.key, party, speaker.role, speaker.resolved_by))
        end = h.start
    return out


def _topic_frames(
    text: str,
    start: int,
    end: int,
    cue: Cue,
    pack: LangPack,
    state: _State,
    speaker: SpeakerRef | None,
) -> list[FrameHit]:
    """A stance on "the reports" / "kabar itu" / "this" is a stance on what the article is about:
    the last frame it described. Only for committed or noncommittal cues, or a dismissal."""
    if not state.topic_frames:
        return []
    refers = pack.claim_nouns.search(text, start, end) or pack.content_anaphors.search(text, start, end)
    if refers is None:
        bare = pack.deny_markers.search(text, start, end)
        if (
            bare is None
            and cue.kind in ("noncommittal", "deny")
            and 1 <= tokens_between(text, start, end) <= 3
        ):
            # "Kim Song tidak membantah secara langsung.": the answer is about the topic at hand.
            bare = Hit(cue.start, cue.end, "", cue.text)
        answer = [c for c in pack.cues_before.find_all(text, start, end) if c.key == "noncommittal"]
        if bare is None and answer and tokens_between(text, start, end) <= 7:
            refers = answer[0]  # "mengatakan tidak ada yang perlu ia tambahkan": no answer on the topic
        elif bare is None or tokens_between(text, start, end) > 3:
            return []
        else:
            refers = bare  # "menyebutnya rekayasa": the dismissal alone points back
    lead = text[start : refers.start].strip(' "“”,')
    dismissal_first = pack.deny_markers.search(text, start, refers.start) is not None
    if tokens_between(lead, 0, len(lead)) > 3 and not dismissal_first:
        return []
    comp = pack.complementizers.search(text, refers.end, min(end, refers.end + 20))
    if comp is not None and tokens_between(text, refers.end, comp.start) <= 1:
        return []  # "kabar bahwa Putin akan hadir": a new proposition, not a back-reference
    dismissive = cue.kind in ("deny", "confirm", "noncommittal") or (
        pack.deny_markers.search(text, start, end) is not None
    )
    inner = [
        c for c in pack.cues_before.find_all(text, start, end) if c.key in ("deny", "noncommittal", "confirm")
    ]
    if not (dismissive or inner):
        return []
    from streams.core.frames import trigger_matcher

    named = {e for h in trigger_matcher(pack.code).finditer(text, start, end) for e in h.key.split("|")}
    pool = [f for f in state.topic_frames if f.event in named] or state.topic_frames
    denial = cue.kind == "deny" or pack.deny_markers.search(text, start, end) is not None
    if denial and speaker is not None and speaker.party:
        # "menepis klaim tersebut": a party rejects someone else's claim, not what it said itself.
        own = {
            c.proposition.event for c in state.claims_by_party.get(speaker.party, []) if c.stance == "affirm"
        }
        pool = [f for f in pool if f.event not in own]
        if not pool:
            return []
        # The nearest claim another party made is a better antecedent than mere narration.
        theirs = [
            c
            for p, cs in state.claims_by_party.items()
            if p != speaker.party
            for c in cs
            if c.stance == "affirm"
        ]
        if theirs:
            latest = max(theirs, key=lambda c: c.span.start).proposition.event
            pool = [f for f in pool if f.event == latest] or pool
    owner = _claim_owner(text, start, end, pack, default_gazetteer())
    if owner is not None and owner in state.owned:
        # "klaim Rusia soal Kursk": what Russia claimed, not merely the last thing described.
        pool = [f for f in pool if f.event == state.owned[owner]] or pool
    f = pool[0]
    agent = owner if owner is not None and event_specs()[f.event].agent == "subject" else f.agent
    gaz = default_gazetteer()
    actor_spans = [(a.start, a.end) for a in gaz.find_actors(text, start, end)]
    # "klaim Moskow soal Kursk": Kursk is what the claim is about; Moskow is its owner.
    named_places = [
        p.key for p in gaz.find_places(text, start, end) if not any(s <= p.start < e for s, e in actor_spans)
    ]
    # The place comes only from what this speaker's clause names: a back-reference has none.
    place = named_places[0] if named_places else None
    return [
        FrameHit(
            f.event,
            agent,
            place,
            Hit(refers.start, refers.end, f.event, refers.text),
            agent_by="context",
            place_by="none",
            measure=f.measure,
            cues=[f"topic:{refers.text}"],
        )
    ]


def _segment_end(text: str, pos: int, end: int, pack: LangPack) -> int:
    """End of the speaker phrase after a verb: "kata X (NATO), Mark Rutte, kepada ..." -> after Rutte."""
    rx = re.compile(
        r"\([^)]{0,40}\)|[,.;:(]|\s(?:dalam|kepada|usai|pada|di|in|to|at|on|during|after|told|when)\s"
    )
    i = pos
    while i < end:
        m = rx.search(text, i, end)
        if m is None:
            return end
        if m.group(0).startswith("(") and m.group(0).endswith(")"):
            i = m.end()
            continue
        if m.group(0) == "," and re.match(r",\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+", text[m.start() : end]):
            # An appositive name: "Sekretaris Jenderal NATO, Mark Rutte,".
            nxt = re.match(r",\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+", text[m.start() : end])
            assert nxt is not None
            after = m.start() + nxt.end()
            # ... unless a clause goes on after the name: "Menurut X, Korea Utara mengirim ...".
            if _APPOSITIVE_END.match(text, after, end) or after >= end:
                i = after
                continue
        return m.start()
    return end


_APPOSITIVE_END = re.compile(
    r"\s*(?:[,.;:(\[]|$)|\s+(?:kepada|pada|di|dalam|usai|saat|ketika|to|on|at|in|during|after|when|told)\b"
)


def _segment_start(text: str, start: int, cue_start: int, pack: LangPack) -> int:
    """Where the next clause (with its own subject) begins, before `cue_start`."""
    best = start
    for m in re.finditer(r"[,;]|\s(?:dan|and|but|tetapi|namun)\s", text[start:cue_start]):
        best = start + m.start()
    return best if best > start else cue_start


def _claims_for(
    article: Article,
    lang: str,
    text: str,
    sent: Sentence,
    attr: Attribution,
    pack: LangPack,
    gaz: Gazetteer,
    state: _State,
) -> list[Claim]:
    if attr.speaker is None or not attr.frames:
        return []
    out: list[Claim] = []
    for spk in (attr.speaker, *attr.co_speakers):
        out.extend(_claims_of_speaker(article, lang, text, sent, attr, spk, pack, gaz, state))
    return out


def _claims_of_speaker(
    article: Article,
    lang: str,
    text: str,
    sent: Sentence,
    attr: Attribution,
    spk: SpeakerRef,
    pack: LangPack,
    gaz: Gazetteer,
    state: _State,
) -> list[Claim]:
    cstart, cend = attr.content
    out: list[Claim] = []
    base = {
        "say": "affirm",
        "report": "affirm",
        "acknowledge": "affirm",
        "confirm": "affirm",
        "deny": "deny",
        "noncommittal": "noncommittal",
    }[attr.cue.kind]
    deny_marker = pack.deny_markers.search(text, cstart, cend)
    hedge = pack.hedges.search(text, min(cstart, spk.start), max(cend, attr.cue.end))
    numbers = [n for n in find_numbers(text[cstart:cend], lang) if getattr(n, "unit_hint", None) is None]
    # When the statement was made: a time phrase around the speaker and verb ("Rusia mengatakan dua
    # hari sebelumnya", "said on Monday"), not one inside what was said ("the treaty signed in June").
    times = [
        t
        for t in find_times(text[sent.start : sent.end], lang, article.published_at)
        if not (cstart <= sent.start + t.start < cend)
    ]
    event_time = _nearest_time(times, attr.cue.start - sent.start, article.published_at)
    recap = None if times else _recap_marker(text, sent, attr, spk, pack)
    inner = [c for c in pack.cues_before.find_all(text, cstart, cend) if c.key in ("deny", "noncommittal")]
    # The evidence span covers what was said, the verb and the speaker when they stand in this
    # sentence ("“…,” kata Rutte"; "… dikonfirmasi oleh Mark Rutte").
    in_sentence = (
        spk.resolved_by not in ("neighbour", "label") and sent.start <= spk.start and spk.end <= sent.end
    )
    lo = min(cstart, spk.start if in_sentence else cstart, attr.cue.start if attr.cue.text else cstart)
    hi = max(cend, attr.cue.end, spk.end if in_sentence else cend)
    for frame in attr.frames:
        if frame.speculative and not frame.uncertain:
            continue
        stance = base
        cues = [f"cue:{attr.cue.text or attr.cue.side}", *frame.cues]
        if recap is not None:
            cues.append(f"recap:{recap.text}")
        if frame.uncertain:
            stance = "noncommittal"
        elif stance == "affirm":
            pre_inner = [c for c in inner if c.start <= frame.trigger.start]
            if pre_inner:
                stance = "deny" if pre_inner[-1].key == "deny" else "noncommittal"
                cues.append(f"inner:{pre_inner[-1].text}")
            elif deny_marker is not None:
                stance = "deny"
                cues.append(f"deny-marker:{deny_marker.text}")
            elif frame.negated:
                stance = "deny"
        elif stance == "deny" and frame.negated:
            stance = "deny"
        modality = "hedged" if (hedge is not None or attr.cue.kind == "report") else "asserted"
        if hedge is not None:
            cues.append(f"hedge:{hedge.text}")
        quantity = _bind_quantity(text, cstart, numbers, frame, attr.frames, pack, gaz)
        prop = make_proposition(frame.event, frame.agent, frame.place, gaz)
        span = Span(start=lo, end=hi)
        speaker = Speaker(
            text=spk.text,
            actor_id=spk.actor_id,
            actor_label=gaz.actors[spk.actor_id].label if spk.actor_id else None,
            party=spk.party,
            role=spk.role,
            resolved_by=spk.resolved_by,
        )
        confidence = 0.9
        if spk.resolved_by in ("pronoun", "role"):
            confidence -= 0.1
        if spk.resolved_by == "neighbour":
            confidence -= 0.15
        if spk.actor_id is None:
            confidence -= 0.3
        if frame.agent_by == "context":
            confidence -= 0.2
        if frame.place_by == "context":
            confidence -= 0.1
        if modality == "hedged":
            confidence -= 0.1
        claim = Claim(
            id=_claim_id(article.id, span, prop.id, spk.actor_id or spk.text),
            article_id=article.id,
            outlet=article.outlet,
            via=article.via,
            language=lang,
            speaker=speaker,
            proposition=prop,
            stance=stance,
            modality=modality,
            quantity=quantity,
            place=frame.place,
            event_time=event_time,
            published_at=article.published_at,
            quote=text[lo:hi],
            span=span,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            syndicated_from=article.syndicated_from,
            cues=cues,
        )
        out.append(claim)
        if spk.party:
            state.claims_by_party.setdefault(spk.party, []).append(claim)
            if claim.stance == "affirm":
                state.owned[spk.party] = claim.proposition.event
    return out


def _recap_marker(
    text: str, sent: Sentence, attr: Attribution, spk: SpeakerRef, pack: LangPack
) -> Hit | None:
    """A recap marker by the speaker and verb ("Moskow sebelumnya menepis", "had earlier denied"),
    or opening the sentence ("Sebelumnya, ..."), outside what was said."""
    cstart, cend = attr.content
    lo = sent.start
    hi = max(attr.cue.end, spk.end if sent.start <= spk.start < sent.end else attr.cue.end)
    for h in pack.recap_markers.finditer(text, lo, min(hi + 1, sent.end)):
        if cstart <= h.start < cend:
            continue
        near_verb = (
            tokens_between(text, h.end, attr.cue.start) <= 2
            or tokens_between(text, attr.cue.end, h.start) <= 1
        )
        if near_verb or tokens_between(text, sent.start, h.start) == 0:
            return h
    return None


def _nearest_time(times: list[TimeMention], pos: int, default: datetime) -> datetime:
    if not times:
        return default
    best = min(times, key=lambda t: abs(t.start - pos))
    when: datetime = best.when
    return when


def _figure_gap_ok(gap: str, pack: LangPack, strong: bool) -> bool:
    """Between a figure and its troop noun only names or owner words ("11,000 North Korean
    troops", "3.000 tentara tambahan"), never ordinary words ("lima tempat pelatihan militer")."""
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", gap)
    if len(words) > 3 or re.search(r"[.;,]", gap):
        return False
    plain = [w for w in words if not (w[:1].isupper() or pack.additional_markers.search(w) is not None)]
    return len(plain) <= (1 if strong else 0)


def _bind_quantity(
    text: str,
    offset: int,
    numbers: list[NumberMention],
    frame: FrameHit,
    frames: list[FrameHit],
    pack: LangPack,
    gaz: Gazetteer,
) -> Quantity | None:
    best: tuple[int, Quantity] | None = None
    if frame.trigger.text.startswith(IMPLICIT):
        return None  # "dua tentara Korea Utara di Kursk" counts captives, not a deployment
    for n in numbers:
        start, end = offset + n.start, offset + n.end
        follow = text[end : end + 60]
        noun = pack.troop_nouns.search(follow)
        if noun is None or not _figure_gap_ok(
            follow[: noun.start], pack, noun.key not in pack.weak_troop_nouns
        ):
            continue
        if _OFFICER_NOUNS.match(follow[noun.start : noun.end + 2]):
            continue
        # The nearest frame's trigger owns the figure (frames split by place share a trigger).
        nearest = min(frames, key=lambda f: abs(f.trigger.start - start))
        if nearest.trigger.start != frame.trigger.start:
            continue
        measure = frame.measure or "troops"
        # Around the figure, not inside it: "More than 10,000" is a bound, not "more troops".
        around = text[max(0, start - 30) : start] + " | " + text[end : end + noun.end + 25]
        if pack.additional_markers.search(around):
            measure = f"{measure}_additional"
        q = Quantity(
            low=n.low,
            high=n.high,
            unit="troops",
            measure=measure,
            text=n.text,
            span=Span(start=start, end=end),
        )
        dist = abs(frame.trigger.start - start)
        if best is None or dist < best[0]:
            best = (dist, q)
    return best[1] if best else None


__all__ = ["EXTRACTOR_VERSION", "Attribution", "Extraction", "extract", "find_troop_nps"]
