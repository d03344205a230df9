"""Step 4: reporting cues outside quotations — "said", "menurut", "was confirmed by", "katanya" —
with the side their speaker stands on and the kind of statement they make."""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.clauses import has_clause_break
from streams.core.context import Reader
from streams.core.doc import Sentence
from streams.core.matching import Hit
from streams.core.tokens import STOPS
from streams.core.vocabulary import keyed_words

# A cue after a comma or closing quote: "..., kata X", "...,” said X".
_PUNCT_BEFORE = re.compile(r"[,”\"’]\s*$")
_PREV_WORD = re.compile(r"(\w+)\W*$")
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")
_CLAUSE = re.compile(r"[.,;:!?]")


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    kind: str  # say | report | confirm | deny | noncommittal | acknowledge
    side: str  # before | after | by | pronoun | according | label | neighbour
    text: str


class _Taken:
    """Cues found so far in a sentence; a later list may not overlap them or a quotation."""

    def __init__(self, ctx: Reader) -> None:
        self.ctx = ctx
        self.cues: list[Cue] = []

    def free(self, h: Hit) -> bool:
        return not self.ctx.doc.quotes.inside(h.start) and not any(
            c.start < h.end and h.start < c.end for c in self.cues
        )

    def add(self, h: Hit, kind: str, side: str) -> None:
        self.cues.append(Cue(h.start, h.end, kind, side, h.text))


def find_cues(ctx: Reader, sent: Sentence) -> list[Cue]:
    taken = _Taken(ctx)
    _opening_participle(ctx, sent, taken)
    _passive_cues(ctx, sent, taken)
    for h in ctx.doc.find(ctx.pack.cues_pronoun, sent.start, sent.end):
        if taken.free(h) and _after_punct(ctx, sent, h):
            taken.add(h, "say", "pronoun")
    for h in ctx.doc.find(ctx.pack.cues_after, sent.start, sent.end):
        if not taken.free(h):
            continue
        if " ".join(h.text.split()).casefold() in ctx.pack.glue.according:
            if not _cited_aside(ctx, sent, h):
                taken.add(h, "say", "according")
        elif (
            _after_punct(ctx, sent, h)
            and _speaker_follows(ctx, sent, h)
            and not _after_relative(ctx, sent, h)
            and not _opens_complement(ctx, sent, h)
        ):
            taken.add(h, h.key, "after")  # "..., kata X" / "...,” said X"
    for h in ctx.doc.find(ctx.pack.cues_before, sent.start, sent.end):
        kind = _verb_kind(ctx, sent, h, taken) if taken.free(h) else None
        if kind is not None:
            taken.add(h, kind, "before")
    if ctx.headline:
        # "Rusia Klaim Drone Ukraina Serang ...": a headline drops the verb's prefix.
        for h in ctx.doc.find(keyed_words(ctx.pack.code, "headline_cues"), sent.start, sent.end):
            if taken.free(h) and not _THANKS_TO.match(ctx.text, h.end) and not _verb_object(ctx, taken, h):
                taken.add(h, h.key, "before")
    cues = sorted(taken.cues, key=lambda c: c.start)
    # "she said, adding that ...": a participle right after a verb goes on with that verb's content
    # (after an outlet's verb, "Yonhap reported, citing the NIS" names the source: kept).
    gerund = ctx.pack.glue.gerund_suffixes
    return [
        c
        for i, c in enumerate(cues)
        if (c.side == "according" and i and _outlet_before(ctx, sent, cues[i - 1]))
        or not (i and gerund and c.text.casefold().endswith(gerund) and c.start - cues[i - 1].end <= 3)
    ]


_OBJECT_REACH = 2  # words between a verb of saying and its object noun ("rejects India's claim")


def _verb_object(ctx: Reader, taken: _Taken, h: Hit) -> bool:
    """ "Kremlin rejects claims of attack on ...", "Pakistan rejects India's claim of ...": after a
    verb of saying (its owner between) the word is its object, a noun, not a headline's verb."""
    return any(
        c.end <= h.start
        and ctx.words(c.end, h.start) <= _OBJECT_REACH
        and not STOPS.search(ctx.text, c.end, h.start)
        for c in taken.cues
    )


