"""The stored state one claim's decision reads, built through any StateReader."""

from __future__ import annotations

from schemas import Claim
from streams.core.gazetteer import Gazetteer, default_gazetteer
from streams.core.propositions import ANY, parse_prop_id, prop_id, split_event
from streams.stance.keys import KeyPlan, figure_key, key_plan
from streams.stance.protocols import StateReader
from streams.stance.state import View


def _narrower(claim: Claim, reader: StateReader, plan: KeyPlan, gaz: Gazetteer) -> list[str]:
    """Stored propositions of the same agent, same or narrower event, at a place within the claim's."""
    p = claim.proposition
    found: list[str] = []
    places_by_family = reader.family_places(plan.families) if plan.families else {}
    for fam in plan.families:
        event = fam.split(":", 1)[0]
        for place in sorted(places_by_family.get(fam, set())):
            pl = None if place == ANY else place
            pid = prop_id(event, p.agent, pl)
            if pid != p.id and gaz.within(pl, p.place):
                found.append(pid)
    return found


def _figure_places_within(claim: Claim, narrower: list[str]) -> list[str]:
    """For a place-less figure, the places its own proposition was counted at since: a count for
    one town is a part of the whole it gives ("90 killed in Noshki" against "11 killed")."""
    if claim.place is not None:
        return []
    event = claim.proposition.event
    places = {parse_prop_id(pid)[2] for pid in narrower if split_event(parse_prop_id(pid)[0])[0] == event}
    return [p for p in sorted(x for x in places if x is not None)]


def build_view(claim: Claim, reader: StateReader, gaz: Gazetteer | None = None) -> View:
    gaz = gaz or default_gazetteer()
    plan = key_plan(claim, gaz)
    view = View(narrower=_narrower(claim, reader, plan, gaz))
    excl = reader.exclusive_props(plan.exclusion_keys) if plan.exclusion_keys else {}
    for pid, keys in plan.exclusion_patterns.items():
        view.excluded[pid] = sorted({x for k in keys for x in excl.get(k, set())})
    wanted = list(dict.fromkeys(plan.ups + view.narrower + [x for xs in view.excluded.values() for x in xs]))
    view.props = reader.prop_states(wanted)
    if plan.figure_chain:
        chain = [*plan.figure_chain, *_figure_places_within(claim, view.narrower)]
        keys = [figure_key(claim, pl) for pl in chain]
        figs = reader.figures(keys)
        for pl, key in zip(chain, keys, strict=True):
            if figs.get(key):
                view.figures[pl or ANY] = figs[key]
    return view
