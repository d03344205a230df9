"""Speakers named only by what points back: a bare role ("the spokesman"), a pronoun, "the
agency"/"kementerian itu", a surname ("Jeon" after "Jeon Ha-kyou"), "the statement said"."""

from __future__ import annotations

import re
from dataclasses import replace

from streams.core.compose import compose
from streams.core.context import Reader
from streams.core.discourse import SpeakerRef, whole_party
from streams.core.gazetteer import Gazetteer
from streams.core.home import is_state
from streams.core.lemmas import known_word
from streams.core.matching import Hit
from streams.core.people_found import recall
from streams.core.places_found import time_words

NAME = re.compile(r"(?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){0,3}")
_LETTERS = re.compile(r"[^\W\d_]+")
_OFFICE_BEFORE_NAME = re.compile(r"[^.;:]{0,40},\s*")
_APPOSITIVE = re.compile(r",\s+([^,.;:]{3,60})")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def ref(at: SpeakerRef, to: SpeakerRef | None, how: str, *, role: str | None = None) -> SpeakerRef:
    """The phrase `at` standing for `to` (or for no one known)."""
    if to is None:
        return SpeakerRef(at.start, at.end, at.text, None, None, role, how)
    return at.as_resolved(to, how, role=role)


def statement_issuer(ctx: Reader, start: int, end: int) -> SpeakerRef | None:
    """ "'…,' the statement said": the institution that last spoke issued it."""
    stmt = ctx.doc.first(ctx.pack.statement_nouns, max(start, end - 30), end)
    if stmt is None or ctx.words(stmt.end, end) > 1:
        return None
    for issuer in reversed(ctx.state.discourse.speakers):
        if (
            issuer.actor_id
            and issuer.start < start
            and ctx.gaz.actors[issuer.actor_id].kind in ("org", "party")
        ):
            return SpeakerRef(
                stmt.start, stmt.end, stmt.text, issuer.actor_id, issuer.party, issuer.role, "role"
            )
    return None


def role_speaker(
    ctx: Reader, best: SpeakerRef, refs: list[SpeakerRef], start: int, end: int, nearest_end: bool
) -> SpeakerRef:
    """A role with no actor of its own ("the spokesman", "Deputy ambassador Robert Wood")."""
    disc, role = ctx.state.discourse, best.role
    # "At the Pentagon, deputy press secretary X said": the institution named in the segment.
    orgs = [r for r in refs if r.actor_id and ctx.gaz.actors[r.actor_id].kind == "org"]
    if orgs:
        return ref(best, orgs[-1] if nearest_end else orgs[0], "role", role=role)
    # "a spokesperson for the Philippine Navy", "spokesman of Hamas": whose office it is.
    office = next((r for r in refs if r.party and _office_of(ctx, best, r)), None)
    if office is not None:
        return ref(best, office, "role", role=role)
    found = _found_group_office(ctx, best, start, end)
    if found is not None:
        return found  # "MNDAA spokesman Li Jiawen", "a spokesman for the Arakan Army"
    group = _group_owner(ctx, best, start, end)
    if group is not None:
        # "the group's military spokesperson": the phrase spans its owner word
        lo, hi = min(best.start, group[0]), max(best.end, group[1])
        phrase = SpeakerRef(lo, hi, ctx.text[lo:hi], None, None, role, "")
        return ref(phrase, group[2], "role", role=role)
    seat = _seat_office(ctx, best, end) or _country_office(ctx, best, start, end)
    if seat is not None:
        return seat
    new_name = NAME.match(ctx.text, best.end + 1) if best.end + 1 < end else None
    if new_name is not None and new_name.group(0).casefold() not in ctx.pack.stopwords:
        known = _known_holder(ctx, best, new_name, start)
        if known is not None:
            return known  # "Defence Minister Rajnath Singh" after "India's defence minister, Rajnath Singh"
        # A role with a new name is someone new; the party is the one the previous sentence opened
        # with ("The United States did not let that pass.") — only when the role opens the clause:
        # "At the United Nations, spokesman X said" has moved to another scene.
        lead = disc.sentence_subject if ctx.words(start, best.start) <= 1 else None
        named = SpeakerRef(
            best.start, new_name.end(), ctx.text[best.start : new_name.end()], None, None, role, ""
        )
        if lead is None:
            return home_office(ctx, named, role) or ref(named, None, "unknown", role=role)
        return ref(named, lead, "role", role=role)
    # "intelijen kami" / "our intelligence": the side of whoever is speaking (an interviewee).
    mine = ctx.doc.first(ctx.pack.first_person, max(start, best.start - 6), min(end, best.end + 8))
    last = disc.last_speaker()
    if mine is not None and last is not None and last.party is not None:
        return ref(best, last, "pronoun", role=role)
    earlier = disc.last_with_role(role or "", start) or _kin_holder(ctx, role, start)
    if earlier is not None:
        return ref(best, earlier, "role", role=role)
    if last is not None and role in ctx.tuning.successor_roles:
        # "dinas intelijen" right after "Intelijen Pertahanan Ukraina" spoke.
        if last.role == role or (last.actor_id and ctx.gaz.actors[last.actor_id].role == role):
            return ref(best, last, "role", role=role)
    return home_office(ctx, best, role) or ref(best, None, "unknown", role=role)


