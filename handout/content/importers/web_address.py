"""A web address -> the page's text, fetched with care: the article to import, as a file would give it.

The address is a user's, so fetching is bounded like reading a file: only http and https; no private,
loopback, link-local or reserved address (a page must not make handout read the club's router or the
machine it runs on), checked again at each redirect, unless `allow_local` (tests, an intranet), and the
connection made to the very address checked; at most MAX_REDIRECTS redirects; a timeout for connecting
and for each read and one for the whole transfer; and
the 5 MB cap of an article counted while the page streams in, so a huge page is stopped, not downloaded.
httpx2 (httpx's maintained successor, which Starlette's test client also uses) does the HTTP.

The web page's "Web address" field calls the same function as `handout import https://...`:

    text, shown_as, kind = fetch_article("https://example.org/stretches", allow_local=False)

Every problem is a HandoutError in a coach's words.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
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
    timeout = httpx2.Timeout(READ_SECONDS, connect=CONNECT_SECONDS)
    try:
        with httpx2.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}, trust_env=False) as client:
            response = followed(client, url, shown_as, allow_local)
            try:
                if response.status_code >= 400:
                    raise HandoutError(
                        f"{shown_as}: the site answered {response.status_code} {response.reason_phrase}: "
                        "check the address in a browser"
                    )
                kind = page_kind(response.headers.get("content-type", ""), shown_as)
                data = limited_body(response, shown_as)
            finally:
                response.close()
    except httpx2.TimeoutException:
        raise HandoutError(
            f"{shown_as}: the site did not answer in time: try again later, or save the page and "
            "import the file"
        ) from None
    except httpx2.HTTPError as error:
        raise HandoutError(f"{shown_as}: the page could not be fetched ({short(str(error), 80)})") from None
    encoding = response.charset_encoding or (meta_charset(data) if kind == "html" else None)
    return data.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff"), shown_as, kind


def followed(client: httpx2.Client, url: str, shown_as: str, allow_local: bool) -> httpx2.Response:
    """The response at the end of `url`'s redirects (at most MAX_REDIRECTS), its body still to read;
    each address is checked before handout connects to it."""
    import httpx2

    for _ in range(MAX_REDIRECTS + 1):
        response = client.send(pinned_request(client, url, shown_as, allow_local), stream=True)
        if not response.is_redirect:
            return response
        response.close()
        url = str(httpx2.URL(url).join(response.headers["location"]))  # from the site's name, not its address
    raise HandoutError(
        f"{shown_as}: the address sends handout on more than {MAX_REDIRECTS} times (a redirect loop): "
        "open it in a browser and copy the address the page ends at"
    )


def pinned_request(client: httpx2.Client, url: str, shown_as: str, allow_local: bool) -> httpx2.Request:
    """A GET of `url` that connects to the address its check found: a DNS answer that changes between
    the check and the connection (DNS rebinding) cannot send handout elsewhere. The site's name stays in
    the Host header and in TLS (SNI and the certificate's check)."""
    import httpx2

    address = check_address(url, shown_as, allow_local)
    target = httpx2.URL(url)
    return client.build_request(
        "GET",
        target.copy_with(host=address),
        headers={"Host": target.netloc.decode("ascii")},
        extensions={"sni_hostname": target.raw_host.decode("ascii")},
    )


def check_address(url: str, shown_as: str, allow_local: bool) -> str:
    """The address to connect to for `url`: only http(s), to a host on the public internet (unless
    `allow_local`)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise HandoutError(f"{shown_as}: only http:// and https:// web addresses can be imported")
    host = parts.hostname
    if not host:
        raise HandoutError(f"{shown_as}: is not a web address (no site name in it)")
    try:
        found = resolve(host, parts.port or (443 if parts.scheme.lower() == "https" else 80))
    except (OSError, UnicodeError):
        raise HandoutError(
            f"{shown_as}: the site {short(host, 60)} cannot be found: check the address"
        ) from None
    addresses = [ipaddress.ip_address(address.split("%")[0]) for address in found]
    for ip in addresses:
        if not allow_local and (not ip.is_global or ip.is_multicast):
            raise HandoutError(
                f"{shown_as}: is a local or private address ({ip}): "
                f"handout imports only public pages{LOCAL_HINT}"
            )
    if not addresses:
        raise HandoutError(f"{shown_as}: the site {short(host, 60)} cannot be found: check the address")
    return str(addresses[0])


def resolve(host: str, port: int) -> list[str]:
    """The host's addresses, looked up once for both the check and the connection."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
PRESCAN_BYTES = 1024
"""A page's <meta> charset is in its first 1024 bytes (where the HTML standard tells browsers to look)."""


def meta_charset(data: bytes) -> str | None:
    """The encoding a page declares only in a <meta> tag ("windows-1252"); None when it declares none,
    or one Python does not know (the page is then read as UTF-8)."""
    found = META_CHARSET.search(data[:PRESCAN_BYTES])
    if found is None:
        return None
    try:
        return codecs.lookup(found[1].decode("ascii")).name
    except LookupError:
        return None


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
