"""One parse per corpus input per test session, shared by every corpus test module."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def _parsed(path: str, fmt: str):
    from convert.pipeline import capture_warnings, parse

    return capture_warnings(parse, path, fmt)


def parsed(path, fmt: str = "auto"):
    """(Parsed, warnings) for one input; the reader is detected as for a user."""
    if fmt == "auto":
        from convert.inputs import read_bytes
        from convert.readers import registry

        fmt = registry.detect(path, read_bytes(path)[: registry.SNIFF_BYTES])
    return _parsed(str(Path(path)), fmt)
