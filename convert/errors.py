"""Errors a user can act on: each names the file, where in it, and why."""

from __future__ import annotations


class ConvertError(Exception):
    """Bad input or an invalid document.  The CLI prints `str(err)` and exits 1."""

    def __init__(self, path: str, reason: str, line: int | None = None, page: int | None = None):
        self.path, self.reason, self.line, self.page = str(path), reason, line, page
        where = str(path)
        if line is not None:
            where += f":{line}"
        if page is not None:
            where += f" (page {page})"
        super().__init__(f"{where}: {reason}")