def _outlet_before(ctx: Reader, sent: Sentence, verb: Cue) -> bool:
    """The verb's subject, right before it, is a news outlet ("..., Yonhap reported")."""
    actors = ctx.mentions.actors(max(sent.start, verb.start - 40), verb.start)
    return bool(actors) and ctx.words(actors[-1].end, verb.start) == 0 and ctx.gaz.is_media(actors[-1].key)


_ASIDE_END = re.compile(r"[^,.;:!?]{1,100},\s*")


def _cited_aside(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """ "Lee Seong-kweun, citing intelligence data, said ...": the source an aside cites is not
    the speaker; the subject before it speaks (an outlet before it would be no speaker, so there the
    cited source is kept: "Yonhap, citing the NIS, reported")."""
    if not ctx.text[max(sent.start, h.start - 3) : h.start].rstrip().endswith(","):
        return False
    aside = _ASIDE_END.match(ctx.text, h.end, sent.end)
    if aside is None:
        return False
    verb = ctx.doc.first(ctx.pack.cues_before, aside.end(), min(sent.end, aside.end() + 40))
    if verb is None or ctx.words(aside.end(), verb.start) > 2:
        return False
    subject = ctx.mentions.actors(sent.start, h.start)
    return not any(ctx.gaz.is_media(a.key) for a in subject)


_THANKS_TO = re.compile(r"\s+to\b")  # "thanks to the drones": a cause, not a verb
_FIRST_WORD = re.compile(r"[“\"‘]?\s*([A-Z][a-z]+)\b")


def _opening_participle(ctx: Reader, sent: Sentence, taken: _Taken) -> None:
    """ "Denying the reports, the Kremlin said ...", "Membantah laporan itu, Kremlin ...": a
    participle opening the sentence, its clause closed by a comma (the speaker follows it)."""
    first = _FIRST_WORD.match(ctx.text, sent.start, sent.end)
    if first is None:
        return
    kind = opening_kind(ctx, first.group(1))
    if kind is None or ", " not in ctx.text[first.end() : sent.end]:
        return
    hit = Hit(first.start(1), first.end(1), kind, first.group(1))
    if taken.free(hit):
        taken.add(hit, kind, "opening")


def opening_kind(ctx: Reader, word: str) -> str | None:
    return keyed_words(ctx.pack.code, "opening_participles").key_of(word)


def _passive_cues(ctx: Reader, sent: Sentence, taken: _Taken) -> None:
    by = ctx.pack.cues_by
    for m in ctx.doc.sentence_matches(by.pattern, sent):
        kind = by.kind_of(m.group(0)) or "say"
        if kind == "accuse" and not _accused_right_before_by(ctx, m.group(0)):
            continue  # "accused 'criminals sponsored by Serbia' of ...": an active verb, its own object
        hit = Hit(m.start(), m.end(), kind, m.group(0))
        if taken.free(hit):
            taken.add(hit, kind, "by")


def _accused_right_before_by(ctx: Reader, text: str) -> bool:
    """A passive accusation has its marker right after the verb ("was blamed by"), not after the
    words an active verb governs."""
    words = text.casefold().split()
    return len(words) >= 2 and keyed_words(ctx.pack.code, "passive_accusations").key_of(words[-2]) is not None


def _passive_before(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """ "was blamed": an auxiliary right before a participle (not "are blaming each other")."""
    if h.text.casefold().endswith(ctx.pack.glue.gerund_suffixes or ("\0",)):
        return False
    aux = ctx.doc.last(ctx.pack.words("passive_auxiliaries"), max(sent.start, h.start - 12), h.start)
    return aux is not None and ctx.words(aux.end, h.start) == 0


def _after_punct(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    return _PUNCT_BEFORE.search(ctx.text, max(sent.start, h.start - 4), h.start) is not None


_RELATIVE_BEFORE = re.compile(r",\s*(?:who|citing|quoting|speaking)\b[^,]{1,120},\s*$", re.IGNORECASE)


def _after_relative(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """ "X, who arrived on Monday, said P": the verb's subject stands before the relative clause."""
    return _RELATIVE_BEFORE.search(ctx.text, max(sent.start, h.start - 140), h.start) is not None


def _opens_complement(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """ "X, speaking on condition of anonymity, said Thursday that P": a complementiser right
    after the verb opens what was said; the speaker stood before the verb."""
    comp = ctx.doc.first(ctx.pack.complementizers, h.end, min(sent.end, h.end + 30))
    if comp is None or "," in ctx.text[h.end : comp.start]:
        return False  # "said Rutte, adding that ...": the name is the speaker
    if ctx.words(h.end, comp.start) == 0:
        return True
    # Only a time may stand between: "said Thursday that", "mengatakan Senin bahwa".
    return any(t.start <= h.end + 1 and t.end >= comp.start - 1 for t in ctx.doc.times(sent))


def _speaker_follows(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """Only when a name (or a role, pronoun, analyst) follows closely."""
    pack = ctx.pack
    hi = min(sent.end, h.end + 60)
    first = pack.glue.next_word.match(ctx.text, h.end, hi)
    if first is None:
        return False
    word = first.group(1)
    role = ctx.doc.first(pack.roles, h.end, hi)
    # "..., wrote the head of the Ukrainian office": a party named a few words on.
    owner = next(iter(ctx.mentions.owners(h.end, hi)), None)
    named = (
        owner is not None
        and ctx.words(h.end, owner.start) <= 6
        and not _CLAUSE.search(ctx.text, h.end, owner.start)
        and ctx.doc.first(pack.complementizers, h.end, owner.start) is None
    )
    if owner is not None and _clause_goes_on(ctx, sent, owner):
        return False  # "X, a spokesperson for Y, said a Chinese vessel rammed ...": its subject
    return (
        named
        or word[:1].isupper()
        or (role is not None and ctx.words(h.end, role.start) <= 2)
        or pack.pronouns.search(word) is not None
        or pack.unaffiliated.search(word) is not None
    )


def _verb_follows(ctx: Reader, h: Hit) -> bool:
    """An active verb (by its prefix) right after the word: "menolak membentuk" (not "menolak
    bertanggung jawab", which rejects a part in the act)."""
    nxt = ctx.pack.glue.next_word.match(ctx.text, h.end, min(len(ctx.text), h.end + 30))
    if nxt is None or ctx.text[h.end : nxt.start(1)].strip():
        return False
    word = nxt.group(1).casefold()
    return word.startswith(tuple(ctx.pack.glue.verbal_prefixes)) and len(word) > 4


def _appealed_to(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """The verb is what someone urges its subject to do: an appeal verb, its addressee, then the
    verb ("mendesak TNI mengakui", "urged the army to admit") (lang data `appeal_verbs`)."""
    appeal = ctx.doc.last(ctx.pack.words("appeal_verbs"), max(sent.start, h.start - 60), h.start)
    if appeal is None or _CLAUSE.search(ctx.text, appeal.end, h.start):
        return False
    # (the addressee may be a few nouns long: "pimpinan militer dan polisi Indonesia segera mengakui")
    return 1 <= ctx.words(appeal.end, h.start) <= 7


def _obliged(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """An obligation right before the verb, an adverb at most between ("harus segera mengakui",
    "must immediately admit"): what its subject ought to say, not what it said."""
    must = ctx.doc.last(ctx.pack.words("obligation_markers"), max(sent.start, h.start - 30), h.start)
    return (
        must is not None
        and ctx.words(must.end, h.start) <= 1
        and not _CLAUSE.search(ctx.text, must.end, h.start)
    )


def _clause_goes_on(ctx: Reader, sent: Sentence, owner: Hit) -> bool:
    """An event verb follows the party named after the cue, in the same clause."""
    stop = _CLAUSE.search(ctx.text, owner.end, sent.end)
    hi = stop.start() if stop else sent.end
    return bool(ctx.mentions.triggers(owner.end, hi))


def _verb_kind(ctx: Reader, sent: Sentence, h: Hit, taken: _Taken) -> str | None:
    """The kind of a speaker-before cue, or None when the word is no reporting verb here."""
    text, pack = ctx.text, ctx.pack
    if pack.modifier_first and pack.glue.noun_complement.match(text, h.end, h.end + 4):
        return None  # "estimates of North Korean losses", "reports of": a noun, not a verb
    if h.key == "accuse" and _passive_before(ctx, sent, h):
        return None  # "the PKK was blamed on Monday by Turkey": the subject is the one blamed
    if _POSSESSIVE_BEFORE.search(text, max(sent.start, h.start - 4), h.start):
        return None  # "Tehran's alleged role", "the army's reported losses": an adjective
    prev_word = _PREV_WORD.search(text, max(sent.start, h.start - 15), h.start)
    if prev_word is not None and prev_word.group(1).casefold() in pack.cue_blockers:
        # "an estimated 1,500", "the reported deployment": adjectives, not verbs; but "klaim
        # intelijen Ukraina yang menyebut P" is a claim whose owner says P.
        noun = ctx.doc.first(pack.claim_nouns, max(sent.start, h.start - 60), h.start)
        earlier = any(
            c.start < h.start for c in taken.cues
        )  # "membantah klaim X yang menyebut P": P is denied
        # "Pakistan, yang membantah terlibat": after a comma the clause tells what the party before it said
        aside = text[max(sent.start, prev_word.start(1) - 2) : prev_word.start(1)].strip() == ","
        if (noun is None or ctx.words(noun.end, h.start) > 6 or earlier) and not aside:
            return None
    if pack.words("refusal_verbs").key_of(h.text) is not None and _verb_follows(ctx, h):
        return None  # "menolak menarik pasukannya": a refusal to act asserts no fact
    if pack.words("holding_verbs").key_of(h.text) is not None and not _held_responsible(ctx, sent, h):
        return None  # "held talks", "menganggap penting": only "held X responsible" accuses
    appeal = ctx.doc.first(pack.words("appeal_phrases"), h.start, h.end + 8)
    if appeal is not None and appeal.start == h.start:
        return None  # "called on China to stop", "called for restraint": a demand asserts no fact
    if _appealed_to(ctx, sent, h) or _obliged(ctx, sent, h):
        return None  # "mendesak TNI mengakui ...", "harus segera mengakui": owed, not made
    kind = h.key
    purpose = prev_word is not None and pack.words("purpose_markers").key_of(prev_word.group(1)) is not None
    if kind in ("confirm", "noncommittal") and purpose:
        return None  # "untuk memastikan ...": to ensure; "a panel to investigate whether ...": its task
    if kind in ("deny", "confirm", "say", "acknowledge") and negated_before(ctx, h.start, sent.start):
        modal = ctx.doc.first(pack.modal_negation, max(sent.start, h.start - 30), h.start)
        if kind != "deny" and modal is None:
            return None  # "has not acknowledged": the outlet describing silence, not a statement
        kind = "noncommittal"  # "did not deny", "cannot yet confirm"
    return kind


def _held_responsible(ctx: Reader, sent: Sentence, h: Hit) -> bool:
    """ "holds Israel responsible for", "menganggap Israel bertanggung jawab atas": a holding verb
    accuses when a responsibility word follows its object."""
    word = ctx.doc.first(ctx.pack.words("responsibility_words"), h.end, min(sent.end, h.end + 60))
    if word is None or "," in ctx.text[h.end : word.start]:
        return False
    return 1 <= ctx.words(h.end, word.start) <= 4


def negated_before(ctx: Reader, pos: int, lo: int) -> bool:
    """ "did not deny" / "tidak pernah secara resmi mengakui" / "Neither Moscow nor Pyongyang has"."""
    neg = ctx.doc.last(ctx.pack.negators, max(lo, pos - 40), pos)
    if neg is None:
        return False
    gap = ctx.words(neg.end, pos)
    return gap <= 2 or (gap <= 4 and not has_clause_break(ctx, neg.end, pos))
