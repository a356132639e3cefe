"""A request's form -> its text fields and its uploaded files, read within the server's limits."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request

from handout.content.input_file import MB, SIZE_LIMITS
from handout.errors import HandoutError

MAX_FIELDS = 400
MAX_FILES = 16
Uploads = dict[str, tuple[str, bytes]]
"""A form's non-empty file uploads by field name: (the visitor's file name, content)."""


async def read_form(request: Request) -> tuple[dict[str, str], Uploads]:
    """The form's text fields, and its non-empty file uploads by field name: (file name, content).

    A text field may be as large as the whole body allows: a pasted article is text of up to 5 MB (its
    own cap is checked after). A body that is not a form at all (a broken multipart boundary, say) is
    Starlette's 400 with one line.
    """
    max_body = request.app.state.settings.max_body
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS, max_part_size=max_body)
    fields: dict[str, str] = {}
    uploads: Uploads = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            content = await value.read()
            if content:
                uploads[key] = (value.filename or key, content)
        else:
            fields[key] = value
    await form.close()
    return fields, uploads


def check_size(content: bytes, what: str, shown_as: str) -> None:
    """Refuse a routine, layout or article over the CLI's cap for its kind (content/input_file.py)."""
    cap = SIZE_LIMITS[what]
    if len(content) > cap:
        raise HandoutError(
            f"{shown_as}: is over {cap // MB} MB, too large for {'an' if what[0] in 'aeiou' else 'a'} "
            f"{what}: choose the right file"
        )
