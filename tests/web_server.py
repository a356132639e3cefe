"""The real server for the browser tests and the benchmark: uvicorn in a thread, on a free local port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

import pytest
import uvicorn

from handout.web.app import WebSettings, create_app
from handout.web.server import server_config


@contextmanager
def running_server(settings: WebSettings | None = None) -> Iterator[str]:
    """The app served on 127.0.0.1 as `handout serve` serves it, until the block ends; yields its address,
    like http://127.0.0.1:PORT."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(server_config(create_app(settings), "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def slowed(
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
    name: str,
    seconds: float,
    starts: list[float] | None = None,
) -> None:
    """`module.name` made `seconds` slower for the test, as on a busy server; each call's start is noted in
    `starts` when given. The server (in this process) looks the function up at each request."""
    real = getattr(module, name)

    def slow(*args: object, **kwargs: object) -> object:
        if starts is not None:
            starts.append(time.monotonic())
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
