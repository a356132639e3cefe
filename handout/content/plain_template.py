"""Fill the plainest header and footer templates without Jinja2: details printed, parts made optional.

Importing Jinja2 and compiling a template costs a `handout build` more than drawing the whole page, and
most templates (every bundled one) use only two of its forms: `{{ club }}` prints a detail and
`{% if club %}...{% endif %}` prints a part only when the detail is set. A template made of those and
plain text alone is filled here by looking the names up: no expression is evaluated, nothing is
called, so there is nothing for a sandbox to guard. Any other template (a filter, a loop, an `else`,
whitespace control like `{%-`) goes to Jinja2 and its sandbox, as do the cases this module does not
decide itself: a printed detail that is not set (Jinja2's error names it), or a result over
MAX_OUTPUT. The two give the same text for every template this module takes (tests/test_templates.py
fills many both ways).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from functools import lru_cache

MAX_OUTPUT = 4_000
"""Characters a filled template may print: template_sandbox.MAX_TEXT, which Jinja2's fills are held to
(a test checks that they agree). A longer result is left to Jinja2, which reports it."""

_NAME = r"([A-Za-z_][A-Za-z0-9_]*)"
_TOKEN = re.compile(rf"\{{\{{ *{_NAME} *\}}\}}|\{{% *if +{_NAME} *%\}}|\{{% *endif *%\}}")
"""`{{ name }}`, `{% if name %}` and `{% endif %}`, with spaces (no other whitespace) inside."""
_JINJA_START = re.compile(r"\{[{%#]")
"""Where any other Jinja2 syntax would begin: text holding one of these is not plain."""
JINJA_NAMES = frozenset(
    {"true", "false", "none", "True", "False", "None", "range", "dict", "lipsum", "cycler", "joiner"}
    | {"namespace", "loop", "self", "varargs", "kwargs", "caller"}
)
"""Names that mean something to Jinja2 itself (its constants, its globals, its special variables):
a template using them goes to Jinja2, which knows what they are."""

Piece = tuple[str, str]
"""("text", the text), ("print", a name), ("if", a name) or ("endif", "")."""


@lru_cache(maxsize=64)
def plain_pieces(source: str) -> tuple[Piece, ...] | None:
    """The template cut into its text, printed names and if-blocks, or None when it is not plain
    (it uses any other Jinja2 form, a name Jinja2 gives a meaning, or its if-blocks do not pair up)."""
    pieces: list[Piece] = []
    depth = position = 0
    for token in _TOKEN.finditer(source):
        pieces.append(("text", source[position : token.start()]))
        position = token.end()
        printed, tested = token.group(1), token.group(2)
        name = printed or tested
        if name is not None and (name in JINJA_NAMES or keyword.iskeyword(name)):
            return None
        if printed is not None:
            pieces.append(("print", printed))
        elif tested is not None:
            pieces.append(("if", tested))
            depth += 1
        else:
            pieces.append(("endif", ""))
            depth -= 1
            if depth < 0:
                return None
    pieces.append(("text", source[position:]))
    texts = [text for kind, text in pieces if kind == "text"]
    # "{" just before a token would make Jinja2 read "{{{" or "{{%" differently: not plain either
    if depth or any(_JINJA_START.search(text) or text.endswith("{") for text in texts[:-1]):
        return None
    if _JINJA_START.search(texts[-1]):
        return None
    return tuple(piece for piece in pieces if piece != ("text", ""))


def fill_plain(pieces: tuple[Piece, ...], variables: Mapping[str, str]) -> str | None:
    """The plain template filled in, or None when Jinja2 must decide (a printed detail is not set, or
    the result is longer than MAX_OUTPUT)."""
    printed: list[str] = []
    skipping = 0  # how many if-blocks deep inside one whose detail is not set
    for kind, value in pieces:
        if skipping:
            skipping += {"if": 1, "endif": -1}.get(kind, 0)
        elif kind == "text":
            printed.append(value)
        elif kind == "print":
            if value not in variables:
                return None
            printed.append(variables[value])
        elif kind == "if":
            skipping = 0 if variables.get(value) else 1
    text = "".join(printed)
    return text if len(text) <= MAX_OUTPUT else None
