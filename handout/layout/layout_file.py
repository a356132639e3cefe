"""Find and check layout files: a layout's name or a .toml path -> Layout, in points.

Layouts are files so that a coach can copy one, change it and use it without touching code. Everything a
layout may change is read here; what no layout may do (margins a printer cannot print, text under 8 pt)
is refused here too. `grayscale` turns a checked layout into its ink-saving gray version (--grayscale).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, cast, get_args

from handout.bundled import bundled_names, find_toml
from handout.content import furniture
from handout.content.routine import MAX_STRETCHES
from handout.content.schema import Checker, file_stamp, quoted, read_toml, type_name
from handout.errors import HandoutError
from handout.model import MM, CardField, Layout, TextStyle

MIN_MARGIN_MM = 12
"""Office printers cannot print closer to the edge than about 5 mm; 12 mm leaves room for any of them."""
MIN_BODY_PT = 8
MIN_BODY_PT_HALF = 7
"""A half-size copy (two-up) is held in the hand and read close: its text may go down to 7 pt."""
MIN_QR_MM = 20
"""A phone scans a QR code from a printed sheet reliably from about 2 cm across."""
SECTIONS = (
    "description",
    "page",
    "grid",
    "card",
    "text",
    "colors",
    "styles",
    "header",
    "footer",
    "qr",
    "sheet",
)
STYLE_NAMES = ("header", "title", "subtitle", "heading", "target", "hold", "point", "footer")
COLOR_NAMES = ("ink", "accent", "muted")
HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def find_layout(reference: str) -> tuple[Path, str]:
    """A layout file path, or the name of a bundled layout -> (path, name shown in messages)."""
    found = find_toml(reference, "layouts")
    if found is None:
        names = ", ".join(bundled_names("layouts"))
        raise HandoutError(
            f'unknown layout "{reference}": use one of {names}, or the path of a layout file (.toml)'
        )
    return found


def bundled_layouts() -> list[Layout]:
    """Every layout that ships with handout, by name, for `handout layouts`."""
    return [load_layout(name) for name in bundled_names("layouts")]


def layouts_taking(count: int) -> list[Layout]:
    """The bundled layouts whose capacity is at least `count` stretches, to suggest one."""
    return [layout for layout in bundled_layouts() if layout.max_stretches >= count]


def load_layout(reference: str) -> Layout:
    path, shown_as = find_layout(reference)
    return _load_layout(path, shown_as, file_stamp(path))


@lru_cache(maxsize=64)
def _load_layout(path: Path, shown_as: str, stamp: tuple[int, int] | None) -> Layout:
    """A layout file read and checked once while it stays the same (`stamp`), for batches of sheets."""
    return check_layout(read_toml(path, shown_as, "layout"), shown_as, name=path.stem)


def check_layout(data: dict[str, Any], shown_as: str, name: str) -> Layout:
    check = Checker(shown_as)
    check.keys(data, SECTIONS, "")
    description = check.text(data, "description", "", required=False) or name
    page = check.table(data, "page", "")
    grid = check.table(data, "grid", "")
    card = check.table(data, "card", "")
    text = check.table(data, "text", "")
    colors = check.table(data, "colors", "")
    styles = check.table(data, "styles", "")
    parts = {part: check.table(data, part, "") for part in ("header", "footer")}
    check.keys(page, ("margin_mm", "subtitle"), "[page]")
    check.keys(grid, ("columns", "columns_landscape", "gap_mm", "max_stretches", "rows", "span"), "[grid]")
    if "image_share" in card:
        check.problem(
            "[card]",
            '"image_share" is gone: each image box now takes its figure\'s shape; give "figure_share", the '
            "least share of a card its figure gets (0.15)",
        )
        card.pop("image_share")
    check.keys(
        card,
        ("padding_mm", "border_pt", "radius_mm", "image", "figure_share", "fit", "points", "fields"),
        "[card]",
    )
    check.keys(text, ("body_max_pt", "body_min_pt", "line_spacing", "title_min_pt"), "[text]")
    check.keys(colors, COLOR_NAMES, "[colors]")
    check.keys(styles, STYLE_NAMES, "[styles]")
    if "text" in parts["footer"]:
        check.problem("[footer]", '"text" is now called "template": rename it (plain text is a template too)')
        parts["footer"].pop("text")
    for part, table in parts.items():
        check.keys(table, ("template",), f"[{part}]")
    qr = check.table(data, "qr", "")
    check.keys(qr, ("show", "size_mm"), "[qr]")
    show_qr = check.flag(qr, "show", "[qr]", default=False)
    qr_size = check.number(qr, "size_mm", "[qr]", low=MIN_QR_MM, high=60, default=25) * MM
    sheet = check.table(data, "sheet", "")
    check.keys(sheet, ("copies",), "[sheet]")
    copies = check.integer(sheet, "copies", "[sheet]", low=1, high=2, default=1)

    palette = {
        key: check_color(colors, key, "[colors]", default, check) for key, default in DEFAULT_COLORS.items()
    }
    max_stretches = check.integer(
        grid, "max_stretches", "[grid]", low=1, high=MAX_STRETCHES, default=MAX_STRETCHES
    )
    floor = MIN_BODY_PT if copies == 1 else MIN_BODY_PT_HALF
    body_min_by_count = check_by_count(
        text, "body_min_pt", "[text]", (floor, 40), "{ 4 = 16, 6 = 14 }", max_stretches, check
    )
    body_min = min(size for _, size in body_min_by_count)
    columns = check_counts(grid, "columns", "[grid]", low=1, high=4, default=(2,), check=check)
    layout = Layout(
        name=name,
        description=description,
        columns=columns,
        columns_landscape=(
            check_counts(grid, "columns_landscape", "[grid]", low=1, high=6, default=columns, check=check)
        ),
        max_stretches=max_stretches,
        margin=check.number(page, "margin_mm", "[page]", low=MIN_MARGIN_MM, high=40, default=14) * MM,
        gap=check.number(grid, "gap_mm", "[grid]", low=0, high=30, default=5) * MM,
        card_padding=check.number(card, "padding_mm", "[card]", low=0, high=20, default=4) * MM,
        card_border=check.number(card, "border_pt", "[card]", low=0, high=4, default=0.8),
        card_radius=check.number(card, "radius_mm", "[card]", low=0, high=10, default=2.5) * MM,
        image_positions=cast(
            Any, check_choices(card, "image", "[card]", ("shape", "either", "top", "left"), ("shape",), check)
        ),
        figure_share_by_count=check_by_count(
            card, "figure_share", "[card]", (0, 0.5), "{ 4 = 0.2, 8 = 0.1 }", max_stretches, check
        ),
        row_heights=cast(
            Any, check_choices(grid, "rows", "[grid]", ("equal", "fitted", "flow"), ("equal",), check)
        ),
        span=check.flag(grid, "span", "[grid]", default=False),
        image_fit=cast(Any, check.choice(card, "fit", "[card]", ("contain", "cover"), "contain")),
        points=cast(Any, check.choice(card, "points", "[card]", ("key_points", "cues"), "key_points")),
        card_fields=check_card_fields(card.get("fields", list(CARD_FIELDS)), check),
        show_subtitle=check.flag(page, "subtitle", "[page]", default=True),
        body_max=check.number(text, "body_max_pt", "[text]", low=body_min, high=60, default=13),
        body_min=body_min,
        body_min_by_count=body_min_by_count,
        line_spacing=check.number(text, "line_spacing", "[text]", low=1.1, high=2, default=1.25),
        title_min=check.number(text, "title_min_pt", "[text]", low=body_min, high=80, default=0)
        if "title_min_pt" in text
        else 0.0,
        accent=palette["accent"],
        ink=palette["ink"],
        muted=palette["muted"],
        header_template=check_template(parts["header"], "[header]", check),
        footer_template=check_template(parts["footer"], "[footer]", check),
        qr_size=qr_size if show_qr else 0.0,
        copies=copies,
        source=shown_as,
        header=check_style(styles, "header", palette, check),
        title=check_style(styles, "title", palette, check),
        subtitle=check_style(styles, "subtitle", palette, check),
        heading=check_style(styles, "heading", palette, check),
        target=check_style(styles, "target", palette, check),
        hold=check_style(styles, "hold", palette, check),
        point=check_style(styles, "point", palette, check),
        footer=check_style(styles, "footer", palette, check),
    )
    check.done()
    return layout


def check_counts(
    table: dict[str, Any],
    key: str,
    where: str,
    *,
    low: int,
    high: int,
    default: tuple[int, ...],
    check: Checker,
) -> tuple[int, ...]:
    """A whole number, or a list of them the engine tries in order (columns = [2, 3]); 1.5 is refused."""
    values = listed(table, key, where, default, "whole number", check)
    if values is None:
        return default
    checked = (check.integer({key: item}, key, where, low=low, high=high, default=low) for item in values)
    return tuple(dict.fromkeys(checked))


MAX_TRIED_VALUES = 8
"""Values a layout may list for one key for the engine to try: it tries every combination of them, so
a layout of 12,000 image shares (shared between clubs, so untrusted) would keep a server busy for minutes."""


def listed(
    table: dict[str, Any], key: str, where: str, default: tuple[object, ...], noun: str, check: Checker
) -> list[Any] | None:
    """The values of a key that takes one value or a list of them (the default when absent), or None
    when it is an empty list, which is reported."""
    value = table.get(key, list(default))
    values = value if isinstance(value, list) else [value]
    if not values:
        check.problem(where, f'"{key}" is an empty list: give at least one {noun}')
        return None
    if len(values) > MAX_TRIED_VALUES:
        check.problem(
            where,
            f'"{key}" lists {len(values)} values: give at most {MAX_TRIED_VALUES}, the ones worth trying',
        )
        return None
    return values


def check_choices(
    table: dict[str, Any],
    key: str,
    where: str,
    choices: tuple[str, ...],
    default: tuple[str, ...],
    check: Checker,
) -> tuple[str, ...]:
    """One of `choices`, or a list of them the engine tries in order (image = ["top", "left"])."""
    value = table.get(key, list(default))
    values = listed(table, key, where, default, "choice", check)
    if values is None:
        return default
    if any(item not in choices for item in values):
        options = ", ".join(f'"{choice}"' for choice in choices)
        check.problem(where, f'"{key}" is {quoted(value)}: use one of {options}, or a list of them')
        return default
    return tuple(dict.fromkeys(str(item) for item in values))


def check_by_count(
    table: dict[str, Any],
    key: str,
    where: str,
    bounds: tuple[float, float],
    example: str,
    max_stretches: int,
    check: Checker,
) -> tuple[tuple[int, float], ...]:
    """`body_min_pt` or `figure_share`: one number, or a table of numbers by routine length, like
    { 4 = 16, 6 = 14 } (up to 4 stretches 16, up to 6 14). It ends at the layout's capacity; a missing key
    is the lower bound."""
    low, high = bounds
    value = table.get(key, low)
    if not isinstance(value, dict):
        return ((max_stretches, check.number(table, key, where, low=low, high=high, default=low)),)
    sizes: list[tuple[int, float]] = []
    for limit, size in value.items():
        # ASCII digits only, and few: int() refuses "²" and a key of 300,000 digits with a traceback
        if not re.fullmatch(r"[0-9]{1,3}", limit) or not 1 <= int(limit) <= max_stretches:
            check.problem(
                where,
                f'"{key}" has {quoted(limit)}: name a number of stretches from 1 to {max_stretches}, '
                f"like {example}",
            )
            continue
        sizes.append((int(limit), check.number({key: size}, key, where, low=low, high=high, default=low)))
    sizes.sort()
    if not sizes or sizes[-1][0] < max_stretches:
        shown = sizes[-1][0] if sizes else 0
        check.problem(
            where,
            f'"{key}" gives no value for {shown + 1} to {max_stretches} stretches: '
            f"add {max_stretches} = a value (max_stretches is {max_stretches})",
        )
        sizes.append((max_stretches, low))
    return tuple(sizes)


def check_template(table: dict[str, Any], where: str, check: Checker) -> str:
    """A header or footer template, compiled now so that a mistake in it shows before any build."""
    source = table.get("template", "")
    if not isinstance(source, str):
        check.problem(where, f'"template" must be text in quotes, not {type_name(source)}')
        return ""
    if not source.strip():
        return ""
    problem = furniture.template_problem(source)
    if problem:
        check.problem(where, f'"template" {problem}; see the examples in layouts/grid.toml')
        return ""
    return source


DEFAULT_COLORS = {"ink": "#1a1a1a", "accent": "#b8322a", "muted": "#4d4d4d"}
DEFAULT_STYLES: dict[str, dict[str, Any]] = {
    "header": {"scale": 1.0, "font": "bold", "color": "muted"},
    "title": {"scale": 2.2, "font": "bold", "color": "ink"},
    "subtitle": {"scale": 1.1, "font": "regular", "color": "ink"},
    "heading": {"scale": 1.3, "font": "bold", "color": "ink"},
    "target": {"scale": 1.0, "font": "bold", "color": "accent"},
    "hold": {"scale": 1.0, "font": "regular", "color": "muted"},
    "point": {"scale": 1.0, "font": "regular", "color": "ink"},
    "footer": {"scale": 1.0, "font": "regular", "color": "muted"},
}


CARD_FIELDS: tuple[CardField, ...] = get_args(CardField)


def check_card_fields(value: object, check: Checker) -> tuple[CardField, ...]:
    """The card's parts in the order it shows them: each at most once, and always the stretch's name."""
    if (
        not isinstance(value, list)
        or not all(field in CARD_FIELDS for field in value)
        or len(set(value)) != len(value)
        or "name" not in value
    ):
        options = ", ".join(f'"{field}"' for field in CARD_FIELDS)
        check.problem("[card]", f'"fields" is {quoted(value)}: list some of {options} once each, with "name"')
        return CARD_FIELDS
    return tuple(value)


def check_color(table: dict[str, Any], key: str, where: str, default: str, check: Checker) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not HEX_COLOR.fullmatch(value):
        check.problem(
            where, f'"{key}" is {quoted(value)}: write a colour as "#rrggbb", for example "#1a1a1a"'
        )
        return default
    return value.lower()


def check_style(styles: dict[str, Any], key: str, palette: dict[str, str], check: Checker) -> TextStyle:
    """A text style; scales start at 1 so that no text on the page is smaller than the body text."""
    where = f"[styles] {key}"
    table = check.table(styles, key, "[styles]")
    check.keys(table, ("scale", "font", "color"), where)
    default = DEFAULT_STYLES[key]
    color = table.get("color", default["color"])
    if not isinstance(color, str) or not (color in palette or HEX_COLOR.fullmatch(color)):
        names = ", ".join(f'"{name}"' for name in COLOR_NAMES)
        check.problem(where, f'"color" is {quoted(color)}: use {names} or a colour "#rrggbb"')
        color = default["color"]
    return TextStyle(
        scale=check.number(table, "scale", where, low=1, high=6, default=default["scale"]),
        font=cast(Any, check.choice(table, "font", where, ("regular", "bold"), default["font"])),
        color=palette.get(color, color).lower(),
    )


HIGHLIGHT_MAX_GRAY = 0.5
"""The lightest gray the accent may become: the highlighted muscle sits on white and light-gray
(#d9d9d9) limbs, so a light accent (a yellow, say) would vanish once its colour is gone."""


def grayscale(layout: Layout) -> Layout:
    """The layout for an ink-saving black-and-white print: every colour becomes the gray of its luminance.

    The accent, which marks the stretched muscle on the figures, is kept at least as dark as
    HIGHLIGHT_MAX_GRAY so that it still shows. A style keeps following the palette colour it used (a
    target line in the accent stays in the accent's gray). `grayscale=True` travels with the image boxes
    to images.py, which turns photos gray; the layout engine only passes it on.
    """
    ink, muted, accent = _gray(layout.ink), _gray(layout.muted), _gray(layout.accent, HIGHLIGHT_MAX_GRAY)
    colours = {layout.ink: ink, layout.muted: muted, layout.accent: accent}

    def gray(style: TextStyle) -> TextStyle:
        return replace(style, color=colours.get(style.color, _gray(style.color)))

    return replace(
        layout,
        ink=ink,
        muted=muted,
        accent=accent,
        header=gray(layout.header),
        title=gray(layout.title),
        subtitle=gray(layout.subtitle),
        heading=gray(layout.heading),
        target=gray(layout.target),
        hold=gray(layout.hold),
        point=gray(layout.point),
        footer=gray(layout.footer),
        grayscale=True,
    )


def _gray(color: str, lightest: float = 1.0) -> str:
    """A "#rrggbb" colour as the gray of the same luminance (Rec. 709 weights), no lighter than `lightest`."""
    red, green, blue = (int(color[index : index + 2], 16) for index in (1, 3, 5))
    level = round(min(0.2126 * red + 0.7152 * green + 0.0722 * blue, lightest * 255))
    return f"#{level:02x}{level:02x}{level:02x}"
