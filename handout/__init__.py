"""handout: turn a routine of stretches into a printable one-page PDF."""

__version__ = "0.1.0"
