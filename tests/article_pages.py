"""The test articles (tests/articles/) and their web-page versions, for the import tests and benchmark.

Each Markdown article is also tested as a saved web page: rendered to HTML and wrapped in what real
pages put around an article (a skip link, menus, a cookie banner, a figure with a caption under each
stretch's heading, share buttons, related links, a footer), all of which the import must leave out.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markdown_it import MarkdownIt

ARTICLES = Path(__file__).resolve().parent / "articles"


@dataclass(frozen=True)
class Case:
    """One article to import: its file name, its text, and what a careful reader finds in it."""

    name: str  # the file name the test writes, e.g. "fr-blog.md" or "fr-blog.page.html"
    text: str
    expected: dict


def cases() -> list[Case]:
    expected = tomllib.loads((ARTICLES / "expected.toml").read_text(encoding="utf-8"))
    found = []
    for path in sorted(ARTICLES.iterdir()):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        text = path.read_text(encoding="utf-8")
        found.append(Case(path.name, text, expected[path.stem]))
        if path.suffix == ".md":
            found.append(Case(f"{path.stem}.page.html", as_web_page(text), expected[path.stem]))
    return found


def as_web_page(markdown: str) -> str:
    """The article as a site would serve it, with the site's menus, banners and captions around it."""
    body = MarkdownIt("commonmark").enable("table").render(markdown)
    body = re.sub(
        r"(<h2>(.*?)</h2>)",
        lambda match: (
            f'{match[1]}\n<figure><img src="step.jpg" alt="">'
            f"<figcaption>{match[2]} side view</figcaption></figure>"
        ),
        body,
    )
    title = re.search(r"<h1>(.*?)</h1>", body)
    page_title = f"{title[1] if title else 'Stretching'} | Runner's Corner"
    return f"""<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>{escape(page_title, quote=False)}</title></head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header><div class="logo">Runner's Corner</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/training">Training</a></li>
<li><a href="/gear">Gear</a></li><li><a href="/search">Popular searches</a></li></ul></nav></header>
<div class="cookie-banner" id="cookies"><p>We use cookies to give you the best experience.</p>
<button>Accept all</button><button>Settings</button></div>
<main id="main"><article>
{body}
<div class="share"><span>Share:</span> <a href="#">Facebook</a> <a href="#">Pinterest</a>
<a href="#">WhatsApp</a></div>
</article>
<aside class="related"><h3>You may also like</h3>
<ul><li><a href="/a">Ten tips for your first marathon</a></li>
<li><a href="/b">What to eat after a long run</a></li></ul></aside></main>
<footer><p>Copyright 2025 Runner's Corner. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""
