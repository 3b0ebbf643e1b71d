"""Court-form modules of the furniture pass: the e-filing header stamp and the Supreme Court
slip opinion's first-page head (their example lines)."""

from convert.readers.forms import efiling_stamps, slip_opinion

from passkit import prose, run_through, visible


def test_every_example_stamp_is_a_stamp():
    for line in ["Case 1:12-cv-05708-ER Document 11 Filed 09/27/13 Page 1 of 15",
                 "Case 3:18-cv-16281-BRM-TJB Document 32 Filed 06/30/20 Page 1 of 9 PageID: 263",
                 "Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389",
                 "Appellate Case: 21-800 Document: 010110462922 Date Filed: 01/11/2021 Page: 1"]:
        assert efiling_stamps.is_stamp(line), line
    assert not efiling_stamps.is_stamp("The case and the document filed with it are before us.")


def test_split_fields_go_only_together():
    fields = ["Appellate Case: 21-800", "Document: 010110462922", "Date Filed: 01/11/2021",
              "Page: 1"]
    assert all(efiling_stamps.is_stamp_field(f) for f in fields)
    words = ["alpha", "beta"]
    text = "\f".join("\n".join([*fields, *prose(8, w)]) for w in words)
    state = run_through(text, "furniture")
    assert all(visible(p.lines)[0].startswith("This is line 1") for p in state.pages)
    # One such line alone is the court's own text.
    lone = "\n".join(["Filed: February 5, 2010", *prose(8)])
    assert visible(run_through(lone, "furniture").pages[0].lines)[0] == "Filed: February 5, 2010"


def test_the_slip_opinions_first_page_head_is_furniture():
    head = "(Slip Opinion)              OCTOBER TERM, 2012                      1"
    assert slip_opinion.is_first_page_head(head, 0)
    assert not slip_opinion.is_first_page_head(head, slip_opinion.FIRST_PAGE_HEAD_LINES)
    state = run_through("\n".join([head, *prose(8)]), "furniture")
    assert visible(state.pages[0].lines)[0].startswith("This is line 1")
    assert [r.kind for r in state.report.removed][:1] == ["running-head"]
