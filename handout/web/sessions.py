"""A browser's editor session: a random id in its own cookie (HttpOnly, SameSite=Strict) -> the request.

The session only says whose photos a request may use (web/photo_store.py): it is made when a browser
first sends a photo, and its cookie is sent again, for another `max_age` seconds, whenever a request
uses it. A page without photos needs none, and a link from another site (which, SameSite=Strict, comes
without the cookie) does not replace it. A cookie value that is not of the form the server makes is no
session at all; the id is never used as a path.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from starlette.requests import cookie_parser

from handout.web.guard import ASGIApp, Message, Receive, Scope, Send

COOKIE = "handout_session"
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{32}")
SCOPE_KEY = "handout.session"


@dataclass
class Session:
    """The request's session: the id its cookie carried (or "" for none), and whether it was used."""

    id: str = ""
    used: bool = False

    @staticmethod
    def valid(session_id: str) -> bool:
        return SESSION_ID.fullmatch(session_id) is not None

    def started(self) -> str:
        """The session's id, made now if the browser has none; its cookie goes out with the answer."""
        if not self.id:
            self.id = secrets.token_urlsafe(24)
        self.used = True
        return self.id


class Sessions:
    """Puts each HTTP request's Session in its scope, and its cookie on the answer once it was used."""

    def __init__(self, app: ASGIApp, *, max_age: int) -> None:
        self.app, self.max_age = app, max_age

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = Session()
        for key, value in scope["headers"]:
            if key == b"cookie":
                found = cookie_parser(value.decode("latin-1")).get(COOKIE, "")
                session.id = found if Session.valid(found) else session.id
        scope[SCOPE_KEY] = session

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and session.used:
                secure = "; Secure" if scope.get("scheme") == "https" else ""
                cookie = f"{COOKIE}={session.id}; Max-Age={self.max_age}; Path=/; HttpOnly; SameSite=Strict"
                message["headers"] = [
                    *message.get("headers", []),
                    (b"set-cookie", (cookie + secure).encode()),
                ]
            await send(message)

        await self.app(scope, receive, with_cookie)


def session_of(scope: Scope) -> Session:
    return scope[SCOPE_KEY]  # type: ignore[no-any-return]
