"""The editor page's form <-> a routine: form fields -> EditorState -> routine data, and back.

Every request carries the whole routine in its form fields (stretch N's fields are `sN-name`,
`sN-target`, ...), so that two coaches, or two tabs, never see each other's work. An uploaded photo is
the one thing kept on the server, in the browser session's store (web/photo_store.py): the page sends
back only its reference (`sN-photo_ref`), looked up in that session's photos alone. What comes back is
the visitor's text like any field: the reference is only looked up, the photo's file name only shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from handout.content.library import LANGUAGES, library, stretch_fields
from handout.content.routine import MAX_STRETCHES
from handout.content.sheet_words import ENGLISH, translations, words_for
from handout.errors import HandoutError
from handout.web.form_data import check_size
from handout.web.photo_store import REFERENCE, SessionPhotos
from handout.web.sheets import Choices
from handout.web.uploads import photo_key, received_photo, shown_name

DETAILS = (("club", "Club"), ("date", "Date"), ("url", "Web address"), ("contact", "Contact"))
"""The details the page asks for, with their labels: the ones the bundled layouts print."""
DEFAULT_TITLE = ENGLISH.title
MAX_HELD = 2 * MAX_STRETCHES
"""Stretches the editor holds: a routine opened with more than a sheet's 8 keeps them all, and the
page says to remove some (the sheet's own check), rather than cutting them without a word."""
OWN_LAYOUT = "own"
"""The Layout choice that means the visitor's own uploaded layout file."""


@dataclass(frozen=True)
class StretchForm:
    """One stretch as the form shows it: texts as typed, key points one per line."""

    name: str = ""
    target: str = ""
    hold: str = ""
    points: str = ""
    cues: str = ""
    figure: str = ""
    """The bundled illustration it shows (from the library entry it was added from), if any."""
    photo_name: str = ""
    """The visitor's name of the photo it shows, for display only: the server knows it by `photo_key`."""
    photo: bytes = b""
    photo_ref: str = ""
    """The photo's reference in the session's store (what the page sends back instead of the photo); set
    without `photo` when the store no longer has it, so that the page says so until it is replaced."""
    entry: str = ""
    """The library entry it was added from, if any: its words follow the sheet's language."""
    words_lang: str = ""
    """The language of the library words it shows (one of the library's LANGUAGES)."""


@dataclass(frozen=True)
class EditorState:
    title: str = DEFAULT_TITLE
    subtitle: str = ""
    details: dict[str, str] = field(default_factory=dict)
    stretches: tuple[StretchForm, ...] = ()
    choices: Choices = field(default_factory=Choices)
    own_layout: str = ""
    """The text of the layout file the visitor uploaded, kept while they try the bundled ones."""
    search: str = ""

    def routine_data(self) -> dict[str, Any]:
        """The routine as a routine file would hold it, for the same checks as the CLI's."""
        data: dict[str, Any] = {"title": self.title}
        if self.subtitle.strip():
            data["subtitle"] = self.subtitle
        details = {key: value for key, value in self.details.items() if value.strip()}
        if details:
            data["details"] = details
        stretches = [stretch_data(stretch) for stretch in self.stretches]
        if stretches:
            data["stretches"] = stretches
        return data

    def lost_photos(self) -> list[str]:
        """A line for each stretch whose photo the server no longer keeps (expired, or the browser's
        session is gone): beside its photo field, while the rest of the sheet works on."""
        return [
            f'stretch {number}: photo: the server no longer has "{stretch.photo_name}": '
            "choose the photo again"
            for number, stretch in enumerate(self.stretches, start=1)
            if stretch.photo_ref and not stretch.photo
        ]

    def photos(self) -> dict[str, bytes]:
        """The stretches' photos by the name their `image` gives them: a hash, never the photo's file name."""
        return {photo_key(stretch.photo): stretch.photo for stretch in self.stretches if stretch.photo}


def stretch_data(stretch: StretchForm) -> dict[str, Any]:
    table: dict[str, Any] = {"name": stretch.name, "target": stretch.target}
    if stretch.hold.strip():
        table["hold"] = stretch.hold
    table["key_points"] = lines(stretch.points)
    if stretch.cues.strip():
        table["cues"] = lines(stretch.cues)
    image = photo_key(stretch.photo) if stretch.photo else stretch.figure
    if image:
        table["image"] = image
    return table


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def state_from_form(
    form: Mapping[str, Any], uploads: Mapping[str, tuple[str, bytes]], kept: SessionPhotos
) -> EditorState:
    """The page's form fields (and this request's photo uploads, by field name) -> the editor's state.

    A newly uploaded photo is checked here, so a wrong file is reported beside its own field, and kept
    in the session's photos; a photo sent earlier is taken from them by its reference.
    """
    problems: list[str] = []
    stretches = []
    for number in range(1, MAX_HELD + 1):
        prefix = f"s{number}-"
        if f"{prefix}name" not in form:
            break
        stretch = StretchForm(
            name=text(form, f"{prefix}name"),
            target=text(form, f"{prefix}target"),
            hold=text(form, f"{prefix}hold"),
            points=text(form, f"{prefix}points"),
            cues=text(form, f"{prefix}cues"),
            figure=text(form, f"{prefix}figure"),
            photo_name=shown_name(text(form, f"{prefix}photo_name")),
            entry=text(form, f"{prefix}entry"),
            words_lang=text(form, f"{prefix}words_lang"),
        )
        reference = text(form, f"{prefix}photo_ref")
        if f"{prefix}photo" in uploads:
            filename, content = uploads[f"{prefix}photo"]
            name = shown_name(filename)
            try:
                photo = received_photo(content, name, f"stretch {number}: photo")
                stretches.append(replace(stretch, photo_name=name, photo=photo, photo_ref=kept.put(photo)))
                continue
            except HandoutError as error:  # the photo it had stays
                problems.extend(error.messages)
        if REFERENCE.fullmatch(reference):
            stretch = replace(stretch, photo=kept.get(reference) or b"", photo_ref=reference)
        else:
            stretch = replace(stretch, photo_name="")
        stretches.append(stretch)
    lang = text(form, "lang")
    stretches = [in_language(stretch, lang) for stretch in stretches]
    layout, layout_text = text(form, "layout") or "grid", text(form, "layout_text")
    if "layout_file" in uploads:
        layout, layout_text = OWN_LAYOUT, uploads["layout_file"][1].decode("utf-8", errors="replace")
    try:
        check_size(layout_text.encode(), "layout", "the layout file")
    except HandoutError as error:
        problems.extend(error.messages)
        layout, layout_text = "grid", ""
    state = EditorState(
        title=title_in_language(text(form, "title"), lang),
        subtitle=text(form, "subtitle"),
        details={key: text(form, key) for key, _ in DETAILS},
        stretches=tuple(stretches),
        choices=Choices(
            layout=layout,
            paper=text(form, "paper") or "a4",
            orientation=text(form, "orientation") or "portrait",
            grayscale=bool(text(form, "grayscale")),
            lang=lang,
            layout_text=layout_text if layout == OWN_LAYOUT and layout_text else None,
        ),
        own_layout=layout_text,
        search=text(form, "q"),
    )
    if problems:
        raise PhotoRefused(state, problems)
    return state


class PhotoRefused(HandoutError):
    """An uploaded photo could not be used: the page shows why, and keeps everything else typed."""

    def __init__(self, state: EditorState, problems: list[str]) -> None:
        super().__init__(*problems)
        self.state = state


def text(form: Mapping[str, Any], key: str) -> str:
    value = form.get(key, "")
    return value if isinstance(value, str) else ""


def title_in_language(title: str, lang: str) -> str:
    """The new sheet's title in the sheet's language while the coach has not changed it (it is still one
    of the languages' starting titles); a title the coach typed stays as typed, as does any title while
    the language is Automatic (found from the text)."""
    starting = {words.title for words in translations().values()}
    return words_for(lang).title if lang and title in starting else title


def words_language(lang: str) -> str:
    """The language the library's words are taken in for a sheet in `lang` (English for any other)."""
    return lang if lang in LANGUAGES else "en"


def stretch_from_library(entry_id: str, lang: str = "") -> StretchForm:
    return stretch_from_table({"use": entry_id}, lang)


def stretch_from_table(table: Mapping[str, Any], lang: str = "") -> StretchForm:
    """A routine file's stretch (its `use` resolved in the sheet's language `lang`) -> the form's fields."""
    entry = ""
    if isinstance(table.get("use"), str) and table["use"] in library():
        entry = table["use"]
        fields = stretch_fields(entry, words_language(lang))
        table = {**fields, **{k: v for k, v in table.items() if k != "use"}}
    image = table.get("image")
    return StretchForm(
        name=as_text(table.get("name")),
        target=as_text(table.get("target")),
        hold=as_text(table.get("hold")),
        points="\n".join(as_text(point) for point in as_list(table.get("key_points"))),
        cues="\n".join(as_text(cue) for cue in as_list(table.get("cues"))),
        figure=image if isinstance(image, str) and "/" not in image and "." not in image else "",
        entry=entry,
        words_lang=words_language(lang) if entry else "",
    )


TRANSLATED = ("name", "target", "hold", "points", "cues")
"""The fields of a library stretch that change with the sheet's language."""


def in_language(stretch: StretchForm, lang: str) -> StretchForm:
    """A library stretch with its words in the sheet's language, if the coach has not changed them; a stretch
    the coach wrote in keeps all its words in their language (not half of them), and the page asks whether
    to change it too (`kept_in_language`, and the `relang:N` button)."""
    wanted = words_language(lang)
    if stretch.entry not in library() or stretch.words_lang not in LANGUAGES or stretch.words_lang == wanted:
        return stretch
    if edited_by_hand(stretch):
        return stretch
    return relanguaged(stretch, wanted)


def edited_by_hand(stretch: StretchForm) -> bool:
    """Whether a library stretch's words differ from the library's in the language they were taken in."""
    shown = stretch_from_library(stretch.entry, stretch.words_lang)
    return any(not same_text(getattr(stretch, key), getattr(shown, key)) for key in TRANSLATED)


def relanguaged(stretch: StretchForm, wanted: str) -> StretchForm:
    """The library's words for the stretch in `wanted`; its photo or drawing stays."""
    new = stretch_from_library(stretch.entry, wanted)
    return replace(stretch, **{key: getattr(new, key) for key in TRANSLATED}, words_lang=wanted)


def kept_in_language(state: EditorState) -> list[tuple[int, str, str]]:
    """The library stretches that kept the coach's words in another language than the sheet's: (number,
    name, their language), for the page to offer to change them too."""
    wanted = words_language(state.choices.lang)
    return [
        (number, stretch.name, stretch.words_lang)
        for number, stretch in enumerate(state.stretches, start=1)
        if stretch.entry in library() and stretch.words_lang in LANGUAGES and stretch.words_lang != wanted
    ]


def state_from_routine(data: Mapping[str, Any], keep: EditorState) -> EditorState:
    """An opened or imported routine's data -> the editor, keeping the visitor's paper and layout."""
    found = data.get("details")
    details: Mapping[str, Any] = found if isinstance(found, dict) else {}
    tables = [table for table in as_list(data.get("stretches")) if isinstance(table, dict)]
    found_lang = data.get("lang")
    # A language the sheet cannot print is said beside Open (saved_sheet); the Language menu keeps its choice.
    lang = found_lang if isinstance(found_lang, str) and found_lang in translations() else keep.choices.lang
    return replace(
        keep,
        title=as_text(data.get("title")),
        subtitle=as_text(data.get("subtitle")),
        details={key: as_text(details.get(key)) for key, _ in DETAILS},
        stretches=tuple(stretch_from_table(table, lang) for table in tables[:MAX_HELD]),
        choices=replace(keep.choices, lang=lang),
    )


def same_text(typed: str, library_text: str) -> bool:
    """Whether a field still holds the library's words: browsers send a textarea's lines with CRLF."""
    return lines(typed) == lines(library_text)


def as_text(value: object) -> str:
    return value if isinstance(value, str) else ""


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def apply_action(state: EditorState, action: str) -> EditorState:
    """A button of the page: add:ID, up:N, down:N, remove:N, unphoto:N, relang:N (N counts from 1); others:
    none."""
    verb, _, argument = action.partition(":")
    stretches = list(state.stretches)
    if verb == "add" and argument in library() and len(stretches) < MAX_STRETCHES:
        stretches.append(stretch_from_library(argument, state.choices.lang))
    elif verb == "relang" and (number := stretch_number(argument, len(stretches))):
        index = number - 1
        if stretches[index].entry in library():
            stretches[index] = relanguaged(stretches[index], words_language(state.choices.lang))
    elif verb == "unphoto" and (number := stretch_number(argument, len(stretches))):
        index = number - 1
        stretches[index] = replace(stretches[index], photo_name="", photo=b"", photo_ref="")
    elif verb in ("up", "down", "remove") and (number := stretch_number(argument, len(stretches))):
        index = number - 1
        if verb == "remove":
            del stretches[index]
        else:
            other = index - 1 if verb == "up" else index + 1
            if 0 <= other < len(stretches):
                stretches[index], stretches[other] = stretches[other], stretches[index]
    return replace(state, stretches=tuple(stretches))


def stretch_number(argument: str, count: int) -> int | None:
    """The stretch a button names (`up:3` -> 3), if there is one: ASCII digits only, from 1 to `count`.

    The value is the visitor's text: "²" and "①" are digits to str.isdigit but not to int(), and 5,000
    digits are more than int() reads."""
    if not (argument.isascii() and argument.isdecimal() and len(argument) <= 2):
        return None
    number = int(argument)
    return number if 1 <= number <= count else None