def _possessive(ctx: Reader, span: Hit | SpeakerRef) -> bool:
    """ "Azerbaijan's", "the bloc's": the words end in (or are followed by) a possessive 's."""
    return span.text.endswith(("'s", "’s")) or ctx.text[span.end : span.end + 2] in ("'s", "’s")


def _seat_office(ctx: Reader, best: SpeakerRef, end: int) -> SpeakerRef | None:
    """ "Kementerian Pertahanan di Kyiv", "the defence ministry in Kyiv": an office named with the
    place it sits in, right after it, is that state's."""
    if best.role not in ctx.tuning.home_roles:
        return None  # (a state's offices; not "media di Kosovo utara")
    prep = ctx.doc.first(ctx.pack.locative_preps, best.end, min(end, best.end + 8))
    if prep is None or ctx.words(best.end, prep.start) > 0:
        return None
    place = next(iter(ctx.mentions.places(prep.end, min(end, prep.end + 40))), None)
    if place is None or ctx.words(prep.end, place.start) > 0 or _possessive(ctx, place):
        return None  # ("authorities in Azerbaijan's breakaway region": that region's)
    state = ctx.gaz.party_at(place.key)
    if state is None or not is_state(ctx.gaz, state):
        return None
    actor = ctx.gaz.actor_with_role(state, best.role or "") or state
    return SpeakerRef(best.start, best.end, best.text, actor, state, best.role, "role")


def _country_office(ctx: Reader, best: SpeakerRef, start: int, end: int) -> SpeakerRef | None:
    """ "the country's defence minister", "menteri pertahanan negara itu": the office of the one
    country the sentence names before it (else of the country the sentence before opened with)."""
    hit = _owner_word(ctx, best, "country_anaphors", (start, end), 30, 1)
    if hit is None or (ctx.pack.modifier_first and not _possessive(ctx, hit)):
        return None
    state = _one_country_before(ctx, hit.start)
    if state is None:
        return None
    lo, hi = min(best.start, hit.start), max(best.end, hit.end)
    actor = ctx.gaz.actor_with_role(state, best.role or "") or state
    return SpeakerRef(lo, hi, ctx.text[lo:hi], actor, state, best.role, "role")


def _one_country_before(ctx: Reader, before: int) -> str | None:
    """The country named in the sentence before `before` when it names exactly one; with none,
    the country the sentence before opened with."""
    gaz = ctx.gaz
    lo = ctx.sentence.start
    named = [gaz.party_of(h.key) for h in ctx.mentions.owners(lo, before)]
    named += [gaz.party_at(h.key) for h in ctx.mentions.places(lo, before)]
    countries = {p for p in named if p is not None and _is_country(gaz, p)}
    if len(countries) == 1:
        return countries.pop()
    subject = ctx.state.discourse.sentence_subject
    if countries or subject is None or subject.party is None or not _is_country(gaz, subject.party):
        return None
    return subject.party


