"""Who speaks: actor mentions, role compositions, pronoun and role back-references."""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.frames import tokens_between
from streams.core.gazetteer import Gazetteer
from streams.core.langpack import LangPack

_MODIFIER_PREP = re.compile(r"(?i)\b(?:untuk|to|at|in|di|pada|for)\s+(?:the\s+)?$")
_NAME = re.compile(r"(?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){0,3}")


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    start: int
    end: int
    text: str
    actor_id: str | None
    party: str | None
    role: str | None
    resolved_by: str  # name | alias | role | pronoun | neighbour | unknown


@dataclass
class Discourse:
    """What the article has said so far, for back-references."""

    mentions: list[SpeakerRef]
    speakers: list[SpeakerRef]
    sentence_subject: SpeakerRef | None = None  # the party the previous sentence opened with
    quoted: tuple[tuple[int, int], ...] = ()  # quotation spans of the text

    def _in_quote(self, ref: SpeakerRef) -> bool:
        return any(s <= ref.start and ref.end <= e for s, e in self.quoted)

    def last_speaker(self) -> SpeakerRef | None:
        return self.speakers[-1] if self.speakers else None

    def last_person(self, gaz: Gazetteer, before: int) -> SpeakerRef | None:
        """Whom "ia"/"he" points to: the last speaker, or a person named after it."""
        best: SpeakerRef | None = None
        for ref in self.speakers:
            if ref.start < before and ref.actor_id is not None and (best is None or ref.start > best.start):
                best = ref
        for ref in self.mentions:
            if ref.start >= before or ref.actor_id is None:
                continue
            if gaz.actors[ref.actor_id].kind == "person" and (best is None or ref.start > best.start):
                best = ref
        return best

    def last_with_role(self, role: str, before: int) -> SpeakerRef | None:
        """The antecedent of a bare role ("the spokesman", "Staf Umum"): the last actor with that
        role who spoke; failing that, the last one named, not counting actors merely named inside
        a quotation ("… claims of Russia's military are false," the General Staff said)."""

        def last(refs: list[SpeakerRef]) -> SpeakerRef | None:
            best: SpeakerRef | None = None
            for ref in refs:
                if (
                    ref.start < before
                    and ref.role == role
                    and ref.actor_id is not None
                    and (best is None or (ref.end, ref.start) > (best.end, best.start))
                ):
                    best = ref
            return best

        return last(self.speakers) or last([m for m in self.mentions if not self._in_quote(m)])


def _compose(text: str, start: int, end: int, pack: LangPack, gaz: Gazetteer) -> list[SpeakerRef]:
    """Actor mentions in [start, end), with role words folded in ("juru bicara Pentagon")."""
    actors = gaz.find_actors(text, start, end)
    demonyms = [
        d for d in gaz.find_demonyms(text, start, end) if not any(a.start <= d.start < a.end for a in actors)
    ]
    # A role word inside a name ("Komisi Militer Pusat") is part of that name.
    roles = [
        r
        for r in pack.roles.find_all(text, start, end)
        if not any(a.start <= r.start < a.end for a in actors)
    ]
    refs: list[SpeakerRef] = []
    used_roles: set[int] = set()
    for hit in sorted(actors + demonyms, key=lambda h: h.start):
        actor_id = hit.key
        role: str | None = None
        span_start, span_end = hit.start, hit.end
        for i, r in enumerate(roles):
            gap_after = tokens_between(text, r.end, hit.start) if r.end <= hit.start else 99
            gap_before = tokens_between(text, hit.end, r.start) if hit.end <= r.start else 99
            if (gap_after <= 1 and not re.search(r"[,.;]", text[r.end : hit.start])) or (
                gap_before <= 0 and not re.search(r"[,.;]", text[hit.end : r.start])
            ):
                role = r.key
                used_roles.add(i)
                span_start, span_end = min(span_start, r.start), max(span_end, r.end)
                break
        actor = gaz.actors[actor_id]
        if role == "media":
            # "Media Korea Selatan": a country's press is not its government; kept, not guessed.
            refs.append(
                SpeakerRef(span_start, span_end, text[span_start:span_end], None, None, role, "unknown")
            )
            continue
        if role is not None and actor.kind == "party":
            specific = gaz.actor_with_role(actor_id, role)
            if specific is not None:
                actor_id = specific
        refs.append(
            SpeakerRef(
                span_start,
                span_end,
                text[span_start:span_end],
                actor_id,
                gaz.party_of(actor_id),
                role or gaz.actors[actor_id].role,
                "alias" if role is None else "role",
            )
        )
    for i, r in enumerate(roles):
        if i not in used_roles:
            refs.append(SpeakerRef(r.start, r.end, r.text, None, None, r.key, "role"))
    for u in pack.unaffiliated.finditer(text, start, end):
        if not any(ref.start <= u.start < ref.end for ref in refs):
            # "pengamat militer" / "military analyst": the role word is the analyst's field.
            refs = [
                r
                for r in refs
                if r.actor_id is not None
                or not (
                    (r.start >= u.end and tokens_between(text, u.end, r.start) == 0)
                    or (r.end <= u.start and tokens_between(text, r.end, u.start) == 0)
                )
            ]
            refs.append(SpeakerRef(u.start, u.end, u.text, None, None, None, "unknown"))
    refs.sort(key=lambda r: r.start)
    return refs


