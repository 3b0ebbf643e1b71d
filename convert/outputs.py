"""Atomic output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ConvertError


def write_atomic(path: str | Path, data: bytes) -> None:
    """An interrupted run never leaves a half-written file: readers see the old file or the
    complete new one."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Write every file to a temporary beside its target, then rename them all: a failure
    while writing leaves none of the set behind (old files stay as they were)."""
    temps: list[tuple[str, Path]] = []
    current: Path | None = None
    try:
        for target, data in files.items():
            target = current = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                       dir=target.parent)
            temps.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for publishing
        for tmp, target in temps:
            current = target
            os.replace(tmp, target)
    except OSError as err:
        _discard(temps)
        err.filename = str(current)  # name the output, not our temporary
        raise
    except BaseException:
        _discard(temps)
        raise


def _discard(temps: list[tuple[str, Path]]) -> None:
    for tmp, _ in temps:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


def write_output(path: str | Path, data: bytes) -> None:
    """`write_atomic`, with a failure to write (no such directory, permission, disk full, a
    directory in the way) raised as a ConvertError naming the target."""
    write_outputs({Path(path): data})


def write_outputs(files: dict[Path, bytes]) -> None:
    """`write_all_atomic`, with a failure raised as a ConvertError naming the target."""
    try:
        write_all_atomic(files)
    except OSError as err:
        where = err.filename or next(iter(files), "")
        raise ConvertError(str(where), f"cannot write output: {err.strerror or err}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
