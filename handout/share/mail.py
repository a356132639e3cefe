"""Compose the sheet as an e-mail: routine + PDF + preview PNG -> a ready-to-send message.

The routine is written out in a plain-text part and a phone-friendly HTML part (both from the Jinja2
templates in email_templates/), so a runner can read it without opening anything; in the HTML each
stretch's figure is shown inline beside its steps (all at one body scale, as on the sheet), then the
preview picture of the sheet, and the PDF is attached for printing.
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
from handout.model import Figure, Layout, Routine
from handout.pipeline import SheetRequest, sheet_text

if TYPE_CHECKING:
    from jinja2 import Environment

IMAGE_WIDTH = 800
"""Pixels of the preview in the e-mail, shown 600 CSS pixels wide: sharp on a phone, small to send."""
DISPLAY_WIDTH = 600
"""CSS pixels: the HTML part's column, the width mail clients lay out comfortably."""
FIGURE_BOX = (300.0, 200.0)
"""CSS pixels every stretch's figure fits in: the figures share one body scale, the largest at which
each fits, so a standing and a lying runner are the same size, as on the sheet."""
FIGURE_PIXELS = 2.0
"""Image pixels per CSS pixel of a figure: sharp on a phone's screen, a few kilobytes of line art."""
FIGURE_INSET = 1.06
"""The figure's picture is this much larger than the figure, for the outline's room at its edges."""
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
"""One plain address: printable ASCII without spaces, quotes, brackets, commas or a second @. Nothing
that could end a header line or add a recipient gets through."""
MAX_ADDRESS = 254
"""Characters in an address at most (RFC 5321): a longer one is no one's, only a header a mile long."""


def check_address(address: str, option: str) -> None:
    if len(address) > MAX_ADDRESS or not _ADDRESS.fullmatch(address):
        raise HandoutError(
            f"{option} {quoted(address)} is not an e-mail address: "
            "give one plain address like coach@example.org"
        )


def sheet_email(request: SheetRequest, pdf: bytes, *, to: str, sender: str) -> EmailMessage:
    """The e-mail of a made sheet, as the CLI and the web page send it: the sheet's own words, header,
    footer and link, its preview inline, its PDF attached."""
    from handout.share.preview import render_png  # here: composing the text draws no pixels

    own = sheet_text(request.routine, request.layout, request.settings)
    return compose_email(
        request.routine,
        request.layout,
        words=own.words,
        footer=own.furniture.footer,
        header=own.furniture.header,
        link=own.furniture.url,
        pdf=pdf,
        png=render_png(pdf, IMAGE_WIDTH),
        name=request.name,
        to=to,
        sender=sender,
    )


def compose_email(
    routine: Routine,
    layout: Layout,
    *,
    words: Words,
    footer: str,
    header: str = "",
    link: str | None = None,
    pdf: bytes,
    png: bytes,
    name: str,
    to: str,
    sender: str,
) -> EmailMessage:
    """Text and HTML alternatives, the preview inline in the HTML, and `name`.pdf attached.

    `words` are the sheet's labels in its language; `footer` is the sheet's filled-in footer line (the
    safety advice), repeated at the end of the text; `header` its header line (the club and the date) and
    `link` its QR code's address, which a runner reading on a phone can tap instead.
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
    pictures = figure_pictures(routine, layout)
    figure_cids = [None if picture is None else make_msgid(domain="handout.invalid") for picture in pictures]
    context = {
        "routine": routine,
        "layout": layout,
        "footer": footer,
        "header": header,
        "link": link,
        "words": words,
        "pdf_name": f"{name}.pdf",
        "image_cid": image_cid[1:-1],  # the HTML refers to it without the angle brackets
        "image_width": DISPLAY_WIDTH,
        "figures": [
            None if cid is None or picture is None else (cid[1:-1], picture[1], picture[2])
            for cid, picture in zip(figure_cids, pictures, strict=True)
        ],
    }
    message.set_content(_render("email.txt", context))
    message.add_alternative(_render("email.html", context), subtype="html")
    html_part = message.get_body(("html",))
    assert html_part is not None  # added just above
    for number, (cid, picture) in enumerate(zip(figure_cids, pictures, strict=True), start=1):
        if cid is not None and picture is not None:
            shown = f"{name}-stretch-{number}.png"
            html_part.add_related(picture[0], "image", "png", cid=cid, filename=shown, disposition="inline")
    html_part.add_related(png, "image", "png", cid=image_cid, filename=f"{name}.png", disposition="inline")
    message.add_attachment(pdf, "application", "pdf", filename=f"{name}.pdf")
    return message


def figure_pictures(routine: Routine, layout: Layout) -> list[tuple[bytes, int, int] | None]:
    """Each stretch's figure as a small PNG with its width and height in CSS pixels (None: a photo or
    no picture; the sheet's preview shows those), all at one body scale in the layout's colours."""
    from handout.draw.figures import figure_size, pose_shapes
    from handout.share.figure_export import png_bytes

    poses = [
        stretch.image.pose if isinstance(stretch.image, Figure) else None for stretch in routine.stretches
    ]
    sizes = [None if pose is None else figure_size(pose) for pose in poses]
    width, height = FIGURE_BOX
    fitting = [min(width / size[0], height / size[1]) / FIGURE_INSET for size in sizes if size is not None]
    if not fitting:
        return [None] * len(poses)
    scale = min(fitting)
    pictures: list[tuple[bytes, int, int] | None] = []
    for pose, size in zip(poses, sizes, strict=True):
        if pose is None or size is None:
            pictures.append(None)
            continue
        box = (round(size[0] * scale * FIGURE_INSET), round(size[1] * scale * FIGURE_INSET))
        shapes = pose_shapes(pose, box[0], box[1], layout.accent, layout.ink, scale)
        pictures.append((png_bytes(shapes, box[0], box[1], FIGURE_PIXELS), box[0], box[1]))
    return pictures


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
