"""`handout serve --workers N`: a listening socket of its own for each worker process, where Linux allows.

On one shared socket, the worker that wakes first accepts every connection waiting (asyncio takes up to
the whole backlog at once), so 8 coaches' kept-open connections piled onto one worker and a second
worker gave 1.19x, not 2x. With SO_REUSEPORT each worker listens on a socket of its own on the same
port, and Linux hands each new connection to one of them by a hash of its addresses. Elsewhere (macOS
and the BSDs have the option but give every connection to one socket) the workers share one socket,
as uvicorn does.
"""

from __future__ import annotations

import socket
import sys

from uvicorn import Config
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess
from uvicorn.supervisors.multiprocess import Process

SPREADS_CONNECTIONS = sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT")


def listening_sockets(config: Config) -> list[socket.socket]:
    """One socket for each of `config.workers`, or one for them all where the kernel would not spread.

    The port is bound first as uvicorn binds it, so a port in use is said as ever (and a second
    `handout serve` on the same port cannot join this one's sockets: it fails on that first bind)."""
    shared = config.bind_socket()
    if not SPREADS_CONNECTIONS:
        return [shared]
    family = shared.family
    shared.close()
    sockets = []
    for _ in range(config.workers):
        own = socket.socket(family=family, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
        own.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        own.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        own.bind((config.host, config.port))
        own.set_inheritable(True)
        sockets.append(own)
    return sockets


class SocketEach(Multiprocess):
    """uvicorn's supervisor, with worker number i on socket i (all on the one shared socket if only one).

    A worker that dies (or is restarted by SIGHUP) is replaced on its own socket: a socket nobody
    accepts on would hold the connections Linux gives it for good. SIGTTIN's extra workers share the
    first socket."""

    def __init__(self, config: Config, sockets: list[socket.socket]) -> None:
        super().__init__(config, sockets[:1])
        self.own_sockets = sockets if len(sockets) == config.workers else sockets[:1] * config.workers

    def init_processes(self) -> None:
        self.processes = [self.started(index) for index in range(len(self.own_sockets))]

    def started(self, index: int) -> Process:
        process = Process(self.config, [self.own_sockets[index % len(self.own_sockets)]])
        process.start()
        return process

    def restart_all(self) -> None:
        """Each worker replaced in turn, its replacement serving first, as uvicorn does on SIGHUP."""
        for index, old_process in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            new_process = self.started(index)
            if not new_process.wait_until_ready(self.config.timeout_worker_healthcheck, self.should_exit):
                new_process.kill()
                new_process.join()
                return
            old_process.terminate()
            old_process.join()
            self.processes[index] = new_process

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return
        for index, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:  # the app cannot start: it would fail again
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            self.processes[index] = self.started(index)