def _group(refs: list[SpeakerRef], text: str, pick_last: bool) -> list[SpeakerRef]:
    """The run of adjacent mentions nearest the verb (e.g. 'Presiden Ukraina Volodymyr Zelensky')."""
    if not refs:
        return []
    ordered = refs if not pick_last else list(reversed(refs))
    group = [ordered[0]]
    for ref in ordered[1:]:
        prev = group[-1]
        lo, hi = (ref.end, prev.start) if pick_last else (prev.end, ref.start)
        gap = text[lo:hi] if hi >= lo else ""  # overlapping compositions are adjacent
        stop = r"[.;:,]" if pick_last else r"[.;:]"
        if tokens_between(text, lo, hi) <= 3 and not re.search(stop, gap):
            group.append(ref)
        else:
            break
    return group


def _best(group: list[SpeakerRef], gaz: Gazetteer) -> SpeakerRef | None:
    known = [g for g in group if g.actor_id is not None]
    if not known:
        return group[0] if group else None
    best = max(known, key=lambda g: gaz.specificity(g.actor_id or ""))
    role = best.role or next((g.role for g in group if g.role), None)
    start = min(g.start for g in group)
    end = max(g.end for g in group)
    return SpeakerRef(start, end, best.text, best.actor_id, best.party, role, best.resolved_by)


