"""The one door to the article importer: article text -> routine data and warnings, for Import an article.

The page calls the importer (content/importers/) only through here, as `handout import` does: the same
reader for text, Markdown and web pages, and the same warnings.
"""

from __future__ import annotations

from typing import Any

from handout.content.schema import parse_toml


def imported_routine(text: str, shown_as: str, kind: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """What `handout import` would write, as data for the editor, and its warnings as lines to show.

    `kind` is the article's kind when its source says it ("html" for a web page), else None (guessed)."""
    from handout.content.importers import import_article  # loaded when a coach imports, as in the CLI

    imported = import_article(text, shown_as, kind)
    warnings = [f"{shown_as}: {warning}" for warning in imported.warnings]
    return parse_toml(imported.toml, shown_as), warnings
