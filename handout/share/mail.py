"""Compose the sheet as an e-mail: routine + PDF + preview PNG -> a ready-to-send message.

The routine is written out in a plain-text part and a phone-friendly HTML part (both from the Jinja2
templates in email_templates/), so a runner can read it without opening anything; the preview picture is
shown inline and the PDF is attached for printing.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from functools import cache
from typing import TYPE_CHECKING, Any

from handout.content.schema import quoted
from handout.content.sheet_words import Words
from handout.errors import HandoutError
from handout.model import Layout, Routine

if TYPE_CHECKING:
    from jinja2 import Environment

IMAGE_WIDTH = 800
"""Pixels of the preview in the e-mail, shown 600 CSS pixels wide: sharp on a phone, small to send."""
DISPLAY_WIDTH = 600
"""CSS pixels: the HTML part's column, the width mail clients lay out comfortably."""
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
"""One plain address: printable ASCII without spaces, quotes, brackets, commas or a second @. Nothing
that could end a header line or add a recipient gets through."""


def check_address(address: str, option: str) -> None:
    if not _ADDRESS.fullmatch(address):
        raise HandoutError(
            f"{option} {quoted(address)} is not an e-mail address: "
            "give one plain address like coach@example.org"
        )


def compose_email(
    routine: Routine,
    layout: Layout,
    *,
    words: Words,
    footer: str,
    pdf: bytes,
    png: bytes,
    name: str,
    to: str,
    sender: str,
) -> EmailMessage:
    """Text and HTML alternatives, the preview inline in the HTML, and `name`.pdf attached.

    `words` are the sheet's labels in its language; `footer` is the sheet's filled-in footer line (the
    safety advice), repeated at the end of the text.
    """
    check_address(to, "--to")
    check_address(sender, "--from")
    message = EmailMessage(policy=SMTP)
    message["Subject"] = routine.title
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.partition("@")[2])
    image_cid = make_msgid(domain="handout.invalid")
    context = {
        "routine": routine,
        "layout": layout,
        "footer": footer,
        "words": words,
        "pdf_name": f"{name}.pdf",
        "image_cid": image_cid[1:-1],  # the HTML refers to it without the angle brackets
        "image_width": DISPLAY_WIDTH,
    }
    message.set_content(_render("email.txt", context))
    message.add_alternative(_render("email.html", context), subtype="html")
    html_part = message.get_body(("html",))
    assert html_part is not None  # added just above
    html_part.add_related(png, "image", "png", cid=image_cid, filename=f"{name}.png", disposition="inline")
    message.add_attachment(pdf, "application", "pdf", filename=f"{name}.pdf")
    return message


def _render(template: str, context: dict[str, Any]) -> str:
    return _templates().get_template(template).render(context)


@cache
def _templates() -> Environment:
    """Jinja2 over email_templates/, loaded only by `handout email`: HTML autoescaped, typos fail loudly."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("handout.share", "email_templates"),
        autoescape=select_autoescape(),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