def _kin_holder(ctx: Reader, role: str | None, start: int) -> SpeakerRef | None:
    """ "the minister" after "Russia's foreign minister": the last holder of a kindred role."""
    kin = ctx.tuning.role_kin.get(role or "", ())
    found = [r for k in kin if (r := ctx.state.discourse.last_with_role(k, start)) is not None]
    return max(found, key=lambda r: r.start, default=None)


def home_office(ctx: Reader, at: SpeakerRef, role: str | None) -> SpeakerRef | None:
    """ "the army said" in a story plainly about one state: that state's army (home.py)."""
    settings = ctx.tuning
    if role not in settings.home_roles:
        return None
    home = ctx.mentions.home(settings.home_least, settings.home_lead)
    if home is None:
        return None
    actor = ctx.gaz.actor_with_role(home, role) or home
    return SpeakerRef(at.start, at.end, at.text, actor, home, role, "home")


def _known_holder(ctx: Reader, best: SpeakerRef, name: re.Match[str], start: int) -> SpeakerRef | None:
    """The office named with a person already known to hold it for a party — earlier in this
    article, or in an earlier one (the stance store's people) — is that party's."""
    phrase = SpeakerRef(best.start, name.end(), ctx.text[best.start : name.end()], None, None, best.role, "")
    earlier = _earlier_person(ctx, name.group(0), start)
    if earlier is not None and earlier.party is not None and earlier.role in (None, best.role):
        return ref(phrase, earlier, "name", role=best.role)
    person = recall(ctx, name.group(0))
    if person is None or person.party is None or person.role not in (None, best.role):
        return None
    if person.name not in ctx.state.learned:
        ctx.state.recalled.add((phrase.start, phrase.end))
    return SpeakerRef(phrase.start, phrase.end, phrase.text, person.actor_id, person.party, best.role, "name")


def _found_group_office(ctx: Reader, best: SpeakerRef, start: int, end: int) -> SpeakerRef | None:
    """A role of a group the gazetteer does not know, named right before it or after "for/of"."""
    for g in ctx.mentions.groups(max(start, best.start - 60), min(end, best.end + 40)):
        before = g.end <= best.start and ctx.words(g.end, best.start) == 0
        after = g.start >= best.end and ctx.words(best.end, g.start) <= 2
        inside = g.start <= best.start and best.end <= g.end  # "... Alliance Army": the name's own head
        if before or after or inside:
            lo, hi = min(best.start, g.start), max(best.end, g.end)
            return SpeakerRef(lo, hi, ctx.text[lo:hi], None, g.key, best.role, "role")
    return None


def _owner_word(
    ctx: Reader, best: SpeakerRef, key: str, bounds: tuple[int, int], reach: int, gap: int
) -> Hit | None:
    """A word of the list `key` naming the role's owner: before the role in English order ("the
    group's spokesperson"), after it in Indonesian ("juru bicara kelompok tersebut"), at most `gap`
    words away."""
    words, (start, end) = ctx.pack.words(key), bounds
    if ctx.pack.modifier_first:
        hit = ctx.doc.last(words, max(start, best.start - reach), best.start)
        near = hit is not None and ctx.words(hit.end, best.start) <= gap
    else:
        hit = ctx.doc.first(words, best.end, min(end, best.end + reach))
        near = hit is not None and ctx.words(best.end, hit.start) <= gap
    return hit if near else None


