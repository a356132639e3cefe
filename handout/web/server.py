"""`handout serve`: the web app on uvicorn, on this computer only unless --host says otherwise."""

from __future__ import annotations

import threading
import webbrowser

import uvicorn

from handout.web.app import WebSettings, create_app


def serve(host: str, port: int, open_browser: bool) -> None:
    """Run until Ctrl-C. The address is printed first, so a coach (or a script) knows where to go."""
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    address = f"http://{shown_host}:{port}/"
    config = uvicorn.Config(
        create_app(WebSettings()),
        host=host,
        port=port,
        log_level="warning",
        timeout_keep_alive=5,
        limit_concurrency=64,
        server_header=False,
    )
    server = uvicorn.Server(config)
    print(f"handout is running at {address}", flush=True)
    print("press Ctrl-C to stop it", flush=True)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(address,)).start()
    server.run()
