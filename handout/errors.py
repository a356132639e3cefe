"""The one exception users see: a message written for a coach, printed by the CLI as `error: ...`."""

from collections.abc import Sequence

MAX_MESSAGE = 600
"""Characters: a message quotes user values cut short already; this is the net under a missed one."""


def first_problems(messages: Sequence[str], most: int) -> list[str]:
    """A file with a thousand problems is not fixed from a thousand lines: the first `most`, and a count of
    the others. The CLI's `error:` lines and the web page's alerts both say problems this way."""
    if len(messages) <= most:
        return list(messages)
    more = len(messages) - most
    return [*messages[:most], f"... and {more} more problems: fix the ones above first"]


def _short(message: str) -> str:
    if len(message) <= MAX_MESSAGE:
        return message
    return message[: MAX_MESSAGE // 2] + " … " + message[-MAX_MESSAGE // 3 :]


class HandoutError(Exception):
    """A problem with the user's input or environment that they can fix.

    Each message is one line that says what is wrong, where, and how to fix it. Several problems found
    in one pass (for example every bad key of a routine file) travel together, one message each.
    """

    def __init__(self, *messages: str) -> None:
        # Messages quote the user's text (a name, a key), which may hold a line break or another
        # control character: printed as it is, it would split the message or garble the terminal.
        one_line = tuple(
            _short("".join(c if c.isprintable() else " " for c in message)) for message in messages
        )
        super().__init__(*one_line)
        self.messages = one_line

    def __str__(self) -> str:
        return "\n".join(self.messages)