def _group_owner(ctx: Reader, best: SpeakerRef, start: int, end: int) -> tuple[int, int, SpeakerRef] | None:
    """ "the group's military spokesperson", "juru bicara kelompok tersebut": the armed group (a
    party that is no state) last named, in this sentence or before."""
    hit = _owner_word(ctx, best, "group_anaphors", (start, end), 40, 2)
    if hit is None:
        return None
    cand = _last_group(ctx, hit.start)
    return (hit.start, hit.end, cand) if cand is not None else None


def _last_group(ctx: Reader, before: int, *, nearest: bool = False) -> SpeakerRef | None:
    """The armed group (a party that is no state) last named before `before`, in this sentence or
    the ones before; with `nearest`, only if no other body that is no state was named after it
    ("the organisation" after Human Rights Watch is HRW, not the militia named before it)."""
    gaz, disc = ctx.gaz, ctx.state.discourse
    here = [
        SpeakerRef(h.start, h.end, h.text, h.key, gaz.party_of(h.key), None, "alias")
        for h in ctx.mentions.actors(ctx.sentence.start, before)
    ]
    for cand in reversed([r for r in disc.mentions if r.start < ctx.sentence.start] + here):
        party = cand.party
        if (
            party is not None
            and party in gaz.actors
            and gaz.actors[party].kind == "party"
            and not _is_country(gaz, party)
        ):
            return None if nearest and _body_named_between(ctx, cand.end, before) else cand
        body = gaz.actors.get(cand.actor_id or "")
        if nearest and body is not None and body.kind == "org":
            return None
    return None


_MULTIWORD_NAME = re.compile(r"\b[A-Z][\w\-]+(?:\s+(?:of\s+|for\s+)?[A-Z][\w\-]+)+")


def _body_named_between(ctx: Reader, lo: int, hi: int) -> bool:
    """A name of several capitalised words that is no known actor ("Human Rights Watch") stands
    between the group and the anaphor: "the organisation" may be that body."""
    for m in _MULTIWORD_NAME.finditer(ctx.text, lo, hi):
        if not ctx.mentions.actors(m.start(), m.end()):
            return True
    return False


def group_speaker(ctx: Reader, start: int, end: int) -> SpeakerRef | None:
    """ "the militants said", "kelompok itu mengatakan": the armed group last named speaks."""
    return _anaphor_group(ctx, start, end, "group_subject_anaphors")


_ORGANISATION_REACH = 400  # characters: about the sentence before


def organisation_speaker(ctx: Reader, start: int, end: int) -> SpeakerRef | None:
    """ "organisasi itu membantah": the armed group last named, unless another body was named after
    it (the word "organisation" is a role word too, so this is tried before the role's state)."""
    return _anaphor_group(ctx, start, end, "organisation_anaphors")


def _anaphor_group(ctx: Reader, start: int, end: int, words: str) -> SpeakerRef | None:
    noun = ctx.doc.last(ctx.pack.words(words), start, end)
    if noun is None or ctx.words(noun.end, end) > 1 or ctx.words(start, noun.start) > 1:
        return None
    body = words == "organisation_anaphors"
    cand = _last_group(ctx, noun.start, nearest=body)
    if body and cand is not None and noun.start - cand.start > _ORGANISATION_REACH:
        return None  # named long before: "the organisation" is more likely the body that spoke last
    if cand is None:
        return None
    return SpeakerRef(noun.start, noun.end, noun.text, cand.actor_id, cand.party, None, "neighbour")


def group_of_a_country(ctx: Reader, ref: SpeakerRef) -> SpeakerRef | None:
    """ "the leader of the Lebanese militant group", "pemimpin kelompok militan Lebanon": a state's
    name describing a group (group words right after it, or before it in Indonesian order) tells
    where the group is from; the group speaks — the armed group last named, else no one known."""
    if ref.party is None or not _is_country(ctx.gaz, ref.party):
        return None
    pack = ctx.pack
    nouns, mods = pack.words("group_nouns"), pack.words("group_modifiers")
    # (the phrase may hold a role before the name: "Pemimpin kelompok militan Lebanon")
    lo = max(ref.start, ctx.text.rfind(ref.text, ref.start, ref.end))
    hi = lo + len(ref.text)
    if pack.modifier_first:
        near = ctx.doc.word_list(hi, min(len(ctx.text), hi + 40))[:3]
    else:
        near = list(reversed(ctx.doc.word_list(max(0, lo - 40), lo)))[:3]
    for word in near:
        if nouns.key_of(word) is not None:
            group = _last_group(ctx, lo)
            return (
                ref.as_resolved(group, "neighbour")
                if group is not None
                else replace(ref, actor_id=None, party=None)
            )
        if mods.key_of(word) is None:
            return None
    return None


