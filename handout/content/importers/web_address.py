"""A web address -> the page's text, fetched with care: the article to import, as a file would give it.

The address is a user's, so fetching is bounded like reading a file: only http and https; no private,
loopback, link-local or reserved address (a page must not make handout read the club's router or the
machine it runs on), checked again at each redirect, unless `allow_local` (tests, an intranet); at most
MAX_REDIRECTS redirects; a timeout for connecting and for each read and one for the whole transfer; and
the 5 MB cap of an article counted while the page streams in, so a huge page is stopped, not downloaded.
httpx2 (httpx's maintained successor, which Starlette's test client also uses) does the HTTP.

The web page's "Web address" field calls the same function as `handout import https://...`:

    text, shown_as, kind = fetch_article("https://example.org/stretches", allow_local=False)

Every problem is a HandoutError in a coach's words.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from handout.content.importers.source import MAX_ARTICLE_BYTES
from handout.content.input_file import MB
from handout.errors import HandoutError

if TYPE_CHECKING:
    import httpx2

CONNECT_SECONDS = 5.0
READ_SECONDS = 10.0
"""How long to wait for the server to answer, and for each piece of the page after that."""
TOTAL_SECONDS = 20.0
"""The whole transfer: a server that trickles a byte at a time is stopped too."""
MAX_REDIRECTS = 5
KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": None,
}
"""The pages an article can be, and the reader each needs (None: told apart by what the text holds)."""
SCHEMES = ("http", "https")
USER_AGENT = "handout (stretching sheet importer)"


LOCAL_HINT = " (add --allow-local for a page on your own network)"
"""The command line's way round a refused local address; the web page, which has none, leaves it out."""


def looks_like_web_address(reference: str) -> bool:
    """ "https://...", "http://..." or any other "scheme://": an address, not a file's name."""
    return "://" in reference[:20]


def fetch_article(url: str, allow_local: bool = False) -> tuple[str, str, str | None]:
    """The page at `url`: its text, how messages name it, and its kind ("html", "markdown" or None)."""
    import httpx2

    shown_as = short(url)
    check_address(url, shown_as, allow_local)

    def each_request(request: httpx2.Request) -> None:  # the first one, and every redirect's
        check_address(str(request.url), shown_as, allow_local)

    timeout = httpx2.Timeout(READ_SECONDS, connect=CONNECT_SECONDS)
    try:
        with (
            httpx2.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT},
                event_hooks={"request": [each_request]},
                trust_env=False,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise HandoutError(
                    f"{shown_as}: the site answered {response.status_code} {response.reason_phrase}: "
                    "check the address in a browser"
                )
            kind = page_kind(response.headers.get("content-type", ""), shown_as)
            data = limited_body(response, shown_as)
            text = data.decode(response.encoding or "utf-8", errors="replace")
    except httpx2.TooManyRedirects:
        raise HandoutError(
            f"{shown_as}: the address sends handout on more than {MAX_REDIRECTS} times (a redirect loop): "
            "open it in a browser and copy the address the page ends at"
        ) from None
    except httpx2.TimeoutException:
        raise HandoutError(
            f"{shown_as}: the site did not answer in time: try again later, or save the page and "
            "import the file"
        ) from None
    except httpx2.HTTPError as error:
        raise HandoutError(f"{shown_as}: the page could not be fetched ({short(str(error), 80)})") from None
    return text.lstrip("\ufeff"), shown_as, kind


def check_address(url: str, shown_as: str, allow_local: bool) -> None:
    """Only http(s), to a host on the public internet (unless `allow_local`)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise HandoutError(f"{shown_as}: only http:// and https:// web addresses can be imported")
    host = parts.hostname
    if not host:
        raise HandoutError(f"{shown_as}: is not a web address (no site name in it)")
    if allow_local:
        return
    try:
        found = socket.getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise HandoutError(
            f"{shown_as}: the site {short(host, 60)} cannot be found: check the address"
        ) from None
    for *_, address in found:
        ip = ipaddress.ip_address(str(address[0]).split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise HandoutError(
                f"{shown_as}: is a local or private address ({ip}): "
                f"handout imports only public pages{LOCAL_HINT}"
            )


def page_kind(content_type: str, shown_as: str) -> str | None:
    media = content_type.split(";")[0].strip().lower() or "text/html"
    if media not in KINDS:
        raise HandoutError(
            f"{shown_as}: is not a web page but {short(media, 40)}: import the article's page, "
            "or copy its text"
        )
    return KINDS[media]


def limited_body(response: httpx2.Response, shown_as: str) -> bytes:
    """The body, refused as soon as it passes the article's cap or the transfer's time."""
    import httpx2

    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_ARTICLE_BYTES:
        raise too_large(shown_as)
    chunks = []
    size = 0
    started = time.monotonic()
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_ARTICLE_BYTES:
            raise too_large(shown_as)
        if time.monotonic() - started > TOTAL_SECONDS:
            raise httpx2.ReadTimeout("the whole page took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(shown_as: str) -> HandoutError:
    return HandoutError(
        f"{shown_as}: the page is over {MAX_ARTICLE_BYTES // MB} MB, too large for an article: "
        "save only the article, or copy its text"
    )


def short(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
