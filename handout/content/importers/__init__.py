"""Turn a stretching article into a routine file: article text -> blocks -> sections -> routine TOML.

An article is plain text pasted from a browser, Markdown, or a saved web page (HTML); each has its
reader (text_reader, markdown_reader, html_reader) that gives the same list of blocks (headings,
paragraphs, list items). `sections` finds the stretches in them whatever the page's shape, `targets`,
`holds` and `language` read the muscle, the hold time and the language, and `writer` writes a routine
that `handout build` takes as it is.

The one entry point, for the command line and the web page alike:

    imported = import_article(text, "article.md")   # or kind="html" / "markdown" / "text"
    imported.toml, imported.warnings                # the routine file, and Notice(line, message)s

Heavy libraries (trafilatura, langdetect) are imported when an article is imported, never by
`handout build`.
"""

from handout.content.importers.article import Imported, import_article
from handout.content.importers.blocks import Notice
from handout.content.importers.source import MAX_ARTICLE_BYTES, read_article

__all__ = ["MAX_ARTICLE_BYTES", "Imported", "Notice", "import_article", "read_article"]
