"""Pass `furniture`: remove page furniture (stamps, line numbers, running heads, page
numbers) from every page and set each page's printed number (`state.labels`).  The rules
are in `readers/furniture.py`."""

from __future__ import annotations

from ..furniture import strip_furniture

NAME = "furniture"


def run(state) -> None:
    state.labels = strip_furniture(state.pages, state.report)
