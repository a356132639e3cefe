"""`handout serve`: the web app on uvicorn, on this computer only unless --host says otherwise."""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import threading
import webbrowser
from pathlib import Path

import uvicorn
from starlette.applications import Starlette

from handout.web.app import LOCAL_HOSTS, WebSettings, create_app
from handout.web.connections import DeadlineProtocol
from handout.web.guard import ASGIApp
from handout.web.photo_store import PhotoStore
from handout.web.worker_sockets import SocketEach, listening_sockets

EVERY_ADDRESS = ("0.0.0.0", "::", "")
MAX_CONNECTIONS = 500
"""Open connections at once; more are answered 503. Idle ones cost little (stalled ones are closed by
DeadlineProtocol), and the sheets themselves are bounded by the app's own pool of builders."""
WORKER_SETTINGS = "HANDOUT_WORKER_SETTINGS"
"""The environment variable that hands the workers their settings: the host names and the photos' folder
(whose key file they read; the key itself is never in the environment)."""


def serve(
    host: str, port: int, open_browser: bool, allowed_hosts: tuple[str, ...] = (), workers: int = 1
) -> None:
    """Run until Ctrl-C. The address is printed first, so a coach (or a script) knows where to go.

    With `workers` over 1, uvicorn runs that many processes, each on a socket of its own where Linux
    spreads the connections over them (web/worker_sockets.py), so a club's server uses its cores; they
    share the visitors' photos through the one folder made here, removed on the way out.
    """
    everywhere = host in EVERY_ADDRESS
    shown_host = "127.0.0.1" if everywhere else host
    address = f"http://{shown_host}:{port}/"
    hosts = tuple(dict.fromkeys((*LOCAL_HOSTS, *(() if everywhere else (host,)), *allowed_hosts)))
    folder = PhotoStore.make_folder()
    try:
        settings = WebSettings(allowed_hosts=hosts, photo_store=folder)
        if workers == 1:
            # uvicorn stops on SIGTERM, then raises it again to end the process: as KeyboardInterrupt
            # (as after Ctrl-C) it comes back here, and the photos' folder is removed below.
            signal.signal(signal.SIGTERM, signal.default_int_handler)
            return_large_blocks()
            server = uvicorn.Server(server_config(create_app(settings), host, port))
            announce(address, host, everywhere, allowed_hosts, open_browser)
            server.run()
        else:
            os.environ[WORKER_SETTINGS] = json.dumps({"allowed_hosts": hosts, "photo_store": str(folder)})
            config = server_config(f"{__name__}:worker_app", host, port, workers=workers)
            sockets = listening_sockets(config)  # here: a port in use is said before the workers start
            announce(address, host, everywhere, allowed_hosts, open_browser)
            SocketEach(config, sockets).run()  # until Ctrl-C, which it passes to the workers
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def worker_app() -> Starlette:
    """The app of one worker process of `--workers N`, with the settings `serve` gave them all."""
    return_large_blocks()
    given = json.loads(os.environ[WORKER_SETTINGS])
    return create_app(
        WebSettings(allowed_hosts=tuple(given["allowed_hosts"]), photo_store=Path(given["photo_store"]))
    )


def announce(
    address: str, host: str, everywhere: bool, allowed_hosts: tuple[str, ...], open_browser: bool
) -> None:
    print(f"handout is running at {address}", flush=True)
    if not is_local(host):
        print(
            f"warning: --host {host} opens the page to every computer that can reach this one, with no "
            "login: keep it on 127.0.0.1, or put it behind a proxy with a password (see README, "
            '"Running it for a club")',
            flush=True,
        )
        if everywhere and not allowed_hosts:
            print(
                "warning: only http://127.0.0.1 and http://localhost are accepted as the page's address: "
                "name the others with --allowed-host, like --allowed-host stretch.club.example",
                flush=True,
            )
    print("press Ctrl-C to stop it", flush=True)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(address,)).start()


def server_config(app: ASGIApp | str, host: str, port: int, workers: int = 1) -> uvicorn.Config:
    """How uvicorn runs the app: stalled connections closed, many idle ones allowed, no server banner.

    Each worker process has its own limits (connections, the app's builders and time limit): `app` is
    then the name of the function that makes a worker's app."""
    return uvicorn.Config(
        app,
        factory=isinstance(app, str),
        workers=workers,
        host=host,
        port=port,
        http=DeadlineProtocol,
        log_level="warning",
        timeout_keep_alive=5,
        limit_concurrency=MAX_CONNECTIONS,
        server_header=False,
    )


M_MMAP_THRESHOLD = -3
"""glibc's mallopt parameter: allocations at least this large are mapped and unmapped one by one."""
MAPPED_FROM = 1024 * 1024


def return_large_blocks() -> None:
    """Give a decoded photo's memory back to the system when it is freed, not keep it for good.

    glibc raises its threshold for mapping a block to the largest block freed so far (up to 32 MB), so
    after one phone photo, Pillow's 16 MB image blocks come from the heap and the server stays 100 MB
    larger for ever. A fixed threshold keeps them mapped. Elsewhere than glibc this does nothing.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(M_MMAP_THRESHOLD, MAPPED_FROM)


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.") or host == "::1"
