"""The editor page's endpoints: the form -> EditorState -> the page, a fragment htmx swaps, or a file.

Without JavaScript every button posts the whole form and gets the whole page back; with htmx (the
HX-Request header) the same endpoints answer only the part of the page that changed.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from handout.content.routine import MAX_STRETCHES
from handout.content.sheet_words import translations
from handout.errors import HandoutError
from handout.layout.layout_file import bundled_layouts
from handout.share.preview import render_png, render_screen_png
from handout.web.api import PNG_WIDTH
from handout.web.article import imported_routine
from handout.web.builders import in_builder, in_photo_builder
from handout.web.downloads import attachment
from handout.web.editor import (
    DETAILS,
    EditorState,
    PhotoRefused,
    apply_action,
    kept_in_language,
    state_from_form,
    state_from_routine,
    stretch_number,
    words_language,
)
from handout.web.field_errors import GENERAL, shown_errors
from handout.web.form_data import Uploads, check_size, read_form
from handout.web.isolated import run_isolated
from handout.web.photo_store import SessionPhotos
from handout.web.saved_sheet import opened_file, saved_file
from handout.web.sessions import session_of
from handout.web.sheets import build_pdf, safe_stem
from handout.web.thumbnails import matching_cards, stretch_picture

SHOWN_AS = "the routine"
"""How messages name the routine being edited (the CLI names the file)."""
BUTTON_SLOTS = ("layout", "routine_file", "article", "email_from", "email_to")
"""The alerts beside the print options, Open, Import and the e-mail address (field_errors says which)."""
LANGUAGES = {  # each in its own name; the menu lists those the sheet has words in (translations.toml)
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "zh": "中文",
    "zh-Hant": "繁體中文",
    "ja": "日本語",
    "ko": "한국어",
    "it": "Italiano",
    "pt": "Português",
    "nl": "Nederlands",
    "pl": "Polski",
    "tr": "Türkçe",
    "ar": "العربية",
    "he": "עברית",
    "hi": "हिन्दी",
    "th": "ไทย",
    "bn": "বাংলা",
    "ta": "தமிழ்",
}
RESTORED = "Your last sheet is back, as this browser kept it."
"""The notice after a reload, when the page brings back the sheet the browser kept (static/editor.js)."""
DEFAULT_SENDER = "handout@localhost"
DEFAULT_RECIPIENT = "runners@example.org"


async def editor(request: Request) -> Response:
    return await in_builder(request, render, request, EditorState())


async def edit(request: Request) -> Response:
    """A button of the page: add, move, remove, search, open a routine, import an article."""
    fields, uploads = await read_form(request)
    return await builder_for(uploads)(request, edited, request, fields, uploads)


def builder_for(uploads: Uploads) -> Callable[..., Awaitable[Response]]:
    """A request that brings a new photo is built by the photo builders: decoding it is the costly part."""
    photos = any(key.endswith("-photo") or key == "routine_file" for key in uploads)  # a saved sheet's too
    return in_photo_builder if photos else in_builder


def edited(request: Request, fields: dict[str, str], uploads: Uploads) -> Response:
    notices: list[str] = []
    opening: list[str] = []  # what an opened file had that the page could not take
    kept = session_photos(request)
    try:
        state = state_from_form(fields, uploads, kept)
    except PhotoRefused as refused:
        return render(request, refused.state, problems=refused.messages)
    action = fields.get("action", "")
    before = state
    slot = {"open": "routine_file", "import": "article"}.get(action, GENERAL)
    try:
        if action == "open":
            state, opening = opened(state, uploads, kept)
        elif action == "import":
            state, notices = imported(state, fields, uploads)
        elif action == "restore":
            notices = [RESTORED]
        else:
            state = apply_action(state, action)
    except HandoutError as error:
        return render(request, state, problems=error.messages, problems_of=slot, status=422)
    after = AfterAction.of(before, state, action)
    return render(request, state, problems=opening, problems_of=slot, notices=notices, after=after)


@dataclass(frozen=True)
class AfterAction:
    """Where the focus goes after a button, so keyboard users stay where they were, and what it says."""

    focus: str = ""
    """The id-like name of the element to focus: "add-ID", "sN-up", "sN-down", "sN-name", "title"."""
    added: str = ""
    """The line that says a stretch was added, beside the library, where the coach pressed Add."""

    @classmethod
    def of(cls, before: EditorState, after: EditorState, action: str) -> AfterAction:
        verb, _, argument = action.partition(":")
        count = len(after.stretches)
        if verb == "add" and count > len(before.stretches):
            name = after.stretches[-1].name
            full = " The sheet is full: remove one to add another." if count >= MAX_STRETCHES else ""
            focus = "q" if count >= MAX_STRETCHES else f"add-{argument}"
            return cls(focus, f"Added “{name}” as stretch {count}.{full}")
        number = stretch_number(argument, len(before.stretches))
        if verb in ("up", "down") and number:
            moved = number + (-1 if verb == "up" else 1)
            if not 1 <= moved <= count:
                return cls()
            if moved in (1, count):  # its button of the same name is now disabled: the other one
                verb = "down" if moved == 1 else "up"
            return cls(f"s{moved}-{verb}")
        if verb == "remove" and number:
            number = min(number, count)
            return cls(f"s{number}-name" if number else "q")
        if verb == "unphoto":
            return cls(f"s{argument}-photo")
        if verb == "relang" and number:
            return cls(f"s{number}-name")
        if verb in ("open", "import"):
            return cls("title")
        return cls()


async def preview(request: Request) -> Response:
    """The live preview and the fields' alerts, for htmx as the coach types."""
    fields, uploads = await read_form(request)
    return await builder_for(uploads)(request, previewed, request, fields, uploads)


