"""The JSON API under /api/v1 (read-only; its OpenAPI document is /api/openapi.json)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse, Response
from sse_starlette import EventSourceResponse

from streams.web import views
from streams.web.desk import AlertEntry, AlertFilter, ClaimFilter, alert_matches, highlights
from streams.web.models import (
    Actor,
    AlertPage,
    ArticleView,
    ClaimHit,
    ClaimPage,
    Health,
    Highlight,
    PersonOut,
    Problem,
    PropositionSummary,
    StanceTable,
    Story,
)
from streams.web.params import Limit, Offset, OrderParam, alert_filter, claim_filter, service
from streams.web.render import ALERT_COLUMNS, CLAIM_COLUMNS, alert_row, claim_row, to_csv
from streams.web.service import DeskService, NotFound

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Nothing by that name."},
    422: {"model": Problem, "description": "A query parameter is wrong; `error` says which and why."},
    503: {"model": Problem, "description": "Kafka or Redis is unavailable."},
}

router = APIRouter(prefix="/api/v1", responses=ERRORS)
Svc = Annotated[DeskService, Depends(service)]
Alerts = Annotated[AlertFilter, Depends(alert_filter)]
Claims = Annotated[ClaimFilter, Depends(claim_filter)]


@router.get("/health", response_model=Health, tags=["status"], summary="Kafka, Redis and what the desk holds")
async def health(svc: Svc) -> JSONResponse:
    data = await views.health(svc)
    return JSONResponse(Health(**data).model_dump(mode="json"), status_code=200 if data["ok"] else 503)


@router.get("/alerts", response_model=AlertPage, tags=["alerts"], summary="Alerts, filtered and paged")
async def list_alerts(
    svc: Svc, f: Alerts, order: OrderParam = "arrival", limit: Limit = 100, offset: Offset = 0
) -> AlertPage:
    entries = svc.desk.find_alerts(f, order=order)
    items = [svc.desk.sourced(e.alert) for e in entries[offset : offset + limit]]
    return AlertPage(total=len(entries), offset=offset, limit=limit, order=order, items=items)


@router.get(
    "/alerts/stream",
    tags=["alerts"],
    summary="Live alerts (server-sent events)",
    response_class=Response,
    responses={200: {"content": {"text/event-stream": {}}, "description": "`alert` events, `status` pings"}},
)
async def stream_alerts(
    request: Request,
    svc: Svc,
    f: Alerts,
    after: Annotated[
        int | None, Query(ge=0, description="Also send alerts that arrived after this event id.")
    ] = None,
    last_event_id: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> EventSourceResponse:
    """Each `alert` event's data is `{"seq", "alert", "html"}`; its id is the arrival number, so a
    reconnecting client (Last-Event-ID) gets what it missed."""
    start = after
    if last_event_id and last_event_id.isdigit():
        start = int(last_event_id)
    templates = request.app.state.templates
    queue = svc.subscribers.open()

    def event(entry: AlertEntry) -> dict[str, str]:
        alert = svc.desk.sourced(entry.alert)
        html = templates.get_template("_alert.html").render(alert=alert, seq=entry.seq, fresh=True)
        data = {"seq": entry.seq, "alert": alert.model_dump(mode="json"), "html": html}
        return {"event": "alert", "id": str(entry.seq), "data": orjson.dumps(data).decode()}

    async def events() -> Any:
        entry: AlertEntry | None
        sent = start
        try:
            if start is not None:
                for old in svc.desk.after(start, f):
                    sent = old.seq
                    yield event(old)
            while True:
                try:
                    entry = await asyncio.wait_for(queue.get(), timeout=10)
                except TimeoutError:
                    status = svc.tail_status.as_dict()
                    yield {"event": "status", "data": orjson.dumps(status).decode()}
                    continue
                if entry is None:
                    return
                if sent is not None and entry.seq <= sent:
                    continue  # already sent from the backlog
                if alert_matches(entry.alert, f):
                    yield event(entry)
        finally:
            svc.subscribers.close(queue)

    return EventSourceResponse(events(), ping=15, send_timeout=30)


@router.get("/alerts/{alert_id}", response_model=views.AlertOut, tags=["alerts"], summary="One alert")
async def get_alert(svc: Svc, alert_id: str) -> Any:
    alert = svc.desk.alert(alert_id)
    if alert is None:
        raise NotFound(f"no alert {alert_id!r}")
    return alert


@router.get("/claims", response_model=ClaimPage, tags=["claims"], summary="Search claims and quotes")
async def search_claims(svc: Svc, f: Claims, limit: Limit = 100, offset: Offset = 0) -> ClaimPage:
    found = svc.desk.find_claims(f)
    terms = f.terms()
    items = [
        ClaimHit(claim=c, highlights=[Highlight(start=a, end=b) for a, b in highlights(c.quote, terms)])
        for c in found[offset : offset + limit]
    ]
    return ClaimPage(total=len(found), offset=offset, limit=limit, items=items)


@router.get(
    "/propositions",
    response_model=list[PropositionSummary],
    tags=["stories"],
    summary="Propositions with claims or alerts, most alerted first",
)
async def propositions(svc: Svc) -> Any:
    return svc.desk.propositions()


@router.get(
    "/propositions/{pid}",
    response_model=Story,
    tags=["stories"],
    summary="A story: positions, timeline of who affirmed or denied it when, claims, alerts",
)
async def story(svc: Svc, pid: str) -> Any:
    return await views.story(svc, pid)


@router.get(
    "/parties", response_model=list[Actor], tags=["stance"], summary="Parties and actors with a table"
)
async def parties(svc: Svc) -> Any:
    return [svc.actor_info(a) for a in await svc.stored_actors()]


@router.get(
    "/parties/{who}/stance",
    response_model=StanceTable,
    tags=["stance"],
    summary="A party's or actor's stance table, evidence oldest first",
)
async def stance_table(svc: Svc, who: str) -> Any:
    return await views.stance(svc, who)


@router.get(
    "/people",
    response_model=list[PersonOut],
    tags=["stance"],
    summary="People remembered across articles and the party each speaks for",
)
async def people(
    svc: Svc, party: Annotated[str | None, Query(max_length=100, description="Only this party.")] = None
) -> Any:
    """Learned from the text ("Estonian Defence Minister Kaarel Tamm") or set by a user with
    `claimwatch people set`; correct them there (this API never writes)."""
    return [p for p in await svc.people() if party is None or p.party == party]


@router.get("/articles/{article_id}", response_model=ArticleView, tags=["articles"], summary="An article")
async def article(svc: Svc, article_id: str) -> Any:
    return await views.article(svc, article_id)


def _download(body: str | bytes, media: str, name: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get(
    "/export/alerts.csv",
    tags=["export"],
    summary="Alerts as CSV (same filters as /alerts)",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def export_alerts_csv(svc: Svc, f: Alerts, order: OrderParam = "event_time") -> Response:
    entries = svc.desk.find_alerts(f, order=order, newest_first=False)
    body = to_csv(ALERT_COLUMNS, (alert_row(svc.desk.sourced(e.alert)) for e in entries))
    return _download(body, "text/csv; charset=utf-8", "claimwatch-alerts.csv")


@router.get(
    "/export/alerts.json",
    tags=["export"],
    summary="Alerts as a JSON array (same filters as /alerts)",
    response_model=list[views.AlertOut],
)
async def export_alerts_json(svc: Svc, f: Alerts, order: OrderParam = "event_time") -> Response:
    entries = svc.desk.find_alerts(f, order=order, newest_first=False)
    body = orjson.dumps([svc.desk.sourced(e.alert).model_dump(mode="json") for e in entries])
    return _download(body, "application/json", "claimwatch-alerts.json")


@router.get(
    "/export/claims.csv",
    tags=["export"],
    summary="Claims as CSV (same filters as /claims)",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def export_claims_csv(svc: Svc, f: Claims) -> Response:
    body = to_csv(CLAIM_COLUMNS, (claim_row(c) for c in svc.desk.find_claims(f)))
    return _download(body, "text/csv; charset=utf-8", "claimwatch-claims.csv")


@router.get(
    "/export/claims.json",
    tags=["export"],
    summary="Claims as a JSON array (same filters as /claims)",
    response_model=list[views.ClaimOut],
)
async def export_claims_json(svc: Svc, f: Claims) -> Response:
    body = orjson.dumps([c.model_dump(mode="json") for c in svc.desk.find_claims(f)])
    return _download(body, "application/json", "claimwatch-claims.json")
