"""`make roundtrip` (tools/roundtrip.py): the instrument only -- which inputs it takes and
what it scores them against.  Rendering and reading back are the pipeline's own, tested
elsewhere; the round trip itself is informative and not run here (rendering is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

import roundtrip
from convert.pipeline import parse_data

OPINION = "\n".join(
    ["SUPREME COURT OF THE STATE", "", "OPINION", ""]
    + [f"This is line {i} of the text that the court wrote about the matter here."
       for i in range(1, 9)]
    + ["as the court held.1 More words of the text go on here in the body.", "",
       "__________", "1 The note's own first words go on and on here."])


def test_the_source_label_holds_each_notes_marker_and_first_words():
    parsed = parse_data("opinion.txt", OPINION.encode(), validate=False, citations=False)
    label = roundtrip.source_label(parsed.tree)
    assert label["footnotes"] == [{"marker": "1",
                                   "first_words": "The note's own first words go"}]
    assert [w["kind"] for w in label["writings"]] == ["majority"]


def test_sources_take_a_corpus_vendor_folder_a_folder_or_files(tmp_path: Path):
    (tmp_path / "vendor").mkdir()
    for name in ("b.xml", "a.xml"):
        (tmp_path / "vendor" / name).write_text("<x/>")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "c.xml").write_text("<x/>")
    assert [p.name for p in roundtrip.sources([tmp_path])] == ["a.xml", "b.xml"]
    assert [p.name for p in roundtrip.sources([tmp_path / "other"])] == ["c.xml"]
    with pytest.raises(SystemExit):
        roundtrip.sources([tmp_path / "absent.xml"])
