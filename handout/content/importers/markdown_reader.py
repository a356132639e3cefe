"""Markdown -> blocks, through markdown-it-py: headings, paragraphs, list items and tables as parsed.

Emphasis marks, link targets, images and inline HTML are dropped: a sheet prints plain words. A
paragraph whose first line is all bold ("**Calf stretch**" then the text) is a heading and a paragraph,
the way many pages write a stretch's name.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from handout.content.importers.blocks import PLAIN_HEADING, Block, BlockKind, Notice, line_list
from handout.content.importers.chrome import ends_article, is_caption, is_chrome
from handout.content.importers.text_reader import STEP_HEADING, looks_like_heading

SKIPPED_INLINE = {"image", "html_inline"}


def read_markdown(text: str) -> tuple[list[Block], list[Notice]]:
    """The article's blocks in order, and notices for the tables and the page's chrome left out."""
    blocks, tables, dropped = parse_markdown(text)
    return blocks, left_out(tables, dropped)


def left_out(tables: list[int], dropped: list[int]) -> list[Notice]:
    """One notice per table, one for all the chrome: what the reader left out, by line."""
    notices = [
        Notice(line, "a table is left out: copy what you need from it into the key points") for line in tables
    ]
    if dropped:
        notices.append(
            Notice(
                dropped[0], f"left out as the page's menus, banners, captions or links: {line_list(dropped)}"
            )
        )
    return notices


def parse_markdown(text: str) -> tuple[list[Block], list[int], list[int]]:
    """The blocks, the lines of the tables and the lines of the chrome left out."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    dropped: list[int] = []
    context: list[str] = []  # the open containers: "ordered", "bullet", "heading:2", "table", ...
    line = 1
    for token in tokens:
        if token.map:
            line = token.map[0] + 1
        if token.nesting == 1:
            context.append(opened(token))
            if token.type == "table_open":
                blocks.append(Block(BlockKind.TABLE, "", line))
        elif token.nesting == -1:
            context.pop()
        elif token.type == "inline" and "table" not in context:
            found = inline_blocks(token, line, context)
            if found and blocks and ends_article(found[0].text):
                dropped.append(found[0].line)
                break
            for block in found:
                if is_chrome(block.text) or is_caption(block.text):
                    dropped.append(block.line)
                else:
                    blocks.append(block)
    tables = [block.line for block in blocks if block.kind is BlockKind.TABLE]
    return [block for block in blocks if block.kind is not BlockKind.TABLE], tables, dropped


def opened(token: Token) -> str:
    if token.type == "heading_open":
        return f"heading:{token.tag[1:]}"
    if token.type == "ordered_list_open":
        return "ordered"
    if token.type == "bullet_list_open":
        return "bullet"
    if token.type == "list_item_open":
        return "item"
    return token.type.removesuffix("_open")


def inline_blocks(token: Token, line: int, context: list[str]) -> list[Block]:
    """One inline run -> its block (a heading, an item, a paragraph), or a bold first line and the rest."""
    lines = inline_lines(token.children or [])
    if not lines:
        return []
    heading = next((entry for entry in reversed(context) if entry.startswith("heading:")), None)
    if heading is not None:
        text = " ".join(text for text, _ in lines)
        level = int(heading.split(":")[1])
        return [heading_block(text, line, level)]
    if "item" in context:
        lists = [entry for entry in context if entry in ("ordered", "bullet")]
        numbered = bool(lists) and lists[-1] == "ordered"
        return [Block(BlockKind.ITEM, " ".join(text for text, _ in lines), line, numbered=numbered)]
    blocks = []
    first, bold = lines[0]
    if bold and len(lines) > 1:
        blocks.append(heading_block(first.rstrip(":"), line, PLAIN_HEADING))
        lines = lines[1:]
        line += 1
    elif len(lines) == 1 and looks_like_heading(first):
        return [heading_block(first.rstrip(":"), line, PLAIN_HEADING)]
    blocks.append(Block(BlockKind.PARAGRAPH, " ".join(text for text, _ in lines), line))
    return blocks


def heading_block(text: str, line: int, level: int) -> Block:
    if match := STEP_HEADING.match(text):
        return Block(BlockKind.HEADING, match[1], line, level=level, numbered=True)
    return Block(BlockKind.HEADING, text, line, level=level)


def inline_lines(children: list[Token]) -> list[tuple[str, bool]]:
    """The inline run's lines as plain text, each with whether it is all bold (or all emphasis)."""
    lines: list[tuple[str, bool]] = []
    words: list[str] = []
    plain = False  # some text of this line is outside bold or emphasis
    depth = 0
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            end_line(lines, words, plain)
            words, plain = [], False
        elif child.type in ("strong_open", "em_open"):
            depth += 1
        elif child.type in ("strong_close", "em_close"):
            depth -= 1
        elif child.type in ("text", "code_inline") and child.content.strip():
            words.append(child.content)
            plain = plain or depth == 0
        elif child.type in ("text", "code_inline"):
            words.append(child.content)
    end_line(lines, words, plain)
    return lines


def end_line(lines: list[tuple[str, bool]], words: list[str], plain: bool) -> None:
    text = " ".join("".join(words).split())
    if text:
        lines.append((text, not plain))
