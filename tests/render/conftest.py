"""Fixtures for the renderer tests: AKN documents built here, the two seeds, the corpus.

Expensive renders (PDFs) are made once per session and shared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from render_helpers import CORPUS_AKN, GOLDEN, REGEN, ROOT, SAMPLES, SEEDS, corpus_files  # noqa: F401,E501


class Seed:
    """One sample opinion read by our reader: its AKN tree and bytes, rendered lazily."""

    def __init__(self, key: str):
        from convert.pipeline import parse

        self.key, self.path = key, SEEDS[key]
        self.parsed = parse(self.path)
        self.tree, self.xml = self.parsed.tree, self.parsed.xml
        self._out: dict = {}

    def render(self, fmt: str, **options) -> bytes:
        from convert.render import render

        key = (fmt, tuple(sorted(options.items())))
        if key not in self._out:
            self._out[key] = render(self.tree, fmt, xml_bytes=self.xml, **options)
        return self._out[key]


_SEEDS: dict[str, Seed] = {}


def seed(key: str) -> Seed:
    if key not in _SEEDS:
        try:
            _SEEDS[key] = Seed(key)
        except ImportError as err:  # the text reader has not landed in this tree
            pytest.skip(f"seed {key} cannot be read yet: {err}")
    return _SEEDS[key]


@pytest.fixture(scope="session")
def seed000() -> Seed:
    return seed("000")


@pytest.fixture(scope="session")
def seed004() -> Seed:
    return seed("004")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.skip("Debian chromium is not installed (run tools/system-deps.sh)")
    return path


@pytest.fixture(scope="session")
def pandoc_path() -> str:
    path = shutil.which("pandoc")
    if not path:
        pytest.skip("pandoc is not installed (run tools/system-deps.sh)")
    return path


def parse_akn(data: bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(data))
