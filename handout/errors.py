"""The one exception users see: a message written for a coach, printed by the CLI as `error: ...`."""


class HandoutError(Exception):
    """A problem with the user's input or environment that they can fix.

    Each message is one line that says what is wrong, where, and how to fix it. Several problems found
    in one pass (for example every bad key of a routine file) travel together, one message each.
    """

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = messages

    def __str__(self) -> str:
        return "\n".join(self.messages)
