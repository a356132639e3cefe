"""The web app: `create_app(settings)` -> a Starlette app whose routes are all listed here.

The endpoints are small: they read the form, call the same pipeline as the CLI (in a worker thread, so
that the time limit can stop waiting for a sheet that takes too long) and answer a page, a fragment
or a file. Templates are Jinja2, autoescaped; the fragments htmx swaps are templates of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from handout.web import api, pages
from handout.web.guard import Guard

MAX_BODY = 20_000_000
"""Bytes: a routine and eight phone photos fit; more is refused (413) before it is parsed."""


@dataclass(frozen=True)
class WebSettings:
    max_body: int = MAX_BODY
    time_limit: float = 20.0
    """Seconds a request may take; a sheet takes well under one."""
    preview_width: int = 700
    """Pixels of the live preview: sharp at the width the page shows it, quick to redraw."""


def create_app(settings: WebSettings | None = None) -> Starlette:
    settings = settings or WebSettings()
    app = Starlette(
        routes=[
            Route("/", pages.editor, methods=["GET"]),
            Route("/edit", pages.edit, methods=["POST"]),
            Route("/preview", pages.preview, methods=["POST"]),
            Route("/download", pages.download, methods=["POST"]),
            Route("/library", pages.library_grid, methods=["GET"]),
            Route("/sheet.pdf", api.sheet_pdf, methods=["POST"]),
            Route("/sheet.png", api.sheet_png, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Mount("/static", StaticFiles(packages=[("handout.web", "static")]), name="static"),
        ],
        middleware=[Middleware(Guard, max_body=settings.max_body, time_limit=settings.time_limit)],
    )
    app.state.settings = settings
    app.state.templates = Jinja2Templates(env=template_environment())
    return app


def template_environment() -> Environment:
    return Environment(
        loader=PackageLoader("handout.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok\n")
