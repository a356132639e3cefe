"""What every request passes before an endpoint sees it: same-origin POSTs, a body cap, a time limit.

A pure ASGI middleware, so that an oversized body is refused while it streams in, before any of it is
parsed, and a cross-site form post is refused before it is read at all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAME_SITE = ("same-origin", "none")
"""Sec-Fetch-Site values of a request the page itself made, or that a person typed or a script sent."""


class BodyTooLarge(Exception):
    """Raised from inside `receive` when the body passes the cap; the guard answers 413."""


class Guard:
    def __init__(self, app: ASGIApp, *, max_body: int, time_limit: float) -> None:
        self.app, self.max_body, self.time_limit = app, max_body, time_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and cross_site(headers):
            await answer(
                send,
                403,
                "error: this form was sent from another website: open the page itself and use it there",
            )
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            await answer(send, 413, self.too_large())
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, counted_receive, watched_send), self.time_limit)
        except BodyTooLarge:
            if not started:
                await answer(send, 413, self.too_large())
        except TimeoutError:
            if not started:
                await answer(
                    send,
                    503,
                    f"error: the sheet took over {self.time_limit:g} s to make: try a shorter routine",
                )

    def too_large(self) -> str:
        return (
            f"error: the request is over {self.max_body // 1_000_000} MB: "
            "send smaller photos (a phone photo is 2 to 5 MB)"
        )


def cross_site(headers: dict[str, str]) -> bool:
    """A browser says where a request comes from (Sec-Fetch-Site, Origin); scripts like curl say nothing.

    Only the page's own origin may post: a form on another website must not make sheets (or fill the
    server's time) in a visitor's name.
    """
    site = headers.get("sec-fetch-site")
    if site is not None and site not in SAME_SITE:
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    return origin == "null" or urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


async def answer(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
