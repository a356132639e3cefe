"""The HTTP interface for club websites and scripts: POST /sheet.pdf and /sheet.png -> the file, or 422.

The form carries everything (the routine's TOML as text or as a file, the choices, the details and the
photos the routine names by file name), so a request stands alone, like one `handout build`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from handout.content.schema import parse_toml
from handout.errors import HandoutError
from handout.share.preview import render_png
from handout.web.builders import in_builder, in_photo_builder
from handout.web.form_data import Uploads, check_size, read_form
from handout.web.sheets import Choices, build_pdf
from handout.web.uploads import received_photo, shown_name

CHOICE_FIELDS = ("routine", "layout", "paper", "orientation", "grayscale", "lang")
PNG_WIDTH = 1240
"""Pixels, as `handout preview` makes it: an A4 page at 150 dpi."""
TRUE = ("1", "true", "on", "yes")


async def sheet_pdf(request: Request) -> Response:
    return await sheet(request, "pdf")


async def sheet_png(request: Request) -> Response:
    return await sheet(request, "png")


async def sheet(request: Request, kind: str) -> Response:
    fields, uploads = await read_form(request)
    try:
        photos = any(field not in CHOICE_FIELDS for field in uploads)
        content = await (in_photo_builder if photos else in_builder)(
            request, make_file, fields, uploads, kind
        )
    except HandoutError as error:
        return PlainTextResponse(
            "".join(f"error: {message}\n" for message in error.messages), status_code=422
        )
    media = "application/pdf" if kind == "pdf" else "image/png"
    return Response(content, media_type=media)


def make_file(fields: dict[str, str], uploads: Uploads, kind: str) -> bytes:
    text, shown_as = routine_text(fields, uploads)
    data = parse_toml(text, shown_as)
    layout_text = None
    if "layout" in uploads:
        check_size(uploads["layout"][1], "layout", "the layout file")
        layout_text = utf8(uploads["layout"][1], "the layout file")
    choices = Choices(
        layout=fields.get("layout", "grid") or "grid",
        paper=fields.get("paper", "a4") or "a4",
        orientation=fields.get("orientation", "portrait") or "portrait",
        grayscale=fields.get("grayscale", "").lower() in TRUE,
        lang=fields.get("lang", ""),
        layout_text=layout_text,
    )
    photos = {}
    for field, (filename, content) in uploads.items():
        if field not in CHOICE_FIELDS:
            name = shown_name(filename)  # what the routine's `image` names it by, never a path
            photos[name] = received_photo(content, name, f'the upload "{field[:40]}"')
    details = {key: value for key, value in fields.items() if key not in CHOICE_FIELDS}
    _, pdf = build_pdf(data, photos, choices, details, shown_as)
    return pdf if kind == "pdf" else render_png(pdf, PNG_WIDTH)


def routine_text(fields: dict[str, str], uploads: Uploads) -> tuple[str, str]:
    """The routine's TOML, from the file uploaded as `routine` or the text field of that name."""
    if "routine" in uploads:
        filename, content = uploads["routine"]
        shown_as = filename.replace("\\", "/").rsplit("/", 1)[-1][:60] or "routine"
        check_size(content, "routine", shown_as)
        return utf8(content, shown_as), shown_as
    if fields.get("routine", "").strip():
        check_size(fields["routine"].encode(), "routine", "routine")
        return fields["routine"], "routine"
    raise HandoutError(
        'no routine: send its TOML as the form field "routine" (text, or a file: -F routine=@my-routine.toml)'
    )


def utf8(content: bytes, shown_as: str) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HandoutError(
            f"{shown_as}: is not UTF-8 text (byte {error.start + 1}): save it as UTF-8 in your editor"
        ) from None
