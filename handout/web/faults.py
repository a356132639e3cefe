"""A fault of ours -> logged once, and the page's own words for the visitor instead of a traceback.

Every problem a visitor can cause is a HandoutError, a 4xx with its one line; this is only for bugs.
Starlette's own last-resort handler answers in plain text and hands the exception on to uvicorn to log
again; here it is logged once, with its traceback, and the visitor gets a page that says what to do.
"""

from __future__ import annotations

import logging
from importlib.resources import files

from handout.web.guard import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("handout.web")


class FaultPage:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.page = (files("handout.web") / "templates" / "error.html").read_bytes()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception:  # the one place that catches everything: a bug must not show as a traceback
            log.exception("error: handout failed on %s %s", scope["method"], scope["path"])
            if started:  # half an answer sent: nothing better to do than end it
                return
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"text/html; charset=utf-8"),
                        (b"content-length", str(len(self.page)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": self.page})
