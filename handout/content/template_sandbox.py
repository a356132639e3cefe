"""The sandbox a layout's header and footer templates run in: Jinja2's immutable sandbox, with a budget.

A layout is a file people share, so its templates are untrusted: Jinja2's sandbox already stops them
reaching Python's insides, but not from looping for ever or building gigabytes (`range(100000)` loops
inside each other, `'x' * 10**8`, `'%999999999d' % 1`, `lipsum(100000)`). Here every loop, call, filter
and operator of a template draws on a budget kept for each fill:
- every loop step and call counts, up to MAX_STEPS, and the whole fill ends after MAX_SECONDS;
- no text or list it makes may be longer than MAX_TEXT, and no number it passes to a function or
  filter may be over MAX_NUMBER (nothing a header needs comes close to either);
- it cannot include, import or extend other templates, nor call lipsum.
What goes over is a `TemplateBudgetError`, which furniture.py reports naming the layout and the part.
"""

from __future__ import annotations

import contextvars
import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from jinja2 import StrictUndefined, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_STEPS = 100_000
"""Loop steps and calls in one fill: a header loops over a handful of details, a few dozen steps."""
MAX_SECONDS = 2.0
MAX_TEXT = 4_000
"""Characters (or items) of any value a template makes; a header or footer line is under 300."""
MAX_WRITTEN = 100_000
"""Characters a template may write in all, counting what goes into {% set %} blocks and macros."""
MAX_NUMBER = 10_000
"""The largest number a template may pass to a function or filter (widths, counts, repeats)."""
MAX_POWER = 64
MAX_BITS = 20_000
"""Bits of any whole number a template makes (about 6,000 digits): each operation stays fast."""
_HUGE_WIDTH = re.compile(r"%[-#0 +]*(?:\*|\d{4,})|%[-#0 +]*\d*\.(?:\*|\d{4,})|\{[^{}]*:[^{}]*(?:\d{4,}|\{)")
"""A %-format or format() field asking for a width or precision of thousands of characters."""


class TemplateBudgetError(Exception):
    """A template went over its budget: the message says which limit, in words for a coach."""


class _Budget:
    """What one fill may still spend."""

    def __init__(self) -> None:
        self.steps = 0
        self.written = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TemplateBudgetError(f"it loops or calls more than {MAX_STEPS:,} times")
        if self.steps % 512 == 0 and time.monotonic() > self.deadline:
            raise TemplateBudgetError(f"it takes more than {MAX_SECONDS:g} seconds")


_budget: contextvars.ContextVar[_Budget] = contextvars.ContextVar("template_budget")


def render_within_budget(template: Any, variables: dict[str, Any]) -> str:
    """The template rendered with a fresh budget; output over MAX_TEXT stops the render."""
    token = _budget.set(_Budget())
    try:
        parts: list[str] = []
        length = 0
        for part in template.generate(variables):
            length += len(part)
            if length > MAX_TEXT:
                raise TemplateBudgetError(f"it prints more than {MAX_TEXT:,} characters")
            parts.append(part)
        return "".join(parts)
    finally:
        _budget.reset(token)


def _spend() -> None:
    budget = _budget.get(None)
    if budget is None:  # compile-time constant folding: the fill's own budget applies later
        raise TemplateBudgetError("not while compiling")
    budget.step()


def _checked(value: Any) -> Any:
    """A value the template made, refused when it is too large."""
    if isinstance(value, int) and value.bit_length() > MAX_BITS:
        raise TemplateBudgetError("it makes a number with thousands of digits")
    if isinstance(value, str | list | tuple | dict) and len(value) > MAX_TEXT:
        raise TemplateBudgetError(f"it makes a text or list longer than {MAX_TEXT:,}")
    return value


def _check_arguments(arguments: Iterable[Any]) -> None:
    for argument in arguments:
        if (
            isinstance(argument, int | float)
            and not isinstance(argument, bool)
            and abs(argument) > MAX_NUMBER
        ):
            raise TemplateBudgetError(f"it uses the number {argument:.0f}, over {MAX_NUMBER:,}")
        _checked(argument)


