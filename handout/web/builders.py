"""Where the server's work runs: a request's parsing, building and drawing -> a small pool of threads.

The event loop only moves bytes: a 5 MB article or a slow sheet on it would freeze every visitor. The
pool is bounded, so a crowd of requests queues instead of starting hundreds of builds at once (each
holds its pages and pictures in memory), and a request that has waited past the time limit is dropped
from the queue before it starts (the guard cancels it), so no work runs for an answer nobody awaits.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from starlette.requests import Request

BUILDERS = 4
"""Threads that build at once: a sheet is CPU work under Python's lock, so more than a few only share
the same cores; four keep a slow sheet from holding up the quick ones behind it."""
PHOTO_BUILDERS = 2
"""Threads for the requests that bring photos: decoding a 20-megapixel photo takes a second and 70 MB,
so a crowd of them waits here, two at a time, and never in front of a visitor's plain sheet."""

Arguments = ParamSpec("Arguments")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Builders:
    """The app's two pools: plain sheets, and the requests that carry photos."""

    sheets: ThreadPoolExecutor
    photos: ThreadPoolExecutor

    @classmethod
    def start(cls) -> Builders:
        return cls(
            ThreadPoolExecutor(max_workers=BUILDERS, thread_name_prefix="handout-builder"),
            ThreadPoolExecutor(max_workers=PHOTO_BUILDERS, thread_name_prefix="handout-photo-builder"),
        )

    def stop(self) -> None:
        self.sheets.shutdown(wait=False, cancel_futures=True)
        self.photos.shutdown(wait=False, cancel_futures=True)


async def in_builder(
    request: Request,
    work: Callable[Arguments, Result],
    *args: Arguments.args,
    **kwargs: Arguments.kwargs,
) -> Result:
    """`work(*args)` on one of the app's plain-sheet builders; cancelled while queued, it never starts."""
    return await run_on(request.app.state.builders.sheets, functools.partial(work, *args, **kwargs))


async def in_photo_builder(
    request: Request,
    work: Callable[Arguments, Result],
    *args: Arguments.args,
    **kwargs: Arguments.kwargs,
) -> Result:
    """The same, on the photo builders: for a request that brings new photos to decode."""
    return await run_on(request.app.state.builders.photos, functools.partial(work, *args, **kwargs))


async def run_on(pool: ThreadPoolExecutor, work: Callable[[], Result]) -> Result:
    return await asyncio.get_running_loop().run_in_executor(pool, work)