def previewed(request: Request, fields: dict[str, str], uploads: Uploads) -> Response:
    try:
        state = state_from_form(fields, uploads, session_photos(request))
        problems: list[str] = []
    except PhotoRefused as refused:
        state, problems = refused.state, list(refused.messages)
    image, sheet_problems = previewed_sheet(state, request.app.state.settings.preview_width)
    context = page_context(state, shown_errors(problems, GENERAL, sheet_problems), [], image)
    response = request.app.state.templates.TemplateResponse(request, "_preview_update.html", context)
    if image is None and state.stretches:
        response.headers["HX-Reswap"] = "none"  # keep the last picture; the alerts still come out of band
    return response


async def download(request: Request) -> Response:
    """Download PDF, PNG, e-mail or the routine's TOML; with a problem, the page with its alerts (422)."""
    fields, uploads = await read_form(request)
    return await builder_for(uploads)(request, downloaded, request, fields, uploads)


def downloaded(request: Request, fields: dict[str, str], uploads: Uploads) -> Response:
    try:
        state = state_from_form(fields, uploads, session_photos(request))
    except PhotoRefused as refused:
        return render(request, refused.state, problems=refused.messages, status=422)
    if state.lost_photos():  # not a sheet without them: the page says which to choose again
        return render(request, state, status=422)
    kind = fields.get("action", "pdf")
    try:
        if kind == "toml":
            content, media, suffix = saved_file(state)
            name = safe_stem(state.title)
        else:
            content, media, name = sheet_file(
                state, kind, fields.get("email_to", ""), fields.get("email_from", "")
            )
            suffix = {"image/png": "png", "message/rfc822": "eml"}.get(media, "pdf")
    except HandoutError as error:
        return render(request, state, problems=error.messages, status=422)
    return Response(
        content, media_type=media, headers={"Content-Disposition": attachment(f"{name}.{suffix}")}
    )


async def library_grid(request: Request) -> Response:
    search = request.query_params.get("q", "")[:100]
    lang = words_language(request.query_params.get("lang", ""))
    return await in_builder(request, searched_library, request, search, lang)


def searched_library(request: Request, search: str, lang: str) -> Response:
    context = {"cards": matching_cards(search, lang), "search": search, "full": False, "after": AfterAction()}
    return request.app.state.templates.TemplateResponse(request, "_library.html", context)


def sheet_file(state: EditorState, kind: str, to: str, sender: str = "") -> tuple[bytes, str, str]:
    from handout.share.mail import sheet_email

    request, pdf = build_pdf(state.routine_data(), state.photos(), state.choices, {}, SHOWN_AS)
    if kind == "png":
        return render_png(pdf, PNG_WIDTH), "image/png", request.name
    if kind == "eml":
        contact = state.details.get("contact", "")
        message = sheet_email(
            request,
            pdf,
            to=to.strip() or DEFAULT_RECIPIENT,
            sender=sender.strip() or (contact if "@" in contact and " " not in contact else DEFAULT_SENDER),
        )
        return message.as_bytes(), "message/rfc822", request.name
    return pdf, "application/pdf", request.name


def preview_image(state: EditorState, width: int) -> tuple[str | None, list[str]]:
    """The sheet as a PNG data URL, or the problems that stop it being made (none for an empty list)."""
    if not state.stretches:
        return None, []
    try:
        _, pdf = build_pdf(state.routine_data(), state.photos(), state.choices, {}, SHOWN_AS)
    except HandoutError as error:
        return None, list(error.messages)
    png = render_screen_png(pdf, width)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii"), []


