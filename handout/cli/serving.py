"""handout serve: the web page for coaches, on this computer (or the club's server)."""

from __future__ import annotations

import argparse
import contextlib
import re

from handout.errors import HandoutError

HOST_NAME = re.compile(r"(\*\.)?[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")
"""A name as the Host header carries it, without the port; "*.club.example" for every name below it."""
MAX_WORKERS = 32
"""Worker processes at most: each holds its own app and pools (some 100 MB), one a core is plenty."""


def run_serve(args: argparse.Namespace) -> int:
    from handout.web.server import serve  # here: `handout build` does not load the web app

    if not 1 <= args.port <= 65535:
        raise HandoutError(f"--port {args.port}: give a port from 1 to 65535, like --port 8000")
    if not 1 <= args.workers <= MAX_WORKERS:
        raise HandoutError(
            f"--workers {args.workers}: give from 1 to {MAX_WORKERS} processes, like --workers 2 "
            "for a server with two cores"
        )
    for name in args.allowed_host:
        if not HOST_NAME.fullmatch(name):
            raise HandoutError(
                f'--allowed-host "{name[:60]}": give a host name without "http://", a port or a path, '
                "like --allowed-host stretch.club.example"
            )
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn stops cleanly on Ctrl-C; no traceback after it
        serve(
            args.host,
            args.port,
            open_browser=not args.no_browser,
            allowed_hosts=tuple(args.allowed_host),
            workers=args.workers,
        )
    return 0
