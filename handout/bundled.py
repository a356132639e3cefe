"""Find the files that ship with handout: bundled routines, layouts, illustrations and fonts.

Installed, they are package data inside `handout/`; in a checkout, layouts and illustrations live in the
top-level `layouts/` and `images/` folders, which stay the one source (pyproject.toml maps them into the
package when it is built).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The folder of bundled files called `name` (routines, layouts, images, fonts)."""
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def bundled_names(name: str, suffix: str = ".toml") -> list[str]:
    """The names (file stems) of the bundled files of one kind, sorted, for listings and hints."""
    return sorted(path.stem for path in bundled_dir(name).glob(f"*{suffix}"))


def find_toml(reference: str, folder: str) -> tuple[Path, str] | None:
    """A TOML file the user names: a path as given, or a bundled file of `folder` by its name.

    Returns the path and how messages should name it, or None when it is neither.
    """
    path = Path(reference)
    if path.suffix.lower() == ".toml" or path.exists() or len(path.parts) > 1:
        return path, reference
    bundled = bundled_dir(folder) / f"{reference}.toml"
    if bundled.is_file():
        return bundled, f"{folder}/{reference}.toml"
    return None
