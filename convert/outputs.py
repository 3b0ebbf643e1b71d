"""Atomic output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ConvertError


def write_atomic(path: str | Path, data: bytes) -> None:
    """An interrupted run never leaves a half-written file: readers see the old file or the
    complete new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for publishing
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_output(path: str | Path, data: bytes) -> None:
    """`write_atomic`, with a failure to write (no such directory, permission, disk full, a
    directory in the way) raised as a ConvertError naming the target."""
    try:
        write_atomic(path, data)
    except OSError as err:
        raise ConvertError(str(path), f"cannot write output: {err.strerror or err}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
