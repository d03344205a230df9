"""Query parameters shared by the API and the pages, checked before anything is read.

A value that cannot be right (an unknown alert kind, a party nobody knows, a date without a
meaning, `since` after `until`, a limit out of range) is a 422 naming the parameter and why.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from schemas import AlertKind
from streams.web.desk import AlertFilter, ClaimFilter
from streams.web.service import DeskService


class BadParam(ValueError):
    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def service(request: Request) -> DeskService:
    svc: DeskService = request.app.state.service
    return svc


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _range(since: datetime | None, until: datetime | None) -> tuple[datetime | None, datetime | None]:
    since, until = _aware(since), _aware(until)
    if since and until and since > until:
        raise BadParam("since", f"{since.isoformat()} is after until={until.isoformat()}")
    return since, until


def _party(svc: DeskService, party: str | None) -> str | None:
    if party is None or not party.strip():
        return None
    party = party.strip()
    if not svc.known_party(party):
        hint = svc.party_hint(party)
        raise BadParam(
            "party",
            f"no party or actor called {party!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""),
        )
    return party


Kinds = Annotated[list[AlertKind] | None, Query(description="Alert kinds (repeatable).")]
Party = Annotated[
    str | None,
    Query(max_length=100, description="A party or actor id (`russia`, `peskov`) or its label."),
]
Since = Annotated[
    datetime | None,
    Query(description="Event time from (ISO 8601; without an offset it is read as UTC)."),
]
Until = Annotated[datetime | None, Query(description="Event time up to (ISO 8601).")]
Text = Annotated[
    str, Query(max_length=300, description='Words that must all occur; "quoted phrases" allowed.')
]
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page (1-1000).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
OrderParam = Annotated[
    Literal["arrival", "event_time"],
    Query(description="`arrival`: as the alerts reached the desk; `event_time`: when the claims were made."),
]
Stance = Annotated[Literal["affirm", "deny", "noncommittal"] | None, Query(description="Claim stance.")]
PropositionParam = Annotated[
    str | None, Query(max_length=300, description="A proposition id (`event:agent:place`).")
]


def alert_filter(
    svc: Annotated[DeskService, Depends(service)],
    kind: Kinds = None,
    party: Party = None,
    proposition: PropositionParam = None,
    since: Since = None,
    until: Until = None,
    q: Text = "",
) -> AlertFilter:
    since, until = _range(since, until)
    return AlertFilter(
        kinds=list(dict.fromkeys(kind or [])),
        party=_party(svc, party),
        proposition=proposition or None,
        since=since,
        until=until,
        q=q,
    )


def claim_filter(
    svc: Annotated[DeskService, Depends(service)],
    q: Text = "",
    party: Party = None,
    stance: Stance = None,
    proposition: PropositionParam = None,
    article: Annotated[str | None, Query(max_length=200, description="An article id.")] = None,
    since: Since = None,
    until: Until = None,
) -> ClaimFilter:
    since, until = _range(since, until)
    return ClaimFilter(
        q=q,
        party=_party(svc, party),
        stance=stance,
        proposition=proposition or None,
        article=article or None,
        since=since,
        until=until,
    )
