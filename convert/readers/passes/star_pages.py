"""Pass `star_pages`: printed star pages (`[*4]`) become page-break sentinels (rules in
`readers/starpages.py`)."""

from __future__ import annotations

from ..starpages import convert_star_pages

NAME = "star_pages"


def run(state) -> None:
    convert_star_pages(state.lines, state.report, state.labels)