def previewed_sheet(state: EditorState, width: int) -> tuple[str | None, list[str]]:
    """The preview and what the page says of the sheet: the problems that stop it being made, and the
    photos the server no longer has (the sheet is drawn with the stretches' drawings instead)."""
    image, problems = preview_image(state, width)
    return image, [*state.lost_photos(), *problems]


def session_photos(request: Request) -> SessionPhotos:
    return SessionPhotos(request.app.state.photos, session_of(request.scope))


def opened(state: EditorState, uploads: Uploads, kept: SessionPhotos) -> tuple[EditorState, list[str]]:
    if "routine_file" not in uploads:
        raise HandoutError("Open routine: choose a routine file (.toml) or a saved sheet (.zip) first")
    filename, content = uploads["routine_file"]
    return opened_file(filename, content, state, kept)


def imported(state: EditorState, fields: dict[str, str], uploads: Uploads) -> tuple[EditorState, list[str]]:
    kind: str | None = None  # guessed from the text, unless the source says
    if "article_file" in uploads:
        filename, content = uploads["article_file"]
        check_size(content, "article", filename.rsplit("/", 1)[-1][:60])
        try:
            text, shown_as = content.decode("utf-8-sig"), filename.rsplit("/", 1)[-1][:60]
        except UnicodeDecodeError:
            raise HandoutError(f"{filename[:60]}: is not UTF-8 text: save it as UTF-8") from None
    elif fields.get("article_url", "").strip():
        from handout.content.importers.web_address import LOCAL_HINT, fetch_article  # loaded for an import

        try:  # never an address of the server's own network: fetch_article refuses private and loopback ones
            text, shown_as, kind = fetch_article(fields["article_url"].strip())
        except HandoutError as error:  # in the page's words: it has no --allow-local
            raise HandoutError(*(message.replace(LOCAL_HINT, "") for message in error.messages)) from None
    elif fields.get("article", "").strip():
        text, shown_as = fields["article"], "the article"
        check_size(text.encode(), "article", shown_as)
    else:
        raise HandoutError("Import an article: give its web address, paste its text or choose its file first")
    data, warnings = run_isolated(imported_routine, text, shown_as, kind)  # a process, ended if too long
    new = state_from_routine(data, state)
    # An article has no club: the details the coach typed stay (the ones it does have win).
    details = {key: new.details.get(key) or state.details.get(key, "") for key, _ in DETAILS}
    return replace(new, details=details), warnings


def render(
    request: Request,
    state: EditorState,
    *,
    problems: Sequence[str] = (),
    problems_of: str = GENERAL,
    notices: Sequence[str] = (),
    status: int = 200,
    after: AfterAction | None = None,
) -> Response:
    """The whole page, or for htmx the editor alone; the preview is made with it. `problems` are the
    pressed button's, shown beside the field `problems_of` when they name no field of their own."""
    image, sheet_problems = previewed_sheet(state, request.app.state.settings.preview_width)
    errors = shown_errors(problems, problems_of, sheet_problems)
    context = page_context(state, errors, list(notices), image)
    if after is not None:
        context["after"] = after
    template = "_editor.html" if request.headers.get("hx-request") else "page.html"
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def page_context(
    state: EditorState, errors: dict[str, list[str]], notices: list[str], image: str | None
) -> dict[str, Any]:
    slots = ["title", "subtitle", *(key for key, _ in DETAILS), *BUTTON_SLOTS, GENERAL]
    for number in range(1, len(state.stretches) + 1):
        slots += [f"s{number}-{name}" for name in ("name", "target", "hold", "points", "photo")]
    return {
        "state": state,
        "pictures": [stretch_picture(stretch) for stretch in state.stretches],
        "stretch_alerts": [
            any(slot.startswith(f"s{number}-") for slot in errors)
            for number in range(1, len(state.stretches) + 1)
        ],
        "search": state.search,
        "errors": errors,
        "after": AfterAction(),
        "slots": slots,
        "notices": notices,
        "image": image,
        "details": DETAILS,
        "cards": matching_cards(state.search, words_language(state.choices.lang)),
        "full": len(state.stretches) >= MAX_STRETCHES,
        "layouts": [(layout.name, layout.description) for layout in bundled_layouts()],
        "languages": [(code, LANGUAGES.get(code, code)) for code in translations()],
        "kept_in_language": [
            (number, name, LANGUAGES.get(lang, lang)) for number, name, lang in kept_in_language(state)
        ],
        "sheet_language": LANGUAGES.get(words_language(state.choices.lang), "English"),
    }
