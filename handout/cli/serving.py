"""handout serve: the web page for coaches, on this computer (or the club's server)."""

from __future__ import annotations

import argparse
import contextlib

from handout.errors import HandoutError


def run_serve(args: argparse.Namespace) -> int:
    from handout.web.server import serve  # here: `handout build` does not load the web app

    if not 1 <= args.port <= 65535:
        raise HandoutError(f"--port {args.port}: give a port from 1 to 65535, like --port 8000")
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn stops cleanly on Ctrl-C; no traceback after it
        serve(args.host, args.port, open_browser=not args.no_browser)
    return 0
