"""Forces present by the post they hold: who has, runs or uses a command post somewhere has forces
there ("Hamas operates a command node under the hospital", "Hamas memiliki pusat komando di bawah
RS Al-Shifa", "pusat komando Hamas"). The post nouns are troops_deployed triggers (frames.yaml);
the verbs of holding are lang data (`post_holding_verbs`)."""

from __future__ import annotations

from streams.core.matching import Hit
from streams.core.scope import TriggerReading
from streams.core.tokens import STOPS

_REACH = 60  # characters before the post noun where its holder is looked for
_MAX_GAP = 6  # words between the holder and the post ("uses the Al-Shifa hospital as a")


def is_post(t: TriggerReading) -> bool:
    """The trigger is a post noun ("command centre", "pusat komando"): it needs no troop noun."""
    return t.ctx.pack.words("post_nouns").key_of(t.trig.text) is not None


def base_holder(t: TriggerReading) -> bool:
    """Set the agent of a post noun to its holder: the party right before it ("a Hamas command
    post") or before it with only verbs of holding, articles and "as"/"sebagai" between, or the
    party right after it ("pusat komando Hamas")."""
    ctx, trig = t.ctx, t.trig
    if not is_post(t):
        return False
    lo, hi = max(t.scope.start, trig.start - _REACH), min(t.scope.end, trig.end + 30)
    named = sorted([*ctx.mentions.owners(lo, hi), *ctx.mentions.groups(lo, hi)], key=lambda h: h.start)
    before = [h for h in named if h.end <= trig.start]
    after = [h for h in named if h.start >= trig.end]
    holder = None
    if before and (ctx.words(before[-1].end, trig.start) == 0 or _holds(t, before[-1])):
        holder = before[-1]
    elif after and ctx.words(trig.end, after[0].start) == 0:
        holder = after[0]
    if holder is None:
        return False
    groups = ctx.mentions.groups(holder.start, holder.end)
    t.frame.agent = holder.key if holder in groups else ctx.gaz.party_of(holder.key)
    t.frame.agent_by = "explicit"
    t.agent_span.append((holder.start, holder.end))
    return t.frame.agent is not None


def _holds(t: TriggerReading, h: Hit) -> bool:
    """ "Hamas operates a", "Hamas memiliki", "Hamas menggunakan RS itu sebagai": a verb of
    holding right after the party, then nothing but articles (or what is used "as" the post)."""
    ctx, trig = t.ctx, t.trig
    words = ctx.doc.word_list(h.end, trig.start)
    if not words or len(words) > _MAX_GAP or STOPS.search(ctx.text, h.end, trig.start):
        return False
    holding, articles = ctx.pack.words("post_holding_verbs"), ctx.pack.glue.articles
    if holding.key_of(words[0]) is None:
        return False
    rest = [w for w in words[1:] if w.casefold() not in articles and holding.key_of(w) is None]
    as_words = ctx.pack.words("as_words")
    return not rest or (as_words.key_of(words[-1]) is not None or as_words.key_of(rest[-1]) is not None)
