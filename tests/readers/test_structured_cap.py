"""CAP / case.law HTML and Fastcase vendor files (issue 13, acceptance 1, 2 and 4).

The Fastcase file and CAP's structured conversion of the same opinion must give the same
AKN: the same writings with the same types, every footnote with its call at the same word in
the same paragraph, every page label at the same word (series matching one to one), the same
block quotes.  `structured_facts.differences` lists every difference; there must be none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from convert.akn.builder import build
from convert.readers import registry
from convert.readers.structured import cap, fastcase
from convert.validate.profile import profile_issues
from convert.validate.schema import schema_errors

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from locations import CORPUS  # noqa: E402
from structured_facts import differences, facts  # noqa: E402

CAP_DIR = CORPUS / "cap"
PAIRS = sorted(p.name.removesuffix(".fastcase.xml") for p in CAP_DIR.glob("*.fastcase.xml")) \
    if CAP_DIR.is_dir() else []
CAP_HTML = sorted(p.name for p in CAP_DIR.glob("*.html")) if CAP_DIR.is_dir() else []
# Metadata the profile requires that a source may simply not state (NE2d's record gives a
# date where its docket should be): reported by the profile, not a reader error.
SOURCE_METADATA_RULES = {"docket", "decision-date"}

needs_corpus = pytest.mark.skipif(not CAP_DIR.is_dir(),
                                  reason="../shared/corpus/cap is absent (shared corpus)")


def _read(module, path: Path):
    doc, report = module.read(str(path), path.read_bytes())
    return build(doc), report


@needs_corpus
@pytest.mark.parametrize("stem", PAIRS)
def test_fastcase_matches_its_cap_twin(stem):
    fc_tree, _ = _read(fastcase, CAP_DIR / f"{stem}.fastcase.xml")
    cap_tree, _ = _read(cap, CAP_DIR / f"{stem}.cap.html")
    a, b = facts(fc_tree), facts(cap_tree)
    assert a.notes and a.pages and a.writings, "nothing compared"
    diffs = differences(a, b, "fastcase", "cap")
    assert diffs == [], "\n".join(diffs)


@needs_corpus
def test_pairs_cover_the_corpus_claims():
    """What the corpus README says the pairs exercise is what we compare."""
    counts = {}
    for stem in PAIRS:
        f = facts(_read(fastcase, CAP_DIR / f"{stem}.fastcase.xml")[0])
        counts[stem] = (f.writings, len(f.notes), len({s for _n, s, _w in f.pages}),
                        len(f.quotes))
    assert counts["NE2d_945_945ne2d484"][0] == ["majority", "concurrence", "dissent"]
    assert counts["NE2d_945_945ne2d484"][2] == 3  # *484, **291, ***274 series
    assert counts["A3d_100_100a3d1004_Replace2"][1] == 11
    assert counts["SE2d_592_592SE2d124_GA_Pag"][1] == 29
    assert counts["P3d_332_332p3d688_Replace"][1] == 11
    assert counts["P3d_332_332p3d688_Replace"][3] >= 54


@needs_corpus
@pytest.mark.parametrize("name", [*CAP_HTML, *(f"{s}.fastcase.xml" for s in PAIRS)])
def test_outputs_are_schema_and_profile_valid(name):
    path = CAP_DIR / name
    module = fastcase if name.endswith(".xml") else cap
    tree, _ = _read(module, path)
    assert schema_errors(tree) == []
    _ok, issues, _ = profile_issues(tree)
    assert [i.message for i in issues if i.rule not in SOURCE_METADATA_RULES] == []


@needs_corpus
def test_cap_marker_paragraphs_become_page_breaks_and_are_reported():
    """CAP left `[945 N.E.2d 485 , 920 N.Y.S.2d 292]` as a paragraph of citations: each
    continues a series, so it is a page marker; the reader says so."""
    tree, report = _read(cap, CAP_DIR / "NE2d_945_945ne2d484.cap.html")
    f = facts(tree)
    numbers = {(n, s) for n, s, _w in f.pages}
    assert ("485", "#series_ne2d") in numbers and ("292", "#series_nys2d") in numbers
    assert any("945 N.E.2d 485" in w for w in report.warnings)
    assert "945 N.E.2d 485" in " ".join(r.text for r in report.removed)
    assert not any(r.kind == "page-marker" and "N.E.2d 484" in r.text for r in report.removed)


@needs_corpus
def test_three_series_keep_their_reporters():
    tree, _ = _read(fastcase, CAP_DIR / "NE2d_945_945ne2d484.fastcase.xml")
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    refs = tree.xpath("//a:references/a:TLCReference[@name='reporter']/@showAs", namespaces=ns)
    assert refs == ["N.Y.3d", "N.E.2d", "N.Y.S.2d"]  # the record's citation order
    first = tree.xpath("//a:eop", namespaces=ns)[0]
    assert (first.get("number"), first.get("refersTo")) == ("291", "#series_nys2d")


def test_detection_by_content():
    assert registry.detect("x.html", b'<section class="casebody" data-firstpage="1">') == "cap"
    assert registry.detect("x.xml", b"<Case>\n<CaseHtml>&lt;p&gt;x</CaseHtml></Case>") == \
        "fastcase"
    assert registry.detect("x.html", b"<html><body><p>Hello</p></body></html>") != "cap"
