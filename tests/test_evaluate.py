"""`make eval` (tools/evaluate.py): the measuring instrument, on a tiny corpus and tiny
labels the tests write themselves.

Only the instrument is pinned here (scoring functions, row fields, exit status, CAP
plumbing); what the readers find in the real corpus is asserted in test_eval_corpus.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import evaluate
from evaluation import cap, score
from evaluation.measure import THRESHOLD

PAGE_1 = """\
                 UNITED STATES DISTRICT COURT
                   FOR THE DISTRICT OF COLUMBIA

JOHN DOE,
          Plaintiff,
     v.                                   Civil Action No. 20-309 (RC)
RICHARD ROE,
          Defendant.

                       MEMORANDUM OPINION

     The plaintiff brings this action against the defendant under the statute.1 The
court has considered the motion and the opposition and the reply brief filed by the parties.
     The defendant moved to dismiss the complaint for want of jurisdiction over the claims
raised in the complaint, and the court now turns to that motion.

     ____________________
     1 The statute is codified in title five of the United States Code.
"""
PAGE_2 = """\
     For these reasons the motion to dismiss is denied. An order consistent with this
memorandum opinion is separately issued.

Dated: June 23, 2020                          RUDOLPH CONTRERAS
                                              United States District Judge
"""
def _corpus(tmp_path: Path, page_2: str = PAGE_2) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "pdf").mkdir(parents=True)
    (corpus / "pdf" / "doe_v_roe.layout.txt").write_text(PAGE_1 + "\f" + page_2 + "\f",
                                                        encoding="utf-8")
    return corpus


def _run(corpus: Path, tmp_path: Path, *args: str) -> tuple[int, dict]:
    out = tmp_path / "eval.json"
    code = evaluate.main([str(corpus), "--json", str(out), *args])
    return code, json.loads(out.read_text(encoding="utf-8"))


def test_row_fields(tmp_path, capsys):
    code, data = _run(_corpus(tmp_path), tmp_path)
    assert code == 0
    [row] = data["inputs"]
    assert row["name"] == "pdf/doe_v_roe.layout.txt"
    assert row["reader"] == "text"
    assert row["pages"] == 2
    assert row["eops"] == 1  # the break into page 2
    assert row["notes"] == 1 and row["linked"] == 1
    assert row["writings"] == 1  # no separate writings: the body is the one writing
    assert row["furniture"] == sum(row["furniture_by_kind"].values())
    assert "note-label" not in row["furniture_by_kind"]
    assert "separator" not in row["furniture_by_kind"]
    assert row["coverage"] >= THRESHOLD
    assert row["error"] is None and row["failed"] is False
    assert data["summary"]["documents"] == 1
    assert data["summary"]["failed"] == []
    printed = capsys.readouterr().out
    assert "pdf/doe_v_roe.layout.txt" in printed
    assert printed.rstrip().splitlines()[-1].startswith("overall")
    assert data["summary"]["overall"]["min_coverage"] >= THRESHOLD


LABELS = {"documents": {"doe_v_roe": {
    "court": "U.S. District Court, D.D.C.", "docket": "No. 20-309 (RC)",
    "decision_date": "2020-06-23", "title": "Doe v. Roe",
    "printed_page_numbers": [None, "2"],
    "writings": [{"kind": "majority", "author": "Rudolph Contreras"}],
    "footnotes": [{"marker": "1", "page": 1, "first_words": "The statute is codified in"},
                  {"marker": "2", "page": 2, "first_words": "A note the reader cannot see"}]}}}


def test_rows_are_scored_against_labels(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    (corpus / "labels.json").write_text(json.dumps(LABELS), encoding="utf-8")
    code, data = _run(corpus, tmp_path)
    [row] = data["inputs"]
    assert row["labelled"] and row["form"] == "layout" and row["stem"] == "doe_v_roe"
    assert (row["notes_expected"], row["notes_matched"], row["notes"]) == (2, 1, 1)
    assert row["recall"] == 0.5 and row["precision"] == 1.0
    assert row["notes_missing"] == ["2: A note the reader cannot see"]
    assert (row["breaks_expected"], row["breaks_found"]) == (1, 1)
    assert row["docket"] == "match"
    overall = data["summary"]["overall"]
    assert (overall["notes_matched"], overall["notes_expected"]) == (1, 2)
    assert "R 0.50 P 1.00" in capsys.readouterr().out


def test_vendor_xml_without_a_reader_is_skipped(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "vendor").mkdir()
    (corpus / "vendor" / "x.xml").write_text("<opinion><caption>X v. Y</caption></opinion>",
                                             encoding="utf-8")
    from convert.readers import registry

    code, data = _run(corpus, tmp_path)
    vendor = next(r for r in data["inputs"] if r["form"] == "vendor")
    claimed = registry.detect(corpus / "vendor" / "x.xml", b"<opinion><caption>")
    if ".xml" in registry.get(claimed).suffixes:
        assert not vendor["skipped"]  # a reader claims it now: the form is scored
    else:
        assert vendor["skipped"] and not vendor["failed"]
        assert code == 0


# --------------------------------------------------------------------------- scoring functions

def test_notes_match_by_marker_and_first_words():
    labelled = [{"marker": "1", "first_words": "The statute is codified in"},
                {"marker": "*", "first_words": "Judge Smith sat by designation"},
                {"marker": "2", "first_words": "See the record at"}]
    found = [("1", "The statute is codified in title five."),
             ("*", "Judge Smith sat by designation."),
             ("2", "Something else entirely opens this note.")]
    s = score.score_notes(labelled, found)
    assert (s.expected, s.found, s.matched, s.marker_only) == (3, 3, 2, 1)
    assert s.recall == 2 / 3 and s.precision == 2 / 3
    assert s.missing == ["2: See the record at"]
    assert s.unexpected == ["2: Something else entirely opens this note."]


def test_note_openings_tolerate_extraction_noise_but_not_other_words():
    assert score.same_opening("The ﬁrst claim “fails” here", 'The first claim "fails" here.')
    assert score.same_opening("Within subbasins 1, 2, and 4,", "Within sub- basins 1, 2, and 4")
    assert not score.same_opening("The Compact defines water as", "The Court holds that the")


def test_note_markers_lose_their_dressing():
    assert {score.norm_marker(m) for m in ("1", "(1)", "(1.)", "[1]", "1.")} == {"1"}
    assert score.norm_marker("†") == "†"


def test_each_found_note_matches_one_label_only():
    labelled = [{"marker": "1", "first_words": "Same words"},
                {"marker": "1", "first_words": "Same words"}]
    s = score.score_notes(labelled, [("1", "Same words here")])
    assert (s.matched, s.precision, s.recall) == (1, 1.0, 0.5)
    assert score.score_notes([], []).recall == score.score_notes([], []).precision == 1.0


def test_page_breaks_and_printed_numbers():
    printed = [None, "2", "3", None, "5"]
    ok = score.score_breaks(printed, ["2", "3", None, "5"])
    assert ok.ok and (ok.expected, ok.found, ok.numbers_expected, ok.numbers_found) == (4, 4, 3, 3)
    missing = score.score_breaks(printed, ["2", "5"])
    assert not missing.ok and (missing.found, missing.numbers_found) == (2, 2)
    unnumbered = score.score_breaks(printed, [None, None, None, None])
    assert not unnumbered.ok and unnumbered.numbers_found == 0
    extra = score.score_breaks(printed, ["2", "3", None, "5", None])
    assert not extra.ok
    # repeated numbers (syllabus 1-2, then opinion 1-2) are matched in order
    assert score.score_breaks(["1", "2", "1", "2"], ["2", "1", "2"]).ok
    # a mark of where the first page begins (vendor `Page 253`) is not a break
    assert score.score_breaks(["253", "254"], ["253", "254"]).ok


def test_dockets_compare_normalised():
    assert score.docket_result("No. 11-889", ["11\u2013889"]) == "match"
    assert score.docket_result("5:17-cv-00072-BLF", ["17-cv-00072-BLF"]) == "match"
    assert score.docket_result("19031-13, 27735-13, 11905-14", ["19031-13, 27735-13"]) == "partial"
    assert score.docket_result("20-1507", ["20-1508"]) == "differ"
    assert score.docket_result("20-1507", []) == "missing"
    assert score.docket_result(None, ["20-1507"]) == "unlabelled"


def test_dockets_compare_on_their_core_number():
    """Year and serial decide (CourtListener's docket_number_core); what surrounds them --
    office prefix, case type, division, judges' initials, a letter prefix -- does not."""
    assert score.docket_core("3:04-cv-00098-SI") == score.docket_core("C 04-0098 SI") == "04-98"
    assert score.docket_core("MDL 15-02641-PHX-DGC") == "15-2641"
    assert score.docket_result("3:04-cv-00098-SI", ["C 04-0098 SI"]) == "match"
    assert score.docket_result("MDL 15-02641", ["MDL 15-02641-PHX-DGC"]) == "match"
    assert score.docket_result("3:04-cv-00098-SI", ["C 04-0099 SI"]) == "differ"
    assert score.docket_result("04-cv-00098", ["05-cv-00098"]) == "differ"
    # other shapes keep their printed tokens: a four-digit year, serial-year, letters inside
    assert score.docket_core("2009-1361") is None and score.docket_core("19031-13") is None
    assert score.docket_core("Case Number 1-02-70") is None
    assert score.docket_result("2009-1361", ["2009-1362"]) == "differ"


def test_court_by_courts_db_id_or_name():
    from evaluation.labels import label_court_id

    assert label_court_id("U.S. District Court, N.D. Cal.") == "cand"
    assert label_court_id("U.S. Court of Appeals for the Eleventh Circuit") == "ca11"
    assert label_court_id("Supreme Court of Georgia") == "ga"
    assert score.court_result("cand", "x", "cand", "whatever") == "match"
    assert score.court_result("cand", "x", "caed", "whatever") == "differ"
    assert score.court_result(None, "Board of Review", None, "board of review") == "match"
    assert score.court_result("cand", "x", None, None) == "missing"
    assert score.court_result("ga", "Supreme Court of Georgia", None,
                              "SUPREME COURT OF GEORGIA") == "match"


def test_title_and_date():
    assert score.title_result("Calvary Chapel of Bangor v. Mills",
                              ["CALVARY CHAPEL OF BANGOR v. MILLS"]) == "match"
    assert score.title_result("Doe v. Roe", ["Smith v. Jones Holdings"]) == "differ"
    assert score.value_result("2020-06-23", "2020-06-23") == "match"
    assert score.value_result("2020-06-23", None) == "missing"


def test_writings_kinds_and_authors():
    labelled = [{"kind": "majority", "author": "Selya"},
                {"kind": "concurrence", "author": "Blair T. O\u2019Connor"},
                {"kind": "per curiam", "author": None}]
    w = score.score_writings(labelled, [("majority", "Selya"), ("concurrence", "O'Connor"),
                                        ("perCuriam", None)])
    assert w.kinds_match and (w.authors_expected, w.authors_matched) == (2, 2)
    w = score.score_writings(labelled, [("majority", "Barron")])
    assert not w.kinds_match and w.authors_matched == 0


def test_cross_form_agreement():
    from evaluation.agreement import agreements
    from evaluation.measure import Row

    def row(form, markers, eops, stem="a"):
        return Row(f"pdf/{stem}.{form}", stem, form, notes=len(markers), markers=markers,
                   eops=eops)

    same = [row(f, ["1", "2"], 3) for f in ("pdf", "layout", "raw")]
    differ = [row("pdf", ["1", "2"], 3, "b"), row("layout", ["1"], 3, "b"),
              row("raw", ["1", "2"], 2, "b")]
    [a, b] = agreements(same + differ)
    assert a.agree and not b.agree
    assert b.differences == ["notes: pdf 2 [1 2] vs layout 1 [1]", "page breaks: pdf 3 vs raw 2"]


def test_paragraph_counts_agree_within_bounds():
    from evaluation.agreement import agreements
    from evaluation.measure import Row
    from evaluation.report import agreement_lines

    def rows(stem, counts):
        return [Row(f"pdf/{stem}.{f}", stem, f, notes=0, markers=[], eops=1, paragraphs=n)
                for f, n in zip(("pdf", "layout", "raw"), counts)]

    near, short, apart = agreements(rows("a", [40, 44, 59]) + rows("b", [2, 4, 6])
                                    + rows("c", [14, 14, 43]))
    assert near.paragraphs_agree and short.paragraphs_agree and not apart.paragraphs_agree
    assert apart.agree  # informative: notes and page breaks decide `agree`
    lines = agreement_lines([near, short, apart])
    assert lines[-2].endswith("2/3 PDFs agree") and lines[-1] == "  c: 14 / 14 / 43"


def test_unlinked_note_is_counted(tmp_path, monkeypatch):
    """A note is linked unless the reader warns that its call was not found (the warning
    `footnotes.link_calls` writes).  The warning is injected so the test pins the counting,
    not the footnote heuristics."""
    from convert import pipeline

    real_parse = pipeline.parse

    def parse(path, fmt="auto"):
        parsed = real_parse(path, fmt)
        parsed.report.warnings.append("page 1: call of footnote 1 not found; "
                                      "note placed at the end of the page's text")
        return parsed

    monkeypatch.setattr(pipeline, "parse", parse)
    code, data = _run(_corpus(tmp_path), tmp_path)
    [row] = data["inputs"]
    assert row["notes"] == 1
    assert row["linked"] == 0
    assert any("call of footnote 1 not found" in w for w in row["warnings"])


def test_output_is_deterministic_apart_from_timing(tmp_path, capsys):
    corpus = _corpus(tmp_path)

    def strip_times(text: str) -> str:
        import re
        return re.sub(r"\d+\.\d+s\b", "T", text)

    evaluate.main([str(corpus)])
    first = capsys.readouterr().out
    evaluate.main([str(corpus)])
    assert strip_times(capsys.readouterr().out) == strip_times(first)


def test_low_coverage_fails_unless_no_fail(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    # No document can cover more than all of its words: a threshold above 1 must fail.
    code, data = _run(corpus, tmp_path, "--threshold", "1.01")
    assert code == 1
    assert data["summary"]["failed"] == ["pdf/doe_v_roe.layout.txt"]
    assert "FAIL pdf/doe_v_roe.layout.txt" in capsys.readouterr().out
    code, _ = _run(corpus, tmp_path, "--threshold", "1.01", "--no-fail")
    assert code == 0


def test_conversion_error_is_a_row_and_fails(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    (corpus / "text").mkdir()
    (corpus / "text" / "empty.txt").write_text("   \n", encoding="utf-8")
    code, data = _run(corpus, tmp_path)
    assert code == 1
    bad = next(r for r in data["inputs"] if r["name"] == "text/empty.txt")
    assert "empty" in bad["error"] and bad["failed"]
    assert "FAIL" in capsys.readouterr().out
    assert _run(corpus, tmp_path, "--no-fail")[0] == 0


def test_pdf_input_never_crashes_the_run(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "pdf" / "doe_v_roe.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n%%EOF\n")
    (corpus / "pdf" / "doe_v_roe.raw.txt").write_text(PAGE_1 + "\f" + PAGE_2 + "\f",
                                                     encoding="utf-8")
    code, data = _run(corpus, tmp_path, "--no-fail")
    assert code == 0
    names = [r["name"] for r in data["inputs"]]
    assert names == ["pdf/doe_v_roe.pdf", "pdf/doe_v_roe.layout.txt", "pdf/doe_v_roe.raw.txt"]
    pdf = data["inputs"][0]
    # The PDF reader rejects the fake file with an error row; the run goes on.
    assert pdf["error"] and not pdf["skipped"]
    assert data["summary"]["documents"] == 1


def test_absent_corpus_skips(tmp_path, capsys):
    code = evaluate.main([str(tmp_path / "nowhere")])
    assert code == 0
    assert "absent" in capsys.readouterr().out


# --------------------------------------------------------------------------- CAP plumbing

FASTCASE = """<Case>
  <Citations><Citation><Volume>945</Volume><Reporter>N.E.2d</Reporter><Page>484</Page>
  </Citation></Citations>
  <HeaderHtml>&lt;CENTER&gt;&lt;p&gt;945 N.E.2d 484&lt;br&gt;DOE v. ROE&lt;/p&gt;&lt;/CENTER&gt;</HeaderHtml>
  <CaseHtml>&lt;p&gt;The court holds&lt;sup&gt;1&lt;/sup&gt; that the motion fails.&lt;/p&gt;
&lt;p&gt;[945 N.E.2d 485]&lt;/p&gt;&lt;p&gt;It is affirmed [see 12 F.3d 4].&lt;/p&gt;
&lt;!-- a comment --&gt;&lt;p&gt;--------&lt;/p&gt;&lt;p&gt;1. A note.&lt;/p&gt;</CaseHtml>
</Case>
"""
CAP_HTML = """<section class="casebody">
<section class="head-matter"><p class="parties">DOE v. ROE</p></section>
<article class="opinion" data-type="majority"><p>The court holds<a class="footnotemark">1</a>
that the motion fails. <a class="page-label" data-citation-index="1">*485</a> It is affirmed.</p>
<aside class="footnote" data-label="1">A note.</aside></article>
<article class="opinion" data-type="dissent"><p>I dissent.</p></article>
</section>
"""


def test_html_text_blocks_and_star_pages():
    text = cap.html_text("<p>One <i>two</i><br>three</p><p>[945 N.E.2d 485]</p>"
                              "<blockquote>quoted</blockquote><!-- gone -->tail")
    assert text == "One two\nthree\n\n[945 N.E.2d 485]\n\nquoted\n\ntail\n"
    assert cap.star_pages(text) == 1
    assert cap.star_pages("[945 N.E.2d 485 , 920 N.Y.S.2d 292] [see 12 F.3d 4]",
                               {("945", "n.e.2d"), ("920", "n.y.s.2d")}) == 2


def test_cap_pairs_are_compared_and_do_not_affect_exit(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    cap = corpus / "cap"
    cap.mkdir()
    (cap / "X_1_doe.fastcase.xml").write_text(FASTCASE, encoding="utf-8")
    (cap / "X_1_doe.cap.html").write_text(CAP_HTML, encoding="utf-8")
    (cap / "a2d_1_0001-01.json").write_text(json.dumps({"casebody": {
        "head_matter": "DOE v. ROE.\nNo. 1.",
        "opinions": [{"type": "majority", "text": "SMITH, J.\nAffirmed."}]}}), encoding="utf-8")
    (cap / "a2d_1_0001-01.html").write_text(CAP_HTML, encoding="utf-8")
    code, data = _run(corpus, tmp_path)
    assert code == 0
    by_name = {c["name"]: c for c in data["cap"]}
    assert sorted(by_name) == ["X_1_doe", "a2d_1_0001-01"]
    fc = by_name["X_1_doe"]
    assert fc["expected_writings"] == ["majority", "dissent"]
    assert fc["expected_footnotes"] == 1
    assert fc["expected_pages"] == 1
    assert fc["source_pages"] == 1  # [945 N.E.2d 485]; [see 12 F.3d 4] is not ours
    assert fc["error"] is None and fc["found"]["error"] is None
    assert fc["found"]["coverage"] is not None
    assert by_name["a2d_1_0001-01"]["found"]["error"] is None
    assert "informative" in capsys.readouterr().out


def test_pdf_coverage_text_undoes_letter_spacing_only_where_the_akn_joins_it():
    from lxml import etree

    from evaluation.measure import rejoin_letter_spaced

    tree = etree.ElementTree(etree.fromstring(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><judgment>'
        "<judgmentBody><p>FOR THE SECOND CIRCUIT. A MOTION. PER CURIAM</p></judgmentBody>"
        "</judgment></akomaNtoso>"))
    raw = "F OR THE S ECOND C IRCUIT. A MOTION. P ER CURIAM"
    assert rejoin_letter_spaced(raw, tree) == "FOR THE SECOND CIRCUIT. A MOTION. PER CURIAM"


def test_a_judgment_without_separate_writings_is_one_by_its_signer():
    from convert.pipeline import parse_data
    from evaluation.extract import found_in

    text = "\n".join(["ORDER", "", *(["The motion is denied for the reasons the parties "
                                     "argued at length in their papers and at the hearing."]
                                    * 4), "", "IT IS SO ORDERED.", "", "Dated: June 10, 2021",
                      "JANE ROE", "United States District Judge"])
    tree = parse_data("order.txt", text.encode(), citations=False, validate=False).tree
    assert found_in(tree).writings == [("majority", "Jane Roe")]
    unsigned = parse_data("order.txt", text.rsplit("\n", 3)[0].encode(), citations=False,
                          validate=False).tree
    assert found_in(unsigned).writings == [("majority", None)]
