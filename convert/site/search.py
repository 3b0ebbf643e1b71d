"""The full-text search index: Pagefind (https://pagefind.app, the `pagefind[bin]` package
from PyPI, pinned in constraints.txt) indexes the opinion pages offline; the search page
loads Pagefind's own UI.  Only `<main data-pagefind-body>` (opinion pages) is indexed, notes
included, download links left out."""

from __future__ import annotations

import subprocess
from pathlib import Path

PAGEFIND_TIMEOUT = 600  # seconds; Pagefind indexes ~1,000 pages a second, so this is slack


class SearchIndexError(Exception):
    pass


def build_index(site: Path) -> None:
    try:
        from pagefind_bin import get_executable
    except ImportError as err:  # pragma: no cover - a dependency of the package
        raise SearchIndexError(f"pagefind is not installed ({err})") from None
    done = subprocess.run([str(get_executable()), "--site", str(site), "--silent"],
                          capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise SearchIndexError(f"pagefind failed: {last[0]}")