def _check_format(text: object) -> None:
    if isinstance(text, str) and _HUGE_WIDTH.search(text):
        raise TemplateBudgetError("it formats a value thousands of characters wide")


def _emit(value: Any) -> Any:
    """A piece of output, anywhere in the template: its length counts towards MAX_WRITTEN."""
    budget = _budget.get(None)
    if budget is None:
        raise TemplateBudgetError("not while compiling")
    budget.written += len(str(value))
    if budget.written > MAX_WRITTEN:
        raise TemplateBudgetError(f"it writes more than {MAX_WRITTEN:,} characters")
    return value


def _budgeted_iter(iterable: Iterable[Any]) -> Iterator[Any]:
    """A template's `for` loop, each step drawn from the budget."""
    for item in iterable:
        _spend()
        yield item


def _budgeted_range(*arguments: int) -> range:
    _check_arguments(arguments)
    numbers = range(*arguments)
    if len(numbers) > MAX_TEXT:
        raise TemplateBudgetError(f"it counts to more than {MAX_TEXT:,}")
    return numbers


class _Budgeted(NodeTransformer):
    """Rewrites a parsed template so that its loops draw on the budget and its joined texts (`~`)
    are checked for size."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _environment_call("handout_iter", cast(nodes.Expr, node.iter))
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _environment_call("handout_checked", node)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        """Everything a template writes, also into a {% set %} block or a macro's body, is counted."""
        self.generic_visit(node)
        node.nodes = [
            _environment_call(
                "handout_emit", nodes.Const(child.data) if isinstance(child, nodes.TemplateData) else child
            )
            for child in node.nodes
        ]
        return node


def _environment_call(name: str, argument: nodes.Expr) -> nodes.Call:
    call = nodes.Call(nodes.EnvironmentAttribute(name), [argument], [], None, None)
    call.set_lineno(argument.lineno)
    return call


_FORBIDDEN = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


class BudgetedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, whose templates spend a budget (see the module's docstring)."""

    intercepted_binops = frozenset(["*", "**", "%", "+", "//"])

    def __init__(self, undefined: type[StrictUndefined]) -> None:
        super().__init__(undefined=undefined, autoescape=False)
        self.handout_iter = _budgeted_iter
        self.handout_checked = _checked
        self.handout_emit = _emit
        self.globals.pop("lipsum", None)
        self.globals["range"] = _budgeted_range
        self.filters = {name: _budgeted_filter(name, function) for name, function in self.filters.items()}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for node in tree.find_all(_FORBIDDEN):
            raise TemplateBudgetError(
                f"line {node.lineno} uses {{% {type(node).__name__.lower()} %}}: a header or footer cannot "
                "include, import or extend other templates"
            )
        return _Budgeted().visit(tree)  # type: ignore[no-any-return]

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _spend()
        _check_arguments(args)
        _check_arguments(kwargs.values())
        wrapped = getattr(__obj, "__wrapped__", __obj)
        if getattr(wrapped, "__name__", "") in ("format", "format_map"):
            _check_format(getattr(wrapped, "__self__", None))
        return _checked(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _spend()
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_POWER:
            raise TemplateBudgetError(f"it raises a number to the power {right:.0f}, over {MAX_POWER}")
        if operator == "**" and isinstance(left, int) and left.bit_length() * abs(right) > MAX_BITS:
            raise TemplateBudgetError("it makes a number with thousands of digits")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                sized = isinstance(sequence, str | list | tuple) and isinstance(count, int)
                if sized and len(sequence) * count > MAX_TEXT:
                    raise TemplateBudgetError(f"it makes a text or list longer than {MAX_TEXT:,}")
        if operator == "%":
            _check_format(left)
        return _checked(super().call_binop(context, operator, left, right))


def _budgeted_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose numbers and texts are checked, and whose result is, too."""

    @functools.wraps(function)
    def budgeted(*args: Any, **kwargs: Any) -> Any:
        _spend()
        _check_arguments(args)
        _check_arguments(kwargs.values())
        if name == "format" and args:
            _check_format(next((arg for arg in args if isinstance(arg, str)), None))
        return _checked(function(*args, **kwargs))

    return budgeted