_NAME_TAIL = re.compile(r"(?:['’]s)?(?:\s+(?:[A-Z][\w\-]*|of|the|for|and))*\s+")


def _office_of(ctx: Reader, role: SpeakerRef, owner: SpeakerRef) -> bool:
    """The owner follows the role word, joined only by "for"/"of"/"the", or opens the name the role
    word ends ("Ukraine's Main Directorate of Intelligence")."""
    if owner.end <= role.start:
        return _NAME_TAIL.fullmatch(ctx.text, owner.end, role.start) is not None
    if owner.start < role.end:
        return False
    between = ctx.doc.word_list(role.end, owner.start)
    particles = ctx.pack.glue.name_particles
    # "a spokesman at the Iranian foreign ministry": a state's office, where the role works
    at = ctx.pack.words("office_workplace_preps") if owner.role is not None else None
    return 0 < len(between) <= 2 and all(
        w.casefold() in particles or (at is not None and at.key_of(w) is not None) for w in between
    )


def pronoun_speaker(ctx: Reader, start: int, end: int, nearest_end: bool) -> SpeakerRef | None:
    """ "Dia mengatakan", "He said": the last person, or the last speaker."""
    pron = ctx.doc.last(ctx.pack.pronouns, start, end)
    if pron is None or (nearest_end and ctx.words(pron.end, end) > 3):
        return None
    disc = ctx.state.discourse
    if pron.key == "person":
        last = disc.last_speaker()
        target = disc.last_person(ctx.gaz, start) or (
            last if last is not None and not whole_party(last, ctx.gaz) else None
        )
    else:
        target = disc.last_speaker()
    if target is None:
        return None
    return SpeakerRef(pron.start, pron.end, pron.text, target.actor_id, target.party, target.role, "pronoun")


def _noun_by(
    ctx: Reader, dem_start: int, dem_end: int, start: int, end: int, reach: int
) -> tuple[int, int, str | None]:
    """The word a demonstrative qualifies: before it ("lembaga itu") or after ("the agency")."""
    if ctx.pack.modifier_first:
        lo, hi = dem_end, min(end, dem_end + reach)
        words = _LETTERS.findall(ctx.text, lo, hi)
        return lo, hi, words[0] if words else None
    lo, hi = max(start, dem_start - reach), dem_start
    words = _LETTERS.findall(ctx.text, lo, hi)
    return lo, hi, words[-1] if words else None


def institution_speaker(ctx: Reader, start: int, end: int) -> SpeakerRef | None:
    """ "lembaga itu" / "the agency": the latest institution named or heard before, preferring one
    named with that noun ("Kementerian Pertahanan Inggris ... kementerian itu")."""
    disc, gaz = ctx.state.discourse, ctx.gaz
    for dem in ctx.doc.find(ctx.pack.demonstratives, start, end):
        lo, hi, word = _noun_by(ctx, dem.start, dem.end, start, end, 20)
        noun = (word or "").casefold()
        if noun not in ctx.pack.generic_org_nouns:
            continue
        pool = [
            r
            for r in disc.speakers
            if r.actor_id and r.start < start and gaz.actors[r.actor_id].kind in ("org", "party")
        ]
        named = [
            r for r in pool + disc.mentions if r.actor_id and r.start < start and noun in r.text.casefold()
        ]
        for target in sorted(named or pool, key=lambda r: r.start, reverse=True)[:1]:
            phrase = f"{ctx.text[lo:hi].strip()} {dem.text}".strip()
            return SpeakerRef(dem.start, dem.end, phrase, target.actor_id, target.party, target.role, "role")
    return None


