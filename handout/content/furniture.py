"""Fill a layout's header and footer templates: layout + details -> plain text for the layout engine.

The details are checked here too, wherever they come from (a routine's [details], --set, a roster's
columns): names a template can use, text values of a printable length.

Layouts are files people share, so their templates run in Jinja2's immutable sandbox: a template can
print and test the details it is given, and nothing else (no attributes like `__class__`, no changing
a value). The details (the routine's title, its `[details]` table and the command line's `--set`
values) are data: they are printed as they are, never read as templates themselves.

Printing a detail that is not set is an error naming it, never a silent blank; testing one with
`{% if club %}` is how a template makes a part optional. A template of only those two forms and text
(every bundled one) is filled without Jinja2 (plain_template.py): Jinja2 is imported only for a
template that needs it, because importing it costs a build more than drawing the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, fields
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from handout.content.dates import sheet_date
from handout.content.plain_template import fill_plain, plain_pieces
from handout.content.schema import cut, quoted, tidy_text
from handout.content.sheet_words import ENGLISH, Words
from handout.errors import HandoutError
from handout.model import Furniture, Layout, Routine

if TYPE_CHECKING:
    from jinja2 import Environment, Template

Part = Literal["header", "footer"]
DETAIL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
"""Detail names are what a template can write between {{ and }}: letters, digits and _."""
RESERVED = ("title", *(field.name for field in fields(Words)))
"""Variables handout sets itself: the routine's title, and the words it prints in the sheet's language
(safety, safety_short, questions, ...), which come from translations.toml."""
MAX_DETAIL_LENGTH = 300
MAX_NAME_LENGTH = 40
MAX_TEMPLATE_LENGTH = 2_000
"""Characters of a header or footer template: the bundled ones are under 200."""


def page_furniture(
    routine: Routine, layout: Layout, settings: Mapping[str, str], words: Words = ENGLISH, lang: str = "en"
) -> Furniture:
    """The header and footer lines for this routine: its title and [details], overridden by --set,
    and the sheet's own words (the safety advice) in its language, `lang`; its `date` in the language's
    own form when it is one (dates.py).

    The `url` detail also becomes the QR code, when the layout shows one.
    """
    variables = {**asdict(words), "title": routine.title, **routine.details, **settings}
    if "date" in variables:
        variables["date"] = sheet_date(variables["date"], lang)
    return Furniture(
        header=fill(layout.header_template, variables, layout.source, "header"),
        footer=fill(layout.footer_template, variables, layout.source, "footer"),
        url=variables.get("url") if layout.qr_size else None,
    )


def template_problem(source: str) -> str | None:
    """Why a template cannot be compiled (its line and Jinja2's reason), or None when it can."""
    if len(source) > MAX_TEMPLATE_LENGTH:
        return f"is {len(source):,} characters long: keep a header or footer under {MAX_TEMPLATE_LENGTH:,}"
    if plain_pieces(source) is not None:
        return None
    from jinja2 import TemplateSyntaxError  # only here: a plain template needs no Jinja2 (see above)

    from handout.content.template_sandbox import TemplateBudgetError

    try:
        _compiled(source)
    except TemplateSyntaxError as error:
        return f"has a mistake on line {error.lineno}: {cut(str(error.message).rstrip('.'), 200)}"
    except TemplateBudgetError as error:
        return f"cannot be used: {error}"
    except RecursionError:
        return "is nested too deeply (brackets or blocks inside each other): simplify it"
    return None


def fill(source: str, variables: Mapping[str, str], layout_source: str, part: Part) -> str:
    """The template filled in, as one line of plain text ("" when it prints nothing but spaces)."""
    if not source:
        return ""
    pieces = plain_pieces(source) if len(source) <= MAX_TEMPLATE_LENGTH else None
    text = None if pieces is None else fill_plain(pieces, variables)
    return tidy_text(text if text is not None else fill_with_jinja(source, variables, layout_source, part))


def fill_with_jinja(source: str, variables: Mapping[str, str], layout_source: str, part: Part) -> str:
    """The template filled by Jinja2 in its budgeted sandbox, every failure a message naming the part."""
    from jinja2 import UndefinedError  # only here: a plain template needs no Jinja2 (see above)
    from jinja2.sandbox import SecurityError

    from handout.content.template_sandbox import TemplateBudgetError, render_within_budget

    where = f"{layout_source}: [{part}] template"
    problem = template_problem(source)
    if problem:
        raise HandoutError(f"{where} {problem}")
    try:
        text = render_within_budget(_compiled(source), dict(variables))
    except SecurityError as error:
        raise HandoutError(
            f"{where} is not allowed to do that ({cut(str(error).rstrip('.'), 120)}): "
            "a template may only print and test details"
        ) from None
    except UndefinedError as error:
        name = re.match(r"'([^']+)' is undefined", str(error))
        if name is None:
            raise HandoutError(f"{where} cannot be filled: {cut(str(error), 120)}") from None
        raise HandoutError(
            f"{where} uses {quoted(name[1])}, which is not set: add --set {name[1][:40]}=... "
            f'or {name[1][:40]} = "..." under [details] in the routine'
        ) from None
    except TemplateBudgetError as error:
        raise HandoutError(
            f"{where} is refused: {error}: a header or footer prints a line of details"
        ) from None
    except Exception as error:
        raise HandoutError(f"{where} cannot be filled: {template_failure(error)}") from None
    return text


def template_failure(error: Exception) -> str:
    """What a template did wrong, in words for a coach, from the Python error it raised."""
    if isinstance(error, ZeroDivisionError):
        return "it divides by zero"
    if isinstance(error, RecursionError):
        return "a macro or loop calls itself without end"
    if isinstance(error, MemoryError | OverflowError):
        return "it makes a number or text too large"
    if isinstance(error, TypeError):
        return f"it mixes text and numbers, or calls what cannot be called ({cut(str(error), 120)})"
    return f"it fails ({type(error).__name__}: {cut(str(error), 120)})"


def check_details(table: Mapping[str, object], where: str) -> tuple[dict[str, str], list[str]]:
    """Details from a routine's [details] table or --set: the usable ones, and a message per bad one."""
    details: dict[str, str] = {}
    problems: list[str] = []
    for name, value in table.items():
        if not DETAIL_NAME.fullmatch(name) or len(name) > MAX_NAME_LENGTH:
            problems.append(
                f"{where}: {quoted(name)} cannot be a detail name: use up to {MAX_NAME_LENGTH} letters, "
                "digits and _ (like club or date_2)"
            )
        elif name in RESERVED:
            problems.append(f"{where}: {name} comes from the routine's own {name} = ...: use another name")
        elif not isinstance(value, str):
            problems.append(f'{where}: "{name}" must be text in quotes, like {name} = "..."')
        elif len(tidy := tidy_text(value)) > MAX_DETAIL_LENGTH:
            problems.append(
                f'{where}: "{name}" is {len(tidy)} characters long: keep it under {MAX_DETAIL_LENGTH}'
            )
        else:
            details[name] = tidy
    return details, problems


def parse_settings(settings: list[str]) -> dict[str, str]:
    """The command line's `--set name=value` options -> details, or every malformed one as an error."""
    table: dict[str, str] = {}
    malformed: list[str] = []
    for setting in settings:
        name, equals, value = setting.partition("=")
        if not equals or not name.strip():
            malformed.append(
                f'--set {quoted(setting)} is not name=value: write it like --set club="Riverside Runners"'
            )
        else:
            table[name.strip()] = value
    details, problems = check_details(table, "--set")
    if malformed or problems:
        raise HandoutError(*malformed, *problems)
    return details


@lru_cache(maxsize=64)
def _compiled(source: str) -> Template:
    return _environment().from_string(source)


@cache
def _environment() -> Environment:
    from jinja2 import StrictUndefined

    from handout.content.template_sandbox import BudgetedSandbox

    class Unset(StrictUndefined):
        """Printing an unset detail fails; `{% if club %}` reads it as false, so parts can be optional."""

        def __bool__(self) -> bool:  # type: ignore[override]  # StrictUndefined fails here; this one is false
            return False

    return BudgetedSandbox(undefined=Unset)
