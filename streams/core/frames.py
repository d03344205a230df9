"""Frame detection inside a content span: event trigger, agent, place, figure, polarity."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from streams.core.gazetteer import Gazetteer
from streams.core.langpack import LangPack
from streams.core.matching import Hit, PhraseMatcher
from streams.core.propositions import EventSpec, event_specs
from streams.core.quantities import find_numbers

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_CLAUSE_PUNCT = re.compile(r"[;:()\[\]]|,\s|[.!?](?:\s|$)")
# A clause opening on an auxiliary has no subject of its own ("karena telah mengirim ...").
_SUBJECTLESS = re.compile(
    r"(?i)\s*(?:telah|sudah|akan|baru|pernah|juga|has|have|had|for|after)?\s*(?:\w+\s+)?$"
)
IMPLICIT = "\u2205"  # marks a presence read from "<troops> in <place>" with no verb
_CAUSAL = re.compile(r"(?i)\b(?:karena|sebab|atas|because|for)\s*$")
NOMINAL_SUFFIXES = ("an", "ment", "al", "ence", "ion")  # pengerahan, deployment, arrival, presence


@dataclass(slots=True)
class FrameHit:
    event: str
    agent: str | None
    place: str | None
    trigger: Hit
    negated: bool = False
    speculative: bool = False
    uncertain: bool = False  # "whether"/"apakah": neither affirmed nor denied
    agent_by: str = "explicit"  # explicit | sender | speaker | context
    place_by: str = "explicit"  # explicit | context | none
    measure: str | None = None
    cues: list[str] = field(default_factory=list)
    extra_places: list[str] = field(default_factory=list)


@cache
def trigger_matcher(lang: str) -> PhraseMatcher:
    """Trigger phrase -> the events it can open, joined by "|" ("sent": troops or weapons)."""
    events: dict[str, list[str]] = {}
    for spec in event_specs().values():
        for phrase in spec.triggers.get(lang, ()):
            events.setdefault(phrase.casefold(), []).append(spec.id)
    return PhraseMatcher((phrase, "|".join(ids)) for phrase, ids in events.items())


@cache
def measure_matcher(lang: str) -> PhraseMatcher:
    pairs: list[tuple[str, str]] = []
    for spec in event_specs().values():
        for measure, phrases in spec.measures.items():
            pairs.extend((p, measure) for p in phrases)
    return PhraseMatcher(pairs)


def tokens_between(text: str, start: int, end: int) -> int:
    if end <= start:
        return 0
    return len(_TOKEN.findall(text, start, end))


def has_clause_break(text: str, start: int, end: int, pack: LangPack) -> bool:
    if end <= start:
        return False
    if _CLAUSE_PUNCT.search(text, start, end):
        return True
    return pack.clause_breaks.search(text, start, end) is not None


@dataclass(slots=True)
class TroopNP:
    start: int
    end: int
    party: str | None  # explicit owner
    possessive: bool  # "pasukannya" / "their troops"
    text: str
    owner_end: int = 0  # end of the owner phrase, so the owner is not read as a place


def find_troop_nps(
    text: str, start: int, end: int, pack: LangPack, gaz: Gazetteer, modifier_first: bool
) -> list[TroopNP]:
    out: list[TroopNP] = []
    demonyms = gaz.find_demonyms(text, max(0, start - 40), min(len(text), end + 60))
    actors = gaz.find_actors(text, max(0, start - 40), min(len(text), end + 60))
    owners = sorted(demonyms + actors, key=lambda h: h.start)
    for noun in pack.troop_nouns_possessive.finditer(text, start, end):
        out.append(TroopNP(noun.start, noun.end, None, True, noun.text, noun.end))
    for ppl in gaz.people_matcher.finditer(text, start, end):  # "wounded North Koreans"
        out.append(TroopNP(ppl.start, ppl.end, gaz.party_of(ppl.key), False, ppl.text, ppl.end))
    for noun in pack.troop_nouns.finditer(text, start, end):
        party: str | None = None
        possessive = False
        owner_end = noun.end
        # Noun then owner ("tentara Korea Utara", "tentara asal Korea Utara", "troops from X").
        for hit in owners:
            if hit.start >= noun.end and hit.start - noun.end <= 14:
                gap = text[noun.end : hit.start]
                words = _TOKEN.findall(gap)
                if (
                    not re.search(r"[,.;]", gap)
                    and len(words) <= 2
                    and all(w.casefold() in pack.owner_markers for w in words)
                ):
                    party = gaz.party_of(hit.key)
                    owner_end = hit.end
                    break
        # Owner then noun ("North Korean troops", "Pyongyang's soldiers"): English word order.
        if party is None and modifier_first:
            for hit in reversed(owners):
                if hit.end <= noun.start and noun.start - hit.end <= 30:
                    if tokens_between(text, hit.end, noun.start) <= 2 and not re.search(
                        r"[,.;]", text[hit.end : noun.start]
                    ):
                        before = text[max(0, hit.start - 12) : hit.start]
                        if not pack.target_markers.search(before) and not pack.locative_preps.search(before):
                            party = gaz.party_of(hit.key)
                            break
        if not possessive:
            pw = pack.possessive_words.search(text, max(0, noun.start - 8), noun.start)
            possessive = pw is not None and tokens_between(text, pw.end, noun.start) == 0
        if noun.key in pack.weak_troop_nouns and party is None and not possessive:
            continue
        if any(o.start <= noun.start < o.end for o in out):
            continue
        out.append(TroopNP(noun.start, noun.end, party, possessive, noun.text, owner_end))
    out.sort(key=lambda np: np.start)
    return out


def _is_target(text: str, np_start: int, pack: LangPack) -> bool:
    """A troop phrase right after "against"/"by"/"with"/"from" is not the one the claim is about."""
    window = text[max(0, np_start - 20) : np_start]
    hit = None
    for matcher in (pack.target_markers, pack.origin_markers):
        for h in matcher.finditer(window):
            if hit is None or h.end > hit.end:
                hit = h
    return hit is not None and tokens_between(window, hit.end, len(window)) <= 1


@cache
def _requires_matcher(words: tuple[str, ...]) -> PhraseMatcher:
    return PhraseMatcher((w, w) for w in words)


def _after_by(text: str, pos: int, pack: LangPack) -> bool:
    window = text[max(0, pos - 10) : pos]
    return re.search(r"\b(?:oleh|by)\s+$", window) is not None


def _passive(trigger: Hit, pack: LangPack) -> bool:
    word = trigger.text.split()[0].casefold()
    return bool(pack.passive_prefixes) and word.startswith(pack.passive_prefixes)


_MODALS = frozenset({"would", "will", "could", "may", "might", "akan", "bakal", "bisa", "dapat"})


def _nominal(trigger: Hit) -> bool:
    word = trigger.text.split()[-1].casefold()
    return word.endswith(NOMINAL_SUFFIXES) or word.startswith(("peng", "pen", "pem", "ke"))


def _places_near(
    text: str,
    start: int,
    end: int,
    trig: Hit,
    pack: LangPack,
    gaz: Gazetteer,
    exclude: list[tuple[int, int]],
    direct_object: bool = False,
    recipients: PhraseMatcher | None = None,
) -> list[Hit]:
    """Place mentions governed by a locative preposition (or 'including') near the trigger."""
    found: list[Hit] = []
    for place in gaz.find_places(text, start, end):
        if any(s <= place.start < e for s, e in exclude):
            continue
        look = text[max(start, place.start - 40) : place.start]
        prep = None
        for h in pack.locative_preps.finditer(look):
            prep = h
        incl = None
        for h in pack.inclusion_words.finditer(look):
            incl = h
        if recipients is not None:
            for h in recipients.finditer(look):
                if prep is None or h.end > prep.end:
                    prep = h
        origin = None
        for h in pack.origin_markers.finditer(look):
            origin = h
        anchor = max((h for h in (prep, incl) if h is not None), key=lambda h: h.end, default=None)
        if (
            anchor is None
            and recipients is not None
            and place.start >= trig.end
            and tokens_between(text, trig.end, place.start) == 0
        ):
            found.append(place)  # "supplied Russia with rockets", "sent Russia dozens of missiles"
            continue
        if anchor is None:
            # "merebut kembali wilayah Kursk" / "the Kursk region had been cleared": the object
            # (or passive subject) of a control verb is the place.
            if place.start >= trig.end:
                gap, limit = text[trig.end : place.start], 2
            else:
                gap, limit = text[place.end : trig.start], 5
            # "retaken the town of Sudzha": determiners and place nouns do not count.
            content = [
                w
                for w in _TOKEN.findall(gap)
                if w.casefold() not in pack.place_determiners and pack.place_nouns.search(w) is None
            ]
            if (
                direct_object
                and len(content) <= limit
                and tokens_between(gap, 0, len(gap)) <= limit + 3
                and not re.search(r"[,.;]", gap)
                and pack.origin_markers.search(gap) is None  # "dibebaskan dari pasukan Ukraina"
                and pack.target_markers.search(gap) is None
            ):
                found.append(place)
            continue
        if origin is not None and origin.end > anchor.end:
            continue
        between = look[anchor.end :]
        # Up to 3 words, or up to 6 when they are all determiners and place nouns ("to the Russian
        # port city of Vladivostok").
        n_between = tokens_between(between, 0, len(between))
        if n_between > 6 or re.search(r"[.;]", between):
            continue
        if n_between > 3 and any(
            w.casefold() not in pack.place_determiners and pack.place_nouns.search(w) is None
            for w in _TOKEN.findall(between)
            if not w[:1].isupper()
        ):
            continue
        # Only determiners, place nouns and names may stand between ("to the Kursk region",
        # "in Russia's Kursk"), not a verb ("to help Russia").
        # Multi-word place nouns ("garis depan", "front line") count as one.
        rest = between
        for h in reversed(pack.place_nouns.find_all(between)):
            rest = rest[: h.start] + " " + rest[h.end :]
        words = _TOKEN.findall(rest)
        if any(not (w[:1].isupper() or w.casefold() in pack.place_determiners) for w in words):
            continue
        found.append(place)
    # Closest to the trigger first; those after it preferred (Indonesian and English alike).
    found.sort(key=lambda h: (h.start < trig.start, abs(h.start - trig.end)))
    return found


def deepest_places(hits: list[Hit], gaz: Gazetteer) -> list[str]:
    """One place per chain, the most specific: [Russia, Kursk] -> [kursk]."""
    ids: list[str] = []
    for h in hits:
        if h.key not in ids:
            ids.append(h.key)
    keep = [p for p in ids if not any(o != p and gaz.within(o, p) for o in ids)]
    return keep


def find_frames(
    text: str,
    start: int,
    end: int,
    pack: LangPack,
    gaz: Gazetteer,
    *,
    speaker_party: str | None,
    context_agent: dict[str, str],
    context_place: dict[str, str],
    last_country: str | None,
    last_place: str | None = None,
    claim_owner: str | None = None,
) -> list[FrameHit]:
    specs = event_specs()
    modifier_first = pack.modifier_first
    hits: list[FrameHit] = []
    triggers = trigger_matcher(pack.code).find_all(text, start, end)
    troops = find_troop_nps(text, start, end, pack, gaz, modifier_first)
    # Implicit presence: "<troops of X> di/in <place>" with no verb.
    for np in troops:
        if np.party is None:
            continue
        after = text[np.end : min(end, np.end + 50)]
        prep = pack.locative_preps.search(after)
        if prep is None or not gaz.find_places(after, prep.end, min(len(after), prep.end + 30)):
            continue
        if tokens_between(after, 0, prep.start) <= 3 and not re.search(r"[,.;]", after[: prep.start]):
            if not any(t.start >= np.end and t.start <= np.end + prep.start for t in triggers):
                triggers.append(Hit(np.start, np.end, "troops_deployed", IMPLICIT + np.text))
    triggers.sort(key=lambda h: h.start)
    local_agent = dict(context_agent)
    for opened in triggers:
        for event_id in opened.key.split("|"):
            spec = specs.get(event_id)
            if spec is None:
                continue
            trig = Hit(opened.start, opened.end, event_id, opened.text)
            frame = _frame_for(
                text,
                start,
                end,
                trig,
                spec,
                troops,
                pack,
                gaz,
                speaker_party,
                local_agent,
                context_place,
                last_country,
                last_place,
                claim_owner,
            )
            if frame is not None:
                hits.append(frame)
            if frame is not None and frame.agent is not None and frame.agent_by in ("explicit", "sender"):
                # "... and that some of them had been killed": them = the troops just named.
                local_agent = {**local_agent, frame.event: frame.agent, "troops_deployed": frame.agent}
    # A frame whose clause names a place and places within it: one frame per place.
    split: list[FrameHit] = []
    for f in hits:
        split.append(f)
        for extra in f.extra_places:
            split.append(
                FrameHit(
                    f.event,
                    f.agent,
                    extra,
                    f.trigger,
                    f.negated,
                    f.speculative,
                    f.uncertain,
                    f.agent_by,
                    f.place_by,
                    f.measure,
                    list(f.cues),
                )
            )
    hits = split
    # "dikerahkan ke garis depan Kursk dan ikut dalam operasi tempur": fighting (or losses) of the
    # same troops, told without a place, happen where they were just said to be.
    placed = [
        f for f in hits if f.event == "troops_deployed" and f.place is not None and f.place_by == "explicit"
    ]
    for f in hits:
        if f.place is None and f.event in ("troops_in_combat", "casualties") and placed:
            same = [g for g in placed if g.agent == f.agent and g.trigger.start < f.trigger.start]
            if same:
                f.place, f.place_by = same[-1].place, "context"
    # One frame per proposition; a nominal restatement adds nothing.
    unique: dict[tuple[str, str | None, str | None], FrameHit] = {}
    for f in hits:
        unique.setdefault((f.event, f.agent, f.place), f)
    return list(unique.values())


def _frame_for(
    text: str,
    start: int,
    end: int,
    trig: Hit,
    spec: EventSpec,
    troops: list[TroopNP],
    pack: LangPack,
    gaz: Gazetteer,
    speaker_party: str | None,
    context_agent: dict[str, str],
    context_place: dict[str, str],
    last_country: str | None,
    last_place: str | None,
    claim_owner: str | None = None,
) -> FrameHit | None:
    frame = FrameHit(event=spec.id, agent=None, place=None, trigger=trig, cues=[f"trigger:{trig.text}"])
    window_start = max(start, trig.start - 120)
    window_end = min(end, trig.end + 120)
    agent_span: list[tuple[int, int]] = []

    if spec.requires_any:
        words = _requires_matcher(spec.requires_any)
        # "pasukannya masih bertahan": a possessive troop noun counts where troops are required.
        troops_count = any(pack.troop_nouns.search(w) is not None for w in spec.requires_any)
        possessive = troops_count and pack.troop_nouns_possessive.search(text, window_start, window_end)
        if words.search(text, window_start, window_end) is None and not possessive:
            return None
        if spec.recipient_preps and not troops_count:
            # "mengirim personel militer ... untuk mengoperasikan rudal": what is sent is the
            # first object after the verb; troops there make it a deployment, not a supply.
            obj = words.search(text, trig.end, window_end)
            troop = pack.troop_nouns.search(text, trig.end, obj.start if obj else window_end)
            if troop is not None and tokens_between(text, trig.end, troop.start) <= 3:
                return None

    if spec.agent in ("troops", "subject"):
        candidates = [
            np
            for np in troops
            if window_start <= np.start < window_end and not _is_target(text, np.start, pack)
        ]
        if spec.agent == "subject":
            # Who took the place is the subject before the verb, or the "oleh/by" phrase after a
            # passive; troops after it ("cleared of Ukrainian forces") are the ones expelled.
            by_agent = [np for np in troops if np.start >= trig.end and _after_by(text, np.start, pack)]
            candidates = [np for np in candidates if np.end <= trig.start] + by_agent
        explicit = [np for np in candidates if np.party is not None or np.possessive]
        explicit.sort(key=lambda np: min(abs(np.start - trig.end), abs(trig.start - np.end)))
        near = [
            np
            for np in explicit
            if not has_clause_break(text, min(np.end, trig.end), max(np.start, trig.start), pack)
            or tokens_between(text, min(np.end, trig.end), max(np.start, trig.start)) <= 4
        ]
        chosen = near[0] if near else None
        if spec.agent_before:
            before_np = [np for np in near if np.end <= trig.start]
            if before_np:
                chosen = before_np[0]
            elif (
                chosen is None
                and not any(np.party and start <= np.start < trig.start for np in troops)
                and not any(  # "mereka terlibat dalam operasi tempur melawan X": they = the troops
                    h.key == "group"
                    for h in pack.pronouns.finditer(text, max(start, trig.start - 40), trig.start)
                )
            ):
                # "battles with North Korean soldiers", "attacked North Korean troops": the side
                # fought against is in combat too.
                for np in troops:
                    if (
                        np.start < trig.end
                        or tokens_between(text, trig.end, np.start) > 4
                        or has_clause_break(text, trig.end, np.start, pack)
                        or not _opposed_gap(text, trig, np.start, pack)
                    ):
                        continue
                    # A target's owner is not kept on the noun phrase; read it here.
                    owner = np.party or next(
                        (
                            gaz.party_of(d.key)
                            for d in gaz.find_demonyms(text, max(trig.end, np.start - 30), np.start)
                            if tokens_between(text, d.end, np.start) <= 1
                        ),
                        None,
                    )
                    if owner is not None:
                        frame.agent, frame.agent_by = owner, "explicit"
                        agent_span.append((np.start, np.end))
                        break
        if spec.victim_after_active and not _passive(trig, pack):
            after_np = [
                np
                for np in explicit
                if np.start >= trig.end and tokens_between(text, trig.end, np.start) <= 4
            ]
            if after_np:
                chosen = after_np[0]
        if chosen is None:
            # A subject separated by a relative clause: "tentara Korea Utara, yang ..., telah tiba".
            before = [np for np in explicit if np.end <= trig.start]
            chosen = before[0] if before else None
        if chosen is not None:
            if chosen.party:
                frame.agent, frame.agent_by = chosen.party, "explicit"
            else:
                # "unit militernya" / "their units": whose? The owner named just before, if any.
                earlier = [np for np in troops if np.party and np.end <= chosen.start and start <= np.start]
                subject = (
                    _sender(text, start, trig, pack, gaz, None, pack.troop_nouns_possessive)[0]
                    if chosen.start >= trig.end
                    else None
                )
                if earlier:
                    frame.agent, frame.agent_by = earlier[-1].party, "explicit"
                elif subject is not None:
                    # "Korea Utara telah memindahkan 10.000 tentaranya": the verb's subject owns them.
                    frame.agent, frame.agent_by = subject, "sender"
                else:
                    frame.agent, frame.agent_by = speaker_party, "speaker"
            agent_span.append((chosen.start, max(chosen.end, chosen.owner_end)))
        if frame.agent is None and _nominal(trig):
            # "a North Korean deployment", "pengerahan Korea Utara": the owner qualifies the noun.
            objects = _requires_matcher(spec.requires_any) if spec.requires_any else None
            for d in gaz.find_demonyms(text, max(start, trig.start - 30), min(end, trig.end + 30)):
                gap = text[d.end : trig.start] if d.end <= trig.start else text[trig.end : d.start]
                # "pengiriman amunisi Korut": the object may stand between the noun and its owner.
                obj_gap = (
                    d.start >= trig.end
                    and objects is not None
                    and all(objects.search(w) is not None for w in _TOKEN.findall(gap))
                    and tokens_between(gap, 0, len(gap)) <= 2
                )
                if (tokens_between(gap, 0, len(gap)) == 0 or obj_gap) and not re.search(r"[,.;]", gap):
                    frame.agent, frame.agent_by = gaz.party_of(d.key), "explicit"
                    agent_span.append((d.start, d.end))
                    break
        if frame.agent is None:
            objects = (
                _requires_matcher(spec.requires_any)
                if spec.agent == "subject" and spec.requires_any
                else None
            )
            frame.agent, frame.agent_by = _sender(text, start, trig, pack, gaz, speaker_party, objects)
        if frame.agent is None and spec.agent == "troops":
            has_troops = any(window_start <= np.start < window_end for np in troops) or bool(
                pack.troop_nouns.search(text, window_start, window_end)
            )
            group = None
            for h in pack.pronouns.finditer(text, max(start, trig.start - 40), trig.start):
                group = h if h.key == "group" else group
            if group is not None and tokens_between(text, group.end, trig.start) <= 4:
                has_troops = True  # "sebagian dari mereka telah bergerak": they = the troops
            if has_troops and spec.id in context_agent:
                frame.agent, frame.agent_by = context_agent[spec.id], "context"
            elif has_troops:
                # Whose troops the article is about, from any troop frame: fighting implies being
                # there, and casualties are of troops that were there.
                for other in ("troops_deployed", "troops_in_combat", "casualties"):
                    if other in context_agent:
                        frame.agent, frame.agent_by = context_agent[other], "context"
                        break
        if frame.agent is None and spec.agent == "subject" and claim_owner is not None:
            frame.agent, frame.agent_by = claim_owner, "context"  # "membantah klaim Rusia bahwa ..."
        if frame.agent is None and spec.agent == "subject" and speaker_party is not None:
            frame.agent, frame.agent_by = speaker_party, "speaker"  # "Kursk has been retaken"
        if frame.agent is None:
            return None
        if (
            spec.agent == "troops"
            and not any(window_start <= np.start < window_end for np in troops)
            and frame.agent_by in ("sender", "context")
        ):
            # "Korea Utara mengirim surat": a sender without troops is not a deployment.
            if not _troop_word_near(text, trig, pack, window_end):
                return None

    # Place: the trigger's own clause; "termasuk Kursk" adds a narrower place.
    clause_lo = _clause_start(text, start, trig.start, pack)
    clause_hi = _clause_end(
        text, trig.end, end, pack, _requires_matcher(spec.requires_any) if spec.requires_any else None
    )
    places = _places_near(
        text,
        clause_lo,
        clause_hi,
        trig,
        pack,
        gaz,
        agent_span,
        direct_object=spec.agent == "subject" and not spec.recipient_preps,
        recipients=_requires_matcher(spec.recipient_preps) if spec.recipient_preps else None,
    )
    # The nearest place; places named inside it in the same clause ("di perbatasan Rusia di
    # Kursk", "di Rusia, termasuk Kursk") become frames of their own.
    chosen_places = [places[0].key] if places else []
    for extra in places[1:]:
        if extra.key in chosen_places:
            continue
        if not gaz.within(extra.key, chosen_places[0]):
            # "di Kursk dan juga di wilayah Belgorod": coordinated places, one frame each.
            between = text[min(p.end for p in places if p.key in chosen_places) : extra.start]
            if re.search(r"\b(?:dan|serta|and|as well as)\b", between) and not any(
                gaz.within(c, extra.key) or gaz.within(extra.key, c) for c in chosen_places
            ):
                chosen_places.append(extra.key)
            continue
        look = text[max(clause_lo, extra.start - 30) : extra.start]
        if pack.inclusion_words.search(look):
            chosen_places.append(extra.key)  # "in Russia, including Kursk": both are said
        elif len(chosen_places) == 1:
            chosen_places[0] = extra.key  # "in Russia's Kursk region": the most specific
    if chosen_places:
        frame.place = chosen_places[0]
        frame.extra_places = chosen_places[1:]
    else:
        anaphor = pack.place_anaphors.search(text, trig.end, min(end, trig.end + 60))
        if anaphor is None:
            # "di wilayah perbatasan tersebut": a place noun pointing back.
            for noun in pack.place_nouns.finditer(text, trig.end, min(end, trig.end + 60)):
                dem = pack.demonstratives.search(text, noun.end, min(end, noun.end + 25))
                if dem is not None and tokens_between(text, noun.end, dem.start) <= 1:
                    anaphor = Hit(noun.start, dem.end, "place", text[noun.start : dem.end])
                    break
        country = pack.country_anaphors.search(text, trig.end, min(end, trig.end + 40))
        if anaphor is not None and last_place is not None:
            frame.place, frame.place_by = last_place, "context"  # "fought there"
        elif country is not None and last_country is not None:
            frame.place, frame.place_by = last_country, "context"  # "ke negara itu"
        elif _nominal(trig) and spec.id in context_place:
            frame.place, frame.place_by = context_place[spec.id], "context"
        else:
            frame.place_by = "none"
            if _untracked_place(text, trig.end, clause_hi, pack, gaz):
                # "tiba di Pangkalan Utama TNI AL V Surabaya": somewhere the place hierarchy does
                # not know is not "an unspecified place" of the tracked story.
                return None
    if spec.id in ("fighting_ongoing", "territory_recaptured") and frame.place is None:
        return None

    # Polarity and modality, within the trigger's clause.
    clause_start = _clause_start(text, start, trig.start, pack)
    # Past the trigger: the longest negator may swallow it ("tidak ada satu pun" holds "ada").
    for neg in pack.negators.finditer(text, clause_start, min(end, trig.end + 40)):
        if neg.start < trig.start and (
            neg.end >= trig.start or tokens_between(text, neg.end, trig.start) <= 4
        ):
            frame.negated = True
            frame.cues.append(f"negation:{neg.text}")
    for np in troops:
        if clause_start <= np.start < trig.end:
            np_neg: Hit | None = None
            for h in pack.negators.finditer(text, max(clause_start, np.start - 35), np.start):
                np_neg = h
            gap_words = _TOKEN.findall(text, np_neg.end, np.start) if np_neg is not None else []
            owner_only = all(w[:1].isupper() for w in gap_words) and len(gap_words) <= 3
            if np_neg is not None and (len(gap_words) <= 1 or owner_only) and not frame.negated:
                frame.negated = True
                frame.cues.append(f"negation:{np_neg.text}")
    for spc in pack.speculative.finditer(text, clause_start, trig.start):
        if spc.key in ("apakah", "whether", "belum jelas", "tidak jelas", "unclear"):
            frame.uncertain = True
        frame.speculative = True
        frame.cues.append(f"speculative:{spc.text}")
    # A nominal or gerund trigger as the subject of a modal: "supplying weapons to Ukraine would
    # destroy relations", "pengiriman senjata akan ..." is a hypothetical, not a report.
    if not frame.speculative and (_nominal(trig) or trig.text.casefold().endswith("ing")):
        for spc in pack.speculative.finditer(text, trig.end, clause_hi):
            if spc.key in _MODALS and tokens_between(text, trig.end, spc.start) <= 8:
                frame.speculative = True
                frame.cues.append(f"speculative:{spc.text}")
                break
    # A conditional anywhere before the trigger in the content ("if they enter ...").
    if not frame.speculative:
        for spc in pack.speculative.finditer(text, start, clause_start):
            if spc.key in ("jika", "apabila", "kalau", "bila", "bilamana", "if", "seandainya", "in case"):
                frame.speculative = True
                frame.cues.append(f"speculative:{spc.text}")
    if spec.measures:
        # The measure named at the trigger ("killed and wounded" as one phrase), else the nearest:
        # in "400 killed and more than 1,000 wounded" the first figure counts the killed.
        hits = measure_matcher(pack.code).find_all(text, window_start, window_end)
        at_trigger = [h for h in hits if h.start < trig.end and trig.start < h.end]
        if at_trigger:
            best_measure: Hit | None = max(at_trigger, key=lambda h: len(h.text))
        else:
            best_measure = min(hits, key=lambda h: abs(h.start - trig.start), default=None)
        frame.measure = best_measure.key if best_measure else spec.measure
    else:
        frame.measure = spec.measure
    return frame


def _opposed_gap(text: str, trig: Hit, np_start: int, pack: LangPack) -> bool:
    """ "against X", "battles with X" name the other side; "alongside X", "fought with X" an ally."""
    if pack.ally_markers.search(text, trig.end, np_start) is not None:
        return False
    # From the trigger's start: the preposition may be part of it ("clashes with").
    marker = pack.opponent_markers.search(text, trig.start, np_start)
    if marker is None:
        return False
    if marker.key in pack.opponent_if_noun:
        words = trig.text.casefold().split()
        return _nominal(trig) or any(n in words for n in pack.combat_nouns)
    return True


def _untracked_place(text: str, start: int, end: int, pack: LangPack, gaz: Gazetteer) -> bool:
    """A locative phrase naming a place outside the gazetteer ("ke Surabaya", "to Lebanon")."""
    for prep in pack.locative_preps.finditer(text, start, min(end, start + 80)):
        m = re.match(r"\s+(?:the\s+)?((?:[A-Z][\w'’\-]+\s*){1,5})", text[prep.end : prep.end + 60])
        if m is None:
            continue
        name_start = prep.end + m.start(1)
        name_end = prep.end + m.end(1)
        if not gaz.find_places(text, name_start, name_end) and not gaz.find_actors(
            text, name_start, name_end
        ):
            return True
    return False


def _troop_word_near(text: str, trig: Hit, pack: LangPack, window_end: int) -> bool:
    return pack.troop_nouns.search(text, trig.end, min(window_end, trig.end + 40)) is not None


def _clause_end(text: str, pos: int, end: int, pack: LangPack, objects: PhraseMatcher | None = None) -> int:
    """Where the trigger's clause ends (next punctuation or clause word), capped at ~12 tokens."""
    stop = min(end, pos + 90)
    m = re.search(r"[;:()]|,\s|[.!?](?:\s|$)", text[pos:stop])
    hi = pos + m.start() if m else stop
    if m is not None and m.group(0).startswith(","):
        # ", termasuk Kursk" / ", including Kursk" continues the place list.
        incl = pack.inclusion_words.search(text, hi, min(stop, hi + 25))
        if incl is not None and tokens_between(text, hi, incl.start) == 0:
            m2 = re.search(r"[;:()]|,\s|[.!?](?:\s|$)", text[incl.end : stop])
            hi = incl.end + m2.start() if m2 else stop
    for brk in pack.clause_breaks.finditer(text, pos, hi):
        if brk.key in ("yang", "which", "who"):
            continue
        if brk.key in ("and", "dan", "serta"):
            # "di Rusia dan Ukraina" coordinates places; "dikirim ke Rusia dan ... ditempatkan
            # di Kursk" starts a new clause.
            nxt = re.match(r"\s*(?:the\s+)?([A-Z]\w*)", text[brk.end : hi])
            if nxt is not None:
                continue
            # "jutaan peluru dan puluhan rudal ke Rusia": a second counted object, same clause.
            figure = find_numbers(text[brk.end : min(hi, brk.end + 30)], pack.code)
            if figure and not text[brk.end : brk.end + figure[0].start].strip():
                return _clause_end(text, brk.end + figure[0].end, end, pack, objects)
            # "memasok senjata dan amunisi kepada Rusia": a second object of the same verb.
            obj = objects.search(text, brk.end, min(hi, brk.end + 40)) if objects is not None else None
            if obj is not None and tokens_between(text, brk.end, obj.start) <= 3:
                return _clause_end(text, obj.end, end, pack, objects)
        return brk.start
    return hi


