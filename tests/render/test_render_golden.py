"""Acceptance 6: HTML and Markdown goldens for both samples, and for a small document built
here (independent of the readers).

Regenerate on purpose, after a reader or renderer change you have reviewed:

    AKN_REGEN_GOLDENS=1 .venv/bin/python -m pytest tests/render/test_render_golden.py

then read `git diff tests/golden/` before committing."""

from __future__ import annotations

import difflib

import pytest

from render_helpers import GOLDEN, REGEN, SEEDS
from convert.render import render
from render_helpers import sample_tree


def check(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    if not path.exists():
        pytest.fail(f"golden {path} is missing: regenerate with AKN_REGEN_GOLDENS=1 "
                    f".venv/bin/python -m pytest tests/render/test_render_golden.py")
    expected = path.read_bytes()
    if data != expected:
        diff = difflib.unified_diff(expected.decode().splitlines(), data.decode().splitlines(),
                                    f"golden/{name}", "rendered", lineterm="", n=1)
        pytest.fail(f"{name} differs from its golden (regenerate with AKN_REGEN_GOLDENS=1 if "
                    "the change is intended):\n" + "\n".join(list(diff)[:60]))


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seed_golden(key, fmt, seed000, seed004):
    seed = {"000": seed000, "004": seed004}[key]
    check(f"{seed.path.stem}.{fmt}", seed.render(fmt))


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_built_document_golden(fmt):
    check(f"render-sample.{fmt}", render(sample_tree(), fmt))


def test_built_document_fragment_golden():
    check("render-sample.fragment.html", render(sample_tree(), "html", fragment=True))
