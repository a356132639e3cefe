"""Work that may run long -> a process of its own, ended when its time is up: an article's import.

A thread cannot be stopped: an import of a 5 MB page takes the better part of a minute, and would go on
after the visitor's answer (a 503) for nobody. Here it runs in a child forked from a small server
process that has the importer loaded already (multiprocessing's forkserver, so a child starts in a few
milliseconds and shares nothing with the web server's threads), under a memory cap, and is killed when
its time is up. Only a HandoutError's words come back, or the result.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from handout.errors import HandoutError

TIME_LIMIT = 15.0
"""Seconds an import may take: inside the server's 20 s, so the visitor hears why."""
MEMORY_LIMIT = 2 * 1024**3
"""Bytes of address space a child may map: a real article needs a few hundred megabytes."""
TOO_LARGE = "the article is too large to read: copy only the article's own text into Article text"
PRELOADED = ["handout.web.article", "handout.content.importers"]

ISOLATED = "forkserver" in multiprocessing.get_all_start_methods()
"""Where there is no forkserver (Windows), the work runs in the caller's thread, bounded by its caps only."""
if ISOLATED:
    _context = multiprocessing.get_context("forkserver")
    _context.set_forkserver_preload(PRELOADED)


def run_isolated(work: Callable[..., Any], *args: Any, time_limit: float | None = None) -> Any:
    """`work(*args)` in a child process; its HandoutError is raised here, and so is running too long
    (over `time_limit` seconds, TIME_LIMIT by default)."""
    time_limit = TIME_LIMIT if time_limit is None else time_limit
    if not ISOLATED:
        return work(*args)
    receiving, sending = _context.Pipe(duplex=False)
    child = _context.Process(target=_run, args=(sending, work, args), daemon=True)
    child.start()
    sending.close()
    try:
        if not receiving.poll(time_limit):
            raise HandoutError(
                f"the article took over {time_limit:g} s to read and was stopped: copy only the "
                "article's own text into Article text"
            )
        try:
            outcome, value = receiving.recv()
        except EOFError:  # the child died: over its memory, or killed
            raise HandoutError(TOO_LARGE) from None
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "refused":
        raise HandoutError(*value)
    if outcome == "failed":
        raise RuntimeError(f"the isolated work failed: {value}")
    return value


def _run(sending: Connection, work: Callable[..., Any], args: tuple[Any, ...]) -> None:
    import resource  # Unix, as the forkserver is

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    try:
        sending.send(("done", work(*args)))
    except HandoutError as error:
        sending.send(("refused", list(error.messages)))
    except MemoryError:
        sending.send(("refused", [TOO_LARGE]))
    except Exception as error:  # a bug: said to the server, which logs it once
        sending.send(("failed", f"{type(error).__name__}: {error}"))
    finally:
        sending.close()
