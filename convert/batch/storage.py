"""Where a batch reads and writes: local paths, or fsspec URLs (`s3://`, `gs://`, `file://`,
`memory://`, ...) for shared storage or an object store.  fsspec is imported only for URLs.

Output sets are written all-or-nothing: each file goes to `.<name>.<random>.part` beside its
target, then all are renamed.  A run killed between the two leaves `.part` files, which the
next run removes (`clean_parts`) before it starts.
"""

from __future__ import annotations

import os
import posixpath
import re
import secrets
from pathlib import Path

# The temporaries `convert.outputs` and `write_set` leave when killed: `.<target>.<x>.part`.
PART_RE = re.compile(r"^\..+\.[A-Za-z0-9_]+\.part$")


def is_url(location: str) -> bool:
    return "://" in str(location)


def read(location: str, kind: str = "auto", max_bytes: int | None = None) -> bytes:
    """An input's bytes (a ConvertError naming it when it cannot be read, is too large for
    its kind or `max_bytes`, or is empty)."""
    if not is_url(location):
        from ..inputs import read_input

        return read_input(location, kind, max_bytes)
    from fsspec.core import url_to_fs

    from ..errors import ConvertError

    try:
        fs, path = url_to_fs(location)
        size = fs.size(path)
        limit = max_bytes or _cap(kind)
        if size is not None and size > limit:
            raise ConvertError(location, f"{size // 2**20} MB is over the {limit // 2**20} MB "
                                         "limit for this input (--max-size)")
        data = fs.cat_file(path)
    except OSError as err:
        raise ConvertError(location, f"cannot read: {err}") from None
    if not data.strip():
        raise ConvertError(location, "file is empty")
    return data


def _cap(kind: str) -> int:
    from ..inputs import DEFAULT_MAX_BYTES, MAX_BYTES

    return MAX_BYTES.get(kind, DEFAULT_MAX_BYTES)


def write_set(files: dict[str, bytes]) -> None:
    """Every file, or none: temporaries first, then renames."""
    if not any(is_url(k) for k in files):
        from ..outputs import write_outputs

        write_outputs({Path(k): v for k, v in files.items()})
        return
    from fsspec.core import url_to_fs

    temps = []
    try:
        for target, data in files.items():
            fs, path = url_to_fs(target)
            folder, name = posixpath.split(path)
            tmp = posixpath.join(folder, f".{name}.{secrets.token_hex(4)}.part")
            fs.makedirs(folder, exist_ok=True)
            fs.pipe_file(tmp, data)
            temps.append((fs, tmp, path))
        for fs, tmp, path in temps:
            fs.mv(tmp, path)
    except BaseException:
        for fs, tmp, _ in temps:
            try:
                fs.rm(tmp)
            except OSError:
                pass
        raise


class Storage:
    """One tree of files, local or behind fsspec; paths are strings, joined with `/`."""

    def __init__(self, root: str):
        self.root = str(root)
        self.url = is_url(self.root)
        if self.url:
            from fsspec.core import url_to_fs

            self.fs, self.base = url_to_fs(self.root)
        else:
            self.fs, self.base = None, self.root

    # -- naming

    def join(self, *parts: str) -> str:
        if self.url:
            return posixpath.join(self.root.rstrip("/"), *parts)
        return str(Path(self.root, *parts))

    def relative(self, location: str) -> str:
        """`location` (a file under root) relative to root, with `/`."""
        if self.url:
            return location[len(self.root.rstrip("/")) + 1:]
        return Path(location).relative_to(self.root).as_posix()

    def resolved(self) -> str:
        """A canonical form, to compare two trees for overlap."""
        if self.url:
            return self.fs.unstrip_protocol(self.base.rstrip("/"))
        return str(Path(self.root).resolve())

    # -- reading

    def is_dir(self) -> bool:
        return self.fs.isdir(self.base) if self.url else Path(self.root).is_dir()

    def files(self, suffixes: set[str]) -> list[str]:
        """Every file under root whose name ends with one of `suffixes` (any case), sorted."""
        if self.url:
            found = self.fs.find(self.base)
            prefix = self.base.rstrip("/")
            names = [self.join(p[len(prefix) + 1:]) for p in found]
        else:
            names = [str(p) for p in Path(self.root).rglob("*") if p.is_file()]
        return sorted(n for n in names if os.path.splitext(n)[1].lower() in suffixes
                      and not PART_RE.match(posixpath.basename(n.replace(os.sep, "/"))))

    def mtime(self, location: str) -> float | None:
        """Modification time in seconds, None when absent (or the store cannot say)."""
        try:
            if not self.url:
                return os.stat(location).st_mtime
            from fsspec.core import url_to_fs

            fs, path = url_to_fs(location)
            return fs.modified(path).timestamp()
        except (OSError, NotImplementedError, ValueError, KeyError):
            return None

    def clean_parts(self) -> int:
        """Remove the `.part` temporaries a killed run left under root; how many."""
        removed = 0
        if self.url:
            if not self.fs.exists(self.base):
                return 0
            for path in self.fs.find(self.base):
                if PART_RE.match(posixpath.basename(path)):
                    self.fs.rm(path)
                    removed += 1
            return removed
        if not Path(self.root).is_dir():
            return 0
        for path in Path(self.root).rglob("*.part"):
            if PART_RE.match(path.name) and path.is_file():
                try:
                    path.unlink()
                    removed += 1
                except FileNotFoundError:
                    pass
        return removed
