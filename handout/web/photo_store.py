"""A browser session's photos kept on the server: print-sized bytes <-> a reference the page sends back.

A photo travels to the server once; the page then carries only its reference (`photo-<hash>`, the name
the editor knows it by), so four phone photos no longer ride along with every press. The store is a
folder the server makes (one for every worker process of `handout serve --workers N`, which share it),
and every file in it is named by the server: an HMAC, under a key made when the server starts, of the
browser's session id and the reference. A reference a visitor sends is checked for its form and looked
up under that name, never used as a path, and the same reference from another browser names another
file: nobody reads another coach's photos. Each session's photos are in a folder of their own (named by
an HMAC of the session id too), so one visitor's uploads push out their own photos used longest ago once
they pass `session_bytes`, never another coach's. Photos not used for `max_age` seconds are gone, and the
oldest go first once the whole store passes `max_bytes`; a page that names a photo the store no longer
has says so beside that stretch's photo (EditorState.lost_photos).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from handout.web.sessions import Session
from handout.web.uploads import photo_key

KEY_FILE = "key"
"""The HMAC key's file in the store's folder, written by the server that made the folder."""
REFERENCE = re.compile(r"photo-[0-9a-f]{20}")
"""A photo's reference as the page sends it back (uploads.photo_key): anything else is no reference."""
STORED_NAME = re.compile(r"[0-9a-f]{64}")
PART = ".part-"
"""The prefix of a photo being written; it gets its name (os.replace) once it is whole."""


@dataclass(frozen=True)
class PhotoStore:
    folder: Path
    key: bytes = field(repr=False)
    max_age: float
    """Seconds a photo is kept after it was last used."""
    max_bytes: int
    """Bytes the folder may hold; past them, the photos used longest ago are removed."""
    session_bytes: int = 40_000_000
    """Bytes one session may keep: its 16 stretches' photos at print size, with room to change them."""

    @staticmethod
    def make_folder() -> Path:
        """A new private folder (0700) with a new key: what `handout serve` makes once for its workers."""
        folder = Path(tempfile.mkdtemp(prefix="handout-photos-"))
        descriptor = os.open(folder / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(secrets.token_bytes(32))
        return folder

    @classmethod
    def opened(cls, folder: Path, max_age: float, max_bytes: int) -> PhotoStore:
        return cls(folder, (folder / KEY_FILE).read_bytes(), max_age, max_bytes)

    def file_for(self, session: str, reference: str) -> Path | None:
        """Where the session's photo of that reference is kept: a name the server makes, or None for a
        reference (or session) that is not of the form the server gives."""
        if not (Session.valid(session) and REFERENCE.fullmatch(reference)):
            return None
        name = hmac.new(self.key, f"{session}/{reference}".encode(), hashlib.sha256).hexdigest()
        return self._session_folder(session) / name

    def _session_folder(self, session: str) -> Path:
        return self.folder / hmac.new(self.key, f"session/{session}".encode(), hashlib.sha256).hexdigest()

    def get(self, session: str, reference: str) -> bytes | None:
        """The photo, kept for another `max_age` from now; None once it has expired or was never kept."""
        path = self.file_for(session, reference)
        if path is None:
            return None
        try:
            if time.time() - path.stat().st_mtime > self.max_age:
                path.unlink(missing_ok=True)
                return None
            photo = path.read_bytes()
            os.utime(path)
        except FileNotFoundError:  # never kept, or removed by another worker meanwhile
            return None
        return photo

    def put(self, session: str, photo: bytes) -> str:
        """Keep a checked, print-sized photo for the session; its reference for the page."""
        reference = photo_key(photo)
        path = self.file_for(session, reference)
        assert path is not None, "the session id and the reference are made by the server"
        try:
            os.utime(path)  # the same photo again: kept already
            return reference
        except FileNotFoundError:
            pass
        path.parent.mkdir(mode=0o700, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=PART, delete=False) as file:
            file.write(photo)
        os.replace(file.name, path)  # whole or not there: another worker may read it at once
        _keep_under(_photos_in(path.parent, time.time(), self.max_age), self.session_bytes)
        self.tidy()
        return reference

    def tidy(self) -> None:
        """Remove the expired photos (and parts left by a crash) and the sessions left empty, then the
        oldest photos while the store is over `max_bytes`."""
        now = time.time()
        kept: list[tuple[float, int, Path]] = []
        for entry in os.scandir(self.folder):
            if STORED_NAME.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                photos = _photos_in(Path(entry.path), now, self.max_age)
                if not photos:
                    with contextlib.suppress(OSError):  # not empty after all: a photo arrived meanwhile
                        os.rmdir(entry.path)
                kept += photos
        _keep_under(kept, self.max_bytes)


def _photos_in(folder: Path, now: float, max_age: float) -> list[tuple[float, int, Path]]:
    """A session folder's photos as (last used, bytes, path), the expired ones and stale parts removed."""
    found: list[tuple[float, int, Path]] = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return found
    for entry in entries:
        try:
            stat = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue
        if not (STORED_NAME.fullmatch(entry.name) or entry.name.startswith(PART)):
            continue
        if now - stat.st_mtime > max_age:
            Path(entry.path).unlink(missing_ok=True)
        elif not entry.name.startswith(PART):
            found.append((stat.st_mtime, stat.st_size, Path(entry.path)))
    return found


def _keep_under(photos: list[tuple[float, int, Path]], most: int) -> None:
    """Remove the photos used longest ago until the rest take at most `most` bytes."""
    total = sum(size for _, size, _ in photos)
    for _, size, path in sorted(photos):
        if total <= most:
            break
        path.unlink(missing_ok=True)
        total -= size


@dataclass(frozen=True)
class SessionPhotos:
    """The store as one browser's request sees it: its session's photos only."""

    store: PhotoStore
    session: Session

    def get(self, reference: str) -> bytes | None:
        if not self.session.id:
            return None
        self.session.used = True  # its cookie is sent again: kept as long as its photos
        return self.store.get(self.session.id, reference)

    def put(self, photo: bytes) -> str:
        return self.store.put(self.session.started(), photo)
