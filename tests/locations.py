"""Where the tests' inputs live.  (A module of its own: `tests/render` has a conftest too, so
`from conftest import ...` would be ambiguous.)"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED_000 = SAMPLES / "000_7589f71e06a6d05c.txt"
SEED_004 = SAMPLES / "004_580afe28c66e611c.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
