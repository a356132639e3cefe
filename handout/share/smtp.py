"""Send a composed message through a mail server: EmailMessage + "HOST:PORT" -> delivered, or one error.

A mail server is someone else's machine: it may be slow, refuse, or (hostile or broken) never stop
talking. Each wait for it is bounded by TIMEOUT, the whole conversation by DEADLINE, and what it may send
back by MAX_REPLY_BYTES, so `--smtp` always ends within about a minute, with a sentence saying why.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
import ssl
import threading
import time
from email.message import EmailMessage
from typing import IO, Any

from handout.content.schema import cut, quoted
from handout.errors import HandoutError

TIMEOUT = 20.0
"""Seconds to wait for the server: long enough for a slow relay, short enough to tell a coach it failed."""
DEADLINE = 60.0
"""Seconds for the whole conversation, whatever the server does: a server that keeps sending lines (each
within TIMEOUT) would otherwise keep `handout email` waiting for ever."""
MAX_REPLY_BYTES = 64 * 1024
"""A server's replies are a few lines; more than this in one conversation is not a mail server talking."""
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"(?=.{{1,253}}$)(?:{_LABEL}\.)*{_LABEL}")
"""A host name (letters, digits, dashes, labels between dots) or an IPv4 address."""
_IPV6 = re.compile(r"\[[0-9A-Fa-f:.]+\]")
_HINT = "check --smtp, or leave it out and send the -o file from your mail program"


def parse_server(value: str) -> tuple[str, int]:
    """--smtp HOST:PORT -> (host, port), checked before anything is built."""
    host, _, port = value.rpartition(":")
    if not (_HOST.fullmatch(host) or _IPV6.fullmatch(host)) or not (port.isascii() and port.isdigit()):
        raise HandoutError(
            f"--smtp {quoted(value)} is not HOST:PORT: give the mail server like smtp.example.org:587"
        )
    if not 1 <= int(port) <= 65535:
        raise HandoutError(f"--smtp {quoted(value)} is not HOST:PORT: the port must be 1 to 65535, like 587")
    return host.strip("[]"), int(port)


def send(message: EmailMessage, server: str) -> None:
    """Hand the message to the server, encrypting the connection when the server offers STARTTLS."""
    host, port = parse_server(server)
    deadline = Deadline(DEADLINE)
    try:
        with _BoundedSMTP(host, port, deadline) as connection:
            connection.ehlo()
            if connection.has_extn("starttls"):
                connection.starttls(context=ssl.create_default_context())
                connection.ehlo()
            connection.send_message(message)
    except (OSError, smtplib.SMTPException, UnicodeError, TalkedTooLong) as error:
        reason = deadline.passed() if deadline.abandoned else failure(error, host)
        raise HandoutError(f"cannot send through the mail server {host}:{port}: {reason}: {_HINT}") from None
    finally:
        deadline.cancel()


class Deadline:
    """The end of the whole conversation. A server dripping one byte at a time never trips a read's
    timeout, so at the deadline a watchdog thread shuts the connection, which ends any read in progress."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.abandoned = False
        self.sock: socket.socket | None = None
        self.watchdog = threading.Timer(seconds, self.abandon)
        self.watchdog.daemon = True
        self.watchdog.start()

    def left(self) -> float:
        return self.end - time.monotonic()

    def passed(self) -> str:
        return f"the server was still talking after {self.seconds:g} seconds"

    def abandon(self) -> None:
        self.abandoned = True
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self.watchdog.cancel()


def failure(error: BaseException, host: str) -> str:
    """What went wrong, as a sentence for a coach, not Python's repr of it."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = [f"{address} ({_reply(code, text)})" for address, (code, text) in error.recipients.items()]
        return f"the server refused to deliver to {', '.join(refused)}"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return f"the server refused the sender {error.sender} ({_reply(error.smtp_code, error.smtp_error)})"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "the server wants a user name and password, which handout does not send"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"the server said no ({_reply(error.smtp_code, error.smtp_error)})"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    if isinstance(error, TalkedTooLong):
        return str(error)
    if isinstance(error, socket.gaierror | UnicodeError):
        return f"no server called {quoted(host)} was found (is the name spelt right?)"
    if isinstance(error, TimeoutError | socket.timeout):
        return f"the server did not answer within {TIMEOUT:g} seconds"
    if isinstance(error, ConnectionRefusedError):
        return "nothing answers there (is the port right?)"
    if isinstance(error, ssl.SSLError):
        return "the encrypted connection failed (the server's certificate is not trusted)"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return "the conversation with it failed"


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {cut(words, 100)}".strip()


class TalkedTooLong(Exception):
    """The server kept the conversation going past DEADLINE, or sent more than MAX_REPLY_BYTES."""


class _BoundedSMTP(smtplib.SMTP):
    """smtplib's client, its replies read through a reader that keeps to the deadline and byte budget."""

    def __init__(self, host: str, port: int, deadline: Deadline) -> None:
        self.deadline = deadline
        self.received = 0
        try:
            super().__init__(host, port, timeout=min(TIMEOUT, deadline.left()))
        except BaseException:  # a greeting that goes on for ever: smtplib would leave the socket open
            self.close()
            raise

    def getreply(self) -> tuple[int, bytes]:
        if self.file is None and self.sock is not None:
            self.deadline.sock = self.sock
            self.file = _BoundedReader(self.sock.makefile("rb"), self)  # type: ignore[assignment]
        return super().getreply()


class _BoundedReader:
    """A socket file whose every line is checked against the conversation's deadline and byte budget."""

    def __init__(self, file: IO[bytes], connection: _BoundedSMTP) -> None:
        self.file, self.connection = file, connection

    def readline(self, limit: int = -1) -> bytes:
        connection = self.connection
        left = connection.deadline.left()
        if left <= 0:
            connection.deadline.abandoned = True
            raise TalkedTooLong(connection.deadline.passed())
        if connection.sock is not None:
            connection.sock.settimeout(min(TIMEOUT, left))
        line = self.file.readline(limit)
        connection.received += len(line)
        if connection.received > MAX_REPLY_BYTES:
            raise TalkedTooLong(f"the server sent more than {MAX_REPLY_BYTES // 1024} KB of replies")
        return line

    def close(self) -> None:
        self.file.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)
