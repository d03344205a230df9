"""The HTML pages: live alerts, stories with a timeline chart, stance tables, search, articles."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from streams.web import views
from streams.web.desk import AlertFilter, ClaimFilter, highlights
from streams.web.params import Limit, OrderParam, alert_filter, claim_filter, service
from streams.web.render import figure_ranges, marked, segments
from streams.web.service import DeskService

router = APIRouter(include_in_schema=False)
Svc = Annotated[DeskService, Depends(service)]


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    svc: DeskService = request.app.state.service
    base = {
        "request": request,
        "tail": svc.tail_status.as_dict(),
        "counts": svc.desk.alert_counts(),
        "chart_js": request.app.state.chart_js,
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status
    )
    return response


@router.get("/", response_class=HTMLResponse)
async def live(
    request: Request,
    svc: Svc,
    f: Annotated[AlertFilter, Depends(alert_filter)],
    order: OrderParam = "arrival",
    limit: Limit = 200,
) -> HTMLResponse:
    entries = svc.desk.find_alerts(f, order=order)[:limit]
    return page(
        request,
        "index.html",
        entries=[(e.seq, svc.desk.sourced(e.alert)) for e in entries],
        total=len(svc.desk.alerts),
        last_seq=svc.desk.seq,
        f=f,
        order=order,
        stream_query=request.url.query,
    )


@router.get("/stories", response_class=HTMLResponse)
async def stories(request: Request, svc: Svc) -> HTMLResponse:
    return page(request, "stories.html", props=svc.desk.propositions())


@router.get("/story/{pid}", response_class=HTMLResponse)
async def story(request: Request, svc: Svc, pid: str) -> HTMLResponse:
    data = await views.story(svc, pid)
    chart = {
        "parties": sorted({p["party"] for p in data["timeline"]}),
        "labels": {p["party"]: svc.label(p["party"]) for p in data["timeline"]},
        "points": [
            {
                "x": p["event_time"].isoformat(),
                "party": p["party"],
                "stance": p["stance"],
                "speaker": p["speaker"],
                "outlet": p["outlet"],
                "claim": p["claim_id"],
                "implied": p["implied"],
            }
            for p in data["timeline"]
        ],
    }
    return page(
        request,
        "story.html",
        story=data,
        chart_data=Markup(orjson.dumps(chart).decode().replace("</", "<\\/")),
    )


@router.get("/parties", response_class=HTMLResponse)
async def parties(request: Request, svc: Svc) -> HTMLResponse:
    actors = [svc.actor_info(a) for a in await svc.stored_actors()]
    return page(request, "parties.html", actors=actors)


@router.get("/party/{who}", response_class=HTMLResponse)
async def party(request: Request, svc: Svc, who: str) -> HTMLResponse:
    table = await views.stance(svc, who)
    return page(request, "party.html", table=table)


@router.get("/search", response_class=HTMLResponse)
async def search(
    request: Request,
    svc: Svc,
    f: Annotated[ClaimFilter, Depends(claim_filter)],
    limit: Limit = 200,
) -> HTMLResponse:
    searched = bool(f.q or f.party or f.stance or f.proposition or f.article)
    found = svc.desk.find_claims(f) if searched else []
    terms = f.terms()
    hits = [(c, marked(c.quote, highlights(c.quote, terms))) for c in found[:limit]]
    return page(
        request, "search.html", f=f, hits=hits, total=len(found), searched=searched, query=request.url.query
    )


@router.get("/article/{article_id}", response_class=HTMLResponse)
async def article(request: Request, svc: Svc, article_id: str) -> HTMLResponse:
    data = await views.article(svc, article_id)
    pieces = segments(data["text"], data["claims"]) if data["text"] else []
    return page(request, "article.html", a=data, pieces=pieces)


@router.get("/api", response_class=HTMLResponse)
async def api_index(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    routes = [
        {
            "path": path,
            "method": method.upper(),
            "summary": op.get("summary", ""),
            "params": op.get("parameters", []),
        }
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    ]
    return page(request, "api.html", routes=routes, version=spec["info"]["version"])


def quote_html(quote: str, figure: str | None) -> Markup:
    return marked(quote, figure_ranges(quote, figure), "figure")
