"""A saved or pasted web page (HTML) -> blocks: trafilatura keeps the main content, as Markdown.

Menus, cookie banners, "Skip to main content", share buttons, comments and figure captions are the
page's, not the article's: trafilatura, a maintained main-content extractor, leaves them out before the
Markdown reader and our own chrome filter see the text. Line numbers in the notices are the page's
own: each block is found again in the HTML source, in order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from handout.content.importers.blocks import Block, Notice
from handout.content.importers.markdown_reader import left_out, parse_markdown
from handout.errors import HandoutError

HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|article|main|section|h1|p)\b",
    re.IGNORECASE | re.DOTALL,
)
SEARCH_WINDOW = 100_000
"""Characters of the page searched for a block's words past the last one found: keeps the search linear."""
MIN_SIZE = "10"
"""trafilatura's smallest text worth extracting (characters): its default (250) drops a short article."""


def is_html(text: str) -> bool:
    """Text that is a web page: it opens with an HTML tag (after any comments)."""
    return HTML_START.match(text[:2000]) is not None


def read_html(html: str, shown_as: str) -> tuple[list[Block], list[Notice], str | None]:
    """The main content's blocks, with the page's line numbers; the notices; the page's own title."""
    import trafilatura
    from trafilatura.xml import xmltotxt

    document = trafilatura.bare_extraction(
        html,
        output_format="python",
        include_comments=False,
        include_images=False,
        include_tables=True,
        include_formatting=True,
        with_metadata=True,
        config=extraction_config(),
    )
    body = getattr(document, "body", None)
    markdown = xmltotxt(body, True) if body is not None else ""
    if not markdown:
        raise HandoutError(f"{shown_as}: the page has no article text that handout can find")
    blocks, tables, dropped = parse_markdown(markdown)
    lines = page_lines(html, blocks)
    blocks = [replace(block, line=line) for block, line in zip(blocks, lines, strict=True)]
    markdown_lines = markdown.splitlines()
    notices = left_out(
        [page_line(html, markdown_lines, line) for line in tables],
        [page_line(html, markdown_lines, line) for line in dropped],
    )
    return blocks, notices, page_title(document)


@cache
def extraction_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    for key in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE", "MIN_EXTRACTED_COMM_SIZE", "MIN_OUTPUT_COMM_SIZE"):
        config.set("DEFAULT", key, MIN_SIZE)
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def page_title(document: Any) -> str | None:
    """The page's <title> or og:title, without the site's name after a bar or dash."""
    title = getattr(document, "title", None) if document is not None else None
    if not title:
        return None
    return re.split(r"\s+[|–—·]\s+|\s+-\s+", title)[0].strip() or None


def page_lines(html: str, blocks: list[Block]) -> list[int]:
    """Each block's line in the page: where its first words are found, searching on from the last."""
    lines = []
    position, line = 0, 1
    for block in blocks:
        words = block.text.split()[:4]
        pattern = r"[\s\S]{0,40}?".join(re.escape(word) for word in words) if words else None
        found = re.compile(pattern).search(html, position, position + SEARCH_WINDOW) if pattern else None
        if found is not None:
            line += html.count("\n", position, found.start())
            position = found.start()
        lines.append(line)
    return lines


def page_line(html: str, markdown_lines: list[str], markdown_line: int) -> int:
    """The page's line for a line of the extracted Markdown (a table, a caption left out)."""
    text = " ".join(markdown_lines[markdown_line - 1 : markdown_line])
    words = re.findall(r"\w+", text)[:3]
    if not words:
        return 1
    found = re.search(r"[\s\S]{0,40}?".join(re.escape(word) for word in words), html)
    return html.count("\n", 0, found.start()) + 1 if found else 1
