"""Golden AKN for both samples: the reader's output, byte for byte.

Regenerate on purpose only: `AKN_REGEN_GOLDENS=1 .venv/bin/python -m pytest tests/test_golden_xml.py`
then review `git diff tests/golden/`.
"""

from __future__ import annotations

import os

import pytest

from convert.pipeline import parse

from locations import ROOT, SEED_000, SEED_004

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("seed", [SEED_000, SEED_004], ids=lambda p: p.stem)
def test_xml_matches_golden(seed):
    golden = GOLDEN / f"{seed.stem}.xml"
    xml = parse(seed).xml
    if os.environ.get("AKN_REGEN_GOLDENS") == "1":
        golden.write_bytes(xml)
    assert golden.exists(), f"no golden {golden.name}: regenerate with AKN_REGEN_GOLDENS=1"
    assert xml == golden.read_bytes()
