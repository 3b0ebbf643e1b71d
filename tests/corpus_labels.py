"""The development corpus's hand-made labels (`../shared/corpus/labels.json`), read by the
corpus tests.  Expectations come from the labels, never from the evaluation harness."""

from __future__ import annotations

import json
from functools import lru_cache

from locations import CORPUS


@lru_cache(maxsize=None)
def labels() -> dict[str, dict]:
    path = CORPUS / "labels.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


def note_count(stem: str) -> int:
    """How many footnotes the labels give the document."""
    return len(labels()[stem]["footnotes"])