def country_speaker(ctx: Reader, start: int, end: int) -> SpeakerRef | None:
    """ "the country has admitted", "negara itu mengakui": the state last named, in this sentence
    or the ones before."""
    gaz, disc = ctx.gaz, ctx.state.discourse
    noun = ctx.doc.last(ctx.pack.words("country_anaphors"), start, end)
    if noun is None or ctx.words(noun.end, end) > 2:
        return None
    if _possessive(ctx, noun):
        # "the country's health ministry": an office of one country; with two named, no guess.
        state = _one_country_before(ctx, noun.start)
        phrase = ctx.text[noun.start : end].strip()
        return (
            None
            if state is None
            else SpeakerRef(noun.start, noun.start + len(phrase), phrase, state, state, None, "role")
        )
    # The subject the sentence opened with ("Iran's military shot down a Ukrainian plane, the
    # country admitted"), else the one the sentence before opened with, else the last named.
    here = [gaz.party_of(h.key) for h in ctx.mentions.owners(ctx.sentence.start, noun.start)]
    before = disc.sentence_subject.party if disc.sentence_subject is not None else None
    earlier = [r.party for r in reversed(disc.mentions) if r.start < ctx.sentence.start]
    for party in [*here[:1], before, *earlier]:
        if party is not None and _is_country(gaz, party):
            return SpeakerRef(noun.start, noun.end, noun.text, party, party, None, "neighbour")
    return None


def _is_country(gaz: Gazetteer, party: str) -> bool:
    place = gaz.party_place(party)
    return place is not None and place in gaz.places and gaz.places[place].kind == "country"


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}")


def _opens_institution_name(ctx: Reader, at: int) -> bool:
    run = _NAME_RUN.match(ctx.text, at)
    return run is not None and ctx.pack.words("named_institution_heads").search(run.group(0)) is not None


def named_by_noun_speaker(ctx: Reader, start: int, end: int) -> SpeakerRef | None:
    """ "komisi tersebut" / "the ministry": an earlier actor whose name holds that noun."""
    disc = ctx.state.discourse
    for dem in ctx.doc.find(ctx.pack.demonstratives, start, end):
        lo, hi, noun = _noun_by(ctx, dem.start, dem.end, start, end, 25)
        if not noun or len(noun) <= 3:
            continue
        if _opens_institution_name(ctx, ctx.text.find(noun, lo, hi)):
            continue  # "the Serbian Orthodox Church" names itself; it points back to no one
        for target in sorted(disc.mentions + disc.speakers, key=lambda r: r.start, reverse=True):
            if target.actor_id and target.start < start and noun.casefold() in target.text.casefold():
                phrase = ctx.text[max(start, dem.start - 25) : dem.end].strip()
                return SpeakerRef(
                    dem.start, dem.end, phrase, target.actor_id, target.party, target.role, "role"
                )
    return None


