"""Reading input files: existence, binary detection, encoding."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from .errors import ConvertError


class EncodingWarning_(UserWarning):
    """Input was not UTF-8 and was decoded as Latin-1 (cp1252)."""


class ControlCharacterWarning(UserWarning):
    """Input held characters XML cannot carry (C0 controls, U+FFFE/U+FFFF); read as spaces."""


# Characters XML 1.0 cannot hold.  Form feed is left alone: it is a page break, and the readers
# turn it into one.  NUL is refused outright (binary data), the others read as a space.
_NOT_XML = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise ConvertError(str(path), "no such file")
    if p.is_dir():
        raise ConvertError(str(path), "is a directory, not a file")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise ConvertError(str(path), f"cannot read: {err.strerror or err}") from None
    if not data.strip():
        raise ConvertError(str(path), "file is empty")
    return data


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
