"""Reading input files: bounded, regular files only, then binary detection and encoding.

Every command reads its inputs here (`akn validate` through `validate.safe`, which turns an
`InputError` into its report issue): a path must be a regular file (a FIFO with no writer
would hang the run, `/dev/zero` would fill memory), no larger than its kind's cap, checked on
`stat` before a byte is read and again while reading.  Each refusal is one line naming the
file; the other inputs of the run go on.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import warnings
from pathlib import Path

from .errors import ConvertError

MB = 1024 * 1024
# The validator's default cap, and the cap of any input kind not listed below (HTML, JSON,
# vendor XML): hostile-XML handling was tuned for it (docs/validate.md).
DEFAULT_MAX_BYTES = 50 * MB
# Per input kind (reader names, plus "akn" for AKN XML given to `render`).  The longest US
# opinions run to about 1 MB of text; text and Markdown get 32 MB, which keeps the 20 MB
# reader benchmark inside.  PDFs carry fonts and images besides their text: 100 MB covers a
# 500-page scanned record.
MAX_BYTES = {"text": 32 * MB, "markdown": 32 * MB, "pdf": 100 * MB, "akn": DEFAULT_MAX_BYTES}
HEAD_BYTES = 65536  # what format detection looks at (registry.SNIFF_BYTES)


class EncodingWarning_(UserWarning):
    """Input was not UTF-8 and was decoded as Latin-1 (cp1252)."""


class ControlCharacterWarning(UserWarning):
    """Input held characters XML cannot carry (C0 controls, U+FFFE/U+FFFF); read as spaces."""


class InputError(ConvertError):
    """An input refused before reading: `rule` is a short id (the validator reports it)."""

    def __init__(self, path: str, rule: str, reason: str):
        self.rule = rule
        super().__init__(path, reason)


# Characters XML 1.0 cannot hold.  Form feed is left alone: it is a page break, and the readers
# turn it into one.  NUL is refused outright (binary data), the others read as a space.
_NOT_XML = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def size_text(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def cap_for(kind: str | None) -> int:
    return MAX_BYTES.get(kind or "", DEFAULT_MAX_BYTES)


def check_regular(path: str | Path) -> os.stat_result:
    """`stat` the path (following symlinks) and refuse anything but a regular file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(str(path), "not-found", "no such file") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(str(path), "unreadable",
                             "symlink loop: the link points back at itself") from None
        raise InputError(str(path), "unreadable",
                         f"cannot read: {err.strerror or err}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(str(path), "not-a-file", "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs, devices (/dev/zero, /dev/urandom), sockets: unbounded or blocking.
        raise InputError(str(path), "not-a-file",
                         "not a regular file (device, FIFO or socket): refused")
    return st


def _too_large(path, size: int, cap: int, kind: str | None) -> InputError:
    what = f" for {kind} input" if kind else ""
    return InputError(str(path), "too-large",
                      f"file is {size_text(size)}, over the {size_text(cap)} limit{what}: "
                      "refused without reading (raise it with --max-size)")


def read_bounded(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file no larger than `max_bytes`, or `InputError`."""
    st = check_regular(path)
    if st.st_size > max_bytes:
        raise _too_large(path, st.st_size, max_bytes, None)
    return _read_capped(path, max_bytes)


def _read_capped(path, max_bytes: int, kind: str | None = None) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # never more than the cap, even if the file grew
    except OSError as err:
        raise InputError(str(path), "unreadable", f"cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise InputError(str(path), "too-large", f"file grew past the {size_text(max_bytes)} "
                                                 "limit while being read: refused")
    return data


def read_input(path: str | Path, kind: str = "auto", max_bytes: int | None = None) -> bytes:
    """An input of `convert`/`parse`: a regular file, under `max_bytes` when given, else
    under the cap of its kind (`kind`, or detected from its name and first bytes)."""
    st = check_regular(path)
    if max_bytes is None:
        if kind == "auto":
            from .readers import registry

            try:
                with open(path, "rb") as f:
                    head = f.read(HEAD_BYTES)
            except OSError as err:
                raise InputError(str(path), "unreadable",
                                 f"cannot read: {err.strerror or err}") from None
            kind = registry.detect(str(path), head)
        max_bytes = cap_for(kind)
    if st.st_size > max_bytes:
        raise _too_large(path, st.st_size, max_bytes, None if kind == "auto" else kind)
    data = _read_capped(path, max_bytes)
    if not data.strip():
        raise ConvertError(str(path), "file is empty")
    return data


def read_stream(stream, source: str, max_bytes: int | None = None) -> bytes:
    """stdin, read up to the cap (`akn convert -` of `/dev/zero` stops at the cap)."""
    cap = max_bytes or max(MAX_BYTES.values())
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(source, "too-large", f"more than {size_text(cap)}: refused "
                                              "(raise it with --max-size)")
    return data


def read_bytes(path: str | Path) -> bytes:
    """A regular file under the default cap (for callers that know no kind)."""
    return read_input(path)


# UTF-16 without a byte-order mark: in a sample of this many bytes, at least this share of
# the bytes on one side of each pair are NUL (ASCII text in UTF-16) and almost none on the
# other.  Binary data has NULs on both sides.
_UTF16_SAMPLE = 4096
_UTF16_NUL_SHARE = 0.9
_UTF16_OTHER_SHARE = 0.05


def utf16_codec(data: bytes) -> str | None:
    """"utf-16" (with a byte-order mark), "utf-16-le"/"utf-16-be" (without one, recognised by
    where its NUL bytes fall), or None for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        return "utf-16"
    sample = data[:_UTF16_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0:2 * pairs:2].count(0) / pairs
    odd = sample[1:2 * pairs:2].count(0) / pairs
    if odd >= _UTF16_NUL_SHARE and even <= _UTF16_OTHER_SHARE:
        return "utf-16-le"
    if even >= _UTF16_NUL_SHARE and odd <= _UTF16_OTHER_SHARE:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters: not text a reader can use."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def read_text(path: str | Path, data: bytes | None = None) -> str:
    """The text of an input file (its bytes, if the caller has read them already).  UTF-8
    (with or without BOM) is expected; anything else is decoded as Windows-1252/Latin-1 with
    a warning, so a legacy file converts, never crashes."""
    if data is None:
        data = read_bytes(path)
    utf16 = utf16_codec(data)
    if utf16:  # its NUL bytes are half of every ASCII character, not binary data
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as err:
            raise ConvertError(str(path), f"not valid {utf16.upper()} at byte {err.start}: "
                                          "damaged text") from None
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        return _xml_safe(text, path)
    if looks_binary(data):
        raise ConvertError(str(path), "binary file, not text (is it a PDF or an image?)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        warnings.warn(
            f"{path}:{line}: not UTF-8; read as Latin-1 (Windows-1252)",
            EncodingWarning_, stacklevel=2,
        )
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _xml_safe(text, path)


def _xml_safe(text: str, path: str | Path) -> str:
    """Refuse NUL (binary data past the sniffed head); replace the other characters XML
    cannot hold by spaces, with a warning naming the first line."""
    nul = text.find("\x00")
    if nul >= 0:
        raise ConvertError(str(path), "NUL byte: binary data, not text",
                           line=text.count("\n", 0, nul) + 1)
    first = _NOT_XML.search(text)
    if first is None:
        return text
    text, count = _NOT_XML.subn(" ", text)
    line = text.count("\n", 0, first.start()) + 1
    warnings.warn(f"{path}:{line}: {count} character(s) XML cannot hold "
                  f"(first U+{ord(first.group()):04X}) read as spaces",
                  ControlCharacterWarning, stacklevel=3)
    return text
