"""The brief's acceptance storyline as checks over a list of alerts (shared by the pure test and
the end-to-end test). Checks read semantics (kinds, parties, propositions), not copied output."""

from __future__ import annotations

from schemas import Alert


def _from(alert: Alert, seed: str) -> bool:
    return alert.trigger.article_id.startswith(f"seed-{seed}")


def _related_parties(alert: Alert) -> set[str | None]:
    return {e.party for e in alert.related}


def storyline_failures(alerts: list[Alert]) -> list[str]:
    failures: list[str] = []

    def need(name: str, pred) -> None:  # type: ignore[no-untyped-def]
        if not any(pred(a) for a in alerts):
            failures.append(f"missing: {name}")

    def deploy(a: Alert) -> bool:
        return (
            a.proposition.event in ("troops_deployed", "troops_in_combat")
            and a.proposition.agent == "north_korea"
        )

    need(
        "1 CONTRADICTED Russia denies vs Ukraine by seeds 002/003",
        lambda a: (
            a.kind == "CONTRADICTED"
            and deploy(a)
            and (_from(a, "002") or _from(a, "003"))
            and {"russia", "ukraine"} <= set(a.parties)
            and any(e.party == "russia" and e.stance == "deny" for e in [a.trigger, *a.related])
        ),
    )
    need(
        "2 CONFIRMED by NATO, first claimed by Ukraine",
        lambda a: (
            a.kind == "CONFIRMED"
            and deploy(a)
            and a.trigger.party == "nato"
            and "ukraine" in _related_parties(a)
        ),
    )
    need(
        "3 CONFIRMED by South Korea (seed 001)",
        lambda a: (
            a.kind == "CONFIRMED" and deploy(a) and a.trigger.party == "south_korea" and _from(a, "001")
        ),
    )
    need(
        "4 CONFIRMED by the United States (seed 001)",
        lambda a: (
            a.kind == "CONFIRMED" and deploy(a) and a.trigger.party == "united_states" and _from(a, "001")
        ),
    )
    need(
        "5 CONFIRMED by North Korea (seed 004)",
        lambda a: (
            a.kind == "CONFIRMED" and deploy(a) and a.trigger.party == "north_korea" and _from(a, "004")
        ),
    )
    need(
        "6 STANCE_REVERSAL Russia deny -> affirm",
        lambda a: (
            a.kind == "STANCE_REVERSAL"
            and a.trigger.party == "russia"
            and a.trigger.stance == "affirm"
            and any(e.party == "russia" and e.stance == "deny" for e in a.related)
        ),
    )
    need(
        "7 CONTRADICTED Ukraine rejects Russia's Kursk recapture claim (seed 004)",
        lambda a: (
            a.kind == "CONTRADICTED"
            and _from(a, "004")
            and a.trigger.party == "ukraine"
            and a.proposition.place == "kursk"
            and "russia" in _related_parties(a)
            and a.proposition.event in ("territory_recaptured", "fighting_ongoing")
        ),
    )
    for a in alerts:
        if a.kind == "CONFIRMED" and _related_parties(a) <= {a.trigger.party}:
            failures.append(f"forbidden: {a.trigger.party} confirms itself ({a.id})")
        if a.kind == "NUMERIC_DISCREPANCY" and a.proposition.event == "troops_deployed":
            failures.append(f"forbidden: troop-figure discrepancy {a.reason}")
        for e in [a.trigger, *a.related]:
            if not (e.article_id and e.outlet and e.speaker and e.quote.strip()):
                failures.append(f"alert {a.id}: evidence incomplete")
        if a.kind in ("CONFIRMED", "CONTRADICTED", "STANCE_REVERSAL") and not a.related:
            failures.append(f"alert {a.id}: no earlier claim cited")
    return failures
