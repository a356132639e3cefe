"""A file the page sends -> its Content-Disposition header, readable by every browser in any language."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote


def attachment(file_name: str) -> str:
    """RFC 6266: the name as typed (UTF-8, percent-encoded) and a plain-ASCII one for old browsers.

    A header is Latin-1 on the wire: "ランニング後のストレッチ.pdf" cannot go in it as it is.
    """
    stem, dot, suffix = file_name.rpartition(".")
    decomposed = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    fallback = "".join(char if char.isalnum() or char in "-_" else "-" for char in decomposed).strip("-")
    fallback = f"{fallback or 'sheet'}{dot}{suffix}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"