def resolve_segment(
    text: str,
    start: int,
    end: int,
    pack: LangPack,
    gaz: Gazetteer,
    discourse: Discourse,
    *,
    nearest_end: bool,
) -> SpeakerRef | None:
    """The speaker named in [start, end); nearest to the end (speaker before the verb) or start."""
    if end <= start:
        return None
    refs = _compose(text, start, end, pack, gaz)
    stmt = pack.statement_nouns.search(text, max(start, end - 30), end) if nearest_end else None
    if stmt is not None and tokens_between(text, stmt.end, end) <= 1 and not any(r.actor_id for r in refs):
        # "'…,' the statement said": the institution that last spoke issued it.
        for issuer in reversed(discourse.speakers):
            if (
                issuer.actor_id
                and issuer.start < start
                and gaz.actors[issuer.actor_id].kind in ("org", "party")
            ):
                return SpeakerRef(
                    stmt.start, stmt.end, stmt.text, issuer.actor_id, issuer.party, issuer.role, "role"
                )
    group = _group(refs, text, pick_last=nearest_end)
    # "Duta Besar Korea Utara untuk PBB": the organisation after "untuk/to/at" qualifies the
    # office; it is not who speaks, when someone else in the phrase is.
    heads = [
        r
        for r in group
        if r.actor_id is not None and not _MODIFIER_PREP.search(text[max(start, r.start - 8) : r.start])
    ]
    if heads and len(heads) < len([r for r in group if r.actor_id is not None]):
        group = [r for r in group if r.actor_id is None or r in heads]
    best = _best(group, gaz)
    head = next(
        (r for r in group if r.resolved_by == "unknown" and r.actor_id is None and r.role is None),
        None,
    )
    actor_ref = next((r for r in group if r.actor_id is not None), None)
    if head is not None and actor_ref is not None and head.start < actor_ref.start:
        # "an analyst at a Seoul think tank": the place of work does not make Seoul the speaker.
        between = text[head.end : actor_ref.start]
        if (
            re.search(r"\b(?:at|in|from|of|di|dari|pada)\b", between)
            and tokens_between(text, head.end, actor_ref.start) <= 4
        ):
            return SpeakerRef(head.start, head.end, head.text, None, None, None, "unknown")
    if best is not None and best.actor_id is None and best.role is not None:
        # "At the Pentagon, deputy press secretary X said": the institution named in the segment.
        orgs = [r for r in refs if r.actor_id and gaz.actors[r.actor_id].kind == "org"]
        if orgs:
            o = orgs[-1] if nearest_end else orgs[0]
            return SpeakerRef(best.start, best.end, best.text, o.actor_id, o.party, best.role, "role")
        # "Deputy ambassador Robert Wood said": a role with a new name is someone new; the party
        # is the one the previous sentence opened with ("The United States did not let that pass.").
        new_name = _NAME.match(text, best.end + 1) if best.end + 1 < end else None
        if new_name is not None and new_name.group(0).casefold() not in pack.stopwords:
            # Only when the role opens the clause: "At the United Nations, spokesman X said" has
            # moved to another scene.
            opens = tokens_between(text, start, best.start) <= 1
            lead = discourse.sentence_subject if opens else None
            return SpeakerRef(
                best.start,
                new_name.end(),
                text[best.start : new_name.end()],
                lead.actor_id if lead else None,
                lead.party if lead else None,
                best.role,
                "role" if lead else "unknown",
            )
        # "intelijen kami" / "our intelligence": the side of whoever is speaking (an interviewee).
        mine = pack.first_person.search(text, max(start, best.start - 6), min(end, best.end + 8))
        last = discourse.last_speaker()
        if mine is not None and last is not None and last.party is not None:
            return SpeakerRef(
                best.start, best.end, best.text, last.actor_id, last.party, best.role, "pronoun"
            )
        # A bare role ("the spokesman", "dinas intelijen"): the last actor with that role.
        earlier = discourse.last_with_role(best.role, start)
        if earlier is not None:
            return SpeakerRef(
                best.start, best.end, best.text, earlier.actor_id, earlier.party, best.role, "role"
            )
        last = discourse.last_speaker()
        if last is not None and best.role in (
            "intelligence",
            "spokesperson",
            "military",
            "defence_ministry",
            "foreign_ministry",
        ):
            # "dinas intelijen" right after "Intelijen Pertahanan Ukraina" spoke.
            if last.role == best.role or (last.actor_id and gaz.actors[last.actor_id].role == best.role):
                return SpeakerRef(
                    best.start, best.end, best.text, last.actor_id, last.party, best.role, "role"
                )
        return SpeakerRef(best.start, best.end, best.text, None, None, best.role, "unknown")
    if best is not None:
        return best
    # Pronoun subject ("Dia mengatakan", "He said").
    pron = None
    for h in pack.pronouns.finditer(text, start, end):
        pron = h
    if pron is not None and (not nearest_end or tokens_between(text, pron.end, end) <= 3):
        ref = discourse.last_person(gaz, start) if pron.key == "person" else discourse.last_speaker()
        if ref is None:
            ref = discourse.last_speaker()
        if ref is not None:
            return SpeakerRef(pron.start, pron.end, pron.text, ref.actor_id, ref.party, ref.role, "pronoun")
    # "lembaga itu" / "the agency": the last institution that spoke.
    for dem in pack.demonstratives.finditer(text, start, end):
        near = (
            text[max(start, dem.start - 20) : dem.start]
            if not pack.modifier_first
            else text[dem.end : min(end, dem.end + 20)]
        )
        words = re.findall(r"[^\W\d_]+", near)
        noun = (words[-1] if not pack.modifier_first else words[0]).casefold() if words else ""
        if noun in pack.generic_org_nouns:
            # The latest institution named or heard before, preferring one named with that noun
            # ("Kementerian Pertahanan Inggris ... kementerian itu").
            pool = [
                r
                for r in discourse.speakers
                if r.actor_id and r.start < start and gaz.actors[r.actor_id].kind in ("org", "party")
            ]
            # Mentions only when named with that noun: "Kementerian Pertahanan Inggris juga merevisi
            # perkiraannya. ... kementerian itu memperkirakan".
            named = [
                r
                for r in pool + discourse.mentions
                if r.actor_id and r.start < start and noun in r.text.casefold()
            ]
            for ref in sorted(named or pool, key=lambda r: r.start, reverse=True)[:1]:
                if ref.actor_id:
                    return SpeakerRef(
                        dem.start,
                        dem.end,
                        f"{near.strip()} {dem.text}".strip(),
                        ref.actor_id,
                        ref.party,
                        ref.role,
                        "role",
                    )
    # "komisi tersebut" / "the ministry": an earlier actor whose name holds that noun.
    for dem in pack.demonstratives.finditer(text, start, end):
        words = re.findall(
            r"[^\W\d_]+",
            text[max(start, dem.start - 25) : dem.start]
            if not pack.modifier_first
            else text[dem.end : min(end, dem.end + 25)],
        )
        noun = (words[-1] if not pack.modifier_first else words[0]) if words else None
        if noun and len(noun) > 3:
            for ref in sorted(discourse.mentions + discourse.speakers, key=lambda r: r.start, reverse=True):
                if ref.actor_id and ref.start < start and noun.casefold() in ref.text.casefold():
                    return SpeakerRef(
                        dem.start,
                        dem.end,
                        text[max(start, dem.start - 25) : dem.end].strip(),
                        ref.actor_id,
                        ref.party,
                        ref.role,
                        "role",
                    )
    # An unknown named speaker: kept as written, never guessed.
    names = list(_NAME.finditer(text, start, end))
    if names:
        m = names[-1] if nearest_end else names[0]
        # An appositive: "Ukraine's ambassador, Sergiy Kyslytsya," / "Duta Besar Korea Utara untuk
        # PBB, Kim Song,": the office named just before the comma says whom the person speaks for.
        office = [
            r
            for r in refs
            if r.actor_id is not None
            and r.role is not None
            and r.end <= m.start()
            and re.fullmatch(r"[^.;:]{0,40},\s*", text[r.end : m.start()]) is not None
        ]
        if office and nearest_end:
            o = office[-1]
            return SpeakerRef(m.start(), m.end(), m.group(0), o.actor_id, o.party, o.role, "role")
        # "Jeon" after "Jeon Ha-kyou": a part of a person named earlier in the article, or of the
        # name that followed an office ("Menteri Pertahanan Korea Selatan Kim Yong-hyun").
        for tok in m.group(0).split():
            for ref in reversed(discourse.mentions + discourse.speakers):
                if not ref.actor_id or ref.start >= start:
                    continue
                known: list[str] = (
                    ref.text.replace(",", " ").split() if gaz.actors[ref.actor_id].kind == "person" else []
                )
                follow = _NAME.match(text[ref.end : ref.end + 40].lstrip(" ,"))
                if follow is not None:
                    known += follow.group(0).split()
                if tok in known:
                    return SpeakerRef(
                        m.start(), m.end(), m.group(0), ref.actor_id, ref.party, ref.role, "name"
                    )
        # "Kaja Kallas, the bloc's new foreign policy chief,": the office after the name.
        appos = re.match(r",\s+([^,.;:]{3,60})", text[m.end() : m.end() + 70])
        if appos is not None:
            lo = m.end() + appos.start(1)
            office = [r for r in _compose(text, lo, lo + len(appos.group(1)), pack, gaz) if r.actor_id]
            owns = bool(office) and (
                office[0].text.endswith(("'s", "’s"))
                or text[office[0].end : office[0].end + 2] in ("'s", "’s")
            )
            if office and (office[0].role is not None or owns):
                o = office[0]
                return SpeakerRef(m.start(), m.end(), m.group(0), o.actor_id, o.party, o.role, "role")
        before_name = re.search(r"(\w+)\s+$", text[max(start, m.start() - 15) : m.start()])
        after_prep = before_name is not None and pack.locative_preps.search(before_name.group(1)) is not None
        if m.group(0).casefold() not in pack.stopwords and not after_prep:
            return SpeakerRef(m.start(), m.end(), m.group(0), None, None, None, "unknown")
    return None


def remember_mentions(
    text: str, start: int, end: int, pack: LangPack, gaz: Gazetteer, discourse: Discourse
) -> None:
    refs = [r for r in _compose(text, start, end, pack, gaz) if r.actor_id]
    discourse.mentions.extend(refs)
    opener = refs[0] if refs and tokens_between(text, start, refs[0].start) <= 1 else None
    discourse.sentence_subject = opener
