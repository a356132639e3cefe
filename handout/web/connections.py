"""uvicorn's HTTP protocol with a deadline for a request's headers: a connection that stalls is closed.

uvicorn waits for ever for the headers of a connection's first request, and for the rest of a request
whose first bytes came: a few hundred sockets that connect and then say nothing (or one byte every few
seconds) would hold the server's connections for good. The body is bounded by the guard's time limit
once the headers are in; this bounds what comes before.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEADER_TIMEOUT = 10.0
"""Seconds between a connection (or a request's first byte) and the end of its headers: a phone on a
poor line sends its headers in well under one."""


class DeadlineProtocol(HttpToolsProtocol):
    header_timeout = HEADER_TIMEOUT
    headers_due: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.headers_due = self.loop.call_later(self.header_timeout, self.close_late)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self.headers_due is None:  # the next request on a kept-alive connection
            self.headers_due = self.loop.call_later(self.header_timeout, self.close_late)

    def on_headers_complete(self) -> None:
        self.cancel_deadline()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self.cancel_deadline()
        super().connection_lost(exc)

    def cancel_deadline(self) -> None:
        if self.headers_due is not None:
            self.headers_due.cancel()
            self.headers_due = None

    def close_late(self) -> None:
        self.headers_due = None
        if not self.transport.is_closing():
            self.transport.close()
