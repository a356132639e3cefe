"""Send a composed message through a mail server: EmailMessage + "HOST:PORT" -> delivered, or one error."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from handout.errors import HandoutError

TIMEOUT = 20.0
"""Seconds to wait for the server: long enough for a slow relay, short enough to tell a coach it failed."""


def parse_server(value: str) -> tuple[str, int]:
    """--smtp HOST:PORT -> (host, port), checked before anything is built."""
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise HandoutError(
            f"--smtp {value!r} is not HOST:PORT: give the mail server like smtp.example.org:587"
        )
    return host, int(port)


def send(message: EmailMessage, server: str) -> None:
    """Hand the message to the server, encrypting the connection when the server offers STARTTLS."""
    host, port = parse_server(server)
    try:
        with smtplib.SMTP(host, port, timeout=TIMEOUT) as connection:
            connection.ehlo()
            if connection.has_extn("starttls"):
                connection.starttls(context=ssl.create_default_context())
                connection.ehlo()
            connection.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error) or "no reply"
        raise HandoutError(
            f"cannot send through the mail server {host}:{port}: {reason}: check --smtp, or leave it out "
            "and send the -o file from your mail program"
        ) from None