def named_speaker(
    ctx: Reader, refs: list[SpeakerRef], start: int, end: int, nearest_end: bool
) -> SpeakerRef | None:
    """A capitalised name: an office named by it, a person named earlier, or someone unknown,
    kept as written and never guessed."""
    names = list(NAME.finditer(ctx.text, start, end))
    if not names:
        return None
    m = names[-1] if nearest_end else names[0]
    found = SpeakerRef(m.start(), m.end(), m.group(0), None, None, None, "unknown")
    # "Ukraine's ambassador, Sergiy Kyslytsya," / "Duta Besar Korea Utara untuk PBB, Kim Song,":
    # the office named just before the comma says whom the person speaks for.
    office = [
        r
        for r in refs
        if r.actor_id is not None
        and r.role is not None
        and r.end <= m.start()
        and _OFFICE_BEFORE_NAME.fullmatch(ctx.text, r.end, m.start()) is not None
    ]
    if office and nearest_end:
        return ref(found, office[-1], "role")
    earlier = _earlier_person(ctx, m.group(0), start)
    if earlier is not None:
        return ref(found, earlier, "name")
    person = recall(ctx, m.group(0))
    if person is not None:  # named with an office before, here or in an earlier article
        if person.name not in ctx.state.learned:
            ctx.state.recalled.add((found.start, found.end))
        return SpeakerRef(
            found.start, found.end, found.text, person.actor_id, person.party, person.role, "name"
        )
    office_after = _office_after(ctx, m.end())
    if office_after is not None:
        return ref(found, office_after, "role")
    before = _WORD_BEFORE.search(ctx.text, max(start, m.start() - 15), m.start())
    after_prep = before is not None and ctx.pack.locative_preps.search(before.group(1)) is not None
    if (
        m.group(0).casefold() not in ctx.pack.stopwords
        and not after_prep
        and not _common_word(ctx, m.group(0))
        and not _opening_adverb(ctx, m)
    ):
        return found
    return None


def _common_word(ctx: Reader, word: str) -> bool:
    """ "Tensions escalated ...", "Sebaliknya negara itu menyebut ...", "Sunday": one capitalised
    word that is a day or month, or that the text also writes in lower case, is a word opening the
    sentence, not someone's name."""
    if " " in word:
        return False
    low = word.casefold()
    if low in time_words(ctx.pack.code) or ctx.pack.clause_breaks.key_of(low) is not None:
        return True  # (a clause word: "Kendati menyebut ...", "Although ...")
    return re.search(rf"(?<![\w\-]){re.escape(low)}(?![\w\-])", ctx.text) is not None


def _opening_adverb(ctx: Reader, m: re.Match[str]) -> bool:
    """ "Awalnya, tim penyelidik menyatakan ...", "Initially, investigators said ...": one capitalised
    word opening the sentence, a comma after it, that the language's dictionary knows, is an
    adverbial, not a name."""
    word = m.group(0)
    if " " in word or m.start() != ctx.sentence.start or ctx.text[m.end() : m.end() + 1] != ",":
        return False
    return known_word(word.casefold(), ctx.pack.code)


def _earlier_person(ctx: Reader, name: str, start: int) -> SpeakerRef | None:
    """ "Jeon" after "Jeon Ha-kyou": a part of a person named earlier in the article, or of the
    name that followed an office ("Menteri Pertahanan Korea Selatan Kim Yong-hyun")."""
    disc = ctx.state.discourse
    for tok in name.split():
        for earlier in reversed(disc.mentions + disc.speakers):
            if not earlier.actor_id or earlier.start >= start:
                continue
            person = ctx.gaz.actors[earlier.actor_id].kind == "person"
            known = earlier.text.replace(",", " ").split() if person else []
            # the holder's name after an office ("Menteri Pertahanan Korea Selatan Kim Yong-hyun");
            # after a person's own name, a name is someone else ("... Zelenskyy, Trudeau said")
            follow = None if person else _name_after(ctx, earlier.end)
            if follow is not None:
                known += follow.split()
            if tok in known:
                return earlier
    return None


def _name_after(ctx: Reader, pos: int) -> str | None:
    hi = pos + 40
    while pos < min(hi, len(ctx.text)) and ctx.text[pos] in " ,":
        pos += 1
    m = NAME.match(ctx.text, pos, hi)
    return m.group(0) if m else None


def _office_after(ctx: Reader, pos: int) -> SpeakerRef | None:
    """ "Kaja Kallas, the bloc's new foreign policy chief,": the office after the name."""
    appos = _APPOSITIVE.match(ctx.text, pos, pos + 70)
    if appos is None:
        return None
    office = [r for r in compose(ctx, appos.start(1), appos.end(1)) if r.actor_id]
    if not office:
        return None
    first = office[0]
    return first if first.role is not None or _possessive(ctx, first) else None
