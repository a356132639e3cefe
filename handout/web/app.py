"""The web app: `create_app(settings)` -> a Starlette app whose routes are all listed here.

The endpoints are small: they read the form, call the same pipeline as the CLI (in a worker thread, so
that the time limit can stop waiting for a sheet that takes too long) and answer a page, a fragment
or a file. Templates are Jinja2, autoescaped; the fragments htmx swaps are templates of their own.
"""

from __future__ import annotations

import shutil
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from handout.web import api, pages
from handout.web.builders import Builders
from handout.web.faults import FaultPage
from handout.web.guard import Guard
from handout.web.photo_store import PhotoStore
from handout.web.response_headers import SecurityHeaders
from handout.web.sessions import Sessions

MAX_BODY = 20_000_000
"""Bytes: a routine and eight phone photos fit; more is refused (413) before it is parsed."""
LOCAL_HOSTS = ("127.0.0.1", "localhost")
"""The names this computer is reached by: always accepted in the Host header."""


@dataclass(frozen=True)
class WebSettings:
    max_body: int = MAX_BODY
    time_limit: float = 20.0
    """Seconds a request may take; a sheet takes well under one."""
    preview_width: int = 700
    """Pixels of the live preview: sharp at the width the page shows it, quick to redraw."""
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    """The host names a request may be addressed to (its Host header); any other is refused (400).

    A web page elsewhere can point its own name at 127.0.0.1 (DNS rebinding) and then post to this
    server as if it were the page itself: the Host header it sends still carries its own name."""
    photo_store: Path | None = None
    """The folder of the visitors' photos (and its key) that `handout serve` made for its workers to
    share (PhotoStore.make_folder); without one, the app makes its own, removed when the process ends."""
    photo_hours: float = 12.0
    """Hours a visitor's photo is kept on the server after its last use: a coach's evening and more."""
    photo_store_bytes: int = 500_000_000
    """Bytes all visitors' photos may take on the server's disk (over a thousand print-sized photos)."""


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
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts), www_redirect=False),
            Middleware(FaultPage),
            Middleware(Guard, max_body=settings.max_body, time_limit=settings.time_limit),
            Middleware(Sessions, max_age=round(settings.photo_hours * 3600)),
        ],
        lifespan=stopping_builders,
    )
    app.state.settings = settings
    app.state.builders = Builders.start()
    app.state.photos = photo_store(app, settings)
    app.state.templates = Jinja2Templates(env=template_environment())
    return app


@asynccontextmanager
async def stopping_builders(app: Starlette) -> AsyncIterator[None]:
    """When the server stops, work still queued is dropped rather than run for nobody."""
    yield
    app.state.builders.stop()


def photo_store(app: Starlette, settings: WebSettings) -> PhotoStore:
    folder = settings.photo_store
    if folder is None:  # the app's own, removed with it (or when the process ends)
        folder = PhotoStore.make_folder()
        weakref.finalize(app, shutil.rmtree, folder, ignore_errors=True)
    return PhotoStore.opened(folder, settings.photo_hours * 3600, settings.photo_store_bytes)


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