def _clause_start(text: str, start: int, pos: int, pack: LangPack) -> int:
    best = start
    for m in _CLAUSE_PUNCT.finditer(text, start, pos):
        best = m.end()
    for h in pack.complementizers.finditer(text, start, pos):
        best = max(best, h.end)
    return best


def _sender(
    text: str,
    start: int,
    trig: Hit,
    pack: LangPack,
    gaz: Gazetteer,
    speaker_party: str | None,
    objects: PhraseMatcher | None = None,
) -> tuple[str | None, str]:
    """The subject right before an active verb: "Kim telah mengirim pasukan", "they sent troops"."""
    # Commas may only set off an appositive here ("pemimpin negara itu, Kim Jong Un, telah ...").
    clause_start = start
    for h in pack.complementizers.finditer(text, start, trig.start):
        clause_start = max(clause_start, h.end)
    for h in pack.clause_breaks.finditer(text, start, trig.start):
        clause_start = max(clause_start, h.end)
    for m in re.finditer(r"[;:.!?](?:\s|$)", text[start : trig.start]):
        clause_start = max(clause_start, start + m.end())
    actors = [h for h in gaz.find_actors(text, clause_start, trig.start)]
    actors += [h for h in gaz.find_demonyms(text, clause_start, trig.start)]
    actors = [h for h in actors if not _is_target(text, h.start, pack)]
    # What is sent: troops, or the frame's own objects ("memasok jutaan peluru artileri").
    troop_after = (objects or pack.troop_nouns).search(text, trig.end, trig.end + 60)
    has_object = troop_after is not None and tokens_between(text, trig.end, troop_after.start) <= 10
    lead_in = text[max(start, clause_start - 12) : clause_start]
    if (
        not actors
        and has_object
        and _SUBJECTLESS.match(text[clause_start : trig.start])
        and _CAUSAL.search(lead_in)
    ):
        # "berterima kasih kepada Korea Utara karena telah mengirim pasukan": the clause has no
        # subject of its own; the actor just before it is the one who sent them.
        wider = [
            h
            for h in gaz.find_actors(text, max(start, clause_start - 60), clause_start)
            if not _is_target(text, h.start, pack)
        ]
        actors = wider[-1:]
    if actors and has_object:
        nearest = max(actors, key=lambda h: h.end)
        if tokens_between(text, nearest.end, trig.start) <= 8:
            return gaz.party_of(nearest.key), "sender"
    pron = None
    for h in pack.pronouns.finditer(text, clause_start, trig.start):
        pron = h
    for h in pack.own_country.finditer(text, clause_start, trig.start):
        pron = h  # "membantah negaranya telah mengirim tentara": the speaker's own country
    if (
        pron is not None
        and has_object
        and speaker_party is not None
        and tokens_between(text, pron.end, trig.start) <= 5
    ):
        return speaker_party, "speaker"
    return None, "none"
