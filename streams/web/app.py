"""`claimwatch web`: the desk's live web view and JSON API (FastAPI), read-only.

    create_app(settings)  -> the ASGI app (tails the topics while it runs)
    serve(settings)       -> uvicorn on settings.web_bind:web_port (127.0.0.1:8765 by default)

Only GET and HEAD are answered (anything else is 405); Redis is read through a client that
refuses every write command; Kafka is read without a consumer group and never creates a topic.
Pages send a Content-Security-Policy that allows nothing but this server: every script, style
and the chart library are served from here (the chart library is installed from npm by
ops/install.sh into static/vendor/).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from schemas import ALERT_KINDS
from streams.settings import Settings
from streams.web import api, pages
from streams.web.params import BadParam
from streams.web.render import figure_ranges, marked
from streams.web.service import DeskService, NotFound, Unavailable

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
STATIC = HERE / "static"
VERSION = "0.1.0"
READ_METHODS = frozenset({"GET", "HEAD"})
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class ReadOnlyAndHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method not in READ_METHODS:
            return JSONResponse(
                {"error": f"claimwatch web is read-only: {request.method} is not allowed", "detail": []},
                status_code=405,
                headers={"Allow": "GET, HEAD"},
            )
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


def _dt(value: Any, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, datetime):
        return value.strftime(fmt) + (value.strftime(" %z") if "%H" in fmt and value.utcoffset() else "")
    return ""


def _date(value: Any) -> str:
    return _dt(value, "%Y-%m-%d")


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))
    t.env.filters["dt"] = _dt
    t.env.filters["date"] = _date
    t.env.filters["figure"] = lambda quote, fig: marked(quote, figure_ranges(quote, fig), "figure")
    t.env.globals["kinds"] = ALERT_KINDS
    t.env.globals["urlencode"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v}, doseq=True)
    return t


def _problem(status: int, message: str, detail: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"error": message, "detail": detail or []}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(settings: Settings, *, service: DeskService | None = None) -> FastAPI:
    svc = service or DeskService(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await svc.start()
        try:
            yield
        finally:
            await svc.stop()

    app = FastAPI(
        title="claimwatch desk API",
        version=VERSION,
        description="Read-only JSON API of the claimwatch desk: alerts (also live, as server-sent "
        "events), stories per proposition, stance tables, claim search, articles, CSV/JSON export. "
        "Alerts are schema version 2 (each evidence carries the source's url, title, published_at).",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger/ReDoc would load scripts from a CDN; /api lists the routes instead
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = svc
    app.state.settings = settings
    app.state.templates = templates()
    app.state.chart_js = (STATIC / "vendor" / "chart.umd.min.js").is_file()
    if not app.state.chart_js:
        log.warning("static/vendor/chart.umd.min.js missing: run ops/install.sh (timelines show as tables)")
    app.add_middleware(ReadOnlyAndHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    def answer(
        request: Request, status: int, message: str, detail: list[dict[str, Any]] | None = None
    ) -> Response:
        if _wants_json(request):
            return JSONResponse(_problem(status, message, detail), status_code=status)
        return pages.page(
            request, "error.html", status=status, status_code=status, message=message, detail=detail or []
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        detail = [
            {
                "param": ".".join(str(p) for p in e.get("loc", ())[1:] if not isinstance(p, int))
                or "request",
                "message": e.get("msg", ""),
            }
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['param']}: {d['message']}" for d in detail) or "bad request"
        return answer(request, 422, f"bad query parameter — {message}", detail)

    @app.exception_handler(BadParam)
    async def bad_param(request: Request, exc: BadParam) -> Response:
        return answer(
            request, 422, f"bad query parameter — {exc}", [{"param": exc.param, "message": exc.message}]
        )

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return answer(request, 404, str(exc))

    @app.exception_handler(Unavailable)
    async def unavailable(request: Request, exc: Unavailable) -> Response:
        return answer(request, 503, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return answer(request, exc.status_code, str(exc.detail))

    return app


def serve(settings: Settings, *, host: str | None = None, port: int | None = None) -> None:
    import uvicorn

    uvicorn.run(
        create_app(settings),
        host=host or settings.web_bind,
        port=settings.web_port if port is None else port,
        log_level=settings.log_level.lower(),
        proxy_headers=False,
        server_header=False,
    )
