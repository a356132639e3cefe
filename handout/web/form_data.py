"""A request's form -> its text fields and its uploaded files, read within the server's limits."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request

MAX_FIELDS = 400
MAX_FILES = 16


async def read_form(request: Request) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    """The form's text fields, and its non-empty file uploads by field name: (file name, content).

    A text field may be as large as the whole body allows: the page sends its photos back as text.
    """
    max_body = request.app.state.settings.max_body
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS, max_part_size=max_body)
    fields: dict[str, str] = {}
    uploads: dict[str, tuple[str, bytes]] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            content = await value.read()
            if content:
                uploads[key] = (value.filename or key, content)
        else:
            fields[key] = value
    await form.close()
    return fields, uploads
